"""`joined-verb`: a noun run into the infinitive after it („im Jahrwachsen“ for „im Jahr
wachsen“, „große Brockenpräsentieren“).

German writes nouns together freely, so a speller takes „Jahrwachsen“ for a nominalised
compound („das Jahrwachsen“) and passes it; the sentence shows it is none. A word is
reported when

- HanTa's lexicon does not know it, and it ends in an infinitive (five letters or more:
  „wachsen“, „präsentieren“, „mitnehmen“) after a head that is a noun of its own
  (in the lexicon or the reference corpus: „Jahr“, „Sperrbildschirm“; not „Such|anfragen“);
- it closes its clause (a comma, conjunction or sentence end follows), and
- the clause lacks its verb: a modal or a form of „werden“ that wants an infinitive
  („sollte“, „wird“, „würde“) has none before or after it („Die Wirtschaft sollte im
  Jahrwachsen.“), or a subordinate clause has no finite verb („…, welche Qualifikationen
  Flüchtlingemitnehmen, …“).

Known nominalisations („Er will das Radfahren lernen“: the clause has its infinitive; „Sie
können das Autofahren“: „das“ makes it the modal's object) and compounds the lexicon has
are left alone. Sentences are tagged as for the capitalization kind (the same cache), so
the check costs little on top of it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from newslint.checks.base import MAX_PARAGRAPH_OPTION, Check, max_paragraph_chars, render
from newslint.diagnostic import Finding
from newslint.document.model import Block
from newslint.frequency import zipf
from newslint.spelling import NAME_ZIPF, compound_zipf

_MIN_VERB = 5  # "wachsen"; shorter tails ("essen" aside) are mostly noun endings
_MIN_HEAD = 3
_COMMA_OR_END = frozenset({"$,", "$.", "$("})
_CLAUSE_EDGES = _COMMA_OR_END | {"KON"}  # "und" may also join a clause's objects
_INFINITIVES = frozenset({"VV(INF)", "VA(INF)", "VM(INF)", "VV(IZU)"})
_FINITE = frozenset({"VV(FIN)", "VA(FIN)", "VM(FIN)"})
# Words that open a subordinate clause, whose finite verb comes last.
_SUBORDINATORS = frozenset({"KOUS", "PRELS", "PRELAT", "PWS", "PWAT", "PWAV"})
# Finite forms of "werden" that take an infinitive (future, Konjunktiv II), not the passive
# "wurde" (it takes a participle).
_WERDEN = frozenset(
    {"werde", "wirst", "wird", "werden", "werdet", "würde", "würdest", "würden", "würdet"}
)


class JoinedVerbCheck(Check):
    KIND = "joined-verb"
    OPTIONS: ClassVar[dict[str, Any]] = {"max_paragraph_chars": MAX_PARAGRAPH_OPTION}

    def run(self, block: Block) -> Iterator[Finding]:
        from newslint.tense.morph import sentence_tags
        from newslint.tense.tokens import tagger_words, tokenize
        from newslint.text.sentences import split_sentences

        text = block.text
        if len(text) > max_paragraph_chars(self.rule):
            return
        for start, end in split_sentences(text):
            tokens = tokenize(text, start, end)
            words = tagger_words(tokens)
            candidates = [i for i in range(1, len(words)) if _shape(words[i])]
            if not candidates:
                continue
            tags = sentence_tags(words)
            for i in candidates:
                split = _split(words[i]) if _wants_verb(words, tags, i) else None
                if split is not None:
                    token = tokens[i]
                    message = render(self.rule.message, None, word=token.text, replacement=split)
                    yield self.finding(token.start, token.end, message, (split,))


def _shape(word: str) -> bool:
    """Capitalised letters only, long enough for a head and an infinitive, ending like one."""
    return (
        len(word) >= _MIN_HEAD + _MIN_VERB
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
        and word.endswith(("en", "ern", "eln"))
    )


def _wants_verb(words: Sequence[str], tags: Sequence[str], i: int) -> bool:
    """The word closes a clause that lacks its verb: a modal or "werden" without an
    infinitive, or a subordinate clause without a finite verb ("welche Qualifikationen
    Flüchtlingemitnehmen,"). Not after "das", the object of a modal used as a full verb
    ("Sie können das Autofahren")."""
    if i + 1 < len(tags) and tags[i + 1] not in _CLAUSE_EDGES:
        return False
    if words[i - 1].lower() == "das":
        return False
    for j in range(i + 1, len(tags)):  # "konnten keine Suchanfragen oder ... festgestellt werden"
        if tags[j] in _INFINITIVES:
            return False
        if tags[j] in _COMMA_OR_END:
            break
    start = 0
    for j in range(i - 1, -1, -1):  # back to the clause's start
        if tags[j] in _INFINITIVES:
            return False
        if tags[j] == "VM(FIN)" or (tags[j] == "VA(FIN)" and words[j].lower() in _WERDEN):
            return True
        if tags[j] in _FINITE:
            return False
        if tags[j] in _COMMA_OR_END:
            start = j + 1
            break
    if start < i and tags[start] == "APPR":  # "auf die", "mit denen"
        start += 1
    return start < i and tags[start] in _SUBORDINATORS  # its finite verb comes last


def _split(word: str) -> str | None:
    """ "Jahr wachsen" for "Jahrwachsen": the longest infinitive after a head that is a noun."""
    from newslint.tense.morph import hanta, likeliest_tag

    tagger = hanta()
    lexicon = tagger.cache
    if word.lower() in lexicon:
        return None  # a compound the lexicon has: "Radfahren" is still a noun there
    for k in range(_MIN_HEAD, len(word) - _MIN_VERB + 1):
        head, verb = word[:k], word[k:]
        if not _infinitive(tagger, verb):
            continue
        if likeliest_tag(head).startswith(("NN", "NE")) and (
            head.lower() in lexicon or compound_zipf(head) >= NAME_ZIPF
        ):
            return f"{head} {verb}"
    return None


def _infinitive(tagger: Any, verb: str) -> bool:
    """An infinitive of the lexicon, or one HanTa builds that the reference corpus has
    ("mitnehmen", "fokussieren": particle and foreign verbs the lexicon lacks)."""
    readings = tagger.cache.get(verb)
    if readings:
        return any(tagger.int2tag[reading[0]] == "VV(INF)" for reading in readings)
    if zipf(verb) < NAME_ZIPF:
        return False
    guesses = tagger.tag_word(verb, cutoff=3, casesensitive=False)
    return bool(guesses) and str(guesses[0][0]) == "VV(INF)"
