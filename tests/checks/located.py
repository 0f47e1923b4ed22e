"""Findings of one check on an article, as an editor sees them: line, column, text."""

from __future__ import annotations

from newslint.checks.base import Check
from newslint.document.reader import parse
from newslint.engine import lint_document, to_diagnostic

Located = tuple[int, int, str, tuple[str, ...]]


def located_findings(check: Check, text: str) -> list[Located]:
    """(line, column, flagged text, suggestions) for each finding in an article with the
    headline "Titel" on line 1 and `text` from line 3."""
    document = parse("artikel.txt", "Titel\n\n" + text)
    located, errors = lint_document(document, [check])
    assert not errors
    out = []
    for i, finding in located:
        block = document.blocks[i]
        d = to_diagnostic(document, block, finding)
        out.append((d.line, d.column, block.text[finding.start : finding.end], d.suggestions))
    return out
