"""Install LanguageTool once per user, from Maven Central (or LanguageTool's zip as a fallback).

The pom next to this file pins the version and the language modules. An install is built in
a temporary directory next to its final place and renamed into place only when complete, so a
killed install is never mistaken for a good one; a file lock serialises concurrent installs
(two terminals, or `make test` in parallel).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ALTERNATIVES, LanguageToolUnavailable
from .java import require_java
from .paths import Home

Progress = Callable[[str], None]
POM = Path(__file__).with_name("pom.xml")
MANIFEST = "install.json"
_REQUIRED_JARS = ("languagetool-server", "language-de", "language-en")


def pinned_version(pom: Path = POM) -> str:
    """The LanguageTool version the shipped pom pins (its one source of truth)."""
    match = re.search(r"<languagetool\.version>([^<]+)</languagetool\.version>", pom.read_text())
    if not match:
        raise LanguageToolUnavailable(f"{pom} has no <languagetool.version> property.")
    return match.group(1).strip()


@dataclass(frozen=True)
class Installation:
    """A complete LanguageTool install: what `java -cp` needs and where it came from."""

    version: str
    path: Path
    source: str  # "maven" or "download"
    classpath: tuple[str, ...]  # relative to path; "lib/*" style wildcards allowed

    def classpath_arg(self) -> str:
        return os.pathsep.join(str(self.path / entry) for entry in self.classpath)


def find_installation(home: Home, version: str | None = None) -> Installation | None:
    """The install for `version` (default: the pinned one), or None if there is none yet."""
    version = version or pinned_version()
    path = home.install_dir(version)
    try:
        data = json.loads((path / MANIFEST).read_text())
        classpath = tuple(str(entry) for entry in data["classpath"])
        source = str(data["source"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return Installation(version=version, path=path, source=source, classpath=classpath)


def ensure_installed(home: Home, progress: Progress | None = None) -> Installation:
    """Return the pinned install, installing it first if needed.

    Java is checked only when installing: a run whose paragraphs are all cached needs no Java.
    """
    say = progress or (lambda _message: None)
    version = pinned_version()
    found = find_installation(home, version)
    if found:
        return found
    home.ensure()
    with _locked(home.install_lock(version), say):
        found = find_installation(home, version)  # someone else finished while we waited
        if found:
            return found
        require_java()
        return _install(home, version, say)


@contextlib.contextmanager
def _locked(lock_path: Path, say: Progress) -> Iterator[None]:
    with open(lock_path, "a+b") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say("LanguageTool: waiting for another newslint process that is installing it…")
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _install(home: Home, version: str, say: Progress) -> Installation:
    final = home.install_dir(version)
    for stale in home.root.glob(f".tmp-languagetool-{version}-*"):
        shutil.rmtree(stale, ignore_errors=True)  # left by a killed install; we hold the lock
    tmp = Path(tempfile.mkdtemp(prefix=f".tmp-languagetool-{version}-", dir=home.root))
    started = time.monotonic()
    try:
        source, classpath = _fetch(version, tmp, say)
        manifest = {"version": version, "source": source, "classpath": list(classpath)}
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        tmp.chmod(0o755)
        if final.exists() or final.is_symlink():  # an incomplete dir without manifest
            shutil.rmtree(final, ignore_errors=True)
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    say(f"LanguageTool {version} installed in {final} ({time.monotonic() - started:.0f} s).")
    return Installation(version=version, path=final, source=source, classpath=classpath)


def _fetch(version: str, tmp: Path, say: Progress) -> tuple[str, tuple[str, ...]]:
    """Fill `tmp` with jars; Maven when available, LanguageTool's zip download otherwise."""
    mvn = shutil.which("mvn")
    maven_error = "mvn not found"
    if mvn:
        say(f"LanguageTool {version}: first run, fetching it with Maven (about 120 MB)…")
        try:
            pom = tmp / "pom.xml"  # a copy: the package dir may be read-only; kept as a record
            shutil.copyfile(POM, pom)
            run_maven(Path(mvn), pom, tmp / "lib", say)
            check_jars(tmp / "lib", version)
            return "maven", ("lib/*",)
        except LanguageToolUnavailable as exc:
            maven_error = str(exc)
            shutil.rmtree(tmp / "lib", ignore_errors=True)
    say(f"LanguageTool {version}: {maven_error}; downloading the official zip instead…")
    try:
        download_zip(version, tmp / "dist")
    except Exception as exc:
        raise LanguageToolUnavailable(
            f"could not install LanguageTool {version} ({maven_error}; download: {exc}); "
            f"install Maven, {ALTERNATIVES}."
        ) from exc
    return "download", ("dist/languagetool-server.jar",)


def run_maven(mvn: Path, pom: Path, out: Path, say: Progress) -> None:
    """`mvn dependency:copy-dependencies`, showing download progress every 25 jars."""
    cmd = [
        str(mvn),
        "-B",
        "-Dstyle.color=never",
        "-f",
        str(pom),
        "dependency:copy-dependencies",
        "-DincludeScope=runtime",
        f"-DoutputDirectory={out}",
    ]
    tail: deque[str] = deque(maxlen=15)
    downloaded = 0
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, stdin=subprocess.DEVNULL
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            tail.append(line.rstrip())
            if "Downloaded from" in line and ".jar" in line:
                downloaded += 1
                if downloaded % 25 == 0:
                    say(f"LanguageTool: {downloaded} jars downloaded…")
        code = proc.wait()
    if code != 0:
        errors = [line for line in tail if "ERROR" in line] or list(tail)[-3:]
        raise LanguageToolUnavailable(f"mvn failed ({code}): {' | '.join(errors)[:500]}")


def check_jars(lib: Path, version: str) -> None:
    names = {jar.name for jar in lib.glob("*.jar")}
    missing = [name for name in _REQUIRED_JARS if f"{name}-{version}.jar" not in names]
    if missing:
        raise LanguageToolUnavailable(f"Maven install lacks {', '.join(missing)}")


def download_zip(version: str, dest: Path) -> None:
    """The download language-tool-python performs (checksummed zip from LanguageTool's release
    page), unpacked into `dest`. language-tool-python downloads into `$LTP_PATH`; pointing that
    at a private temporary directory keeps its shared install untouched. We hold the install
    lock here and no threads run yet, so the temporary environment change is safe."""
    from language_tool_python.download_lt import ReleaseLocalLanguageTool

    workdir = dest.parent / "download"
    workdir.mkdir()
    previous = os.environ.get("LTP_PATH")
    os.environ["LTP_PATH"] = str(workdir)
    try:
        ReleaseLocalLanguageTool(version).download()
    finally:
        if previous is None:
            os.environ.pop("LTP_PATH", None)
        else:
            os.environ["LTP_PATH"] = previous
    unpacked = workdir / f"LanguageTool-{version}"
    if not (unpacked / "languagetool-server.jar").is_file():
        raise LanguageToolUnavailable(
            f"the download has no {unpacked.name}/languagetool-server.jar"
        )
    unpacked.rename(dest)
    shutil.rmtree(workdir, ignore_errors=True)
