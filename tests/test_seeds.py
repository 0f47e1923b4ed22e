"""Seed article 000, end to end through the CLI: every gold error of the YAML-rule classes,
at its exact line and column (the reference case of the project)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import cli

YAML_CLASSES = {
    "spelling",  # "schuen": the typo rule finds it without LanguageTool too
    "doubled_space",
    "trailing_whitespace",
    "stray_char",
    "joined_words",
    "quotes",
    "hyphenation",
    "tense",
    "capitalization",
    "comma",
}


def test_seed_000_yaml_rule_classes(shared: Path) -> None:
    seeds = shared / "corpus" / "seeds"
    article = seeds / "dirty" / "000_aad4987ae0ccc8c2.txt"
    gold = [json.loads(line) for line in (seeds / "gold.jsonl").read_text().splitlines()]
    expected = {
        (g["line"], g["column"], g["end_line"], g["end_column"])
        for g in gold
        if g["doc"] == article.name and g["class"] in YAML_CLASSES
    }
    result = CliRunner().invoke(
        cli, ["check", "--no-languagetool", "--format", "json", str(article)]
    )
    diagnostics = json.loads(result.stdout)["diagnostics"]
    found = {(d["line"], d["column"], d["end_line"], d["end_column"]) for d in diagnostics}
    assert len(expected) == 24
    assert expected <= found
    # Nothing else: the YAML rules report exactly the gold errors of their classes.
    assert found == expected
