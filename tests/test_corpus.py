"""The evaluation corpus (../shared, when present): acceptance figures of the YAML rules, and
no finding ever inside Markdown front matter, code or link targets."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from newslint.cli import cli


def _run(paths: list[Path], tmp_path: Path) -> Path:
    result = CliRunner().invoke(
        cli,
        ["check", "--no-languagetool", "--language", "de-AT", "--format", "json", *map(str, paths)],
    )
    out = tmp_path / "out.json"
    out.write_text(result.stdout, encoding="utf-8")
    return out


def test_dev_corpus_yaml_rules(shared: Path, tmp_path: Path) -> None:
    corpus = shared / "corpus" / "dev"
    out = _run([corpus / "dirty", corpus / "clean"], tmp_path)
    scored = subprocess.run(
        [
            sys.executable,
            str(shared / "eval" / "score.py"),
            "--corpus",
            str(corpus),
            "--diagnostics",
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    summary = json.loads(scored.stdout.strip().splitlines()[-1])
    for name in ("doubled_space", "quotes", "stray_char", "repeated_word", "punctuation_space"):
        assert summary["recall"][name] >= 0.95, name
    assert summary["recall"]["tense"] >= 0.7
    assert summary["clean_fp_per_1000_words"] <= 0.3
    assert summary["diagnostics_unknown_path"] == 0


def _not_prose_lines(source: str) -> set[int]:
    """Lines of front matter and fenced code blocks (1-based)."""
    lines = source.split("\n")
    skip: set[int] = set()
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        skip.update(range(1, end + 2))
    fence = False
    for number, line in enumerate(lines, start=1):
        if line.startswith("```"):
            fence = not fence
            skip.add(number)
        elif fence:
            skip.add(number)
    return skip


def test_nothing_in_front_matter_code_or_urls(shared: Path, tmp_path: Path) -> None:
    files = sorted((shared / "corpus" / "dev" / "clean").glob("*.md"))
    files += sorted((shared / "corpus" / "dev" / "dirty").glob("*.md"))
    out = _run(files, tmp_path)
    diagnostics = json.loads(out.read_text(encoding="utf-8"))["diagnostics"]
    sources = {str(f): f.read_text(encoding="utf-8") for f in files}
    code_or_url = re.compile(r"`[^`]+`|\]\([^)]*\)|https?://\S+")
    for d in diagnostics:
        source = sources[d["path"]]
        assert d["line"] not in _not_prose_lines(source), d
        line = source.split("\n")[d["line"] - 1]
        for m in code_or_url.finditer(line):
            assert not (m.start() < d["end_column"] - 1 and d["column"] - 1 < m.end()), d
