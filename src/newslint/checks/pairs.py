"""`pairs`: quotation marks and brackets must open and close, in matching styles, per paragraph.

German news mixes „…“, »…«, ‚…‘ and straight "…"; a broken pair is one of the most common
slips in CMS copy. Straight quotes open and close with the same character, so their role is
read from the neighbouring characters. Apostrophe-like characters (’ ‘ ') only count as
closing marks when their opening mark is actually open.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from newslint.checks.base import Check, Rule
from newslint.diagnostic import Finding
from newslint.document.model import Block

_OPENING_CONTEXT = frozenset(" \t\n\u00a0([{–—-/")


@dataclass(frozen=True, slots=True)
class Mark:
    char: str
    offset: int


@dataclass(frozen=True, slots=True)
class Problem:
    kind: str  # unclosed, unopened, mixed
    start: int
    end: int
    opening: str
    closing: str


class PairsCheck(Check):
    KIND = "pairs"
    OPTIONS: ClassVar[dict[str, Any]] = {
        "pairs": {
            "type": "array",
            "items": {
                "type": "array",
                "items": {"type": "string", "minLength": 1, "maxLength": 1},
                "minItems": 2,
                "maxItems": 2,
            },
            "minItems": 1,
            "description": "[opening, closing] characters.",
        },
        "optional_closing": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Closing marks that are also apostrophes: ignored when unmatched.",
        },
        "messages": {
            "type": "object",
            "properties": {k: {"type": "string"} for k in ("unclosed", "unopened", "mixed")},
            "additionalProperties": False,
            "description": "Message per problem; {opening} and {closing} are filled in.",
        },
    }
    REQUIRED = ("pairs",)

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        pairs: Sequence[Sequence[str]] = rule.options["pairs"]
        self.closing_for: dict[str, set[str]] = {}
        for opening, closing in pairs:
            self.closing_for.setdefault(opening, set()).add(closing)
        self.closers = {closing for _, closing in pairs}
        self.optional = set(rule.options.get("optional_closing", ()))
        self.messages: dict[str, str] = dict(rule.options.get("messages", {}))
        # Only the mark characters are visited, never every character of the text.
        self.marks = re.compile(
            "[" + re.escape("".join(set(self.closing_for) | self.closers)) + "]"
        )

    def run(self, block: Block) -> Iterator[Finding]:
        text = block.text
        for problem in find_problems(text, self.marks, self.closing_for, self.optional):
            if problem.kind != "mixed" and self.is_exception(_token_at(text, problem.start)):
                continue
            template = self.messages.get(problem.kind, self.rule.message)
            message = template.format_map({"opening": problem.opening, "closing": problem.closing})
            yield self.finding(problem.start, problem.end, message)


def _token_at(text: str, offset: int) -> str:
    """The whitespace-delimited token around offset ("a)" for an enumeration mark)."""
    start = offset
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = offset
    while end < len(text) and not text[end].isspace():
        end += 1
    return text[start:end]


def find_problems(
    text: str, marks: re.Pattern[str], closing_for: dict[str, set[str]], optional: set[str]
) -> list[Problem]:
    stack: list[Mark] = []
    problems: list[Problem] = []
    closers = {c for cs in closing_for.values() for c in cs}
    for found in marks.finditer(text):
        offset, char = found.start(), found.group()
        is_opener = char in closing_for
        is_closer = char in closers
        if not (is_opener or is_closer):
            continue
        if is_closer and _closes(char, offset, text, stack, closing_for, is_opener):
            depth = _matching_depth(char, stack, closing_for)
            if depth is not None:
                for unclosed in stack[depth + 1 :]:
                    problems.append(_unclosed(unclosed))
                del stack[depth:]
            elif stack and _same_family(stack[-1].char, char):
                opening = stack.pop()
                problems.append(Problem("mixed", opening.offset, offset + 1, opening.char, char))
            elif char not in optional:
                problems.append(Problem("unopened", offset, offset + 1, "", char))
        elif is_opener:
            stack.append(Mark(char, offset))
    problems.extend(_unclosed(mark) for mark in stack)
    return sorted(problems, key=lambda p: p.start)


def _closes(
    char: str,
    offset: int,
    text: str,
    stack: list[Mark],
    closing_for: dict[str, set[str]],
    can_open: bool,
) -> bool:
    """Decide whether a closing-capable character closes here (it may also be able to open)."""
    if not can_open:
        return True
    if stack and char in closing_for.get(stack[-1].char, ()):
        return True
    before = text[offset - 1] if offset else " "
    after = text[offset + 1] if offset + 1 < len(text) else " "
    if before in _OPENING_CONTEXT and not after.isspace():
        return False
    return bool(stack) and not before.isspace()


def _matching_depth(char: str, stack: list[Mark], closing_for: dict[str, set[str]]) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if char in closing_for[stack[depth].char]:
            return depth
    return None


_DOUBLE = frozenset('„“”"»«')
_SINGLE = frozenset("‚‘’'›‹")


def _same_family(opening: str, closing: str) -> bool:
    return (opening in _DOUBLE and closing in _DOUBLE) or (
        opening in _SINGLE and closing in _SINGLE
    )


def _unclosed(mark: Mark) -> Problem:
    return Problem("unclosed", mark.offset, mark.offset + 1, mark.char, "")
