"""`repetition`: the same word twice in a row ("im im"), a classic slip of editing.

Only words separated by nothing but spaces count, so "die, die" is never flagged. Some
doubles are grammatical: a relative pronoun followed by an article after a comma
("Menschen, die die Stadt verlassen"), or names like "Baden Baden"; both are configurable.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from newslint.checks.base import MATCH_TIMEOUT, Check, Rule, compile_pattern, render
from newslint.diagnostic import Finding
from newslint.document.model import Block

_WORD = r"\p{L}[\p{L}\p{M}'’]*"
_PAIR = (
    rf"(?<![\p{{L}}\p{{N}}\-])(?P<word>{_WORD})(?P<gap>[ \t\u00a0\n]+)"
    rf"(?P<again>{_WORD})(?![\p{{L}}\p{{N}}\-])"
)


class RepetitionCheck(Check):
    KIND = "repetition"
    OPTIONS: ClassVar[dict[str, Any]] = {
        "allowed_after_comma": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Words that may double after a comma (relative pronoun + article).",
        },
        "min_length": {"type": "integer", "minimum": 1, "description": "Shortest word to check."},
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.pattern = compile_pattern(_PAIR)
        self.after_comma = {w.lower() for w in rule.options.get("allowed_after_comma", ())}
        self.min_length: int = rule.options.get("min_length", 1)

    def run(self, block: Block) -> Iterator[Finding]:
        text = block.text
        position = 0
        while True:
            match = self.pattern.search(text, position, timeout=MATCH_TIMEOUT)
            if match is None:
                return
            # Step one word on, so "im im im" and overlapping pairs are all seen.
            position = match.start("again")
            word, again = match.group("word"), match.group("again")
            if not _same(word, again, self.rule.case_sensitive) or len(word) < self.min_length:
                continue
            span = match.group(0)
            if self.is_exception(span) or self.is_exception(word):
                continue
            if word.lower() in self.after_comma and _after_comma(text, match.start()):
                continue
            yield self.finding(
                match.start(), match.end(), render(self.rule.message, match), (word,)
            )


def _same(word: str, again: str, case_sensitive: bool) -> bool:
    if word == again:
        return True
    if word.lower() != again.lower():
        return False
    # "Die die" at a sentence start is still a double; otherwise case differences count.
    return not case_sensitive or (word[:1].isupper() and again[:1].islower())


def _after_comma(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\n":
        i -= 1
    return i >= 0 and text[i] == ","
