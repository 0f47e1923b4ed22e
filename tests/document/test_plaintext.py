"""Plain text: headline, paragraphs, hard wrapping, line endings, encodings."""

from __future__ import annotations

import codecs

import pytest

from newslint.document.model import BlockKind
from newslint.document.plaintext import read_plain
from newslint.document.reader import UnreadableFile, decode


def test_headline_and_wrapped_paragraphs() -> None:
    doc = read_plain("a.txt", "Titel\n\nErste Zeile\nzweite Zeile\n\nNeuer Absatz\n")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.HEADLINE, "Titel"),
        (BlockKind.PARAGRAPH, "Erste Zeile\nzweite Zeile"),
        (BlockKind.PARAGRAPH, "Neuer Absatz"),
    ]
    block = doc.blocks[1]
    assert doc.position(block.source_map.to_source(block.text.index("zweite"))) == (4, 1)


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_endings(newline: str) -> None:
    source = newline.join(["Titel", "", "Eins zwei", "drei  vier", ""])
    doc = read_plain("a.txt", source)
    block = doc.blocks[1]
    assert block.text == "Eins zwei\ndrei  vier"
    assert doc.position(block.source_map.to_source(block.text.index("  "))) == (4, 5)


def test_mixed_line_endings_and_tabs() -> None:
    doc = read_plain("a.txt", "Titel\r\n\nA\tb\r\nc d\n")
    block = doc.blocks[1]
    assert block.text == "A\tb\nc d"
    assert doc.position(block.source_map.to_source(block.text.index("d"))) == (4, 3)


def test_decode_accepts_bom_and_utf16() -> None:
    assert decode(codecs.BOM_UTF8 + "Grüße".encode()).text == "Grüße"
    utf16 = decode("Grüße".encode("utf-16"))
    assert utf16.text == "Grüße"
    assert utf16.encode(utf16.text) == "Grüße".encode("utf-16")


def test_decode_refuses_latin1_with_byte_offset() -> None:
    with pytest.raises(UnreadableFile, match=r"byte 0xfc at byte 2"):
        decode("Grün".encode("latin-1"))


def test_decode_refuses_binary() -> None:
    with pytest.raises(UnreadableFile, match="binary file"):
        decode(b"PK\x03\x04\x00\x00")
