"""Morphology: a POS tagger with lemmas (HanTa) and verb paradigms (ablaut).

Why these two: HanTa (Hannover Tagger, PyPI ``hanta``) ships a German model trained on
the TIGER treebank; it tags finite verbs, participles, infinitives and separable
particles (STTS) and gives the infinitive as lemma, with its own morphological analysis
for unknown words. It does not say *which* tense or mood a finite form has. ``ablaut``
(PyPI) is a rule-based German conjugator: from the lemma it builds the full paradigm —
Präsens, Präteritum, Konjunktiv I and II, imperative, participle, auxiliary — so the
finite form can be looked up in its own paradigm. Neither resource is derived from the
evaluation data. Both load in about a quarter of a second and run in-process, where a
LanguageTool JVM would need seconds to start.

The model is loaded lazily, once per process, on first use (`newslint.tense.hantamodel`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from newslint.tense.hantamodel import load_tagger
from newslint.tense.model import Mood, Tense
from newslint.tense.segmenter import EMPTY, END, LOWER_BOUND, START, UNKNOWN

__all__ = [
    "Reading",
    "TaggedToken",
    "auxiliary_of",
    "hanta",
    "lexicon_tags",
    "participle_of",
    "readings",
    "sentence_tags",
    "tag_words",
]


@dataclass(frozen=True)
class TaggedToken:
    """A token's lemma and STTS-like tag as HanTa gives them (``VV(FIN)``, ``PTKVZ``)."""

    lemma: str
    tag: str


@dataclass(frozen=True)
class Reading:
    """One cell of a paradigm that a finite form fills.

    ``person`` is 0-5 for 1sg, 2sg, 3sg, 1pl, 2pl, 3pl; -1 for the imperative.
    """

    tense: Tense
    mood: Mood
    person: int


def tag_words(words: list[str]) -> list[TaggedToken]:
    """Tag one sentence's words; returns one ``TaggedToken`` per word.

    Lemmas are computed for verbs only (the tense analysis needs no others): HanTa's
    lemmatiser costs as much as its tagger. Other tokens get their lowercased form.
    """
    if not words:
        return []
    tags = sentence_tags(tuple(words))
    return [
        TaggedToken(_lemma(word, tag) if tag.startswith("V") else word.lower(), tag)
        for word, tag in zip(words, tags, strict=True)
    ]


def hanta() -> Any:
    """The process's HanTa model (loaded on first use), for checks that need its lexicon."""
    return load_tagger()


def lexicon_tags(word: str) -> frozenset[str]:
    """The tags HanTa's lexicon has for a lowercase word (the words of its training text);
    empty for a word it would have to analyse."""
    tagger = load_tagger()
    return frozenset(str(tagger.int2tag[tag]) for tag, _lp in tagger.cache.get(word, ()))


def likeliest_tag(word: str) -> str:
    """HanTa's likeliest reading of the word on its own (case-sensitive), or "" for none."""
    if not word:
        return ""  # HanTa raises IndexError on ""
    readings = load_tagger().tag_word(word, cutoff=3, casesensitive=True)
    return str(readings[0][0]) if readings else ""


@lru_cache(maxsize=4096)
def sentence_tags(words: tuple[str, ...]) -> tuple[str, ...]:
    """HanTa's tag for each word of one sentence (``tag_sent(words, taglevel=0)``).

    Cached: the tense and capitalisation checks tag the same sentences of an article.
    """
    present = [w for w in words if w]  # HanTa fails on "" (a lone soft hyphen)
    if not present:
        return ("XY",) * len(words)
    tagger = load_tagger()
    tagged = iter(str(tagger.int2tag[t]) for t in _viterbi(tagger, present))
    return tuple(next(tagged) if w else "XY" for w in words)


def _viterbi(tagger: Any, words: Sequence[str]) -> list[int]:
    """HanTa's ``tag_sent_viterbi`` (case-sensitive), with the same result, faster.

    HanTa tries every tag the transition table allows after each state (56) and then skips
    those the word cannot have; a word has 1-5. This loop visits only the word's tags, in
    the order HanTa would (the table's order, the same in every row of the German model),
    so rows fill in the same order, ties are resolved alike and the sums are the same
    floats; a word's tags are memoised. The last row and the back-trace are HanTa's.
    """
    table: list[dict[tuple[int, int], float]] = []
    backpointer: list[dict[tuple[int, int], tuple[int, int]]] = []
    transitions = tagger.LP_trans_word
    uniform = _uniform_order(tagger) is not None
    for i, word in enumerate(words):
        steps: Sequence[tuple[int, float]] = _word_steps(word, i > 0) if uniform else ()
        row: dict[tuple[int, int], float] = {}
        back: dict[tuple[int, int], tuple[int, int]] = {}
        prevrow = table[i - 1] if i else {(EMPTY, START): 0.0}
        if len(prevrow) > 5:  # only continue with the top states
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1
        else:
            rowbound = LOWER_BOUND
        for state, lp0 in prevrow.items():
            if lp0 < rowbound:
                continue
            lp_t = transitions[state]
            if not uniform:  # a model whose rows list the tags in different orders
                steps = _steps(lp_t, _word_probs(word, i > 0))
            last = state[1]
            for c, lpwc in steps:
                lp = lp0 + lp_t[c] + lpwc
                if lp > LOWER_BOUND:
                    new = (last, c)
                    old = row.get(new)
                    if old is None or lp > old:
                        row[new] = lp
                        back[new] = state
        table.append(row)
        backpointer.append(back)
    final = (END, EMPTY)
    best = -math.inf
    last_back: dict[tuple[int, int], tuple[int, int]] = {}
    for state, lp0 in table[-1].items():
        lp = lp0 + transitions[state].get(END, -math.inf)
        if lp > best:
            best = lp
            last_back[final] = state
    backpointer.append(last_back)
    tags = []
    state = final
    for i in range(len(backpointer) - 1, 0, -1):
        state = backpointer[i][state]
        tags.append(state[1])
    return tags[::-1]


def _steps(lp_t: dict[int, float], wprobs: dict[int, float]) -> list[tuple[int, float]]:
    """HanTa's own inner loop: (tag, word log-probability) in the order of ``lp_t``."""
    if not wprobs:  # an unknown word: anything goes
        return [(c, 0.0) for c in lp_t if c != END]
    return [(c, wprobs[c]) for c in lp_t if c != END and c in wprobs]


@lru_cache(maxsize=1)
def _uniform_order(tagger: Any) -> dict[int, int] | None:
    """Each tag's position, if every row of the transition table lists the tags in one order."""
    rows = iter(tagger.LP_trans_word.values())
    first = list(next(rows, {}))
    if not first or any(list(row) != first for row in rows):
        return None
    return {c: k for k, c in enumerate(first) if c != END}


@lru_cache(maxsize=65536)
def _word_steps(word: str, casesensitive: bool) -> tuple[tuple[int, float], ...]:
    """The word's tags and log-probabilities in table order; every tag (0.0) for an unknown
    word, as HanTa tries them."""
    order = _uniform_order(load_tagger())
    assert order is not None
    wprobs = _word_probs(word, casesensitive)
    if not wprobs:
        return tuple((c, 0.0) for c in order)
    tags = sorted((c for c in wprobs if c in order), key=order.__getitem__)
    return tuple((c, wprobs[c]) for c in tags)


@lru_cache(maxsize=65536)
def _word_probs(word: str, casesensitive: bool) -> dict[int, float]:
    """The tags a word may have in a sentence, with log-probabilities; empty if unknown.

    Do not mutate: the dictionary is shared between calls.
    """
    wprobs = dict(
        load_tagger()._tag_word(word, cutoff=5, casesensitive=casesensitive, conditional=True)
    )
    if len(wprobs) == 1 and UNKNOWN in wprobs:
        return {}
    return wprobs


@lru_cache(maxsize=65536)
def _lemma(word: str, tag: str) -> str:
    lemma, _tag = load_tagger().analyze(word, pos=tag, taglevel=1)
    return str(lemma)


@lru_cache(maxsize=4096)
def _conjugate(lemma: str) -> Any:
    """ablaut's conjugation table of ``lemma``, or None if it is not a verb ablaut takes."""
    import ablaut  # type: ignore[import-untyped]  # compiled module without stubs

    try:
        return ablaut.conjugate(lemma)
    except Exception:  # ablaut raises plain exceptions for words it cannot conjugate
        return None


@lru_cache(maxsize=4096)
def _paradigm(lemma: str) -> tuple[tuple[str, Tense, Mood, int], ...]:
    """All finite forms of ``lemma`` with their cells; empty if ablaut rejects it."""
    table = _conjugate(lemma)
    if table is None:
        return ()
    cells: list[tuple[str, Tense, Mood, int]] = []
    rows = (
        ("present", Tense.PRAESENS, Mood.INDIKATIV),
        ("preterite", Tense.PRAETERITUM, Mood.INDIKATIV),
        ("konjunktiv1", Tense.PRAESENS, Mood.KONJUNKTIV1),
        ("konjunktiv2", Tense.PRAETERITUM, Mood.KONJUNKTIV2),
    )
    for attr, tense, mood in rows:
        for person, entry in enumerate(getattr(table, attr)):
            for form in _surface_forms(str(entry)):
                cells.append((form, tense, mood, person))
    for entry in table.imperative:
        for form in _surface_forms(str(entry)):
            cells.append((form, Tense.PRAESENS, Mood.IMPERATIV, -1))
    return tuple(cells)


def _surface_forms(entry: str) -> list[str]:
    """``"nimmt auf"`` is written ``nimmt`` in main and ``aufnimmt`` in verb-final clauses."""
    parts = entry.lower().split()
    if not parts:
        return []
    forms = [parts[0]]
    if len(parts) == 2:
        forms.append(parts[1] + parts[0])
    return forms


def readings(form: str, lemma: str) -> tuple[Reading, ...]:
    """The paradigm cells of ``lemma`` that ``form`` fills (case-insensitive)."""
    key = form.lower().replace("\u00ad", "")
    return tuple(
        Reading(tense, mood, person)
        for cell, tense, mood, person in _paradigm(lemma)
        if cell == key
    )


@lru_cache(maxsize=4096)
def participle_of(lemma: str) -> str:
    """The past participle of ``lemma`` (lowercase), or "" if ablaut rejects it.

    Needed where participle and infinitive coincide ("hat ... verlassen", "ist ...
    gefallen"), which the tagger often reads as an infinitive.
    """
    table = _conjugate(lemma)
    return "" if table is None else str(table.past_participle).lower()


@lru_cache(maxsize=4096)
def auxiliary_of(lemma: str) -> str:
    """The perfect auxiliary of ``lemma`` (``haben`` or ``sein``); ``haben`` if unknown."""
    table = _conjugate(lemma)
    return "haben" if table is None else str(table.auxiliary)
