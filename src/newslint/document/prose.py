"""Finishing a block: things inside prose that are not prose (URLs, e-mail addresses, handles).

They stay in the text, so sentences keep their shape for LanguageTool and the tense check,
but they are masked: a doubled dot in a URL or a camel-cased @handle is not an editing error.
"""

from __future__ import annotations

import re

from newslint.document.model import Block, BlockKind, MapBuilder

_NOT_PROSE = re.compile(
    r"""
    (?:https?://|ftp://|mailto:|www\.)[^\s<>"“”„»«]+      # URLs
    | [\w.+-]+@[\w-]+(?:\.[\w-]+)+                        # e-mail addresses
    | (?<![\w@])@\w+                                      # @handles
    | (?<![\w#&])\#\w*[^\W\d_]\w*                         # #hashtags
    | \b[\w-]+(?:\.[\w-]+)*\.(?:at|de|ch|com|org|net|eu|info|io)\b(?:/[^\s]*)?  # domains
    """,
    re.VERBOSE,
)
# Every match of _NOT_PROSE contains one of these. Prose rarely does, and the domain
# alternative is slow (it tries [\w-]+ at every word boundary): most blocks skip the scan.
_MAYBE_NOT_PROSE = re.compile(r"://|mailto:|www\.|@|\#|\.(?:at|de|ch|com|org|net|eu|info|io)\b")
_TRAILING_PUNCT = ".,;:!?)]}'\"“”«»"


def finish(builder: MapBuilder, kind: BlockKind) -> Block:
    text = builder.text()
    masked = list(builder.masked)
    if not _MAYBE_NOT_PROSE.search(text):
        return Block(kind, text, builder.source_map(), tuple(sorted(masked)))
    for match in _NOT_PROSE.finditer(text):
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING_PUNCT:
            end -= 1
        if end > start:
            masked.append((start, end))
    masked.sort()
    return Block(kind, text, builder.source_map(), tuple(masked))
