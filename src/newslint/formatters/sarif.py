"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` lists every known rule plus any rule that reported without being
known up front (LanguageTool has thousands; they are described from their findings). Results
refer to rules by id and index. Columns are code points, so `run.columnKind` says
`unicodeCodePoints` (SARIF's default would be UTF-16 code units). Paths are relative to
`%SRCROOT%`, which `originalUriBaseIds` maps to the working directory. Suggestions become
`fixes` that replace the flagged region. The whole log is built at `end()`: the rule table
precedes the results and can only be complete once all results are known.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from newslint.diagnostic import Diagnostic, Severity

from ._common import (
    EDIT_SUGGESTION_LIMIT,
    SourceLines,
    absolute_file_uri,
    directory_uri,
    is_absolute,
    relative_uri,
    report_path,
)
from .base import Formatter, RuleMeta, RunSummary
from .fingerprint import Fingerprinter

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def rule_descriptor(meta: RuleMeta) -> dict[str, Any]:
    help_text = meta.help.strip() or meta.description
    full = help_text.split("\n\n", 1)[0].strip()
    descriptor: dict[str, Any] = {
        "id": meta.id,
        "shortDescription": {"text": meta.description},
        "fullDescription": {"text": full},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": _LEVEL[meta.severity]},
    }
    if meta.category:
        descriptor["properties"] = {"tags": [meta.category]}
    return descriptor


def _inferred_rule(d: Diagnostic) -> RuleMeta:
    """Describe a rule that was not in RunInfo (e.g. a LanguageTool rule) from its finding."""
    origin = "LanguageTool" if d.source == "languagetool" else "newslint"
    return RuleMeta(
        id=d.rule,
        description=f"{origin} rule {d.rule}",
        severity=d.severity,
        category=d.category,
    )


class SarifFormatter(Formatter):
    """A complete SARIF log written at the end of the run."""

    name = "sarif"

    def start(self) -> None:
        self._results: list[tuple[Diagnostic, str, str]] = []  # diagnostic, uri, fingerprint
        self._fingerprint = Fingerprinter(SourceLines(self.info.line_text, self.info.working_dir))

    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        for d in diagnostics:
            relative = report_path(d.path, self.info.working_dir)
            self._results.append((d, relative, self._fingerprint(relative, d)))

    def end(self, summary: RunSummary) -> None:
        rules = dict(self.info.rules)
        for d, _, _ in self._results:
            if d.rule not in rules:
                rules[d.rule] = _inferred_rule(d)
        ordered = sorted(rules)
        index = {rule: i for i, rule in enumerate(ordered)}
        driver: dict[str, Any] = {"name": "newslint", "version": self.info.tool_version}
        if self.info.information_uri:
            driver["informationUri"] = self.info.information_uri
        driver["rules"] = [rule_descriptor(rules[rule]) for rule in ordered]
        run = {
            "tool": {"driver": driver},
            "originalUriBaseIds": {SRCROOT: {"uri": directory_uri(self.info.working_dir)}},
            "columnKind": "unicodeCodePoints",
            "results": [self._result(d, uri, fp, index[d.rule]) for d, uri, fp in self._results],
        }
        log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
        json.dump(log, self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")

    def _result(
        self, d: Diagnostic, path: str, fingerprint: str, rule_index: int
    ) -> dict[str, Any]:
        artifact = _artifact_location(path)
        region = {
            "startLine": d.line,
            "startColumn": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
        }
        result: dict[str, Any] = {
            "ruleId": d.rule,
            "ruleIndex": rule_index,
            "level": _LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
            "partialFingerprints": {"newslint/v1": fingerprint},
        }
        if d.suggestions:
            result["fixes"] = [
                _fix(artifact, region, text) for text in d.suggestions[:EDIT_SUGGESTION_LIMIT]
            ]
        if d.source != "newslint":
            result["properties"] = {"source": str(d.source)}
        return result


def _artifact_location(path: str) -> dict[str, str]:
    if is_absolute(path):  # outside the working directory: an absolute file URI
        return {"uri": absolute_file_uri(path)}
    return {"uri": relative_uri(path), "uriBaseId": SRCROOT}


def _fix(artifact: dict[str, str], region: dict[str, int], text: str) -> dict[str, Any]:
    description = f'Replace with "{text}"' if text else "Delete"
    replacement = {"deletedRegion": region, "insertedContent": {"text": text}}
    return {
        "description": {"text": description},
        "artifactChanges": [{"artifactLocation": artifact, "replacements": [replacement]}],
    }
