"""Which speller findings are worth an editor's time.

News text is full of names (politicians, clubs, foreign places) that no dictionary has;
reporting each one buries the real typos. A real typo is almost always one slip away from
the word meant: two letters swapped, a letter doubled or dropped, a neighbouring key hit, or
a missing space. Names are not: the speller's suggestions for "Welbeck" or "Bacca" are other
names and words, not a slip away. So a finding stays when one of LanguageTool's suggestions
is such a slip; for capitalised words, which are mostly names when unknown, only the slips
that are hard to make by chance in a real name (swap, doubling, dropped letter, missing
space) count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

_ROWS = ("qwertzuiopü", "asdfghjklöä", "yxcvbnm")
_KEY = {char: (row, col) for row, keys in enumerate(_ROWS) for col, char in enumerate(keys)}

# English words quoted in German copy ("the", "and", "money") are not German typos. A
# closed list of the commonest English words: cheap, and no dictionary needed.
_ENGLISH_WORDS = (
    "the a an and or of to in on at by for from with as is are was were be been it its this "
    "that these those not no yes you your we our they their he she his her my me us them "
    "what who how why when where which all any some more most new old one two first last "
    "local money time people world news music life love best good great big little"
)
ENGLISH = frozenset(_ENGLISH_WORDS.split())

STRONG = frozenset({"split", "swap", "double", "drop"})
WEAK = frozenset({"keyboard", "extra", "substitute"})


def slip(word: str, suggestion: str) -> str | None:
    """The kind of one-slip difference between a flagged word and a suggestion, if any."""
    if " " in suggestion and suggestion.replace(" ", "") == word:
        return "split"
    if len(word) == len(suggestion):
        diff = [i for i, (a, b) in enumerate(zip(word, suggestion, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i, j = diff
            if word[i] == suggestion[j] and word[j] == suggestion[i]:
                return "swap"
        if len(diff) == 1:
            i = diff[0]
            return "keyboard" if _neighbours(word[i], suggestion[i]) else "substitute"
        return None
    if len(word) == len(suggestion) + 1:
        for i in range(len(word)):
            if word[:i] + word[i + 1 :] == suggestion:
                doubled = word[i] in (word[i - 1 : i] + word[i + 1 : i + 2])
                return "double" if doubled else "extra"
        return None
    if len(word) + 1 == len(suggestion):
        for i in range(len(suggestion)):
            if suggestion[:i] + suggestion[i + 1 :] == word:
                return "drop"
    return None


def _neighbours(a: str, b: str) -> bool:
    pa, pb = _KEY.get(a.lower()), _KEY.get(b.lower())
    return bool(pa and pb) and abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1  # type: ignore[index]


_PRONOUNS = frozenset({"ich", "du", "er", "es", "sie", "wir", "ihr", "euer"})

# A word run into a function word ("Payund", "Congressdie"): the speller often has no
# suggestion for these. Tails that rarely end a name are enough on their own; tails that
# end many names ("-er", "-in") need a prefix the lexicon knows.
_SAFE_TAILS = ("und", "die", "das", "dem", "den", "mit", "sowie", "nicht", "auch", "sich")
_RISKY_TAILS = ("der", "des", "ein", "in", "im", "er", "es", "sie", "an", "auf", "von", "zu")


def joined(
    word: str, known: Callable[[str], bool], is_noun: Callable[[str], bool] = lambda _: False
) -> str | None:
    """ "Gruppe Fursan" for "GruppeFursan", "Pay und" for "Payund"; None if no such split."""
    for i in range(2, len(word) - 1):
        if word[i - 1].islower() and word[i].isupper() and known(word[:i]):
            return f"{word[:i]} {word[i:]}"
    for tail in _SAFE_TAILS + _RISKY_TAILS:
        head = word[: -len(tail)]
        if not word.endswith(tail) or len(head) < 3 or not head[-1].isalpha():
            continue
        if tail in _PRONOUNS and head[:1].isupper() and is_noun(head):
            continue  # "Neurowissenschaft er": a noun and a pronoun do not run together
        if tail in _SAFE_TAILS or (len(head) >= 4 and known(head)):
            return f"{head} {tail}"
    return None


def plausible_typo(
    word: str, suggestions: Iterable[str], is_noun: Callable[[str], bool] = lambda _: False
) -> bool:
    """Is `word` one slip away from something LanguageTool suggests?

    A split into a noun and a personal pronoun ("Neurowissenschaft er" for the Austrian
    "Neurowissenschafter", "Lug er" for the name Luger) is not German and does not count.
    """
    if word.lower() in ENGLISH:
        return False
    kinds = set()
    for suggestion in list(suggestions)[:5]:
        kind = slip(word, suggestion)
        if kind == "split":
            head, _, tail = suggestion.rpartition(" ")
            if tail in _PRONOUNS and head[:1].isupper() and is_noun(head):
                continue
        kinds.add(kind)
    kinds.discard(None)
    if word.isupper() and len(word) > 1:
        return "split" in kinds  # abbreviations: unknown ones are names of organisations
    if word[:1].isupper():
        return bool(kinds & STRONG)
    return bool(kinds & (STRONG | WEAK))
