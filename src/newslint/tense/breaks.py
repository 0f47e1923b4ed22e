"""Tense-break detection: a sentence whose main-clause tense leaves the narrative tense.

A news paragraph keeps one time system: Präteritum (with Plusquamperfekt for what
happened before) for a report, Präsens (with Futur) for what holds now; the Perfekt
fits both (it is the spoken past in Austria and southern Germany). Real news switches
tense often and for good reasons, so a sentence is reported only when the evidence is
clear and nothing licenses the switch:

- the sentence is enclosed by sentences in the narrative tense (a switch at the edge
  of a paragraph usually opens or closes a frame: background, outlook), no other
  sentence shares its tense, and at least two sentences of the paragraph — or one, with
  ``scope="article"``, when the article as a whole agrees — set the narrative tense;
- nothing licenses the switch: a quotation, reported speech (Konjunktiv, speech or
  attribution markers), a time adverbial, a question, first or second person (direct
  speech whose quotation marks were dropped), a future (a preview is no break), a
  modal whose past is also its Konjunktiv II ("sollte"), or — for Präsens inside a past
  report — a stative verb stating what holds in general;
- the block is not a headline or teaser, whose tense follows its own convention.

One pattern is reported without a majority: a forecast (Futur I, or epistemic
"dürfte" + infinitive) directly followed by a Präteritum that narrates its outcome
("Die USA dürften versuchen, ... Das Vorhaben scheiterte jedoch.").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.tense.analysis import analyse_sentence
from newslint.tense.markers import find_marker
from newslint.tense.model import FiniteVerb, Mood, Sentence, Span, Tense, TenseBreak, TenseGroup
from newslint.tense.options import BreakOptions
from newslint.tense.tokens import quote_regions
from newslint.text.sentences import split_sentences

__all__ = ["BreakOptions", "find_article_breaks", "find_breaks"]

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_DATELINE = re.compile(r"[A-ZÄÖÜ][\w.]*(?:[ /-][A-ZÄÖÜ][\w.]*){0,3} [–—] ")
_GROUP_NAME = {TenseGroup.PRESENT: "Präsens", TenseGroup.PAST: "Präteritum"}
# Pronouns of the first and second person: outside quotation marks they betray direct
# speech whose marks were dropped (common in agency copy and CMS exports).
_FIRST_SECOND_PERSON = frozenset(
    str.split(
        "ich mich mir mein meine meinen meinem meiner meines wir uns unser unsere unseren "
        "unserem unserer unseres du dich dir dein deine euch euer eure"
    )
)
_COMPLEMENTIZERS = frozenset({"dass", "daß", "ob"})
_NEUTRAL = (Tense.PERFEKT, Tense.FUTUR1, Tense.FUTUR2)
_SYNCRETIC_MODALS = frozenset({"sollen"})


@dataclass(frozen=True)
class _Profile:
    """What one sentence contributes: its vote, and whether it may be reported."""

    sentence: Sentence
    body: str  # the sentence text
    verbs: tuple[FiniteVerb, ...]  # main-clause indicative verbs outside quotations
    vote: TenseGroup | None
    groups: frozenset[TenseGroup]  # of all its indicative verbs outside quotations
    exempt: str | None
    forecast: bool


def find_breaks(
    text: str, options: BreakOptions | None = None, kind: str = "body"
) -> list[TenseBreak]:
    """Tense breaks in ``text`` (one paragraph; blank lines separate several).

    Offsets are code points into ``text``; hard line breaks count as spaces. ``kind`` is
    the block kind ("body", "headline", "teaser", ...); kinds in ``options.skip_kinds``
    are not checked.
    """
    opts = options or BreakOptions()
    if kind in opts.skip_kinds:
        return []
    quotes = quote_regions(text)
    paragraphs = [
        part
        for start, end in _blocks(text)
        for part in _profiles(text, Span(start, end), quotes, opts)
    ]
    return [brk for found in _judge(paragraphs, opts) for brk in found]


def find_article_breaks(
    blocks: Sequence[tuple[str, str]], options: BreakOptions | None = None
) -> list[list[TenseBreak]]:
    """Tense breaks per block of an article; ``blocks`` are ``(text, kind)`` pairs.

    Offsets in each result list are code points into that block's text. Blocks whose
    kind is in ``options.skip_kinds`` are neither checked nor used as context. With
    ``scope="paragraph"`` this is the same as calling ``find_breaks`` per block.
    """
    opts = options or BreakOptions()
    checked = [i for i, (_text, kind) in enumerate(blocks) if kind not in opts.skip_kinds]
    paragraphs: list[list[_Profile]] = []
    owner: list[int] = []
    for index in checked:
        text = blocks[index][0]
        for part in _profiles(text, Span(0, len(text)), quote_regions(text), opts):
            paragraphs.append(part)
            owner.append(index)
    results: list[list[TenseBreak]] = [[] for _ in blocks]
    for index, found in zip(owner, _judge(paragraphs, opts), strict=True):
        results[index].extend(found)
    return results


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph spans of ``text``: blank lines separate paragraphs."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _profiles(
    text: str, block: Span, quotes: list[Span], opts: BreakOptions
) -> list[list[_Profile]]:
    """Profiles of the sentences of ``block``, cut again before a dateline.

    A dateline ("Wien – ...") opens the body of a report; what precedes it in the same
    block is a teaser with its own tense.
    """
    parts: list[list[_Profile]] = [[]]
    for start, end in split_sentences(text[block.start : block.end]):
        span = Span(block.start + start, block.start + end)
        if parts[-1] and _DATELINE.match(text, span.start):
            parts.append([])
        parts[-1].append(_profile(text, analyse_sentence(text, span, quotes), quotes, opts))
    return parts


def _profile(text: str, sentence: Sentence, quotes: list[Span], opts: BreakOptions) -> _Profile:
    body = sentence.span.text(text)
    outside = [v for v in sentence.verbs if not v.in_quote]
    main = [v for v in sentence.main_verbs if not _colon_quoted(sentence, v, text, opts)]
    indicative = tuple(v for v in main if v.mood is Mood.INDIKATIV)
    voters = [v for v in indicative if v.tense not in _NEUTRAL]
    vote = voters[0].group if voters else None
    if any(v.mood is Mood.KONJUNKTIV1 for v in outside):
        vote = None  # reported speech: its tense is the report's, not the narrative's
    elif voters and find_marker(voters[0].form, opts.speech_markers):
        vote = None  # "..., sagte er": the attribution's tense is not the narrative's
    groups = frozenset(
        v.group for v in outside if v.mood is Mood.INDIKATIV and v.tense not in _NEUTRAL
    )
    forecast = any(_is_forecast(v) for v in main)
    exempt = _exemption(text, sentence, body, main, quotes, opts)
    return _Profile(sentence, body, indicative, vote, groups, exempt, forecast)


def _exemption(
    text: str,
    sentence: Sentence,
    body: str,
    main: list[FiniteVerb],
    quotes: list[Span],
    opts: BreakOptions,
) -> str | None:
    """Why this sentence may not be reported, or None."""
    if not main:
        return "no main-clause verb"
    if any(v.mood is not Mood.INDIKATIV for v in sentence.verbs if not v.in_quote):
        return "Konjunktiv"
    if any(v.in_quote for v in sentence.verbs):
        return "quotation"
    if body.rstrip('“”"»«’‘) ').endswith(("?", "!")):
        return "question or exclamation"
    for token in sentence.tokens:
        if token.lower in _FIRST_SECOND_PERSON and not _inside(token.start, quotes):
            return "first or second person"
    if _reports_content(sentence, main[0]):
        return "reporting verb with a dass/ob clause"
    for label, patterns in (
        ("speech marker", opts.speech_markers),
        ("time marker", opts.time_markers),
    ):
        marker = find_marker(body, patterns)
        if marker:
            return f"{label} {marker!r}"
    return None


def _reports_content(sentence: Sentence, verb: FiniteVerb) -> bool:
    """ "Die Forscher fanden heraus, dass ...": the matrix verb reports a content clause.

    The tense of such a matrix clause is that of the reporting event (a study, a
    statement), which news freely puts in the past inside a present paragraph.
    """
    clauses = sentence.clauses
    for number, clause in enumerate(clauses[:-1]):
        if clause.span.start <= verb.span.start < clause.span.end:
            following = clauses[number + 1].span
            head = next((t for t in sentence.tokens if t.start >= following.start), None)
            return head is not None and head.lower in _COMPLEMENTIZERS
    return False


def _inside(pos: int, quotes: list[Span]) -> bool:
    return any(q.start <= pos < q.end for q in quotes)


def _colon_quoted(sentence: Sentence, verb: FiniteVerb, text: str, opts: BreakOptions) -> bool:
    """A verb after a colon that introduces speech ("Er sagte: Wir kommen.")."""
    if not verb.after_colon:
        return False
    colon = next(t.start for t in sentence.tokens if t.text == ":")
    return find_marker(text[sentence.span.start : colon], opts.speech_markers) is not None


def _is_forecast(verb: FiniteVerb) -> bool:
    """Futur I, or epistemic "dürfte" with a plain infinitive (not "dürfte gewesen sein")."""
    if verb.lemma == "werden" and verb.tense is Tense.FUTUR1:
        return verb.mood is not Mood.KONJUNKTIV2
    return (
        verb.lemma == "dürfen"
        and verb.mood is Mood.KONJUNKTIV2
        and bool(verb.extra)
        and verb.tense is Tense.PRAETERITUM
        and not _has_perfect_infinitive(verb)
    )


def _has_perfect_infinitive(verb: FiniteVerb) -> bool:
    """ "dürfte geblieben sein": participle + auxiliary after the modal looks back."""
    return len(verb.extra) > 1


def _judge(paragraphs: list[list[_Profile]], opts: BreakOptions) -> list[list[TenseBreak]]:
    article = [p.vote for para in paragraphs for p in para if p.vote is not None]
    results = []
    for para in paragraphs:
        found = []
        for index in range(len(para)):
            brk = _judge_sentence(para, index, article, opts)
            if brk is not None:
                found.append(brk)
        results.append(found)
    return results


def _judge_sentence(
    para: list[_Profile], index: int, article: list[TenseGroup], opts: BreakOptions
) -> TenseBreak | None:
    profile = para[index]
    if profile.exempt is not None or profile.vote is None:
        return None
    verb = next(v for v in profile.verbs if v.tense not in _NEUTRAL)
    if _follows_forecast(para, index, verb, opts):
        return _make_break(profile, verb, TenseGroup.PRESENT, forecast=True)
    expected = _expected(para, index, article, opts)
    if expected is None or _licensed_by_context(profile, verb, expected, opts) is not None:
        return None
    return _make_break(profile, verb, expected, forecast=False)


def _follows_forecast(
    para: list[_Profile], index: int, verb: FiniteVerb, opts: BreakOptions
) -> bool:
    """A Präteritum right after a forecast, in a paragraph that does not narrate the past.

    "Die USA dürften versuchen, ... Das Vorhaben scheiterte jedoch." announces an event
    and then reports its outcome as past. If the paragraph narrates in the past anyway,
    the forecast is an aside and the Präteritum simply resumes the report.
    """
    if index == 0 or not para[index - 1].forecast or verb.tense is not Tense.PRAETERITUM:
        return False
    if any(p.vote is TenseGroup.PAST for i, p in enumerate(para) if i != index):
        return False
    return find_marker(para[index].body, opts.past_markers) is None


def _licensed_by_context(
    profile: _Profile, verb: FiniteVerb, expected: TenseGroup, opts: BreakOptions
) -> str | None:
    """Direction-specific licences: general statements, past anchors, modal syncretism."""
    if expected is TenseGroup.PAST:
        if verb.lemma in opts.stative_verbs:
            return "general statement"
        return None
    if verb.lemma in _SYNCRETIC_MODALS:
        return "sollte can be Konjunktiv II"
    if find_marker(profile.body, opts.past_markers):
        return "past time anchor"
    return None


def _expected(
    para: list[_Profile], index: int, article: list[TenseGroup], opts: BreakOptions
) -> TenseGroup | None:
    """The narrative time system the sentence at ``index`` breaks, if the case is clear."""
    own = para[index].vote
    if own is None:
        return None
    other = TenseGroup.PAST if own is TenseGroup.PRESENT else TenseGroup.PRESENT
    if opts.expected in ("present", "past"):
        fixed = TenseGroup.PRESENT if opts.expected == "present" else TenseGroup.PAST
        return fixed if fixed is other else None
    if len(para) < opts.min_sentences:
        return None
    if opts.require_enclosed and not 0 < index < len(para) - 1:
        return None
    before = [p.vote for p in para[:index] if p.vote is not None]
    after = [p.vote for p in para[index + 1 :] if p.vote is not None]
    if not before or before[-1] is not other or (after and after[0] is not other):
        return None
    if any(own in p.groups for i, p in enumerate(para) if i != index):
        return None  # the paragraph mixes both systems elsewhere: a frame, not a slip
    support = len(before) + len(after)
    if support >= 2:
        return other
    if opts.scope == "article" and support == 1 and len(article) >= 6:
        share = sum(1 for v in article if v is other) / len(article)
        if share >= opts.article_share:
            return other
    return None


def _make_break(
    profile: _Profile, verb: FiniteVerb, expected: TenseGroup, forecast: bool
) -> TenseBreak:
    if forecast:
        message = f"Tempuswechsel: {verb.tense.value} nach einer Vorschau im Präsens oder Futur"
    else:
        message = f"Tempuswechsel: {verb.tense.value} in einem Absatz im {_GROUP_NAME[expected]}"
    return TenseBreak(
        span=verb.span,
        extra_spans=verb.extra,
        sentence=profile.sentence.span,
        found=verb.tense,
        expected=expected,
        message=message,
    )
