"""The Markdown job summary the GitHub format appends to `$GITHUB_STEP_SUMMARY`.

Annotations are capped; the summary is where a reviewer sees the whole picture: one table row
per rule, then the findings themselves (capped too, since GitHub limits a step summary to
1 MiB), each linked to its line when the run's commit is known.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from urllib.parse import quote

from newslint.diagnostic import Diagnostic, Severity

from ._common import count_phrase, one_line, plural, suggestion_note
from .base import RunInfo, RunSummary

#: Findings listed in the summary; more would drown the rule table and risk the size limit.
SUMMARY_FINDINGS_LIMIT = 100

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def markdown_cell(text: str) -> str:
    """Text that renders literally inside a Markdown table cell."""
    text = one_line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _blob_url(environ: Mapping[str, str], path: str, line: int) -> str | None:
    server = environ.get("GITHUB_SERVER_URL")
    repository = environ.get("GITHUB_REPOSITORY")
    sha = environ.get("GITHUB_SHA")
    if not (server and repository and sha):
        return None
    return f"{server}/{repository}/blob/{sha}/{quote(path, safe='/')}#L{line}"


def _headline(ordered: Sequence[Diagnostic], summary: RunSummary, files_with_findings: int) -> str:
    files = plural(summary.files_checked, "file")
    if not ordered:
        line = f"No findings in {files} checked."
    else:
        total, _, shown = count_phrase(ordered).partition(" (")
        line = f"**{total}** ({shown} in {files_with_findings} of {files} checked."
    if summary.files_with_errors:
        line += f" {plural(summary.files_with_errors, 'file')} could not be checked."
    return line


def _rule_table(ordered: Sequence[Diagnostic], info: RunInfo) -> list[str]:
    counts = Counter(d.rule for d in ordered)
    worst: dict[str, Severity] = {}
    for d in ordered:
        worst[d.rule] = max(worst.get(d.rule, d.severity), d.severity)
    rows = ["| Rule | Severity | Findings | Description |", "| --- | --- | ---: | --- |"]
    for rule, count in sorted(
        counts.items(), key=lambda item: (-worst[item[0]], -item[1], item[0])
    ):
        meta = info.rules.get(rule)
        description = markdown_cell(meta.description) if meta else ""
        rows.append(f"| `{rule}` | {worst[rule]} | {count} | {description} |")
    return rows


def _findings_table(
    ordered: Sequence[Diagnostic], environ: Mapping[str, str], path: Callable[[str], str]
) -> list[str]:
    rows = ["| Location | Severity | Rule | Message |", "| --- | --- | --- | --- |"]
    for d in ordered[:SUMMARY_FINDINGS_LIMIT]:
        relative = path(d.path)
        where = markdown_cell(f"{relative}:{d.line}:{d.column}")
        url = _blob_url(environ, relative, d.line)
        if url:
            where = f"[{where}]({url})"
        message = markdown_cell(d.message + suggestion_note(d.suggestions))
        rows.append(f"| {where} | {d.severity} | `{d.rule}` | {message} |")
    if len(ordered) > SUMMARY_FINDINGS_LIMIT:
        rest = plural(len(ordered) - SUMMARY_FINDINGS_LIMIT, "more finding")
        rows += ["", f"… and {rest}: run `newslint --format sarif` for the complete list."]
    return rows


def render_step_summary(
    ordered: Sequence[Diagnostic],
    summary: RunSummary,
    info: RunInfo,
    environ: Mapping[str, str],
    *,
    files_with_findings: int,
    path: Callable[[str], str],
) -> str:
    """The Markdown for severity-ordered findings; `path` maps a path to its repository path."""
    lines = ["## newslint", "", _headline(ordered, summary, files_with_findings)]
    if ordered:
        lines += ["", *_rule_table(ordered, info), "", "### Findings", ""]
        lines += _findings_table(ordered, environ, path)
    return "\n".join(lines) + "\n\n"


def write_step_summary(
    target: Path,
    ordered: Sequence[Diagnostic],
    summary: RunSummary,
    info: RunInfo,
    environ: Mapping[str, str],
    *,
    files_with_findings: int,
    path: Callable[[str], str],
) -> None:
    """Append the summary: other commands of the same step may already have written to the file."""
    markdown = render_step_summary(
        ordered, summary, info, environ, files_with_findings=files_with_findings, path=path
    )
    with target.open("a", encoding="utf-8") as handle:
        handle.write(markdown)
