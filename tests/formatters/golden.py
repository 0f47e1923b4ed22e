"""Golden-file comparison, reusable by any test that checks rendered output.

`assert_golden("sarif.sarif", text)` compares `text` with `tests/formatters/golden/sarif.sarif`
byte for byte and shows a unified diff on mismatch. With `NEWSLINT_UPDATE_GOLDEN=1` it writes
the file instead (review the diff in git before committing). Other test packages pass their
own `directory`.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
UPDATE_ENV = "NEWSLINT_UPDATE_GOLDEN"


def updating() -> bool:
    return os.environ.get(UPDATE_ENV, "") not in ("", "0")


def assert_golden(name: str, actual: str, *, directory: Path = GOLDEN_DIR) -> None:
    """Fail unless `actual` equals the golden file `directory / name` (or rewrite it)."""
    path = directory / name
    if updating():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; create it with {UPDATE_ENV}=1")
    expected = path.read_bytes().decode("utf-8")  # bytes: no newline translation
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                actual.splitlines(keepends=True),
                fromfile=f"golden/{name}",
                tofile="actual",
            )
        )
        pytest.fail(f"output differs from {path} (update with {UPDATE_ENV}=1):\n{diff}")
