"""Documents: the lintable text of a file plus the map back to where every character came from.

Readers (plain text, Markdown) build a `Document` once. Checks only ever see `Block.text`
and report offsets into it; `Document.locate` turns those offsets into source line/column.
Positions are never recovered by searching for matched text.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field


class BlockKind(enum.StrEnum):
    """Where a run of prose sits; rules can be scoped to these."""

    HEADLINE = "headline"
    PARAGRAPH = "paragraph"
    HEADING = "heading"
    LIST_ITEM = "list_item"
    QUOTE = "quote"
    TABLE_CELL = "table_cell"


@dataclass(frozen=True, slots=True)
class Piece:
    """`length` block characters from `text_start` copy the source from `source_start`."""

    text_start: int
    source_start: int
    length: int


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Maps offsets in a block's text to offsets in the decoded source file.

    Built from verbatim pieces. A synthetic character (e.g. the newline that stands for a
    Markdown soft break) is a piece of length 1 pointing at the source character it replaces.
    """

    pieces: tuple[Piece, ...]

    def to_source(self, offset: int) -> int:
        """Source offset of the block character at `offset` (len(text) maps past the end)."""
        if not self.pieces:
            return 0
        starts = [p.text_start for p in self.pieces]
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        piece = self.pieces[i]
        delta = min(offset - piece.text_start, piece.length)
        return piece.source_start + delta

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Source span of the block span [start, end); the end is mapped via its last character."""
        src_start = self.to_source(start)
        if end <= start:
            return src_start, src_start
        return src_start, self.to_source(end - 1) + 1


class MapBuilder:
    """Accumulates block text and its source map in one pass, so both always agree."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0
        self.masked: list[tuple[int, int]] = []

    @property
    def length(self) -> int:
        return self._length

    def copy(self, source: str, start: int, end: int, *, masked: bool = False) -> None:
        """Append source[start:end] verbatim."""
        if end <= start:
            return
        self._append(source[start:end], start, masked=masked)

    def synthetic(self, text: str, source_offset: int) -> None:
        """Append text that stands for something else in the source (one piece per character)."""
        for char in text:
            self._append(char, source_offset)

    def _append(self, text: str, source_start: int, *, masked: bool = False) -> None:
        last = self._pieces[-1] if self._pieces else None
        if last and last.source_start + last.length == source_start and not masked:
            self._pieces[-1] = Piece(last.text_start, last.source_start, last.length + len(text))
        else:
            self._pieces.append(Piece(self._length, source_start, len(text)))
        if masked:
            self.masked.append((self._length, self._length + len(text)))
        self._parts.append(text)
        self._length += len(text)

    def text(self) -> str:
        return "".join(self._parts)

    def source_map(self) -> SourceMap:
        return SourceMap(tuple(self._pieces))


@dataclass(frozen=True, slots=True)
class Block:
    """One run of prose (headline, paragraph, list item, ...) with its map back to the source.

    `masked` ranges are kept in the text so sentences stay whole (inline code, URLs, inline
    HTML), but they are not prose: no finding may start inside them.
    """

    kind: BlockKind
    text: str
    source_map: SourceMap
    masked: tuple[tuple[int, int], ...] = ()

    def is_masked(self, start: int, end: int) -> bool:
        """True when [start, end) touches a masked range."""
        end = max(end, start + 1)
        return any(m_start < end and start < m_end for m_start, m_end in self.masked)


@dataclass(frozen=True, slots=True)
class Directive:
    """A `<!-- newslint-... -->` comment found by the reader (only Markdown has them)."""

    action: str  # disable, enable, disable-next-line, disable-file
    rules: tuple[str, ...]  # empty = all rules
    line: int  # 1-based source line of the comment's start
    end_line: int


@dataclass(frozen=True)
class Document:
    """A decoded file: its source, the prose blocks in it and the suppression directives."""

    path: str
    source: str
    blocks: Sequence[Block]
    directives: Sequence[Directive] = ()
    line_starts: tuple[int, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        if not self.line_starts:
            object.__setattr__(self, "line_starts", tuple(line_starts(self.source)))

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column in code points) of a source offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        return i + 1, offset - self.line_starts[i] + 1

    def iter_blocks(self) -> Iterator[tuple[int, Block]]:
        return iter(enumerate(self.blocks))


def line_starts(source: str) -> Iterator[int]:
    """Offsets where lines start; CRLF, CR and LF all end a line (files mix them).

    The next LF and the next CR are each searched for once and kept until passed: searching
    afresh for both at every line scanned to the end of the file for the kind it lacks
    (most files have no CR), which made a 50 MB file take hours.
    """
    yield 0
    n = len(source)
    lf, cr = source.find("\n"), source.find("\r")
    while lf >= 0 or cr >= 0:
        j = lf if cr < 0 else cr if lf < 0 else min(lf, cr)
        i = j + 2 if source.startswith("\r\n", j) else j + 1
        yield i
        if i >= n:
            return
        if 0 <= lf < i:
            lf = source.find("\n", i)
        if 0 <= cr < i:
            cr = source.find("\r", i)


def split_lines(source: str) -> list[tuple[int, int]]:
    """(start, end) of each line's content, without its line break."""
    starts = list(line_starts(source))
    spans = []
    for k, start in enumerate(starts):
        nxt = starts[k + 1] if k + 1 < len(starts) else len(source)
        end = nxt
        if end > start and source[end - 1] == "\n":
            end -= 1
        if end > start and source[end - 1] == "\r":
            end -= 1
        if k + 1 == len(starts) and start == len(source) and k > 0:
            continue  # a final line break does not open an empty last line
        spans.append((start, end))
    return spans
