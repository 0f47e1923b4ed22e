"""Recall of the spelling pipeline on typos of our own, injected into clean articles.

    .venv/bin/python scripts/eval_typos.py [../shared/corpus/dev/clean] [--seed 7]

The dev corpus has only 41 spelling errors; this script injects up to 12 more per article
(one per line; swap, doubling, dropped letter or neighbouring key, in capitalised and
lowercase words of five letters or more) into the plain-text clean articles, runs
`newslint check --language de-AT` on them, and reports how many are found by a spelling
or joined-words finding, per slip kind and case. Some injected "typos" are real words
(haben → habe); a speller cannot find those, and they are listed with the misses.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROWS = ("qwertzuiopü", "asdfghjklöä", "yxcvbnm")
KEY = {c: (r, i) for r, row in enumerate(ROWS) for i, c in enumerate(row)}
WORD = re.compile(r"(?<![\w-])[A-Za-zÄÖÜäöüß]{5,}(?![\w-])")
KINDS = ("swap", "double", "drop", "keyboard")


def neighbours(char: str) -> list[str]:
    if char.lower() not in KEY:
        return []
    r, i = KEY[char.lower()]
    return [
        c
        for c, (r2, i2) in KEY.items()
        if (r2, i2) != (r, i) and abs(r2 - r) <= 1 and abs(i2 - i) <= 1
    ]


def slip(rng: random.Random, word: str, kind: str) -> str | None:
    n = len(word)
    if kind == "swap":
        i = rng.randrange(1, n - 1)
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind == "double":
        i = rng.randrange(1, n)
        return word[:i] + word[i] + word[i:]
    if kind == "drop":
        i = rng.randrange(1, n)
        return word[:i] + word[i + 1 :]
    for _ in range(10):
        i = rng.randrange(1, n)
        if options := neighbours(word[i]):
            return word[:i] + rng.choice(options) + word[i + 1 :]
    return None


def inject(clean: Path, out: Path, rng: random.Random) -> list[dict[str, object]]:
    gold: list[dict[str, object]] = []
    for path in sorted(clean.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        spots = [(n, m) for n, line in enumerate(lines) if n > 1 for m in WORD.finditer(line)]
        rng.shuffle(spots)
        used: set[int] = set()
        for n, match in spots[:12]:
            kind = rng.choice(KINDS)
            wrong = slip(rng, match.group(), kind)
            if n in used or not wrong or wrong == match.group():
                continue
            used.add(n)
            lines[n] = lines[n][: match.start()] + wrong + lines[n][match.end() :]
            gold.append(
                {
                    "doc": path.name,
                    "line": n + 1,
                    "column": match.start() + 1,
                    "kind": kind,
                    "case": "Cap" if match.group()[0].isupper() else "low",
                    "wrong": wrong,
                    "right": match.group(),
                }
            )
        (out / path.name).write_text("\n".join(lines), encoding="utf-8")
    return gold


DEV_CLEAN = str(Path(__file__).parents[1] / "../shared/corpus/dev/clean")


def lint(folder: str, *options: str) -> list[dict[str, Any]]:
    """The diagnostics of `newslint check --language de-AT` (this venv's) on a folder."""
    newslint = Path(sys.executable).with_name("newslint")
    command = [str(newslint), "check", "--language", "de-AT", "--format", "json", *options]
    run = subprocess.run([*command, folder], capture_output=True, text=True, check=False)
    diagnostics: list[dict[str, Any]] = json.loads(run.stdout)["diagnostics"]
    return diagnostics


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("clean", nargs="?", default=DEV_CLEAN)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        gold = inject(Path(args.clean), Path(tmp), random.Random(args.seed))
        diagnostics = lint(tmp)
    found = collections.defaultdict(list)
    for d in diagnostics:
        if d["category"] == "spelling" or "joined" in d["rule"]:
            found[(Path(d["path"]).name, d["line"])].append((d["column"], d["end_column"]))
    counts: collections.Counter[tuple[str, str, bool]] = collections.Counter()
    misses = []
    for g in gold:
        hit = any(a <= g["column"] < b for a, b in found[(str(g["doc"]), g["line"])])
        counts[(str(g["kind"]), str(g["case"]), hit)] += 1
        if not hit:
            misses.append(f"{g['wrong']} ({g['right']}, {g['kind']})")
    hits = sum(v for k, v in counts.items() if k[2])
    print(f"found {hits} of {len(gold)} injected typos ({hits / len(gold):.1%})")
    for kind in KINDS:
        for case in ("Cap", "low"):
            h, m = counts[(kind, case, True)], counts[(kind, case, False)]
            print(f"  {kind:9} {case}  {h:3}/{h + m}")
    print("missed:", ", ".join(misses))


if __name__ == "__main__":
    main()
