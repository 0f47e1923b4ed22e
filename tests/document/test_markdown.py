"""Markdown source maps: every finding must land on the exact line and column of the source."""

from __future__ import annotations

from newslint.document.markdown import read_markdown
from newslint.document.model import BlockKind, Document


def _where(doc: Document, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """Source position of a piece of *block* text, found through the source map."""
    seen = 0
    for block in doc.blocks:
        start = block.text.find(needle)
        while start >= 0:
            if seen == occurrence:
                return doc.position(block.source_map.to_source(start))
            seen += 1
            start = block.text.find(needle, start + 1)
    raise AssertionError(f"{needle!r} not in any block")


def _blocks(doc: Document) -> list[tuple[str, str]]:
    return [(b.kind.value, b.text) for b in doc.blocks]


def test_front_matter_code_and_html_are_not_prose() -> None:
    source = (
        "---\ntitle: Ein  Titel\ntags: [wirtschaft, rechner]\n---\n\n"
        "# Überschrift\n\n"
        "Text mit `code  span` und <!-- Kommentar --> Ende.\n\n"
        '```json\n{"a":  1}\n```\n\n'
        "    eingerückter  Code\n\n"
        "<div>roher  HTML-Block</div>\n"
    )
    doc = read_markdown("a.md", source)
    assert _blocks(doc) == [
        ("headline", "Überschrift"),
        ("paragraph", "Text mit `code  span` und <!-- Kommentar --> Ende."),
    ]
    paragraph = doc.blocks[1]
    code_start = paragraph.text.index("`")
    assert paragraph.is_masked(code_start + 5, code_start + 7)
    assert not paragraph.is_masked(0, 4)


def test_link_text_is_prose_and_target_is_gone() -> None:
    doc = read_markdown("a.md", "Siehe [die  Studie](https://example.org/a_b?x=1) hier.\n")
    assert _blocks(doc) == [("paragraph", "Siehe die  Studie hier.")]
    assert _where(doc, "  Studie") == (1, 11)
    assert _where(doc, " hier") == (1, 49)


def test_emoji_soft_hyphen_nbsp_and_quotes_keep_columns() -> None:
    source = "# Titel\n\nDas 😀 ist Zu\u00adcker,\u00a0sagte „sie“ und  ging.\n"
    doc = read_markdown("a.md", source)
    # Columns count code points: the emoji is one column.
    assert _where(doc, "ist") == (3, 7)
    assert _where(doc, "sagte") == (3, 20)
    assert _where(doc, "„sie“") == (3, 26)
    assert _where(doc, "  ging") == (3, 35)


def test_crlf_and_soft_breaks() -> None:
    source = "# Titel\r\n\r\nErste Zeile\r\nzweite  Zeile\r\n"
    doc = read_markdown("a.md", source)
    assert _blocks(doc) == [("headline", "Titel"), ("paragraph", "Erste Zeile\nzweite  Zeile")]
    assert _where(doc, "  Zeile") == (4, 7)
    assert _where(doc, "\n") == (3, 12)


def test_lists_quotes_tables_and_headings_are_blocks() -> None:
    source = (
        "# Titel\n\n"
        "## Zwischentitel\n\n"
        "- Punkt  eins\n- Punkt zwei\n\n"
        "> Ein  Zitat\n> geht weiter\n\n"
        "| Spalte | Wert  hier |\n|---|---|\n| a | b  c |\n"
    )
    doc = read_markdown("a.md", source)
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [
        BlockKind.HEADLINE,
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.QUOTE,
        BlockKind.TABLE_CELL,
        BlockKind.TABLE_CELL,
        BlockKind.TABLE_CELL,
        BlockKind.TABLE_CELL,
    ]
    assert _where(doc, "  eins") == (5, 8)
    assert _where(doc, "  Zitat") == (8, 6)
    assert _where(doc, "geht") == (9, 3)
    assert _where(doc, "  hier") == (11, 16)
    assert _where(doc, "  c") == (13, 8)


def test_emphasis_escapes_and_entities() -> None:
    doc = read_markdown("a.md", "Ein *betontes*  Wort, \\*kein\\* Stern &amp; Ende.\n")
    assert _blocks(doc) == [("paragraph", "Ein betontes  Wort, *kein* Stern & Ende.")]
    assert _where(doc, "  Wort") == (1, 15)
    assert _where(doc, "Stern") == (1, 32)
    assert _where(doc, "Ende") == (1, 44)


def test_directives_are_collected_with_lines() -> None:
    source = "# T\n\n<!-- newslint-disable de-news.quotes -->\n\nText\n<!-- newslint-enable -->\n"
    doc = read_markdown("a.md", source)
    actions = [(d.action, d.rules, d.line) for d in doc.directives]
    assert actions == [("disable", ("de-news.quotes",), 3), ("enable", (), 6)]


def test_urls_in_text_are_masked() -> None:
    doc = read_markdown("a.md", "Mehr unter www.allinrechner.at oder https://x.org/a_b.\n")
    block = doc.blocks[0]
    www = block.text.index("www")
    assert block.is_masked(www, www + 3)
    assert block.text[block.masked[-1][0] : block.masked[-1][1]] == "https://x.org/a_b"


def test_unterminated_front_matter_is_markdown() -> None:
    doc = read_markdown("a.md", "---\ntitle: x\n\nText hier.\n")
    assert ("paragraph", "Text hier.") in _blocks(doc)


def test_inline_directive_line_with_cr_line_endings() -> None:
    source = "# T\r\rText <!-- newslint-disable-next-line --> hier.\rNoch  mehr.\r"
    doc = read_markdown("a.md", source)
    assert [(d.action, d.line) for d in doc.directives] == [("disable-next-line", 3)]


def test_paragraph_starting_with_a_no_break_space_keeps_every_character() -> None:
    """markdown-it strips U+00A0 like a space; the block used to start one character early
    and lose its last one ("Tex"), found by tests/robustness/test_properties.py."""
    for prefix in ("", "> ", "- "):
        source = f"Titel\n\n{prefix}\u00a0Der  Text <!-- x -->\n"
        doc = read_markdown("a.md", source)
        block = doc.blocks[-1]
        assert block.text == "\u00a0Der  Text <!-- x -->"
        assert all(
            source[block.source_map.to_source(i)] == char for i, char in enumerate(block.text)
        )


def test_paragraph_opened_by_a_line_of_no_break_spaces() -> None:
    """Such a line is not blank to CommonMark but markdown-it strips it from the content:
    the content's first line is the next source line, not this one."""
    source = "\u00a0\nDer Text <!-- x -->\nzweite  Zeile\n"
    block = read_markdown("a.md", source).blocks[0]
    assert block.text.endswith("Der Text <!-- x -->\nzweite  Zeile")
    assert all(
        source[block.source_map.to_source(i)] == char
        for i, char in enumerate(block.text)
        if char != "\n"
    )
