"""The shared German sentence splitter: abbreviations, ordinals, dates, quotes."""

from __future__ import annotations

import pytest

from newslint.text.sentences import split_sentences


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


def test_spans_are_code_point_offsets() -> None:
    text = "Er kam. Sie ging."
    assert split_sentences(text) == [(0, 7), (8, 17)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Das gilt z. B. für Wien. Dr. Huber kam u. a. mit Prof. Maier.",
            ["Das gilt z. B. für Wien.", "Dr. Huber kam u. a. mit Prof. Maier."],
        ),
        (
            "Es kostet ca. 5 Mio. Euro bzw. mehr. Nr. 7 fehlt. Er wohnt in St. Pölten.",
            ["Es kostet ca. 5 Mio. Euro bzw. mehr.", "Nr. 7 fehlt.", "Er wohnt in St. Pölten."],
        ),
        (
            "Am 7. Juli begann es. Im 20. Jahrhundert nicht.",
            ["Am 7. Juli begann es.", "Im 20. Jahrhundert nicht."],
        ),
        ("Sie wurde Dritte (3., 66.) im Weltcup.", ["Sie wurde Dritte (3., 66.) im Weltcup."]),
        ("Am 1.2.2015 trat er an. Dann ging er.", ["Am 1.2.2015 trat er an.", "Dann ging er."]),
        (
            "Das war im Jahr 2015. Die Zahl stieg.",
            ["Das war im Jahr 2015.", "Die Zahl stieg."],
        ),
        ("Donald J. Trump kam nach Wien.", ["Donald J. Trump kam nach Wien."]),
        (
            "„Wir kommen wieder!“, sagte er. „Das ist sicher.“ Dann ging er.",
            ["„Wir kommen wieder!“, sagte er.", "„Das ist sicher.“", "Dann ging er."],
        ),
        ("Er zögerte … und ging. Dann … Nein.", ["Er zögerte … und ging.", "Dann …", "Nein."]),
        ("Er fragte: Warum? Niemand antwortete.", ["Er fragte: Warum?", "Niemand antwortete."]),
    ],
)
def test_german_news_boundaries(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_hard_wrapped_lines_are_whitespace() -> None:
    text = "Der Zug fuhr\nab. Die Fahrgäste\nwarteten."
    assert split_sentences(text) == [(0, 16), (17, 40)]


def test_blank_line_always_ends_a_sentence() -> None:
    text = "Überschrift ohne Punkt\n\nErster Satz. Zweiter Satz."
    assert _sentences(text) == ["Überschrift ohne Punkt", "Erster Satz.", "Zweiter Satz."]


def test_empty_and_whitespace() -> None:
    assert split_sentences("") == []
    assert split_sentences("  \n ") == []
