"""House vocabulary with the real LanguageTool server: accepted words silence the speller,
rejected words are findings of their own, and both only where the configuration says."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.languagetool.paths import Home

# A (made-up) mayor whose name is one doubled letter from a common word: the speller
# filter keeps it, as it should for a stranger; the house vocabulary knows him.
ARTICLE = "Besuch\n\nDer Bürgermeister Werner Dorfmeistter sprach in Weißrussland.\n"


def _check(tmp_path: Path, home: Home, config: str, monkeypatch: pytest.MonkeyPatch) -> list:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(home.root))
    (tmp_path / "newslint.yaml").write_text(config, encoding="utf-8")
    article = tmp_path / "bericht.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--format", "json", str(article)])
    assert result.exit_code in (0, 1), result.output
    return [
        (d["line"], d["column"], d["end_column"], d["rule"], d["suggestions"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]


def test_without_vocabulary_the_name_is_reported(
    tmp_path: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = _check(tmp_path, home, "extends: de-at\n", monkeypatch)
    assert [f[:4] for f in found] == [(3, 26, 38, "languagetool.AUSTRIAN_GERMAN_SPELLER_RULE")]


def test_accepted_and_rejected_words(
    tmp_path: Path, home: Home, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = (
        "extends: de-at\nvocabulary:\n  accept: ['Dorfmeistters?']\n"
        "  reject:\n    Weißrussland: Belarus\n"
    )
    found = _check(tmp_path, home, config, monkeypatch)
    assert found == [(3, 49, 61, "vocabulary.reject", ["Belarus"])]
