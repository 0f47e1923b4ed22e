"""Stable finding fingerprints for CI systems that track findings across runs.

GitLab's merge-request widget (and SARIF consumers via `partialFingerprints`) compare the
fingerprints of two reports to say which findings are new and which are fixed. A fingerprint
that contains the line number would call every finding below an inserted paragraph "fixed"
and "new" at once. So the fingerprint hashes only position-independent content:

    sha256("newslint/1", path, rule, flagged text, message, occurrence)[:32 hex digits]

`flagged text` is the source text of the span (empty when the source is not available);
`occurrence` counts earlier findings in the same file with the same path, rule, text and
message. Identical findings (three doubled spaces) thus stay unique within a report, and
adding a fourth one anywhere shows up as exactly one new finding.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from newslint.diagnostic import Diagnostic

from ._common import SourceLines

_SCHEME = "newslint/1"


def flagged_text(lines: SourceLines, d: Diagnostic) -> str | None:
    """The source text a diagnostic covers, or None when a line of it is not available."""
    parts: list[str] = []
    for number in range(d.line, d.end_line + 1):
        text = lines.line(d.path, number)
        if text is None:
            return None
        start = d.column - 1 if number == d.line else 0
        end = d.end_column - 1 if number == d.end_line else len(text)
        parts.append(text[start:end])
    return "\n".join(parts)


class Fingerprinter:
    """Hands out fingerprints in report order; one instance per report keeps them unique."""

    def __init__(self, lines: SourceLines) -> None:
        self._lines = lines
        self._seen: Counter[tuple[str, str, str, str]] = Counter()

    def __call__(self, path: str, d: Diagnostic) -> str:
        """`path` is the path as the report states it (relative, forward slashes)."""
        text = flagged_text(self._lines, d) or ""
        key = (path, d.rule, text, d.message)
        occurrence = self._seen[key]
        self._seen[key] += 1
        payload = "\0".join((_SCHEME, *key, str(occurrence)))
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]
