"""Small helpers several formats share, so each format module stays about its format only."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from urllib.parse import quote

from newslint.diagnostic import Diagnostic, Severity

from .base import LineText

#: How many suggestions formats that render them as edits (SARIF fixes, rdjson suggestions)
#: carry. LanguageTool's speller can propose a dozen; a review tool showing all is noise.
EDIT_SUGGESTION_LIMIT = 5

#: How many suggestions a one-line human-readable message shows.
TEXT_SUGGESTION_LIMIT = 3

_LINE_BREAKS = re.compile(r"\r\n|\r|\n")  # as the core counts lines


def severity_first(diagnostic: Diagnostic) -> tuple[int, str, int, int, int, int, str]:
    """Sort key: most severe first, then by file and position (GitHub's cap keeps the first)."""
    d = diagnostic
    return (-int(d.severity), d.path, d.line, d.column, d.end_line, d.end_column, d.rule)


def count_by_severity(diagnostics: Sequence[Diagnostic]) -> dict[Severity, int]:
    counts = dict.fromkeys(Severity, 0)
    for d in diagnostics:
        counts[d.severity] += 1
    return counts


def last_line(diagnostic: Diagnostic) -> int:
    """The last line the span touches: an exclusive end at column 1 belongs to the line before.

    Line-based formats (GitLab, GitHub's endLine) would otherwise mark one line too many for
    a finding that ends exactly at a line break.
    """
    d = diagnostic
    if d.end_line > d.line and d.end_column <= 1:
        return d.end_line - 1
    return max(d.end_line, d.line)


def _posix(path: str) -> PurePosixPath:
    if "\\" in path:  # a Windows path: report it with forward slashes, as CI systems expect
        return PurePosixPath(PureWindowsPath(path).as_posix())
    return PurePosixPath(path)


def report_path(path: str, base: Path) -> str:
    """`path` relative to `base` with forward slashes when it lies below `base`, else as given.

    CI systems (GitLab, GitHub, reviewdog) match findings to repository files by relative
    path; a leading "./" or an absolute path would not match.
    """
    posix = _posix(path)
    if is_absolute(path):
        try:
            return Path(path).resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            return posix.as_posix()
    parts = [p for p in posix.parts if p != "."]
    return PurePosixPath(*parts).as_posix() if parts else "."


def is_absolute(path: str) -> bool:
    """Absolute as a POSIX path or as a Windows path, whatever the current platform."""
    return PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute()


def absolute_file_uri(path: str) -> str:
    """`/a b/c.md` -> `file:///a%20b/c.md`, `C:\\x.md` -> `file:///C:/x.md`."""
    posix = _posix(path).as_posix()
    return "file://" + ("" if posix.startswith("/") else "/") + quote(posix, safe="/:")


def relative_uri(path: str) -> str:
    """A relative path as a URI reference (spaces, umlauts and `#` percent-encoded)."""
    return quote(path, safe="/")


def directory_uri(path: PurePath) -> str:
    """A directory as an absolute `file://` URI ending in "/", as SARIF base URIs must."""
    uri = Path(path).absolute().as_uri()
    return uri if uri.endswith("/") else uri + "/"


def one_line(text: str) -> str:
    """Fold line breaks into spaces: line-oriented formats must keep one finding per line."""
    return _LINE_BREAKS.sub(" ", text)


def suggestion_note(suggestions: Sequence[str]) -> str:
    """` [suggestions: "a", "b", "c", …]` or "" — the human-readable tail of a message.

    Quoted, because a suggestion is often a space (or a no-break space) and would be
    invisible otherwise; an empty suggestion means "delete".
    """
    if not suggestions:
        return ""
    limited = suggestions[:TEXT_SUGGESTION_LIMIT]
    shown = ", ".join(f'"{one_line(s)}"' if s else "(delete)" for s in limited)
    more = ", …" if len(suggestions) > TEXT_SUGGESTION_LIMIT else ""
    label = "suggestion" if len(suggestions) == 1 else "suggestions"
    return f" [{label}: {shown}{more}]"


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 error`, `2 errors`, `0 info` — English tool output, German messages."""
    word = singular if count == 1 else (plural_form if plural_form is not None else singular + "s")
    return f"{count} {word}"


def count_phrase(diagnostics: Sequence[Diagnostic]) -> str:
    """ "3 findings (1 error, 2 warnings)": the total and the non-zero counts per severity."""
    counts = count_by_severity(diagnostics)
    parts = [
        plural(counts[Severity.ERROR], "error"),
        plural(counts[Severity.WARNING], "warning"),
        plural(counts[Severity.INFO], "info", "info"),
    ]
    shown = ", ".join(p for p in parts if not p.startswith("0 "))
    return f"{plural(len(diagnostics), 'finding')} ({shown})"


class SourceLines:
    """Source line access for byte-measured columns: the core's hook first, then the disk.

    Only the most recently read file is cached: `file()` hands over one file at a time, and
    holding every article of a large run in memory would be pointless.
    """

    def __init__(self, hook: LineText | None, working_dir: Path) -> None:
        self._hook = hook
        self._working_dir = working_dir
        self._cached_path: str | None = None
        self._cached_lines: list[str] | None = None

    def line(self, path: str, line: int) -> str | None:
        if self._hook is not None:
            return self._hook(path, line)
        lines = self._read(path)
        if lines is None or not 1 <= line <= len(lines):
            return None
        return lines[line - 1]

    def _read(self, path: str) -> list[str] | None:
        if path != self._cached_path:
            self._cached_path = path
            try:
                text = (self._working_dir / path).read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError):
                self._cached_lines = None
            else:
                self._cached_lines = _LINE_BREAKS.split(text)
        return self._cached_lines


def plain_line(d: Diagnostic, path: str | None = None) -> str:
    """The text format's line without colour: `path:line:col: severity rule message [...]`."""
    where = f"{path if path is not None else d.path}:{d.line}:{d.column}:"
    return one_line(f"{where} {d.severity} {d.rule} {d.message}{suggestion_note(d.suggestions)}")
