"""Changed lines, for reporting only what a pull request added or modified.

From git (`--diff-base REV`: the lines that differ between REV and the working tree, plus
every line of untracked files) or from a unified diff given as a file or on stdin.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from newslint.diagnostic import Diagnostic

_FILE = re.compile(r"^\+\+\+ (?:b/)?(?P<path>.+?)\s*$")
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,(?P<count>\d+))? @@")

ChangedLines = dict[Path, set[int] | None]  # None: the whole file is new


class DiffError(Exception):
    """The diff could not be obtained; str() is one line."""


def parse_unified_diff(text: str, root: Path) -> ChangedLines:
    changed: ChangedLines = {}
    current: set[int] | None = None
    for line in text.splitlines():
        if m := _FILE.match(line):
            if m.group("path") == "/dev/null":
                current = None
                continue
            current = set()
            changed[(root / m.group("path")).resolve()] = current
        elif (m := _HUNK.match(line)) and current is not None:
            start = int(m.group("start"))
            count = int(m.group("count")) if m.group("count") is not None else 1
            current.update(range(start, start + count))
    return changed


def from_git(base: str, cwd: Path) -> ChangedLines:
    root = Path(_git(["rev-parse", "--show-toplevel"], cwd).strip())
    diff = _git(["diff", "--no-color", "--unified=0", "--no-ext-diff", base, "--"], root)
    changed = parse_unified_diff(diff, root)
    for name in _git(["ls-files", "--others", "--exclude-standard", "-z"], root).split("\0"):
        if name:
            changed[(root / name).resolve()] = None
    return changed


def _git(args: list[str], cwd: Path) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise DiffError("git is not installed") from None
    if done.returncode != 0:
        raise DiffError(f"git {' '.join(args[:2])} failed: {done.stderr.strip().splitlines()[-1:]}")
    return done.stdout


def keep(path: Path, diagnostics: Iterable[Diagnostic], changed: ChangedLines) -> list[Diagnostic]:
    """Diagnostics touching a changed line; tool errors (unreadable file) are always kept."""
    key = path.resolve()
    if key not in changed:
        return [d for d in diagnostics if d.rule.startswith("newslint.")]
    lines = changed[key]
    if lines is None:
        return list(diagnostics)
    return [
        d
        for d in diagnostics
        if d.rule.startswith("newslint.") or any(n in lines for n in range(d.line, d.end_line + 1))
    ]
