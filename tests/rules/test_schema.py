"""The shipped JSON Schema for rule files is the one the code validates with."""

from __future__ import annotations

import json

from newslint.packs.loader import shipped_packs_dir
from newslint.packs.schema import full_schema


def test_shipped_schema_is_current() -> None:
    shipped = json.loads((shipped_packs_dir() / "rule.schema.json").read_text(encoding="utf-8"))
    assert shipped == full_schema(), "run: newslint rules --schema > rules/rule.schema.json"
