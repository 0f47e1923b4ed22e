"""Per-paragraph result cache on disk (sqlite3), so unchanged text is never sent again.

The key is a SHA-256 of the key material: the item's parts, the settings that change the
answer, the LanguageTool version and the newslint version. The material itself is stored
too and compared on read, so a collision or a damaged row is a miss, never a wrong answer.

Like newslint's findings cache it must never break a run (`newslint.sqlite_store`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from newslint.sqlite_store import SqliteStore

from .model import LTMatch, TextPart

SCHEMA = 1
_DDL = """
CREATE TABLE IF NOT EXISTS results (
    key TEXT PRIMARY KEY,
    material TEXT NOT NULL,
    matches TEXT NOT NULL,
    used REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def key_material(
    parts: Sequence[TextPart],
    settings_key: dict[str, object],
    lt_version: str,
    newslint_version: str,
) -> str:
    """Canonical JSON of everything that determines LanguageTool's answer for one item."""
    return json.dumps(
        {
            "schema": SCHEMA,
            "parts": [[p.text, p.markup, p.interpret_as] for p in parts],
            "settings": settings_key,
            "languagetool": lt_version,
            "newslint": newslint_version,
        },
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )


def cache_key(material: str) -> str:
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


class ResultCache(SqliteStore):
    """`get_many`/`put_many` over sqlite; all calls come from one thread (the caller's)."""

    LABEL = "LanguageTool result cache"
    TABLE = "results"
    DDL = _DDL
    COLUMNS = ("key", "material", "matches", "used")

    def get_many(self, materials: Iterable[str]) -> dict[str, list[LTMatch]]:
        """Cached matches by key material; damaged rows are deleted and count as misses."""
        wanted = {cache_key(m): m for m in materials}
        db = self._connect()
        if db is None or not wanted:
            return {}
        found: dict[str, list[LTMatch]] = {}
        damaged: list[str] = []
        try:
            keys = list(wanted)
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, material, matches FROM results WHERE key IN ({marks})", chunk
                ).fetchall()
                for key, material, matches in rows:
                    decoded = _decode(matches) if material == wanted[key] else None
                    if decoded is None:
                        damaged.append(key)
                    else:
                        found[material] = decoded
            if damaged:
                db.executemany("DELETE FROM results WHERE key = ?", [(k,) for k in damaged])
            if found:
                now = time.time()
                db.executemany(
                    "UPDATE results SET used = ? WHERE key = ?",
                    [(now, cache_key(m)) for m in found],
                )
        except sqlite3.DatabaseError as exc:
            self._failed(exc)
            return {}
        return found

    def put_many(self, results: Iterable[tuple[str, list[LTMatch]]]) -> None:
        db = self._connect()
        if db is None:
            return
        now = time.time()
        rows = [
            (
                cache_key(material),
                material,
                json.dumps([m.to_json() for m in matches], ensure_ascii=False),
                now,
            )
            for material, matches in results
        ]
        try:
            db.executemany("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            self._failed(exc)


def _decode(text: str) -> list[LTMatch] | None:
    try:
        data = json.loads(text)
        if not isinstance(data, list):
            return None
        return [LTMatch.from_json(item) for item in data]
    except (ValueError, TypeError, AttributeError, KeyError):
        return None


def clear(path: Path, table: str = "results") -> int:
    """Delete the cache file (and its WAL files); returns how many entries it held."""
    entries = 0
    if path.exists():
        with contextlib.suppress(sqlite3.Error):
            db = sqlite3.connect(path, timeout=10.0)
            try:
                entries = int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            finally:
                db.close()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return entries


def stats(path: Path) -> tuple[int, int]:
    """(entries, bytes on disk) without creating the file."""
    size = sum(
        p.stat().st_size for p in (Path(f"{path}{s}") for s in ("", "-wal", "-shm")) if p.exists()
    )
    if not path.exists():
        return 0, 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5.0)
        try:
            return int(db.execute("SELECT count(*) FROM results").fetchone()[0]), size
        finally:
            db.close()
    except sqlite3.Error:
        return 0, size
