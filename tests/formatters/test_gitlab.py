"""GitLab Code Quality: required keys, and fingerprints that are unique and stable."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from newslint.diagnostic import Diagnostic, Severity

from .fixtures import FILES, INFO, LANG, SOURCES, line_text, render

SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def _report(**kwargs: Any) -> list[dict[str, Any]]:
    report: list[dict[str, Any]] = json.loads(render("gitlab", **kwargs))
    return report


def test_required_keys() -> None:
    report = _report()
    assert len(report) == sum(len(ds) for _, ds in FILES)
    for issue in report:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["severity"] in SEVERITIES
        assert isinstance(issue["location"]["path"], str)
        lines = issue["location"]["lines"]
        assert 1 <= lines["begin"] <= lines["end"]
    assert {i["severity"] for i in report} == {"info", "minor", "major"}


def test_fingerprints_are_unique() -> None:
    fingerprints = [issue["fingerprint"] for issue in _report()]
    assert len(set(fingerprints)) == len(fingerprints)


def test_a_span_ending_at_a_line_break_marks_one_line() -> None:
    long_sentence = next(i for i in _report() if i["check_name"] == "de-news.long-sentence")
    assert long_sentence["location"]["lines"] == {"begin": 9, "end": 9}


def test_fingerprints_survive_inserted_lines() -> None:
    """Three lines inserted above every finding: positions change, fingerprints must not."""

    def shifted_line_text(path: str, line: int) -> str | None:
        return line_text(path, line - 3) if line > 3 else ""

    shifted_files = [
        (path, [dataclasses.replace(d, line=d.line + 3, end_line=d.end_line + 3) for d in ds])
        for path, ds in FILES
    ]
    shifted_info = dataclasses.replace(INFO, line_text=shifted_line_text)
    before = [i["fingerprint"] for i in _report()]
    after = [i["fingerprint"] for i in _report(files=shifted_files, info=shifted_info)]
    assert before == after


def test_one_more_identical_finding_is_one_new_fingerprint() -> None:
    lang = dict(FILES)[LANG]
    extra = dataclasses.replace(lang[0], line=13, end_line=13)
    before = {i["fingerprint"] for i in _report(files=[(LANG, lang)])}
    after = {i["fingerprint"] for i in _report(files=[(LANG, [*lang, extra])])}
    assert before < after and len(after - before) == 1


def test_flagged_text_distinguishes_findings_with_the_same_message() -> None:
    assert "quasi" in SOURCES[LANG]
    a = Diagnostic(LANG, 1, 1, 1, 7, rule="r", severity=Severity.INFO, message="m")
    b = Diagnostic(LANG, 1, 8, 1, 10, rule="r", severity=Severity.INFO, message="m")
    first = {i["fingerprint"] for i in _report(files=[(LANG, [a, b])])}
    swapped = {i["fingerprint"] for i in _report(files=[(LANG, [b])])}
    assert swapped < first  # b keeps its fingerprint when a disappears
