"""A rule-based German sentence splitter for news prose.

Checks that reason about sentences (tense breaks, sentence length, ...) need the same
boundaries, so they share this splitter. It works on code points and never rewrites the
text: every span points into the string it was given, which keeps positions exact.

Why rules and not a trained model: news German is regular enough that the hard cases are a
closed set — abbreviations (``z. B.``, ``Dr.``, ``Mio.``), ordinals (``am 7. Juli``), dates
(``1.2.2015``), initials (``Donald J. Trump``) and quotations that end a sentence
(``„…“, sagte er.``) — and each has a grammatical cue a rule can read.
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]


def _wordset(words: str) -> frozenset[str]:
    """A set from whitespace-separated words (keeps long closed lists compact)."""
    return frozenset(words.split())


# Abbreviations after which a period never ends a sentence: titles and words that always
# govern a following word (``Dr. Müller``, ``Nr. 5``, ``ca. 300``).  Closed class.
_NEVER_FINAL = _wordset(
    "abs abt adr allg anm art aufl bd bde bearb bes betr bez bspw bzgl bzw ca cf "
    "dgl di dipl dkfm do dr dt ebd ehem eigtl entspr erg evtl exkl fa fr frl "
    "gebr gegr gem ges gest ggf gr hl hr hrsg ing inkl insb jh jhd kap kath lt mag "
    "max med mi mind mio mo mrd nachf nr nrn od orig pfd pkt prof prot rd reg "
    "rel resp sek sen sog sr st std str tel tsd ua urspr verf vgl vj vs wg "
    "zb zt zzgl univ doz ao em"
)
# Abbreviations that may end a sentence: split only when a capital follows.
_MAY_BE_FINAL = frozenset({"etc", "usw", "usf", "chr", "ff", "f"})

_MONTHS = _wordset(
    "januar jänner februar feber märz april mai juni juli august september oktober "
    "november dezember jan feb mär apr jun jul aug sep sept okt nov dez "
)
# Words before a number that make ``N.`` an ordinal (``am 7.``, ``der 3. Platz``).
_ORDINAL_CUES = _wordset(
    "am im vom zum beim der die das den dem des seit bis ab zur ihr ihre ihrem ihren "
    "sein seine seinem seinen jede jeder jedes jedem jeden dessen deren zum unser "
    "unsere als "
)

_TERMINATOR = re.compile(r"(?:\.{2,}|…|[.!?]+)[\"“”»«’‘')\]]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_WORD_BEFORE = re.compile(r"([\w.\-]+)$")
_OPENERS = '„"»«‚‘“(['


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` code-point spans of the sentences in ``text``.

    Spans exclude surrounding whitespace; a blank line always ends a sentence (paragraphs
    never share one). Text without a terminator becomes one sentence.
    """
    spans: list[tuple[int, int]] = []
    block_start = 0
    for brk in _PARAGRAPH_BREAK.finditer(text):
        _split_block(text, block_start, brk.start(), spans)
        block_start = brk.end()
    _split_block(text, block_start, len(text), spans)
    return spans


def _split_block(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    """Split ``text[start:end]`` (one paragraph) and append trimmed spans to ``out``."""
    sent_start = start
    for match in _TERMINATOR.finditer(text, start, end):
        cut = match.end()
        if _is_boundary(text, match, end):
            _append(text, sent_start, cut, out)
            sent_start = cut
    _append(text, sent_start, end, out)


def _append(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


def _next_word(text: str, pos: int, end: int) -> str:
    """The run of letters that starts at ``pos`` (after opening quotes)."""
    while pos < end and text[pos] in _OPENERS:
        pos += 1
    stop = pos
    while stop < end and (text[stop].isalnum() or text[stop] in "-"):
        stop += 1
    return text[pos:stop]


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    """Decide whether the terminator ``match`` ends a sentence."""
    cut = match.end()
    if cut >= end:
        return False  # the block end closes the last sentence anyway
    if not text[cut].isspace():
        return False  # "1.2.2015", "(3.,", "„Ja!“, sagte er"
    pos = cut
    while pos < end and text[pos].isspace():
        pos += 1
    if pos >= end:
        return False
    follower = text[pos]
    if follower.islower() or follower in ",;:)]–-":
        return False  # "z. B. die", "… und dann"
    if not (follower.isupper() or follower.isdigit() or follower in _OPENERS):
        return False
    mark = match.group()
    if not mark.startswith(".") or mark.startswith(".."):
        return True  # "!", "?", ellipsis before a capital
    return not _period_is_abbreviation(text, match.start(), _next_word(text, pos, end))


def _period_is_abbreviation(text: str, dot: int, next_word: str) -> bool:
    """True when the period at ``dot`` belongs to an abbreviation, ordinal or initial."""
    before = _WORD_BEFORE.search(text, 0, dot)
    if before is None:
        return False
    word = before.group(1)
    last = word.rsplit(".", 1)[-1]
    if not last:
        return False
    if last.isdigit():
        return _is_ordinal(text, before.start(), word, next_word)
    key = last.lower()
    if len(last) == 1 and last.isalpha():
        return True  # initials "J. Trump", "z. B.", "u. a."
    if key in _MAY_BE_FINAL:
        return False
    if "." in word and len(last) <= 3:
        return True  # "z.B.", "u.a.", "i.d.R."
    return key in _NEVER_FINAL


def _is_ordinal(text: str, word_start: int, word: str, next_word: str) -> bool:
    """``am 7. Juli`` and ``der 3. Platz`` are ordinals; ``im Jahr 2015. Dann`` is not."""
    if "." in word or len(word) > 3:
        return False  # a date "1.2.2015" or a year at the end of a sentence
    if next_word.lower() in _MONTHS:
        return True
    prev = _WORD_BEFORE.search(text, 0, max(word_start - 1, 0))
    if prev is None:
        return False
    return (
        prev.group(1).lower() in _ORDINAL_CUES
        and word_start > 0
        and (text[word_start - 1].isspace())
    )
