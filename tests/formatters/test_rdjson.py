"""rdjson: columns converted from code points to UTF-8 bytes, with honest fallbacks."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from newslint.formatters.rdjson import byte_column

from .fixtures import FILES, INFO, SOURCES, WAHL, render


def _diagnostics(**kwargs: Any) -> list[dict[str, Any]]:
    document = json.loads(render("rdjson", **kwargs))
    assert document["source"] == {"name": "newslint", "url": "https://example.org/newslint"}
    diagnostics: list[dict[str, Any]] = document["diagnostics"]
    return diagnostics


def test_byte_column_matches_the_proto_example() -> None:
    # reviewdog.proto: in 'a𐐀b' the column of b is 6
    assert [byte_column("a\U00010400b", c) for c in (1, 2, 3)] == [1, 2, 6]
    assert byte_column("ab", 3) == 3  # exclusive end after the last character
    assert byte_column("ab", 5) == 5  # beyond the line: one byte per position


def test_columns_are_utf8_bytes() -> None:
    zeitnah = _diagnostics()[2]
    line = SOURCES[WAHL].split("\n")[6]
    start = len(line[: line.index("zeitnah")].encode("utf-8")) + 1
    assert zeitnah["location"]["range"] == {
        "start": {"line": 7, "column": start},
        "end": {"line": 7, "column": start + len("zeitnah")},
    }
    assert zeitnah["suggestions"][0] == {"range": zeitnah["location"]["range"], "text": "bald"}
    assert zeitnah["code"] == {"value": "de-news.officialese"}
    assert zeitnah["severity"] == "INFO"


def test_reads_the_file_when_no_hook_is_given(tmp_path: Path) -> None:
    target = tmp_path / WAHL
    target.parent.mkdir(parents=True)
    target.write_bytes(SOURCES[WAHL].replace("\n", "\r\n").encode("utf-8"))
    info = dataclasses.replace(INFO, working_dir=tmp_path, line_text=None)
    assert _diagnostics(files=FILES[:1], info=info) == _diagnostics(files=FILES[:1])


def test_unknown_lines_fall_back_to_whole_lines_without_suggestions(tmp_path: Path) -> None:
    info = dataclasses.replace(INFO, working_dir=tmp_path, line_text=None)
    zeitnah = _diagnostics(files=FILES[:1], info=info)[2]
    assert zeitnah["location"]["range"] == {"start": {"line": 7}, "end": {"line": 7}}
    assert "suggestions" not in zeitnah


def test_empty_run_is_valid() -> None:
    assert _diagnostics(files=[]) == []
