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
    "Eine Lösung sei nötig, betonte lawrow am Montag. Das kritisierte niessl.\n"
)


def test_a_name_written_lowercase_is_reported(
    tmp_path: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dictionary knows "lawrow" with a capital only: the speller's "Lawrow" is the fix.
    It has no "Niessl", but the reference corpus has the name and HanTa reads one."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    article = tmp_path / "meldung.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(article)])
    assert result.exit_code == 1, result.output
    line = ARTICLE.splitlines()[2]
    lawrow, niessl = line.index("lawrow") + 1, line.index("niessl") + 1
    assert [
        (d["line"], d["column"], d["end_column"], d["rule"], d["suggestions"][0])
        for d in json.loads(result.stdout)["diagnostics"]
    ] == [
        (3, lawrow, lawrow + 6, "languagetool.GERMAN_SPELLER_RULE", "Lawrow"),
        (3, niessl, niessl + 6, "languagetool.GERMAN_SPELLER_RULE", "Niessl"),
    ]


SPLITS = "Quartalszahlen\n\nTim Cookhat die Zahlen vorgelegt. Esist ein Rekord, heißt es.\n"


def test_words_run_together_are_split(
    tmp_path: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A name run into a verb (the split is ours), and a sentence start that the reference
    corpus has as a frequent slip (the split is the speller's)."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    article = tmp_path / "meldung.txt"
    article.write_text(SPLITS, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(article)])
    assert result.exit_code == 1, result.output
    line = SPLITS.splitlines()[2]
    cook, esist = line.index("Cookhat") + 1, line.index("Esist") + 1
    assert [
        (d["line"], d["column"], d["end_column"], d["rule"], d["suggestions"][0])
        for d in json.loads(result.stdout)["diagnostics"]
    ] == [
        (3, cook, cook + 7, "languagetool.GERMAN_SPELLER_RULE", "Cook hat"),
        (3, esist, esist + 5, "languagetool.GERMAN_SPELLER_RULE", "Es ist"),
    ]


def test_a_typo_is_not_reported_as_a_lowercase_noun(
    tmp_path: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HanTa builds "künstleriche" from known morphemes and reads a noun after "Der"; the
    speller's finding, with the word meant, is the one report."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    article = tmp_path / "meldung.txt"
    article.write_text("Festwochen\n\nDer künstleriche Leiter tritt zurück.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(article)])
    assert result.exit_code == 1, result.output
    assert [
        (d["line"], d["column"], d["end_column"], d["rule"], d["suggestions"][0])
        for d in json.loads(result.stdout)["diagnostics"]
    ] == [(3, 5, 17, "languagetool.GERMAN_SPELLER_RULE", "künstlerische")]


def test_a_name_misspelt_beside_its_right_spelling(
    tmp_path: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The speller has no "Mahrer" to suggest; the article has it. Its genitive is no slip,
    however close "Mahrers" comes to "Maurers"."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    text = (
        "Interview\n\nHarald Mahrer ist Minister. Maahrer: Das habe ich verfolgt. "
        "Mahrers Team ist zufrieden.\n"
    )
    article = tmp_path / "interview.txt"
    article.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(article)])
    assert result.exit_code == 1, result.output
    column = text.splitlines()[2].index("Maahrer") + 1
    assert [
        (d["line"], d["column"], d["end_column"], d["rule"], d["suggestions"][0])
        for d in json.loads(result.stdout)["diagnostics"]
    ] == [(3, column, column + 7, "languagetool.GERMAN_SPELLER_RULE", "Mahrer")]
