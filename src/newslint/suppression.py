"""Suppression in one place: `<!-- newslint-... -->` comments and configured acceptances.

Directives are found by the Markdown reader (never inside code) and applied here to
diagnostics in source lines, after every check has run — checks never know about them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newslint.diagnostic import Diagnostic
from newslint.document.model import Directive
from newslint.ruleset import matches


@dataclass(frozen=True, slots=True)
class _Region:
    first_line: int
    last_line: int  # inclusive; a very large number for "to the end"
    rules: tuple[str, ...]  # empty = all


def regions(directives: Sequence[Directive]) -> list[_Region]:
    end = 1 << 30
    result: list[_Region] = []
    open_regions: list[tuple[int, tuple[str, ...]]] = []
    for directive in sorted(directives, key=lambda d: d.line):
        if directive.action == "disable-file":
            result.append(_Region(1, end, directive.rules))
        elif directive.action == "disable-next-line":
            result.append(_Region(directive.end_line + 1, directive.end_line + 1, directive.rules))
        elif directive.action == "disable":
            open_regions.append((directive.line, directive.rules))
        elif directive.action == "enable":
            still_open = []
            for start, rules in open_regions:
                if not directive.rules or (set(directive.rules) >= set(rules) and rules):
                    result.append(_Region(start, directive.line, rules))
                else:
                    still_open.append((start, rules))
            open_regions = still_open
    result.extend(_Region(start, end, rules) for start, rules in open_regions)
    return result


def suppressed(diagnostic: Diagnostic, active: Iterable[_Region]) -> bool:
    for region in active:
        if region.first_line <= diagnostic.line <= region.last_line and (
            not region.rules or matches(diagnostic.rule, region.rules)
        ):
            return True
    return False


def apply(
    diagnostics: Sequence[Diagnostic],
    directives: Sequence[Directive],
    source: str,
    accepted: Sequence[Mapping[str, Any]],
) -> list[Diagnostic]:
    active = regions(directives)
    acceptances = [(str(a.get("rule", "")), re.compile(str(a.get("text", ".*")))) for a in accepted]
    kept = []
    for diagnostic in diagnostics:
        if suppressed(diagnostic, active):
            continue
        flagged = (
            source[diagnostic.offset : diagnostic.end_offset] if diagnostic.offset >= 0 else ""
        )
        if any(
            (not rule or matches(diagnostic.rule, [rule])) and pattern.fullmatch(flagged)
            for rule, pattern in acceptances
        ):
            continue
        kept.append(diagnostic)
    return kept
