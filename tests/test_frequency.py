"""The word-frequency table: the same answers as wordfreq, from the user cache."""

from __future__ import annotations

from pathlib import Path

import pytest
from wordfreq import zipf_frequency

from newslint.frequency import _Table, prepare
from newslint.languagetool.paths import Home

WORDS = ["Haus", "haus", "Später", "Luger", "al-Hak", "Fed-Politik", "groß", "Straße", "Affeh"]


@pytest.fixture(scope="module")
def table(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = prepare("de", Home(tmp_path_factory.mktemp("home")))
    assert path is not None and path.exists()
    return path


def test_the_table_answers_as_wordfreq_does(table: Path) -> None:
    lookup = _Table("de", table)
    for word in WORDS:
        assert lookup.zipf(word) == pytest.approx(zipf_frequency(word, "de"), abs=0.011), word
    assert lookup.zipf("Affeh") == 0.0
    assert lookup.zipf("4k-Fernseher") == 0.0  # digits: not judged by frequency


def test_the_table_is_private_and_built_once(table: Path) -> None:
    assert table.stat().st_mode & 0o777 == 0o600
    mtime = table.stat().st_mtime_ns
    assert prepare("de", Home(table.parent)) == table
    assert table.stat().st_mtime_ns == mtime


def test_an_unwritable_cache_falls_back_to_wordfreq(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert prepare("de", Home(blocker / "home")) is None
    assert _Table("de", None).zipf("Haus") == zipf_frequency("Haus", "de")


def test_a_language_without_a_list_knows_no_words(tmp_path: Path) -> None:
    assert prepare("xx", Home(tmp_path)) is None
    assert _Table("xx", None).zipf("Haus") == 0.0


def test_common_words_come_from_memory_and_rarer_ones_from_the_table(table: Path) -> None:
    lookup = _Table("de", table)
    words = ["Haus", "Straße", "Luger", "Affeh", "al-Hak"]
    common = lookup.frequent(words, 3.0)
    assert common == {w: lookup.zipf(w) for w in ["Haus", "Straße", "al-Hak"]}  # 3.0
    snapshot = table.with_name(f"{table.stem}-zipf3.marshal")
    assert snapshot.stat().st_mode & 0o777 == 0o600  # written beside the table, once
    rarer = lookup.frequent(words, 1.0)
    assert rarer == {w: lookup.zipf(w) for w in ["Haus", "Straße", "Luger", "al-Hak"]}
    assert _Table("de", table).frequent(["Haus"], 3.0) == {"Haus": lookup.zipf("Haus")}
    assert _Table("de", None).frequent(["Haus", "Affeh"], 3.0) == {"Haus": lookup.zipf("Haus")}
