"""What newslint's two on-disk caches share: a sqlite file that never breaks a run.

LanguageTool's results (`newslint.languagetool.cache`) and newslint's own findings
(`newslint.findings_cache`) are both one table of verified rows in the user cache. Both
hold the user's unpublished text, so the folder is 0700 and the files 0600; both must fail
soft: a corrupt file is moved aside and recreated once, any other database error (read-only
file, full disk, a lock held beyond the timeout) switches the cache off for the rest of the
run with one warning. Subclasses say which table they keep and what to call themselves.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

Warn = Callable[[str], None]
PRUNE_AFTER_DAYS = 60
_SUFFIXES = ("", "-wal", "-shm")


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) and make it user-only: state and cache hold the user's text."""
    path.mkdir(parents=True, exist_ok=True)
    if path.stat().st_mode & 0o077:
        path.chmod(0o700)
    return path


class SqliteStore:
    """One sqlite table with a `used` column; all calls come from one thread."""

    LABEL: ClassVar[str]  # how warnings name the cache
    TABLE: ClassVar[str]
    DDL: ClassVar[str]  # CREATE TABLE IF NOT EXISTS for TABLE (with `used REAL`) and `meta`
    COLUMNS: ClassVar[tuple[str, ...]]

    def __init__(self, path: Path, warn: Warn) -> None:
        self.path = path
        self._warn = warn
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._repaired = False

    @property
    def enabled(self) -> bool:
        return not self._broken

    def close(self) -> None:
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self._broken:
            return self._db
        try:
            self._db = self._open()
        except (sqlite3.Error, OSError) as exc:
            self._failed(exc)
        return self._db

    def _open(self) -> sqlite3.Connection:
        # Also for a file an older version left readable to others.
        ensure_private_dir(self.path.parent)
        old_umask = os.umask(0o077)
        try:
            db = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
            try:
                _write_ahead_log(db)
                db.execute("PRAGMA synchronous=NORMAL")
                db.executescript(self.DDL)
                columns = tuple(row[1] for row in db.execute(f"PRAGMA table_info({self.TABLE})"))
                if columns != self.COLUMNS:  # another layout (an older newslint): start afresh
                    db.execute(f"DROP TABLE {self.TABLE}")
                    db.executescript(self.DDL)
                for suffix in _SUFFIXES:
                    _user_only(Path(f"{self.path}{suffix}"))
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
        db.execute(f"DELETE FROM {self.TABLE} WHERE used < ?", (now - PRUNE_AFTER_DAYS * 86400,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('pruned', ?)", (str(now),))

    def _failed(self, exc: BaseException) -> None:
        """Repair a corrupt file once (move it aside, start afresh); otherwise switch off."""
        self.close()
        if isinstance(exc, sqlite3.DatabaseError) and _looks_corrupt(exc) and not self._repaired:
            self._repaired = True
            try:
                for suffix in _SUFFIXES:
                    victim = Path(f"{self.path}{suffix}")
                    if victim.exists():
                        victim.replace(Path(f"{self.path}{suffix}.corrupt"))
                self._db = self._open()
                self._warn(f"{self.LABEL} {self.path} was corrupt; started afresh")
                return
            except (sqlite3.Error, OSError) as again:
                exc = again
        if not self._broken:
            self._warn(f"{self.LABEL} {self.path} is unusable ({exc}); checking without it")
        self._broken = True
        self.close()


def _user_only(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)


def _looks_corrupt(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(s in text for s in ("not a database", "malformed", "corrupt", "file is encrypted"))


_WAL_ATTEMPTS = 20


def _write_ahead_log(db: sqlite3.Connection) -> None:
    """Switch a file to write-ahead logging (it stays so). On a new file two connections race
    for the lock this needs (a first run opens the YAML rules' and LanguageTool's findings
    caches at once), and SQLite fails at once instead of waiting its busy timeout: retry."""
    for attempt in range(_WAL_ATTEMPTS):
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == _WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
