"""Which speller findings are worth an editor's time.

News text is full of names (politicians, clubs, foreign places) that no dictionary has;
reporting each one buries the real typos. Two things tell them apart:

- A real typo is almost always one slip away from the word meant: two letters swapped, a
  letter doubled or dropped, a neighbouring key hit, or a missing space; and the word meant
  is a common one. A name's suggestions are other names or rare words ("Welbeck": Melbeck,
  Walbeck), or nonsense ("Gehirnhemisphäre": Gehirnheimsphäre).
- A name that made the news is attested in a large reference corpus (wordfreq: Wikipedia,
  news, subtitles, web); a typo in a capitalised word rarely is, and then as a slip of a
  word hundreds of times commoner ("Deutschand" for "Deutschland"). Lowercase words are
  rarely names, and common lowercase typos ("nihct") are attested in web text, so
  attestation only speaks for capitalised words.
"""

from __future__ import annotations

import collections
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

from newslint.frequency import frequent as frequent_words
from newslint.frequency import zipf as frequency

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
    if " " in suggestion:
        joined_up = suggestion.replace(" ", "")
        # a lowercase word may hide a noun: "aufjedenfall" is "auf jeden Fall"
        if joined_up == word or (word.islower() and joined_up.lower() == word):
            return "split"
    if len(word) == len(suggestion):
        diff = [i for i, (a, b) in enumerate(zip(word, suggestion, strict=True)) if a != b]
        if len(diff) == 2 and diff[1] == diff[0] + 1:
            i, j = diff
            if word[i] == suggestion[j] and word[j] == suggestion[i]:
                return "swap"
        if len(diff) == 1:
            i = diff[0]
            if i == 0 and word.islower() and suggestion[0].isupper():
                return "capital"  # "lawrow" for "Lawrow": a name or noun written lowercase
            if word[i].lower() == suggestion[i].lower():
                return "case"  # "WebStandard" for "Webstandard": a spelling choice, not a slip
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
# Verbs and prepositions that follow a subject or a noun ("Cookhat", "Konamiwill",
# "Neymarfür"); the head may also be a name the reference corpus has, since it is usually one.
_WORD_TAILS = (
    "hat", "ist", "war", "wird", "gab", "hatte", "wurde", "sagte", "habe",
    "will", "soll", "kann", "muss", "darf", "wollte", "sollte", "konnte", "musste",
    "für", "bei", "nach", "über", "ohne", "oder", "aber",
)  # fmt: skip


# Of those, the ones no long word ends in: before them the head may be a compound of
# eleven letters or more that the corpus lacks ("Gleitzeitmodell|ohne").
_PREPOSITION_TAILS = ("für", "bei", "nach", "über", "ohne", "oder", "aber")


def joined(
    word: str,
    known: Callable[[str], bool],
    is_noun: Callable[[str], bool] = lambda _: False,
    zipf: Callable[[str], float] = lambda _: 0.0,
) -> str | None:
    """ "Gruppe Fursan" for "GruppeFursan", "Pay und" for "Payund", "Cook hat" for
    "Cookhat"; None if no such split."""
    for i in range(2, len(word) - 1):
        if word[i - 1].islower() and word[i].isupper() and known(word[:i]):
            return f"{word[:i]} {word[i:]}"
    for tail in _SAFE_TAILS + _RISKY_TAILS + _WORD_TAILS:
        head = word[: -len(tail)]
        if not word.endswith(tail) or len(head) < 3 or not head[-1].isalpha():
            continue
        if tail in _PRONOUNS and head[:1].isupper() and is_noun(head):
            continue  # "Neurowissenschaft er": a noun and a pronoun do not run together
        if tail in _SAFE_TAILS or (len(head) >= 4 and known(head)):
            return f"{head} {tail}"
        if tail in _WORD_TAILS and len(head) >= 4 and attested(head, zipf):
            return f"{head} {tail}"
        if (
            tail in _PREPOSITION_TAILS
            and len(head) >= _COMPOUND_LENGTH
            and compound_zipf(head, zipf) >= RARE_ZIPF
        ):
            return f"{head} {tail}"  # a compound of common stems: "Gleitzeitmodell ohne"
    return None


# Zipf frequencies (log10 of occurrences per 10^9 words): 1 = once in 100 million words,
# the rarest words the reference lists hold.
NAME_ZIPF = 1.0  # a word with capitals that the reference corpus has is a name or a term ...
RARE_ZIPF = 2.0  # ... though below this it may be a common slip ("Koaltion", "Nivau") ...
_ATTESTED_SLIP_LENGTH = 6  # ... and above it, if it is this long ("Politker", "Deutschand") ...
LEAP_ZIPF = 2.5  # ... of a word this many orders of magnitude more common
COMMON_ZIPF = 2.0  # the word a weak slip (a key, a dropped letter) stands for is this common
EVERYDAY_ZIPF = 3.5  # slips newslint finds itself must lead to a word at least this common
_DISTINCT = frozenset({"swap", "double", "split"})  # slips unlikely to turn a word into a name
_LETTER_SLIPS = frozenset({"swap", "double", "drop"})  # a brand run together is no slip
_COMPOUND_LENGTH = 11  # shorter words are rarely compounds of two real stems


def attested(word: str, zipf: Callable[[str], float] = frequency) -> bool:
    """Is a word with capitals in the reference corpus, so a name or a term, not a slip?"""
    return any(char.isupper() for char in word) and zipf(word) >= NAME_ZIPF


_NAME_SLIPS = frozenset({"swap", "double", "drop", "extra", "keyboard"})


def misspelt_name(word: str, article: Mapping[str, int]) -> str | None:
    """The name the article spells right elsewhere that ``word`` is one slip away from
    ("Maahrer" beside "Mahrer", "Nieqsl" beside "Niessl"); ``article`` counts its
    capitalised words. A letter more or less at the end is an inflection, not a slip
    ("Mahrers", "Kreidezeichnungen"). Two unknown spellings used once each are both
    reported, each with the other: one of them is the slip, and the reader sees which."""
    if len(word) < 5 or not word.isalpha() or not word[:1].isupper():
        return None
    found = []
    for other, count in article.items():
        kind = slip(word, other)
        if kind not in _NAME_SLIPS or _inflection(word, other) or _inflection(other, word):
            continue
        found.append((count, other))
    return max(found)[1] if found else None


def genitive_of_name(word: str, article: Mapping[str, int]) -> bool:
    """ "Mahrers" where the article has "Mahrer": the genitive of a name the article uses,
    however close it comes to some other word ("Maurers"); ``article`` counts its
    capitalised words. Not "Mahrerss": a doubled letter is a slip."""
    name = word[:-1]
    return (
        len(word) > 4
        and word[:1].isupper()
        and word.endswith("s")
        and _inflection(word, name)
        and name in article
    )


# Tails that also end words as endings ("Simmering|er", "Weltmeister|in", "Landes") or
# end many nouns ("Gemein|den"): not split off a word of the article either.
_ENDING_TAILS = frozenset({"er", "es", "in", "den"})
# After a word of the article, more function words will do ("Kerry|ihre").
_ARTICLE_TAILS = tuple(
    t for t in _SAFE_TAILS + _RISKY_TAILS + _WORD_TAILS if t not in _ENDING_TAILS
) + tuple(
    str.split(
        "eine einen einem einer eines ihre ihren ihrer seine seinen seiner sind haben "
        "hatten wurden werden sagt sagten zum zur vom beim aus als wie dass noch nur"
    )
)


def joined_to_article_word(word: str, article: Mapping[str, int]) -> str | None:
    """ "Weißbüschelaffen ein" for "Weißbüschelaffenein", "Butterfill ist" for
    "Butterfillist": a word the article uses on its own (often a name or a term the
    reference corpus lacks, so no speller splits it) run into a function word; ``article``
    counts the article's words."""
    for tail in _ARTICLE_TAILS:
        head = word[: -len(tail)]
        if word.endswith(tail) and len(head) >= _STEM and article.get(head, 0) > 0:
            return f"{head} {tail}"
    head = word[:-2]
    if word.endswith("in") and head.endswith(("e", "en")) and article.get(head, 0) > 0:
        return f"{head} in"  # "Quietschlaute|in": no feminine ends in -ein or -enin
    return None


_PARTICIPLE_TAGS = frozenset({"VV(PP)", "VA(PP)", "VM(PP)"})
_PARTICIPLE_ALSO = frozenset({"VV(FIN)", "VV(IMP)", "ADJ(D)"})  # "erklärt", "gesteuert"
_SHORTEST_PARTICIPLE = 6


def joined_participle(
    word: str, tags: Callable[[str], frozenset[str]], zipf: Callable[[str], float] = frequency
) -> str | None:
    """ "Polizei gegeben" for "Polizeigegeben", "Nominierungskomitee vorgeschlagen": a noun
    run into the participle that ends its clause. A capitalised word inside a sentence is
    a noun, and no noun ends in an uninflected participle (the adjectives that do,
    "computergesteuert", are lowercase; nominalised ones are inflected: "Kriegsversehrten").
    ``tags`` gives a lowercase word's tags in HanTa's lexicon."""
    if not word[:1].isupper() or not word[1:].islower() or not word.isalpha():
        return None
    for i in range(3, len(word) - _SHORTEST_PARTICIPLE + 1):
        tail = word[i:]
        found = tags(tail)
        if found & {"NN", "NE"}:
            return None  # it ends in a noun: "Volumen|steigerungen", not "…stei|gerungen"
        if found & _PARTICIPLE_TAGS and found <= _PARTICIPLE_TAGS | _PARTICIPLE_ALSO:
            head = word[:i]
            return f"{head} {tail}" if compound_zipf(head.lower(), zipf) >= RARE_ZIPF else None
    return None


def _inflection(longer: str, shorter: str) -> bool:
    """One ending letter more ("Mahrers" for "Mahrer"); a doubled last letter is a slip
    ("Basharr")."""
    return longer[:-1] == shorter and longer[-1] != shorter[-1:]


# A word after one of these and a space stands inside a sentence: capitalised for itself,
# not for a sentence start ("Fuer den Preis").
_INSIDE_BEFORE = "a-zäöüß0-9,;)"
_INSIDE_MARK = re.compile(f"[{_INSIDE_BEFORE}]")
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÄÖÜ][a-zäöüß]+(?![\w-])")
_CAPITALISED_INSIDE = re.compile(rf"(?<=[{_INSIDE_BEFORE}]\s)[A-ZÄÖÜ][a-zäöüß]+(?![\w-])")


def inside_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` stands inside a sentence (see `_INSIDE_BEFORE`)."""
    return start >= 2 and text[start - 1].isspace() and bool(_INSIDE_MARK.match(text[start - 2]))


def capitalised_words(texts: tuple[str, ...]) -> collections.Counter[str]:
    """How often each capitalised word occurs in an article's texts."""
    return _count(texts, _CAPITALISED)


def capitalised_inside_sentences(texts: tuple[str, ...]) -> collections.Counter[str]:
    """The same for the capitalised words inside a sentence: names, nouns."""
    return _count(texts, _CAPITALISED_INSIDE)


@lru_cache(maxsize=8)
def _count(texts: tuple[str, ...], pattern: re.Pattern[str]) -> collections.Counter[str]:
    """Read once per article, for all the findings that ask."""
    return collections.Counter(word for text in texts for word in pattern.findall(text))


def capitalised_in_article(word: str, article: Mapping[str, int]) -> str | None:
    """ "Ulamec" for "ulamec", "Zschäpes" for "zschäpes": a lowercase word the speller does
    not know, which the article writes with a capital elsewhere (a name, or its genitive);
    ``article`` counts its capitalised words."""
    if len(word) < 4 or not word.isalpha() or not word.islower():
        return None
    capital = word[0].upper() + word[1:]
    if article.get(capital, 0) or (word.endswith("s") and article.get(capital[:-1], 0)):
        return capital
    return None


EVERYDAY_LOWERCASE_ZIPF = 3.5  # a lowercase word this common is no name: "online", "cool"


def lowercase_name(
    word: str, is_name: Callable[[str], bool], zipf: Callable[[str], float] = frequency
) -> bool:
    """ "niessl", "philae": a name written lowercase, for which the speller has no
    suggestion. The reference corpus has it (a name in the news, not a slip), it is no
    everyday word, and HanTa reads it as a name."""
    return (
        len(word) >= 4
        and word.isalpha()
        and word.islower()
        and word not in ENGLISH
        and NAME_ZIPF <= zipf(word) < EVERYDAY_LOWERCASE_ZIPF
        and is_name(word)
    )


_SHORTEST_NOUN_PART = 4  # "zeit", "raum", "amt" + a letter: the last part of a compound noun


def lowercase_compound_noun(word: str, noun_only: Callable[[str], bool | None]) -> str | None:
    """ "Telekomregulierungsbehörde" for "telekomregulierungsbehörde": a lowercase word the
    speller does not know, whose longest known last part is only ever a noun ("behörde",
    "vertreterin"), so the compound is a noun too. Not "marktweiten" nor
    "fließbandarbeiten": "weiten" and "arbeiten" are also adjectives or verbs."""
    if len(word) < 2 * _SHORTEST_NOUN_PART or not word.isalpha() or not word.islower():
        return None
    for i in range(3, len(word) - _SHORTEST_NOUN_PART + 1):
        tail = word[i:]
        known = noun_only(tail)
        if known is not None:
            return word[:1].upper() + word[1:] if known else None
    return None


def compound_zipf(word: str, zipf: Callable[[str], float] = frequency) -> float:
    """A word's frequency, or for a long compound the corpus lacks ("Stadtstudio"), that of
    its rarer part at the best split into stems of four letters or more: compounds are
    formed freely and most are rare, their parts are not."""
    best = zipf(word)
    if best >= COMMON_ZIPF or not word.isalpha() or len(word) < _COMPOUND_LENGTH:
        return best
    for i in range(4, len(word) - 3):
        head = zipf(word[:i])
        if word[i - 1] == "s":  # a linking s: "Tagungs|beginn" is "Tagung" + "Beginn"
            head = max(head, zipf(word[: i - 1]))
        if head > best:
            best = max(best, min(head, zipf(word[i:])))
    return best


def plausible_typo(
    word: str,
    suggestions: Iterable[str],
    is_noun: Callable[[str], bool] = lambda _: False,
    zipf: Callable[[str], float] = frequency,
) -> bool:
    """Is `word` one slip away from a real word that LanguageTool suggests?"""
    if word.lower() in ENGLISH:
        return False
    has_capitals = any(char.isupper() for char in word)
    own = zipf(word) if has_capitals else 0.0
    if own >= RARE_ZIPF and len(word) < _ATTESTED_SLIP_LENGTH:
        return False  # a short word the corpus has is a name ("Ofer", not "Opfer")
    suggestions = list(suggestions)[:5]
    if word.isupper() and len(word) > 1:
        if len(word) < 5:
            return False  # an unknown short all-caps word is an acronym
        # LanguageTool suggests nothing for all-caps words: look for the slip ourselves.
        suggestions += [s.upper() for s in slips_to_common(word.lower(), zipf)]
    if own >= RARE_ZIPF:
        # Common slips of the commonest words are in the corpus too ("Deutschand").
        allowed = _LETTER_SLIPS
    elif own >= NAME_ZIPF:
        # A rare word of the corpus: only a clear slip of a common word ("Esist": "Es ist").
        allowed = _LETTER_SLIPS | {"split"}
    elif word[:1].isupper():
        allowed = STRONG | {"keyboard"}
    else:
        allowed = STRONG | WEAK | {"capital"}
    for suggestion in suggestions:
        kind = slip(word, suggestion)
        if kind not in allowed:
            continue
        if kind == "capital":  # the dictionary has the word with a capital only: "juventus"
            if zipf(suggestion) >= NAME_ZIPF:  # not a guess of the speller's ("Marktweiten")
                return True
            continue
        if kind == "split" and not _split_is_german(suggestion, is_noun):
            continue
        if kind == "split" and own >= NAME_ZIPF and not suggestion.rpartition(" ")[2].islower():
            continue  # "WebStandard": a brand's capitals, not a missing space
        if kind in _DISTINCT and not has_capitals:
            return True  # a lowercase word is rarely a name; the suggestion may be rare
        # A lowercase word is rarely a name, so a slip to any word the corpus has will do
        # ("deklassierteg": deklassierte, "zugestürm": zugestürmt); a capitalised one may
        # be a name one key away from some rare word.
        needed = NAME_ZIPF if kind in _DISTINCT or not has_capitals else COMMON_ZIPF
        if own >= NAME_ZIPF:
            needed = own + LEAP_ZIPF
        # Two words are as common as the rarer ("Parlamentsneuwahlen offiziell").
        if min(compound_zipf(part, zipf) for part in suggestion.split()) >= needed:
            return True
        if kind == "keyboard" and own < NAME_ZIPF and has_capitals and _compound(suggestion, zipf):
            return True  # "Ölpreisem": a key from a compound of common words the corpus lacks
    return False


_TAIL = 5  # the last word of a compound the corpus lacks has at least this many letters


def _compound(suggestion: str, zipf: Callable[[str], float]) -> bool:
    """A common word (Zipf ≥ 3) of five letters or more after another common word, of any
    length ("Öl|preisen", "Vor|eigentümer", "Kern|zeiten"): a compound, however rare."""
    lower = suggestion.lower()
    return " " not in lower and any(
        zipf(lower[i:]) >= UNSEEN_TARGET_ZIPF and zipf(lower[:i]) >= UNSEEN_TARGET_ZIPF
        for i in range(2, len(lower) - _TAIL + 1)
    )


# Separable verb particles: their participles and zu-infinitives are one word
# ("entgegengestreckt", "zusammenzuarbeiten"), whatever the speller's dictionary lacks.
_PARTICLES = frozenset(
    str.split(
        "ab an auf aus bei dabei dagegen daher dahin daran darauf davon dazu durch ein empor "
        "entgegen entlang fest fort gegenüber her heran herauf heraus herbei herein herum "
        "herunter hervor hin hinauf hinaus hinein hinter hinunter hinzu los mit nach nieder "
        "vor voran voraus vorbei vorüber weg weiter wieder zu zurück zusammen zuvor"
    )
)


def _split_is_german(suggestion: str, is_noun: Callable[[str], bool]) -> bool:
    """Is the split a German reading? Not a noun run into a personal pronoun
    ("Neurowissenschaft er" for the Austrian "Neurowissenschafter", "Lug er" for the name
    Luger), nor a verb particle torn from its participle ("entgegen gestreckten")."""
    head, _, tail = suggestion.rpartition(" ")
    if tail in _PRONOUNS and head[:1].isupper() and is_noun(head):
        return False
    return not (head in _PARTICLES and tail.startswith(("ge", "zu")) and len(tail) > 4)


_ALPHABET = "abcdefghijklmnopqrstuvwxyzäöüß"
_NEIGHBOUR_KEYS = {a: "".join(b for b in _KEY if b != a and _neighbours(a, b)) for a in _KEY}
_OWN_SLIPS = frozenset({"swap", "double", "extra"})


def slip_to_everyday(word: str, zipf: Callable[[str], float] = frequency) -> str | None:
    """The everyday word a lowercase word is, but for two letters swapped or one letter too
    many, when the speller suggested other words ("würdeen": worden, würdigen; meant is
    "würden"). Only these slips: a word with a letter missing is more often a real form the
    dictionary lacks ("studier"), a letter more at the end an ending ("gibts": gibt es),
    and a word with ß the old spelling ("schloß", not "schoß").
    """
    if len(word) < 5 or not word.isalpha() or not word.islower() or word in ENGLISH:
        return None
    if "ß" in word or zipf(word[:-1]) >= EVERYDAY_ZIPF:
        return None
    for candidate in slips_to_common(word, zipf):
        if slip(word, candidate) in _OWN_SLIPS:
            return candidate
    return None


def slips_to_common(word: str, zipf: Callable[[str], float]) -> list[str]:
    """Everyday words (Zipf ≥ 3.5: Standard) one swap, doubling or dropped letter away from
    `word`, commonest first."""
    scored = [(zipf(c), c) for c in _slips(word, _OWN_SLIPS | {"drop"})]
    return [c for z, c in sorted(scored, reverse=True) if z >= EVERYDAY_ZIPF][:3]


def _slips(word: str, kinds: frozenset[str]) -> dict[str, str]:
    """The words `word` could be a slip of, each with the slip ("drop": `word` lacks a
    letter of it; "extra": has one too many, "double" when it doubles its neighbour)."""
    found: dict[str, str] = {}
    n = len(word)
    if "swap" in kinds:
        for i in range(n - 1):
            found[word[:i] + word[i + 1] + word[i] + word[i + 2 :]] = "swap"
    for i in range(n):
        doubled = word[i] in word[i - 1 : i] + word[i + 1 : i + 2]
        if ("double" if doubled else "extra") in kinds:
            found.setdefault(word[:i] + word[i + 1 :], "double" if doubled else "extra")
    if "drop" in kinds:
        for i in range(n + 1):
            for char in _ALPHABET:
                found.setdefault(word[:i] + char + word[i:], "drop")
    if "keyboard" in kinds:
        for i in range(n):
            for char in _NEIGHBOUR_KEYS.get(word[i], ""):
                found.setdefault(word[:i] + char + word[i + 1 :], "keyboard")
    found.pop(word, None)
    return found


# Newslint's own look at words no speller flagged: a German speller accepts any word it can
# split into known stems, so "Inforationen" (Info + Rationen) and "Rumfahrtexperten" pass.
# A word the reference corpus has never seen that one slip turns into a word it knows well
# is a typo; seen words, known compounds and short stems are left alone.
UNSEEN_TARGET_ZIPF = 3.0  # the word meant (or the compound's stem meant) is at least this common
_UNSEEN_SLIPS = frozenset({"swap", "double", "drop", "keyboard"})
_STEM = 4  # a compound's stems have at least this many letters ...
_SLIPPED_STEM = 5  # ... and a slip is looked for in stems (and beside stems) of this many


_Frequent = Callable[[Iterable[str], float], Mapping[str, float]]
# A function word that also ends many words ("Schaden", "weltumarmenden"): a word the
# speller let pass is not split before it.
_ALSO_ENDINGS = frozenset({"den"})


def unseen_slip(word: str, frequent: _Frequent = frequent_words) -> str | None:
    """The word meant, when `word` is unseen (or rare) and one slip from a common word:
    "Zimmre" (Zimmer), "Inforationen" (Informationen); a word run into a function word
    ("Congressdie"); or in a compound one slip from a common stem beside a known one:
    "Rumfahrtexperten" (Raumfahrtexperten)."""
    lower = unicodedata.normalize("NFC", word).lower()
    own = frequent([lower], NAME_ZIPF).get(lower, 0.0)
    if own >= RARE_ZIPF:
        return None
    if own >= NAME_ZIPF:  # in the corpus, though rarely: only a letter slip of a far commoner word
        meant = _likeliest(lower, _LETTER_SLIPS, own + LEAP_ZIPF, frequent)
    else:
        meant = _likeliest(lower, _UNSEEN_SLIPS, UNSEEN_TARGET_ZIPF, frequent)
        if meant is None:
            stems = _stems(lower, frequent)
            if _known_compound(lower, stems):
                return None  # "Weihnachts|parodie", not "Weihnachtsparo die"
            split = joined(word, lambda _: False, zipf=frequency)
            if split is not None and split.rpartition(" ")[2] not in _ALSO_ENDINGS:
                return split
            if word[:1].isupper():  # compounds: nouns
                meant = _compound_slip(lower, stems, frequent)
    if meant is None:
        return None
    return meant[:1].upper() + meant[1:] if word[:1].isupper() else meant


def _likeliest(word: str, kinds: frozenset[str], needed: float, frequent: _Frequent) -> str | None:
    """The commonest word at least `needed` common that a letter slip (swapped, doubled,
    dropped) makes `word` of, else one a neighbouring key does."""
    candidates = _slips(word, kinds)
    scores = frequent(candidates, needed)
    ranked = sorted((candidates[c] == "keyboard", -z, c) for c, z in scores.items())
    return ranked[0][2] if ranked else None


def _stems(word: str, frequent: _Frequent) -> Mapping[str, float]:
    """How common each possible stem of a compound is (those the corpus has): every head
    and tail of four letters or more, and each head without a last letter (a linking s)."""
    cuts = range(_STEM, len(word) - _STEM + 1)
    return frequent({p for i in cuts for p in (word[:i], word[: i - 1], word[i:])}, NAME_ZIPF)


def _known_compound(word: str, stems: Mapping[str, float]) -> bool:
    """Two stems the corpus has, even rare ones ("Karenz|tage"), a linking s allowed
    ("Nationalrats|sitzungen")."""

    def known(part: str) -> bool:
        return stems.get(part, 0.0) >= RARE_ZIPF

    for i in range(_STEM, len(word) - _STEM + 1):
        head, tail = word[:i], word[i:]
        if (known(head) or (head.endswith("s") and known(head[:-1]))) and known(tail):
            return True
    return False


def _compound_slip(word: str, stems: Mapping[str, float], frequent: _Frequent) -> str | None:
    """A compound with a slip inside one stem (not at the seam), the other stem a known word
    of five letters or more."""
    for i in range(_STEM, len(word) - _STEM + 1):
        head, tail = word[:i], word[i:]
        for part, rest, first in ((head, tail, True), (tail, head, False)):
            if min(len(part), len(rest)) < _SLIPPED_STEM or part in stems:
                continue  # the slip is looked for in a stem the corpus has never seen
            if stems.get(rest, 0.0) < UNSEEN_TARGET_ZIPF:
                continue
            linking = "s" if first and part.endswith("s") and len(part) > _SLIPPED_STEM else ""
            stem = part[: len(part) - len(linking)]
            meant = _likeliest(stem, _UNSEEN_SLIPS, UNSEEN_TARGET_ZIPF, frequent)
            if meant is None:
                continue
            if first and meant[-1] == stem[-1]:
                return meant + linking + tail
            if not first and meant[0] == stem[0]:  # "Contra|ption" is not "Contra|option"
                return head + meant
    return None
