"""Library versions from the dist-info folder names (cheaper than importing importlib.metadata)."""

from __future__ import annotations

from importlib import metadata

import pytest

from newslint import installed
from newslint.findings_cache import _LIBRARIES


# PyYAML's package is `yaml`, so its version comes from the importlib.metadata fallback.
@pytest.mark.parametrize("name", [*_LIBRARIES, "click", "PyYAML"])
def test_same_version_as_importlib_metadata(name: str) -> None:
    assert installed.version(name) == metadata.version(name)


def test_a_missing_library_has_no_version() -> None:
    assert installed.version("newslint_no_such_library") == installed.MISSING
