"""Every example of every shipped rule, run through the same path a real check takes."""

from __future__ import annotations

import pytest

from newslint.checks.base import Rule
from newslint.document.plaintext import read_plain
from newslint.engine import lint_document
from newslint.packs.loader import compile_rule, load_pack, shipped_packs_dir

RULES = [
    rule
    for pack in sorted(shipped_packs_dir().iterdir())
    if pack.is_dir()
    for rule in load_pack(pack).rules
]


def _flagged(rule: Rule, text: str) -> list[str]:
    # Examples are paragraphs: read them as the body of a plain-text article.
    document = read_plain("example.txt", "Titel\n\n" + text)
    located, errors = lint_document(document, [compile_rule(rule)])
    assert not errors
    texts = []
    for index, finding in located:
        block = document.blocks[index]
        texts.append(block.text[finding.start : finding.end])
    return texts


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.id)
def test_rule_has_examples(rule: Rule) -> None:
    assert rule.fail, f"{rule.id} has no failing example"
    assert rule.passes, f"{rule.id} has no passing example"


@pytest.mark.parametrize(
    ("rule", "example"),
    [(rule, ex) for rule in RULES for ex in rule.fail],
    ids=lambda v: v.id if isinstance(v, Rule) else repr(v.text)[:40],
)
def test_fail_example_is_flagged_exactly(rule: Rule, example: object) -> None:
    assert _flagged(rule, example.text) == [example.match]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("rule", "example"),
    [(rule, ex) for rule in RULES for ex in rule.passes],
    ids=lambda v: v.id if isinstance(v, Rule) else repr(v.text)[:40],
)
def test_pass_example_is_not_flagged(rule: Rule, example: object) -> None:
    assert _flagged(rule, example.text) == []  # type: ignore[attr-defined]
