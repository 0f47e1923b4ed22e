"""The seed articles in ../shared: the known break is found, nothing else is reported.

Uses the suite's ``shared`` fixture, which skips when the folder is not there.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newslint.tense import BreakOptions, find_article_breaks


def _blocks(text: str) -> list[tuple[int, str, str]]:
    """(offset, text, kind) per blank-line-separated block; the first is the headline."""
    blocks = []
    for number, match in enumerate(re.finditer(r"[^\n]+(?:\n[^\n]+)*", text)):
        blocks.append((match.start(), match.group(), "headline" if number == 0 else "body"))
    return blocks


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _findings(shared: Path, name: str, options: BreakOptions) -> list[tuple[int, int, str]]:
    path = shared / "corpus" / "seeds" / "dirty" / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    text = path.read_text(encoding="utf-8")
    blocks = _blocks(text)
    results = find_article_breaks([(body, kind) for _start, body, kind in blocks], options)
    found = []
    for (start, body, _kind), breaks in zip(blocks, results, strict=True):
        for brk in breaks:
            line, col = _line_col(text, start + brk.span.start)
            found.append((line, col, brk.span.text(body)))
    return found


@pytest.mark.parametrize("scope", ["paragraph", "article"])
def test_seed_000_break_at_scheiterte(shared: Path, scope: str) -> None:
    found = _findings(shared, "000_aad4987ae0ccc8c2.txt", BreakOptions(scope=scope))
    assert found == [(39, 130, "scheiterte")]


@pytest.mark.parametrize("scope", ["paragraph", "article"])
def test_seed_003_has_no_break(shared: Path, scope: str) -> None:
    assert _findings(shared, "003_493087ad264865f7.txt", BreakOptions(scope=scope)) == []
