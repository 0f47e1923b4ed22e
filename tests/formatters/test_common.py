"""Shared helpers: paths and URIs as CI systems expect them."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.formatters import line_text_from_sources
from newslint.formatters._common import (
    absolute_file_uri,
    directory_uri,
    relative_uri,
    report_path,
    suggestion_note,
)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("artikel/a.md", "artikel/a.md"),
        ("./artikel/a.md", "artikel/a.md"),
        ("artikel\\a.md", "artikel/a.md"),
        ("/project/artikel/a.md", "artikel/a.md"),
        ("/elsewhere/a.md", "/elsewhere/a.md"),
    ],
)
def test_report_path(path: str, expected: str) -> None:
    assert report_path(path, Path("/project")) == expected


def test_uris() -> None:
    assert relative_uri("artikel/Über blick#1.md") == "artikel/%C3%9Cber%20blick%231.md"
    assert absolute_file_uri("/a b/c.md") == "file:///a%20b/c.md"
    assert absolute_file_uri("C:\\x y\\c.md") == "file:///C:/x%20y/c.md"
    assert directory_uri(Path("/project")) == "file:///project/"


def test_suggestion_note() -> None:
    assert suggestion_note(()) == ""
    assert suggestion_note(("\u00a0",)) == ' [suggestion: "\u00a0"]'
    assert suggestion_note(("", "a", "b", "c")) == ' [suggestions: (delete), "a", "b", …]'


def test_line_text_from_sources_counts_lines_like_the_core() -> None:
    line_text = line_text_from_sources({"a.md": "eins\r\nzwei\rdrei\nvier", "b.md": ""})
    assert [line_text("a.md", n) for n in range(0, 6)] == [
        None,
        "eins",
        "zwei",
        "drei",
        "vier",
        None,
    ]
    assert line_text("b.md", 1) == ""
    assert line_text("c.md", 1) is None
