"""The findings cache: an unchanged document is not checked again, anything else is."""

from __future__ import annotations

import io
import json
import sqlite3
import threading
from pathlib import Path

import pytest

from newslint import engine
from newslint.findings_cache import FindingsCache, default_path
from newslint.run import CheckOptions, check

ARTICLE = "Titel\n\nDer Text  hat einen Fehler.\n\nUnser ziel ist klar.\n"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return tmp_path


@pytest.fixture
def linted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths of the documents the YAML rules actually ran on."""
    seen: list[str] = []
    real = engine.lint_document

    def spy(document: engine.Document, checks: object) -> object:
        seen.append(document.path)
        return real(document, checks)  # type: ignore[arg-type]  # passed through unchanged

    monkeypatch.setattr(engine, "lint_document", spy)
    return seen


def _check(path: Path, *extra: str, use_cache: bool = True) -> list[tuple[object, ...]]:
    out = io.StringIO()
    options = CheckOptions(
        paths=[str(path)],
        format="json",
        languagetool=False,
        use_cache=use_cache,
        overrides={"ignore": extra} if extra else {},
    )
    check(options, out)
    return [
        (d["line"], d["column"], d["rule"], d["message"])
        for d in json.loads(out.getvalue())["diagnostics"]
    ]


def test_unchanged_document_is_a_hit(home: Path, linted: list[str]) -> None:
    first = _check(home / "a.txt")
    second = _check(home / "a.txt")
    assert first == second
    assert {r for _l, _c, r, _m in first} == {"de-news.doubled-space", "de-news.lowercase-noun"}
    assert linted == [str(home / "a.txt")]  # the second run read its findings from the cache


def test_changed_text_is_a_miss(home: Path, linted: list[str]) -> None:
    _check(home / "a.txt")
    (home / "a.txt").write_text(ARTICLE.replace("hat einen", "hat  einen"), encoding="utf-8")
    found = _check(home / "a.txt")
    assert len(linted) == 2
    assert sum(r == "de-news.doubled-space" for _l, _c, r, _m in found) == 2


def test_changed_rule_set_is_a_miss(home: Path, linted: list[str]) -> None:
    _check(home / "a.txt")
    found = _check(home / "a.txt", "de-news.lowercase-noun")
    assert len(linted) == 2
    assert {r for _l, _c, r, _m in found} == {"de-news.doubled-space"}


def test_no_cache_neither_reads_nor_writes(home: Path, linted: list[str]) -> None:
    _check(home / "a.txt", use_cache=False)
    _check(home / "a.txt", use_cache=False)
    assert len(linted) == 2
    assert not default_path().exists()


def test_damaged_row_is_a_miss_and_replaced(home: Path, linted: list[str]) -> None:
    first = _check(home / "a.txt")
    with sqlite3.connect(default_path()) as db:
        db.execute("UPDATE findings SET findings = '[[1, \"not a finding\"]]'")
    assert _check(home / "a.txt") == first
    assert _check(home / "a.txt") == first
    assert len(linted) == 2  # recomputed once, then the repaired row is a hit


def test_corrupt_file_is_moved_aside(
    home: Path, linted: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    first = _check(home / "a.txt")
    default_path().write_bytes(b"this is not a database" * 100)
    for suffix in ("-wal", "-shm"):
        Path(f"{default_path()}{suffix}").unlink(missing_ok=True)
    assert _check(home / "a.txt") == first
    assert "corrupt" in capsys.readouterr().err
    assert _check(home / "a.txt") == first
    assert len(linted) == 2


def test_unusable_cache_switches_off(tmp_path: Path) -> None:
    warnings: list[str] = []
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache = FindingsCache.for_rules(blocker / "findings.sqlite3", (), warnings.append)
    assert cache.get_many([("x", "y")]) == {}
    cache.put_many([(("x", "y"), [])])
    assert len(warnings) == 1 and "unusable" in warnings[0]


def test_other_table_layout_is_replaced(home: Path, linted: list[str]) -> None:
    default_path().parent.mkdir(parents=True)
    with sqlite3.connect(default_path()) as db:
        db.execute("CREATE TABLE findings (key TEXT PRIMARY KEY, material TEXT)")
    first = _check(home / "a.txt")
    assert _check(home / "a.txt") == first
    assert len(linted) == 1


def test_two_caches_opening_a_new_file_at_once_both_work(tmp_path: Path) -> None:
    """A first run opens the YAML rules' and LanguageTool's findings caches in two threads
    at once; switching a new file to write-ahead logging needs a lock SQLite does not wait
    for, so one of them used to be switched off (about one time in ten)."""
    warnings: list[str] = []
    for attempt in range(60):
        path = tmp_path / str(attempt) / "findings.sqlite3"
        barrier = threading.Barrier(2)

        def use(name: str, path: Path = path, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            cache = FindingsCache(path, name, warnings.append)
            cache.put_many([((name, "verify"), [])])
            cache.close()

        threads = [threading.Thread(target=use, args=(name,)) for name in ("yaml", "lt")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert warnings == []
        assert FindingsCache(path, "yaml", warnings.append).get_many([("yaml", "verify")])
