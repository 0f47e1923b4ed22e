"""With the real LanguageTool: a port taken by another program, loopback-only binding,
user-only files, and two newslint processes sharing one long-lived server and one cache."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newslint
from newslint.languagetool import LanguageTool, LTSettings, TextPart, daemon, server
from newslint.languagetool.cache import ResultCache
from newslint.languagetool.install import Installation
from newslint.languagetool.paths import Home
from newslint.languagetool.server import LocalServer
from newslint.languagetool.transport import answers
from tests.ltsupport import make_home

SRC = str(Path(newslint.__file__).resolve().parents[1])


def listening(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp*) with a socket listening on `port`."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table, encoding="ascii") as handle:
            next(handle)
            for row in handle:
                fields = row.split()
                address, hex_port = fields[1].rsplit(":", 1)
                if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                    found.append(address)
    return found


# 127.0.0.1; the same as an IPv4-mapped IPv6 address (Java's sockets are dual-stack); ::1
LOOPBACK = {"0100007F", "0000000000000000FFFF00000100007F", "00000000000000000000000001000000"}


def loopback_only(port: int) -> bool:
    addresses = listening(port)
    return bool(addresses) and set(addresses) <= LOOPBACK


@pytest.fixture
def blocker() -> Iterator[socket.socket]:
    """Another program listening on a loopback port."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    yield sock
    sock.close()


def test_port_taken_by_another_program(
    installation: Installation, blocker: socket.socket, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The port newslint picked is taken before the JVM binds it: it starts on another."""
    taken = blocker.getsockname()[1]
    picks = iter([taken])
    real_free_port = server.free_port
    monkeypatch.setattr(server, "free_port", lambda: next(picks, None) or real_free_port())
    local = LocalServer(installation)
    try:
        local.start()
        assert local.port != taken
        assert answers(local.url)
        assert loopback_only(local.port), listening(local.port)
    finally:
        local.close()


def test_servers_listen_on_loopback_only(home: Home, installation: Installation) -> None:
    state = daemon.find(home, installation.version)
    assert state is not None
    assert loopback_only(state.port), listening(state.port)  # the shared server
    command = server.java_command(Path("java"), installation, 8081)
    assert "--public" not in command and "--allow-origin" not in command


def test_cache_and_state_files_are_user_only(
    lt_base: Path, installation: Installation, shared_home: Home
) -> None:
    """Even with a umask that would make everything world-readable."""
    home = make_home(lt_base / "umask", installation, state_dir=shared_home.state_dir)
    home.root.chmod(0o755)
    old = os.umask(0)
    try:
        with LanguageTool(LTSettings(), home=home) as lt:
            lt.check_many([[TextPart("Ein Satz mit einem Fehlr.")]])
    finally:
        os.umask(old)
    modes = {
        path.name: oct(path.stat().st_mode & 0o777)
        for path in [home.root, *home.root.iterdir(), *home.state_dir.iterdir()]
        if not path.is_symlink()
    }
    assert modes.pop(home.root.name) == "0o700"
    assert set(modes.values()) == {"0o600"}, modes
    assert {"results.sqlite3", "state.json", "last-used", "daemon.lock"} <= set(modes)
    assert oct(shared_home.state_dir.stat().st_mode & 0o777) == "0o700"


def test_cache_made_by_a_remote_run_is_user_only(tmp_path: Path) -> None:
    """No install happens for a remote server, so the cache itself makes its folder."""
    home = Home(tmp_path / "cache")
    warnings: list[str] = []
    old = os.umask(0)
    try:
        cache = ResultCache(home.results_db, warnings.append)
        cache.put_many([])  # opens (creates) it, stores nothing
        cache.close()
    finally:
        os.umask(old)
    assert warnings == []
    assert oct(home.root.stat().st_mode & 0o777) == "0o700"
    assert oct(home.results_db.stat().st_mode & 0o777) == "0o600"


ARTICLES = {
    f"artikel-{n}.md": (
        f"# Meldung {n}\n\nDie Bundesreigerung hat am {n}. März beschlossen, dass der Kinder "
        f"spielen dürfen. Das war  eine Überaschung für {n} Abgeordnete.\n\n"
        "Der Minister sagte, man werde „das prüfen“. Danach gingen alle nach Hause.\n\n"
        f"Absatz {n % 3}: Die Oposition kritisierte den Beschluss scharf.\n"
    )
    for n in range(8)
}


def _newslint(home: Home, folder: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NEWSLINT_CACHE_DIR": str(home.root), "PYTHONPATH": SRC}
    return subprocess.Popen(
        [sys.executable, "-m", "newslint", "check", "--languagetool", "--format=json", str(folder)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    stdout, stderr = process.communicate(timeout=300)
    return process.returncode, stdout, stderr


def test_two_processes_share_the_server_and_the_cache(
    home: Home, lt_base: Path, installation: Installation, tmp_path: Path
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    sequential_home = make_home(
        lt_base / f"{tmp_path.name}-seq", installation, state_dir=home.state_dir
    )
    code, expected, _ = _finish(_newslint(sequential_home, folder))
    assert code == 1
    rules = {d["rule"] for d in json.loads(expected)["diagnostics"]}
    assert any(rule.startswith("languagetool.") for rule in rules), rules

    first, second = _newslint(home, folder), _newslint(home, folder)  # same cold cache
    results = [_finish(first), _finish(second)]
    for code, stdout, stderr in results:
        assert code == 1, stderr
        assert stdout == expected
        assert "warning" not in stderr, stderr
    code, stdout, stderr = _finish(_newslint(home, folder))  # now all from the shared cache
    assert (code, stdout) == (1, expected)
    assert "warning" not in stderr, stderr
