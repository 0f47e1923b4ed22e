"""Where newslint keeps LanguageTool's files, in one place so tests can point it elsewhere.

Layout below the cache dir (`platformdirs.user_cache_dir("newslint")`, or `$NEWSLINT_CACHE_DIR`):

    languagetool-<version>/        one complete install (created by an atomic rename)
        install.json               what was installed and how to build the classpath
        lib/*.jar                  Maven install   (or dist/... for the zip download)
    languagetool-<version>.lock    held while installing
    results.sqlite3                per-paragraph result cache
    server/                        long-lived server: state.json, last-used, log (0700)

Tests build a `Home` on a temporary directory (with the install symlinked in) instead of
changing environment variables, so nothing leaks into other tests or the user's daemon.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newslint.cachedir import CACHE_ENV, FINDINGS_FILE, cache_dir
from newslint.sqlite_store import ensure_private_dir

__all__ = ["CACHE_ENV", "Home", "ensure_private_dir"]


@dataclass(frozen=True)
class Home:
    """The newslint cache directory and the well-known paths below it."""

    root: Path

    @classmethod
    def default(cls) -> Home:
        return cls(cache_dir())

    def install_dir(self, version: str) -> Path:
        return self.root / f"languagetool-{version}"

    def install_lock(self, version: str) -> Path:
        return self.root / f"languagetool-{version}.lock"

    @property
    def results_db(self) -> Path:
        return self.root / "results.sqlite3"

    @property
    def findings_db(self) -> Path:
        return self.root / FINDINGS_FILE

    @property
    def state_dir(self) -> Path:
        return self.root / "server"

    def ensure(self) -> Home:
        ensure_private_dir(self.root)
        return self
