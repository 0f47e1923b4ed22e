"""The documented, versioned JSON contract (docs/formats.md), written as findings arrive.

Each diagnostic is one line of the array, so a large run never holds its findings in memory,
`grep` still works on the output, and the document is valid JSON once `end()` has run.
Field names and meanings only change with a new `version`; new fields may be added.
(The module is `json_` so that it cannot shadow the standard library's `json`.)
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newslint.diagnostic import Diagnostic

from .base import Formatter, RunSummary

#: Bump only for incompatible changes (a field removed, renamed or given another meaning).
CONTRACT_VERSION = 1


def diagnostic_record(d: Diagnostic) -> dict[str, Any]:
    """One diagnostic as the contract describes it: 1-based, code-point columns, end exclusive."""
    return {
        "path": d.path,
        "line": d.line,
        "column": d.column,
        "end_line": d.end_line,
        "end_column": d.end_column,
        "rule": d.rule,
        "category": d.category,
        "severity": str(d.severity),
        "message": d.message,
        "suggestions": list(d.suggestions),
        "source": str(d.source),
    }


def _dumps(value: object) -> str:
    # ensure_ascii=False: German text stays readable; the CLI writes the stream as UTF-8.
    return json.dumps(value, ensure_ascii=False)


class JsonFormatter(Formatter):
    """`{"version": 1, "diagnostics": [...], "summary": {...}}`, one diagnostic per line."""

    name = "json"

    def start(self) -> None:
        self._first = True
        self.stream.write(f'{{"version": {CONTRACT_VERSION}, "diagnostics": [')

    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        for d in diagnostics:
            self.stream.write("\n" if self._first else ",\n")
            self._first = False
            self.stream.write(_dumps(diagnostic_record(d)))

    def end(self, summary: RunSummary) -> None:
        totals = {
            "files_checked": summary.files_checked,
            "files_with_errors": summary.files_with_errors,
            "diagnostics": summary.diagnostics,
            "by_rule": dict(sorted(summary.by_rule.items())),
        }
        closing = "]" if self._first else "\n]"
        self.stream.write(f'{closing}, "summary": {_dumps(totals)}}}\n')
