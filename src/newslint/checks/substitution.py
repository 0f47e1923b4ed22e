"""`substitution`: a list of wrong → right forms, matched as whole words.

Case-aware: with `case: insensitive`, "Us präsident" still matches "US Präsident", and a
capitalised find keeps its capital in the suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any, ClassVar

from newslint.checks.base import Check, Rule, compile_pattern, finditer, render
from newslint.diagnostic import Finding
from newslint.document.model import Block


class SubstitutionCheck(Check):
    KIND = "substitution"
    OPTIONS: ClassVar[dict[str, Any]] = {
        "swap": {
            "type": "object",
            "additionalProperties": {"type": "string"},
            "minProperties": 1,
            "description": "wrong: right. Keys are regular expressions matched as whole words.",
        },
    }
    REQUIRED = ("swap",)

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        swap: Mapping[str, str] = rule.options["swap"]
        self._targets = list(swap.values())
        self._keys = [compile_pattern(key, rule.case_sensitive) for key in swap]
        alternatives = "|".join(f"(?P<s{i}>{key})" for i, key in enumerate(swap))
        self.pattern = compile_pattern(
            rf"(?<![\p{{L}}\p{{N}}-])(?:{alternatives})(?![\p{{L}}\p{{N}}])", rule.case_sensitive
        )
        fragments = [required_text(key) for key in swap]
        self._fragments: tuple[str, ...] | None = None
        self._fold = str if rule.case_sensitive else str.casefold
        if all(fragments):  # else some key needs no fixed text: every paragraph is read
            self._fragments = tuple(sorted({self._fold(f) for f in fragments if f}, key=len))

    def candidates(self, blocks: Sequence[Block]) -> list[int]:
        """Only paragraphs containing one key's fixed text: a plain substring search (C speed)
        instead of the long alternation, which the `regex` engine tries at every letter."""
        found = super().candidates(blocks)
        if self._fragments is None:
            return found
        return [i for i in found if _contains_any(self._fold(blocks[i].text), self._fragments)]

    def run(self, block: Block) -> Iterator[Finding]:
        for match in finditer(self.pattern, block.text):
            found = match.group(0)
            if self.is_exception(found):
                continue
            index = int(
                next(
                    name
                    for name, value in match.groupdict().items()
                    if value is not None and name.startswith("s")
                )[1:]
            )
            key_match = self._keys[index].fullmatch(found)
            target = key_match.expand(self._targets[index]) if key_match else self._targets[index]
            target = _keep_case(found, target)
            if target == found:
                continue
            yield self.finding(
                match.start(),
                match.end(),
                render(self.rule.message, match, replacement=target),
                (target,),
            )


_SPECIAL = frozenset(".^$*+?{}[]()|\\")
_QUANTIFIERS = frozenset("?*+{")


def required_text(key: str) -> str | None:
    """The longest run of plain characters that every match of `key` contains, or None.

    Reads only a safe subset of the syntax: plain characters, `[...]` classes and `(...)`
    groups (which end a run), and quantifiers (which take back the character before them).
    A key with an escape, an inline flag or a top-level `|` gives None: no shortcut.
    """
    if "\\" in key or "(?" in key:
        return None
    best, run, i = "", "", 0
    while i < len(key):
        char = key[i]
        if char == "[":
            start = i + 1 + key.startswith("^", i + 1)
            start += key.startswith("]", start)  # a `]` right after `[` or `[^` is a member
            end = key.find("]", start)
            if end < 0 or "[" in key[start:end]:  # nested sets ([[:alpha:]], V1 set operations)
                return None
            i, run = end + 1, ""
        elif char == "(":
            depth, i = 1, i + 1
            while i < len(key) and depth:
                depth += {"(": 1, ")": -1}.get(key[i], 0)
                i += 1
            if depth:
                return None
            run = ""
        elif char in _QUANTIFIERS:
            run = run[:-1]  # "Standarts?": the t may be missing
            if char == "{":
                close = key.find("}", i)
                if close < 0:
                    return None
                i = close
            i += 1
            best = max(best, run, key=len)
            run = ""
        elif char in _SPECIAL:  # | . ^ $ ) ] }
            if char == "|":
                return None
            i, run = i + 1, ""
        else:
            run += char
            i += 1
            if i == len(key) or key[i] not in _QUANTIFIERS:
                best = max(best, run, key=len)
    return best or None


def _keep_case(found: str, target: str) -> str:
    if found[:1].isupper() and target[:1].islower():
        return target[:1].upper() + target[1:]
    return target


def _contains_any(text: str, fragments: Sequence[str]) -> bool:
    return any(fragment in text for fragment in fragments)
