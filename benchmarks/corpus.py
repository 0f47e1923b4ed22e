"""Benchmark corpora: copies of a real corpus whose every sentence is new to LanguageTool.

Two caches would flatter a benchmark that checks the same text twice: newslint's paragraph
cache (a fresh cache dir per cold run handles that) and LanguageTool's own sentence cache in
the server (`cacheSize=2000`, one hour), which lives as long as the server. So every run that
sends text to LanguageTool gets its own *variant*: each sentence carries a small number
before its final punctuation („… verschaffen (3).“), different in every copy of that
sentence. A variant is as much work for LanguageTool as the original and shares no sentence
with any other variant.

The large corpus repeats the source articles (round robin) with their body paragraphs
shuffled and some dropped, to reach the wanted number of articles and size; front matter,
fenced code and the first paragraph (the title) stay where they are.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown")
# Abbreviations whose period is not a sentence end (3+ letters; shorter words are skipped).
ABBREVIATIONS = {
    "bzw",
    "usw",
    "etc",
    "vgl",
    "ggf",
    "inkl",
    "evtl",
    "Mio",
    "Mrd",
    "Prof",
    "sog",
    "Abs",
    "Art",
    "Str",
    "Tel",
    "Jan",
    "Feb",
    "Aug",
    "Sept",
    "Okt",
    "Nov",
    "Dez",
    "Chr",
    "Jhd",
    "Jh",
}
SENTENCE_END = re.compile(r"(\w{3,})([.!?])(?=[“”\"«»‘’']?(?:\s|$))")
TAG = re.compile(r"\((\d+(?:/\d+)?)\)(?=[.!?])")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass
class Article:
    name: str  # file name, keeps the suffix (Markdown or plain text)
    text: str

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))


def load(folder: Path) -> list[Article]:
    """The corpus's article files (*.txt, *.md, *.markdown), sorted by name."""
    return [
        Article(path.name, path.read_text(encoding="utf-8"))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in SUFFIXES
    ]


def write(articles: list[Article], folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for article in articles:
        (folder / article.name).write_text(article.text, encoding="utf-8")
    return folder


def total_bytes(articles: list[Article]) -> int:
    return sum(a.size for a in articles)


def front_matter_end(lines: list[str]) -> int:
    """Index of the first line after YAML front matter (0 if there is none)."""
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() == "---":
                return j + 1
    return 0


def split_blocks(text: str) -> list[list[str]]:
    """Lines grouped into blocks at blank lines; front matter and code fences stay whole."""
    lines = text.splitlines()
    blocks: list[list[str]] = []
    current: list[str] = []
    i = front_matter_end(lines)
    if i:
        blocks.append(lines[:i])
    fenced = False
    for line in lines[i:]:
        if FENCE.match(line):
            fenced = not fenced
        if not line.strip() and not fenced:
            if current:
                blocks.append(current)
                current = []
            continue
        current.append(line)
    if current:
        blocks.append(current)
    return blocks


@dataclass
class Varier:
    """Makes variants; remembers how often it has tagged each sentence, across all variants,
    so no two variants (and no two copies within one) share a tagged sentence."""

    seen: Counter[str] = field(default_factory=Counter)

    def tag_line(self, line: str) -> str:
        """The line with every sentence end in it tagged."""
        out: list[str] = []
        last = 0
        for match in SENTENCE_END.finditer(line):
            word = match.group(1)
            if word in ABBREVIATIONS or word.isdigit():
                continue
            self.seen[line[last : match.end()]] += 1
            count = self.seen[line[last : match.end()]]
            out.append(f"{line[last : match.end(1)]} ({count}){match.group(2)}")
            last = match.end()
        out.append(line[last:])
        return "".join(out)

    def variant(self, article: Article) -> Article:
        """The article with every sentence tagged, otherwise unchanged to the byte."""
        lines = article.text.splitlines(keepends=True)
        skip = front_matter_end(lines)
        fenced = False
        for i in range(skip, len(lines)):
            if FENCE.match(lines[i]):
                fenced = not fenced
                continue
            if not fenced and not lines[i].startswith("    "):
                lines[i] = self.tag_line(lines[i])
        return Article(article.name, "".join(lines))

    def edit(self, article: Article) -> Article:
        """The variant `article` with one paragraph changed (its first tag): one cache miss."""
        self.seen["edit"] += 1
        text, found = TAG.subn(rf"(\1/{self.seen['edit']})", article.text, count=1)
        if not found:
            raise ValueError(f"{article.name} has no tagged sentence to edit")
        return Article(article.name, text)


def large(sources: list[Article], count: int, target_bytes: int, seed: int) -> list[Article]:
    """`count` articles of about `target_bytes` in all, from `sources` round robin, body
    paragraphs shuffled (and some dropped). Untagged: `variant()` them for LanguageTool."""
    rnd = random.Random(seed)
    keep = min(1.0, target_bytes / (count * (total_bytes(sources) / len(sources))))
    articles = []
    for index in range(count):
        source = sources[index % len(sources)]
        blocks = split_blocks(source.text)
        head_len = 2 if blocks and blocks[0][0].strip() == "---" else 1
        head, body = blocks[:head_len], blocks[head_len:]
        rnd.shuffle(body)
        body = [b for b in body if rnd.random() < keep] or body[:1]
        articles.append(Article(f"{index:04d}-{source.name}", join(head + body)))
    return articles


def join(blocks: list[list[str]]) -> str:
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"
