"""Wire format and UTF-16 -> code point mapping, on answers recorded from the real server."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newslint.languagetool.model import LTMatch, LTSettings, TextPart
from newslint.languagetool.protocol import (
    ProtocolError,
    annotation_json,
    parse_matches,
    plain_text,
    request_params,
    software_version,
    utf16_to_codepoints,
)

FIXTURES = Path(__file__).parent / "fixtures"


def load(name: str) -> tuple[list[TextPart], dict[str, Any]]:
    data = json.loads((FIXTURES / f"{name}.json").read_text())
    parts = [TextPart(p["text"], p["markup"], p["interpret_as"]) for p in data["parts"]]
    return parts, data["response"]


def flagged(name: str) -> list[tuple[int, int, str]]:
    parts, response = load(name)
    text = plain_text(parts)
    return [(m.start, m.end, text[m.start : m.end]) for m in parse_matches(response, text)]


def test_recorded_plain_typo() -> None:
    parts, response = load("plain_typo")
    [match] = parse_matches(response, plain_text(parts))
    assert (match.start, match.end, match.rule_id) == (6, 12, "GERMAN_SPELLER_RULE")
    assert match.category_id == "TYPOS" and match.issue_type == "misspelling"
    assert match.replacements[:3] == ("schauen", "guten", "schien")
    assert software_version(response) == "6.8"


def test_recorded_emoji_offsets_become_code_points() -> None:
    parts, response = load("emoji")
    assert [m["offset"] for m in response["matches"]] == [11, 86]  # UTF-16, as sent
    # "😀😀 Trump " is 9 code points but 11 UTF-16 units; 👍🏽 after "Regirung" shifts nothing.
    regirung = plain_text(parts).index("Regirung")
    assert regirung == 86 - 2
    assert flagged("emoji") == [(9, 15, "schuen"), (regirung, regirung + 8, "Regirung")]


def test_recorded_soft_hyphen_no_break_space_and_quotes() -> None:
    assert flagged("shy_nbsp_quotes") == [(17, 24, "schu\u00aden"), (83, 91, "Regirung")]


def test_recorded_markup_counts_but_is_not_checked() -> None:
    parts, _ = load("markup")
    text = plain_text(parts)
    assert flagged("markup") == [
        (text.index("schuen", 20), text.index("schuen", 20) + 6, "schuen"),
        (text.rindex("Regirung"), text.rindex("Regirung") + 8, "Regirung"),
    ]


def test_utf16_mapping_covers_whole_characters() -> None:
    text = "a😀b"  # units: a=0, 😀=1..2, b=3
    start, end = utf16_to_codepoints(text)
    assert [start(u) for u in range(5)] == [0, 1, 1, 2, 3]
    assert [end(u) for u in range(5)] == [0, 1, 2, 2, 3]
    ascii_start, _ = utf16_to_codepoints("plain")
    assert ascii_start(3) == 3


def test_annotation_json_and_params() -> None:
    parts = [
        TextPart("Text „1“ "),
        TextPart("`x`", markup=True, interpret_as="Code"),
        TextPart("<br>", markup=True),
    ]
    assert json.loads(annotation_json(parts)) == {
        "annotation": [
            {"text": "Text „1“ "},
            {"markup": "`x`", "interpretAs": "Code"},
            {"markup": "<br>"},
        ]
    }
    settings = LTSettings(
        language="de-AT",
        mother_tongue="en-US",
        enabled_rules=("A", "B"),
        disabled_rules=("C",),
        enabled_categories=("D",),
        disabled_categories=("E", "F"),
        picky=True,
    )
    params = request_params(settings, parts)
    assert params.pop("data") == annotation_json(parts)
    assert params == {
        "language": "de-AT",
        "motherTongue": "en-US",
        "enabledRules": "A,B",
        "disabledRules": "C",
        "enabledCategories": "D",
        "disabledCategories": "E,F",
        "level": "picky",
    }
    assert request_params(LTSettings(), parts).keys() == {"language", "data"}


@pytest.mark.parametrize(
    "payload",
    [
        {},
        {"matches": [{"offset": 0}]},
        {"matches": [{"offset": 0, "length": 99, "rule": {"id": "X"}}]},
        {"matches": [], "warnings": {"incompleteResults": True}},
    ],
)
def test_bad_answers_raise_protocol_error(payload: dict[str, Any]) -> None:
    with pytest.raises(ProtocolError):
        parse_matches(payload, "kurz")


def test_match_json_round_trip() -> None:
    parts, response = load("emoji")
    for match in parse_matches(response, plain_text(parts)):
        assert LTMatch.from_json(json.loads(json.dumps(match.to_json()))) == match
