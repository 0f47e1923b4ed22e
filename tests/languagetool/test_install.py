"""Provisioning: the pom, the fallback decision, atomic installs, the Java check."""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path

import pytest

from newslint.languagetool import install
from newslint.languagetool.errors import LanguageToolUnavailable
from newslint.languagetool.install import Installation, ensure_installed, find_installation
from newslint.languagetool.java import parse_java_major, require_java
from newslint.languagetool.paths import Home

VERSION = install.pinned_version()


@pytest.fixture
def no_java_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(install, "require_java", lambda: Path("/usr/bin/java"))


def fake_download(version: str, dest: Path) -> None:
    dest.mkdir()
    (dest / "languagetool-server.jar").write_bytes(b"PK")


def leftovers(home: Home) -> list[str]:
    return sorted(p.name for p in home.root.iterdir() if p.name.startswith(".tmp"))


def test_pom_pins_a_recent_release_with_only_the_needed_languages() -> None:
    assert tuple(int(n) for n in VERSION.split(".")) >= (6, 7)
    pom = install.POM.read_text()
    artifacts = set(re.findall(r"<artifactId>([^<]+)</artifactId>", pom))
    assert {"languagetool-server", "language-de", "language-en"} <= artifacts
    assert "language-all" in artifacts  # ... as an exclusion:
    assert re.search(
        r"<exclusion>\s*<groupId>org.languagetool</groupId>\s*"
        r"<artifactId>language-all</artifactId>",
        pom,
    )


def test_installed_language_modules(installation: Installation) -> None:
    """de and en, plus es/ca/pt: LanguageTool 6.8's language detector needs those three at
    server start (CommonWordsDetector), without them the server exits at once."""
    modules = {
        m.group(1)
        for jar in (installation.path / "lib").glob("*.jar")
        if (m := re.fullmatch(rf"language-([a-z]{{2}})-{re.escape(VERSION)}\.jar", jar.name))
    }
    assert modules == {"de", "en", "es", "ca", "pt"}


def test_without_maven_the_official_download_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_java_check: None
) -> None:
    monkeypatch.setattr("newslint.languagetool.install.shutil.which", lambda name: None)
    monkeypatch.setattr(install, "download_zip", fake_download)
    messages: list[str] = []
    home = Home(tmp_path)
    found = ensure_installed(home, messages.append)
    assert found.source == "download"
    assert found.classpath_arg() == str(home.install_dir(VERSION) / "dist/languagetool-server.jar")
    assert find_installation(home) == found
    assert any("mvn not found" in m and "downloading" in m for m in messages)
    assert leftovers(home) == []


def test_failing_maven_falls_back_to_the_download(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_java_check: None
) -> None:
    def broken_maven(*args: object) -> None:
        raise LanguageToolUnavailable("mvn failed (1): [ERROR] Could not resolve")

    monkeypatch.setattr("newslint.languagetool.install.shutil.which", lambda name: "/usr/bin/mvn")
    monkeypatch.setattr(install, "run_maven", broken_maven)
    monkeypatch.setattr(install, "download_zip", fake_download)
    assert ensure_installed(Home(tmp_path)).source == "download"


def test_when_everything_fails_nothing_half_done_remains(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_java_check: None
) -> None:
    def offline(version: str, dest: Path) -> None:
        dest.mkdir()
        (dest / "partial.jar").write_bytes(b"")
        raise OSError("network unreachable")

    monkeypatch.setattr("newslint.languagetool.install.shutil.which", lambda name: None)
    monkeypatch.setattr(install, "download_zip", offline)
    home = Home(tmp_path)
    (tmp_path / f".tmp-languagetool-{VERSION}-stale").mkdir()  # from a killed install
    with pytest.raises(LanguageToolUnavailable) as caught:
        ensure_installed(home)
    message = str(caught.value)
    assert "\n" not in message
    assert "mvn not found" in message and "network unreachable" in message
    assert "--no-languagetool" in message and "languagetool.url" in message
    assert not home.install_dir(VERSION).exists()
    assert leftovers(home) == []


def test_concurrent_installs_fetch_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_java_check: None
) -> None:
    calls: list[int] = []

    def slow_fetch(version: str, tmp: Path, say: object) -> tuple[str, tuple[str, ...]]:
        calls.append(1)
        time.sleep(0.3)
        (tmp / "lib").mkdir()
        return "maven", ("lib/*",)

    monkeypatch.setattr(install, "_fetch", slow_fetch)
    results: list[Installation] = []
    threads = [
        threading.Thread(target=lambda: results.append(ensure_installed(Home(tmp_path))))
        for _ in range(3)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert len(set(results)) == 1 and len(results) == 3


def test_download_zip_keeps_language_tool_python_out_of_its_shared_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from language_tool_python.download_lt import ReleaseLocalLanguageTool
    from language_tool_python.utils import get_language_tool_download_path

    seen: list[Path] = []

    def download(self: ReleaseLocalLanguageTool) -> None:
        folder = get_language_tool_download_path()  # honours $LTP_PATH, as the real one does
        seen.append(folder)
        unpacked = folder / f"LanguageTool-{self.version_name}"
        unpacked.mkdir()
        (unpacked / "languagetool-server.jar").write_bytes(b"PK")

    monkeypatch.setattr(ReleaseLocalLanguageTool, "download", download)
    monkeypatch.setenv("LTP_PATH", "/somewhere/else")
    (tmp_path / "work").mkdir()
    install.download_zip(VERSION, tmp_path / "work" / "dist")
    assert seen == [tmp_path / "work" / "download"]
    assert (tmp_path / "work" / "dist" / "languagetool-server.jar").is_file()
    assert not (tmp_path / "work" / "download").exists()
    assert os.environ["LTP_PATH"] == "/somewhere/else"


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment', 17),
        ('java version "1.8.0_392"\nJava(TM) SE Runtime Environment', 8),
        ('openjdk version "21" 2023-09-19', 21),
        ("openjdk 17.0.2 2022-01-18", 17),
        ('Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "11.0.22"', 11),
        ("something else", None),
    ],
)
def test_parse_java_major(output: str, major: int | None) -> None:
    assert parse_java_major(output) == major


def test_missing_java_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newslint.languagetool.java.find_java", lambda: None)
    with pytest.raises(LanguageToolUnavailable) as caught:
        require_java()
    message = str(caught.value)
    assert "\n" not in message
    assert "Java 17" in message and "openjdk-17" in message
    assert "--no-languagetool" in message and "languagetool.url" in message


def test_old_java_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    java = tmp_path / "java"
    java.write_text("#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n")
    java.chmod(0o755)
    monkeypatch.setattr("newslint.languagetool.java.find_java", lambda: java)
    with pytest.raises(LanguageToolUnavailable, match=r"is Java 11: install a Java 17\+"):
        require_java()


def fake_mvn(tmp_path: Path, body: str) -> Path:
    mvn = tmp_path / "mvn"
    mvn.write_text(f"#!/bin/sh\n{body}\n")
    mvn.chmod(0o755)
    return mvn


def test_maven_progress_and_errors(tmp_path: Path) -> None:
    messages: list[str] = []
    ok = fake_mvn(
        tmp_path,
        'for i in $(seq 30); do echo "[INFO] Downloaded from central: https://x/$i.jar"; done',
    )
    install.run_maven(ok, install.POM, tmp_path / "lib", messages.append)
    assert messages == ["LanguageTool: 25 jars downloaded…"]
    failing = fake_mvn(
        tmp_path, 'echo "[INFO] Scanning"; echo "[ERROR] Could not resolve x"; exit 1'
    )
    with pytest.raises(LanguageToolUnavailable, match=r"^mvn failed \(1\): \[ERROR\] Could not"):
        install.run_maven(failing, install.POM, tmp_path / "lib", messages.append)
