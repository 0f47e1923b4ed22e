"""Turn a file's bytes into a Document, or into one clear reason why it cannot be read.

Decoding is strict on purpose: a newsroom file that is not UTF-8 is itself a defect to
report (with the byte offset), not something to guess around silently.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from newslint.document.model import Document

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_SNIFF = 8192


class UnreadableFile(Exception):
    """A file that cannot become a Document; str() is one line naming what is wrong."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text plus what it takes to write the same kind of bytes back (for --fix)."""

    text: str
    codec: str = "utf-8"
    bom: bytes = b""

    def encode(self, text: str) -> bytes:
        return self.bom + text.encode(self.codec)


def decode(data: bytes) -> Decoded:
    """Decode UTF-8 (BOM or not) or BOM-marked UTF-16; refuse binary and other encodings."""
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict_utf8(data[3:], offset_base=3), "utf-8", codecs.BOM_UTF8)
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return Decoded(data[2:].decode(codec), codec, bom)
            except UnicodeDecodeError as exc:
                raise UnreadableFile(f"invalid UTF-16 at byte {exc.start + 2}") from None
    nul = data.find(b"\x00", 0, _SNIFF)
    if nul >= 0 or b"\x00" in data:
        where = nul if nul >= 0 else data.find(b"\x00")
        raise UnreadableFile(f"binary file (NUL byte at byte {where}), not checked")
    return Decoded(_strict_utf8(data, offset_base=0))


def _strict_utf8(data: bytes, offset_base: int) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        raise UnreadableFile(
            f"not valid UTF-8 (byte 0x{byte:02x} at byte {exc.start + offset_base}); "
            "convert it, e.g. `iconv -f latin1 -t utf-8`"
        ) from None


def is_markdown(path: str) -> bool:
    return Path(path).suffix.lower() in MARKDOWN_SUFFIXES


def parse(path: str, text: str, *, markdown: bool | None = None) -> Document:
    """Build the Document with the reader that fits the file type."""
    if markdown is None:
        markdown = is_markdown(path)
    if markdown:
        from newslint.document.markdown import read_markdown

        return read_markdown(path, text)
    from newslint.document.plaintext import read_plain

    return read_plain(path, text)


def load(path: Path, display_path: str | None = None) -> tuple[Document, Decoded]:
    """Read and parse one file; raises UnreadableFile with a one-line reason."""
    try:
        data = _read_regular(path)
    except FileNotFoundError:
        raise UnreadableFile("file not found (it may have been removed during the run)") from None
    except PermissionError:
        raise UnreadableFile("permission denied") from None
    except OSError as exc:
        raise UnreadableFile(f"cannot read: {exc.strerror or exc}") from None
    decoded = decode(data)
    name = display_path if display_path is not None else str(path)
    return parse(name, decoded.text), decoded


_NOT_REGULAR = (
    (stat.S_ISDIR, "is a directory"),
    (stat.S_ISFIFO, "not a regular file (named pipe), not checked"),
    (stat.S_ISSOCK, "not a regular file (socket), not checked"),
    (stat.S_ISCHR, "not a regular file (character device), not checked"),
    (stat.S_ISBLK, "not a regular file (block device), not checked"),
)


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file. A named pipe would block the run forever and a device
    can be endless, so both are refused: the stat names the kind (a socket cannot even be
    opened), and the non-blocking open plus fstat catch a file swapped for one meanwhile."""
    _refuse_special(path.stat().st_mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    with open(fd, "rb") as handle:
        _refuse_special(os.fstat(fd).st_mode)
        return handle.read()


def _refuse_special(mode: int) -> None:
    for test, reason in _NOT_REGULAR:
        if test(mode):
            raise UnreadableFile(reason)
