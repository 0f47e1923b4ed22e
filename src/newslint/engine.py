"""The pipeline for a run: file → Document → checks → diagnostics → suppression → results.

The engine owns the order of things and nothing else: reading is in `document`, rules in
`checks`, LanguageTool and tense in their packages, suppression in `suppression`, output
in `formatters`.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from newslint import suppression
from newslint.checks.base import Check, RuleTimeout
from newslint.config import Config
from newslint.diagnostic import (
    CHECK_ERROR_RULE,
    READ_ERROR_RULE,
    RULE_ERROR_RULE,
    Diagnostic,
    Finding,
    Severity,
    Source,
)
from newslint.document.model import Block, Document
from newslint.document.reader import Decoded, UnreadableFile, decode, load, parse
from newslint.ruleset import RuleSet, matches
from newslint.text.quotes import quotations


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failed: bool = False  # could not be read, or a check could not complete on it
    document: Document | None = None
    decoded: Decoded | None = None


class BatchCheck(Protocol):
    """A check that works best over many documents at once (LanguageTool: one server, one batch)."""

    def run(self, documents: Sequence[Document]) -> Iterator[tuple[int, int, Finding]]:
        """(document index, block index, finding) for every finding."""
        ...

    def failures(self) -> dict[int, str]:
        """Document index → one-line reason, for documents the check could not complete."""
        ...


@dataclass
class Settings:
    config: Config
    ruleset: RuleSet
    min_severity: Severity = Severity.INFO
    batch_checks: Sequence[BatchCheck] = ()


def read(path: Path, display: str, stdin: bytes | None = None) -> FileResult:
    """Read one file (or bytes from standard input); an unreadable one becomes an error result."""
    result = FileResult(display)
    try:
        if stdin is not None:
            result.decoded = decode(stdin)
            result.document = parse(display, result.decoded.text)
        else:
            result.document, result.decoded = load(path, display)
    except UnreadableFile as exc:
        result.failed = True
        result.diagnostics.append(error_diagnostic(display, READ_ERROR_RULE, str(exc)))
    return result


def error_diagnostic(path: str, rule: str, message: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, 1, 1, rule, Severity.ERROR, message, "error")


def lint_document(
    document: Document, checks: Sequence[Check]
) -> tuple[list[tuple[int, Finding]], list[str]]:
    """YAML-rule findings for one document as (block index, finding); errors as messages."""
    located: list[tuple[int, Finding]] = []
    errors: list[str] = []
    quotes: dict[int, list[tuple[int, int]]] = {}
    blocks = document.blocks
    for check in checks:
        rule = check.rule
        try:
            for index, finding in check.run_document(blocks):
                block = blocks[index]
                if block.is_masked(finding.start, finding.end):
                    continue
                if rule.skip_quotes:
                    if index not in quotes:
                        quotes[index] = quotations(block.text)
                    if _inside(finding, quotes[index]):
                        continue
                located.append((index, finding))
        except RuleTimeout as exc:
            errors.append(f"rule {rule.id} stopped: {exc}")
    located.sort(key=lambda item: (item[0], item[1].start))
    return located, errors


def _inside(finding: Finding, spans: Iterable[tuple[int, int]]) -> bool:
    return any(start <= finding.start and finding.end <= end for start, end in spans)


def to_diagnostic(document: Document, block: Block, finding: Finding) -> Diagnostic:
    start, end = block.source_map.span_to_source(finding.start, finding.end)
    line, column = document.position(start)
    end_line, end_column = document.position(end)
    return Diagnostic(
        path=document.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=finding.rule,
        severity=finding.severity,
        message=finding.message,
        category=finding.category,
        suggestions=finding.suggestions,
        source=finding.source,
        offset=start,
        end_offset=end,
        safe_fix=finding.safe_fix,
    )


def run(results: list[FileResult], settings: Settings) -> list[FileResult]:
    """Check every readable document; fills in each result's diagnostics, sorted."""
    checks = settings.ruleset.checks
    documents = [r.document for r in results if r.document is not None]
    owners = [r for r in results if r.document is not None]
    for result in owners:
        assert result.document is not None
        located, errors = lint_document(result.document, checks)
        result.diagnostics += [
            to_diagnostic(result.document, result.document.blocks[i], f) for i, f in located
        ]
        for message in errors:
            result.failed = True
            result.diagnostics.append(error_diagnostic(result.path, RULE_ERROR_RULE, message))
    for batch in settings.batch_checks:
        for doc_index, block_index, finding in batch.run(documents):
            if not settings.ruleset.enabled(finding.rule):
                continue
            document = documents[doc_index]
            owners[doc_index].diagnostics.append(
                to_diagnostic(document, document.blocks[block_index], finding)
            )
        for doc_index, reason in batch.failures().items():
            owners[doc_index].failed = True
            owners[doc_index].diagnostics.append(
                error_diagnostic(owners[doc_index].path, CHECK_ERROR_RULE, reason)
            )
    for result in owners:
        assert result.document is not None
        result.diagnostics = _finish(result, settings)
    return results


def _finish(result: FileResult, settings: Settings) -> list[Diagnostic]:
    document = result.document
    assert document is not None
    config = settings.config
    kept = suppression.apply(
        result.diagnostics, document.directives, document.source, config.get("accepted", []) or []
    )
    ignored = _path_ignores(result.path, config)
    kept = [
        d
        for d in kept
        if d.rule.startswith("newslint.")
        or (d.severity >= settings.min_severity and not matches(d.rule, ignored))
    ]
    return sorted(_dedupe(kept))


def _path_ignores(path: str, config: Config) -> list[str]:
    ignored: list[str] = []
    for pattern, rules in (config.get("per_path_ignores", {}) or {}).items():
        if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(Path(path).as_posix(), f"*/{pattern}"):
            ignored += list(rules)
    return ignored


def _dedupe(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One report per problem: exact duplicates go, and a LanguageTool match gives way to a
    newslint finding on the same span, or of the same category on an overlapping span
    (doubled spaces, unpaired quotes, "fürKim" as a joined word rather than a typo)."""
    seen: set[tuple[object, ...]] = set()
    ours = [d for d in diagnostics if d.source is Source.NEWSLINT]
    kept = []
    for d in diagnostics:
        key = (d.rule, d.offset, d.end_offset, d.line, d.column)
        if key in seen:
            continue
        seen.add(key)
        if d.source is Source.LANGUAGETOOL and any(_covers(o, d) for o in ours):
            continue
        kept.append(d)
    return kept


def _covers(ours: Diagnostic, theirs: Diagnostic) -> bool:
    if (ours.offset, ours.end_offset) == (theirs.offset, theirs.end_offset):
        return True
    overlap = ours.offset < theirs.end_offset and theirs.offset < ours.end_offset
    return overlap and ours.category == theirs.category
