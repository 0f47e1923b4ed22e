"""Changed-lines mode: only findings on lines a pull request added or changed."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.changed import parse_unified_diff
from newslint.cli import cli


def test_parse_unified_diff(tmp_path: Path) -> None:
    diff = (
        "diff --git a/a.txt b/a.txt\n--- a/a.txt\n+++ b/a.txt\n@@ -2,0 +3,2 @@\n+x\n+y\n"
        "@@ -9 +11 @@\n-old\n+new\n--- a/gone.txt\n+++ /dev/null\n"
    )
    assert parse_unified_diff(diff, tmp_path) == {(tmp_path / "a.txt").resolve(): {3, 4, 11}}


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "t@example.org")
    git("config", "user.name", "T")
    (tmp_path / "a.txt").write_text("Titel\n\nAlt  und doppelt.\n\nAuch alt.\n", encoding="utf-8")
    git("add", ".")
    git("commit", "-qm", "base")
    (tmp_path / "a.txt").write_text(
        "Titel\n\nAlt  und doppelt.\n\nNeu  und doppelt.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("Titel\n\nGanz  neu.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_diff_base_reports_only_changed_lines(repo: Path) -> None:
    result = CliRunner().invoke(
        cli, ["check", "--no-languagetool", "--format", "json", "--diff-base", "HEAD", "."]
    )
    found = [(d["path"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [("a.txt", 5), ("b.txt", 3)]


def test_diff_file_from_stdin(repo: Path) -> None:
    diff = subprocess.run(["git", "diff", "-U0"], cwd=repo, capture_output=True, text=True).stdout
    result = CliRunner().invoke(
        cli,
        ["check", "--no-languagetool", "--format", "json", "--diff-file", "-", "a.txt"],
        input=diff,
    )
    found = [(d["path"], d["line"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [("a.txt", 5)]
