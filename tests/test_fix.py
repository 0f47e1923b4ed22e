"""--fix and --diff: only safe, mechanical edits; atomic, encoding-preserving, idempotent."""

from __future__ import annotations

import codecs
import difflib
import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import cli


def _check(*args: str) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(cli, ["check", "--no-languagetool", "--format", "json", *args])
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def test_fix_on_seed_000_removes_whitespace_findings_only(shared: Path, tmp_path: Path) -> None:
    article = tmp_path / "000.txt"
    shutil.copy(shared / "corpus" / "seeds" / "dirty" / "000_aad4987ae0ccc8c2.txt", article)
    before = article.read_text(encoding="utf-8")
    _, found = _check(str(article))
    whitespace = [
        d for d in found if d["rule"] in ("de-news.doubled-space", "de-news.trailing-whitespace")
    ]
    assert len(whitespace) == 14

    _, remaining = _check("--fix", str(article))
    after = article.read_text(encoding="utf-8")
    assert {d["rule"] for d in remaining} == {
        "de-news.abbreviation-hyphen",
        "de-news.stray-letter",
        "de-news.joined-words",
        "de-news.quotes",
        "de-news.tense-break",
        "de-news.lowercase-noun",
        "de-news.comma-correlative",  # a comma is no safe fix
        "de-news.typo",  # nor is a typo's correction
    }
    # The diff is exactly the whitespace: every changed line differs only in its spaces.
    changed = [
        (a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True) if a != b
    ]
    assert len(changed) == 10
    for old, new in changed:
        assert old.split() == new.split()
        assert "\u00a0 " not in new and not new.endswith((" ", "\u00a0"))
    assert len(before) - len(after) == 14

    # A second --fix changes nothing.
    _check("--fix", str(article))
    assert article.read_text(encoding="utf-8") == after


def test_fix_keeps_crlf_and_bom(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes(codecs.BOM_UTF8 + b"Titel\r\n\r\nEin  Satz.Noch einer , hier. \r\n")
    _check("--fix", str(article))
    assert article.read_bytes() == codecs.BOM_UTF8 + b"Titel\r\n\r\nEin Satz. Noch einer, hier.\r\n"


def test_fix_keeps_utf16(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes("Titel\n\nEin  Satz.\n".encode("utf-16"))
    _check("--fix", str(article))
    assert article.read_bytes() == "Titel\n\nEin Satz.\n".encode("utf-16")


def test_diff_previews_without_writing(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Titel\n\nEin  Satz.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-languagetool", "--diff", str(article)])
    assert result.exit_code == 1
    expected = "".join(difflib.unified_diff(["Ein  Satz.\n"], ["Ein Satz.\n"]))
    assert "-Ein  Satz.\n+Ein Satz.\n" in result.output
    assert expected.splitlines()[-1] in result.output
    assert article.read_text(encoding="utf-8") == "Titel\n\nEin  Satz.\n"


def test_fix_repeats_until_nothing_is_left(tmp_path: Path) -> None:
    """Removing the doubled space uncovers a space before the comma: one --fix does both,
    so a second --fix changes nothing (found by tests/robustness/test_properties.py)."""
    path = tmp_path / "a.txt"
    path.write_text("Titel\n\nDer  , Satz.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-languagetool", "--fix", str(path)])
    assert result.exit_code == 0
    assert result.stderr == "newslint: fixed 2 finding(s) in 1 file(s)\n"
    assert path.read_text(encoding="utf-8") == "Titel\n\nDer, Satz.\n"
