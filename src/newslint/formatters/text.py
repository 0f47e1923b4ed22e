"""`path:line:col: severity rule message` — for people and for editors' problem matchers.

The `path:line:col:` prefix is what Vim's quickfix, Emacs' compilation mode and VS Code's
`$tsc`-style matchers parse, so it stays first and uncoloured in structure. Tool output is
English; the messages themselves are German as the rules wrote them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newslint.diagnostic import Diagnostic, Severity

from ._common import one_line, plural, suggestion_note
from .base import Formatter, RunSummary

_RESET = "\033[0m"
_BOLD = "\033[1m"
_DIM = "\033[2m"
_SEVERITY_COLOR = {
    Severity.ERROR: "\033[31m",  # red
    Severity.WARNING: "\033[33m",  # yellow
    Severity.INFO: "\033[36m",  # cyan
}


class TextFormatter(Formatter):
    """One line per finding, then a summary line (unless quiet) and optional statistics."""

    name = "text"

    def start(self) -> None:
        self._severities: Counter[Severity] = Counter()
        self._rules: Counter[str] = Counter()
        self._files_with_findings = 0

    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        if diagnostics:
            self._files_with_findings += 1
        for d in diagnostics:
            self._severities[d.severity] += 1
            self._rules[d.rule] += 1
            self.stream.write(self._line(d) + "\n")

    def _paint(self, text: str, code: str) -> str:
        return f"{code}{text}{_RESET}" if self.color else text

    def _line(self, d: Diagnostic) -> str:
        where = self._paint(f"{one_line(d.path)}:{d.line}:{d.column}:", _BOLD)
        severity = self._paint(str(d.severity), _SEVERITY_COLOR[d.severity])
        rule = self._paint(d.rule, _DIM)
        return f"{where} {severity} {rule} {one_line(d.message)}{suggestion_note(d.suggestions)}"

    def end(self, summary: RunSummary) -> None:
        if self.quiet:
            return
        if self.statistics and self._rules:
            self._write_statistics()
        self.stream.write(self._summary_line(summary) + "\n")

    def _write_statistics(self) -> None:
        """flake8-style `--statistics`: count, rule id, rule description; most frequent first."""
        width = len(str(max(self._rules.values())))
        rule_width = max(map(len, self._rules))
        for rule, count in sorted(self._rules.items(), key=lambda item: (-item[1], item[0])):
            meta = self.info.rules.get(rule)
            line = f"{count:>{width}}  {rule:<{rule_width}}  {meta.description if meta else ''}"
            self.stream.write(line.rstrip() + "\n")

    def _summary_line(self, summary: RunSummary) -> str:
        total = sum(self._severities.values())
        files = plural(summary.files_checked, "file")
        if total == 0:
            line = f"No findings in {files} checked."
        else:
            parts = [
                plural(self._severities[Severity.ERROR], "error"),
                plural(self._severities[Severity.WARNING], "warning"),
                plural(self._severities[Severity.INFO], "info", "info"),
            ]
            shown = ", ".join(p for p in parts if not p.startswith("0 "))
            line = (
                f"{plural(total, 'finding')} ({shown}) in "
                f"{self._files_with_findings} of {files} checked."
            )
        if summary.files_with_errors:
            unreadable = plural(summary.files_with_errors, "file")
            line += f" {unreadable} could not be checked."
        return self._paint(line, _BOLD)
