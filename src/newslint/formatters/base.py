"""The one interface every output format implements, and the run data they all receive.

The lifecycle follows flake8's formatters: `start()` once (always: formatters set up their
state there), `file()` once per checked file (in check order, diagnostics sorted by position,
also for files without findings), `end()` once with the run's summary. Streaming formats
write as they go; formats whose structure needs the whole run (SARIF's rule table, GitHub's
severity-first cap) buffer until `end()`. The CLI never needs to know which is which.
"""

from __future__ import annotations

import os
import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, TextIO

from newslint.diagnostic import Diagnostic, Severity

#: `line_text(path, line)` returns the text of 1-based `line` of the file that diagnostics call
#: `path`, exactly as the core decoded it and without the line terminator, or None if unknown.
#: Only formats that must re-measure columns (rdjson: UTF-8 bytes) need it.
LineText = Callable[[str, int], str | None]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def line_text_from_sources(sources: Mapping[str, str]) -> LineText:
    """A `LineText` over decoded sources (path -> text), split as the core counts lines.

    CRLF, CR and LF each end a line, as in `newslint.document.model.line_starts`. Each source
    is split on first use only; formats that never ask (most) cost nothing.
    """
    split: dict[str, list[str]] = {}

    def line_text(path: str, line: int) -> str | None:
        lines = split.get(path)
        if lines is None:
            source = sources.get(path)
            if source is None:
                return None
            lines = split[path] = _LINE_BREAK.split(source)
        return lines[line - 1] if 1 <= line <= len(lines) else None

    return line_text


@dataclass(frozen=True)
class RuleMeta:
    """What SARIF's rule table and help texts need to know about one rule."""

    id: str
    description: str  # one line
    severity: Severity  # the rule's default severity; a result may carry another
    category: str
    help: str = ""  # longer explanation, may include examples (plain text / Markdown)


@dataclass(frozen=True)
class RunInfo:
    """Facts about the run that are known before the first file is checked."""

    tool_version: str
    rules: Mapping[str, RuleMeta]
    working_dir: Path  # absolute; base of relative paths and of SARIF's uriBaseId
    #: Project home page, for SARIF `informationUri` and rdjson `source.url`; omitted when "".
    information_uri: str = ""
    #: Source line access for byte-based column formats; when None they read the file from
    #: disk (UTF-8) relative to `working_dir`, and fall back to whole-line ranges if that fails.
    line_text: LineText | None = field(default=None, compare=False)


@dataclass(frozen=True)
class RunSummary:
    """Totals the core knows at the end of a run."""

    files_checked: int
    files_with_errors: int  # files that could not be read / checked
    diagnostics: int
    by_rule: Mapping[str, int]


class Formatter(ABC):
    """Base class of every output format; subclasses are registered in `newslint.formatters`."""

    name: ClassVar[str]

    def __init__(
        self,
        stream: TextIO,
        info: RunInfo,
        *,
        color: bool = False,
        statistics: bool = False,
        quiet: bool = False,
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        self.stream = stream
        self.info = info
        self.color = color
        self.statistics = statistics
        self.quiet = quiet
        self.environ = environ

    def start(self) -> None:  # noqa: B027 - an optional hook, deliberately empty
        """Write whatever precedes the first file (headers, opening brackets)."""

    @abstractmethod
    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        """Report one checked file; `diagnostics` are sorted by position and may be empty."""

    @abstractmethod
    def end(self, summary: RunSummary) -> None:
        """Finish the output; after this the stream holds a complete document."""
