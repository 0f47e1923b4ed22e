"""Find Java and check it is new enough, before anything slow happens.

LanguageTool 6.x needs Java 17. A missing or old Java is the most common first-run failure,
so it gets a one-line error that names what to install and the two ways around it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from .errors import ALTERNATIVES, LanguageToolUnavailable

MIN_JAVA = 17
INSTALL_HINT = "install a Java 17+ runtime (e.g. apt install openjdk-17-jre-headless)"
_VERSION = re.compile(r'version "(?P<v>[^"]+)"|^(?:openjdk|java) (?P<w>\d[\w.+-]*)', re.MULTILINE)


def parse_java_major(version_output: str) -> int | None:
    """Major version from `java -version` output: '1.8.0_392' -> 8, '17.0.15' -> 17."""
    match = _VERSION.search(version_output)
    if not match:
        return None
    text = match.group("v") or match.group("w")
    parts = re.findall(r"\d+", text)
    if not parts:
        return None
    major = int(parts[0])
    if major == 1 and len(parts) > 1:  # the old "1.x" scheme
        major = int(parts[1])
    return major


def find_java() -> Path | None:
    """`$JAVA_HOME/bin/java` if set (what users expect from Java tooling), else `java` on PATH."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        candidate = Path(java_home) / "bin" / "java"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    found = shutil.which("java")
    return Path(found) if found else None


def require_java() -> Path:
    """Return a usable java executable or raise `LanguageToolUnavailable` with one line."""
    java = find_java()
    if java is None:
        raise LanguageToolUnavailable(
            f"LanguageTool needs Java {MIN_JAVA}+, but no java was found: {INSTALL_HINT}, "
            f"{ALTERNATIVES}."
        )
    try:
        result = subprocess.run(
            [str(java), "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise LanguageToolUnavailable(
            f"could not run {java} -version ({exc}): {INSTALL_HINT}, {ALTERNATIVES}."
        ) from exc
    major = parse_java_major(result.stderr + result.stdout)
    if major is None or major < MIN_JAVA:
        found = f"Java {major}" if major is not None else "an unrecognised Java"
        raise LanguageToolUnavailable(
            f"LanguageTool needs Java {MIN_JAVA}+, but {java} is {found}: {INSTALL_HINT}, "
            f"{ALTERNATIVES}."
        )
    return java
