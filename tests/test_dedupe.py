"""One report per problem when newslint and LanguageTool flag the same words."""

from __future__ import annotations

from newslint.diagnostic import Diagnostic, Severity, Source
from newslint.engine import _dedupe


def _at(
    start: int, end: int, rule: str, category: str, source: Source, *suggestions: str
) -> Diagnostic:
    return Diagnostic(
        "a.txt", 3, start + 1, 3, end + 1, rule, Severity.WARNING, "m", category,
        suggestions, source, start, end,
    )  # fmt: skip


TYPO = _at(
    4, 16, "languagetool.GERMAN_SPELLER_RULE", "spelling", Source.LANGUAGETOOL, "künstlerische"
)


def test_a_languagetool_match_gives_way_to_ours_on_the_same_span() -> None:
    joined = _at(4, 16, "de-news.joined-words", "joined_words", Source.NEWSLINT, "künstle riche")
    assert _dedupe([TYPO, joined]) == [joined]


def test_a_typo_read_as_a_lowercase_noun_or_a_tense_break_is_the_speller_s() -> None:
    noun = _at(4, 16, "de-news.lowercase-noun", "capitalization", Source.NEWSLINT, "Künstleriche")
    tense = _at(4, 16, "de-news.tense-break", "tense", Source.NEWSLINT)
    assert _dedupe([TYPO, noun]) == [TYPO]
    assert _dedupe([TYPO, tense]) == [TYPO]


def test_a_lowercase_noun_the_speller_also_capitalises_stays_ours() -> None:
    typo = _at(
        4, 11, "languagetool.GERMAN_SPELLER_RULE", "spelling", Source.LANGUAGETOOL, "Zuckerl"
    )
    noun = _at(4, 11, "de-news.lowercase-noun", "capitalization", Source.NEWSLINT, "Zuckerl")
    assert _dedupe([typo, noun]) == [noun]


def test_our_spelling_finding_gives_way_to_the_speller_s_on_the_same_word() -> None:
    ours = _at(4, 16, "de-news.typo", "spelling", Source.NEWSLINT, "künstlerische")
    longer = _at(
        4, 24, "languagetool.GERMAN_SPELLER_RULE", "spelling", Source.LANGUAGETOOL, "Nordrhein-X"
    )
    assert _dedupe([TYPO, ours]) == [TYPO]
    assert _dedupe([longer, ours]) == [longer]  # "Nordhein" in "Nordhein-Westfalen"
    elsewhere = _at(20, 26, "de-news.typo", "spelling", Source.NEWSLINT, "Zimmer")
    assert _dedupe([TYPO, elsewhere]) == [TYPO, elsewhere]
