"""Word frequencies (wordfreq) as an indexed table in the user cache.

The spelling filter asks how common a handful of words are. wordfreq answers from its
whole list, which takes 0.8 s to import and load for German: more than a pre-commit
hook's entire budget. So the list is copied once per wordfreq version and language into
a sqlite table in newslint's cache, and later runs look words up by index (well under a
millisecond). Lookups normalise and combine tokens the way wordfreq does for languages
with a plain regex tokenizer (German, English): NFC, case folding, and
1/f = 1/f1 + 1/f2 + ... over the tokens of "al-Hak". Words with digits (product names,
"4k-Fernseher") count as unseen: wordfreq estimates numbers by a formula, not from text.

Where the cache cannot be written, wordfreq is asked directly; for a language wordfreq has
no list for, every word counts as unseen (the filter then relies on slips alone).
"""

from __future__ import annotations

import marshal
import math
import os
import re
import sqlite3
import sys
import unicodedata
from collections.abc import Iterable
from functools import cache, cached_property
from pathlib import Path

from newslint import installed
from newslint.languagetool.paths import Home, ensure_private_dir

_TOKEN = re.compile(r"\w+(?:['’]\w+)*")
_DIGITS = re.compile(r"\d")
_MINIMUM_ZIPF = 1.0  # wordfreq's lists stop at one occurrence in 100 million words
COMMON_ZIPF = 3.0  # words this common are held in memory for slip searches
_BATCH = 500  # words per query (sqlite allows 32,766 parameters; smaller keeps it quick)


def zipf(word: str, language: str = "de") -> float:
    """How common `word` is in `language` (Zipf scale: log10 per 10^9 words; 0 = unseen)."""
    return _table(language).zipf(word)


def frequent(words: Iterable[str], at_least: float, language: str = "de") -> dict[str, float]:
    """The words at least `at_least` common, with their Zipf values, in one query: a slip
    search asks about hundreds of candidates, and only the common ones matter. Words of Zipf
    3 or more are looked up as given, so pass them in NFC (`spelling.unseen_slip` does)."""
    return _table(language).frequent(words, at_least)


class _Table:
    def __init__(self, language: str, path: Path | None) -> None:
        self.language = language
        self._path = path
        self._db = _open(path) if path is not None else None

    def zipf(self, word: str) -> float:
        if self._db is None:
            from wordfreq import zipf_frequency

            try:
                return float(zipf_frequency(word, self.language))
            except LookupError:  # no list for this language: every word counts as unseen
                return 0.0
        folded = unicodedata.normalize("NFC", word).casefold()
        tokens = _TOKEN.findall(folded)
        if not tokens or _DIGITS.search(folded):
            return 0.0
        total = 0.0
        for token in tokens:
            row = self._db.execute("SELECT freq FROM words WHERE word = ?", (token,)).fetchone()
            if row is None:
                return 0.0
            total += 1.0 / row[0]
        return _zipf_of(1.0 / total)

    def frequent(self, words: Iterable[str], at_least: float) -> dict[str, float]:
        if self._db is not None and at_least >= COMMON_ZIPF:
            # Held in memory: a dict lookup, not a query. Candidates made from one NFC
            # word are NFC too; folding is all they need.
            common = self._common
            scores = {w: common.get(w.casefold(), 0.0) for w in words}
        elif self._db is not None:
            folded = {w: unicodedata.normalize("NFC", w).casefold() for w in words}
            found = self._query({f for f in folded.values() if f.isalpha()}, at_least)
            scores = {w: found.get(f, 0.0) for w, f in folded.items()}
        else:
            return {w: z for w in words if (z := self.zipf(w)) >= at_least}
        for word, score in scores.items():  # words of several tokens: "al-Hak"
            if not score and not word.isalpha():
                scores[word] = self.zipf(word)
        return {w: z for w, z in scores.items() if z >= at_least}

    def _query(self, keys: Iterable[str], at_least: float) -> dict[str, float]:
        assert self._db is not None
        keys = list(keys)
        found: dict[str, float] = {}
        for start in range(0, len(keys), _BATCH):
            chunk = keys[start : start + _BATCH]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT word, freq FROM words WHERE word IN ({marks}) AND freq >= ?"
            found.update(self._db.execute(query, [*chunk, _lowest_frequency(at_least)]))
        return {f: _zipf_of(freq) for f, freq in found.items()}

    @cached_property
    def _common(self) -> dict[str, float]:
        """Every word of Zipf 3 or more (~40,000 in German), read once from a snapshot
        beside the table (15 ms; the scan that makes it takes 0.1 s)."""
        assert self._path is not None
        snapshot = self._path.with_name(f"{self._path.stem}-zipf{COMMON_ZIPF:g}.marshal")
        try:
            common: dict[str, float] = marshal.loads(snapshot.read_bytes())
            return common
        except (OSError, EOFError, ValueError, TypeError):
            pass
        common = self._query_all(COMMON_ZIPF)
        partial = snapshot.with_name(f"{snapshot.name}.{os.getpid()}.partial")
        try:
            partial.write_bytes(marshal.dumps(common))
            partial.chmod(0o600)
            os.replace(partial, snapshot)
        except OSError:
            partial.unlink(missing_ok=True)  # a read-only cache: scan again next time
        return common

    def _query_all(self, at_least: float) -> dict[str, float]:
        assert self._db is not None
        query = "SELECT word, freq FROM words WHERE freq >= ?"
        rows = self._db.execute(query, (_lowest_frequency(at_least),))
        return {word: _zipf_of(freq) for word, freq in rows}


def _zipf_of(frequency: float) -> float:
    return round(math.log10(frequency) + 9, 2)


def _lowest_frequency(zipf: float) -> float:
    """The smallest frequency whose Zipf value, rounded as `_zipf_of` does, is `zipf`."""
    return float(10 ** (zipf - 0.005 - 9))


def prepare(language: str, home: Home | None = None) -> Path | None:
    """The table for `language`, built first if missing (`newslint languagetool install`
    does this, so the first check does not pay); None where it cannot be built."""
    wordfreq = installed.version("wordfreq")
    if wordfreq == installed.MISSING:
        return None
    try:
        path = (home or Home.default()).root / f"wordfreq-{wordfreq}-{language}.sqlite3"
        if not path.exists():
            _build(language, path)
    except (OSError, sqlite3.Error, LookupError):
        return None
    return path


@cache
def _table(language: str) -> _Table:
    return _Table(language, prepare(language))


def _open(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _build(language: str, path: Path) -> None:
    """Copy wordfreq's list into a table, atomically: two runs may build it at once."""
    from wordfreq import get_frequency_dict

    print(f"newslint: preparing word frequencies for {language!r} (once)…", file=sys.stderr)
    frequencies = get_frequency_dict(language, "best")
    ensure_private_dir(path.parent)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    db = sqlite3.connect(partial)
    try:
        db.execute("CREATE TABLE words (word TEXT PRIMARY KEY, freq REAL NOT NULL) WITHOUT ROWID")
        db.executemany("INSERT OR IGNORE INTO words VALUES (?, ?)", frequencies.items())
        db.commit()
    finally:
        db.close()
    partial.chmod(0o600)
    os.replace(partial, path)
