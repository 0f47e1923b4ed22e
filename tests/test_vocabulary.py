"""Rejected house words without LanguageTool: findings, their ids, and errors in the list."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import cli

ARTICLE = "Besuch\n\nDas Corona-Virus erreichte Weißrussland. Weissrussland auch.\n"


def _run(tmp_path: Path, vocabulary: str, *args: str) -> tuple[int, str]:
    (tmp_path / "newslint.yaml").write_text(f"vocabulary:\n{vocabulary}", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-languagetool", *args, str(article)])
    return result.exit_code, result.output


def _found(output: str) -> list[tuple[int, int, str, list[str]]]:
    return [
        (d["line"], d["column"], d["rule"], d["suggestions"])
        for d in json.loads(output)["diagnostics"]
    ]


def test_rejected_words_with_preferred_ones(tmp_path: Path) -> None:
    code, output = _run(
        tmp_path,
        "  reject:\n    'Corona-Virus': Coronavirus\n    'Wei(ß|ss)russland': Belarus\n",
        "--format",
        "json",
    )
    assert code == 1
    assert _found(output) == [
        (3, 5, "vocabulary.reject", ["Coronavirus"]),
        (3, 28, "vocabulary.reject", ["Belarus"]),
        (3, 42, "vocabulary.reject", ["Belarus"]),
    ]


def test_a_plain_list_and_ignore(tmp_path: Path) -> None:
    code, output = _run(tmp_path, "  reject: [Weißrussland]\n", "--format", "json")
    assert _found(output) == [(3, 28, "vocabulary.reject", [])]
    code, output = _run(tmp_path, "  reject: [Weißrussland]\n", "--ignore", "vocabulary")
    assert code == 0, output


def test_a_broken_entry_names_file_key_and_word(tmp_path: Path) -> None:
    code, output = _run(tmp_path, "  reject: ['Corona-(']\n")
    assert code == 2
    assert "newslint.yaml: key 'vocabulary.reject': 'Corona-(':" in output
    code, output = _run(tmp_path, "  reject: {Weißrussland: Belarus, Corona: }\n")
    assert code == 2 and "give every word a preferred one" in output
    code, output = _run(tmp_path, "  rejects: [Weißrussland]\n")
    assert code == 2 and "key 'vocabulary': unknown key(s): ['rejects']" in output


def test_regional_spellings_are_accepted_for_their_language() -> None:
    from newslint.vocabulary import Vocabulary

    assert Vocabulary().for_language("de-AT").accepts("Neurowissenschafter")
    assert Vocabulary().for_language("de-CH").accepts("Politikwissenschafterinnen")
    assert not Vocabulary().for_language("de-DE").accepts("Neurowissenschafter")
