"""Shared fixtures: where the evaluation data lives, and the real LanguageTool (tests/ltsupport.py)
for tests/languagetool and tests/robustness alike."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.ltsupport import home, installation, lt_base, shared_home  # noqa: F401 (fixtures)

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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "languagetool_server: needs Java and a real LanguageTool (deselect with "
        "-m 'not languagetool_server' for the fast unit tests only)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "installation" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.languagetool_server)
