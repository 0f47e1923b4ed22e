"""`repetition`: the same word twice in a row ("im im"), a classic slip of editing.

Only words separated by nothing but spaces count, so "die, die" is never flagged. Some
doubles are grammatical: a relative pronoun followed by an article after a comma
("Menschen, die die Stadt verlassen", but not "Studie, die die im Fachblatt": no article
comes before "im"), or names like "Baden Baden"; both are configurable.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

import regex

from newslint.checks.base import Check, Rule, compile_pattern, finditer, render
from newslint.diagnostic import Finding
from newslint.document.model import Block

# Matched on the lower-cased text with a plain back-reference: finds only real doubles, in
# C, at several MB/s (a case-insensitive back-reference is many times slower).
_PAIR = r"\b(?P<word>\w+)(?P<gap>[ \t\u00a0\n]+)(?P<again>(?P=word))\b"
_NON_WORD = regex.compile(r"[^\w\s]+", regex.V1)  # the same \w as _PAIR's


class RepetitionCheck(Check):
    KIND = "repetition"
    OPTIONS: ClassVar[dict[str, Any]] = {
        "allowed_after_comma": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Words that may double after a comma (relative pronoun + article).",
        },
        "min_length": {"type": "integer", "minimum": 1, "description": "Shortest word to check."},
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.pattern = compile_pattern(_PAIR)
        self.after_comma = {w.lower() for w in rule.options.get("allowed_after_comma", ())}
        self.min_length: int = rule.options.get("min_length", 1)

    def candidates(self, blocks: Sequence[Block]) -> list[int]:
        """Only blocks in which two neighbouring words are the same, punctuation aside.

        Splitting and comparing is C speed; the back-reference pattern costs several times
        that and finds nothing in most paragraphs. Every pair it finds is two neighbouring
        runs of word characters, so none is lost.
        """
        return [i for i in super().candidates(blocks) if _has_twins(blocks[i].text.lower())]

    def run(self, block: Block) -> Iterator[Finding]:
        text = block.text
        lowered = text.lower()
        if len(lowered) != len(text):  # a rare letter whose lower case is longer (İ)
            lowered = text
        for match in finditer(self.pattern, lowered):
            start, end = match.span()
            word, again = text[start : match.end("word")], text[match.start("again") : end]
            if not word[0].isalpha() or _glued(text, start, end):
                continue
            if not _same(word, again, self.rule.case_sensitive) or len(word) < self.min_length:
                continue
            if self.is_exception(text[start:end]) or self.is_exception(word):
                continue
            if (
                word.lower() in self.after_comma
                and _after_comma(text, start)
                and not _article_cannot_precede(lowered, end)
            ):
                continue
            message = render(self.rule.message, None, word=word)
            yield self.finding(start, end, message, (word,))


def _has_twins(text: str) -> bool:
    words = _NON_WORD.sub(" ", text).split()
    return any(map(operator.eq, words, words[1:]))


def _glued(text: str, start: int, end: int) -> bool:
    """Part of a hyphenated compound ("Baden-Baden", "Kopf-an-Kopf") is not a repetition."""
    return (start > 0 and text[start - 1] == "-") or (end < len(text) and text[end] == "-")


def _same(word: str, again: str, case_sensitive: bool) -> bool:
    if word == again:
        return True
    if word.lower() != again.lower():
        return False
    # "Die die" at a sentence start is still a double; otherwise case differences count.
    return not case_sensitive or (word[:1].isupper() and again[:1].islower())


# Words that cannot follow an article: after ", die die" they show the second "die" is no
# article but a slip ("die die im Fachblatt erschienen ist").
_NOT_AFTER_ARTICLE = frozenset(
    str.split(
        "der die das den dem des ein eine einen einem einer eines im in am an auf aus bei mit "
        "nach von vom zu zum zur für über unter vor seit durch gegen ohne um nicht sich er sie "
        "es wir ihr ich und oder aber dass weil wenn als wie auch noch schon nur"
    )
)


def _article_cannot_precede(lowered: str, end: int) -> bool:
    following = lowered[end:].split(maxsplit=1)
    return bool(following) and following[0].strip(".,;:!?") in _NOT_AFTER_ARTICLE


def _after_comma(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\n":
        i -= 1
    return i >= 0 and text[i] == ","
