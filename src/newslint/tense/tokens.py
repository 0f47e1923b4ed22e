"""Tokens with offsets, and the quotation regions of a paragraph.

Tokens keep their code-point offsets so every finding points back into the text it came
from. Soft hyphens (U+00AD) stay inside words and are removed only from the string the
tagger sees.
"""

from __future__ import annotations

import re

from newslint.tense.model import Span, Token
from newslint.text.quotes import quotations

__all__ = ["quote_regions", "tagger_words", "tokenize"]

_TOKEN = re.compile(r"\d+(?:[.,:/]\d+)+|[\w\u00ad]+(?:[-‐'’][\w\u00ad]+)*|\.{3}|\S")


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Split ``text[start:end]`` into word and punctuation tokens."""
    stop = len(text) if end is None else end
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, stop)]


def tagger_words(tokens: list[Token]) -> tuple[str, ...]:
    """The tokens as the tagger sees them, soft hyphens removed; every check that tags a
    sentence passes the same tuple, so the sentence is tagged once (`sentence_tags` caches)."""
    return tuple(t.text.replace("\u00ad", "") for t in tokens)


def quote_regions(text: str) -> list[Span]:
    """Spans of quotations (see `newslint.text.quotes`), as tense-model spans."""
    return [Span(start, end) for start, end in quotations(text)]
