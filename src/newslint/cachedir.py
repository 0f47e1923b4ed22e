"""Where newslint keeps what it derives and may throw away: the user cache directory.

`platformdirs.user_cache_dir("newslint")` (`~/.cache/newslint` on Linux), or
`$NEWSLINT_CACHE_DIR` if set. Everything below it — LanguageTool's install and results,
the findings cache, word frequencies, the tagger snapshot — holds the user's text or code
newslint runs, so it is private to the user (`sqlite_store.ensure_private_dir`).
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "NEWSLINT_CACHE_DIR"
FINDINGS_FILE = "findings.sqlite3"  # findings per document: `newslint.findings_cache`


def cache_dir() -> Path:
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    import platformdirs  # only when the variable is not set: ~10 ms of import

    return Path(platformdirs.user_cache_dir("newslint"))
