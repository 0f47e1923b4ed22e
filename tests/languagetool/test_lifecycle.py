"""Server lifecycle against real JVMs: restart after a crash, shared server, idle shutdown."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool import LanguageTool, LTSettings, TextPart, daemon
from newslint.languagetool.install import Installation
from newslint.languagetool.paths import Home
from tests.ltsupport import java_processes, make_home, wait_until_gone

SENTENCES = [
    "Die Regirung hat am Mittwoch ein neues Programm vorgestellt.",
    "Kritiker bemängeln, dass die Maßnahmen nicht ausreichen würden.",
    "Der Stadtrat beschloss, das marode Hallenbad zu saniren.",
    "Im Finale setzte sich die Mannschaft aus München durch.",
]


def wait_for(condition: object, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]  # a zero-argument callable
            return True
        time.sleep(0.1)
    return False


def test_crash_mid_run_restarts_the_server_and_completes(home: Home) -> None:
    messages: list[str] = []
    items = [[TextPart(f"{SENTENCES[i % 4]} Absatz {i}.")] for i in range(60)]
    before = daemon.read_state(home.state_dir)
    assert before is not None
    with LanguageTool(LTSettings(use_cache=False), messages.append, home=home) as lt:

        def kill_when_busy() -> None:
            wait_for(lambda: lt.requests_sent >= 4, timeout=30)
            os.kill(before.java_pid, signal.SIGKILL)

        killer = threading.Thread(target=kill_when_busy)
        killer.start()
        results = lt.check_many(items)
        killer.join()
        assert any("restarting" in m for m in messages), messages
        assert lt.requests_sent > len(items)  # some paragraphs were sent twice
    for i, result in enumerate(results):
        assert isinstance(result, list), (i, result)
        expected = ["GERMAN_SPELLER_RULE"] if i % 4 in (0, 2) else []
        assert [m.rule_id for m in result] == expected, (i, result)
    after = daemon.read_state(home.state_dir)
    assert after is not None and after.pid != before.pid  # a new shared server took over
    assert java_processes(str(home.root.parent)) == [after.java_pid]


CHILD = """
import sys
import newslint.languagetool.client as client
from newslint.languagetool import LanguageTool, LTSettings
from newslint.languagetool.paths import Home

client.warm_up = lambda url, settings: None  # this test is about processes, not checking
lt = LanguageTool(LTSettings(), home=Home(__import__("pathlib").Path(sys.argv[1])))
print(lt.start(), flush=True)
if sys.argv[2] == "drop":  # forgotten without close(): garbage collection must stop it
    del lt
    __import__("gc").collect()
    print("dropped", flush=True)
if sys.argv[2] in ("hang", "drop"):
    __import__("time").sleep(600)
# "exit": no close(), no with-block: the exit handler must stop the JVM
"""


@pytest.mark.parametrize("ending", ["exit", "hang", "drop"])
def test_private_server_never_outlives_its_process(
    lt_base: Path, installation: Installation, ending: str
) -> None:
    home = make_home(lt_base / f"private-{ending}", installation)  # no shared server here
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(home.root), ending], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    url = child.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    assert len(java_processes(str(home.root))) == 1
    if ending == "drop":
        assert child.stdout.readline() == "dropped\n"
        assert wait_until_gone(str(home.root)) == []  # while the process lives on
    if ending != "exit":
        child.kill()  # SIGKILL: no atexit, no finally; PR_SET_PDEATHSIG must do it
    child.wait(timeout=30)
    assert wait_until_gone(str(home.root)) == []


def test_concurrent_starts_share_one_server(lt_base: Path, installation: Installation) -> None:
    home = make_home(lt_base / "concurrent", installation)
    states: list[daemon.DaemonState] = []

    def start() -> None:
        states.append(daemon.start(home, installation, idle_seconds=600))

    threads = [threading.Thread(target=start) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len({s.pid for s in states}) == 1
        assert len(java_processes(str(home.root))) == 1
        assert stat.S_IMODE(home.state_dir.stat().st_mode) == 0o700
        for name in (daemon.STATE, daemon.LAST_USED, daemon.LOCK, daemon.LOG):
            assert stat.S_IMODE((home.state_dir / name).stat().st_mode) == 0o600, name
        assert daemon.find(home, installation.version) == states[0]
        assert daemon.find(home, "0.0") is None  # another version is not reused
    finally:
        assert daemon.stop(home)
    assert java_processes(str(home.root)) == []
    assert daemon.read_state(home.state_dir) is None
    assert not daemon.stop(home)


def test_idle_server_stops_itself(lt_base: Path, installation: Installation) -> None:
    home = make_home(lt_base / "idle", installation)
    state = daemon.start(home, installation, idle_seconds=1.5)
    assert java_processes(str(home.root)) == [state.java_pid]
    assert wait_for(lambda: daemon.read_state(home.state_dir) is None, timeout=20)
    assert wait_until_gone(str(home.root)) == []


def test_killed_supervisor_takes_its_jvm_along(lt_base: Path, installation: Installation) -> None:
    home = make_home(lt_base / "kill9", installation)
    state = daemon.start(home, installation, idle_seconds=600)
    os.kill(state.pid, signal.SIGKILL)
    assert wait_until_gone(str(home.root)) == []  # PR_SET_PDEATHSIG
    assert daemon.find(home, installation.version) is None  # stale state is cleaned up
    assert daemon.read_state(home.state_dir) is None


def test_later_runs_reuse_the_shared_server(home: Home) -> None:
    state = daemon.read_state(home.state_dir)
    assert state is not None
    before = (home.state_dir / daemon.LAST_USED).stat().st_mtime
    time.sleep(0.05)
    with LanguageTool(LTSettings(), home=home) as lt:
        lt.check_many([[TextPart("Die Sitzung dauerte drei Stunden.")]])
    assert daemon.read_state(home.state_dir) == state  # same server, still running
    assert (home.state_dir / daemon.LAST_USED).stat().st_mtime > before


def test_keep_alive_leaves_the_shared_server_for_the_next_run(
    lt_base: Path, installation: Installation, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the newslint-languagetool pre-commit hook does (`newslint check --keep-alive`)."""
    home = make_home(lt_base / "keep-alive", installation)
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    article = tmp_path / "kurz.txt"
    article.write_text("Kurz\n\nDie Sitzung dauerte drei Stunden.\n", encoding="utf-8")
    try:
        result = CliRunner().invoke(cli, ["check", "--keep-alive", str(article)])
        assert result.exit_code == 0, result.output
        state = daemon.find(home, installation.version)
        assert state is not None
        assert java_processes(str(home.root)) == [state.java_pid]
        result = CliRunner().invoke(cli, ["check", "--no-cache", str(article)])
        assert result.exit_code == 0, result.output
        assert daemon.find(home, installation.version) == state  # reused, not restarted
    finally:
        daemon.stop(home)
    assert wait_until_gone(str(home.root)) == []
