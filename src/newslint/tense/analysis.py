"""Tense and mood of every finite verb in a paragraph: ``analyse(text)``.

Pipeline: sentences (shared splitter) → tokens with offsets → HanTa tags and lemmas →
clause chunks → for each finite verb, its paradigm cell (ablaut) picks tense and mood
of the form, and the verb complex (participle, infinitive, particle) gives the
analytic tense.
"""

from __future__ import annotations

from newslint.tense.clauses import FINITE_TAGS, Chunk, chunk_sentence, compose, verb_complex
from newslint.tense.model import Clause, FiniteVerb, Mood, Sentence, Span, Tense, Token
from newslint.tense.morph import Reading, readings, tag_words
from newslint.tense.tokens import quote_regions, tagger_words, tokenize
from newslint.text.sentences import split_sentences

__all__ = ["analyse", "analyse_sentence", "classify_form"]

# Subject pronouns that fix the person of the finite verb (the rest is third person).
_PERSON = {"ich": 0, "du": 1, "wir": 3}
# Preference among paradigm cells a form fills: indicative first (it is by far the most
# frequent reading of a syncretic form such as "sagte" or "haben"), imperative last.
_MOOD_RANK = {Mood.INDIKATIV: 0, Mood.KONJUNKTIV1: 1, Mood.KONJUNKTIV2: 1, Mood.IMPERATIV: 2}


def analyse(text: str) -> list[Sentence]:
    """Analyse one paragraph (or any text); offsets are code points into ``text``."""
    quotes = quote_regions(text)
    return [
        analyse_sentence(text, Span(start, end), quotes) for start, end in split_sentences(text)
    ]


def analyse_sentence(text: str, span: Span, quotes: list[Span] | None = None) -> Sentence:
    """Analyse the sentence ``span`` of ``text``; ``quotes`` as from ``quote_regions``."""
    regions = quote_regions(text) if quotes is None else quotes
    raw = tokenize(text, span.start, span.end)
    tags = tag_words(list(tagger_words(raw)))
    tokens = [
        Token(t.start, t.end, t.text, tg.lemma, tg.tag) for t, tg in zip(raw, tags, strict=True)
    ]
    chunks = chunk_sentence(tokens)
    if _demote_infinitives(tokens, chunks) | _promote_verb_final(tokens, chunks):
        chunks = chunk_sentence(tokens)
    colon = next((t.start for t in tokens if t.text == ":"), None)
    verbs: list[FiniteVerb] = []
    for chunk_no, chunk in enumerate(chunks):
        for index in range(chunk.first, chunk.last):
            if tokens[index].tag not in FINITE_TAGS:
                continue
            verb = _finite_verb(tokens, chunks, chunk_no, index)
            if verb is None:
                continue
            in_quote = any(q.start <= verb.span.start < q.end for q in regions)
            after_colon = colon is not None and verb.span.start > colon
            verbs.append(_with_flags(verb, chunk, in_quote, after_colon))
    clauses = tuple(
        Clause(Span(tokens[c.first].start, tokens[c.last - 1].end), c.subordinate) for c in chunks
    )
    has_quote = any(q.start < span.end and span.start < q.end for q in regions)
    return Sentence(span, tuple(verbs), clauses, has_quote, tuple(tokens))


def _demote_infinitives(tokens: list[Token], chunks: list[Chunk]) -> bool:
    """Re-tag an infinitive the tagger read as finite next to a modal or auxiliary.

    A clause has one finite verb unless verbs are coordinated; in "dürften die USA ...
    versuchen" or "..., dass er kommen will" the verb whose form is its infinitive
    depends on the modal or auxiliary.
    """
    changed = False
    for chunk in chunks:
        finite = [i for i in range(chunk.first, chunk.last) if tokens[i].tag in FINITE_TAGS]
        heads = [i for i in finite if tokens[i].tag in ("VM(FIN)", "VA(FIN)")]
        for index in finite:
            token = tokens[index]
            if token.tag != "VV(FIN)" or token.lower != token.lemma.lower():
                continue
            if any(h != index and not _coordinated(tokens, h, index) for h in heads):
                tokens[index] = Token(token.start, token.end, token.text, token.lemma, "VV(INF)")
                changed = True
    return changed


def _coordinated(tokens: list[Token], first: int, second: int) -> bool:
    low, high = sorted((first, second))
    return any(tokens[i].tag == "KON" for i in range(low + 1, high))


def _promote_verb_final(tokens: list[Token], chunks: list[Chunk]) -> bool:
    """Re-tag the clause-final verb of a verb-final clause that has no finite verb.

    HanTa often reads ``..., wenn sie solche Sätze hören`` or ``..., falls das jemand
    interessiert`` as infinitive or participle: the forms are syncretic and the tagger's
    context is short. A clause opened by a subordinator has exactly one finite verb, and
    it stands last.
    """
    changed = False
    for chunk in chunks:
        words = [i for i in range(chunk.first, chunk.last) if tokens[i].is_word]
        if not chunk.subordinate or len(words) < 3:
            continue
        if any(tokens[i].tag in FINITE_TAGS for i in words):
            continue
        last = words[-1]
        tag = tokens[last].tag
        head = tokens[words[0]]
        verbal = tag.endswith("(INF)") or (tag.endswith("(PP)") and head.tag != "KOKOM")
        if verbal and readings(tokens[last].text, tokens[last].lemma):
            token = tokens[last]
            tokens[last] = Token(
                token.start, token.end, token.text, token.lemma, tag.split("(")[0] + "(FIN)"
            )
            changed = True
    return changed


def _with_flags(verb: FiniteVerb, chunk: Chunk, in_quote: bool, after_colon: bool) -> FiniteVerb:
    return FiniteVerb(
        verb.span,
        verb.form,
        verb.lemma,
        verb.form_tense,
        verb.mood,
        verb.tense,
        verb.extra,
        verb.passive,
        verb.modal,
        not chunk.subordinate,
        in_quote,
        after_colon,
    )


def _finite_verb(
    tokens: list[Token], chunks: list[Chunk], chunk_no: int, index: int
) -> FiniteVerb | None:
    token = tokens[index]
    chunk = chunks[chunk_no]
    cell = classify_form(token.text, token.lemma, _subject_person(tokens, chunk))
    if cell is None:
        return None
    form_tense, mood = cell
    parts = verb_complex(tokens, chunks, chunk_no, index)
    complex_ = compose(tokens, index, form_tense, mood, parts)
    return FiniteVerb(
        span=token.span,
        form=token.text,
        lemma=token.lemma,
        form_tense=form_tense,
        mood=mood,
        tense=complex_.tense,
        extra=tuple(tokens[i].span for i in complex_.parts),
        passive=complex_.passive,
        modal=complex_.modal,
    )


def _subject_person(tokens: list[Token], chunk: Chunk) -> int | None:
    for index in range(chunk.first, chunk.last):
        if tokens[index].tag == "PPER" and tokens[index].lower in _PERSON:
            return _PERSON[tokens[index].lower]
    return None


def classify_form(form: str, lemma: str, person: int | None) -> tuple[Tense, Mood] | None:
    """Tense (Präsens/Präteritum) and mood of a finite form, or None if unknown.

    ``person`` (0-5) narrows syncretic forms: "habe" is 1sg indicative with "ich" but
    3sg Konjunktiv I otherwise. Without a subject pronoun the verb is third person.
    """
    cells = readings(form, lemma) or _variant_readings(form, lemma, person)
    if not cells:
        return None
    wanted = {person} if person is not None else {2, 5}
    narrowed = [c for c in cells if c.person in wanted]
    best = min(narrowed or cells, key=_rank)
    return best.tense, best.mood


def _variant_readings(form: str, lemma: str, person: int | None) -> tuple[Reading, ...]:
    """Readings of spelling variants the paradigm does not list.

    Pre-1996 spelling (``muß``, ``läßt``) and the colloquial apocope of the 1st person
    (``hab ich``) are common in quotations and older copy.
    """
    if "ß" in form:
        cells = readings(form.replace("ß", "ss"), lemma.replace("ß", "ss"))
        if cells:
            return cells
    if person == 0 and not form.endswith("e"):
        return tuple(c for c in readings(form + "e", lemma) if c.person == 0)
    return ()


def _rank(cell: Reading) -> tuple[int, int]:
    return _MOOD_RANK[cell.mood], 0 if cell.tense is Tense.PRAESENS else 1
