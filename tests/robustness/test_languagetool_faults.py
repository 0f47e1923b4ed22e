"""LanguageTool failing under a run, through the CLI: a remote server answering 5xx or garbage,
a result cache that is corrupt or cannot be written, and `--fix` while LanguageTool fails.

Each affected file gets one `newslint.check-error` diagnostic and the exit code is 2; the YAML
rules' findings are still reported; `--fix` writes whole files or nothing; the cache never
answers for a text it was not computed for. Killed, stuck and restarted servers are covered
in tests/languagetool/test_retries.py and test_lifecycle.py (real JVM).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newslint.cli import cli
from tests.fakelt import FakeLanguageTool

A = "Titel\n\nEin Fehlr und ein  Leerzeichen.\n"
B = "Titel\n\nZwei Sätze. Noch ein Fehlr hier.\n"


@pytest.fixture
def fake() -> Iterator[FakeLanguageTool]:
    server = FakeLanguageTool()
    yield server
    server.close()


@pytest.fixture
def project(tmp_path: Path, fake: FakeLanguageTool, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "newslint.yaml").write_text(
        f"languagetool:\n  url: {fake.url}\n  timeout: 5\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text(A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(B, encoding="utf-8")
    return tmp_path


def _check(project: Path, *extra: str) -> tuple[Result, list[tuple[str, int, str, str]]]:
    files = [str(project / "a.txt"), str(project / "b.txt")]
    result = CliRunner().invoke(
        cli, ["check", "--languagetool", "--format", "json", *extra, *files]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    found = [
        (Path(d["path"]).name, d["column"], d["rule"], d["message"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    return result, found


HEALTHY = [
    ("a.txt", 5, "languagetool.FAKE_RULE", "Fake: Fehlr"),
    ("a.txt", 18, "de-news.doubled-space", "Doppeltes Leerzeichen"),
    ("b.txt", 22, "languagetool.FAKE_RULE", "Fake: Fehlr"),
]


def test_healthy_fake_server_baseline(project: Path) -> None:
    result, found = _check(project)
    assert (result.exit_code, found) == (1, HEALTHY)


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("500", "LanguageTool refused the paragraph: HTTP 500: Error: internal trouble"),
        ("503", "LanguageTool refused the paragraph: HTTP 503: Error: internal trouble"),
        ("garbage", "LanguageTool refused the paragraph: answer is not JSON"),
        ("shape", "unexpected LanguageTool answer (KeyError('matches'))"),
        ("outside", "match 40+3 lies outside the text"),
    ],
)
def test_bad_answers_are_one_error_per_file(
    project: Path, fake: FakeLanguageTool, mode: str, reason: str
) -> None:
    fake.mode = mode
    result, found = _check(project)
    assert result.exit_code == 2
    errors = [(name, message) for name, _, rule, message in found if rule.startswith("newslint.")]
    if mode == "outside":  # the offset depends on each paragraph's length
        assert [name for name, _ in errors] == ["a.txt", "b.txt"]
        assert all("lies outside the text" in message for _, message in errors)
    else:
        assert errors == [("a.txt", reason), ("b.txt", reason)]
    assert ("a.txt", 18, "de-news.doubled-space", "Doppeltes Leerzeichen") in found
    assert not any(rule.startswith("languagetool.") for _, _, rule, _ in found)


def test_server_slower_than_the_timeout(
    project: Path, fake: FakeLanguageTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A remote server is never restarted: one retry if it still answers, then an error."""
    (project / "newslint.yaml").write_text(
        f"languagetool:\n  url: {fake.url}\n  timeout: 1\n", encoding="utf-8"
    )
    fake.mode = "hang"
    result, found = _check(project)
    assert result.exit_code == 2
    errors = {(name, message) for name, _, rule, message in found if rule.startswith("newslint.")}
    assert errors == {
        ("a.txt", "LanguageTool did not answer within 1 s (after retry)"),
        ("b.txt", "LanguageTool did not answer within 1 s (after retry)"),
    }


def test_server_killed_mid_run(project: Path, fake: FakeLanguageTool) -> None:
    fake.mode = "die"
    result, found = _check(project)
    assert result.exit_code == 2
    errors = [(name, message) for name, _, rule, message in found if rule.startswith("newslint.")]
    assert [name for name, _ in errors] == ["a.txt", "b.txt"]
    assert all(m.startswith("LanguageTool could not be reached") for _, m in errors), errors
    assert all(m.endswith("(restart failed)") for _, m in errors), errors
    assert ("a.txt", 18, "de-news.doubled-space", "Doppeltes Leerzeichen") in found


def test_failures_are_not_cached(project: Path, fake: FakeLanguageTool) -> None:
    fake.mode = "500"
    assert _check(project)[0].exit_code == 2
    fake.mode = "ok"
    result, found = _check(project)
    assert (result.exit_code, found) == (1, HEALTHY)


def test_fix_while_languagetool_fails_writes_whole_files(
    project: Path, fake: FakeLanguageTool
) -> None:
    fake.mode = "garbage"
    result, found = _check(project, "--fix")
    assert result.exit_code == 2
    assert (project / "a.txt").read_text(encoding="utf-8") == A.replace("  ", " ")
    assert (project / "b.txt").read_text(encoding="utf-8") == B
    assert sorted(p.name for p in project.iterdir() if p.name != "cache") == [
        "a.txt",
        "b.txt",
        "newslint.yaml",
    ]
    # Without LanguageTool's match, newslint's own speller reports "Fehlr".
    assert [(name, rule) for name, _, rule, _ in found] == [
        ("a.txt", "newslint.check-error"),
        ("a.txt", "de-news.typo"),
        ("b.txt", "newslint.check-error"),
        ("b.txt", "de-news.typo"),
    ]


def test_corrupt_cache_file_is_replaced_and_results_stay_right(
    project: Path, fake: FakeLanguageTool
) -> None:
    (project / "cache").mkdir()
    (project / "cache" / "results.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    result, found = _check(project)
    assert (result.exit_code, found) == (1, HEALTHY)
    assert result.stderr.count("was corrupt; started afresh") == 1
    sent = len(fake.seen)
    assert _check(project)[1] == HEALTHY
    assert len(fake.seen) == sent + 1  # only the remote version probe: answers from the cache


def test_cache_that_cannot_be_created_switches_off(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Works as root too: the cache dir is a file, so nothing can be created below it."""
    (project / "blocker").write_text("", encoding="utf-8")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(project / "blocker"))
    result, found = _check(project)
    assert (result.exit_code, found) == (1, HEALTHY)
    # one warning per cache (LanguageTool's results, newslint's findings), each once
    assert result.stderr.count("checking without it") == 2
    assert result.stderr.count("LanguageTool result cache") == 1


def test_read_only_cache_switches_off(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root ignores file modes, so sqlite opens the file read-only as it would for a user."""
    assert _check(project)[0].exit_code == 1  # fill the cache
    real_connect = sqlite3.connect

    def read_only(database: object, **kwargs: object) -> sqlite3.Connection:
        return real_connect(f"file:{database}?mode=ro", uri=True, timeout=1.0)

    monkeypatch.setattr("newslint.languagetool.cache.sqlite3.connect", read_only)
    (project / "a.txt").write_text(A + "\nNeu hinzu.\n", encoding="utf-8")
    result, found = _check(project)
    assert (result.exit_code, found) == (1, HEALTHY)
    # one warning per cache (LanguageTool's results, newslint's findings), each once
    assert result.stderr.count("checking without it") == 2
    assert result.stderr.count("LanguageTool result cache") == 1


def test_cache_never_answers_for_another_text(project: Path, fake: FakeLanguageTool) -> None:
    """Swap the keys of two cached paragraphs: each must be a miss, sent again, and right."""
    assert _check(project)[1] == HEALTHY
    db = sqlite3.connect(project / "cache" / "results.sqlite3")
    rows = db.execute("SELECT key, material FROM results").fetchall()
    texts = {key: material for key, material in rows}
    first, second = [k for k, m in texts.items() if "Fehlr" in m][:2]
    db.execute("UPDATE results SET key = 'tmp' WHERE key = ?", (first,))
    db.execute("UPDATE results SET key = ? WHERE key = ?", (first, second))
    db.execute("UPDATE results SET key = ? WHERE key = 'tmp'", (second,))
    db.commit()
    db.close()
    (project / "cache" / "findings.sqlite3").unlink()  # else whole documents come from there
    fake.seen.clear()
    result, found = _check(project)
    assert (result.exit_code, found) == (1, HEALTHY)
    assert sum("Fehlr" in text for text in fake.seen) == 2


def test_unchanged_documents_skip_languagetool(project: Path, fake: FakeLanguageTool) -> None:
    """The filtered findings of an unchanged document come from the findings cache; a change
    of LanguageTool's settings, or of the document, sends its text again."""
    assert _check(project)[1] == HEALTHY
    fake.seen.clear()
    assert _check(project)[1] == HEALTHY
    assert [text for text in fake.seen if "Fehlr" in text] == []
    (project / "a.txt").write_text(A + "\nNeu hinzu.\n", encoding="utf-8")
    assert _check(project)[1] == HEALTHY
    # a.txt is checked again: its new paragraph is sent, the old one is in the result cache
    assert [text for text in fake.seen if "Neu" in text or "Fehlr" in text] == ["Neu hinzu."]
    fake.seen.clear()
    config = project / "newslint.yaml"
    config.write_text(
        config.read_text(encoding="utf-8") + "  disabled_rules: [FAKE_RULE]\n", encoding="utf-8"
    )
    _check(project)
    assert sum("Fehlr" in text for text in fake.seen) == 2  # other settings: both sent


def test_failed_document_is_not_stored(project: Path, fake: FakeLanguageTool) -> None:
    fake.mode = "500"
    _result, found = _check(project)
    assert [rule for _, _, rule, _ in found].count("newslint.check-error") == 2
    fake.mode = "ok"
    fake.seen.clear()
    assert _check(project)[1] == HEALTHY
    assert sum("Fehlr" in text for text in fake.seen) == 2


def test_broken_rule_file_while_languagetool_is_asked(
    project: Path, fake: FakeLanguageTool
) -> None:
    """LanguageTool's requests go out before the YAML rules compile; a rule that does not
    compile is still the one configuration error of the run (exit 2, file and key), and
    whatever LanguageTool answered meanwhile is not reported as a result."""
    (project / "house").mkdir()
    (project / "house" / "bad.yaml").write_text(
        "kind: pattern\ndescription: d\nmessage: m\ncategory: style\npattern: '(unclosed'\n"
        "examples:\n  fail: [{text: x, match: x}]\n  pass: [y]\n",
        encoding="utf-8",
    )
    (project / "newslint.yaml").write_text(
        f"packs: [de-news, ./house]\nlanguagetool:\n  url: {fake.url}\n  timeout: 5\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        cli, ["check", "--languagetool", "--format", "json", str(project / "a.txt")]
    )
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "house/bad.yaml:5: key 'pattern': regular expression does not compile" in result.stderr
