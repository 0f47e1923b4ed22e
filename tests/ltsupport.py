"""The real LanguageTool for tests: one install, one shared server per session.

The install is the user's (or CI's) real one in the newslint cache, made by `make test`'s
`newslint languagetool install` or, if missing, here. Every test gets its own `Home` (a
temporary cache dir) with the install symlinked in, so result caches, state files and
servers never touch the user's. Tests that share the session's long-lived server get its
state dir symlinked in as well. At the end of the session no JVM started from one of these
homes may remain.

The fixtures are registered in tests/conftest.py, so tests/languagetool and tests/robustness
share one install and one server.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newslint.languagetool import daemon
from newslint.languagetool.admin import start_shared
from newslint.languagetool.install import Installation, ensure_installed
from newslint.languagetool.java import find_java
from newslint.languagetool.model import LTSettings
from newslint.languagetool.paths import Home
from newslint.languagetool.server import MARKER


def java_processes(needle: str) -> list[int]:
    """PIDs of our JVMs (by marker) whose command line mentions `needle` (scans /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        if MARKER in cmdline and needle in cmdline:
            found.append(int(entry.name))
    return found


def wait_until_gone(needle: str, timeout: float = 15.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while (left := java_processes(needle)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


def make_home(root: Path, installation: Installation, state_dir: Path | None = None) -> Home:
    root.mkdir(parents=True, exist_ok=True)
    (root / installation.path.name).symlink_to(installation.path)
    for table in Home.default().root.glob("wordfreq-*.sqlite3"):  # derived data, no user text
        (root / table.name).symlink_to(table)
    if state_dir is not None:
        (root / "server").symlink_to(state_dir)
    return Home(root)


@pytest.fixture(scope="session")
def installation() -> Installation:
    if not Path("/proc/self").exists():
        pytest.skip("these tests scan /proc for leftover JVMs (Linux only)")
    if find_java() is None:
        pytest.skip("Java is not installed (LanguageTool needs Java 17+)")
    return ensure_installed(Home.default(), lambda m: print(m, file=sys.stderr))


@pytest.fixture(scope="session")
def lt_base(tmp_path_factory: pytest.TempPathFactory, installation: Installation) -> Iterator[Path]:
    """Root for all homes of this session; afterwards no JVM started under it may be left."""
    base = tmp_path_factory.mktemp("lt")
    yield base
    left = wait_until_gone(str(base))
    for pid in left:
        os.kill(pid, 9)
    assert not left, f"JVMs left running after the tests: {left}"


@pytest.fixture(scope="session")
def shared_home(lt_base: Path, installation: Installation) -> Iterator[Home]:
    """The session's long-lived server (started and warmed once, stopped at the end).

    Its idle limit is short: if the test process is killed before this teardown runs, the
    server still stops by itself two minutes later. The tests using it run back to back.
    """
    home = make_home(lt_base / "shared", installation)
    start_shared(home, 2, LTSettings(), lambda m: print(m, file=sys.stderr))
    yield home
    daemon.stop(home)


@pytest.fixture
def home(tmp_path: Path, lt_base: Path, shared_home: Home, installation: Installation) -> Home:
    """A fresh cache dir for one test that reaches the session's shared server."""
    root = lt_base / tmp_path.name
    return make_home(root, installation, state_dir=shared_home.state_dir)
