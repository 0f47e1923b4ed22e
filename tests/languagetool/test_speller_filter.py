"""The speller filter with the real LanguageTool server, on texts of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool.paths import Home

ARTICLE = (
    "Gespräche in Wien\n"
    "\n"
    "Eine Lösung sei nötig, betonte lawrow am Montag. Der Ausschuss habe getagt.\n"
)


def test_a_name_written_lowercase_is_reported(
    tmp_path: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dictionary knows the word with a capital only: the speller's "Lawrow" is the fix."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    article = tmp_path / "meldung.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(article)])
    assert result.exit_code == 1, result.output
    column = ARTICLE.splitlines()[2].index("lawrow") + 1
    assert [
        (d["line"], d["column"], d["end_column"], d["rule"], d["suggestions"][0])
        for d in json.loads(result.stdout)["diagnostics"]
    ] == [(3, column, column + 6, "languagetool.GERMAN_SPELLER_RULE", "Lawrow")]
