"""Whether a lowercase word is a noun where it stands, from HanTa's tags of its sentence
and HanTa's lexicon: the linguistics of the `capitalization` kind
(`newslint.checks.capitalization`, whose docstring says what is reported and why).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_NOMINAL = frozenset({"NN", "NE", "NNA", "NNI"})
# Words that open a noun phrase and leave the noun slot to the next word.
_DETERMINERS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PWAT", "PRELAT", "APPRART"})
_ATTRIBUTIVE = frozenset({"ADJ(A)", "CARD"})
# Inside a noun phrase, between its opening word and the adjective before the noun.
_PHRASE_INSIDE = frozenset({"ADV", "ADJ(D)", "KON", "$,"})
# After the candidate, these mean it was an adjective or numeral before its noun.
LEADS_ON = _NOMINAL | _ATTRIBUTIVE
_FINITE = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)"})
# Lexicon readings of content words; all others (ADV, PTKVZ, APPR, PIS, ...) are
# function words.
_CONTENT = ("ADJ", "VV", "VA", "VM", "CARD", "FM", "XY")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns of a point in time: before a year or month they are nouns ("Ende 2015", "Mitte Mai").
_DATE_NOUNS = _words("anfang mitte ende")
_MONTHS = _words(
    "jänner januar februar feber märz april mai juni juli august september oktober november "
    "dezember"
)
_ARTICLE_FORMS = _words("der die das den dem des ein eine einen einem einer eines")
# Tags between two clauses: a comma, a sentence end, a conjunction or complementiser.
_CLAUSE_EDGES = frozenset({"$,", "$.", "$(", "KON", "KOUS", "KOUI"})
_COORDINATORS = _words("und oder sowie")
# The second part of a pair that is not a noun of its own: "Hacker- und sonstigen
# Angriffe", "das Beitrags- und das Schadensniveau".
_NO_HEADS = _DETERMINERS | _ATTRIBUTIVE | {"PRELS", "PDS", "PIS", "PPER", "PRF"}
_HYPHENS = frozenset({"-", "‐"})
_CONTRACTED = _words("zum zur beim vom im am ins ans aufs fürs übers durchs ums")
# Determiners before an adjective that agrees with a neuter singular noun ("ein schnelles",
# "dem schnellen", "das schnelle" handeln).
_EIN_WORDS = _words("ein kein mein dein sein ihr unser euer")
# Before an infinitive these can only be its article: a nominalised infinitive is neuter
# ("ein mitverschulden"), and "ein" and "kein" are no pronouns there ("das" is: "Wir wollen
# das essen").
_NEUTER_EIN = _words("ein kein")
_NEUTER_OBLIQUE = _CONTRACTED | _words(
    "dem des einem eines diesem dieses jedem jedes keinem keines meinem meines deinem "
    "seinem seines ihrem ihres unserem unseres"
)
_NEUTER_DEFINITE = _words("das dieses jenes jedes welches")
_SOMETHING = _words("etwas nichts viel wenig allerlei genug mehr")
_PRONOMINAL = _words("anderes anderem einzelnes einzelnem weiteres weiterem")
_SUBJECT_PRONOUNS = frozenset({"ich", "du", "er", "wir", "ihr"})
_PERSONAL = _SUBJECT_PRONOUNS | {"sie", "es", "man"}
# Colloquial verb forms that look like nouns follow these ("ich krieg", "du glaub"); a
# third-person verb ends in -t ("es brennt"), so "wenn es flüchtlinge zurückweist" is a noun.
_FIRST_AND_SECOND = frozenset({"ich", "du", "wir", "ihr"})
_RELATIVE = frozenset({"der", "die", "das", "den", "dem", "denen", "deren", "dessen"})
_QUOTE_MARKS = frozenset("„“”\"»«‚‘’`'")
# An unknown word that HanTa builds from known morphemes is a compound ("jungtiere",
# "molkereiprodukte"); from this length on, one that is only a noun counts as a noun
# without a determiner too.
_COMPOUND_LENGTH = 8


@dataclass(frozen=True)
class Lexical:
    """What HanTa's lexicon says about a lowercase word, whatever its context."""

    nominal: bool  # some reading is a noun (NN, NE, NNA, NNI)
    only_nominal: bool  # every reading is a noun: "ziel", "nachricht", "kabinettsposten"
    only_name: bool  # a known word whose every reading is a proper name: "argentinien"
    known: bool  # in HanTa's lexicon, not analysed on the fly
    noun_first: bool  # the likeliest reading is a noun: "fällen", "angestellten"
    adjective: bool  # "neues", "angeklagten"
    verb: bool  # "ansehen", "preise" (preisen)
    infinitive: bool  # "schenken", "regieren"
    function_word: bool  # an adverb, particle, preposition or pronoun reading: "hin"


def reason(words: Sequence[str], tags: Sequence[str], i: int) -> str | None:
    """Why the lowercase ``words[i]`` is a noun in a noun slot, or None if it is not.

    ``tags`` are HanTa's tags of the sentence ``words``.
    """
    word = words[i]
    if (
        tags[i] not in _NO_HEADS
        and _after_truncated_noun(words, i)
        and _lexical(word).nominal  # not "Wirtschafts- und sozialpolitisch"
    ):
        return "truncation"  # "die Kinder- und jugendanwaltschaft"
    if _demonym(word):
        return "demonym"  # "der wiener", "die grazer Polizei"
    if word in _DATE_NOUNS and _before_date(words, i):
        return "date"  # "ende 2015", "mitte Mai"
    if word == "mal" and tags[i - 1] == "ADJ(A)":
        return "attributive"  # "das erste mal", "beim nächsten mal": the adverb takes none
    if word == "nichts" and words[i - 1].lower() in _CONTRACTED:
        return "determiner"  # "ins nichts", "vor dem Nichts" is too ambiguous ("dem nichts fehlt")
    if tags[i] not in _NOMINAL and not _nominal_slot(words, tags, i):
        return None  # the common case, decided without the lexicon
    lexical = _lexical(word)
    # Longer than three letters: name particles ("van der Vaart", "del Potro") and agency
    # codes ("vwd") are names in the lexicon too.
    if lexical.only_name and len(word) > 3:
        return "name"  # "in argentinien", "mexikos Trainer": no lowercase reading at all
    if _reads_as_verb(words, tags, i, lexical) or _elliptic(words, tags, i, lexical):
        return None
    if not _nominal_reading(tags[i], lexical):
        return _nominalised(words, tags, i, lexical)
    before = tags[i - 1]
    # Followed by a noun or adjective, a word that can be an adjective probably is one
    # ("dichter Sternenhaufen"); a word that can only be a noun starts a new phrase
    # ("in den nächsten jahren Realität werden", "seit ende September").
    after = next_tag(words, tags, i)
    if after in LEADS_ON and (lexical.adjective or lexical.function_word):
        return None
    if after in ("ADJ(D)", "ADV") and lexical.function_word and before not in _DETERMINERS:
        return None  # an adverb before an adverb or adjective: "im Großen und Ganzen recht gut"
    if before in _DETERMINERS:
        return "determiner"
    if lexical.function_word and not lexical.noun_first:
        return None  # "von Lauten hin": mostly a particle; too weak without a determiner
    if before in _ATTRIBUTIVE and (
        lexical.only_nominal
        or _opens_phrase(tags, i - 2)
        or (tags[i] == "NNI" and _neuter_singular(words, tags, i - 1))  # "jahrelanges schweigen"
        or (after == "$." and lexical.noun_first)  # "verströmen ungemeine ruhe."
    ):
        return "attributive"  # but "im Großen und ganzen recht": adjective, then adverb
    if before == "APPR" and (lexical.noun_first or lexical.only_nominal):
        return "preposition"
    if before == "KON" and i >= 2 and tags[i - 2] in ("NN", "NE") and lexical.noun_first:
        return "coordinated"  # "von Flugzeugen oder schiffen"
    if _bare_noun(words, tags, i, lexical):
        return "noun"  # "hoffen forscher noch auf", "Sie werden zeit brauchen"
    return None


def _after_truncated_noun(words: Sequence[str], i: int) -> bool:
    """The second part of a pair whose first is a noun cut at a hyphen ("Kinder- und
    jugendanwaltschaft", "Vor- oder nachteile"): capitalised inside the sentence, the cut
    word is a noun's first part, and so is the whole pair. At the sentence start it may be
    capitalised for the start alone ("Ein- und ausreisen")."""
    if i < 4 or words[i - 1].lower() not in _COORDINATORS or words[i - 2] not in _HYPHENS:
        return False
    cut = words[i - 3]
    return (
        len(cut) >= 2
        and cut[0].isupper()
        and cut[1:].islower()
        and cut.isalpha()
        and (any(w.isalnum() for w in words[: i - 3]))
    )


def _before_date(words: Sequence[str], i: int) -> bool:
    """The next word is a year or a month ("2015", "Mai")."""
    following = words[i + 1] if i + 1 < len(words) else ""
    return (len(following) == 4 and following.isdigit()) or following.lower() in _MONTHS


def _bare_noun(words: Sequence[str], tags: Sequence[str], i: int, lexical: Lexical) -> bool:
    """A word the lexicon knows only as a noun (or a nominalised adjective), in a slot
    without determiner.

    Not after a first- or second-person pronoun or before a personal pronoun, where it is a
    colloquial verb form ("ich krieg", "druck sie aus"), nor next to foreign words
    ("contact form").
    """
    if not lexical.only_nominal:
        return False
    # A nominalised adjective the lexicon knows only as a noun ("beamte", "angestellte"),
    # read as one here: "Kroatien will beamte schicken".
    nominalised = tags[i] == "NNA" and lexical.known
    if not (tags[i] == "NN" and not lexical.adjective) and not nominalised:
        return False
    if not lexical.known and len(words[i]) < _COMPOUND_LENGTH:
        return False
    if words[i - 1].lower() in _FIRST_AND_SECOND or next_word(words, i) in _PERSONAL:
        return False
    neighbours = {tags[k] for k in (i - 1, i + 1) if k < len(words) and words[k].isalpha()}
    return next_tag(words, tags, i) not in LEADS_ON and not neighbours & {"FM", "XY"}


def next_tag(words: Sequence[str], tags: Sequence[str], i: int) -> str:
    """The tag of the next word, past quotation marks ("im islamischen „Gottesstaat“")."""
    j = i + 1
    while j < len(words) and words[j] in _QUOTE_MARKS:
        j += 1
    return tags[j] if j < len(tags) else "$."


def next_word(words: Sequence[str], i: int) -> str:
    return words[i + 1].lower() if i + 1 < len(words) else ""


def _reads_as_verb(words: Sequence[str], tags: Sequence[str], i: int, lexical: Lexical) -> bool:
    """A verb in a position where it is one: "das release ich", "zu dürfen", "der lügen würde"."""
    following = next_word(words, i)
    if following in _SUBJECT_PRONOUNS:
        return True  # "So einen quatsch ich nicht an."
    if not lexical.verb:
        return False
    if following == "sich" or (following == "zu" and lexical.infinitive):
        return True  # "Die freunden sich an.", "eine zwiebeln zu dürfen"
    # "..., der lügen würde": a relative pronoun, not an article
    return (
        i >= 2
        and words[i - 2] == ","
        and words[i - 1].lower() in _RELATIVE
        and next_tag(words, tags, i) in _FINITE
    )


def _elliptic(words: Sequence[str], tags: Sequence[str], i: int, lexical: Lexical) -> bool:
    """An adjective whose noun was named before or comes after a comma or "und".

    "die roten Äpfel und die grünen", "im äußeren, modernen Bild".
    """
    if not lexical.adjective or tags[i - 1] not in _DETERMINERS:
        return False
    if next_tag(words, tags, i) in ("$,", "KON") and any(
        tags[j] == "ADJ(A)" and words[j].islower() and (j == i + 2 or tags[j + 1] in LEADS_ON)
        for j in range(i + 2, min(i + 5, len(tags) - 1))
    ):
        return True  # "im äußeren, modernen Bild", "im deutschen und im englischen Forum"
    ending = words[i][-2:]
    return any(
        tags[j] == "ADJ(A)" and tags[j + 1] in ("NN", "NE") and words[j].endswith(ending)
        for j in range(i - 2)
    )


def _nominal_reading(tag: str, lexical: Lexical) -> bool:
    """The tagger reads the word as a noun, and the lexicon allows it."""
    if tag == "NNI":
        return lexical.nominal or lexical.infinitive  # "das murmeln eines Baches"
    if tag == "NNA":
        return lexical.nominal or lexical.adjective  # "der angeklagten"
    return tag in _NOMINAL and lexical.nominal


def _neuter_singular(words: Sequence[str], tags: Sequence[str], j: int) -> bool:
    """Whether the adjective ``words[j]`` can agree with a neuter noun in the singular.

    A nominalised infinitive is neuter: "das schnelle handeln", "ein schnelles handeln",
    "mit schnellem handeln", "beim schnellen handeln" — never "viele kleine scheitern".
    """
    k = j
    while k > 0 and tags[k - 1] == "ADJ(A)":
        k -= 1
    determiner = words[k - 1].lower() if k > 0 and tags[k - 1] in _DETERMINERS else ""
    ending = words[j].lower()
    if ending.endswith(("es", "em")):
        return determiner == "" or (ending.endswith("es") and determiner in _EIN_WORDS)
    if ending.endswith("en"):
        return determiner in _NEUTER_OBLIQUE
    if ending.endswith("e"):
        return determiner in _NEUTER_DEFINITE
    return False


def _determined(tags: Sequence[str], j: int) -> bool:
    """Whether the adjective at ``j`` follows a determiner (possibly past other adjectives)."""
    while j > 0 and tags[j - 1] in _ATTRIBUTIVE:
        j -= 1
    return j > 0 and tags[j - 1] in _DETERMINERS


def _opens_phrase(tags: Sequence[str], j: int) -> bool:
    """Whether a noun phrase opens at ``j``, or before adverbs and coordinated adjectives
    that end there ("aus überwiegend rassistischen", "auf aggressive oder aufdringliche")."""
    while j >= 0 and tags[j] in _PHRASE_INSIDE:
        j -= 1
    return j >= 0 and tags[j] in _DETERMINERS | _ATTRIBUTIVE | {"APPR"}


def _nominal_slot(words: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """Where `_nominalised` may find a noun that the tagger read as verb or adjective."""
    return (
        tags[i - 1] == "ADJ(A)"
        or words[i - 1].lower() in _CONTRACTED | _SOMETHING
        or _article_after_preposition(words, tags, i)
        or (tags[i] == "ADJ(D)" and tags[i - 1] == "ART")  # "nach einem remis"
        or (tags[i] == "VV(IMP)" and tags[i - 1] in _DETERMINERS)  # "einen stoß gegeben"
        or (tags[i] in ("VV(INF)", "VV(FIN)") and words[i - 1].lower() in _NEUTER_EIN)
        or _unattached(words, tags, i)
        or _second_finite(words, tags, i)
    )


def _unattached(words: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """A predicative adjective right after a preposition, describing nothing: "von
    metallen betrifft". (An attributive one after an article is too often elliptic: "die
    linke Hälfte ..., die rechte".)"""
    return (
        tags[i] == "ADJ(D)" and tags[i - 1] == "APPR" and next_tag(words, tags, i) not in LEADS_ON
    )


def _second_finite(words: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """ "unterstützt das gerät WLAN": a finite verb after an article in a clause that
    already has its finite verb (the tagger read "das" as a pronoun)."""
    if tags[i] not in _FINITE or words[i - 1].lower() not in _ARTICLE_FORMS:
        return False
    for j in range(i - 2, -1, -1):
        if tags[j] in _FINITE:
            return True
        if tags[j] in _CLAUSE_EDGES:
            return False
    return False


def _article_after_preposition(words: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """ "über das treffen", "mit dem schenken": after a preposition "das" and "dem" are
    articles, whatever the tagger made of them (it reads "das treffen" as pronoun + verb)."""
    return i >= 2 and tags[i - 2] in ("APPR", "APPRART") and words[i - 1].lower() in ("das", "dem")


def _nominalised(words: Sequence[str], tags: Sequence[str], i: int, lexical: Lexical) -> str | None:
    """An infinitive or adjective the tagger took for a verb or adjective, in a noun slot.

    "zum schenken", "ein effizienteres regieren", "im klaren sein", "etwas festes".
    """
    if _second_finite(words, tags, i) and lexical.nominal and not lexical.infinitive:
        return "determiner"
    after = next_tag(words, tags, i)
    if after in LEADS_ON or lexical.function_word:
        return None
    before = words[i - 1].lower()
    if tags[i] == "ADJ(D)" and tags[i - 1] == "ART" and lexical.noun_first:
        return "noun"  # an article before a predicative adjective: the tagger missed a noun
    if tags[i] == "VV(IMP)" and tags[i - 1] in _DETERMINERS and lexical.nominal:
        return "determiner"  # an imperative opens its clause; after a determiner it is a noun
    if _unattached(words, tags, i) and lexical.noun_first:
        return "noun"
    if lexical.infinitive and before in _NEUTER_EIN and tags[i - 1] in _DETERMINERS | {"CARD"}:
        return "nominalised infinitive"  # "ein mitverschulden (der Gläubiger) vorliegt"
    if lexical.infinitive and after not in _FINITE:
        if before in _CONTRACTED or _article_after_preposition(words, tags, i):
            return "nominalised infinitive"
        if tags[i - 1] == "ADJ(A)" and _neuter_singular(words, tags, i - 1):
            # "um internationales ansehen", "die Gesetzgebung und ein effizienteres
            # regieren"; but "Sie sollten ein neues kaufen" is elliptic.
            coordinated = i >= 4 and tags[i - 3] in ("KON", "$,") and tags[i - 4] in ("NN", "NE")
            if lexical.noun_first or coordinated or not _determined(tags, i - 1):
                return "nominalised infinitive"
    if lexical.only_nominal and before in _SOMETHING:
        return "noun"  # "für mehr speicher", "viel geld"
    unknown_noun = not lexical.known and lexical.noun_first
    if unknown_noun and tags[i - 1] == "ADJ(A)" and _determined(tags, i - 1):
        # "der jungen weißbüschelaffen hängt": a compound the lexicon lacks, mostly a
        # noun, and the only noun the adjective could describe
        return "noun"
    if lexical.noun_first and (
        before in _CONTRACTED  # "bis zum alter von"
        # "zu weiten teilen": a preposition and an adjective need a noun ("viele kleine
        # scheitern" does not: its noun was named before)
        or (tags[i - 1] == "ADJ(A)" and i >= 2 and tags[i - 2] in ("APPR", "APPRART"))
    ):
        return "noun"  # mostly a noun, and nothing after it that it could describe
    if lexical.adjective and not lexical.verb:
        if before in _CONTRACTED - {"am"} and words[i].endswith(("en", "em")):
            return "nominalised adjective"  # "im klaren", "im übrigen"
        if before in _SOMETHING and words[i].endswith(("es", "em")) and words[i] not in _PRONOMINAL:
            return "nominalised adjective"  # "etwas festes", "nichts neues", "zu etwas größerem"
    return None


@lru_cache(maxsize=65536)
def _lexical(word: str) -> Lexical:
    from newslint.tense.morph import hanta

    tagger = hanta()
    readings = [(str(t), p) for t, p in tagger.tag_word(word, cutoff=5, casesensitive=False)]
    readings.sort(key=lambda r: -r[1])
    nominal = any(tag in _NOMINAL for tag, _p in readings)
    compound_noun = False
    if nominal and word not in tagger.cache:
        nominal = _known_morphemes(tagger, word)
        compound_noun = nominal and _noun_headed(tagger, word)
    other = {tag for tag, _p in readings} - _NOMINAL
    return Lexical(
        nominal=nominal,
        only_nominal=nominal and not other,
        only_name=word in tagger.cache and {tag for tag, _p in readings} == {"NE"},
        known=word in tagger.cache,
        noun_first=nominal and readings[0][0] in _NOMINAL,
        adjective=not compound_noun
        and (
            any(r.startswith("ADJ") for r in other)
            or "NNA" in dict(readings)
            or word in tagger.LP_m_t.get(tagger.tag2int["ADJ_INVAR"], {})
        ),
        verb=any(r.startswith(("VV", "VA", "VM")) for r in other),
        infinitive="VV(INF)" in other,
        function_word=any(not r.startswith(_CONTENT) for r in other),
    )


_ADJECTIVE_MORPHEMES = ("ADJ", "ADJ_INVAR", "ADJ_VAR", "ADJ_IRR")
# Nouns that also end adjectives ("dauer|haft", "kinder|reich", "zeit|gemäß"): HanTa's noun
# analysis of such an adjective ends in a noun morpheme.
_ADJECTIVE_HEADS = _words(
    "haft reich arm wert los voll weit frei fest nah fern lang recht gerecht mäßig würdig "
    "fähig artig förmig sicher bereit leer gemäß schwer"
)


def _noun_headed(tagger: Any, word: str) -> bool:
    """An unknown compound that HanTa builds from two or more known noun morphemes, the
    last no adjective's ("kunst|rückgabe|beirat"): HanTa's guess that it might be an
    adjective too comes from its unknown-word model, not from its parts."""
    _stem, morphemes, _tag = tagger.analyze(word, pos="NN", taglevel=3)
    stems = [m for m, t in morphemes if t == "NN"]
    if len(stems) < 2 or morphemes[-1][1] not in ("NN", "SUF_NN"):
        return False
    table = tagger.LP_m_t
    return stems[-1] not in _ADJECTIVE_HEADS and not any(
        stems[-1] in table.get(tagger.tag2int.get(t), {}) for t in _ADJECTIVE_MORPHEMES
    )


def _known_morphemes(tagger: Any, word: str) -> bool:
    """An unknown word is a noun only if HanTa builds it from morphemes it knows."""
    _stem, morphemes, tag = tagger.analyze(word, pos="NN", taglevel=3)
    if tag != "NN":
        return False
    table = tagger.LP_m_t
    return all(m in table.get(tagger.tag2int.get(t), {}) for m, t in morphemes)


@lru_cache(maxsize=4096)
def _demonym(word: str) -> bool:
    """ "wiener", "grazer": an adjective from a place name, always capitalised."""
    if len(word) < 6 or not word.endswith("er"):
        return False
    from newslint.tense.morph import hanta

    tagger = hanta()
    place = tagger.cache.get(word[:-2])
    if not place or tagger.int2tag[place[0][0]] != "NE":
        return False
    _stem, morphemes, _tag = tagger.analyze(word, pos="ADJ(A)", taglevel=3)
    return [t for _m, t in morphemes] == ["ADJ_INVAR"]
