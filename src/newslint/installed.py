"""Versions of installed libraries: what the caches derived from them are named and keyed by.

`importlib.metadata` says the same, but importing it (email, zipfile, csv) costs ~45 ms of
a run, which a pre-commit hook feels; the version is in the name of the library's
`*.dist-info` folder beside it. `importlib.metadata` stays the fallback for other layouts.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

MISSING = "missing"


def version(name: str) -> str:
    """The installed version of distribution `name` (its top-level package), or MISSING."""
    spec = importlib.util.find_spec(name)  # finds, does not import
    if spec is not None and spec.origin and spec.submodule_search_locations:
        wanted = _normalized(name)
        found = [
            info.name[: -len(".dist-info")].split("-", 1)
            for info in Path(spec.origin).parent.parent.glob("*.dist-info")
        ]
        versions = [
            parts[1] for parts in found if len(parts) == 2 and _normalized(parts[0]) == wanted
        ]
        if len(versions) == 1:
            return versions[0]
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return MISSING


def _normalized(name: str) -> str:
    return re.sub(r"[-_.]+", "_", name).lower()
