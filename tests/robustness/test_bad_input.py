"""Bad input never crashes a run, never hides another file's results, and says what it is."""

from __future__ import annotations

import codecs
import json
import os
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import cli

GOOD = "Titel\n\nEin  Fehler.\n"


def _check(*paths: Path | str, extra: tuple[str, ...] = ()) -> tuple[int, list[dict[str, object]]]:
    result = CliRunner().invoke(
        cli, ["check", "--no-languagetool", "--format", "json", *extra, *map(str, paths)]
    )
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout)["diagnostics"]


def _by_name(diagnostics: list[dict[str, object]]) -> dict[str, list[tuple[object, ...]]]:
    found: dict[str, list[tuple[object, ...]]] = {}
    for d in diagnostics:
        found.setdefault(Path(str(d["path"])).name, []).append((d["rule"], d["message"]))
    return found


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "binary.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary file (NUL byte at byte 8), not checked",
        ),
        ("nul.md", b"# Titel\n\nText\x00mehr\n", "binary file (NUL byte at byte 13), not checked"),
        (
            "latin1.txt",
            "Titel\n\nÄrger\n".encode("latin-1"),
            "not valid UTF-8 (byte 0xc4 at byte 7); convert it, e.g. `iconv -f latin1 -t utf-8`",
        ),
        (
            "broken.txt",
            b"Titel\n\nab\xe2\x82",
            "not valid UTF-8 (byte 0xe2 at byte 9); convert it, e.g. `iconv -f latin1 -t utf-8`",
        ),
    ],
)
def test_unreadable_file_is_one_error_and_others_are_checked(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, diagnostics = _check(tmp_path / name, tmp_path / "good.txt")
    assert code == 2
    found = _by_name(diagnostics)
    assert found[name] == [("newslint.read-error", message)]
    assert found["good.txt"] == [("de-news.doubled-space", "Doppeltes Leerzeichen")]


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"))
    code, diagnostics = _check(tmp_path / "a.txt")
    assert (code, [(d["line"], d["column"]) for d in diagnostics]) == (1, [(3, 4)])


@pytest.mark.parametrize("content", ["", "   \n\n\t\n", "\n"])
def test_empty_and_whitespace_only_files(tmp_path: Path, content: str) -> None:
    (tmp_path / "a.txt").write_text(content, encoding="utf-8")
    assert _check(tmp_path / "a.txt") == (0, [])


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_positions(tmp_path: Path, newline: str) -> None:
    (tmp_path / "a.txt").write_bytes(newline.join(["Titel", "", "Eins", "zwei  drei", ""]).encode())
    _, diagnostics = _check(tmp_path / "a.txt")
    assert [(d["line"], d["column"]) for d in diagnostics] == [(4, 5)]


def test_ten_megabyte_single_line(tmp_path: Path) -> None:
    line = "Ein Satz ohne Fehler. " * 480_000 + "Am Ende  doppelt."
    (tmp_path / "a.txt").write_text("Titel\n\n" + line + "\n", encoding="utf-8")
    code, diagnostics = _check(tmp_path / "a.txt")
    assert code == 1
    assert [(d["line"], d["column"], d["rule"]) for d in diagnostics] == [
        (3, len(line) - 9, "de-news.doubled-space")
    ]


def test_fifty_megabyte_article(tmp_path: Path) -> None:
    """50 MB with 830,000 LF-only lines: splitting lines used to be quadratic (hours)."""
    line = "    return compute(x, y)  # Code  mit doppelten Leerzeichen\n"
    body = line * (50_000_000 // len(line))
    text = "# Titel\n\nErster  Absatz.\n\n```python\n" + body + "```\n\nLetzter  Absatz.\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    code, diagnostics = _check(tmp_path / "a.md")
    last = text.count("\n")
    assert code == 1
    assert [(d["line"], d["column"]) for d in diagnostics] == [(3, 7), (last, 8)]


@pytest.mark.skipif(
    not os.environ.get("NEWSLINT_SLOW"), reason="50 MB of prose takes minutes (NEWSLINT_SLOW=1)"
)
@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["one-paragraph", "paragraphs"])
def test_fifty_megabyte_of_prose(tmp_path: Path, separator: str) -> None:
    """Every check runs on every paragraph: linear, but minutes (see docs/robustness.md)."""
    para = "Der Bundestag hat am Donnerstag beraten. Die Opposition kritisierte „die Pläne“."
    count = 50_000_000 // len((para + separator).encode())
    text = "Titel\n\n" + separator.join([para] * count) + "\n\nAm Ende  doppelt.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    code, diagnostics = _check(tmp_path / "a.txt")
    assert (code, [(d["line"], d["column"]) for d in diagnostics]) == (
        1,
        [(text.count("\n"), 8)],
    )


def test_mixed_line_endings_in_one_file(tmp_path: Path) -> None:
    data = "Titel\r\n\r\nEins\rzwei  drei\nvier  fünf\r\nEnde  .\n".encode()
    (tmp_path / "a.txt").write_bytes(data)
    _, diagnostics = _check(tmp_path / "a.txt")
    assert [(d["line"], d["column"]) for d in diagnostics][:3] == [(4, 5), (5, 5), (6, 5)]


@pytest.mark.parametrize("name", ["a.txt", "a.md"])
def test_paragraph_of_soft_hyphens_only(tmp_path: Path, name: str) -> None:
    """HanTa raises IndexError on an empty word; a lone U+00AD is one once removed."""
    (tmp_path / name).write_text("Titel\n\n\u00ad\n\nDer Text \u00ad\u00ad ist da.\n")
    assert _check(tmp_path / name) == (0, [])


def test_deeply_nested_markdown_does_not_crash(tmp_path: Path) -> None:
    lists = "".join("  " * i + "- Punkt\n" for i in range(200))
    quotes = ">" * 300 + " Zitat\n"
    (tmp_path / "a.md").write_text(
        "# Titel\n\n" + lists + "\n" + quotes + "\nEnde  hier.\n", encoding="utf-8"
    )
    code, diagnostics = _check(tmp_path / "a.md")
    assert code == 1
    assert [(d["line"], d["rule"]) for d in diagnostics][-1] == (206, "de-news.doubled-space")


def test_unterminated_fence_and_front_matter(tmp_path: Path) -> None:
    (tmp_path / "fence.md").write_text(
        "# Titel\n\nText  eins.\n\n```\ncode  hier\n", encoding="utf-8"
    )
    (tmp_path / "front.md").write_text("---\ntitle: x\n\nText  eins.\n", encoding="utf-8")
    _, diagnostics = _check(tmp_path / "fence.md", tmp_path / "front.md")
    assert sorted((Path(str(d["path"])).name, d["line"]) for d in diagnostics) == [
        ("fence.md", 3),
        ("front.md", 4),
    ]


def test_html_in_markdown_is_not_prose(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        '# Titel\n\n<div class="box">\nim  HTML\n</div>\n\n'
        "Text mit <span>inline  html</span> da.\n",
        encoding="utf-8",
    )
    _, diagnostics = _check(tmp_path / "a.md")
    assert [(d["line"], d["column"]) for d in diagnostics] == [(7, 22)]


def test_symlink_loop_in_directory_walk(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    code, diagnostics = _check(tmp_path)
    assert code == 1
    assert [Path(str(d["path"])).name for d in diagnostics] == ["a.txt"]


def test_missing_path_is_an_error_for_that_path_only(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, diagnostics = _check(tmp_path / "gone.txt", tmp_path / "good.txt")
    assert code == 2
    found = _by_name(diagnostics)
    assert found["gone.txt"] == [
        ("newslint.read-error", "file not found (it may have been removed during the run)")
    ]
    assert found["good.txt"] == [("de-news.doubled-space", "Doppeltes Leerzeichen")]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files without permission")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(GOOD, encoding="utf-8")
    path.chmod(0)
    code, diagnostics = _check(path)
    assert (code, diagnostics[0]["message"]) == (2, "permission denied")


def test_named_pipe_and_socket_are_refused_not_waited_on(tmp_path: Path) -> None:
    """A FIFO among the articles used to block the run forever (open() waits for a writer)."""
    os.mkfifo(tmp_path / "pipe.md")
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(tmp_path / "sock.md"))
        (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
        code, diagnostics = _check(tmp_path)
    assert code == 2
    found = _by_name(diagnostics)
    assert found["pipe.md"] == [
        ("newslint.read-error", "not a regular file (named pipe), not checked")
    ]
    assert found["sock.md"] == [("newslint.read-error", "not a regular file (socket), not checked")]
    assert found["good.txt"] == [("de-news.doubled-space", "Doppeltes Leerzeichen")]


def test_endless_device_named_on_the_command_line_is_refused() -> None:
    code, diagnostics = _check("/dev/zero")
    assert (code, [d["message"] for d in diagnostics]) == (
        2,
        ["not a regular file (character device), not checked"],
    )


def test_path_through_a_file_is_one_error_even_for_root(tmp_path: Path) -> None:
    """chmod 000 does not stop root; a path through a file (ENOTDIR) fails for everyone."""
    (tmp_path / "plain.txt").write_text(GOOD, encoding="utf-8")
    code, diagnostics = _check(tmp_path / "plain.txt" / "a.txt")
    assert (code, [d["message"] for d in diagnostics]) == (2, ["cannot read: Not a directory"])


def test_catastrophic_pattern_is_stopped_and_the_run_completes(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "slow.yaml").write_text(
        "kind: pattern\ndescription: d\nmessage: m\ncategory: style\n"
        "pattern: '(a|aa)+b'\n"
        "examples:\n  fail: [{text: aa, match: aa}]\n  pass: [b]\n",
        encoding="utf-8",
    )
    (tmp_path / "newslint.yaml").write_text("packs: [de-news, ./house]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Titel\n\n" + "a" * 40 + "!  Ende.\n", encoding="utf-8")
    code, diagnostics = _check(
        tmp_path / "a.txt", extra=("--config", str(tmp_path / "newslint.yaml"))
    )
    assert code == 2
    assert sorted((d["rule"], d["message"]) for d in diagnostics) == [
        ("de-news.doubled-space", "Doppeltes Leerzeichen"),
        (
            "newslint.rule-error",
            "rule house.slow stopped: its pattern ran past the time limit on one paragraph",
        ),
    ]
