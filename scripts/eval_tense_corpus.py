#!/usr/bin/env python3
"""Quick harness: tense-break recall on a dirty/clean corpus and false positives on clean.

Usage: ``.venv/bin/python scripts/eval_tense_corpus.py [CORPUS_DIR] [--scope article]
[--verbose]`` (default ``../shared/corpus/dev``). Also runs on the seeds directory
(``../shared/corpus/seeds``, which has no ``clean/``).

Files are cut into blocks the way the evaluation README describes the formats: ``.txt``
line 1 is the headline, paragraphs are separated by blank lines; ``.md`` has YAML front
matter, a ``# Headline`` and maybe fenced code blocks (skipped). Inline code spans and
link targets are blanked with spaces so that offsets stay exact. This is a stand-in for
the real reader of newslint, good enough to measure the tense check alone.

- Recall: a gold ``tense`` entry counts as found if a finding overlaps its span widened
  by one character on each side (the scorer's rule).
- False positives: findings on ``clean/`` files per 1,000 words (whitespace tokens with
  a letter or digit).
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from newslint.tense import BreakOptions, TenseBreak, find_article_breaks

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/corpus/dev"
_INLINE = re.compile(r"`[^`\n]*`|\]\([^)\n]*\)")


@dataclass
class Block:
    start: int  # offset of the block in the file
    text: str
    kind: str


@dataclass
class Finding:
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    snippet: str


def blocks_of(path: Path, text: str) -> list[Block]:
    """Headline, headings, paragraphs of one corpus file, with their file offsets."""
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    blocks: list[Block] = []
    index = 0
    if path.suffix == ".md" and lines and lines[0].strip() == "---":
        index = 1
        while index < len(lines) and lines[index].strip() != "---":
            index += 1
        index += 1
    in_fence = False
    current: list[int] = []
    first_content = True

    def flush() -> None:
        nonlocal first_content
        if not current:
            return
        start, end = offsets[current[0]], offsets[current[-1]] + len(lines[current[-1]])
        body = text[start:end]
        kind = "body"
        if (path.suffix == ".md" and body.startswith("#")) or (
            path.suffix == ".txt" and first_content
        ):
            kind = "headline"
        elif len(body.split()) <= 8 and not body.rstrip().endswith((".", "!", "?", "“", '"')):
            kind = "heading"
        first_content = False
        body = _INLINE.sub(lambda m: " " * len(m.group()), body)
        blocks.append(Block(start, body, kind))
        current.clear()

    for number in range(index, len(lines)):
        line = lines[number]
        if line.strip().startswith("```"):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not line.strip():
            flush()
        else:
            current.append(number)
    flush()
    return blocks


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (code points) of ``offset``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def lint(path: Path, options: BreakOptions) -> list[Finding]:
    text = path.read_text(encoding="utf-8")
    blocks = blocks_of(path, text)
    results = find_article_breaks([(b.text, b.kind) for b in blocks], options)
    findings = []
    for block, breaks in zip(blocks, results, strict=True):
        for brk in breaks:
            findings.append(_finding(text, block, brk))
    return findings


def _finding(text: str, block: Block, brk: TenseBreak) -> Finding:
    start = block.start + brk.span.start
    end = block.start + brk.span.end
    line, col = line_col(text, start)
    end_line, end_col = line_col(text, end)
    sentence = block.text[brk.sentence.start : brk.sentence.end].replace("\n", " ")
    return Finding(line, col, end_line, end_col, brk.message, sentence)


def words_in(text: str) -> int:
    return sum(1 for tok in text.split() if any(ch.isalnum() for ch in tok))


def overlaps(f: Finding, gold: dict[str, int]) -> bool:
    g_start = (gold["line"], gold["column"] - 1)
    g_end = (gold["end_line"], gold["end_column"] + 1)
    return (f.line, f.column) < g_end and g_start < (f.end_line, f.end_column)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--scope", default="article", choices=("paragraph", "article"))
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    options = BreakOptions(scope=args.scope)
    gold = [json.loads(line) for line in (args.corpus / "gold.jsonl").open(encoding="utf-8")]
    tense_gold = [g for g in gold if g["class"] == "tense"]
    started = time.perf_counter()
    dirty = {p.name: lint(p, options) for p in sorted((args.corpus / "dirty").iterdir())}
    found = 0
    for g in tense_gold:
        hit = any(overlaps(f, g) for f in dirty.get(g["doc"], []))
        found += hit
        if args.verbose and not hit:
            print(f"MISS {g['doc']}:{g['line']}:{g['column']} {g['injected']}")
    print(f"corpus: {args.corpus}  scope: {args.scope}")
    print(f"recall (tense): {found}/{len(tense_gold)} = {found / max(len(tense_gold), 1):.2f}")
    all_gold = [(g["doc"], g) for g in gold]
    for name, findings in dirty.items():
        for f in findings:
            match = [g for doc, g in all_gold if doc == name and overlaps(f, g)]
            label = match[0]["class"] if match else "spurious"
            if args.verbose or not (args.corpus / "clean").exists():
                print(f"  dirty {name}:{f.line}:{f.column} [{label}] {f.message} | {f.snippet}")
    clean_dir = args.corpus / "clean"
    if clean_dir.exists():
        words = fps = 0
        for path in sorted(clean_dir.iterdir()):
            words += words_in(path.read_text(encoding="utf-8"))
            for f in lint(path, options):
                fps += 1
                print(f"  FP clean {path.name}:{f.line}:{f.column} {f.message} | {f.snippet}")
        rate = 1000 * fps / max(words, 1)
        print(f"clean: {fps} findings in {words} words = {rate:.2f} per 1,000 words")
    print(f"time: {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
