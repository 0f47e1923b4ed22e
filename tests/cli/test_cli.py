"""The command line as a user meets it: exit codes, one-line errors, files that cannot be read."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import cli

ARTICLE = "Titel\n\nDer Text  hat einen Fehler.\n"
CLEAN = "Titel\n\nDer Text hat keinen Fehler.\n"


def run(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newslint", *args],
        cwd=cwd,
        input=stdin.decode() if stdin else None,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def _json(args: list[str], cwd: Path) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(
        cli, ["check", "--no-languagetool", "--format", "json", *args], catch_exceptions=False
    )
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def test_findings_exit_1_with_exact_position(articles: Path) -> None:
    code, diagnostics = _json([str(articles / "a.txt")], articles)
    assert code == 1
    assert [(d["line"], d["column"], d["end_column"], d["rule"]) for d in diagnostics] == [
        (3, 9, 11, "de-news.doubled-space")
    ]


def test_clean_file_exits_0(articles: Path) -> None:
    code, diagnostics = _json([str(articles / "b.txt")], articles)
    assert (code, diagnostics) == (0, [])


def test_exit_zero_and_min_severity(articles: Path) -> None:
    code, _ = _json(["--exit-zero", str(articles / "a.txt")], articles)
    assert code == 0
    code, diagnostics = _json(["--min-severity", "error", str(articles / "a.txt")], articles)
    assert (code, diagnostics) == (0, [])


def test_select_and_ignore_by_pack_prefix(articles: Path) -> None:
    _, diagnostics = _json(["--ignore", "de-news", str(articles / "a.txt")], articles)
    assert diagnostics == []
    _, diagnostics = _json(["--select", "de-news.quotes", str(articles / "a.txt")], articles)
    assert diagnostics == []
    _, diagnostics = _json(["--select", "de-news.doubled-space", str(articles / "a.txt")], articles)
    assert len(diagnostics) == 1


def test_non_utf8_file_is_reported_and_others_still_checked(articles: Path) -> None:
    (articles / "latin1.txt").write_bytes("Titel\n\nGrün  ist es.\n".encode("latin-1"))
    code, diagnostics = _json([str(articles)], articles)
    assert code == 2
    by_file = {(Path(str(d["path"])).name, d["rule"]) for d in diagnostics}
    assert ("latin1.txt", "newslint.read-error") in by_file
    assert ("a.txt", "de-news.doubled-space") in by_file
    error = next(d for d in diagnostics if d["rule"] == "newslint.read-error")
    assert error["message"] == (
        "not valid UTF-8 (byte 0xfc at byte 9); convert it, e.g. `iconv -f latin1 -t utf-8`"
    )


def test_unknown_option_is_usage_error() -> None:
    result = run("check", "--no-such-option", "x.txt")
    assert result.returncode == 2
    assert "No such option '--no-such-option'" in result.stderr


def test_broken_rule_file_names_file_line_and_key(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "bad.yaml").write_text(
        "kind: pattern\ndescription: d\nmessage: m\ncategory: style\npatern: 'x'\n"
        "examples:\n  fail: [{text: x, match: x}]\n  pass: [y]\n",
        encoding="utf-8",
    )
    (tmp_path / "newslint.yaml").write_text("packs: [de-news, ./house]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "--no-languagetool", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("newslint: error: ")
    assert lines[0].endswith(
        "house/bad.yaml:5: key 'patern': unknown key (allowed: case, category, "
        "description, examples, exceptions, group, kind, link, message, pattern, "
        "quotes, replacement, safe_fix, scope, severity, trigger)"
    )


def test_bad_regex_in_rule_file(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "bad.yaml").write_text(
        "kind: pattern\ndescription: d\nmessage: m\ncategory: style\npattern: '(unclosed'\n"
        "examples:\n  fail: [{text: x, match: x}]\n  pass: [y]\n",
        encoding="utf-8",
    )
    (tmp_path / "newslint.yaml").write_text("packs: [./house]\n", encoding="utf-8")
    result = run("check", "--no-languagetool", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "house/bad.yaml:5: key 'pattern': regular expression does not compile" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_yaml_config(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("language: [de-DE\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    result = run("check", "--no-languagetool", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert "newslint.yaml:2: invalid YAML" in result.stderr


def test_stdin_with_filename_uses_markdown_reader() -> None:
    result = run(
        "check",
        "--no-languagetool",
        "--format",
        "json",
        "--stdin-filename",
        "x.md",
        "-",
        stdin=b"---\ntags: [a,  b]\n---\n\n# Titel\n\nText  hier.\n",
    )
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert [(d["path"], d["line"], d["column"]) for d in diagnostics] == [("x.md", 7, 5)]
    assert result.returncode == 1


def test_config_file_walk_up_and_per_rule_override(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text(
        "rules:\n  de-news.doubled-space: error\nfail_on: error\n", encoding="utf-8"
    )
    sub = tmp_path / "ressort" / "politik"
    sub.mkdir(parents=True)
    (sub / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run("check", "--no-languagetool", "--format", "json", str(sub / "a.txt"))
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert [d["severity"] for d in diagnostics] == ["error"]
    assert result.returncode == 1


def test_rules_lists_and_explains() -> None:
    result = run("rules")
    assert result.returncode == 0
    assert "de-news.doubled-space" in result.stdout
    explained = run("rules", "de-news.stray-letter")
    assert "Regierungschef r Kim" in explained.stdout
    assert run("rules", "no.such-rule").returncode == 2


def test_config_shows_origins(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("language: de-AT\n", encoding="utf-8")
    result = run("config", str(tmp_path))
    assert "language: de-AT  # from " + str(tmp_path / "newslint.yaml") in result.stdout
    assert "packs: [de-news]  # from preset default" in result.stdout


def _exit_now(code: str) -> subprocess.CompletedProcess[str]:
    script = (
        "import atexit\n"
        "from newslint.cli import _exit_now\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        "print('output', end=' ')\n"
        f"_exit_now({code})\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(("code", "status"), [("None", 0), ("1", 1), ("2", 2)])
def test_fast_exit_flushes_output_and_runs_atexit(code: str, status: int) -> None:
    """The console script skips the interpreter's teardown, not its output or exit handlers
    (they stop a private LanguageTool server)."""
    result = _exit_now(code)
    assert (result.returncode, result.stdout) == (status, "output atexit ran\n")


def test_fast_exit_with_a_message_prints_it_and_exits_1() -> None:
    result = _exit_now("'newslint: stopped'")
    assert (result.returncode, result.stderr) == (1, "newslint: stopped\n")


def test_console_script_output_complete_through_a_pipe(tmp_path: Path) -> None:
    """Many findings written to a pipe arrive whole before the process leaves."""
    (tmp_path / "long.txt").write_text("Titel\n\n" + "Der Text  hat Fehler.\n\n" * 400, "utf-8")
    result = run("check", "--no-languagetool", "--format", "json", str(tmp_path / "long.txt"))
    diagnostics = json.loads(result.stdout)["diagnostics"]
    assert result.returncode == 1
    assert len(diagnostics) == 400
    assert (diagnostics[-1]["line"], diagnostics[-1]["column"]) == (801, 9)
