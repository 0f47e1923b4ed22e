"""Triggers are a speed path only: with them a rule finds exactly what it finds without.

A rule's `trigger` (the substitution kind's fixed text per key, the repetition kind's
neighbouring words) lets a paragraph be skipped before its full pattern runs; a trigger is
searched for once per document. A wrong one would silently lose findings, so every shipped
rule is run both ways over real articles: the project's own fixtures always, the evaluation
corpora where `../shared` is present.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

import pytest
from tests.conftest import shared_dir

from newslint.checks.base import Check, Rule, blocks_matching, compile_pattern
from newslint.checks.substitution import required_text
from newslint.diagnostic import Finding
from newslint.document.model import Block, Document
from newslint.document.reader import parse
from newslint.engine import lint_document
from newslint.packs.loader import compile_rule, load_pack, shipped_packs_dir

RULES = [rule for rule in load_pack(shipped_packs_dir() / "de-news").rules]
TRIGGERED = [r for r in RULES if "trigger" in r.options or r.kind in ("substitution", "repetition")]

# Paragraphs that come close to each trigger's edge: block starts, line ends, no-break spaces.
OWN_TEXT = """Titel mit  Lücke

r Kim kam heute.

Der Regierungschef r Kim kam.

Sie kam  zu spät.

Er kam zu spät ,sagte er.Dann ging er.

Die Zeile endet mit Leerzeichen \u00a0
und geht weiter.

Hier fehlt fürKim etwas.

InAbstimmung mit YouTube und McDonald.

Das ist der Standart.

Die Vorraussetzung fehlt, ein Wiederspruch , entgültig.

STANDART und standart und Standarts gibt es auch.

 Ein Absatz mit Leerzeichen davor und	Tabulator, (Klammer und „Zitat.

Ein unsicht​bares Zeichen.Und ein Satz ohne Lücke.

Er betonte dass es regnet und dass es schneit. Das ist insofern neu als es gilt.

Den Focus auf Wien legen.

Er kam im (im Mai) und „Die die“ Wahl-wahl hin.

a) Erstens und b) zweitens, z. B. hier. Er sagte: „Das ist y gut.“ à la carte

Zuden Anträgen kam einer. Zudem kam keiner. Ineinem Fall (Mitder Zeit) nicht.
"""


class _EveryBlock:
    """A rule's check run on every block in scope: no trigger, no shortcut."""

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self._check = compile_rule(rule)

    def run_document(self, blocks: Sequence[Block]) -> Iterator[tuple[int, Finding]]:
        for index, block in enumerate(blocks):
            if block.kind in self.rule.scopes:
                for finding in self._check.run(block):
                    yield index, finding


def _findings(document: Document, check: Check | _EveryBlock) -> list[tuple[int, int, int, str]]:
    located, errors = lint_document(document, [check])  # type: ignore[list-item]
    assert not errors
    return [(i, f.start, f.end, f.message) for i, f in located]


def _documents() -> list[Document]:
    documents = [parse("own.txt", OWN_TEXT), parse("own.md", "# " + OWN_TEXT)]
    shared = shared_dir()
    if shared is not None:
        for folder in ("corpus/dev/dirty", "corpus/dev/clean", "corpus/seeds/dirty"):
            for path in sorted((shared / folder).glob("*.*"))[:60]:
                if path.suffix in (".txt", ".md"):
                    documents.append(parse(str(path), path.read_text(encoding="utf-8")))
    return documents


@pytest.mark.parametrize("rule", TRIGGERED, ids=lambda r: r.id)
def test_trigger_loses_no_finding(rule: Rule) -> None:
    fast, slow = compile_rule(rule), _EveryBlock(rule)
    total = 0
    for document in _documents():
        expected = _findings(document, slow)
        assert _findings(document, fast) == expected, document.path
        total += len(expected)
    assert total > 0, "the texts must give the rule something to find"


def test_own_text_gives_every_triggered_rule_a_finding() -> None:
    document = parse("own.txt", OWN_TEXT)
    found = {rule.id for rule in TRIGGERED if _findings(document, compile_rule(rule))}
    assert found == {rule.id for rule in TRIGGERED}


def test_triggers_skip_most_paragraphs_of_a_clean_article() -> None:
    document = parse("clean.txt", "Titel\n\nDer Kanzler sprach am Montag in Wien.\n")
    skipped = [r.id for r in TRIGGERED if not compile_rule(r).candidates(document.blocks)]
    assert skipped == [r.id for r in TRIGGERED]


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("[Ww]iederspruch", "iederspruch"),
        ("Vorraussetzung(en)?", "Vorraussetzung"),
        ("[Ee]ntgültig(e|en|er|es|em)?", "ntgültig"),
        ("Standarts?", "Standart"),
        ("zu Ende", "zu Ende"),
        ("ab{2}cd", "cd"),
        ("x.yz", "yz"),
        ("[]x]yz", "yz"),
        ("[^]x]yz", "yz"),
        ("a|b", None),  # no text every match shares
        (r"\bfoo", None),  # escapes are not read
        ("(?i)foo", None),  # nor inline flags
        ("[[:alpha:]]ab", None),  # nor nested sets
        ("[[a-z]--[aeiou]]xy", None),
        ("(foo", None),
    ],
)
def test_required_text_of_a_swap_key(key: str, text: str | None) -> None:
    assert required_text(key) == text


def test_substitution_without_fixed_text_reads_every_paragraph() -> None:
    rule = next(r for r in RULES if r.kind == "substitution")
    options = {**rule.options, "swap": {**rule.options["swap"], r"\w+lich": "x"}}
    check = compile_rule(replace(rule, options=options))
    assert _reads(check, "Nichts davon.")


def test_case_insensitive_fixed_text_folds_case() -> None:
    rule = next(r for r in RULES if r.kind == "substitution")
    check = compile_rule(replace(rule, case_sensitive=False))
    assert _reads(check, "DER STANDART")
    assert _reads(check, "Die VORRAUSSETZUNG")
    assert not _reads(check, "Der Standard")


def _reads(check: Check, paragraph: str) -> bool:
    """Whether the check runs on `paragraph` (the second block, after a headline)."""
    return 1 in check.candidates(parse("t.txt", f"Titel\n\n{paragraph}\n").blocks)


def test_tense_kind_has_no_trigger(tmp_path: Path) -> None:
    from newslint.packs.schema import kind_schema

    assert "trigger" not in kind_schema("tense")["properties"]
    assert "trigger" in kind_schema("pattern")["properties"]


@pytest.mark.parametrize(
    ("trigger", "texts", "hit"),
    [
        (r"\n[ ]", [" a", "b", " c"], {0, 2}),  # a leading space, also in the first text
        (r"[ ]\n", ["a ", "b", "c "], {0, 2}),  # a trailing space, also in the last text
        (r"x", ["x", "", "axa", "b"], {0, 2}),
        (r"(?=b)", ["a", "b"], {1}),  # an empty match counts for the text it is in
        (r"a\s+b", ["xa", "bx"], {0, 1}),  # a match across texts marks both
        (r"\n\n", ["a", "b"], set()),  # a match on line breaks only marks none
        (r"x", ["x", "x", "x"], {0, 1, 2}),  # after a hit, the next text is searched
        (r"zz", ["a", "b"], set()),
        (r"a", [], set()),
    ],
)
def test_blocks_matching(trigger: str, texts: list[str], hit: set[int]) -> None:
    assert blocks_matching(compile_pattern(trigger), texts) == hit


def test_a_paragraph_edge_looks_like_a_line_break_to_a_trigger() -> None:
    """No letter of the next paragraph is ever next to a paragraph's edge."""
    assert blocks_matching(compile_pattern(r"(?<!\p{L})r[ ]"), ["Anfang", "r Kim"]) == {1}
    assert blocks_matching(compile_pattern(r"Ende(?!\p{L})"), ["Das Ende", "Wort"]) == {0}
