"""Tense and mood of finite verbs: every tense and mood, separable verbs, passive, modals."""

from __future__ import annotations

import pytest

from newslint.tense import FiniteVerb, Mood, Span, Tense, analyse


def _verbs(text: str) -> list[FiniteVerb]:
    return [verb for sentence in analyse(text) for verb in sentence.verbs]


def _span(text: str, word: str, nth: int = 0) -> Span:
    """Test-side helper: the span of the ``nth`` occurrence of ``word``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Span(start, start + len(word))


@pytest.mark.parametrize(
    ("text", "finite", "tense", "mood", "extra"),
    [
        ("Die Regierung plant eine neue Steuer.", "plant", Tense.PRAESENS, Mood.INDIKATIV, ()),
        (
            "Der Minister trat gestern zurück.",
            "trat",
            Tense.PRAETERITUM,
            Mood.INDIKATIV,
            ("zurück",),
        ),
        (
            "Die Polizei hat den Verdächtigen festgenommen.",
            "hat",
            Tense.PERFEKT,
            Mood.INDIKATIV,
            ("festgenommen",),
        ),
        (
            "Der Zug ist pünktlich angekommen.",
            "ist",
            Tense.PERFEKT,
            Mood.INDIKATIV,
            ("angekommen",),
        ),
        (
            "Die Firma hatte den Vertrag bereits gekündigt.",
            "hatte",
            Tense.PLUSQUAMPERFEKT,
            Mood.INDIKATIV,
            ("gekündigt",),
        ),
        (
            "Der Politiker war lange Bürgermeister gewesen.",
            "war",
            Tense.PLUSQUAMPERFEKT,
            Mood.INDIKATIV,
            ("gewesen",),
        ),
        (
            "Der Ausschuss wird im Herbst entscheiden.",
            "wird",
            Tense.FUTUR1,
            Mood.INDIKATIV,
            ("entscheiden",),
        ),
        (
            "Bis dahin wird die Regierung das Gesetz beschlossen haben.",
            "wird",
            Tense.FUTUR2,
            Mood.INDIKATIV,
            ("beschlossen", "haben"),
        ),
        ("Er habe nichts davon gewusst.", "habe", Tense.PERFEKT, Mood.KONJUNKTIV1, ("gewusst",)),
        (
            "Ohne Hilfe wäre die Bank pleite.",
            "wäre",
            Tense.PRAETERITUM,
            Mood.KONJUNKTIV2,
            ("pleite",),
        ),
        (
            "Die Partei hätte die Wahl fast gewonnen.",
            "hätte",
            Tense.PLUSQUAMPERFEKT,
            Mood.KONJUNKTIV2,
            ("gewonnen",),
        ),
        (  # a slip for "wird" (or "würde"): its Präteritum form is what the reader sees
            "Die Kamera wurde zum Start rund 750 Euro kosten.",
            "wurde",
            Tense.PRAETERITUM,
            Mood.INDIKATIV,
            ("kosten",),
        ),
        (
            "Die Gewerkschaft würde einem Kompromiss zustimmen.",
            "würde",
            Tense.FUTUR1,
            Mood.KONJUNKTIV2,
            ("zustimmen",),
        ),
        (
            "Die Kommission stellt den Bericht morgen vor.",
            "stellt",
            Tense.PRAESENS,
            Mood.INDIKATIV,
            ("vor",),
        ),
        (
            "Der Vorstand nahm den Vorschlag am Montag an.",
            "nahm",
            Tense.PRAETERITUM,
            Mood.INDIKATIV,
            ("an",),
        ),
        ("Ich habe den Bericht gelesen.", "habe", Tense.PERFEKT, Mood.INDIKATIV, ("gelesen",)),
        (
            "Er hat nicht kommen können.",
            "hat",
            Tense.PERFEKT,
            Mood.INDIKATIV,
            ("kommen", "können"),
        ),
    ],
)
def test_tense_and_mood(
    text: str, finite: str, tense: Tense, mood: Mood, extra: tuple[str, ...]
) -> None:
    verb = _verbs(text)[0]
    assert verb.span == _span(text, finite)
    assert (verb.tense, verb.mood) == (tense, mood)
    assert tuple(s.text(text) for s in verb.extra) == extra


def test_exact_offsets_of_separable_verb() -> None:
    text = "Die Regierung nahm den Vorschlag gestern auf."
    verb = _verbs(text)[0]
    assert verb.span == Span(14, 18)
    assert verb.extra == (Span(41, 44),)
    assert verb.form_tense is Tense.PRAETERITUM


@pytest.mark.parametrize(
    ("text", "tense", "passive"),
    [
        ("Die Brücke wurde 1990 gebaut.", Tense.PRAETERITUM, True),
        ("Die Straße wird gesperrt.", Tense.PRAESENS, True),
        ("Der Antrag ist abgelehnt worden.", Tense.PERFEKT, True),
        ("Die Grenze ist seit Tagen geschlossen.", Tense.PRAESENS, True),  # Zustandspassiv
    ],
)
def test_passive(text: str, tense: Tense, passive: bool) -> None:
    verb = _verbs(text)[0]
    assert (verb.tense, verb.passive) == (tense, passive)


def test_modal_with_infinitive() -> None:
    text = "Die Bürger mussten lange warten."
    verb = _verbs(text)[0]
    assert (verb.form, verb.tense, verb.mood, verb.modal) == (
        "mussten",
        Tense.PRAETERITUM,
        Mood.INDIKATIV,
        True,
    )
    assert verb.extra == (_span(text, "warten"),)


def test_epistemic_modal_konjunktiv2() -> None:
    text = "Dennoch dürften die USA versuchen, Nordkorea Zusagen abzuringen."
    verbs = _verbs(text)
    assert len(verbs) == 1  # "versuchen" is the modal's infinitive, not a second finite verb
    assert (verbs[0].form, verbs[0].mood, verbs[0].modal) == ("dürften", Mood.KONJUNKTIV2, True)
    assert verbs[0].extra == (_span(text, "versuchen"),)


def test_konjunktiv1_in_reported_clause() -> None:
    text = "Der Sprecher sagte, das Unternehmen sei zahlungsfähig."
    sagte, sei = _verbs(text)
    assert (sagte.tense, sagte.mood) == (Tense.PRAETERITUM, Mood.INDIKATIV)
    assert (sei.span, sei.tense, sei.mood) == (Span(36, 39), Tense.PRAESENS, Mood.KONJUNKTIV1)


def test_main_and_subordinate_clauses() -> None:
    text = "Als der Regen einsetzte, flohen die Zuschauer."
    einsetzte, flohen = _verbs(text)
    assert (einsetzte.span, einsetzte.main_clause) == (Span(14, 23), False)
    assert (flohen.span, flohen.main_clause) == (Span(25, 31), True)


def test_separable_verb_in_subordinate_clause() -> None:
    text = "Es kam zum Streit, weil der Kanzler das Angebot annahm."
    kam, annahm = _verbs(text)
    assert kam.main_clause and not annahm.main_clause
    assert (annahm.span, annahm.tense) == (_span(text, "annahm"), Tense.PRAETERITUM)


def test_verb_final_cluster_in_subordinate_clause() -> None:
    text = "Sie berichtete, dass der Plan abgelehnt worden war."
    war = _verbs(text)[1]
    assert (war.tense, war.passive, war.main_clause) == (Tense.PLUSQUAMPERFEKT, True, False)
    assert war.extra == (_span(text, "abgelehnt"), _span(text, "worden"))


def test_quotation_flag() -> None:
    text = "„Wir kommen wieder“, sagte der Trainer."
    kommen, sagte = _verbs(text)
    assert (kommen.span, kommen.in_quote) == (Span(5, 11), True)
    assert (sagte.span, sagte.in_quote) == (Span(21, 26), False)


def test_first_person_disambiguates_konjunktiv1() -> None:
    assert _verbs("Ich habe keine Zeit.")[0].mood is Mood.INDIKATIV
    assert _verbs("Er habe keine Zeit.")[0].mood is Mood.KONJUNKTIV1


def test_sentences_and_offsets_across_hard_wraps() -> None:
    text = "Der Zug fuhr\nab. Die Fahrgäste\nwarteten lange."
    sentences = analyse(text)
    assert [s.span for s in sentences] == [Span(0, 16), Span(17, 46)]
    fuhr = sentences[0].verbs[0]
    assert (fuhr.span, fuhr.extra) == (Span(8, 12), (Span(13, 15),))
    assert sentences[1].verbs[0].span == Span(31, 39)


def test_soft_hyphen_inside_a_verb() -> None:
    text = "Die Stadt ver\u00adkaufte das Grundstück."
    verb = _verbs(text)[0]
    assert (verb.span, verb.tense) == (Span(10, 20), Tense.PRAETERITUM)
