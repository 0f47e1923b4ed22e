"""Shared fixtures: where the evaluation data lives, and a helper to run the CLI in-process."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path | None:
    """`../shared` beside the checkout (CI has it); a user's clone may not."""
    candidate = Path(os.environ.get("NEWSLINT_SHARED", REPO.parent / "shared"))
    return candidate if candidate.is_dir() else None


@pytest.fixture
def shared() -> Path:
    path = shared_dir()
    if path is None:
        pytest.skip("../shared (evaluation data) is not available")
    return path
