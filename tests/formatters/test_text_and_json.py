"""The text format's options and the JSON contract."""

from __future__ import annotations

import json

from newslint.diagnostic import Severity

from .fixtures import FILES, READ_ERROR, WAHL, render

CONTRACT_KEYS = [
    "path", "line", "column", "end_line", "end_column", "rule", "category", "severity",
    "message", "suggestions", "source",
]  # fmt: skip


def test_text_lines_start_with_path_line_column() -> None:
    lines = render("text").splitlines()
    assert lines[0] == (
        "artikel/2024-05-01 wahl.md:6:4: warning de-news.doubled-space Doppeltes Leerzeichen"
        ' [suggestion: " "]'
    )
    assert len(lines) == 19 + 1  # one line per finding, one summary line


def test_text_folds_line_breaks_in_messages() -> None:
    assert any(line.endswith("(Präsens) im selben Absatz") for line in render("text").splitlines())


def test_text_quiet_prints_only_findings() -> None:
    out = render("text", quiet=True, statistics=True)
    assert len(out.splitlines()) == 19
    assert "findings" not in out


def test_text_colour_only_when_asked() -> None:
    assert "\033[" not in render("text")
    assert "\033[31merror\033[0m" in render("text", color=True)


def test_text_statistics_most_frequent_first() -> None:
    lines = render("text", statistics=True).splitlines()
    assert lines[19].split()[:2] == ["12", "de-news.forbidden-word"]


def test_text_summary_for_a_clean_run() -> None:
    assert render("text", files=[(WAHL, [])]) == "No findings in 1 file checked.\n"


def test_text_summary_singular() -> None:
    out = render("text", files=[("kaputt.md", [READ_ERROR])])
    assert out.splitlines()[-1] == (
        "1 finding (1 error) in 1 of 1 file checked. 1 file could not be checked."
    )


def test_json_contract() -> None:
    document = json.loads(render("json"))
    assert document["version"] == 1
    records = document["diagnostics"]
    assert len(records) == sum(len(ds) for _, ds in FILES)
    assert all(list(record) == CONTRACT_KEYS for record in records)
    first = FILES[0][1][2]  # „zeitnah“ after an emoji: columns stay code points
    assert records[2] == {
        "path": first.path,
        "line": 7,
        "column": first.column,
        "end_line": 7,
        "end_column": first.column + len("zeitnah"),
        "rule": "de-news.officialese",
        "category": "stil",
        "severity": "info",
        "message": first.message,
        "suggestions": ["bald", "in Kürze"],
        "source": "newslint",
    }
    assert {r["severity"] for r in records} == {str(s) for s in Severity}
    assert {r["source"] for r in records} == {"newslint", "languagetool"}
    assert document["summary"]["files_checked"] == 4


def test_json_empty_run_is_valid() -> None:
    document = json.loads(render("json", files=[]))
    assert document["diagnostics"] == []
    document = json.loads(render("json", files=[(WAHL, [])]))
    assert document["diagnostics"] == []


def test_json_streams_one_diagnostic_per_line() -> None:
    lines = render("json").splitlines()
    assert len(lines) == 1 + 19 + 1
    assert all(json.loads(line.rstrip(",")) for line in lines[1:-1])
