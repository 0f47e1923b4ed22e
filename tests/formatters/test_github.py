"""GitHub annotations: escaping, the per-type cap and its notice, the step summary."""

from __future__ import annotations

from pathlib import Path

from newslint.diagnostic import Diagnostic, Severity
from newslint.formatters.github import (
    ANNOTATION_LIMIT,
    command,
    escape_data,
    escape_property,
    split_at_cap,
)

from .fixtures import FILES, WAHL, render


def _d(line: int, severity: Severity, path: str = "a.md") -> Diagnostic:
    return Diagnostic(path, line, 1, line, 2, rule="r", severity=severity, message="m")


def _annotations(out: str) -> list[str]:
    return [
        line for line in out.splitlines() if line.startswith(("::error", "::warning", "::notice"))
    ]


def test_escaping_follows_actions_toolkit() -> None:
    assert escape_data("100% a\r\nb: c, d") == "100%25 a%0D%0Ab: c, d"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert (
        command("error", "x", {"file": "a,b:c.md", "line": 3})
        == "::error file=a%2Cb%3Ac.md,line=3::x"
    )


def test_annotations_most_severe_first_and_capped() -> None:
    out = render("github")
    kinds = [a.split(" ", 1)[0] for a in _annotations(out)]
    assert kinds == ["::error"] * 10 + ["::warning"] * 3 + ["::notice"] * 3 + ["::notice"]
    notice = _annotations(out)[-1]
    assert notice.startswith("::notice title=newslint::3 more findings not shown as annotations")
    assert "--format sarif" in notice
    # the left-out findings are still in the log, in a collapsed group
    assert "::group::newslint: 3 more findings (not annotated)" in out
    assert "kaputt.md:1:1: error newslint.read-error" in out


def test_cap_reserves_a_notice_slot_for_the_overflow_notice() -> None:
    diagnostics = [_d(i, Severity.ERROR) for i in range(1, 12)] + [
        _d(i, Severity.INFO) for i in range(1, 11)
    ]
    shown, hidden = split_at_cap(diagnostics)
    assert sum(d.severity == Severity.INFO for d in shown) == ANNOTATION_LIMIT - 1
    assert sum(d.severity == Severity.ERROR for d in shown) == ANNOTATION_LIMIT
    assert len(hidden) == 2


def test_no_cap_no_notice() -> None:
    diagnostics = [_d(i, Severity.INFO) for i in range(1, 11)]
    shown, hidden = split_at_cap(diagnostics)
    assert (len(shown), hidden) == (10, [])
    out = render("github", files=[("a.md", diagnostics)])
    assert len(_annotations(out)) == 10
    assert "::group::" not in out


def test_multi_line_spans_have_no_columns() -> None:
    out = render("github")
    assert "::notice file=artikel/2024-05-01 wahl.md,line=8,endLine=9,title=tense.break::" in out
    # ends at column 1 of the next line: one line, start column only
    assert (
        "::notice file=artikel/2024-05-01 wahl.md,line=9,col=1,title=de-news.long-sentence::" in out
    )


def test_paths_relative_to_the_workspace() -> None:
    out = render(
        "github",
        files=FILES[:1],
        environ={"GITHUB_WORKSPACE": "/"},
    )
    assert "file=project/artikel/2024-05-01 wahl.md," in out


def test_step_summary_is_appended(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step output\n", encoding="utf-8")
    render("github", environ={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step output\n## newslint\n")
    assert "| `de-news.forbidden-word` | error | 12 |" in text
    assert "Satz mit &lt;9&gt; Wörtern &amp; mehr" in text


def test_step_summary_caps_the_findings_list(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    many = [_d(i, Severity.WARNING) for i in range(1, 131)]
    render("github", files=[("a.md", many)], environ={"GITHUB_STEP_SUMMARY": str(summary)})
    text = summary.read_text(encoding="utf-8")
    assert text.count("| warning | `r` |") == 100
    assert "… and 30 more findings" in text


def test_unwritable_step_summary_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    out = render("github", files=[(WAHL, [])], environ={"GITHUB_STEP_SUMMARY": str(tmp_path)})
    assert out.startswith("::warning title=newslint::could not write the job summary")
