"""The JSON Schema of a rule file: common keys here, each kind's own keys from its module.

`newslint rules --schema` prints the combined schema, so editors can validate rule files as
authors type; the copy shipped in `rules/rule.schema.json` is kept equal to it by a test.
"""

from __future__ import annotations

from typing import Any

from newslint.checks import check_class, kinds
from newslint.document.model import BlockKind

_SCOPES = "|".join(kind.value for kind in BlockKind)

COMMON: dict[str, Any] = {
    "kind": {"type": "string", "description": "The rule kind (the code that runs this rule)."},
    "message": {"type": "string", "minLength": 1, "description": "Shown to the editor; German."},
    "description": {
        "type": "string",
        "minLength": 1,
        "description": "One line: what the rule finds.",
    },
    "severity": {"enum": ["error", "warning", "info"]},
    "category": {"type": "string", "pattern": "^[a-z][a-z_-]*$"},
    "scope": {
        "description": "Block kinds the rule applies to; `!kind` excludes one.",
        "oneOf": [
            {"type": "string", "pattern": f"^!?({_SCOPES})$"},
            {"type": "array", "items": {"type": "string", "pattern": f"^!?({_SCOPES})$"}},
        ],
    },
    "case": {"enum": ["sensitive", "insensitive"]},
    "quotes": {"enum": ["check", "skip"], "description": "skip: no findings inside direct quotes."},
    "safe_fix": {"type": "boolean", "description": "The suggestion may be applied by --fix."},
    "exceptions": {
        "type": "array",
        "items": {"type": "string"},
        "description": "Flagged texts that are fine (regular expressions, matched whole).",
    },
    "trigger": {
        "type": "string",
        "minLength": 1,
        "description": (
            "For speed only: a short regular expression that every finding's paragraph"
            " contains; paragraphs without it are skipped. Searched once per article, each"
            " paragraph on lines of its own (use \\n, not \\A or \\Z, for its edges)."
            " Each fail example must contain it."
        ),
    },
    "link": {"type": "string", "description": "Where to read more."},
    "examples": {
        "type": "object",
        "additionalProperties": False,
        "required": ["fail", "pass"],
        "properties": {
            "fail": {
                "type": "array",
                "minItems": 1,
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["text", "match"],
                    "properties": {"text": {"type": "string"}, "match": {"type": "string"}},
                },
            },
            "pass": {"type": "array", "minItems": 1, "items": {"type": "string"}},
        },
    },
}
REQUIRED_COMMON = ["kind", "message", "description", "category", "examples"]


def kind_schema(kind: str) -> dict[str, Any]:
    cls = check_class(kind)
    return {
        "type": "object",
        "additionalProperties": False,
        "required": REQUIRED_COMMON + list(cls.REQUIRED),
        "properties": {
            **{k: v for k, v in COMMON.items() if cls.BLOCKWISE or k != "trigger"},
            **cls.OPTIONS,
            "kind": {"const": kind},
        },
    }


def full_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newslint.invalid/rule.schema.json",
        "title": "newslint rule file",
        "type": "object",
        "required": ["kind"],
        "properties": {"kind": {"enum": kinds()}},
        "allOf": [
            {"if": {"properties": {"kind": {"const": kind}}}, "then": kind_schema(kind)}
            for kind in kinds()
        ],
    }
