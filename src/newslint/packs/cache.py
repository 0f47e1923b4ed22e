"""Rule files already validated, by content: a run whose rule files did not change skips
YAML parsing and the JSON Schema check (and importing jsonschema, ~0.1 s of start-up).

Keyed by the SHA-256 of the file's text, so an edited file is always validated again;
the whole table belongs to one code fingerprint (newslint's source files and versions,
as for the findings cache), so a changed schema or loader starts it afresh. Only data that
survives a JSON round trip unchanged is kept. Reading or writing the file never fails a run:
any problem means "not cached".
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ValidatedRules:
    """digest → the rule file's validated data; `save` writes it back if anything was added."""

    def __init__(self, path: Path | None, code: str) -> None:
        self.path = path
        self.code = code
        self._data: dict[str, Any] = {}
        self._dirty = False
        if path is not None:
            with contextlib.suppress(OSError, ValueError):
                stored = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(stored, dict) and stored.get("code") == code:
                    rules = stored.get("rules")
                    self._data = rules if isinstance(rules, dict) else {}

    @classmethod
    def default(cls) -> ValidatedRules:
        from newslint.cachedir import cache_dir
        from newslint.findings_cache import code_fingerprint

        return cls(cache_dir() / "rule-files.json", code_fingerprint())

    def get(self, key: str) -> dict[str, Any] | None:
        data = self._data.get(key)
        return data if isinstance(data, dict) else None

    def put(self, key: str, data: Any) -> None:
        try:
            same = json.loads(json.dumps(data)) == data
        except (TypeError, ValueError):
            same = False
        if same:  # dates, tuples or non-string keys would come back different: not kept
            self._data[key] = data
            self._dirty = True

    def save(self) -> None:
        if self.path is None or not self._dirty:
            return
        text = json.dumps({"code": self.code, "rules": self._data}, ensure_ascii=False)
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".rule-files.", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(tmp, self.path)  # atomic: a concurrent run reads old or new
            finally:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        self._dirty = False
