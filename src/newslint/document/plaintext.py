"""Plain text as CMS exports it: line 1 is the headline, blank lines separate paragraphs.

A hard-wrapped paragraph (several lines, no blank line between) is one block, so every
check sees whole sentences; its line breaks stay in the text as "\n".
"""

from __future__ import annotations

from newslint.document.model import Block, BlockKind, Document, MapBuilder, split_lines
from newslint.document.prose import finish


def read_plain(path: str, source: str) -> Document:
    blocks: list[Block] = []
    paragraph: list[tuple[int, int]] = []

    def flush() -> None:
        if not paragraph:
            return
        kind = BlockKind.PARAGRAPH
        if not blocks and len(paragraph) == 1 and paragraph[0][0] == 0:
            kind = BlockKind.HEADLINE
        blocks.append(_block(source, paragraph, kind))
        paragraph.clear()

    for start, end in split_lines(source):
        if source[start:end].strip():
            paragraph.append((start, end))
        else:
            flush()
    flush()
    return Document(path=path, source=source, blocks=blocks)


def _block(source: str, lines: list[tuple[int, int]], kind: BlockKind) -> Block:
    builder = MapBuilder()
    for k, (start, end) in enumerate(lines):
        if k:
            previous_end = lines[k - 1][1]
            builder.synthetic("\n", previous_end)
        builder.copy(source, start, end)
    return finish(builder, kind)
