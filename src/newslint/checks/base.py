"""What every rule kind shares: the Rule record read from YAML, and the Check interface.

A rule *kind* is code (one module per kind in this package); a rule *instance* is one YAML
file in a pack. The kind module declares the YAML keys it accepts (`OPTIONS`, a JSON Schema
fragment) next to the code that uses them.
"""

from __future__ import annotations

import bisect
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar

import regex

from newslint.diagnostic import Finding, Severity, Source
from newslint.document.model import Block, BlockKind

MATCH_TIMEOUT = 1.0  # seconds a rule's regex may spend on one block (plus 1 s per MB of it)


# For kinds that tag every sentence (~10 ms each): a block longer than this is a data dump,
# not a news paragraph, and would take minutes; such blocks are not judged.
MAX_PARAGRAPH_OPTION: dict[str, Any] = {
    "type": "integer",
    "minimum": 100,
    "description": "Longer blocks are not news paragraphs (a data dump): not judged.",
}


def max_paragraph_chars(rule: Rule) -> int:
    limit: int = rule.options.get("max_paragraph_chars", 20_000)
    return limit


class RuleTimeout(Exception):
    """A rule's pattern ran longer than MATCH_TIMEOUT on one block (catastrophic backtracking)."""


@dataclass(frozen=True)
class Example:
    text: str
    match: str | None = None  # for fail examples: the text the finding must cover


@dataclass(frozen=True)
class Rule:
    id: str
    kind: str
    message: str
    description: str
    severity: Severity
    category: str
    scopes: frozenset[BlockKind]
    case_sensitive: bool = True
    skip_quotes: bool = False
    safe_fix: bool = False
    exceptions: tuple[str, ...] = ()
    fail: tuple[Example, ...] = ()
    passes: tuple[Example, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def with_overrides(self, severity: Severity | None, options: Mapping[str, Any]) -> Rule:
        merged = {**self.options, **options}
        return replace(self, severity=severity or self.severity, options=merged)


class Check(ABC):
    """One compiled rule instance; `run` yields findings in block-text offsets."""

    KIND: ClassVar[str]
    OPTIONS: ClassVar[Mapping[str, Any]] = {}  # JSON Schema properties of the kind's own keys
    REQUIRED: ClassVar[tuple[str, ...]] = ()
    BLOCKWISE: ClassVar[bool] = True  # findings in a block depend on that block alone

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        flags = 0 if rule.case_sensitive else regex.IGNORECASE
        self._exceptions = [regex.compile(p, flags | regex.V1) for p in rule.exceptions]
        trigger = rule.options.get("trigger")
        self.trigger = compile_pattern(trigger, rule.case_sensitive) if trigger else None

    @abstractmethod
    def run(self, block: Block) -> Iterator[Finding]:
        """Findings for one block of prose."""

    def run_document(self, blocks: Sequence[Block]) -> Iterator[tuple[int, Finding]]:
        """(block index, finding) for a whole document.

        Most kinds look at one block at a time; a kind that needs the whole article (the
        tense check compares paragraphs) overrides this instead.
        """
        for index in self.candidates(blocks):
            for finding in self.run(blocks[index]):
                yield index, finding

    def candidates(self, blocks: Sequence[Block]) -> list[int]:
        """The blocks in scope that may hold a finding; `run` skips the others.

        A speed path only. Most rule patterns start with a lookbehind or a letter class, and
        the `regex` engine then tries the whole pattern at every character (10-50 MB/s); a
        rule's `trigger` is a short pattern every finding needs, searched for once in the
        whole document rather than once per paragraph (a call costs as much as scanning
        a short paragraph).
        """
        scopes = self.rule.scopes
        if self.trigger is None:
            return [i for i, b in enumerate(blocks) if b.kind in scopes]
        hit = blocks_matching(self.trigger, [b.text if b.kind in scopes else "" for b in blocks])
        return [i for i in sorted(hit) if blocks[i].kind in scopes]

    def is_exception(self, text: str) -> bool:
        return any(p.fullmatch(text, timeout=MATCH_TIMEOUT) for p in self._exceptions)

    def finding(
        self,
        start: int,
        end: int,
        message: str | None = None,
        suggestions: tuple[str, ...] = (),
        *,
        safe: bool | None = None,
    ) -> Finding:
        rule = self.rule
        return Finding(
            start=start,
            end=end,
            rule=rule.id,
            message=message or rule.message,
            severity=rule.severity,
            category=rule.category,
            suggestions=suggestions,
            source=Source.NEWSLINT,
            safe_fix=rule.safe_fix if safe is None else safe,
        )


def compile_pattern(pattern: str, case_sensitive: bool = True) -> regex.Pattern[str]:
    """Rule patterns use the `regex` module: Unicode classes like \\p{Lu} and a match time limit."""
    flags = regex.V1 | (0 if case_sensitive else regex.IGNORECASE)
    return regex.compile(pattern, flags)


def finditer(
    pattern: regex.Pattern[str], text: str, *, overlapped: bool = False
) -> Iterator[regex.Match[str]]:
    """Like pattern.finditer, but a pathological pattern raises RuleTimeout instead of hanging."""
    try:
        limit = MATCH_TIMEOUT + len(text) / 1_000_000
        yield from pattern.finditer(text, overlapped=overlapped, timeout=limit)
    except TimeoutError:
        raise RuleTimeout("its pattern ran past the time limit on one paragraph") from None


def blocks_matching(pattern: regex.Pattern[str], texts: Sequence[str]) -> set[int]:
    """Indexes of the texts that a match of `pattern` overlaps, found in one pass.

    The texts are searched as one, each on lines of its own: a line break before the
    first, a blank line between two, one after the last. So a trigger sees a line break,
    never another paragraph's letter, next to a paragraph's edge (`\\n[ ]` finds a leading
    space) and must not use `\\A` or `\\Z`. After a hit the search goes on at the end of
    that text: one hit is enough. A paragraph with a match of its own is never missed: the
    search either tries that position or passes it inside a match overlapping it.
    """
    starts: list[int] = []
    position = 1
    for text in texts:
        starts.append(position)
        position += len(text) + 2
    joined = "\n" + "\n\n".join(texts) + "\n"
    limit = MATCH_TIMEOUT + len(joined) / 1_000_000
    hit: set[int] = set()
    position = 0
    while True:
        try:
            match = pattern.search(joined, position, timeout=limit)
        except TimeoutError:
            raise RuleTimeout("its trigger ran past the time limit") from None
        if match is None:
            return hit
        start, end = match.span()
        first = bisect.bisect_right(starts, start) - 1
        if first < 0 or start - (start == end) >= starts[first] + len(texts[first]):
            first += 1  # the match starts on a separating line break (or is empty at one)
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        if first > last:  # on line breaks only
            position = max(end, position + 1)
            continue
        hit.update(range(first, last + 1))
        if last + 1 >= len(texts):
            return hit
        position = max(end, starts[last] + len(texts[last]), position + 1)


class _Template(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def render(template: str, match: regex.Match[str] | None = None, **values: str) -> str:
    """Fill a message template: {match}, {replacement}, and the pattern's named groups."""
    fields = _Template(values)
    if match is not None:
        fields.setdefault("match", match.group(0))
        for name, value in match.groupdict().items():
            fields.setdefault(name, value or "")
    try:
        return template.format_map(fields)
    except (ValueError, IndexError):
        return template
