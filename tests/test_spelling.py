"""The speller filter: real slips stay, names go; joined words are split."""

from __future__ import annotations

import pytest

from newslint.spelling import joined, plausible_typo, slip


@pytest.mark.parametrize(
    ("word", "suggestion", "kind"),
    [
        ("Jharen", "Jahren", "swap"),
        ("sicchtbar", "sichtbar", "double"),
        ("witer", "weiter", "drop"),
        ("hatfe", "hatte", "keyboard"),
        ("Mitarbeitersollen", "Mitarbeiter sollen", "split"),
        ("Welbeck", "Melbeck", "substitute"),
        ("Hughes", "Hughs", "extra"),
        ("Bacca", "Back", None),
    ],
)
def test_slip_kinds(word: str, suggestion: str, kind: str | None) -> None:
    assert slip(word, suggestion) == kind


def test_capitalised_words_need_a_strong_slip() -> None:
    assert plausible_typo("Jharen", ["Jahren", "Jaren"])
    assert not plausible_typo("Welbeck", ["Melbeck", "Elfeck", "Walbeck"])
    assert plausible_typo("hatfe", ["hatte", "hafte"])
    assert not plausible_typo("money", ["Honey"])
    assert not plausible_typo("ÖIAG", ["AG"])


def test_joined_words_are_split() -> None:
    lexicon = {"Gruppe", "Quietschlaute"}
    assert joined("GruppeFursan", lexicon.__contains__) == "Gruppe Fursan"
    assert joined("Payund", lexicon.__contains__) == "Pay und"
    assert joined("Quietschlautein", lexicon.__contains__) == "Quietschlaute in"
    assert joined("Hunter", lexicon.__contains__) is None
    assert joined("Enner", lexicon.__contains__) is None
