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
  and does not itself lead on to a noun as an adjective would („dichter Sternenhaufen“;
  an unknown compound of known nouns, „vom kunstrückgabebeirat verlautbarten“, is no
  adjective whatever HanTa guesses), or
- it is the second part of a pair whose first is a noun cut at a hyphen inside the
  sentence („die Kinder- und jugendanwaltschaft“; not „Hacker- und sonstigen Angriffe“).

A lowercase word the lexicon does not know, which the article writes with a capital
inside a sentence elsewhere, is a name written lowercase („so ulamec“ beside „Stephan
Ulamec“; not „kurz“ beside „Sebastian Kurz“). A colour after „in“, „auf“, „bei“, „mit“,
„von“ or „über“ („in grün angezeigt“, „mit rot bestraft“) is a noun unless an adjective
or noun follows. A word the lexicon knows only
as a proper name („argentinien“, „mexikos“) is reported wherever it stands; an unknown
compound that HanTa builds from known morphemes and reads only as a noun
(„molkereiprodukte“) counts as a noun without a determiner, as known nouns do.

Words that are also verbs, adjectives or particles need stronger evidence, and the usual
lowercase readings are left alone: an elliptic adjective („die roten Äpfel und die
grünen“), a verb after a relative pronoun („der lügen würde“), a finite verb before its
subject („das release ich“). Numerals and the words a rule lists (hunderte, am besten)
stay lowercase. Adjectives from place names („wiener“) are always capitalised.

This module holds the kind (options, names, the run); the evidence from tags and lexicon
is `newslint.text.nouns`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
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
from newslint.spelling import ENGLISH, capitalised_in_article, capitalised_inside_sentences
from newslint.text.nouns import LEADS_ON, next_tag, next_word, reason

_COLOUR_PREPOSITIONS = frozenset({"in", "auf", "bei", "mit", "von", "über"})
_DEFINITE = "(?i:der|die|das|den|dem|des|im|am|vom|zum|zur|beim|ins|ans)"
_INDEFINITE = "(?i:k?ein|k?eine[mnrs]?)"
_NUMERAL_ENDINGS = ("hundert", "tausend")
# Characters that glue a token to its neighbour: "-leistungen" (Arbeitszeiten und
# -leistungen), "gv.at", "/etat/", "mail(at)".
_GLUE_BEFORE = "-‐/.@#_&+\\"
_GLUE_AFTER = "-‐/@_&+\\("


def _list(description: str) -> dict[str, Any]:
    return {"type": "array", "items": {"type": "string"}, "description": description}


class CapitalizationCheck(Check):
    KIND = "capitalization"
    BLOCKWISE = False  # a name written lowercase is known by the article's own capitals
    OPTIONS: ClassVar[dict[str, Any]] = {
        "lowercase_words": _list("Words that may stay lowercase in a noun slot (hunderte)."),
        "lowercase_phrases": _list("Two-word phrases in which a word stays lowercase (am besten)."),
        "fractions": _list(
            "Lowercase before a measure only: 'ein viertel Liter', 'ein Viertel der'."
        ),
        "verb_phrases": _list("Noun and verb (infinitive) of fixed phrases: 'sorgen machen'."),
        "colours": _list("Nouns after 'in', 'auf', 'mit' … unless a noun follows: 'in Rot'."),
        "proper_names": _list("Names with a capitalised adjective: 'Erste Hilfe'."),
        "max_paragraph_chars": MAX_PARAGRAPH_OPTION,
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        o = rule.options
        self.lowercase_words = frozenset(w.lower() for w in o.get("lowercase_words", ()))
        self.fractions = frozenset(w.lower() for w in o.get("fractions", ()))
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
        from newslint.tense.tokens import tagger_words, tokenize
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
            words = tagger_words(tokens)
            if not any(_candidate_shape(w) for w in words[1:]):
                continue
            tags = _tags(words)
            for i in range(1, len(tokens)):
                token = tokens[i]
                if not _glued(text, token.start, token.end, end) and self._flagged(words, tags, i):
                    yield self._finding(token.start, token.text)

    def run_document(self, blocks: Sequence[Block]) -> Iterator[tuple[int, Finding]]:
        """Each block's findings, and names the article writes lowercase somewhere and with
        a capital inside a sentence elsewhere („so ulamec“ beside „Stephan Ulamec“)."""
        indexes = self.candidates(blocks)
        names = capitalised_inside_sentences(tuple(blocks[i].text for i in indexes))
        for index in indexes:
            found = list(self.run(blocks[index]))
            yield from ((index, finding) for finding in found)
            flagged = {finding.start for finding in found}
            for match in _LOWERCASE_WORD.finditer(blocks[index].text):
                word = match.group()
                if match.start() not in flagged and self._lowercase_name(word, names):
                    yield index, self._finding(match.start(), word)

    def _lowercase_name(self, word: str, names: Mapping[str, int]) -> bool:
        """Capitalised inside a sentence elsewhere, and no word HanTa's lexicon knows in
        lowercase („kurz“ beside „Sebastian Kurz“ is the adjective)."""
        if capitalised_in_article(word, names) is None or word in self.lowercase_words:
            return False
        from newslint.tense.morph import lexicon_tags

        return not lexicon_tags(word) and word not in ENGLISH and not self.is_exception(word)

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
        before, after = (words[i - 1].lower(), word), (word, next_word(words, i))
        if word in self.lowercase_words or {before, after} & self.lowercase_phrases:
            return False
        if word in self.fractions and next_tag(words, tags, i) in LEADS_ON:
            return False  # before a measure: "ein viertel Liter", "ein dreiviertel Jahr"
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
            and next_tag(words, tags, i) not in LEADS_ON
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
            rf"\s+{regex.escape(noun)}(?:e?s)?"  # "des Islamischen Staates"
        )
    if not alternatives:
        return None
    return r"(?<!\w)(?|" + "|".join(alternatives) + r")(?!\w)"


# A lowercase word of four letters or more, not glued to a larger token ("-leistungen",
# "gv.at", "@name").
_LOWERCASE_WORD = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}{regex.escape(_GLUE_BEFORE)}])\p{{Ll}}{{4,}}"
    rf"(?![\p{{L}}\p{{N}}{regex.escape(_GLUE_AFTER)}])"
)


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
