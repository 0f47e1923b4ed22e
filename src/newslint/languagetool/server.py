"""One LanguageTool JVM: start it on a free loopback port, wait until it answers, stop it.

LanguageTool's HTTPServer binds to localhost unless `--public` is given; newslint never gives
it. On Linux the JVM gets PR_SET_PDEATHSIG, so it dies with the process that started it even
when that process is killed with SIGKILL and no `finally` or atexit handler runs: a leaked JVM
is the most common complaint against LanguageTool clients.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from . import spawn
from .errors import ALTERNATIVES, LanguageToolUnavailable
from .install import Installation
from .java import require_java
from .transport import answers

HERE = Path(__file__).parent
SERVER_PROPERTIES = HERE / "server.properties"
LOGBACK = HERE / "logback.xml"
JAVA_OPTS_ENV = "NEWSLINT_LANGUAGETOOL_JAVA_OPTS"
# 1 GB is ample for German and English with a few pipelines; the JVM's default (1/4 of RAM)
# only delays garbage collection. Serial GC: least memory and fastest on small machines.
DEFAULT_JAVA_OPTS = ("-Xms128m", "-Xmx1g", "-XX:+UseSerialGC")
MARKER = "-Dnewslint.languagetool=1"  # lets tests and `ps` tell our JVMs apart
START_TIMEOUT = 120.0
# What LanguageTool prints when another program took the port between our pick and its bind
# (the last lines are stack frames, so the whole recent log is searched).
PORT_TAKEN = ("PortBindingException", "Address already in use")


def _pdeathsig_setter() -> Any:
    """A preexec_fn that asks Linux to SIGTERM the child when its parent thread dies."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        prctl = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None
    pr_set_pdeathsig = 1

    def preexec() -> None:
        prctl(pr_set_pdeathsig, int(signal.SIGTERM), 0, 0, 0)

    return preexec


_PREEXEC = _pdeathsig_setter()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def java_command(java: Path, installation: Installation, port: int) -> list[str]:
    extra = os.environ.get(JAVA_OPTS_ENV)
    opts = extra.split() if extra else list(DEFAULT_JAVA_OPTS)
    return [
        str(java),
        *opts,
        MARKER,
        f"-Dlogback.configurationFile={LOGBACK}",
        "-Dfile.encoding=UTF-8",
        "-cp",
        installation.classpath_arg(),
        "org.languagetool.server.HTTPServer",
        "--port",
        str(port),
        "--config",
        str(SERVER_PROPERTIES),
    ]


class LocalServer:
    """A JVM running LanguageTool's HTTP server on 127.0.0.1, owned by this Python process."""

    def __init__(self, installation: Installation, log: IO[bytes] | None = None) -> None:
        self.installation = installation
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        # Owned by this object and closed in close(), so no `with` block.
        self._log: IO[bytes] = log if log is not None else tempfile.TemporaryFile()  # noqa: SIM115

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def alive(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, timeout: float = START_TIMEOUT) -> None:
        """Start the JVM and wait until it answers; retry on a port taken in between."""
        java = require_java()
        last = ""
        for _attempt in range(3):
            self.port = free_port()
            self._proc = spawn.popen(
                java_command(java, self.installation, self.port),
                stdin=subprocess.DEVNULL,
                stdout=self._log,
                stderr=subprocess.STDOUT,
                preexec_fn=_PREEXEC,
            )
            if self._wait_ready(timeout):
                return
            last = self.log_tail()
            taken = any(marker in self._log_text() for marker in PORT_TAKEN)
            self.stop()
            if not taken:
                break
        raise LanguageToolUnavailable(
            f"LanguageTool server did not start: {last or 'no output'}; {ALTERNATIVES}."
        )

    def _wait_ready(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                return False
            if answers(self.url, timeout=2.0):
                return True
            time.sleep(0.1)
        return False

    def stop(self, grace: float = 5.0) -> None:
        """SIGTERM, then SIGKILL after `grace` seconds; always reaps the process."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(grace)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def log_tail(self, lines: int = 3) -> str:
        """The last lines the JVM printed, without Java stack frames, for one-line errors."""
        kept = [line.strip() for line in self._log_text().splitlines()]
        kept = [line for line in kept if line and not line.startswith(("at ", "..."))]
        return " | ".join(kept[-lines:])[:400]

    def _log_text(self) -> str:
        with contextlib.suppress(OSError, ValueError):
            self._log.flush()
            self._log.seek(0, os.SEEK_END)
            size = self._log.tell()
            self._log.seek(max(0, size - 8192))
            return self._log.read().decode("utf-8", "replace")
        return ""

    def close(self) -> None:
        self.stop()
        with contextlib.suppress(OSError):
            self._log.close()
