"""Tense-break detection: what is reported, with exact offsets, and what is exempt."""

from __future__ import annotations

import pytest

from newslint.tense import BreakOptions, Span, Tense, TenseGroup, find_article_breaks, find_breaks

STORM = (
    "Am Morgen zog ein Sturm über die Stadt. {} "
    "Die Feuerwehr rückte zu mehr als hundert Einsätzen aus."
)
BRIDGE = (
    "Die Stadt baut eine neue Brücke über den Fluss. {} "
    "Der Verkehr wird über eine Umleitung geführt."
)


def test_present_in_past_paragraph() -> None:
    text = STORM.format("Zahlreiche Bäume stürzen auf die Straßen.")
    (brk,) = find_breaks(text)
    assert brk.span == Span(57, 64)
    assert brk.span.text(text) == "stürzen"
    assert brk.extra_spans == ()
    assert (brk.found, brk.expected) == (Tense.PRAESENS, TenseGroup.PAST)
    assert brk.message == "Tempuswechsel: Präsens in einem Absatz im Präteritum"
    assert brk.sentence == Span(40, 81)


def test_past_in_present_paragraph() -> None:
    text = BRIDGE.format("Die Arbeiten dauerten zwei Jahre.")
    (brk,) = find_breaks(text)
    assert brk.span == Span(61, 69)
    assert brk.message == "Tempuswechsel: Präteritum in einem Absatz im Präsens"


def test_separable_particle_is_an_extra_span() -> None:
    text = (
        "Die Polizei sperrte die Straße ab. Dann nimmt sie zwei Männer fest. "
        "Beide wurden stundenlang verhört."
    )
    (brk,) = find_breaks(text)
    assert brk.span == Span(40, 45)
    assert brk.extra_spans == (Span(62, 66),)
    assert [s.text(text) for s in brk.all_spans()] == ["nimmt", "fest"]


def test_plusquamperfekt_in_present_paragraph() -> None:
    text = (
        "Die Firma baut ein neues Werk. Den Standort hatte sie lange gesucht. "
        "Die Produktion beginnt im Frühjahr."
    )
    (brk,) = find_breaks(text)
    assert (brk.span, brk.extra_spans) == (Span(44, 49), (Span(60, 67),))
    assert brk.message == "Tempuswechsel: Plusquamperfekt in einem Absatz im Präsens"


def test_hard_wrapped_paragraph_keeps_offsets() -> None:
    text = (
        "Am Morgen zog ein Sturm über die\nStadt. Zahlreiche Bäume stürzen auf\n"
        "die Straßen. Die Feuerwehr rückte zu\nmehr als hundert Einsätzen aus."
    )
    (brk,) = find_breaks(text)
    assert brk.span == Span(57, 64)


def test_blank_line_separates_paragraphs_and_offsets_stay_global() -> None:
    first = "Die Stadt baut eine Brücke. Die Arbeiten beginnen im Mai."
    second = STORM.format("Zahlreiche Bäume stürzen auf die Straßen.")
    text = first + "\n\n" + second
    (brk,) = find_breaks(text)
    assert brk.span == Span(len(first) + 2 + 57, len(first) + 2 + 64)


def test_forecast_followed_by_outcome_in_the_past() -> None:
    text = "Die Regierung dürfte versuchen, das Gesetz zu ändern. Das Vorhaben scheiterte jedoch."
    (brk,) = find_breaks(text)
    assert brk.span == Span(67, 77)
    assert brk.found is Tense.PRAETERITUM
    assert "Vorschau" in brk.message


@pytest.mark.parametrize(
    ("reason", "middle"),
    [
        ("quotation", "„Zahlreiche Bäume stürzen auf die Straßen.“"),
        ("guillemets", "»Zahlreiche Bäume stürzen auf die Straßen.«"),
        ("single quotes", "‚Zahlreiche Bäume stürzen auf die Straßen.‘"),
        ("straight quotes", '"Zahlreiche Bäume stürzen auf die Straßen."'),
        ("colon quote", "Ein Anwohner schrieb: Die Bäume stürzen auf die Straßen."),
        ("Konjunktiv I", "Zahlreiche Straßen seien unpassierbar."),
        ("Konjunktiv II", "Ohne Warnung wären viele Bäume auf Autos gestürzt."),
        ("time marker heute", "Heute räumen Arbeiter die Straßen."),
        ("time marker inzwischen", "Inzwischen räumen Arbeiter die Straßen."),
        ("time marker seit", "Seit Mittag räumen Arbeiter die Straßen."),
        ("general statement", "Die Region gilt als besonders gefährdet."),
        ("attribution laut", "Laut Polizei stürzen weitere Bäume um."),
        ("speech verb", "Weitere Bäume stürzen um, erklärte ein Polizist."),
        ("future", "Die Stadt wird die Schäden ersetzen."),
        ("question", "Wer bezahlt die Schäden?"),
        ("first person", "Wir räumen die Straßen sofort."),
        ("content clause", "Die Polizei stellt fest, dass viele Bäume umgestürzt sind."),
    ],
)
def test_licensed_switches_are_not_reported(reason: str, middle: str) -> None:
    assert find_breaks(STORM.format(middle)) == [], reason


def test_a_modal_in_the_past_is_a_break_unless_it_can_be_konjunktiv() -> None:
    """ "wollte" is the past ("sie wollte bauen"); "sollte" is as often "should"."""
    text = BRIDGE.format("Die Gemeinde wollte die Kosten teilen.")
    (brk,) = find_breaks(text)
    assert brk.span.text(text) == "wollte"
    assert find_breaks(BRIDGE.format("Die Gemeinde sollte die Kosten teilen.")) == []


def test_perfekt_in_present_report() -> None:
    text = (
        "Die Stadt baut eine neue Brücke. Der Gemeinderat hat das Projekt im Frühjahr "
        "beschlossen. Die Arbeiten beginnen im Mai."
    )
    assert find_breaks(text) == []


def test_plusquamperfekt_for_anteriority_in_past_report() -> None:
    text = (
        "Die Polizei nahm den Mann in Linz fest. Er hatte eine Bank überfallen. "
        "Die Beute stellten die Beamten sicher."
    )
    assert find_breaks(text) == []


def test_past_anchor_licenses_past_in_present_paragraph() -> None:
    text = (
        "Die Stadt baut eine neue Brücke. Am Montag begannen die Bauarbeiten. "
        "Der Verkehr wird umgeleitet."
    )
    assert find_breaks(text) == []


def test_switch_at_the_paragraph_edge_is_not_reported() -> None:
    text = STORM.format("Die Feuerwehr rettete drei Menschen.")
    text += " Die Aufräumarbeiten dauern an."
    assert find_breaks(text) == []


def test_short_paragraph_is_not_judged() -> None:
    text = "Am Morgen zog ein Sturm über die Stadt. Zahlreiche Bäume stürzen auf die Straßen."
    assert find_breaks(text) == []
    fixed = find_breaks(text, BreakOptions(expected="past"))
    assert [b.span.text(text) for b in fixed] == ["stürzen"]


def test_time_markers_are_configurable() -> None:
    text = STORM.format("Heute räumen Arbeiter die Straßen.")
    assert find_breaks(text) == []
    (brk,) = find_breaks(text, BreakOptions(time_markers=()))
    assert brk.span.text(text) == "räumen"


def test_speech_markers_are_configurable() -> None:
    text = STORM.format("Laut Polizei stürzen weitere Bäume um.")
    (brk,) = find_breaks(text, BreakOptions(speech_markers=()))
    assert brk.span.text(text) == "stürzen"


def test_headline_and_teaser_are_skipped() -> None:
    text = STORM.format("Zahlreiche Bäume stürzen auf die Straßen.")
    assert find_breaks(text, kind="headline") == []
    assert find_breaks(text, kind="teaser") == []
    assert len(find_breaks(text, BreakOptions(skip_kinds=frozenset()), kind="teaser")) == 1


def test_article_scope_confirms_a_thin_paragraph() -> None:
    past = "Der Zug fuhr um acht Uhr ab. Die Fahrgäste stiegen in Wels um. Sie kamen spät an."
    thin = "Der Lokführer bremste scharf. Ein Reh springt auf die Gleise. Zum Glück ohne Verletzte."
    blocks = [("Zugunglück bei Wels", "headline"), (past, "body"), (past, "body"), (thin, "body")]
    assert find_article_breaks(blocks) == [[], [], [], []]
    article = find_article_breaks(blocks, BreakOptions(scope="article"))
    assert [[b.span.text(blocks[i][0]) for b in found] for i, found in enumerate(article)] == [
        [],
        [],
        [],
        ["springt"],
    ]


def test_options_are_validated() -> None:
    with pytest.raises(ValueError, match="scope"):
        BreakOptions(scope="chapter")
    with pytest.raises(ValueError, match="expected"):
        BreakOptions(expected="future")
