"""GitHub Actions workflow commands (`::error file=…::message`) plus a job step summary.

GitHub turns at most 10 annotations of each type per step into visible annotations and drops
the rest silently. So this format buffers the run, emits the most severe findings first
(errors, warnings, notices; within a level by file and position), stops at the cap, prints
the remainder as plain lines in a collapsed log group, and ends with a notice that says how
many were left out and where they are — instead of letting GitHub lose them without a word.
When `GITHUB_STEP_SUMMARY` is set, a Markdown summary is appended to that file.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from newslint.diagnostic import Diagnostic, Severity

from ._common import (
    count_by_severity,
    last_line,
    plain_line,
    plural,
    report_path,
    severity_first,
    suggestion_note,
)
from .base import Formatter, RunSummary
from .github_summary import write_step_summary

#: GitHub's visible-annotation limit per type (error, warning, notice) and step.
ANNOTATION_LIMIT = 10

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message the way @actions/core does (`%`, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as message data, plus `:` and `,` which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, properties: dict[str, str | int] | None = None) -> str:
    props = ",".join(f"{k}={escape_property(str(v))}" for k, v in (properties or {}).items())
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def split_at_cap(ordered: Sequence[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """Split severity-ordered findings into (annotated, left out) under GitHub's cap.

    If anything is left out, one notice slot is reserved for the notice that says so:
    otherwise that notice would be the eleventh and GitHub would drop it too.
    """
    counts = count_by_severity(ordered)
    overflow = any(n > ANNOTATION_LIMIT for n in counts.values())
    limits = dict.fromkeys(Severity, ANNOTATION_LIMIT)
    if overflow:
        limits[Severity.INFO] -= 1
    shown: list[Diagnostic] = []
    hidden: list[Diagnostic] = []
    used = dict.fromkeys(Severity, 0)
    for d in ordered:
        if used[d.severity] < limits[d.severity]:
            used[d.severity] += 1
            shown.append(d)
        else:
            hidden.append(d)
    return shown, hidden


class GitHubFormatter(Formatter):
    """Annotations for the first findings by severity, the rest in the log and step summary."""

    name = "github"

    def start(self) -> None:
        self._diagnostics: list[Diagnostic] = []
        self._files_with_findings = 0

    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        # Buffered: GitHub keeps the first annotations, so the order must be severity-first
        # across all files, which is known only at the end.
        self._diagnostics.extend(diagnostics)
        self._files_with_findings += bool(diagnostics)

    def end(self, summary: RunSummary) -> None:
        ordered = sorted(self._diagnostics, key=severity_first)
        shown, hidden = split_at_cap(ordered)
        for d in shown:
            self.stream.write(self._annotation(d) + "\n")
        summary_file = self.environ.get("GITHUB_STEP_SUMMARY", "")
        if hidden:
            self._write_hidden(hidden, with_step_summary=bool(summary_file))
        if summary_file:
            self._append_step_summary(Path(summary_file), ordered, summary)

    def _path(self, path: str) -> str:
        """Annotations need paths relative to the repository root, GITHUB_WORKSPACE."""
        absolute = self.info.working_dir / path
        workspace = self.environ.get("GITHUB_WORKSPACE")
        return report_path(str(absolute), Path(workspace) if workspace else self.info.working_dir)

    def _annotation(self, d: Diagnostic) -> str:
        props: dict[str, str | int] = {"file": self._path(d.path), "line": d.line}
        end = last_line(d)
        if end > d.line:
            props["endLine"] = end
        # GitHub rejects columns on annotations that span several lines.
        if end == d.line:
            props["col"] = d.column
            if d.end_line == d.line:
                props["endColumn"] = d.end_column
        props["title"] = d.rule
        message = d.message + suggestion_note(d.suggestions)
        return command(_COMMAND[d.severity], message, props)

    def _write_hidden(self, hidden: Sequence[Diagnostic], *, with_step_summary: bool) -> None:
        group = f"newslint: {plural(len(hidden), 'more finding')} (not annotated)"
        self.stream.write(command("group", group) + "\n")
        for d in hidden:
            line = plain_line(d, self._path(d.path))
            # A plain log line must never be read as a workflow command.
            self.stream.write((" " + line if line.startswith("::") else line) + "\n")
        self.stream.write(command("endgroup", "") + "\n")
        counts = count_by_severity(hidden)
        levels = [
            plural(counts[Severity.ERROR], "error"),
            plural(counts[Severity.WARNING], "warning"),
            plural(counts[Severity.INFO], "notice"),
        ]
        where = f'the log group "{group}"'
        if with_step_summary:
            where += " and the job summary"
        message = (
            f"{plural(len(hidden), 'more finding')} not shown as annotations "
            f"({', '.join(x for x in levels if not x.startswith('0 '))}): GitHub shows at most "
            f"{ANNOTATION_LIMIT} annotations per type and step. They are listed in {where}. "
            "For all findings in code scanning, run newslint with --format sarif and upload "
            "the file with github/codeql-action/upload-sarif."
        )
        self.stream.write(command("notice", message, {"title": "newslint"}) + "\n")

    def _append_step_summary(
        self, target: Path, ordered: Sequence[Diagnostic], summary: RunSummary
    ) -> None:
        try:
            write_step_summary(
                target,
                ordered,
                summary,
                self.info,
                self.environ,
                files_with_findings=self._files_with_findings,
                path=self._path,
            )
        except OSError as exc:
            warning = f"could not write the job summary to {target}: {exc.strerror or exc}"
            self.stream.write(command("warning", warning, {"title": "newslint"}) + "\n")
