"""Where this run's requests go: a remote URL, the shared daemon, or a private server.

Policy (see docs/languagetool.md): a configured URL wins; otherwise a running shared server
of the installed version is reused; otherwise `keep_alive` decides between starting the
shared server and a private one that lives exactly as long as this run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from . import daemon
from .errors import LanguageToolUnavailable
from .install import Installation, ensure_installed
from .model import LTSettings
from .paths import Home
from .server import LocalServer
from .transport import answers

Progress = Callable[[str], None]


class Endpoint(Protocol):
    url: str
    started: bool  # this run started the server: it is cold and worth warming up

    def recover(self) -> bool:
        """After failed requests: make the server answer again (restart if it is ours)."""

    def touch(self) -> None: ...

    def close(self) -> None: ...


class RemoteEndpoint:
    """A server someone else runs: never restarted; one retry if it still answers."""

    started = False

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")

    def recover(self) -> bool:
        return answers(self.url, timeout=10.0)

    def touch(self) -> None:
        pass

    def close(self) -> None:
        pass


class PrivateEndpoint:
    """A JVM for this run only; stopped by `close()` (and by PDEATHSIG if we are killed)."""

    def __init__(self, installation: Installation, say: Progress) -> None:
        self._say = say
        self._server = LocalServer(installation)
        self._start()

    def _start(self) -> None:
        self._say("LanguageTool: starting a server for this run…")
        self._server.start()
        self.url = self._server.url
        self.started = True

    def recover(self) -> bool:
        if self._server.alive() and answers(self.url, timeout=5.0):
            return True  # slow, not dead
        self._say("LanguageTool: server stopped answering; restarting it…")
        self._server.stop()
        try:
            self._start()
        except LanguageToolUnavailable:
            return False
        return True

    def touch(self) -> None:
        pass

    def close(self) -> None:
        self._server.close()


class DaemonEndpoint:
    """The shared long-lived server; `close()` leaves it running for later runs."""

    def __init__(
        self,
        home: Home,
        installation: Installation,
        state: daemon.DaemonState,
        started: bool,
        say: Progress,
    ) -> None:
        self._home, self._installation, self._say = home, installation, say
        self._idle = state.idle_seconds
        self.url, self.started = state.url, started

    def recover(self) -> bool:
        if answers(self.url, timeout=5.0):
            return True
        self._say("LanguageTool: the shared server stopped answering; restarting it…")
        daemon.stop(self._home)
        try:
            state = daemon.start(self._home, self._installation, self._idle, self._say)
        except LanguageToolUnavailable:
            return False
        self.url, self.started = state.url, True
        return True

    def touch(self) -> None:
        daemon.touch(self._home.state_dir)

    def close(self) -> None:
        self.touch()


def acquire(settings: LTSettings, home: Home, say: Progress) -> Endpoint:
    """The endpoint for this run; raises `LanguageToolUnavailable` with one line if none."""
    if settings.url:
        return RemoteEndpoint(settings.url)
    installation = ensure_installed(home, say)
    state = daemon.find(home, installation.version)
    if state is not None:
        return DaemonEndpoint(home, installation, state, started=False, say=say)
    if settings.keep_alive:
        state = daemon.start(home, installation, settings.idle_minutes * 60, say)
        return DaemonEndpoint(home, installation, state, started=True, say=say)
    return PrivateEndpoint(installation, say)
