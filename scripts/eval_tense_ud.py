#!/usr/bin/env python3
"""Measure finite-verb tense and mood accuracy against a UD treebank (CoNLL-U).

Usage: ``.venv/bin/python scripts/eval_tense_ud.py [path.conllu] [--errors N]``

Every sentence's ``# text`` is analysed with ``newslint.tense.analyse`` as it would be in
an article; each gold token with ``VerbForm=Fin`` is matched to the analysed finite verb
at the same character offset. A gold finite verb the analyser did not recognise counts
as wrong (reported separately as "missed").

- Tense accuracy: over gold ``Mood=Ind`` verbs, predicted form tense (Pres/Past).
- Mood accuracy: over gold ``Mood=Ind|Sub`` verbs, predicted Ind vs Sub.

Evaluation only: nothing here feeds back into the analyser.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newslint.tense import analyse
from newslint.tense.model import FiniteVerb, Mood, Tense

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared/data/ud/de_gsd-ud-test.conllu"


@dataclass
class GoldVerb:
    start: int
    form: str
    tense: str
    mood: str


@dataclass
class GoldSentence:
    text: str
    verbs: list[GoldVerb]


def read_conllu(path: Path) -> list[GoldSentence]:
    """Gold finite verbs with character offsets recovered from ``# text``."""
    sentences: list[GoldSentence] = []
    text = ""
    rows: list[list[str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.startswith("# text = "):
            text = line[len("# text = ") :]
        elif line.startswith("#"):
            continue
        elif line.strip():
            rows.append(line.split("\t"))
        elif rows:
            sentences.append(GoldSentence(text, _gold_verbs(text, rows)))
            rows = []
    return sentences


def _gold_verbs(text: str, rows: list[list[str]]) -> list[GoldVerb]:
    verbs: list[GoldVerb] = []
    pos = 0
    skip_until = 0
    for cols in rows:
        ident = cols[0]
        if "-" in ident:  # multi-word token: only its surface form is in the text
            pos = _advance(text, pos, cols[1])[1]
            skip_until = int(ident.split("-")[1])
            continue
        if "." in ident or int(ident) <= skip_until:
            continue
        start, pos = _advance(text, pos, cols[1])
        feats = dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
        if feats.get("VerbForm") == "Fin" and start >= 0:
            verbs.append(GoldVerb(start, cols[1], feats.get("Tense", ""), feats.get("Mood", "")))
    return verbs


def _advance(text: str, pos: int, form: str) -> tuple[int, int]:
    found = text.find(form, pos)
    if found < 0:
        return -1, pos
    return found, found + len(form)


def predicted_labels(verb: FiniteVerb | None) -> tuple[str, str]:
    """UD-style (Tense, Mood) of an analysed finite verb; ("-", "-") when missed."""
    if verb is None:
        return "-", "-"
    tense = "Pres" if verb.form_tense is Tense.PRAESENS else "Past"
    mood = {Mood.INDIKATIV: "Ind", Mood.IMPERATIV: "Imp"}.get(verb.mood, "Sub")
    return tense, mood


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conllu", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors")
    args = parser.parse_args(argv)
    if not args.conllu.exists():
        print(f"not found: {args.conllu}", file=sys.stderr)
        return 2
    gold = read_conllu(args.conllu)
    started = time.perf_counter()
    analysed = [analyse(s.text) for s in gold]
    elapsed = time.perf_counter() - started
    tense_ok = tense_n = mood_ok = mood_n = missed = 0
    confusion: Counter[tuple[str, str]] = Counter()
    errors: list[str] = []
    for sent, result in zip(gold, analysed, strict=True):
        by_start = {v.span.start: v for s in result for v in s.verbs}
        for g in sent.verbs:
            p_tense, p_mood = predicted_labels(by_start.get(g.start))
            missed += p_tense == "-"
            gold_label, pred_label = f"{g.mood}/{g.tense}", f"{p_mood}/{p_tense}"
            confusion[(gold_label, pred_label)] += 1
            if g.mood == "Ind":
                tense_n += 1
                tense_ok += p_tense == g.tense
            if g.mood in ("Ind", "Sub"):
                mood_n += 1
                mood_ok += p_mood == g.mood
            if gold_label != pred_label and len(errors) < args.errors:
                errors.append(f"{g.form}\t{gold_label} -> {pred_label}\t{sent.text}")
    n_verbs = sum(len(s.verbs) for s in gold)
    print(f"file: {args.conllu}")
    print(f"sentences: {len(gold)}  gold finite verbs: {n_verbs}  missed: {missed}")
    print(f"Tense accuracy (indicative): {tense_ok}/{tense_n} = {tense_ok / max(tense_n, 1):.3f}")
    print(f"Mood accuracy (Ind vs Sub):  {mood_ok}/{mood_n} = {mood_ok / max(mood_n, 1):.3f}")
    print(f"speed: {len(gold) / elapsed:.0f} sentences/s (incl. model load)")
    print("confusion (gold -> predicted), errors only:")
    for (g_label, p_label), count in confusion.most_common():
        if g_label != p_label:
            print(f"  {g_label:10} -> {p_label:10} {count}")
    for line in errors:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
