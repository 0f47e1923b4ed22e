"""`newslint languagetool ...` through click, against the session's shared server."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.languagetool import LanguageTool, LTSettings, TextPart
from newslint.languagetool.commands import languagetool
from newslint.languagetool.install import Installation
from newslint.languagetool.paths import Home


def run(home: Home, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        languagetool, list(args), env={"NEWSLINT_CACHE_DIR": str(home.root)}
    )
    return result.exit_code, result.output


def test_status_start_path_and_cache_clear(home: Home, installation: Installation) -> None:
    with LanguageTool(LTSettings(), home=home) as lt:
        lt.check_many([[TextPart("Ein Satz.")], [TextPart("Noch ein Satz.")]])
    code, out = run(home, "status")
    assert code == 0
    assert "installed (maven)" in out and "shared server: running at http://127.0.0.1:" in out
    assert "result cache: 2 paragraphs" in out
    code, out = run(home, "start")  # already running: returns at once
    assert code == 0 and "running at http://127.0.0.1:" in out
    assert run(home, "path") == (0, f"{home.install_dir(installation.version)}\n")
    assert run(home, "install")[0] == 0
    home.findings_db.write_bytes(b"")  # not a database: cleared all the same
    assert run(home, "cache", "clear") == (0, "removed 2 cached results and 0 cached documents\n")
    assert not home.results_db.exists() and not home.findings_db.exists()


def test_unavailable_means_exit_2_and_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("newslint.languagetool.java.find_java", lambda: None)
    empty = Home(tmp_path)
    code, out = run(empty, "install")
    assert code == 2
    assert out.count("\n") == 1 and out.startswith("newslint: error: LanguageTool needs Java")
    assert run(empty, "path")[0] == 2
    assert run(empty, "stop") == (0, "not running\n")
    assert "not installed" in run(empty, "status")[1]
