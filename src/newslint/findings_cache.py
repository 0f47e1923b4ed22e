"""Findings per document on disk (sqlite3), so an unchanged article costs a lookup.

The YAML rules' findings, and LanguageTool's after newslint's filtering (the speller filter
loads HanTa, ~0.4 s, which a warm run should not pay): each under its own fingerprint.

Why per document: the tense check judges a sentence against its whole article, so a
paragraph alone is not a valid unit for every rule; an article is, and an edited article is
re-checked in tens of milliseconds. The key material is everything that decides the YAML
rules' findings for a document: its blocks (kind, text, masked ranges), the fingerprint of
the enabled rules (every field of every compiled rule but its examples and file path, in
order) and of the code (newslint's version and its source files' sizes and times, so an
edited checkout never reads stale entries; the versions of HanTa, ablaut and regex).

Keys are verified on read as in the LanguageTool cache (`newslint.languagetool.cache`), but
by a second, independent digest of the material (BLAKE2b beside the SHA-256 key) rather
than the material itself: an article is not a paragraph, and a 50 MB file would otherwise
be held twice more in memory (as JSON) and once more on disk. Both digests are fed block
by block. A row whose digest or findings do not check out is a miss, never a wrong answer.

Like that cache it must never break a run (`newslint.sqlite_store`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import sqlite3
import time
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from newslint import installed
from newslint.cachedir import FINDINGS_FILE, cache_dir
from newslint.checks.base import Check
from newslint.diagnostic import Finding, Severity, Source
from newslint.document.model import Document
from newslint.sqlite_store import SqliteStore, Warn

Located = list[tuple[int, Finding]]
SCHEMA = 2
_DDL = """
CREATE TABLE IF NOT EXISTS findings (
    key TEXT PRIMARY KEY,
    verify TEXT NOT NULL,
    findings TEXT NOT NULL,
    used REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_COLUMNS = ("key", "verify", "findings", "used")
_LIBRARIES = ("HanTa", "ablaut", "regex", "wordfreq")


def default_path() -> Path:
    """`findings.sqlite3` beside LanguageTool's result cache."""
    return cache_dir() / FINDINGS_FILE


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """newslint's version, its source files (size, mtime) and the linguistic libraries' versions."""
    from newslint import __version__

    package = Path(__file__).resolve().parent
    files = []
    for path in sorted(package.rglob("*.py")):
        with contextlib.suppress(OSError):
            stat = path.stat()
            files.append([str(path.relative_to(package)), stat.st_size, stat.st_mtime_ns])
    versions = {name: installed.version(name) for name in _LIBRARIES}
    return digest({"newslint": __version__, "files": files, "libraries": versions})


def rules_fingerprint(checks: Sequence[Check]) -> str:
    """The enabled rules as compiled, in the engine's order (it decides ties in sorting)."""
    rules = []
    for check in checks:
        rule = check.rule
        rules.append(
            [
                type(check).__qualname__,
                rule.id,
                rule.kind,
                rule.message,
                int(rule.severity),
                rule.category,
                sorted(str(s) for s in rule.scopes),
                rule.case_sensitive,
                rule.skip_quotes,
                rule.safe_fix,
                list(rule.exceptions),
                rule.options,
            ]
        )
    return digest(rules)


def digest(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


Key = tuple[str, str]  # (SHA-256, BLAKE2b) of the key material


def key_of(document: Document, rules: str, code: str) -> Key:
    """Digests of everything that decides a check's findings for one document.

    ``rules`` fingerprints the check (the YAML rules as compiled, or LanguageTool's settings).

    Each field is length-prefixed, so no two different documents feed the same bytes.
    """
    primary, check = hashlib.sha256(), hashlib.blake2b(digest_size=32)

    def feed(text: str) -> None:
        prefix = f"{len(text)}:".encode()
        primary.update(prefix)
        check.update(prefix)
        for at in range(0, len(text), _CHUNK):  # bounded copies for a huge block
            chunk = text[at : at + _CHUNK].encode("utf-8", "surrogatepass")
            primary.update(chunk)
            check.update(chunk)

    for field in (str(SCHEMA), rules, code, str(len(document.blocks))):
        feed(field)
    for block in document.blocks:
        feed(str(block.kind))
        feed(block.text)
        feed(",".join(f"{a}-{b}" for a, b in block.masked))
    return primary.hexdigest(), check.hexdigest()


_CHUNK = 1 << 20


def encode(located: Located) -> str:
    return json.dumps([_row(i, f) for i, f in located], ensure_ascii=False, separators=(",", ":"))


def _row(index: int, f: Finding) -> list[object]:
    fields = (f.start, f.end, f.rule, f.message, int(f.severity), f.category)
    return [index, *fields, list(f.suggestions), str(f.source), f.safe_fix]


def decode(text: str) -> Located | None:
    """The stored findings, or None if the row is not what `encode` wrote."""
    try:
        rows = json.loads(text)
        return [
            (
                int(i),
                Finding(
                    int(start),
                    int(end),
                    str(rule),
                    str(message),
                    Severity(severity),
                    str(category),
                    tuple(str(s) for s in suggestions),
                    Source(source),
                    bool(safe),
                ),
            )
            for i, start, end, rule, message, severity, category, suggestions, source, safe in rows
        ]
    except (ValueError, TypeError):
        return None


class FindingsCache(SqliteStore):
    """Lookups and stores for one rule set; used from one thread (the engine's)."""

    LABEL = "findings cache"
    TABLE = "findings"
    DDL = _DDL
    COLUMNS = _COLUMNS

    def __init__(self, path: Path, fingerprint: str, warn: Warn) -> None:
        """``fingerprint`` names what the findings come from: `rules_fingerprint` of the YAML
        rules, or LanguageTool's settings and version (`newslint.checks.languagetool`)."""
        super().__init__(path, warn)
        self._prefix = (fingerprint, code_fingerprint())

    @classmethod
    def for_rules(cls, path: Path, checks: Sequence[Check], warn: Warn) -> FindingsCache:
        return cls(path, rules_fingerprint(checks), warn)

    def key(self, document: Document) -> Key:
        return key_of(document, *self._prefix)

    def get_many(self, keys: Iterable[Key]) -> dict[Key, Located]:
        """Cached findings by key; damaged rows are deleted and count as misses."""
        wanted = dict(keys)
        db = self._connect()
        if db is None or not wanted:
            return {}
        found: dict[Key, Located] = {}
        damaged: list[str] = []
        try:
            primaries = list(wanted)
            for chunk in range(0, len(primaries), 500):
                part = primaries[chunk : chunk + 500]
                marks = ",".join("?" * len(part))
                sql = f"SELECT key, verify, findings FROM findings WHERE key IN ({marks})"
                for key, verify, text in db.execute(sql, part):
                    located = decode(text) if verify == wanted.get(key) else None
                    if located is None:
                        damaged.append(key)
                    else:
                        found[(key, verify)] = located
            now = time.time()
            with db:
                db.execute("BEGIN")
                db.executemany("DELETE FROM findings WHERE key = ?", [(k,) for k in damaged])
                hits = [(now, key) for key, _verify in found]
                db.executemany("UPDATE findings SET used = ? WHERE key = ?", hits)
        except sqlite3.Error as exc:
            self._failed(exc)
            return {}
        return found

    def put_many(self, entries: Sequence[tuple[Key, Located]]) -> None:
        db = self._connect()
        if db is None or not entries:
            return
        now = time.time()
        rows = [(key, verify, encode(located), now) for (key, verify), located in entries]
        try:
            with db:
                db.execute("BEGIN")
                db.executemany("INSERT OR REPLACE INTO findings VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error as exc:
            self._failed(exc)
