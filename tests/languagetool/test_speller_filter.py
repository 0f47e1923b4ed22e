"""The speller filter with the real LanguageTool server, on texts of our own.

Each text is a headline and one paragraph (line 3); each test lists every finding on it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool.paths import Home

SPELLER = "languagetool.GERMAN_SPELLER_RULE"
Checker = Callable[..., list[tuple[str, str, str]]]


@pytest.fixture
def check(tmp_path: Path, home: Home, monkeypatch: pytest.MonkeyPatch) -> Checker:
    """Check a paragraph under a headline: (flagged word, rule, first suggestion) each."""
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))

    def run(paragraph: str, *options: str) -> list[tuple[str, str, str]]:
        article = tmp_path / "meldung.txt"
        article.write_text(f"Meldung\n\n{paragraph}\n", encoding="utf-8")
        result = CliRunner().invoke(cli, ["check", "--format", "json", *options, str(article)])
        assert result.exit_code in (0, 1), result.output
        found = []
        for d in json.loads(result.stdout)["diagnostics"]:
            assert (d["line"], d["end_line"]) == (3, 3)
            word = paragraph[d["column"] - 1 : d["end_column"] - 1]
            found.append((word, d["rule"], d["suggestions"][0]))
        return found

    return run


def test_a_name_written_lowercase_is_reported(check: Checker) -> None:
    """The dictionary knows "lawrow" with a capital only: the speller's "Lawrow" is the fix.
    It has no "Niessl", but the reference corpus has the name and HanTa reads one."""
    assert check("Eine Lösung sei nötig, betonte lawrow am Montag. Das kritisierte niessl.") == [
        ("lawrow", SPELLER, "Lawrow"),
        ("niessl", SPELLER, "Niessl"),
    ]


def test_words_run_together_are_split(check: Checker) -> None:
    """A name run into a verb (the split is ours), and a sentence start that the reference
    corpus has as a frequent slip (the split is the speller's)."""
    assert check("Tim Cookhat die Zahlen vorgelegt. Esist ein Rekord, heißt es.") == [
        ("Cookhat", SPELLER, "Cook hat"),
        ("Esist", SPELLER, "Es ist"),
    ]


def test_a_typo_is_not_reported_as_a_lowercase_noun(check: Checker) -> None:
    """HanTa builds "künstleriche" from known morphemes and reads a noun after "Der"; the
    speller's finding, with the word meant, is the one report."""
    assert check("Der künstleriche Leiter tritt zurück.") == [
        ("künstleriche", SPELLER, "künstlerische")
    ]


def test_a_name_misspelt_beside_its_right_spelling(check: Checker) -> None:
    """The speller has no "Mahrer" to suggest; the article has it. Its genitive is no slip,
    however close "Mahrers" comes to "Maurers"."""
    paragraph = "Harald Mahrer ist Minister. Maahrer: Das habe ich verfolgt. Mahrers Team ist froh."
    assert check(paragraph) == [("Maahrer", SPELLER, "Mahrer")]


def test_a_compound_noun_written_lowercase(check: Checker) -> None:
    """The speller knows neither compound and suggests nothing; their last parts are only
    ever nouns in HanTa's lexicon ("behörde", "vertreterin"). "marktweiten" ends in an
    adjective and stays lowercase (the speller's guess "Marktweiten" is not taken)."""
    paragraph = (
        "Laut der telekomregulierungsbehörde sank der Umsatz, sagte die "
        "privatbeteiligtenvertreterin. Die marktweiten Preise stiegen."
    )
    assert check(paragraph) == [
        ("telekomregulierungsbehörde", SPELLER, "Telekomregulierungsbehörde"),
        ("privatbeteiligtenvertreterin", SPELLER, "Privatbeteiligtenvertreterin"),
    ]


def test_two_capitalised_words_run_together(check: Checker) -> None:
    """The article decides whether camel case is a brand: the pair written apart elsewhere
    ("Apple Pay"), or a surname used alone after a first name the corpus lacks joined to.
    "WebStandard" (a brand the reference corpus has) stays."""
    paragraph = (
        "Richterin NicoleBaczak prüft ApplePay. Baczak kennt Apple Pay gut. "
        "Das meldet der WebStandard."
    )
    assert check(paragraph) == [
        ("NicoleBaczak", SPELLER, "Nicole Baczak"),
        ("ApplePay", SPELLER, "Apple Pay"),
    ]


def test_a_name_written_lowercase_that_the_article_capitalises(check: Checker) -> None:
    """Neither the speller nor the reference corpus knows the names; the article writes
    them with a capital inside a sentence (a sentence start proves nothing). The rule
    lowercase-noun reports them (the speller's findings give way); without it, the
    speller's findings carry the name."""
    paragraph = (
        "Der Forscher Stephan Ulamec ist froh. Wir hoffen, so ulamec. "
        "Es heißt in zschäpes Erklärung, Beate Zschäpe sei unschuldig."
    )
    noun = "de-news.lowercase-noun"
    assert check(paragraph) == [("ulamec", noun, "Ulamec"), ("zschäpes", noun, "Zschäpes")]
    assert check(paragraph, "--ignore", noun) == [
        ("ulamec", SPELLER, "Ulamec"),
        ("zschäpes", SPELLER, "Zschäpes"),
    ]


def test_a_verb_at_the_sentence_start_run_into_a_pronoun(check: Checker) -> None:
    """A noun run into "er" or "es" is often a regional form ("Neurowissenschafter"); a
    first word that is also a verb form ("Waren") is split."""
    paragraph = "Im Vorjahr stieg die Zahl. Warenes 200 Terabyte, so waren es dann mehr."
    assert check(paragraph) == [("Warenes", SPELLER, "Waren es")]
