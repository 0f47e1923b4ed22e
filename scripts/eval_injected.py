"""Recall on errors of our own, injected into clean articles at new places.

    .venv/bin/python scripts/eval_injected.py [../shared/corpus/dev/clean] [--seed 7]
        [--classes capitalization,joined_words,stray_char,repeated_word,tense,doubled_space,...]
        [--no-languagetool]

The dev corpus has about 40 errors per class, always at the same places; tuning on them
alone would learn those places. This script injects errors of the same kinds as the
corpus's README describes (a noun after a lowercase word written lowercase, the space
between two words deleted, a single letter inserted as a word, a word doubled, a space
doubled (also with a no-break space), a „…“ pair broken, a space missing after a sentence
or put before a comma or period, a middle sentence's finite verb put in the other tense —
in a paragraph of three sentences or more, at most one per article) at other places of
the plain-text clean articles, one per line and at most eight per article, runs
`newslint check --language de-AT` on them and counts an error as found when a diagnostic
overlaps it (any rule, as `../shared/eval/score.py` counts). Misses are listed, so a class
can be studied, not the files. (`eval_typos.py` does the same for spelling slips.)
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from eval_typos import DEV_CLEAN, lint  # same folder: run as a script

# A capitalised word after a lowercase word and a single space ("unser Ziel").
NOUN = re.compile(r"(?:^|(?<=[ (]))[a-zäöüß]+ ([A-ZÄÖÜ][a-zäöüß]{2,})(?=[ ,.;:])")
PAIR = re.compile(r"(?<![\w-])([A-Za-zÄÖÜäöüß]{2,}) ([A-Za-zÄÖÜäöüß]{2,})(?![\w-])")
WORD = re.compile(r"(?<=[a-zäöüß,] )([A-Za-zÄÖÜäöüß]{2,})(?= [A-Za-zÄÖÜäöüß])")
GAP = re.compile(r"(?<=[A-Za-zÄÖÜäöüß]{2}) (?=[A-Za-zÄÖÜäöüß]{2})")
SPACE = re.compile(r"(?<=[\w.,]) (?=\w)")
QUOTATION = re.compile(r"„([^„“\"]{3,80})“")
SENTENCE_GAP = re.compile(r"(?<=[a-zäöüß]{2})[.!?] (?=[A-ZÄÖÜ][a-zäöüß])")
COMMA = re.compile(r"(?<=\w),(?= \w)")
FINAL_PERIOD = re.compile(r"(?<=[a-zäöüß]{3})\.(?= [A-ZÄÖÜ]|$)")

# Each injector: (line, rng) -> (column of the error, 0-based; its length; the new line)
# or None when the line offers no place for it.
Injector = Callable[[str, random.Random], "tuple[int, int, str] | None"]


@dataclass(frozen=True)
class Injected:
    doc: str
    line: int  # 1-based, as newslint reports
    column: int  # 1-based
    end: int  # column after the error
    kind: str  # the corpus's error class


def _spot(pattern: re.Pattern[str], line: str, rng: random.Random) -> re.Match[str] | None:
    spots = list(pattern.finditer(line))
    return rng.choice(spots) if spots else None


def lowercase(line: str, rng: random.Random) -> tuple[int, int, str] | None:
    if (m := _spot(NOUN, line, rng)) is None:
        return None
    word = m.group(1)
    return m.start(1), len(word), line[: m.start(1)] + word.lower() + line[m.end(1) :]


def joined(line: str, rng: random.Random) -> tuple[int, int, str] | None:
    if (m := _spot(PAIR, line, rng)) is None:
        return None
    glued = m.group(1) + m.group(2)
    return m.start(), len(glued), line[: m.start()] + glued + line[m.end() :]


def stray(line: str, rng: random.Random) -> tuple[int, int, str] | None:
    if (m := _spot(GAP, line, rng)) is None:
        return None
    letter = rng.choice("abcdefghiklmnoprstuvwz")
    return m.end(), 1, line[: m.end()] + letter + " " + line[m.end() :]


def repeated(line: str, rng: random.Random) -> tuple[int, int, str] | None:
    if (m := _spot(WORD, line, rng)) is None:
        return None
    word = m.group()
    return m.start(), 2 * len(word) + 1, line[: m.end()] + " " + word + line[m.end() :]


def doubled(line: str, rng: random.Random) -> tuple[int, int, str] | None:
    if (m := _spot(SPACE, line, rng)) is None:
        return None
    double = rng.choice(["  ", "\u00a0 ", " \u00a0"])
    return m.start(), 2, line[: m.start()] + double + line[m.end() :]


def quotes(line: str, rng: random.Random) -> tuple[int, int, str] | None:
    if (m := _spot(QUOTATION, line, rng)) is None:
        return None
    inner = m.group(1)
    broken = rng.choice(
        [f'„{inner}"', f'"{inner}“', f"„{inner}", f"{inner}“"]  # mixed, mixed, unclosed, unopened
    )
    return m.start(), len(broken), line[: m.start()] + broken + line[m.end() :]


def punctuation(line: str, rng: random.Random) -> tuple[int, int, str] | None:
    kind = rng.choice(["after", "comma", "period"])
    if kind == "after" and (m := _spot(SENTENCE_GAP, line, rng)):
        return m.start(), 1, line[: m.start() + 1] + line[m.end() :]  # "wird.Ein"
    if kind == "comma" and (m := _spot(COMMA, line, rng)):
        return m.start(), 2, line[: m.start()] + " ," + line[m.end() :]  # "Cup , der"
    if kind == "period" and (m := _spot(FINAL_PERIOD, line, rng)):
        return m.start(), 2, line[: m.start()] + " ." + line[m.end() :]  # "Verträgen ."
    return None


def tense(line: str, rng: random.Random) -> tuple[int, int, str] | None:
    """As the corpus's README describes its tense errors: in a paragraph of three or more
    sentences whose finite verbs share one tense, the finite verb of a middle sentence
    without Konjunktiv, quotation, speech marker or time adverb put in the other tense,
    same person ("hatte" → "hat", "steigt" → "stieg")."""
    from newslint.tense import BreakOptions, Mood, Tense, analyse
    from newslint.tense.markers import find_marker
    from newslint.tense.morph import _paradigm, readings

    sentences = analyse(line)
    verbs = [v for s in sentences for v in s.verbs]
    tenses = {v.form_tense for v in verbs}
    if len(sentences) < 3 or len(tenses) != 1 or not tenses <= {Tense.PRAESENS, Tense.PRAETERITUM}:
        return None
    (tense,) = tenses
    other = Tense.PRAETERITUM if tense is Tense.PRAESENS else Tense.PRAESENS
    options = BreakOptions()
    spots = []
    for sentence in sentences[1:-1]:
        body = sentence.span.text(line)
        if len(sentence.verbs) != 1 or any(c in body for c in '„“”"»«'):
            continue
        if find_marker(body, options.speech_markers + options.time_markers):
            continue
        (verb,) = sentence.verbs
        if verb.mood is not Mood.INDIKATIV:
            continue
        persons = {
            r.person
            for r in readings(verb.form, verb.lemma)
            if r.tense is tense and r.mood is Mood.INDIKATIV
        }
        third = persons & {2, 5}  # news is told in the third person: "war" read as 3sg
        forms = [
            form
            for form, t, mood, person in _paradigm(verb.lemma)
            if t is other and mood is Mood.INDIKATIV and person in (third or persons)
        ]
        if forms and " " not in forms[0]:
            form = forms[0][0].upper() + forms[0][1:] if verb.form[0].isupper() else forms[0]
            spots.append((verb.span.start, verb.span.end, form))
    if not spots:
        return None
    start, end, form = rng.choice(spots)
    return start, len(form), line[:start] + form + line[end:]


CLASSES: dict[str, Injector] = {
    "capitalization": lowercase,
    "joined_words": joined,
    "stray_char": stray,
    "repeated_word": repeated,
    "tense": tense,
    "doubled_space": doubled,
    "quotes": quotes,
    "punctuation_space": punctuation,
}
ONCE_PER_ARTICLE = {"tense"}  # two tense errors in one article change its narrative tense
PER_PARAGRAPH = {"tense", "quotes"}  # sentences and quotations run over several lines


def _in_paragraph(
    lines: list[str], n: int, injector: Injector, rng: random.Random
) -> tuple[int, int, int, str] | None:
    """Run ``injector`` on the whole paragraph (blank lines apart) around line ``n``: (line,
    column, length, that line's new text)."""
    first, last = n, n
    while first > 2 and lines[first - 1].strip():
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    done = injector("\n".join(lines[first : last + 1]), rng)
    if done is None:
        return None
    offset, length, text = done
    new_lines = text.split("\n")
    line = text.count("\n", 0, offset)
    column = offset - (text.rfind("\n", 0, offset) + 1)
    return first + line, column, length, new_lines[line]


def inject(clean: Path, out: Path, rng: random.Random, classes: list[str]) -> list[Injected]:
    gold: list[Injected] = []
    for path in sorted(clean.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        numbers = [n for n in range(2, len(lines)) if lines[n].strip()]
        rng.shuffle(numbers)
        once: set[str] = set()
        for n in numbers[:8]:
            kind = rng.choice(classes)
            if kind in once:
                continue
            if kind in PER_PARAGRAPH:
                placed = _in_paragraph(lines, n, CLASSES[kind], rng)
            else:
                done = CLASSES[kind](lines[n], rng)
                placed = None if done is None else (n, *done)
            if placed is None:
                continue
            if kind in ONCE_PER_ARTICLE:
                once.add(kind)
            line, column, length, lines[line] = placed
            gold.append(Injected(path.name, line + 1, column + 1, column + 1 + length, kind))
        (out / path.name).write_text("\n".join(lines), encoding="utf-8")
    return gold


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("clean", nargs="?", default=DEV_CLEAN)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--classes", default=",".join(CLASSES))
    parser.add_argument("--no-languagetool", action="store_true")
    args = parser.parse_args()
    classes = args.classes.split(",")
    with tempfile.TemporaryDirectory() as tmp:
        gold = inject(Path(args.clean), Path(tmp), random.Random(args.seed), classes)
        diagnostics = lint(tmp, *(["--no-languagetool"] if args.no_languagetool else []))
        texts = {p.name: p.read_text(encoding="utf-8").split("\n") for p in Path(tmp).iterdir()}
    found = collections.defaultdict(list)
    for d in diagnostics:
        found[(Path(d["path"]).name, d["line"])].append((d["column"], d["end_column"]))
    counts: collections.Counter[tuple[str, bool]] = collections.Counter()
    misses = collections.defaultdict(list)
    for g in gold:
        # as the corpus's scorer counts: any rule, overlapping the error
        hit = any(a < g.end and g.column < b for a, b in found[(g.doc, g.line)])
        counts[(g.kind, hit)] += 1
        if not hit:
            c = g.column - 1
            context = texts[g.doc][g.line - 1][max(0, c - 40) : c + 40]
            misses[g.kind].append(f"{g.doc}:{g.line}: …{context}…")
    for kind in classes:
        h, m = counts[(kind, True)], counts[(kind, False)]
        print(f"{kind:15} {h:3}/{h + m}  {h / max(1, h + m):.1%}")
    for kind, missed in misses.items():
        print(f"\nmissed {kind}:")
        print("\n".join("  " + x for x in missed))


if __name__ == "__main__":
    main()
