"""Rule kinds. Each kind is one module; this registry maps a rule file's `kind:` to its code.

Kinds are imported on first use so that a run that needs only a few pays only for those.
"""

from __future__ import annotations

import importlib

from newslint.checks.base import Check

_KINDS: dict[str, str] = {
    "pattern": "newslint.checks.pattern:PatternCheck",
    "substitution": "newslint.checks.substitution:SubstitutionCheck",
    "pairs": "newslint.checks.pairs:PairsCheck",
    "repetition": "newslint.checks.repetition:RepetitionCheck",
    "tense": "newslint.checks.tense:TenseCheck",
    "capitalization": "newslint.checks.capitalization:CapitalizationCheck",
    "joined-verb": "newslint.checks.joinedverb:JoinedVerbCheck",
    "typo": "newslint.checks.typo:TypoCheck",
}


def kinds() -> list[str]:
    return sorted(_KINDS)


def check_class(kind: str) -> type[Check]:
    """The Check class for a kind; KeyError for an unknown kind."""
    module_name, _, class_name = _KINDS[kind].partition(":")
    cls: type[Check] = getattr(importlib.import_module(module_name), class_name)
    return cls
