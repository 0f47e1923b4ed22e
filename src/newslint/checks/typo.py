"""`typo`: a word no reference text has, one slip from a common word („Zimmre“ for
„Zimmer“, „Inforationen“ for „Informationen“, „Rumfahrtexperten“ for „Raumfahrtexperten“).

A German speller accepts any word it can split into stems it knows, so these pass
LanguageTool: „Info|rationen“, „Zahl|lungen“, „Rum|fahrt“. The reference corpus
(wordfreq, `newslint.frequency`) knows which words are actually written. A word is
reported when the corpus has never seen it (or only rarely, then it takes a letter slip of
a word hundreds of times commoner) and one slip — two letters swapped, one doubled or
dropped, a neighbouring key — makes a common word of it or, in a noun compound, a common
stem beside a known one; or when it is a word run into a function word („Congressdie“),
also a name or term the article uses on its own („Butterfillist“ beside „Butterfill“), or
inside a sentence a noun run into the participle that ends its clause („der
Polizeigegeben“).
Compounds of two known words, words with capitals inside („iPhone“), all-caps acronyms,
short words and words the article uses twice (names) are left alone
(`spelling.unseen_slip`).

Where LanguageTool flags the same word, its match (with its dictionary's suggestions) is
the one reported (`engine._dedupe`); this kind finds what the speller let through, and
runs without LanguageTool as well.
"""

from __future__ import annotations

import collections
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, ClassVar

import regex

from newslint.checks.base import Check, Rule, render
from newslint.diagnostic import Finding
from newslint.document.model import Block
from newslint.frequency import frequent
from newslint.spelling import (
    ENGLISH,
    RARE_ZIPF,
    inside_sentence,
    joined_participle,
    joined_to_article_word,
    unseen_slip,
)

_SHORTEST_HEAD = 4  # letters of an article word that a word run into a function word starts with
# Letters between non-letters; a hyphen may join parts („Covid-Patienen“), an apostrophe or
# a digit makes a token something else („geht's“, „4G-Netz“).
_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}'’_])\p{L}+(?![\p{L}\p{M}\p{N}'’_])")


class TypoCheck(Check):
    KIND = "typo"
    BLOCKWISE = False  # a word used elsewhere in the article is no typo
    OPTIONS: ClassVar[dict[str, Any]] = {
        "min_length": {
            "type": "integer",
            "minimum": 3,
            "description": "Shorter words are not judged (default 5).",
        },
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        self.min_length: int = rule.options.get("min_length", 5)
        self._shortest = min(_SHORTEST_HEAD, self.min_length)

    def run_document(self, blocks: Sequence[Block]) -> Iterator[tuple[int, Finding]]:
        """A word the article uses twice is a name or a term spelt on purpose („Rumblr“):
        a typo is rarely repeated letter for letter. So words are counted over the article
        first (as strings, not matches: a 50 MB file has millions of words)."""
        indexes = self.candidates(blocks)
        uses = collections.Counter(
            match.group()
            for i in indexes
            for match in _WORD.finditer(blocks[i].text)
            if self._counted(match.group())
        )
        if not uses or not _word_list_available():
            return
        once = [w for w, count in uses.items() if count == 1 and len(w) >= self.min_length]
        seen = frequent({word.lower() for word in once}, RARE_ZIPF)
        suspects = {w for w in once if w.lower() not in seen and not self.is_exception(w)}
        if not suspects:
            return
        for index in indexes:
            for match in _WORD.finditer(blocks[index].text):
                word = match.group()
                meant = None
                if word in suspects:
                    meant = _meant(word) or joined_to_article_word(word, uses)
                    if meant is None and inside_sentence(blocks[index].text, match.start()):
                        meant = _participle_split(word)
                if meant is not None:
                    message = render(self.rule.message, match, word=word, replacement=meant)
                    yield index, self.finding(match.start(), match.end(), message, (meant,))

    def run(self, block: Block) -> Iterator[Finding]:
        for _, finding in self.run_document([block]):
            yield finding

    def _counted(self, word: str) -> bool:
        """Words of four letters or more are counted (a name run into a function word may
        start with one that short: "Cookhat"); those of `min_length` or more are judged."""
        shortest = self._shortest
        return len(word) >= shortest and word[1:].islower() and word.lower() not in ENGLISH


@lru_cache(maxsize=8192)
def _meant(word: str) -> str | None:
    return unseen_slip(word)


@lru_cache(maxsize=8192)
def _participle_split(word: str) -> str | None:
    from newslint.tense.morph import lexicon_tags

    return joined_participle(word, lexicon_tags)


@lru_cache(maxsize=1)
def _word_list_available() -> bool:
    """Without the word list (wordfreq could not load it) every word would look unseen."""
    return bool(frequent(["und"], RARE_ZIPF))
