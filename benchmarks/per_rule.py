"""Seconds per YAML rule (and for reading the files), in-process, on a corpus folder.

    .venv/bin/python benchmarks/per_rule.py FOLDER [--top 15]

The work `newslint check --no-languagetool` does (`Check.run_document` for every rule,
document by document, in the engine's order), timed rule by rule, so the slow ones stand
out. Without a folder it uses the dev corpus; `--large` times a tagged ~3 MB corpus
generated from it, as run.py does.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import corpus
from run import DEFAULT_CORPUS, LEXICON_RULES

from newslint import engine
from newslint.config import find_project_file
from newslint.ruleset import build_ruleset
from newslint.run import CheckOptions, resolve_config


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--large", action="store_true", help="generate the ~3 MB corpus")
    parser.add_argument("--top", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.folder
        if args.large:
            articles = corpus.large(corpus.load(folder), 1000, 3_000_000, seed=1)
            varier = corpus.Varier()
            folder = corpus.write([varier.variant(a) for a in articles], Path(tmp))
        timings(folder, args.top)


def timings(folder: Path, top: int) -> None:
    files = sorted(p for p in folder.iterdir() if p.suffix in corpus.SUFFIXES)
    size = sum(p.stat().st_size for p in files) / 1e6
    start = time.perf_counter()
    config = resolve_config(find_project_file(folder), CheckOptions(paths=[str(folder)]))
    ruleset = build_ruleset(config)
    setup = time.perf_counter() - start
    start = time.perf_counter()
    documents = [d for p in files if (d := engine.read(p, str(p)).document) is not None]
    reading = time.perf_counter() - start
    spent: dict[str, float] = {}
    for document in documents:  # document by document, as the engine does (shared caches)
        for check in ruleset.checks:
            start = time.perf_counter()
            for _ in check.run_document(document.blocks):
                pass
            spent[check.rule.id] = spent.get(check.rule.id, 0.0) + time.perf_counter() - start
    total = sum(spent.values())
    print(
        f"{len(files)} files, {size:.2f} MB; config + rules {setup:.2f} s, reading {reading:.2f} s"
    )
    print(f"all {len(spent)} rules: {total:.2f} s ({size / total:.2f} MB/s)")
    lexicon = {c.rule.id for c in ruleset.checks if c.rule.id in LEXICON_RULES}
    regex_only = sum(s for rule, s in spent.items() if rule not in lexicon)
    print(
        f"without the {len(lexicon)} rules that use HanTa or word lists: {regex_only:.2f} s "
        f"({size / regex_only:.2f} MB/s); with reading: {size / (regex_only + reading):.2f} MB/s"
    )
    for rule, seconds in sorted(spent.items(), key=lambda item: -item[1])[:top]:
        print(f"  {seconds:7.2f} s  {size / seconds:8.2f} MB/s  {rule}")


if __name__ == "__main__":
    main()
