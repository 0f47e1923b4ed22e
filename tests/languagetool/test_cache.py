"""The per-paragraph disk cache: round trip, verification, and never breaking a run."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from newslint.languagetool.cache import ResultCache, cache_key, clear, key_material, stats
from newslint.languagetool.model import LTMatch, LTSettings, TextPart

MATCH = LTMatch(
    6, 12, "GERMAN_SPELLER_RULE", "TYPOS", "misspelling", "Tippfehler?", "", ("schien",)
)


def material(text: str = "Trump schuen.", version: str = "6.8") -> str:
    return key_material([TextPart(text)], LTSettings().result_key(), version, "0.1.0")


@pytest.fixture
def warnings() -> list[str]:
    return []


def test_round_trip_and_private_file(tmp_path: Path, warnings: list[str]) -> None:
    path = tmp_path / "results.sqlite3"
    cache = ResultCache(path, warnings.append)
    cache.put_many([(material(), [MATCH]), (material("Gut."), [])])
    assert cache.get_many([material(), material("Gut."), material("neu")]) == {
        material(): [MATCH],
        material("Gut."): [],
    }
    cache.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert ResultCache(path, warnings.append).get_many([material()]) == {material(): [MATCH]}
    assert stats(path)[0] == 2
    assert warnings == []


def test_key_covers_text_settings_and_versions() -> None:
    keys = {
        material(),
        material("Trump schuen!"),
        material(version="6.9"),
        key_material(
            [TextPart("Trump schuen.")], LTSettings(picky=True).result_key(), "6.8", "0.1.0"
        ),
        key_material([TextPart("Trump schuen.")], LTSettings().result_key(), "6.8", "0.2.0"),
        key_material(
            [TextPart("Trump schuen.", markup=True)], LTSettings().result_key(), "6.8", "0.1.0"
        ),
    }
    assert len(keys) == 6
    # Settings that do not change the answer do not change the key.
    same = LTSettings(timeout=5, url=None, keep_alive=True, use_cache=True).result_key()
    assert same == LTSettings().result_key()


def test_damaged_rows_are_misses_and_removed(tmp_path: Path, warnings: list[str]) -> None:
    path = tmp_path / "results.sqlite3"
    cache = ResultCache(path, warnings.append)
    cache.put_many([(material(), [MATCH]), (material("Gut."), [MATCH])])
    db = sqlite3.connect(path)
    db.execute(
        'UPDATE results SET matches = \'[{"start": "x"}]\' WHERE key = ?', (cache_key(material()),)
    )
    db.execute(
        "UPDATE results SET material = 'other' WHERE key = ?", (cache_key(material("Gut.")),)
    )
    db.commit()
    db.close()
    assert cache.get_many([material(), material("Gut.")]) == {}
    assert stats(path)[0] == 0
    assert warnings == []


def test_corrupt_file_is_replaced_with_one_warning(tmp_path: Path, warnings: list[str]) -> None:
    path = tmp_path / "results.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    cache = ResultCache(path, warnings.append)
    assert cache.get_many([material()]) == {}
    cache.put_many([(material(), [MATCH])])
    assert cache.get_many([material()]) == {material(): [MATCH]}
    assert len(warnings) == 1 and "corrupt" in warnings[0]
    assert Path(f"{path}.corrupt").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_file_switches_the_cache_off(tmp_path: Path, warnings: list[str]) -> None:
    path = tmp_path / "results.sqlite3"
    ResultCache(path, warnings.append).put_many([(material(), [MATCH])])
    path.chmod(0o400)
    tmp_path.chmod(0o500)
    try:
        cache = ResultCache(path, warnings.append)
        cache.get_many([material()])
        cache.put_many([(material("x"), [])])
        cache.put_many([(material("y"), [])])
    finally:
        tmp_path.chmod(0o700)
    assert len(warnings) == 1 and "unusable" in warnings[0]


def test_unopenable_location_switches_the_cache_off(tmp_path: Path, warnings: list[str]) -> None:
    """Works as root too: the cache path's parent is a file, so nothing can be created."""
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = ResultCache(blocker / "results.sqlite3", warnings.append)
    assert cache.get_many([material()]) == {}
    cache.put_many([(material(), [MATCH])])
    assert not cache.enabled
    assert len(warnings) == 1 and "unusable" in warnings[0]


def test_clear(tmp_path: Path, warnings: list[str]) -> None:
    path = tmp_path / "results.sqlite3"
    cache = ResultCache(path, warnings.append)
    cache.put_many([(material(), [MATCH])])
    cache.close()
    assert clear(path) == 1
    assert not path.exists()
    assert clear(path) == 0
    assert stats(path) == (0, 0)


def test_read_only_database_switches_the_cache_off(
    tmp_path: Path, warnings: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root ignores file modes, so open the database read-only the way sqlite would."""
    path = tmp_path / "results.sqlite3"
    ResultCache(path, warnings.append).put_many([(material(), [MATCH])])
    real_connect = sqlite3.connect

    def read_only(database: object, **kwargs: object) -> sqlite3.Connection:
        return real_connect(f"file:{database}?mode=ro", uri=True, timeout=1.0)

    monkeypatch.setattr("newslint.languagetool.cache.sqlite3.connect", read_only)
    cache = ResultCache(path, warnings.append)
    assert cache.get_many([material()]) in ({}, {material(): [MATCH]})
    cache.put_many([(material("x"), [])])
    cache.put_many([(material("y"), [])])
    assert len(warnings) == 1 and "unusable" in warnings[0]
