"""Files that change under a run: removed after they were found, edited or removed before
`--fix` writes, a write that fails half-way. Nothing crashes, no half-written or stale file is
left behind, and the report shows what is on disk at the end."""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from newslint import engine, fix
from newslint.cli import cli

GOOD = "Titel\n\nEin  Fehler.\n"


def _invoke(*args: str) -> Result:
    result = CliRunner().invoke(cli, ["check", "--no-languagetool", "--format", "json", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def _messages(result: Result) -> list[tuple[str, str]]:
    return [(Path(d["path"]).name, d["message"]) for d in json.loads(result.stdout)["diagnostics"]]


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".newslint"))


def _before_fix_writes(monkeypatch: pytest.MonkeyPatch, action: Callable[[], None]) -> None:
    """Run `action` once, between the check and the fix being written."""
    original = fix.plan
    done: list[bool] = []

    def plan(diagnostics: Any) -> list[fix.Edit]:
        if not done:
            done.append(True)
            action()
        return original(diagnostics)

    monkeypatch.setattr(fix, "plan", plan)


def test_file_removed_after_it_was_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    original = engine.read

    def read(path: Path, display: str, stdin: bytes | None = None) -> engine.FileResult:
        if path.name == "a.txt":
            (tmp_path / "b.txt").unlink()
        return original(path, display, stdin)

    monkeypatch.setattr(engine, "read", read)
    result = _invoke(str(tmp_path))
    assert result.exit_code == 2
    assert _messages(result) == [
        ("a.txt", "Doppeltes Leerzeichen"),
        ("b.txt", "file not found (it may have been removed during the run)"),
        ("c.txt", "Doppeltes Leerzeichen"),
    ]


def test_file_removed_before_fix_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    _before_fix_writes(monkeypatch, path.unlink)
    result = _invoke("--fix", str(path))
    assert result.exit_code == 2
    assert result.stderr == f"newslint: error: {path}: not fixed: No such file or directory\n"
    assert _messages(result) == [
        ("a.txt", "file not found (it may have been removed during the run)")
    ]
    assert list(tmp_path.iterdir()) == []


def test_file_edited_before_fix_writes_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    edited = "Titel\n\nNeu  geschrieben, mit  zwei Fehlern.\n"
    _before_fix_writes(monkeypatch, lambda: path.write_text(edited, encoding="utf-8"))
    result = _invoke("--fix", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"newslint: error: {path}: not fixed: changed on disk during the run\n"
    assert path.read_text(encoding="utf-8") == edited
    assert [m for _, m in _messages(result)] == ["Doppeltes Leerzeichen"] * 2
    assert _leftovers(tmp_path) == []


def test_failed_write_leaves_the_original_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")

    def full_disk(src: str, dst: str) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fix.os, "replace", full_disk)
    result = _invoke("--fix", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"newslint: error: {path}: not fixed: No space left on device\n"
    assert path.read_text(encoding="utf-8") == GOOD
    assert _leftovers(tmp_path) == []


def test_fix_keeps_mixed_line_endings_byte_for_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Titel\r\n\r\nEins\rzwei  drei\nvier  f\xc3\xbcnf\r\n")
    result = _invoke("--fix", str(path))
    assert result.exit_code == 0
    assert path.read_bytes() == b"Titel\r\n\r\nEins\rzwei drei\nvier f\xc3\xbcnf\r\n"
