"""Suppression comments in Markdown and accepted findings in the configuration."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import cli


def _lines(path: Path, *args: str) -> list[tuple[int, str]]:
    result = CliRunner().invoke(
        cli, ["check", "--no-languagetool", "--format", "json", *args, str(path)]
    )
    return [(d["line"], d["rule"]) for d in json.loads(result.stdout)["diagnostics"]]


def test_disable_enable_next_line_and_rule_lists(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "# Titel\n\n"
        "Eins  zwei.\n\n"  # 3: reported
        "<!-- newslint-disable de-news.doubled-space -->\n\n"
        "Drei  vier im im Text.\n\n"  # 7: only the repetition
        "<!-- newslint-enable -->\n\n"
        "<!-- newslint-disable-next-line -->\n"
        "Fünf  sechs.\n\n"  # 12: nothing
        "Sieben  acht.\n",  # 14: reported
        encoding="utf-8",
    )
    assert _lines(article) == [
        (3, "de-news.doubled-space"),
        (7, "de-news.repeated-word"),
        (14, "de-news.doubled-space"),
    ]


def test_disable_file(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text("<!-- newslint-disable-file -->\n# Titel\n\nEins  zwei.\n", encoding="utf-8")
    assert _lines(article) == []


def test_directive_inside_code_block_does_nothing(tmp_path: Path) -> None:
    article = tmp_path / "a.md"
    article.write_text(
        "# Titel\n\n```\n<!-- newslint-disable-file -->\n```\n\nEins  zwei.\n", encoding="utf-8"
    )
    assert _lines(article) == [(7, "de-news.doubled-space")]


def test_accepted_findings_for_plain_text(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text(
        "accepted:\n  - rule: de-news.repeated-word\n    text: 'Bla bla'\n", encoding="utf-8"
    )
    article = tmp_path / "a.txt"
    article.write_text("Titel\n\nEr sagte Bla bla und ging ging.\n", encoding="utf-8")
    assert _lines(article) == [(3, "de-news.repeated-word")]


def test_per_path_ignores(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text(
        "per_path_ignores:\n  'archiv/*': [de-news.doubled-space]\n", encoding="utf-8"
    )
    (tmp_path / "archiv").mkdir()
    old = tmp_path / "archiv" / "a.txt"
    old.write_text("Titel\n\nEins  zwei.\n", encoding="utf-8")
    assert _lines(old) == []
