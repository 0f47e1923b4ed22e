"""Article text goes to the configured LanguageTool and nowhere else: every socket a run
connects is recorded, with a proxy set in the environment that must not be used for it.

(YAML tags that would construct Python objects, and config paths leaving the project, are in
test_config_errors.py; loopback binding and file modes in test_real_server.py.)
"""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool import daemon
from newslint.languagetool.install import Installation
from newslint.languagetool.paths import Home
from tests.fakelt import FakeLanguageTool

ARTICLE = "Titel\n\nEin Fehlr und ein  Leerzeichen.\n"
PROXY = "http://127.0.0.2:9"  # a loopback address nobody listens on


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every address a socket of this process connects to while the fixture is active."""
    seen: list[Any] = []
    real_connect = socket.socket.connect

    def connect(self: socket.socket, address: Any) -> None:
        if self.family in (socket.AF_INET, socket.AF_INET6):
            seen.append(address[:2])
        real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy"):
        monkeypatch.setenv(name, PROXY)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    yield seen


def _run(tmp_path: Path, config: str) -> tuple[int, list[str]]:
    (tmp_path / "newslint.yaml").write_text(config, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["check", "--languagetool", "--format", "json", str(tmp_path / "a.txt")]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, [d["rule"] for d in json.loads(result.stdout)["diagnostics"]]


def test_only_the_configured_remote_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, connections: list[Any]
) -> None:
    fake = FakeLanguageTool()
    try:
        monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
        code, rules = _run(tmp_path, f"languagetool: {{url: {fake.url}}}\n")
    finally:
        fake.close()
    assert (code, rules) == (1, ["languagetool.FAKE_RULE", "de-news.doubled-space"])
    assert connections and set(connections) == {fake.address}


def test_only_the_local_server(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    home: Home,
    installation: Installation,
    connections: list[Any],
) -> None:
    state = daemon.find(home, installation.version)
    assert state is not None
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    code, _ = _run(tmp_path, "language: de-DE\n")
    assert code == 1
    assert connections and set(connections) == {("127.0.0.1", state.port)}


def test_yaml_rules_only_connect_nowhere(tmp_path: Path, connections: list[Any]) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-languagetool", str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert connections == []
