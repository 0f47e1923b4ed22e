"""`capitalization`: a noun written lowercase („unser ziel“, „die schließung“).

Most such slips are real words in lowercase too (ansehen, ziel, preise, unternehmen are
verbs or adjectives as well), so a spelling checker passes them; the context decides. Each
sentence is tagged with HanTa (the model the tense check loads, `newslint.tense.morph`),
which weighs case as one cue among several and so still tags „die preise steigen“ as
ART NN VV. A lowercase word is reported when

- the tagger reads it as a noun (NN, NE, or a nominalised infinitive or adjective),
- HanTa's lexicon knows it as a noun, or builds it from known morphemes ending in a noun
  („kabinettsposten“ = kabinett+s+posten), and
- it stands in a noun slot: after an article, possessive or demonstrative, after „am“,
  „zum“ …, after an attributive adjective or a preposition, or coordinated with a noun —
  and does not itself lead on to a noun as an adjective would („dichter Sternenhaufen“).

A colour after „in“, „auf“ or „bei“ („in grün angezeigt“) is a noun unless an adjective or
noun follows. A word the lexicon knows only as a proper name („argentinien“, „mexikos“) is
reported wherever it stands; an unknown compound that HanTa builds from known morphemes
and reads only as a noun („molkereiprodukte“) counts as a noun without a determiner, as
known nouns do.

Words that are also verbs, adjectives or particles need stronger evidence, and the usual
lowercase readings are left alone: an elliptic adjective („die roten Äpfel und die
grünen“), a verb after a relative pronoun („der lügen würde“), a finite verb before its
subject („das release ich“). Numerals and the words a rule lists (hunderte, am besten)
stay lowercase. Adjectives from place names („wiener“) are always capitalised.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import regex

from newslint.checks.base import (
    MAX_PARAGRAPH_OPTION,
    Check,
    Rule,
    compile_pattern,
    finditer,
    max_paragraph_chars,
    render,
)
from newslint.diagnostic import Finding
from newslint.document.model import Block

_NOMINAL = frozenset({"NN", "NE", "NNA", "NNI"})
# Words that open a noun phrase and leave the noun slot to the next word.
_DETERMINERS = frozenset({"ART", "PPOSAT", "PDAT", "PIAT", "PWAT", "PRELAT", "APPRART"})
_ATTRIBUTIVE = frozenset({"ADJ(A)", "CARD"})
# Inside a noun phrase, between its opening word and the adjective before the noun.
_PHRASE_INSIDE = frozenset({"ADV", "ADJ(D)", "KON", "$,"})
# After the candidate, these mean it was an adjective or numeral before its noun.
_LEADS_ON = _NOMINAL | _ATTRIBUTIVE
_FINITE = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)"})
# Lexicon readings of content words; all others (ADV, PTKVZ, APPR, PIS, ...) are
# function words.
_CONTENT = ("ADJ", "VV", "VA", "VM", "CARD", "FM", "XY")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_COLOUR_PREPOSITIONS = _words("in auf bei")
# Nouns of a point in time: before a year or month they are nouns ("Ende 2015", "Mitte Mai").
_DATE_NOUNS = _words("anfang mitte ende")
_MONTHS = _words(
    "jänner januar februar feber märz april mai juni juli august september oktober november "
    "dezember"
)
_ARTICLE_FORMS = _words("der die das den dem des ein eine einen einem einer eines")
# Tags between two clauses: a comma, a sentence end, a conjunction or complementiser.
_CLAUSE_EDGES = frozenset({"$,", "$.", "$(", "KON", "KOUS", "KOUI"})
_CONTRACTED = _words("zum zur beim vom im am ins ans aufs fürs übers durchs ums")
# Determiners before an adjective that agrees with a neuter singular noun ("ein schnelles",
# "dem schnellen", "das schnelle" handeln).
_EIN_WORDS = _words("ein kein mein dein sein ihr unser euer")
_NEUTER_OBLIQUE = _CONTRACTED | _words(
    "dem des einem eines diesem dieses jedem jedes keinem keines meinem meines deinem "
    "seinem seines ihrem ihres unserem unseres"
)
_NEUTER_DEFINITE = _words("das dieses jenes jedes welches")
_DEFINITE = "(?i:der|die|das|den|dem|des|im|am|vom|zum|zur|beim|ins|ans)"
_INDEFINITE = "(?i:k?ein|k?eine[mnrs]?)"
_SOMETHING = _words("etwas nichts viel wenig allerlei genug mehr")
_PRONOMINAL = _words("anderes anderem einzelnes einzelnem weiteres weiterem")
_SUBJECT_PRONOUNS = frozenset({"ich", "du", "er", "wir", "ihr"})
_PERSONAL = _SUBJECT_PRONOUNS | {"sie", "es", "man"}
_RELATIVE = frozenset({"der", "die", "das", "den", "dem", "denen", "deren", "dessen"})
_NUMERAL_ENDINGS = ("hundert", "tausend")
# Characters that glue a token to its neighbour: "-leistungen" (Arbeitszeiten und
# -leistungen), "gv.at", "/etat/", "mail(at)".
_GLUE_BEFORE = "-‐/.@#_&+\\"
_GLUE_AFTER = "-‐/@_&+\\("
_QUOTE_MARKS = frozenset("„“”\"»«‚‘’`'")
# An unknown word that HanTa builds from known morphemes is a compound ("jungtiere",
# "molkereiprodukte"); from this length on, one that is only a noun counts as a noun
# without a determiner too.
_COMPOUND_LENGTH = 8


def _list(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}, "description": description}


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


class CapitalizationCheck(Check):
    KIND = "capitalization"
    OPTIONS: ClassVar[dict[str, Any]] = {
        "lowercase_words": _list("Words that may stay lowercase in a noun slot (hunderte)."),
        "lowercase_phrases": _list("Two-word phrases in which a word stays lowercase (am besten)."),
        "verb_phrases": _list("Noun and verb (infinitive) of fixed phrases: 'sorgen machen'."),
        "colours": _list("Nouns after 'in', 'auf', 'bei' unless a noun follows: 'in Rot'."),
        "proper_names": _list("Names with a capitalised adjective: 'Erste Hilfe'."),
        "max_paragraph_chars": MAX_PARAGRAPH_OPTION,
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        o = rule.options
        self.lowercase_words = frozenset(w.lower() for w in o.get("lowercase_words", ()))
        self.lowercase_phrases = frozenset(
            tuple(p.lower().split()) for p in o.get("lowercase_phrases", ())
        )
        self.verb_phrases: dict[str, set[str]] = {}
        for phrase in o.get("verb_phrases", ()):
            noun, verb = phrase.lower().split()
            self.verb_phrases.setdefault(noun, set()).add(verb)
        self.colours = frozenset(c.lower() for c in o.get("colours", ()))
        self._names_source = _name_source(o.get("proper_names", ()))
        self._names: regex.Pattern[str] | None = None
        self._name_keys = _name_keys(o.get("proper_names", ()))

    @property
    def names(self) -> regex.Pattern[str] | None:
        """The proper-names pattern, compiled on first use.

        It is one alternation per listed name, ~0.1 s to compile: a run whose documents all
        come from the findings cache never needs it.
        """
        if self._names is None and self._names_source is not None:
            self._names = compile_pattern(self._names_source)
        return self._names

    def run(self, block: Block) -> Iterator[Finding]:
        from newslint.tense.tokens import tokenize
        from newslint.text.sentences import split_sentences

        text = block.text
        if len(text) > max_paragraph_chars(self.rule):
            return  # tagging is ~10 ms per sentence: a data dump would take minutes
        if self._may_name(text) and self.names is not None:
            for match in finditer(self.names, text):
                group = 1 if match.group(1) else 2  # inflected after "der", or as listed
                yield self._finding(match.start(group), match.group(group))
        for start, end in split_sentences(text):
            tokens = tokenize(text, start, end)
            words = tuple(t.text.replace("\u00ad", "") for t in tokens)
            if not any(_candidate_shape(w) for w in words[1:]):
                continue
            tags = _tags(words)
            for i in range(1, len(tokens)):
                token = tokens[i]
                if not _glued(text, token.start, token.end, end) and self._flagged(words, tags, i):
                    yield self._finding(token.start, token.text)

    def _may_name(self, text: str) -> bool:
        """Whether some listed name's adjective stem and noun both occur in the text.

        Every match of the names pattern contains both literally, and few paragraphs hold
        any pair, so most skip the pattern (a scan with a lookbehind at every position).
        """
        return any(stem in text and noun in text for stem, noun in self._name_keys)

    def _finding(self, start: int, word: str) -> Finding:
        fixed = word[0].upper() + word[1:]
        message = render(self.rule.message, None, word=word, replacement=fixed)
        return self.finding(start, start + len(word), message, (fixed,))

    def _flagged(self, words: Sequence[str], tags: Sequence[str], i: int) -> bool:
        word = words[i]
        if not _candidate_shape(word) or word.endswith(_NUMERAL_ENDINGS):
            return False
        before, after = (words[i - 1].lower(), word), (word, _next_word(words, i))
        if word in self.lowercase_words or {before, after} & self.lowercase_phrases:
            return False
        if self.is_exception(word):
            return False
        return (
            self._in_verb_phrase(words, i)
            or self._colour(words, tags, i)
            or reason(words, tags, i) is not None
        )

    def _colour(self, words: Sequence[str], tags: Sequence[str], i: int) -> bool:
        """ "in grün", "auf rot", "bei rot": a colour named, unless it describes what follows
        ("in grün markierten Feldern", "in gold Cup")."""
        return (
            words[i] in self.colours
            and words[i - 1].lower() in _COLOUR_PREPOSITIONS
            and _after(words, tags, i) not in _LEADS_ON
        )

    def _in_verb_phrase(self, words: Sequence[str], i: int) -> bool:
        """ "sich sorgen machen", "macht sich sorgen": the noun of a fixed noun-verb phrase."""
        verbs = self.verb_phrases.get(words[i])
        if not verbs:
            return False
        from newslint.tense.morph import tag_words

        tagged = tag_words(list(words))
        window = tagged[i + 1 : i + 4]
        if tagged[i - 1].tag in ("PRF", "PPER", "ADJ(A)"):  # "macht sich sorgen"
            window += tagged[max(i - 4, 0) : i - 1]
        elif tagged[i - 1].tag.startswith("V"):  # "hat angst vor"
            window.append(tagged[i - 1])
        return any(t.lemma in verbs for t in window if t.tag.startswith("V"))


def _adjective_stem(adjective: str) -> str:
    return regex.sub(r"(?:e|en|em|er|es)$", "", adjective.lower())


def _name_keys(names: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """(lowercase adjective stem, noun) of each name: what a match of its pattern contains."""
    return tuple((_adjective_stem(n.split(maxsplit=1)[0]), n.split(maxsplit=1)[1]) for n in names)


def _name_source(names: Sequence[str]) -> str | None:
    """ "Erste Hilfe" → "erste Hilfe", "der ersten Hilfe": the adjective written lowercase.

    An inflected adjective counts only after a definite article ("im weißen Haus"); after
    "ein" it is usually no name ("ein weißes Haus am See").
    """
    alternatives = []
    for name in names:
        adjective, noun = name.split(maxsplit=1)
        adjective = adjective.lower()
        stem = regex.escape(_adjective_stem(adjective))
        alternatives.append(
            rf"(?:(?<=\b{_DEFINITE}\s+)({stem}(?:e|en|em|er|es))"
            rf"|(?<!\b{_INDEFINITE}\s+)({regex.escape(adjective)}))"
            rf"\s+{regex.escape(noun)}"
        )
    if not alternatives:
        return None
    return r"(?<!\w)(?|" + "|".join(alternatives) + r")(?!\w)"


def reason(words: Sequence[str], tags: Sequence[str], i: int) -> str | None:
    """Why the lowercase ``words[i]`` is a noun in a noun slot, or None if it is not.

    ``tags`` are HanTa's tags of the sentence ``words``.
    """
    word = words[i]
    if _demonym(word):
        return "demonym"  # "der wiener", "die grazer Polizei"
    if word in _DATE_NOUNS and _before_date(words, i):
        return "date"  # "ende 2015", "mitte Mai"
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
    after = _after(words, tags, i)
    if after in _LEADS_ON and (lexical.adjective or lexical.function_word):
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


def _before_date(words: Sequence[str], i: int) -> bool:
    """The next word is a year or a month ("2015", "Mai")."""
    following = words[i + 1] if i + 1 < len(words) else ""
    return (len(following) == 4 and following.isdigit()) or following.lower() in _MONTHS


def _bare_noun(words: Sequence[str], tags: Sequence[str], i: int, lexical: Lexical) -> bool:
    """A word the lexicon knows only as a noun, in a slot without determiner.

    Not after a subject pronoun or before a personal pronoun, where it is a colloquial
    verb form ("ich krieg", "druck sie aus"), nor next to foreign words ("contact form").
    """
    if not (lexical.only_nominal and tags[i] == "NN") or lexical.adjective:
        return False
    if not lexical.known and len(words[i]) < _COMPOUND_LENGTH:
        return False
    if words[i - 1].lower() in _PERSONAL or _next_word(words, i) in _PERSONAL:
        return False
    neighbours = {tags[k] for k in (i - 1, i + 1) if k < len(words) and words[k].isalpha()}
    return _after(words, tags, i) not in _LEADS_ON and not neighbours & {"FM", "XY"}


def _after(words: Sequence[str], tags: Sequence[str], i: int) -> str:
    """The tag of the next word, past quotation marks ("im islamischen „Gottesstaat“")."""
    j = i + 1
    while j < len(words) and words[j] in _QUOTE_MARKS:
        j += 1
    return tags[j] if j < len(tags) else "$."


def _next_word(words: Sequence[str], i: int) -> str:
    return words[i + 1].lower() if i + 1 < len(words) else ""


def _reads_as_verb(words: Sequence[str], tags: Sequence[str], i: int, lexical: Lexical) -> bool:
    """A verb in a position where it is one: "das release ich", "zu dürfen", "der lügen würde"."""
    following = _next_word(words, i)
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
        and _after(words, tags, i) in _FINITE
    )


def _elliptic(words: Sequence[str], tags: Sequence[str], i: int, lexical: Lexical) -> bool:
    """An adjective whose noun was named before or comes after a comma or "und".

    "die roten Äpfel und die grünen", "im äußeren, modernen Bild".
    """
    if not lexical.adjective or tags[i - 1] not in _DETERMINERS:
        return False
    if _after(words, tags, i) in ("$,", "KON") and any(
        tags[j] == "ADJ(A)" and words[j].islower() and (j == i + 2 or tags[j + 1] in _LEADS_ON)
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
        or _second_finite(words, tags, i)
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
    after = _after(words, tags, i)
    if after in _LEADS_ON or lexical.function_word:
        return None
    before = words[i - 1].lower()
    if tags[i] == "ADJ(D)" and tags[i - 1] == "ART" and lexical.noun_first:
        return "noun"  # an article before a predicative adjective: the tagger missed a noun
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


def _candidate_shape(word: str) -> bool:
    """A lowercase word of letters only: no "iPhone", "al-Assad", "5er", "zu"."""
    return len(word) >= 3 and word.isalpha() and word.islower()


def _glued(text: str, start: int, end: int, sentence_end: int) -> bool:
    """Part of a larger token ("-leistungen", "gv.at"), or an abbreviation ("sog. X")."""
    if start > 0 and text[start - 1] in _GLUE_BEFORE:
        return True
    if start > 1 and text[start - 1] == "(" and text[start - 2].isalnum():
        return True  # "Wolf(gang)", "Lehrer(innen)"
    if end < len(text):
        after = text[end]
        if after in _GLUE_AFTER:
            return True
        if after == "." and end + 1 < sentence_end:
            return True  # a period inside the sentence ends an abbreviation
    return False


def _tags(words: tuple[str, ...]) -> tuple[str, ...]:
    from newslint.tense.morph import sentence_tags

    return sentence_tags(words)


@lru_cache(maxsize=65536)
def _lexical(word: str) -> Lexical:
    from newslint.tense.morph import hanta

    tagger = hanta()
    readings = [(str(t), p) for t, p in tagger.tag_word(word, cutoff=5, casesensitive=False)]
    readings.sort(key=lambda r: -r[1])
    nominal = any(tag in _NOMINAL for tag, _p in readings)
    if nominal and word not in tagger.cache:
        nominal = _known_morphemes(tagger, word)
    other = {tag for tag, _p in readings} - _NOMINAL
    return Lexical(
        nominal=nominal,
        only_nominal=nominal and not other,
        only_name=word in tagger.cache and {tag for tag, _p in readings} == {"NE"},
        known=word in tagger.cache,
        noun_first=nominal and readings[0][0] in _NOMINAL,
        adjective=any(r.startswith("ADJ") for r in other)
        or "NNA" in dict(readings)
        or word in tagger.LP_m_t.get(tagger.tag2int["ADJ_INVAR"], {}),
        verb=any(r.startswith(("VV", "VA", "VM")) for r in other),
        infinitive="VV(INF)" in other,
        function_word=any(not r.startswith(_CONTENT) for r in other),
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
