"""Which files a run checks: named files always, directories walked for the included patterns."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown")
_SKIP_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".venv",
        "venv",
        "node_modules",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
    }
)


def _matches(path: Path, patterns: Sequence[str]) -> bool:
    posix = path.as_posix()
    return any(fnmatch.fnmatch(path.name, p) or fnmatch.fnmatch(posix, p) for p in patterns)


def expand(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> Iterator[Path]:
    """Files to check, in a stable order. A directory walk never follows symlinked folders,
    so a link loop cannot make it run forever; a file named on the command line is always
    checked (the user asked for it), even if it matches no include pattern."""
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, include, exclude):
                if found not in seen:
                    seen.add(found)
                    yield found
        elif path not in seen:
            seen.add(path)
            yield path


def _walk(root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[Path]:
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(
            d for d in dirs if d not in _SKIP_DIRS and not _matches(Path(folder, d), exclude)
        )
        for name in sorted(files):
            path = Path(folder, name)
            if _matches(path, include) and not _matches(path, exclude):
                yield path
