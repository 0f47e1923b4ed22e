"""Where the direct quotations of a paragraph are.

One definition for every check that treats quoted words differently: the tense check never
judges a quoted sentence, and rules with `quotes: skip` report nothing inside quotations.
(The `pairs` rule kind is the other side: it reports the marks that do not pair up.)
"""

from __future__ import annotations

import re

__all__ = ["quotations"]

_SENTENCE_END = re.compile(r"[.!?](?=\s)")
# Opening quotation mark -> the marks that may close it.  „…“ is German, »…« and «…»
# are guillemets, ‚…‘ single German quotes; "…" and “…” appear in agency copy.
_CLOSERS = {
    "„": '“”"',
    "»": "«",
    "«": "»",
    '"': '"“”',
    "“": '”"',
    "‚": "‘’",
}


def quotations(text: str) -> list[tuple[int, int]]:
    """Spans of quotations, from the opening to the closing mark inclusive.

    An unclosed quotation runs to the end of its sentence-like stretch (the next
    ``.!?`` followed by whitespace), so one missing mark does not silence a whole
    paragraph.
    """
    regions: list[tuple[int, int]] = []
    pos = 0
    length = len(text)
    while pos < length:
        char = text[pos]
        closers = _CLOSERS.get(char)
        if closers is None or not _opens_here(text, pos):
            pos += 1
            continue
        close = _find_closer(text, pos + 1, closers)
        if close is None:
            stop = _sentence_end(text, pos + 1)
            regions.append((pos, stop))
            pos = stop
        else:
            regions.append((pos, close + 1))
            pos = close + 1
    return regions


def _opens_here(text: str, pos: int) -> bool:
    """A straight ``"`` opens only at a word start; the others always open."""
    if text[pos] != '"':
        return True
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return (before.isspace() or before in "([–-/") and not after.isspace()


def _find_closer(text: str, pos: int, closers: str) -> int | None:
    while pos < len(text):
        if text[pos] in closers:
            return pos
        if text[pos] == "\n" and pos + 1 < len(text) and text[pos + 1] == "\n":
            return None
        pos += 1
    return None


def _sentence_end(text: str, pos: int) -> int:
    match = _SENTENCE_END.search(text, pos)
    return match.end() if match else len(text)
