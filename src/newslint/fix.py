"""Safe autofix: apply only mechanical, unambiguous suggestions, and write atomically.

A fix is safe when its rule says so (`safe_fix: true`) and it has exactly one suggestion.
Edits work on the decoded source by offset, so line endings and everything else stay as
they were; the file is written back in its own encoding (BOM included) via a temporary
file and a rename, so a crash never leaves half a file.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newslint.diagnostic import Diagnostic


@dataclass(frozen=True, slots=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str


def plan(diagnostics: Sequence[Diagnostic]) -> list[Edit]:
    """Non-overlapping safe edits, in source order (the first of two overlapping ones wins)."""
    edits: list[Edit] = []
    for d in sorted(diagnostics, key=lambda d: (d.offset, d.end_offset)):
        if not d.safe_fix or len(d.suggestions) != 1 or d.offset < 0:
            continue
        if edits and d.offset < edits[-1].end:
            continue
        edits.append(Edit(d.offset, d.end_offset, d.suggestions[0], d.rule))
    return edits


def apply(source: str, edits: Sequence[Edit]) -> str:
    parts: list[str] = []
    position = 0
    for edit in edits:
        parts.append(source[position : edit.start])
        parts.append(edit.replacement)
        position = edit.end
    parts.append(source[position:])
    return "".join(parts)


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path.lstrip('/')}",
            tofile=f"b/{path.lstrip('/')}",
        )
    )


class FileChanged(Exception):
    """The file on disk is no longer what was checked: writing would undo someone's edit."""


def write_if_unchanged(path: Path, before: bytes, after: bytes) -> None:
    """Write `after` only if the file still holds `before` (an editor may have saved it, or a
    checkout replaced it, while the run was busy); raises FileChanged or OSError otherwise."""
    if path.read_bytes() != before:
        raise FileChanged("changed on disk during the run")
    write_atomic(path, after)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` in one rename; the file's permissions are kept."""
    mode = path.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".newslint", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
