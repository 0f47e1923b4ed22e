"""`substitution`: a list of wrong → right forms, matched as whole words.

Case-aware: with `case: insensitive`, "Us präsident" still matches "US Präsident", and a
capitalised find keeps its capital in the suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
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


def _keep_case(found: str, target: str) -> str:
    if found[:1].isupper() and target[:1].islower():
        return target[:1].upper() + target[1:]
    return target
