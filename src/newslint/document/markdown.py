"""Markdown, parsed with markdown-it-py and reduced to prose blocks with exact source maps.

markdown-it gives block positions (line ranges) but not inline ones, so each inline token's
raw content is first pinned to its source lines, and its children are then walked in order
with a cursor over that raw content. Everything that is not prose — front matter, code,
HTML, link targets, images — is either left out or kept masked (see `Block.masked`).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from newslint.document.model import Block, BlockKind, Directive, Document, MapBuilder, split_lines
from newslint.document.prose import finish

_MAX_NESTING = 50
_PARSER = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table")
_LEAVES = frozenset({"inline", "fence", "code_block", "html_block", "hr"})
_DIRECTIVE = re.compile(
    r"<!--\s*newslint-(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.DOTALL
)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SPECIAL = re.compile(r"[\\\\&]")
_PREFIX_CHARS = frozenset(" \t>*+-#0123456789.)|=")
_ASCII_SPACE = " \t\r\n"
_CONTAINERS = {"blockquote_open": BlockKind.QUOTE, "list_item_open": BlockKind.LIST_ITEM}


def read_markdown(path: str, source: str) -> Document:
    lines = split_lines(source)
    start = _front_matter_lines(source, lines)
    walker = _Walker(source, lines)
    while True:
        # Lines before `start` are blanked, so markdown-it's line numbers stay the file's.
        parse_src = "\n".join("" if i < start else source[s:e] for i, (s, e) in enumerate(lines))
        tokens = _PARSER.parse(parse_src)
        walker.walk(tokens)
        if max((t.level for t in tokens), default=0) < _MAX_NESTING - 2:
            break
        # markdown-it stops at its nesting limit and drops everything after it; never hide
        # text: the line it stopped at becomes a plain paragraph, and parsing goes on after it.
        covered = max((t.map[1] for t in tokens if t.map and t.type in _LEAVES), default=start)
        rest = next(
            (i for i in range(max(covered, start), len(lines)) if _has_text(source, lines[i])), None
        )
        if rest is None:
            break
        walker.plain_line(rest)
        start = rest + 1
    return Document(path=path, source=source, blocks=walker.blocks, directives=walker.directives)


def _has_text(source: str, line: tuple[int, int]) -> bool:
    return bool(source[line[0] : line[1]].strip())


def _front_matter_lines(source: str, lines: Sequence[tuple[int, int]]) -> int:
    """Number of lines taken by YAML front matter (0 when there is none or it is unterminated)."""
    if not lines or source[lines[0][0] : lines[0][1]].rstrip() != "---":
        return 0
    for i in range(1, len(lines)):
        if source[lines[i][0] : lines[i][1]].rstrip() in ("---", "..."):
            return i + 1
    return 0


def parse_directives(content: str, first_line: int) -> list[Directive]:
    found = []
    for match in _DIRECTIVE.finditer(content):
        line = first_line + content.count("\n", 0, match.start())
        end_line = first_line + content.count("\n", 0, match.end())
        rules = tuple(r for r in re.split(r"[\s,]+", match.group(2).strip()) if r)
        found.append(Directive(match.group(1), rules, line, end_line))
    return found


class _Walker:
    def __init__(self, source: str, lines: Sequence[tuple[int, int]]) -> None:
        self.source = source
        self.lines = lines
        self._starts = [start for start, _ in lines]
        self.blocks: list[Block] = []
        self.directives: list[Directive] = []
        self._containers: list[BlockKind] = []
        self._kind = BlockKind.PARAGRAPH
        self._row_cursor = 0

    def walk(self, tokens: Sequence[Token]) -> None:
        self._containers.clear()
        for token in tokens:
            if token.type in _CONTAINERS:
                self._containers.append(_CONTAINERS[token.type])
            elif token.type in ("blockquote_close", "list_item_close") and self._containers:
                self._containers.pop()
            elif token.type == "heading_open":
                first = token.tag == "h1" and not self.blocks
                self._kind = BlockKind.HEADLINE if first else BlockKind.HEADING
            elif token.type == "paragraph_open":
                self._kind = self._containers[-1] if self._containers else BlockKind.PARAGRAPH
            elif token.type in ("th_open", "td_open"):
                self._kind = BlockKind.TABLE_CELL
            elif token.type == "tr_open":
                self._row_cursor = 0
            elif token.type == "html_block" and token.map:
                self.directives.extend(parse_directives(token.content, token.map[0] + 1))
            elif token.type == "inline" and token.map:
                block = self._inline(token)
                if block is not None and block.text.strip():
                    self.blocks.append(block)

    def line_number(self, offset: int) -> int:
        """1-based line of a source offset (CR, LF and CRLF all end a line)."""
        return bisect.bisect_right(self._starts, offset)

    def plain_line(self, index: int) -> None:
        start, end = self.lines[index]
        builder = MapBuilder()
        builder.copy(self.source, start, end)
        self.blocks.append(finish(builder, BlockKind.PARAGRAPH))

    def _inline(self, token: Token) -> Block | None:
        assert token.map is not None
        content = token.content
        first = self._first_content_line(content, token.map[0], token.map[1])
        starts = self._pin_lines(content, first, self._kind is BlockKind.TABLE_CELL)
        if starts is None:
            return None
        raw = _Raw(self.source, content, starts)
        builder = MapBuilder()
        if self._kind is not BlockKind.TABLE_CELL:
            # markdown-it strips a paragraph's leading Unicode whitespace (str.strip): keep a
            # no-break space at the start as prose, as the tail's whitespace is kept below.
            head = starts[0]
            while (
                head > 0
                and self.source[head - 1].isspace()
                and self.source[head - 1] not in _ASCII_SPACE
            ):
                head -= 1
            builder.copy(self.source, head, starts[0])
        cursor = _InlineCursor(raw, builder, self)
        cursor.walk(token.children or [])
        if self._kind is not BlockKind.TABLE_CELL:
            end = raw.source_offset(len(content))
            line_end = self.lines[first + content.count("\n")][1]
            tail = self.source[end:line_end]
            if tail and not tail.strip():
                builder.copy(self.source, end, line_end)
        return finish(builder, self._kind)

    def _first_content_line(self, content: str, first: int, end: int) -> int:
        """markdown-it also strips whole leading lines of U+00A0 and the like (not blank
        lines to CommonMark, so they open the paragraph): its content starts further down."""
        piece = content.split("\n", 1)[0]
        while first + 1 < min(end, len(self.lines)):
            line_start, line_end = self.lines[first]
            text = self.source[line_start:line_end]
            if (piece and piece in text) or not all(_is_prefix(ch) for ch in text):
                break
            first += 1
        return first

    def _pin_lines(self, content: str, first: int, in_table: bool) -> list[int] | None:
        """Source offset where each line of the inline content starts."""
        starts = []
        for k, piece in enumerate(content.split("\n")):
            if first + k >= len(self.lines):
                return None
            line_start, line_end = self.lines[first + k]
            text = self.source[line_start:line_end]
            origin = self._row_cursor if in_table and k == 0 else 0
            index = text.find(piece, origin) if piece else len(text)
            prefix = text[:index]
            if index < 0 or (not in_table and not all(_is_prefix(ch) for ch in prefix)):
                index = len(text) - len(
                    text.lstrip(" \t>")
                )  # best effort: after the container prefix
            if in_table:
                self._row_cursor = index + len(piece)
            starts.append(line_start + index)
        return starts


def _is_prefix(char: str) -> bool:
    """Container markup, indentation, or whitespace markdown-it strips (U+00A0 and others)."""
    return char in _PREFIX_CHARS or char.isspace()


class _Raw:
    """The raw inline content and where each of its characters sits in the source."""

    def __init__(self, source: str, content: str, line_starts: list[int]) -> None:
        self.source = source
        self.content = content
        self._line_starts = line_starts
        self._breaks = [i for i, ch in enumerate(content) if ch == "\n"]

    def source_offset(self, i: int) -> int:
        line = bisect.bisect_left(self._breaks, i)  # line breaks before i
        line_begin = self._breaks[line - 1] + 1 if line else 0
        return self._line_starts[line] + (i - line_begin)


class _AlignmentError(Exception):
    pass


class _InlineCursor:
    """Walks markdown-it's inline children and the raw content side by side."""

    def __init__(self, raw: _Raw, builder: MapBuilder, walker: _Walker) -> None:
        self.raw = raw
        self.text = raw.content
        self.builder = builder
        self.walker = walker
        self.i = 0
        self._autolink = False

    def walk(self, children: Sequence[Token]) -> None:
        try:
            for child in children:
                self._child(child)
        except _AlignmentError:
            pass  # keep positions right: the rest of the block is copied verbatim below
        self.emit(len(self.text))

    def emit(self, end: int, *, masked: bool = False) -> None:
        """Copy raw content [i, end) into the block, line by line."""
        while self.i < end:
            nl = self.text.find("\n", self.i, end)
            stop = end if nl < 0 else nl
            src = self.raw.source_offset(self.i)
            self.builder.copy(self.raw.source, src, src + (stop - self.i), masked=masked)
            self.i = stop
            if nl >= 0:
                self._newline()

    def _newline(self) -> None:
        """The raw "\n" at i becomes a block "\n" pointing at the source line break."""
        line_end = self.raw.source_offset(self.i)
        self.builder.synthetic("\n", line_end)
        self.i += 1
        while self.i < len(self.text) and self.text[self.i] in " \t":
            self.i += 1

    def expect(self, literal: str) -> None:
        if not self.text.startswith(literal, self.i):
            raise _AlignmentError(literal)
        self.i += len(literal)

    def _child(self, token: Token) -> None:
        kind = token.type
        if kind == "text":
            if self._autolink:
                return
            self._text(token.content)
        elif kind == "softbreak":
            nl = self.text.find("\n", self.i)
            if nl < 0:
                raise _AlignmentError("softbreak")
            self.emit(nl)
            self._newline()
        elif kind == "hardbreak":
            nl = self.text.find("\n", self.i)
            if nl < 0:
                raise _AlignmentError("hardbreak")
            self.i = nl
            self._newline()
        elif kind == "code_inline":
            self._code(token.markup)
        elif kind == "html_inline":
            start = self.i
            self.expect(token.content)
            line = self.walker.line_number(self.raw.source_offset(start))
            self.walker.directives.extend(parse_directives(token.content, line))
            self.i = start
            self.emit(start + len(token.content), masked=True)
        elif kind == "link_open" and token.markup == "autolink":
            close = self.text.find(">", self.i)
            if not self.text.startswith("<", self.i) or close < 0:
                raise _AlignmentError("autolink")
            self.emit(close + 1, masked=True)
            self._autolink = True
        elif kind == "link_close" and token.markup == "autolink":
            self._autolink = False
        elif kind == "link_open":
            self.expect("[")
        elif kind == "link_close":
            self.expect("]")
            self.i = _skip_link_tail(self.text, self.i)
        elif kind == "image":
            start = self.i
            self.expect("![")
            self.i = _skip_link_tail(self.text, _matching_bracket(self.text, self.i - 1))
            end, self.i = self.i, start
            self.emit(end, masked=True)
        elif token.markup and self.text.startswith(token.markup, self.i):
            self.i += len(token.markup)  # emphasis and other delimiters
        else:
            raise _AlignmentError(kind)

    def _text(self, content: str) -> None:
        k = 0
        while k < len(content):
            # Copy the verbatim run up to the next escape or entity in one piece.
            special = _SPECIAL.search(self.text, self.i)
            run = (special.start() if special else len(self.text)) - self.i
            run = min(run, len(content) - k)
            if run > 0:
                if not self.text.startswith(content[k : k + run], self.i):
                    raise _AlignmentError("text")
                self.emit(self.i + run)
                k += run
                continue
            if self.i >= len(self.text):
                raise _AlignmentError("text overrun")
            raw_char, char = self.text[self.i], content[k]
            entity = _ENTITY.match(self.text, self.i) if raw_char == "&" else None
            if entity and content.startswith(html.unescape(entity.group()), k):
                decoded = html.unescape(entity.group())
                self.builder.synthetic(decoded, self.raw.source_offset(self.i))
                self.i = entity.end()
                k += len(decoded)
                continue
            if raw_char == "\\" and self.text.startswith(char, self.i + 1):
                self.i += 1
            elif raw_char != char:
                raise _AlignmentError("text")
            self.emit(self.i + 1)
            k += 1

    def _code(self, fence: str) -> None:
        start = self.i
        self.expect(fence)
        pattern = re.compile(r"(?<!`)" + re.escape(fence) + r"(?!`)")
        close = pattern.search(self.text, self.i)
        if close is None:
            raise _AlignmentError("code")
        self.i = start
        self.emit(close.end(), masked=True)


def _matching_bracket(text: str, open_index: int) -> int:
    """Index just past the "]" that closes the "[" at open_index (escapes and nesting respected)."""
    depth = 0
    i = open_index
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise _AlignmentError("bracket")


def _skip_link_tail(text: str, i: int) -> int:
    """Skip a link's "(destination "title")" or "[label]" part, if there is one."""
    if text.startswith("(", i):
        depth = 0
        quote = ""
        j = i
        while j < len(text):
            char = text[j]
            if char == "\\":
                j += 2
                continue
            if quote:
                if char == quote:
                    quote = ""
            elif char in "\"'" and depth == 1 and text[j - 1] in " \t\n":
                quote = char
            elif char == "(":
                depth += 1
            elif char == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        raise _AlignmentError("link destination")
    if text.startswith("[", i):
        return _matching_bracket(text, i)
    return i
