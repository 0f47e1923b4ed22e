"""Property tests over generated articles (YAML rules only, no LanguageTool).

The texts mix German words, Unicode spaces (U+00A0, U+202F, tabs), quotation marks „“‚‘»«,
emoji (also joined by ZWJ), soft hyphens, all three line endings and Markdown markup. For
every text: each block character maps to the same character in the source; every finding
lies inside the file at the position of the text it describes; `--fix` changes only what
it reports and a second `--fix` changes nothing; no exception escapes.

The suite runs a small budget. A longer run:
`NEWSLINT_FUZZ_EXAMPLES=20000 python -m pytest tests/robustness/test_properties.py`
(or `python scripts/fuzz.py`).
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newslint import engine, fix
from newslint.cli import cli
from newslint.config import load_config
from newslint.diagnostic import Severity
from newslint.document.model import Document
from newslint.document.reader import UnreadableFile, decode, parse
from newslint.engine import FileResult, Settings
from newslint.ruleset import build_ruleset
from newslint.run import MAX_FIX_PASSES

EXAMPLES = int(os.environ.get("NEWSLINT_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

WORDS = [
    "Der", "die", "das", "Bundesregierung", "hat", "am", "Montag", "beschlossen", "dass",
    "Kinder", "spielen", "US", "Präsident", "sagte", "Straße", "Über", "äußerst", "ist",
    "war", "gestern", "heute", "Kim", "für", "fürKim", "schuen", "Haus", "haus", "a", "e",
    "der", "der", "Corona", "Krise", "z.B.", "Dr.", "3.", "1.000", "%", "€", "Mio.",
]  # fmt: skip
SPACES = [" ", " ", " ", "  ", "\u00a0", "\u202f", "\t", " \u00a0", "\u2009"]
PUNCTUATION = [".", ",", "!", "?", ":", ";", " ,", " .", "(", ")", "-", "–", "—", "…", "'"]
QUOTES = ["„", "“", "‚", "‘", "»", "«", '"', "”"]
ODD = ["😀", "👩\u200d👩\u200d👧", "\u00ad", "Zu\u00adcker", "\u200b", "é", "ß", "İ", "ﬁ"]
BREAKS = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\n\n\n"]
MARKUP = [
    "# ", "## ", "**", "*", "_", "`", "`code  x`", "[Link](https://example.org/a  b)",
    "<https://example.org>", "> ", "- ", "1. ", "<!-- Kommentar -->", "<span>", "</span>",
    "\n```\nCode  hier\n```\n", "\n---\n", "\n| a | b |\n|---|---|\n| c  d | e |\n",
    "\\*", "&amp;", "&nbsp;", "![Bild](x.png)", "  \n", "\\\n", "<!-- newslint-disable -->",
    "<!-- newslint-enable -->", "<!-- newslint-disable-next-line -->\n",
]  # fmt: skip

PROSE = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(SPACES),
        st.sampled_from(PUNCTUATION),
        st.sampled_from(QUOTES),
        st.sampled_from(ODD),
        st.sampled_from(BREAKS),
    ),
    max_size=60,
).map("".join)
MARKDOWN = st.lists(st.one_of(PROSE, st.sampled_from(MARKUP)), max_size=12).map("".join)
FRONT = st.sampled_from(["", "---\ntitle: Test\n---\n", "---\ntitle: x\n"])
ARTICLE = st.tuples(FRONT, MARKDOWN).map("".join)


@cache
def _settings() -> Settings:
    config = load_config(None)
    return Settings(config, build_ruleset(config), Severity.INFO)


def _lint(name: str, text: str) -> FileResult:
    decoded = decode(text.encode("utf-8"))
    result = FileResult(name, document=parse(name, decoded.text), decoded=decoded)
    return engine.run([result], _settings())[0]


def _same_char(text_char: str, source: str, at: int) -> bool:
    """A block character copies its source character; a synthetic newline stands for a line
    break (or hard-break marker) and a decoded entity or escape points at its `&` or `\\`."""
    actual = source[at] if at < len(source) else ""
    if actual == text_char:
        return True
    return (text_char == "\n" and actual in "\r\n \\") or actual in "&\\"


@FUZZ
@given(text=ARTICLE, markdown=st.booleans())
def test_every_block_character_maps_to_its_source_character(text: str, markdown: bool) -> None:
    document = parse("a.md" if markdown else "a.txt", text)
    for block in document.blocks:
        for i, char in enumerate(block.text):
            at = block.source_map.to_source(i)
            assert _same_char(char, text, at), (i, char, at, block.text, text)


def _position(source: str, offset: int) -> tuple[int, int]:
    """1-based line and column, counted independently of the Document's line table."""
    before = source[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    line_start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - line_start + 1


def _check_findings(document: Document, result: FileResult) -> None:
    source = document.source
    for d in result.diagnostics:
        if d.rule.startswith("newslint."):
            raise AssertionError(f"error diagnostic on generated text: {d}")
        assert 0 <= d.offset <= d.end_offset <= len(source), d
        assert (d.line, d.column) == _position(source, d.offset), d
        assert (d.end_line, d.end_column) == _position(source, d.end_offset), d


@FUZZ
@given(text=ARTICLE, markdown=st.booleans())
def test_findings_lie_inside_the_file_at_the_text_they_describe(text: str, markdown: bool) -> None:
    name = "a.md" if markdown else "a.txt"
    result = _lint(name, text)
    assert result.document is not None
    _check_findings(result.document, result)
    located, errors = engine.lint_document(result.document, _settings().ruleset.checks)
    assert errors == []
    for index, finding in located:
        block = result.document.blocks[index]
        assert 0 <= finding.start <= finding.end <= len(block.text)
        start, end = block.source_map.span_to_source(finding.start, finding.end)
        if finding.end > finding.start:  # the span's first and last characters are the text's
            assert _same_char(block.text[finding.start], text, start)
            assert _same_char(block.text[finding.end - 1], text, end - 1)


@FUZZ
@given(text=ARTICLE, markdown=st.booleans())
def test_fix_changes_only_what_it_reports(text: str, markdown: bool) -> None:
    name = "a.md" if markdown else "a.txt"
    result = _lint(name, text)
    edits = fix.plan(result.diagnostics)
    fixable = {(d.offset, d.end_offset, d.suggestions[0]) for d in result.diagnostics if d.safe_fix}
    assert all((e.start, e.end, e.replacement) in fixable for e in edits)
    fixed = fix.apply(text, edits)
    assert _without_replacements(fixed, edits) == _without_spans(text, edits)


@FUZZ
@given(text=ARTICLE, markdown=st.booleans())
def test_fix_passes_reach_a_fixed_point(text: str, markdown: bool) -> None:
    """`--fix` repeats passes until nothing is left; the pass limit must never be what stops it."""
    name = "a.md" if markdown else "a.txt"
    for _ in range(MAX_FIX_PASSES):
        edits = fix.plan(_lint(name, text).diagnostics)
        if not edits:
            return
        text = fix.apply(text, edits)
    assert fix.plan(_lint(name, text).diagnostics) == [], text


@settings(FUZZ, max_examples=max(10, EXAMPLES // 10))  # ~0.4 s per example: two CLI runs
@given(text=ARTICLE, markdown=st.booleans())
def test_fix_is_idempotent_through_the_cli(
    text: str, markdown: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("fix") / ("a.md" if markdown else "a.txt")
    path.write_bytes(text.encode("utf-8"))
    first = CliRunner().invoke(cli, ["check", "--no-languagetool", "--fix", "-q", str(path)])
    assert first.exit_code in (0, 1), first.output
    once = path.read_bytes()
    second = CliRunner().invoke(cli, ["check", "--no-languagetool", "--fix", "-q", str(path)])
    assert (second.exit_code, second.stdout) == (first.exit_code, first.stdout)
    assert "fixed" not in second.stderr
    assert path.read_bytes() == once


def _without_spans(text: str, edits: list[fix.Edit]) -> str:
    """`text` without the spans the edits replace."""
    parts, position = [], 0
    for edit in edits:
        parts.append(text[position : edit.start])
        position = edit.end
    parts.append(text[position:])
    return "".join(parts)


def _without_replacements(fixed: str, edits: list[fix.Edit]) -> str:
    """`fixed` with each edit's replacement cut out again (positions shift as edits apply)."""
    parts, shift, position = [], 0, 0
    for edit in edits:
        start = edit.start + shift
        parts.append(fixed[position:start])
        position = start + len(edit.replacement)
        shift += len(edit.replacement) - (edit.end - edit.start)
    parts.append(fixed[position:])
    return "".join(parts)


@FUZZ
@given(data=st.binary(max_size=300) | ARTICLE.map(lambda t: t.encode("utf-8")))
def test_no_exception_escapes_for_any_bytes(data: bytes) -> None:
    try:
        decoded = decode(data)
    except UnreadableFile:
        return
    for name in ("a.md", "a.txt"):
        result = FileResult(name, document=parse(name, decoded.text), decoded=decoded)
        engine.run([result], _settings())


def test_reader_sees_files_as_the_cli_does(tmp_path: Path) -> None:
    """The properties use decode + parse directly; engine.read is the same two steps."""
    path = tmp_path / "a.md"
    path.write_bytes(b"# Titel\r\n\r\nText  hier.\r\n")
    result = engine.read(path, "a.md")
    assert result.document is not None and result.decoded is not None
    assert result.document.source == decode(path.read_bytes()).text
