"""The long-lived LanguageTool server that later runs (e.g. a pre-commit hook) reuse.

`python -m newslint.languagetool.supervisor` runs `serve()`: a small supervisor, detached
from the terminal (own session), that starts the JVM as its child, publishes `state.json`
once the server answers, and stops the JVM when `last-used` (touched by every client
request) is older than the idle limit, or when it gets SIGTERM. The JVM dies with the
supervisor (PDEATHSIG), so even `kill -9` on the supervisor leaves no JVM behind.

Files in the user-only state dir (`<cache>/server`, 0700; files 0600):
    state.json   pid, java_pid, port, version, started, idle_seconds
    last-used    mtime = last client request
    daemon.lock  flock: starting, stopping and the idle decision are serialised by it
    daemon.log   supervisor and JVM output of the current daemon
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from types import FrameType

from .errors import ALTERNATIVES, LanguageToolUnavailable
from .install import Installation
from .paths import CACHE_ENV, Home, ensure_private_dir
from .server import MARKER, START_TIMEOUT, LocalServer
from .transport import answers

STATE, LAST_USED, LOCK, LOG = "state.json", "last-used", "daemon.lock", "daemon.log"
MODULE = "newslint.languagetool.supervisor"  # the `python -m` entry point
Progress = Callable[[str], None]


@dataclass(frozen=True)
class DaemonState:
    pid: int
    java_pid: int
    port: int
    version: str
    started: float
    idle_seconds: float

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def read_state(state_dir: Path) -> DaemonState | None:
    try:
        data = json.loads((state_dir / STATE).read_text())
        return DaemonState(**data)
    except (OSError, ValueError, TypeError):
        return None


def _write_state(state_dir: Path, state: DaemonState) -> None:
    tmp = state_dir / f".{STATE}.{os.getpid()}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        json.dump(asdict(state), handle)
    tmp.replace(state_dir / STATE)


def _remove_state(state_dir: Path, pid: int | None = None) -> None:
    """Remove state.json (only if it belongs to `pid`, when given)."""
    state = read_state(state_dir)
    if pid is None or (state is not None and state.pid == pid):
        (state_dir / STATE).unlink(missing_ok=True)


def touch(state_dir: Path) -> None:
    path = state_dir / LAST_USED
    try:
        os.utime(path)
    except FileNotFoundError:
        with contextlib.suppress(OSError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))


@contextlib.contextmanager
def state_lock(state_dir: Path) -> Iterator[None]:
    ensure_private_dir(state_dir)
    fd = os.open(state_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _cmdline(pid: int) -> str | None:
    """The command line of `pid`, or None if there is no such (living) process."""
    with contextlib.suppress(ChildProcessError, OSError):
        os.waitpid(pid, os.WNOHANG)  # reap it if it is our own exited child
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode() or None
    except FileNotFoundError:
        if Path("/proc/self").exists():
            return None
    except OSError:
        return None
    result = subprocess.run(
        ["ps", "-o", "command=", "-p", str(pid)],  # no /proc (macOS)
        capture_output=True,
        text=True,
        check=False,
    )
    return result.stdout.strip() or None


def _is_ours(state: DaemonState) -> bool:
    """Guard against a stale state file whose pids were reused after a reboot."""
    supervisor = _cmdline(state.pid) or ""
    return MODULE in supervisor


def find(home: Home, version: str, touch_it: bool = True) -> DaemonState | None:
    """A running, answering daemon of `version`, marked as used; stale state is cleaned up."""
    with state_lock(home.state_dir):
        state = read_state(home.state_dir)
        if state is None:
            return None
        if not _is_ours(state):
            _remove_state(home.state_dir)
            return None
        if state.version != version or not answers(state.url, timeout=5.0):
            return None
        if touch_it:
            touch(home.state_dir)
        return state


def start(
    home: Home, installation: Installation, idle_seconds: float, progress: Progress | None = None
) -> DaemonState:
    """Start the daemon unless one of this version already runs; returns once it answers."""
    say = progress or (lambda _message: None)
    state_dir = home.state_dir
    with state_lock(state_dir):
        state = read_state(state_dir)
        if state is not None and _is_ours(state):
            if state.version == installation.version and answers(state.url, timeout=5.0):
                touch(state_dir)
                return state
            _stop_locked(state_dir, state)
        _remove_state(state_dir)
        say(f"LanguageTool: starting a shared server (stops after {idle_seconds / 60:g} min idle)…")
        log = os.open(state_dir / LOG, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            proc = subprocess.Popen(
                [sys.executable, "-m", MODULE, "--idle-seconds", str(idle_seconds)],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                cwd="/",
                env={**os.environ, CACHE_ENV: str(home.root)},
                start_new_session=True,
            )
        finally:
            os.close(log)
        return _wait_for_daemon(state_dir, proc)


def _wait_for_daemon(state_dir: Path, proc: subprocess.Popen[bytes]) -> DaemonState:
    deadline = time.monotonic() + START_TIMEOUT + 15
    while time.monotonic() < deadline:
        state = read_state(state_dir)
        if state is not None and state.pid == proc.pid:
            touch(state_dir)
            return state
        if proc.poll() is not None:
            break
        time.sleep(0.1)
    if proc.poll() is None:
        proc.kill()
        proc.wait()
    tail = _log_tail(state_dir / LOG)
    raise LanguageToolUnavailable(
        f"the shared LanguageTool server did not start: {tail or 'no output'}; {ALTERNATIVES}."
    )


def _log_tail(path: Path) -> str:
    with contextlib.suppress(OSError):
        lines = [line.strip() for line in path.read_text(errors="replace").splitlines()]
        return " | ".join([line for line in lines if line][-3:])[:400]
    return ""


def stop(home: Home) -> bool:
    """Stop the daemon if one runs; True if there was one."""
    with state_lock(home.state_dir):
        state = read_state(home.state_dir)
        if state is None:
            return False
        if not _is_ours(state):
            _remove_state(home.state_dir)
            return False
        _stop_locked(home.state_dir, state)
        return True


def _stop_locked(state_dir: Path, state: DaemonState, grace: float = 15.0) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.kill(state.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and (_cmdline(state.pid) or _java_alive(state)):
        time.sleep(0.1)
    for pid in (state.pid, state.java_pid):
        if (pid == state.pid and _cmdline(pid)) or (pid == state.java_pid and _java_alive(state)):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    _remove_state(state_dir)


def _java_alive(state: DaemonState) -> bool:
    return MARKER in (_cmdline(state.java_pid) or "")


def _idle_for(state_dir: Path) -> float:
    try:
        return time.time() - (state_dir / LAST_USED).stat().st_mtime
    except OSError:
        return float("inf")


def serve(home: Home, installation: Installation, idle_seconds: float) -> int:
    """The supervisor loop (runs in the detached process)."""
    state_dir = ensure_private_dir(home.state_dir)
    stopping: list[int] = []

    def on_signal(signum: int, _frame: FrameType | None) -> None:
        stopping.append(signum)

    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(signum, on_signal)
    with open(state_dir / LOG, "a+b") as log:
        server = LocalServer(installation, log=log)
        try:
            server.start()
        except LanguageToolUnavailable as exc:
            print(exc, file=sys.stderr, flush=True)
            return 1
        try:
            touch(state_dir)
            _write_state(
                state_dir,
                DaemonState(
                    pid=os.getpid(),
                    java_pid=server.pid or 0,
                    port=server.port,
                    version=installation.version,
                    started=time.time(),
                    idle_seconds=idle_seconds,
                ),
            )
            _watch(state_dir, server, idle_seconds, stopping)
        finally:
            _remove_state(state_dir, os.getpid())
            server.close()
    return 0


def _watch(state_dir: Path, server: LocalServer, idle_seconds: float, stopping: list[int]) -> None:
    period = min(5.0, max(0.5, idle_seconds / 4))  # how often to look at last-used
    next_look = time.monotonic() + period
    while not stopping and server.alive():
        time.sleep(0.5)
        if time.monotonic() < next_look:
            continue
        next_look = time.monotonic() + period
        if _idle_for(state_dir) > idle_seconds:
            with state_lock(state_dir):  # a client holding the lock may be touching right now
                if _idle_for(state_dir) > idle_seconds:
                    _remove_state(state_dir, os.getpid())
                    return
