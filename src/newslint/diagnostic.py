"""The one result type every check produces and every formatter consumes.

Checks work in document coordinates (offsets into a block's lintable text) and produce
`Finding`s; the engine maps them once, through the block's source map, to `Diagnostic`s in
source coordinates. Formatters never see offsets, only 1-based lines and code-point columns.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

# Rule ids for problems of the run itself rather than of the text: a file that could not be
# read, a rule that had to be stopped, a check (LanguageTool) that could not complete.
READ_ERROR_RULE = "newslint.read-error"
RULE_ERROR_RULE = "newslint.rule-error"
CHECK_ERROR_RULE = "newslint.check-error"
TOOL_ERROR_RULES = frozenset({READ_ERROR_RULE, RULE_ERROR_RULE, CHECK_ERROR_RULE})


class Severity(enum.IntEnum):
    """Ordered so that `>=` means "at least as severe"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> Severity:
        try:
            return cls[name.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {name!r} (error, warning or info)") from None

    def __str__(self) -> str:
        return self.name.lower()


class Source(enum.StrEnum):
    """Who found it: editors trust the two differently, so formats keep them apart."""

    NEWSLINT = "newslint"
    LANGUAGETOOL = "languagetool"


@dataclass(frozen=True, slots=True)
class Finding:
    """What a check reports, in offsets of the block text it was given (end exclusive)."""

    start: int
    end: int
    rule: str
    message: str
    severity: Severity
    category: str
    suggestions: tuple[str, ...] = ()
    source: Source = Source.NEWSLINT
    safe_fix: bool = False


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """A finding placed in the source: 1-based line and column (code points), end exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str = field(compare=True)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    category: str = field(compare=False, default="")
    suggestions: tuple[str, ...] = field(compare=False, default=())
    source: Source = field(compare=False, default=Source.NEWSLINT)
    # Source offsets (code points into the decoded file) for --fix; not part of any output format.
    offset: int = field(compare=False, default=-1)
    end_offset: int = field(compare=False, default=-1)
    safe_fix: bool = field(compare=False, default=False)
