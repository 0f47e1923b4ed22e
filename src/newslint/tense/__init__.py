"""German tense and mood analysis and tense-break detection.

``analyse(text)`` gives every sentence with its finite verbs (tense, mood, clause type,
quotation flag); ``find_breaks(text, options)`` reports sentences whose main-clause tense
breaks the narrative tense of their paragraph.
"""

from newslint.tense.analysis import analyse
from newslint.tense.breaks import find_article_breaks, find_breaks
from newslint.tense.model import (
    Clause,
    FiniteVerb,
    Mood,
    Sentence,
    Span,
    Tense,
    TenseBreak,
    TenseGroup,
    Token,
)
from newslint.tense.options import BreakOptions

__all__ = [
    "BreakOptions",
    "Clause",
    "FiniteVerb",
    "Mood",
    "Sentence",
    "Span",
    "Tense",
    "TenseBreak",
    "TenseGroup",
    "Token",
    "analyse",
    "find_article_breaks",
    "find_breaks",
]
