"""Checking against the real LanguageTool server (the session's shared one): exact spans."""

from __future__ import annotations

from dataclasses import replace

import pytest

from newslint.languagetool import LanguageTool, LTFailure, LTMatch, LTSettings, TextPart
from newslint.languagetool.paths import Home

SENTENCE = "Trump schuen zunächst beim Gipfel zu Kompromissen bereit zu sein."
SHY, NBSP = "\u00ad", "\u00a0"


def matches(result: list[LTMatch] | LTFailure) -> list[LTMatch]:
    assert isinstance(result, list), result
    return result


def spans(text: str, result: list[LTMatch] | LTFailure) -> list[tuple[int, int, str, str]]:
    return [(m.start, m.end, text[m.start : m.end], m.rule_id) for m in matches(result)]


def test_spelling_match_at_the_exact_span(home: Home) -> None:
    with LanguageTool(LTSettings(), home=home) as lt:
        [result] = lt.check_many([[TextPart(SENTENCE)]])
    [match] = matches(result)
    assert (match.start, match.end) == (6, 12)
    assert match.rule_id == "GERMAN_SPELLER_RULE"
    assert match.category_id == "TYPOS"
    assert match.issue_type == "misspelling"
    assert "schien" in match.replacements
    assert match.message


@pytest.mark.parametrize(
    ("prefix", "typo"),
    [
        ("😀 ", "schuen"),  # one code point, two UTF-16 units
        ("😀👍🏽🇩🇪 ", "schuen"),  # skin-tone modifier and a flag: more surrogate pairs
        (f"„Zitat“{NBSP}", "schuen"),
        ("", f"schu{SHY}en"),  # soft hyphen inside the word: the span covers it
    ],
)
def test_offsets_are_code_points(home: Home, prefix: str, typo: str) -> None:
    text = f"{prefix}Trump {typo} zunächst beim Gipfel zu Kompromissen bereit zu sein. 😀"
    with LanguageTool(LTSettings(), home=home) as lt:
        [result] = lt.check_many([[TextPart(text)]])
    start = len(prefix) + len("Trump ")
    assert spans(text, result) == [(start, start + len(typo), typo, "GERMAN_SPELLER_RULE")]


def test_markup_is_not_checked_but_counted(home: Home) -> None:
    parts = [
        TextPart("Der Befehl "),
        TextPart("`schuen 😀`", markup=True, interpret_as="Code"),
        TextPart(" ist bekannt.\n\n"),
        TextPart("<!-- Regirung -->", markup=True, interpret_as=""),
        TextPart("Trump schuen zunächst beim Gipfel."),
    ]
    text = "".join(p.text for p in parts)
    with LanguageTool(LTSettings(), home=home) as lt:
        [result] = lt.check_many([parts])
    start = text.rindex("schuen")
    assert spans(text, result) == [(start, start + 6, "schuen", "GERMAN_SPELLER_RULE")]


def test_results_in_order_with_duplicates_and_blanks(home: Home) -> None:
    items = [
        [TextPart(SENTENCE)],
        [TextPart("Die Regierung tagte am Mittwoch.")],
        [TextPart("  \n"), TextPart("<br>", markup=True)],  # nothing to check: no request
        [TextPart(SENTENCE)],
        [TextPart("Die Regirung tagte am Mittwoch.")],
    ]
    with LanguageTool(LTSettings(), home=home) as lt:
        results = lt.check_many(items)
        assert lt.requests_sent == 3  # the duplicate is sent once, the blank item not at all
    assert [[m.rule_id for m in matches(r)] for r in results] == [
        ["GERMAN_SPELLER_RULE"],
        [],
        [],
        ["GERMAN_SPELLER_RULE"],
        ["GERMAN_SPELLER_RULE"],
    ]


def test_unchanged_text_is_not_sent_again(home: Home) -> None:
    items = [[TextPart(SENTENCE)], [TextPart("Die Regirung tagte."), TextPart("😀")]]
    with LanguageTool(LTSettings(), home=home) as lt:
        first = lt.check_many(items)
        assert lt.requests_sent == 2
    with LanguageTool(LTSettings(), home=home) as lt:  # a later run: the disk cache answers
        assert lt.check_many(items) == first
        assert lt.requests_sent == 0
    with LanguageTool(LTSettings(use_cache=False), home=home) as lt:
        assert lt.check_many(items) == first
        assert lt.requests_sent == 2


def test_settings_are_sent_and_part_of_the_cache_key(home: Home) -> None:
    item = [[TextPart(SENTENCE)]]
    base = LTSettings()
    with LanguageTool(base, home=home) as lt:
        assert matches(lt.check_many(item)[0])
    quiet = replace(base, disabled_rules=("GERMAN_SPELLER_RULE",))
    with LanguageTool(quiet, home=home) as lt:
        assert lt.check_many(item) == [[]]
        assert lt.requests_sent == 1
    no_typos = replace(base, disabled_categories=("TYPOS",))
    with LanguageTool(no_typos, home=home) as lt:
        assert lt.check_many(item) == [[]]


def test_picky_adds_rules(home: Home) -> None:
    item = [[TextPart("Das ist z.B. ein Test.")]]
    with LanguageTool(LTSettings(), home=home) as lt:
        assert lt.check_many(item) == [[]]
    with LanguageTool(LTSettings(picky=True), home=home) as lt:
        [result] = lt.check_many(item)
    assert [(m.start, m.end, m.rule_id) for m in matches(result)] == [
        (8, 12, "ABKUERZUNG_LEERZEICHEN")
    ]


def test_english(home: Home) -> None:
    text = "This are a test."
    with LanguageTool(LTSettings(language="en-US"), home=home) as lt:
        [result] = lt.check_many([[TextPart(text)]])
        assert lt.version == "6.8"
    assert spans(text, result) == [
        (0, 4, "This", "THIS_NNS"),
        (5, 8, "are", "PLURAL_VERB_AFTER_THIS"),
    ]


def test_remote_url_setting_uses_that_server(home: Home) -> None:
    """`url` talks to any LanguageTool server; here the session's local one stands in."""
    from newslint.languagetool import daemon

    state = daemon.read_state(home.state_dir)
    assert state is not None
    with LanguageTool(LTSettings(url=state.url + "/"), home=home) as lt:
        [result] = lt.check_many([[TextPart(SENTENCE)]])
        assert lt.version == "6.8"  # asked from the server
    assert [m.rule_id for m in matches(result)] == ["GERMAN_SPELLER_RULE"]
