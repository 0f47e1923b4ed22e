"""The pipeline for a run: file → Document → checks → diagnostics → suppression → results.

The engine owns the order of things and nothing else: reading is in `document`, rules in
`checks`, LanguageTool and tense in their packages, suppression in `suppression`, output
in `formatters`.
"""

from __future__ import annotations

import fnmatch
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

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

if TYPE_CHECKING:
    from newslint.findings_cache import FindingsCache, Key


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
    findings_cache: FindingsCache | None = None  # None: --no-cache (or an in-process caller)


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


def start_batches(checks: Sequence[BatchCheck], results: Sequence[FileResult]) -> Batches:
    """Start the batch checks (LanguageTool) on the readable documents, in a background thread.

    Their time is spent waiting for the server (the GIL is released), so the caller starts
    them as soon as the files are read, before it compiles the YAML rules, and `run` lints
    meanwhile instead of before the first request.
    """
    return Batches(checks, [r.document for r in results if r.document is not None])


def run(
    results: list[FileResult], settings: Settings, batches: Batches | None = None
) -> list[FileResult]:
    """Check every readable document; fills in each result's diagnostics, sorted.

    `batches` must have been started on the same `results` (`start_batches`).
    """
    owners = [r for r in results if r.document is not None]
    documents = [r.document for r in owners if r.document is not None]
    if batches is None:
        batches = Batches((), documents)
    for result, (located, errors) in zip(owners, _lint_all(documents, settings), strict=True):
        assert result.document is not None
        result.diagnostics += [
            to_diagnostic(result.document, result.document.blocks[i], f) for i, f in located
        ]
        for message in errors:
            result.failed = True
            result.diagnostics.append(error_diagnostic(result.path, RULE_ERROR_RULE, message))
    for findings, failures in batches.join():
        for doc_index, block_index, finding in findings:
            if not settings.ruleset.enabled(finding.rule):
                continue
            document = documents[doc_index]
            owners[doc_index].diagnostics.append(
                to_diagnostic(document, document.blocks[block_index], finding)
            )
        for doc_index, reason in failures.items():
            owners[doc_index].failed = True
            owners[doc_index].diagnostics.append(
                error_diagnostic(owners[doc_index].path, CHECK_ERROR_RULE, reason)
            )
    for result in owners:
        assert result.document is not None
        result.diagnostics = _finish(result, settings)
    return results


def _lint_all(
    documents: Sequence[Document], settings: Settings
) -> list[tuple[list[tuple[int, Finding]], list[str]]]:
    """`lint_document` for each document, or its findings from the cache if it is unchanged.

    A document on which a rule had to be stopped is not stored: its findings are incomplete.
    """
    checks = settings.ruleset.checks
    cache = settings.findings_cache
    if cache is None:
        return [lint_document(d, checks) for d in documents]
    keys = [cache.key(d) for d in documents]
    cached = cache.get_many(keys)
    out: list[tuple[list[tuple[int, Finding]], list[str]]] = []
    fresh: list[tuple[Key, list[tuple[int, Finding]]]] = []
    for document, key in zip(documents, keys, strict=True):
        hit = cached.get(key)
        if hit is not None:
            out.append((hit, []))
            continue
        located, errors = lint_document(document, checks)
        out.append((located, errors))
        if not errors:
            fresh.append((key, located))
    cache.put_many(fresh)
    return out


BatchResult = tuple[list[tuple[int, int, Finding]], dict[int, str]]


class Batches:
    """The batch checks run to completion in one daemon thread, started at construction.

    Daemon, so an interrupted run does not wait for LanguageTool at exit; an exception in the
    thread is re-raised by `join` in the caller's thread.
    """

    def __init__(self, checks: Sequence[BatchCheck], documents: Sequence[Document]) -> None:
        self._checks = checks
        self._documents = documents
        self._results: list[BatchResult] = []
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        if checks and documents:
            self._thread = threading.Thread(target=self._work, name="newslint-batch", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        try:
            for check in self._checks:
                self._results.append((list(check.run(self._documents)), check.failures()))
        except BaseException as exc:  # handed to the caller's thread by join()
            self._error = exc

    def join(self) -> list[BatchResult]:
        if self._thread is not None:
            self._thread.join()
        if self._error is not None:
            raise self._error
        return self._results


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
    (doubled spaces, unpaired quotes, "fürKim" as a joined word rather than a typo) —
    except a typo that newslint took for a lowercase noun ("der künstleriche Leiter":
    the speller's "künstlerische", not "Künstleriche") or for a verb in a tense break
    ("Sie knönten": the tense of a word that does not exist is a guess). Where both
    newslint and the speller call a word misspelt, the speller's match stands: its
    dictionary ranks the suggestions."""
    typos = [d for d in diagnostics if d.source is Source.LANGUAGETOOL and d.category == "spelling"]
    diagnostics = [d for d in diagnostics if not any(_yields_to_typo(d, t) for t in typos)]
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


def _yields_to_typo(ours: Diagnostic, typo: Diagnostic) -> bool:
    """A lowercase-noun finding on a word the speller flags without offering it
    capitalised, a tense break on a word the speller flags, or newslint's own spelling
    finding on a word the speller flags too."""
    if ours.source is not Source.NEWSLINT:
        return False
    if ours.category == "spelling":
        return _overlaps(ours, typo)
    if (ours.offset, ours.end_offset) != (typo.offset, typo.end_offset):
        return False
    if ours.category == "tense":
        return True
    return ours.category == "capitalization" and not set(ours.suggestions) & set(typo.suggestions)


def _overlaps(a: Diagnostic, b: Diagnostic) -> bool:
    return a.offset < b.end_offset and b.offset < a.end_offset


def _covers(ours: Diagnostic, theirs: Diagnostic) -> bool:
    if (ours.offset, ours.end_offset) == (theirs.offset, theirs.end_offset):
        return True
    return _overlaps(ours, theirs) and ours.category == theirs.category
