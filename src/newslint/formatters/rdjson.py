"""reviewdog Diagnostic Format (rdjson), for `reviewdog -f=rdjson` in pull/merge requests.

reviewdog positions are 1-based with an exclusive end, but columns count **UTF-8 bytes**
(reviewdog.proto, `Position.column`: "byte count in UTF-8"; 'a𐐀b' has b at column 6), while
newslint's columns count code points. Every column is therefore re-measured on its source
line, taken from `RunInfo.line_text` or, failing that, read from the file. If a line is not
available the range falls back to whole lines (reviewdog's line-wise form, start and end
without columns) and suggestions are dropped, since a replacement of a whole line would be
wrong. Diagnostics are written as they arrive, one per line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newslint.diagnostic import Diagnostic, Severity

from ._common import EDIT_SUGGESTION_LIMIT, SourceLines, last_line, report_path
from .base import Formatter, RunSummary

_SEVERITY = {Severity.ERROR: "ERROR", Severity.WARNING: "WARNING", Severity.INFO: "INFO"}


def byte_column(text: str, column: int) -> int:
    """1-based code-point column -> 1-based UTF-8 byte column on the line `text`.

    Columns past the end of the line (an exclusive end after the last character, or the line
    break itself) count one byte per position, as line terminators are ASCII.
    """
    prefix = text[: column - 1]
    beyond = column - 1 - len(prefix)
    return len(prefix.encode("utf-8", "surrogatepass")) + beyond + 1


class RdjsonFormatter(Formatter):
    """`{"source": …, "diagnostics": [...]}`, one diagnostic per line."""

    name = "rdjson"

    def start(self) -> None:
        self._first = True
        self._lines = SourceLines(self.info.line_text, self.info.working_dir)
        source = {"name": "newslint"}
        if self.info.information_uri:
            source["url"] = self.info.information_uri
        self.stream.write(f'{{"source": {json.dumps(source)}, "diagnostics": [')

    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        for d in diagnostics:
            self.stream.write("\n" if self._first else ",\n")
            self._first = False
            self.stream.write(json.dumps(self._diagnostic(d), ensure_ascii=False))

    def _range(self, d: Diagnostic) -> dict[str, Any] | None:
        """The range in byte columns, or None when a line's text is unknown."""
        start_text = self._lines.line(d.path, d.line)
        end_text = start_text if d.end_line == d.line else self._lines.line(d.path, d.end_line)
        if start_text is None or end_text is None:
            return None
        return {
            "start": {"line": d.line, "column": byte_column(start_text, d.column)},
            "end": {"line": d.end_line, "column": byte_column(end_text, d.end_column)},
        }

    def _diagnostic(self, d: Diagnostic) -> dict[str, Any]:
        exact = self._range(d)
        line_range = {"start": {"line": d.line}, "end": {"line": last_line(d)}}
        record: dict[str, Any] = {
            "message": d.message,
            "location": {
                "path": report_path(d.path, self.info.working_dir),
                "range": exact or line_range,
            },
            "severity": _SEVERITY[d.severity],
            "source": {"name": str(d.source)},
            "code": {"value": d.rule},
        }
        if exact is not None and d.suggestions:
            record["suggestions"] = [
                {"range": exact, "text": text} for text in d.suggestions[:EDIT_SUGGESTION_LIMIT]
            ]
        return record

    def end(self, summary: RunSummary) -> None:
        self.stream.write("]}\n" if self._first else "\n]}\n")
