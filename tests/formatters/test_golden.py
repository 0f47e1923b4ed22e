"""Every format's rendering of the fixed run, compared with its golden file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.formatters import available_formats

from .fixtures import render
from .golden import assert_golden

EXTENSIONS = {
    "text": "txt",
    "json": "json",
    "github": "txt",
    "sarif": "sarif",
    "gitlab": "json",
    "junit": "xml",
    "checkstyle": "xml",
    "rdjson": "json",
}


def test_every_format_has_a_golden_file() -> None:
    assert sorted(EXTENSIONS) == available_formats()


@pytest.mark.parametrize("name", sorted(EXTENSIONS))
def test_golden(name: str) -> None:
    assert_golden(f"{name}.{EXTENSIONS[name]}", render(name))


def test_golden_text_with_statistics_and_colour() -> None:
    assert_golden("text-statistics-color.txt", render("text", statistics=True, color=True))


def test_golden_github_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    environ = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_WORKSPACE": "/project",
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "example/news",
        "GITHUB_SHA": "0123456789abcdef",
    }
    assert_golden("github-with-summary.txt", render("github", environ=environ))
    assert_golden("github-step-summary.md", summary.read_text(encoding="utf-8"))
