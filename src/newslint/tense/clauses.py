"""Clauses and verb complexes: which participle, infinitive or particle a finite verb heads.

This is the closed-class grammar that the tagger does not give: German builds Perfekt
and Plusquamperfekt with *haben*/*sein* + participle, Futur with *werden* + infinitive,
the passive with *werden* + participle, and puts the non-finite part at the end of the
clause (the "right bracket") in main clauses, or just before the finite verb in
verb-final subordinate clauses. Everything here is grammar; no open-class word lists.
"""

from __future__ import annotations

from dataclasses import dataclass

from newslint.tense.model import Mood, Tense, Token
from newslint.tense.morph import auxiliary_of, participle_of

__all__ = ["Chunk", "Complex", "chunk_sentence", "compose", "verb_complex"]

FINITE_TAGS = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)"})
_PARTICIPLE_TAGS = frozenset({"VV(PP)", "VA(PP)", "VM(PP)"})
_INFINITIVE_TAGS = frozenset({"VV(INF)", "VA(INF)", "VM(INF)"})
_NONFINITE_TAGS = _PARTICIPLE_TAGS | _INFINITIVE_TAGS
_BOUNDARY_TEXT = frozenset({",", ";", ":", "–", "—", "(", ")", "-"})
_SUBORDINATORS = frozenset({"KOUS", "PRELS", "PRELAT"})
_WH_TAGS = frozenset({"PWS", "PWAV", "PWAT"})
_RELATIVE_FORMS = frozenset(
    {
        "der",
        "die",
        "das",
        "den",
        "dem",
        "denen",
        "dessen",
        "deren",
        "welche",
        "welcher",
        "welches",
        "welchem",
        "welchen",
    }
)
# Words that always open a verb-final clause, whatever the tagger says. Words that are
# also prepositions or adverbs ("bis", "seit", "während", "damit", "da") are left to the
# tagger's KOUS reading.
_SUBORDINATING_WORDS = frozenset(
    {
        "dass",
        "daß",
        "ob",
        "weil",
        "obwohl",
        "nachdem",
        "bevor",
        "sodass",
        "falls",
        "sofern",
        "obgleich",
        "ehe",
        "wenn",
    }
)
# Relative and interrogative adverbs: verb-final after a comma, questions when they
# open a sentence ("Womit rechnet er?").
_RELATIVE_ADVERBS = frozenset(
    {
        "wobei",
        "weshalb",
        "weswegen",
        "wodurch",
        "womit",
        "wofür",
        "wogegen",
        "woraufhin",
        "wonach",
        "worauf",
        "worüber",
        "wovon",
        "wozu",
        "wie",
        "wo",
        "was",
        "warum",
    }
)


@dataclass(frozen=True)
class Chunk:
    """Token indices ``[first, last)`` of a stretch between clause boundaries."""

    first: int
    last: int
    subordinate: bool


@dataclass(frozen=True)
class Complex:
    """The analytic tense of a verb complex and the tokens that belong to it."""

    tense: Tense
    passive: bool
    modal: bool
    parts: tuple[int, ...]


def chunk_sentence(tokens: list[Token]) -> list[Chunk]:
    """Cut a sentence at commas, dashes, colons, brackets; mark verb-final chunks."""
    chunks: list[Chunk] = []
    first = 0
    for index, token in enumerate(tokens):
        if token.text in _BOUNDARY_TEXT:
            if index > first:
                chunks.append(_make_chunk(tokens, first, index, sentence_start=not chunks))
            first = index + 1
    if first < len(tokens):
        chunks.append(_make_chunk(tokens, first, len(tokens), sentence_start=not chunks))
    return chunks


def _make_chunk(tokens: list[Token], first: int, last: int, sentence_start: bool) -> Chunk:
    words = [i for i in range(first, last) if tokens[i].is_word]
    if not words:
        return Chunk(first, last, False)
    head = tokens[words[0]]
    subordinate = head.tag in _SUBORDINATORS or head.lower in _SUBORDINATING_WORDS
    if not sentence_start and head.lower in _RELATIVE_ADVERBS | {"da"}:
        subordinate = True  # ", da es ihm gefällt", ", wobei er betonte"
    if not subordinate and len(words) > 1:
        nxt = tokens[words[1]]
        if head.tag in ("APPR", "APPRART") and (
            nxt.tag in ("PRELS", "PRELAT") or (nxt.lower in _RELATIVE_FORMS and not sentence_start)
        ):
            subordinate = True  # "in denen", "mit dem"
    finite = [i for i in words if tokens[i].tag in FINITE_TAGS]
    if not subordinate and finite and len(words) > 2 and words[1] not in finite:
        verb_final = finite[-1] == words[-1] or _only_verbs_after(tokens, finite[-1], last)
        if verb_final and (head.tag == "KOKOM" or head.lower == "als"):
            subordinate = True  # "Als der Regen einsetzte, ...", ", wie er sagte"
        elif (
            verb_final
            and not sentence_start
            and (head.tag in _WH_TAGS or head.lower in _RELATIVE_FORMS)
        ):
            subordinate = True  # ", was er sagte", ", die gestern kamen"
    return Chunk(first, last, subordinate)


def _only_verbs_after(tokens: list[Token], index: int, last: int) -> bool:
    return all(
        not tokens[i].is_word or tokens[i].tag in _NONFINITE_TAGS for i in range(index + 1, last)
    )


def verb_complex(tokens: list[Token], chunks: list[Chunk], chunk_no: int, verb: int) -> list[int]:
    """Indices of the non-finite verbs and particles that belong to finite verb ``verb``.

    Verb-final clauses: the verbal cluster just before the finite verb ("abgelehnt
    worden war"). Verb-second clauses: the non-finite verbs and separable particle
    after it, up to the next finite verb; if there are none yet, the right bracket may
    follow an inserted clause ("hat, wie berichtet, den Plan gestoppt").
    """
    chunk = chunks[chunk_no]
    left: list[int] = []
    index = verb - 1
    while index >= chunk.first and tokens[index].tag in _NONFINITE_TAGS | {"PTKZU"}:
        if tokens[index].tag != "PTKZU":
            left.append(index)
        index -= 1
    if chunk.subordinate or (left and verb == _last_word(tokens, chunk)):
        return sorted(left)
    parts = _right_field(tokens, verb + 1, chunk.last)
    if parts or tokens[verb].lemma not in ("haben", "sein", "werden"):
        return parts
    for later in chunks[chunk_no + 1 :]:
        if any(tokens[i].tag in FINITE_TAGS for i in range(later.first, later.last)):
            break
        found = _right_field(tokens, later.first, later.last)
        if found:
            parts = found
    return parts


def _last_word(tokens: list[Token], chunk: Chunk) -> int:
    words = [i for i in range(chunk.first, chunk.last) if tokens[i].is_word]
    return words[-1] if words else -1


def _right_field(tokens: list[Token], first: int, last: int) -> list[int]:
    parts: list[int] = []
    for index in range(first, last):
        tag = tokens[index].tag
        conjunction = tokens[index].lower in ("und", "oder", "aber", "sondern")
        if tag in FINITE_TAGS or (conjunction and parts):
            break
        if tag in _NONFINITE_TAGS or tag == "PTKVZ":
            parts.append(index)
    return parts


def _is_participle(token: Token, finite_lemma: str) -> bool:
    """Participle tag, or an "infinitive" that is also the participle after haben/sein."""
    if token.tag in _PARTICIPLE_TAGS:
        return True
    return (
        finite_lemma in ("haben", "sein")
        and token.tag in _INFINITIVE_TAGS
        and token.lower == participle_of(token.lemma)
    )


def compose(
    tokens: list[Token], verb: int, form_tense: Tense, mood: Mood, parts: list[int]
) -> Complex:
    """The analytic tense of finite verb ``verb`` with its non-finite ``parts``."""
    lemma = tokens[verb].lemma
    participles = [i for i in parts if _is_participle(tokens[i], lemma)]
    infinitives = [i for i in parts if tokens[i].tag in _INFINITIVE_TAGS and i not in participles]
    modal = tokens[verb].tag == "VM(FIN)"
    past = form_tense is Tense.PRAETERITUM and mood is not Mood.KONJUNKTIV1
    perfect = Tense.PLUSQUAMPERFEKT if past else Tense.PERFEKT
    # "wird/würde kosten": Futur (or its Konjunktiv); "wurde kosten" is no tense of German,
    # but a slip for one of them — its Präteritum form is what a reader sees.
    past_indicative = past and mood is Mood.INDIKATIV
    if lemma == "werden" and infinitives and not past_indicative:
        inf_lemmas = {tokens[i].lemma for i in infinitives}
        passive = bool(participles) and "werden" in inf_lemmas
        tense = Tense.FUTUR2 if participles and inf_lemmas & {"haben", "sein"} else Tense.FUTUR1
        return Complex(tense, passive, False, tuple(parts))
    if lemma == "werden" and participles:
        return Complex(form_tense, True, False, tuple(parts))
    if lemma == "haben" and (participles or any(tokens[i].tag == "VM(INF)" for i in infinitives)):
        return Complex(perfect, False, False, tuple(parts))
    if lemma == "sein" and participles:
        pp_lemmas = [tokens[i].lemma for i in participles]
        if any(pp == "werden" or auxiliary_of(pp) == "sein" for pp in pp_lemmas):
            passive = any(tokens[i].lower == "worden" for i in participles)
            return Complex(perfect, passive, False, tuple(parts))
        return Complex(form_tense, True, False, tuple(parts))  # Zustandspassiv
    return Complex(form_tense, False, modal, tuple(parts))
