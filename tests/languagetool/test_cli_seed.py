"""Seed article 000 through the CLI with the real LanguageTool server: the typo, the joined
word and the lowercase noun each reported exactly once, at their gold positions, together
with the YAML-rule findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool.paths import Home


def test_seed_000_with_languagetool(
    shared: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    article = shared / "corpus" / "seeds" / "dirty" / "000_aad4987ae0ccc8c2.txt"
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(article)])
    assert result.exit_code == 1, result.output
    found = [
        (d["line"], d["column"], d["end_column"], d["rule"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    at = {
        (line, column): [f for f in found if f[:2] == (line, column)]
        for line, column in [(7, 38), (27, 7), (41, 6), (41, 40)]
    }
    assert at[(7, 38)] == [(7, 38, 39, "de-news.comma-correlative")]  # "insofern …, als"
    assert at[(27, 7)] == [(27, 7, 13, "languagetool.GERMAN_SPELLER_RULE")]
    assert at[(41, 6)] == [(41, 6, 12, "de-news.joined-words")]
    assert at[(41, 40)] == [(41, 40, 47, "de-news.lowercase-noun")]
    assert sum(f[3].startswith("de-news.") for f in found) == 23


def test_second_run_sends_nothing(
    shared: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Acceptance: an unchanged corpus is checked again without a request to LanguageTool."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    articles = sorted((shared / "corpus" / "dev" / "dirty").iterdir())[:2]
    args = ["check", "--statistics", "--language", "de-AT", "-q", *map(str, articles)]
    first = CliRunner().invoke(cli, args)
    second = CliRunner().invoke(cli, args)
    assert first.exit_code == second.exit_code == 1
    assert first.stdout == second.stdout
    assert ", 0 requests sent" not in first.stderr
    assert "LanguageTool: 0 documents from the findings cache, 0 paragraphs" in first.stderr
    # The filtered findings of both articles come from the findings cache: no server, no
    # paragraph lookups, no HanTa for the speller filter.
    assert "2 documents from the findings cache, 0 paragraphs from the cache, 0 requests sent" in (
        second.stderr
    )
    # Without the findings cache the paragraphs still come from LanguageTool's result cache.
    (home.root / "findings.sqlite3").unlink()
    third = CliRunner().invoke(cli, args)
    assert third.stdout == first.stdout
    assert "0 documents from the findings cache" in third.stderr
    assert ", 0 requests sent" in third.stderr
