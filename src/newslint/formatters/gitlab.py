"""GitLab Code Quality report (`artifacts: reports: codequality:`), a JSON array of issues.

GitLab needs `description`, `check_name`, `fingerprint`, `severity` and `location.path` with
`location.lines.begin`; it compares fingerprints between the source and target branch to show
new and fixed findings in a merge request, so fingerprints are position-independent (see
`fingerprint.py`). Severity: info -> info, warning -> minor, error -> major (critical and
blocker are left for severities newslint does not have). The widget shows nothing but the
description, so suggestions are appended to the message. Issues are written as they arrive,
one per line.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newslint.diagnostic import Diagnostic, Severity

from ._common import SourceLines, last_line, report_path, suggestion_note
from .base import Formatter, RunSummary
from .fingerprint import Fingerprinter

_SEVERITY = {Severity.INFO: "info", Severity.WARNING: "minor", Severity.ERROR: "major"}


class GitLabFormatter(Formatter):
    """A Code Quality JSON array, streamed one issue per line."""

    name = "gitlab"

    def start(self) -> None:
        self._first = True
        self._fingerprint = Fingerprinter(SourceLines(self.info.line_text, self.info.working_dir))
        self.stream.write("[")

    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        for d in diagnostics:
            self.stream.write("\n" if self._first else ",\n")
            self._first = False
            self.stream.write(json.dumps(self._issue(d), ensure_ascii=False))

    def _issue(self, d: Diagnostic) -> dict[str, Any]:
        relative = report_path(d.path, self.info.working_dir)
        return {
            "description": d.message + suggestion_note(d.suggestions),
            "check_name": d.rule,
            "fingerprint": self._fingerprint(relative, d),
            "severity": _SEVERITY[d.severity],
            "location": {"path": relative, "lines": {"begin": d.line, "end": last_line(d)}},
        }

    def end(self, summary: RunSummary) -> None:
        self.stream.write("]\n" if self._first else "\n]\n")
