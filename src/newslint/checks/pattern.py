"""`pattern`: a regular expression; every match is a finding (optionally with a replacement).

The workhorse for whitespace, punctuation spacing, stray letters and run-together words.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from newslint.checks.base import Check, Rule, compile_pattern, finditer, render
from newslint.diagnostic import Finding
from newslint.document.model import Block


class PatternCheck(Check):
    KIND = "pattern"
    OPTIONS: ClassVar[dict[str, Any]] = {
        "pattern": {"type": "string", "description": "Regular expression (Python `regex` syntax)."},
        "group": {
            "type": ["integer", "string"],
            "description": "Which group is the flagged span (default: the whole match).",
        },
        "replacement": {
            "type": "string",
            "description": "Suggested text; \\1 or \\g<name> refer to groups.",
        },
    }
    REQUIRED = ("pattern",)

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.pattern = compile_pattern(rule.options["pattern"], rule.case_sensitive)
        self.group: int | str = rule.options.get("group", 0)
        self.replacement: str | None = rule.options.get("replacement")

    def run(self, block: Block) -> Iterator[Finding]:
        for match in finditer(self.pattern, block.text):
            start, end = match.span(self.group)
            if start < 0 or self.is_exception(match.group(self.group)):
                continue
            suggestions: tuple[str, ...] = ()
            if self.replacement is not None:
                whole = match.expand(self.replacement)
                # A replacement is written for the whole match; cut it down to the flagged group.
                prefix = match.start(self.group) - match.start()
                suffix = match.end() - match.end(self.group)
                suggestions = (whole[prefix : len(whole) - suffix] if suffix else whole[prefix:],)
            message = render(
                self.rule.message, match, replacement=suggestions[0] if suggestions else ""
            )
            yield self.finding(start, end, message, suggestions)
