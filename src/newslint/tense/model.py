"""Value types of the tense analysis: tenses, moods, verbs, sentences and breaks.

They are frozen dataclasses so that analyses can be cached and compared in tests, and
they carry code-point offsets into the analysed text, never copies of positions found
by searching (see STYLE.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = [
    "Clause",
    "FiniteVerb",
    "Mood",
    "Sentence",
    "Span",
    "Tense",
    "TenseBreak",
    "TenseGroup",
    "Token",
]


class Tense(Enum):
    """The six tenses of German grammar (Duden), named as editors name them."""

    PRAESENS = "Präsens"
    PRAETERITUM = "Präteritum"
    PERFEKT = "Perfekt"
    PLUSQUAMPERFEKT = "Plusquamperfekt"
    FUTUR1 = "Futur I"
    FUTUR2 = "Futur II"

    @property
    def group(self) -> TenseGroup:
        """Present-time tenses vs past-time tenses: the axis a narrative keeps."""
        if self in (Tense.PRAETERITUM, Tense.PLUSQUAMPERFEKT):
            return TenseGroup.PAST
        return TenseGroup.PRESENT


class TenseGroup(Enum):
    """Whether a tense belongs to the present-time or the past-time system."""

    PRESENT = "present"
    PAST = "past"


class Mood(Enum):
    """Indikativ, the two Konjunktive, Imperativ."""

    INDIKATIV = "Indikativ"
    KONJUNKTIV1 = "Konjunktiv I"
    KONJUNKTIV2 = "Konjunktiv II"
    IMPERATIV = "Imperativ"


@dataclass(frozen=True)
class Span:
    """A half-open code-point range ``[start, end)`` in the analysed text."""

    start: int
    end: int

    def text(self, source: str) -> str:
        """The covered text; for debugging and messages only."""
        return source[self.start : self.end]


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with its tag, lemma and offsets."""

    start: int
    end: int
    text: str
    lemma: str = ""
    tag: str = ""

    @property
    def span(self) -> Span:
        """The token's code-point span."""
        return Span(self.start, self.end)

    @property
    def is_word(self) -> bool:
        """True for tokens that contain a letter or digit."""
        return any(ch.isalnum() for ch in self.text)

    @property
    def lower(self) -> str:
        """The lowercased text without soft hyphens."""
        return self.text.lower().replace("\u00ad", "")


@dataclass(frozen=True)
class FiniteVerb:
    """A finite verb with the tense and mood of the verb complex it heads.

    ``form_tense`` is the morphological tense of the finite form itself (``hat`` in
    ``hat gefordert`` is present), which is what treebanks annotate; ``tense`` is the
    analytic tense of the whole complex (Perfekt). ``extra`` holds the spans of the
    participle, infinitive or separable particle that belong to the complex.
    """

    span: Span
    form: str
    lemma: str
    form_tense: Tense
    mood: Mood
    tense: Tense
    extra: tuple[Span, ...] = ()
    passive: bool = False
    modal: bool = False
    main_clause: bool = True
    in_quote: bool = False
    after_colon: bool = False

    @property
    def group(self) -> TenseGroup:
        """The time system (present/past) of the verb complex."""
        return self.tense.group


@dataclass(frozen=True)
class Clause:
    """A stretch of a sentence between clause boundaries (comma, subordinator, ...)."""

    span: Span
    subordinate: bool


@dataclass(frozen=True)
class Sentence:
    """One sentence with its finite verbs and the facts the break check needs."""

    span: Span
    verbs: tuple[FiniteVerb, ...]
    clauses: tuple[Clause, ...] = ()
    has_quote: bool = False
    tokens: tuple[Token, ...] = ()

    @property
    def main_verbs(self) -> tuple[FiniteVerb, ...]:
        """Finite verbs of main clauses outside quotations."""
        return tuple(v for v in self.verbs if v.main_clause and not v.in_quote)


@dataclass(frozen=True)
class TenseBreak:
    """A sentence whose main-clause tense breaks the narrative tense around it.

    ``span`` is the finite verb; ``extra_spans`` the participle, infinitive or separable
    particle of the same verb complex (possibly empty).
    """

    span: Span
    extra_spans: tuple[Span, ...]
    sentence: Span
    found: Tense
    expected: TenseGroup
    message: str

    def all_spans(self) -> tuple[Span, ...]:
        """The finite verb followed by the extra spans, in text order."""
        return tuple(sorted((self.span, *self.extra_spans), key=lambda s: s.start))
