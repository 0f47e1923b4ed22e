"""Per-paragraph result cache on disk (sqlite3), so unchanged text is never sent again.

The key is a SHA-256 of the key material: the item's parts, the settings that change the
answer, the LanguageTool version and the newslint version. The material itself is stored
too and compared on read, so a collision or a damaged row is a miss, never a wrong answer.

The cache must never break a run: a corrupt file is moved aside and recreated, and any other
database error (read-only file, full disk, locked beyond the timeout) switches the cache off
for the rest of the run with one warning.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from .model import LTMatch, TextPart
from .paths import ensure_private_dir

Warn = Callable[[str], None]
SCHEMA = 1
PRUNE_AFTER_DAYS = 60
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


class ResultCache:
    """`get_many`/`put_many` over sqlite; all calls come from one thread (the caller's)."""

    def __init__(self, path: Path, warn: Warn) -> None:
        self.path = path
        self._warn = warn
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._repaired = False

    @property
    def enabled(self) -> bool:
        return not self._broken

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        try:
            self._db = self._open()
        except (sqlite3.DatabaseError, OSError) as exc:
            self._failed(exc)
        return self._db

    def _failed(self, exc: BaseException) -> None:
        """Repair a corrupt file once (move it aside, start afresh); otherwise switch off."""
        self.close()
        if isinstance(exc, sqlite3.DatabaseError) and _looks_corrupt(exc) and not self._repaired:
            self._repaired = True
            try:
                self._move_aside()
                self._db = self._open()
                self._warn(f"LanguageTool result cache {self.path} was corrupt; started afresh")
                return
            except (sqlite3.Error, OSError) as again:
                exc = again
        self._disable(exc)

    def _open(self) -> sqlite3.Connection:
        # The folder, the file and its -wal/-shm hold the user's unpublished text: user-only,
        # also when a remote server means nothing was installed (which makes the folder)
        # and for a file an older version left readable to others.
        ensure_private_dir(self.path.parent)
        old_umask = os.umask(0o077)
        try:
            db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.executescript(_DDL)
                for suffix in ("", "-wal", "-shm"):
                    _user_only(Path(f"{self.path}{suffix}"))
                db.execute("SELECT count(*) FROM results WHERE 0").fetchone()
                self._prune(db)
            except BaseException:
                db.close()
                raise
        finally:
            os.umask(old_umask)
        return db

    def _prune(self, db: sqlite3.Connection) -> None:
        """Drop entries unused for 60 days, at most once a day (old versions' keys age out)."""
        now = time.time()
        row = db.execute("SELECT value FROM meta WHERE name='pruned'").fetchone()
        if row and now - float(row[0]) < 86400:
            return
        db.execute("DELETE FROM results WHERE used < ?", (now - PRUNE_AFTER_DAYS * 86400,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('pruned', ?)", (str(now),))

    def _move_aside(self) -> None:
        for suffix in ("", "-wal", "-shm"):
            victim = Path(f"{self.path}{suffix}")
            if victim.exists():
                victim.replace(Path(f"{self.path}{suffix}.corrupt"))

    def _disable(self, exc: BaseException) -> None:
        if not self._broken:
            self._warn(
                f"LanguageTool result cache {self.path} is unusable ({exc}); checking without it"
            )
        self._broken = True
        self.close()

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

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None


def _decode(text: str) -> list[LTMatch] | None:
    try:
        data = json.loads(text)
        if not isinstance(data, list):
            return None
        return [LTMatch.from_json(item) for item in data]
    except (ValueError, TypeError, AttributeError, KeyError):
        return None


def _user_only(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)


def _looks_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text


def clear(path: Path) -> int:
    """Delete the cache file (and its WAL files); returns how many entries it held."""
    entries = 0
    if path.exists():
        with contextlib.suppress(sqlite3.Error):
            db = sqlite3.connect(path, timeout=10.0)
            try:
                entries = int(db.execute("SELECT count(*) FROM results").fetchone()[0])
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
