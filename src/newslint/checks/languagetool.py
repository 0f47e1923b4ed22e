"""LanguageTool as a check: blocks in, findings out, with newslint's own filtering.

The `languagetool` package knows how to install, start and talk to the server; this module
knows what newslint makes of the answers: which blocks to send (prose only; masked code and
URLs go as markup), rule ids (`languagetool.<RULE_ID>`), categories and severities, the
house vocabulary, and the spelling filter that keeps names from drowning real typos.
"""

from __future__ import annotations

import collections
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any, TextIO

from newslint.config import Config
from newslint.diagnostic import Finding, Severity, Source
from newslint.document.model import Block, Document
from newslint.findings_cache import digest
from newslint.frequency import zipf
from newslint.languagetool.model import LTFailure, LTMatch, LTSettings, TextPart
from newslint.packs.yamlsource import SourceError
from newslint.spelling import (
    attested,
    capitalised_in_article,
    capitalised_inside_sentences,
    capitalised_words,
    genitive_of_name,
    joined,
    lowercase_compound_noun,
    lowercase_name,
    misspelt_name,
    plausible_typo,
    slip_to_everyday,
)
from newslint.vocabulary import Vocabulary

if TYPE_CHECKING:
    from newslint.findings_cache import FindingsCache

SPELLING_RULES = re.compile(r"(SPELLER_RULE|MORFOLOGIK_RULE|HUNSPELL)")
MASK_WORD = "Wort"  # what LanguageTool reads in place of inline code or a URL
SETTINGS_KEYS = {
    "enabled",
    "url",
    "language",
    "mother_tongue",
    "picky",
    "enabled_only",
    "enabled_rules",
    "disabled_rules",
    "enabled_categories",
    "disabled_categories",
    "keep_alive",
    "idle_minutes",
    "timeout",
    "speller_filter",  # newslint's name filter on speller findings (see newslint.spelling)
}
_CATEGORY_BY_RULE = (
    (re.compile(r"WHITESPACE|DOPPELTES_LEERZEICHEN|LEERZEICHEN"), "whitespace"),
    (re.compile(r"UNPAIRED|TYPOGRAFISCHE_ANFUEHRUNGSZEICHEN|QUOTE"), "quotes"),
    (re.compile(r"WORD_REPEAT|DOPPELTE"), "typo"),
    (SPELLING_RULES, "spelling"),
)
_CATEGORY_BY_LT = {
    "TYPOS": "spelling",
    "MULTITOKEN_SPELLING": "spelling",
    "CASING": "capitalization",
    "GRAMMAR": "grammar",
    "PUNCTUATION": "punctuation",
    "TYPOGRAPHY": "typography",
    "COMPOUNDING": "hyphenation",
    "REDUNDANCY": "style",
    "STYLE": "style",
    "CONFUSED_WORDS": "grammar",
    "COLLOQUIALISMS": "style",
    "EMPFOHLENE_RECHTSCHREIBUNG": "spelling",
    "OLD_SPELLING": "spelling",
    "MISC": "grammar",
}
_WARNING_TYPES = {"misspelling", "grammar", "typographical", "duplication", "inconsistency"}


def category(match: LTMatch) -> str:
    for pattern, name in _CATEGORY_BY_RULE:
        if pattern.search(match.rule_id):
            return name
    return _CATEGORY_BY_LT.get(match.category_id, "grammar")


def severity(match: LTMatch) -> Severity:
    return Severity.WARNING if match.issue_type in _WARNING_TYPES else Severity.INFO


def parts(block: Block) -> list[TextPart]:
    """The block as annotated text: masked ranges (code, URLs) become placeholder markup."""
    result: list[TextPart] = []
    position = 0
    for start, end in block.masked:
        if start < position:
            continue
        if start > position:
            result.append(TextPart(block.text[position:start]))
        result.append(TextPart(block.text[start:end], markup=True, interpret_as=MASK_WORD))
        position = end
    if position < len(block.text):
        result.append(TextPart(block.text[position:]))
    return result


def settings_from(config: Config, use_cache: bool) -> LTSettings:
    raw: Mapping[str, Any] = config.get("languagetool", {}) or {}
    unknown = set(raw) - SETTINGS_KEYS
    if unknown:
        origin = config.origins.get("languagetool", "config")
        raise SourceError(
            origin, None, "languagetool", f"unknown key(s): {', '.join(sorted(unknown))}"
        )
    values: dict[str, Any] = {"language": raw.get("language") or config.get("language", "de-DE")}
    for key in (
        "url",
        "mother_tongue",
        "picky",
        "enabled_only",
        "keep_alive",
        "idle_minutes",
        "timeout",
    ):
        if raw.get(key) is not None:
            values[key] = raw[key]
    for key in ("enabled_rules", "disabled_rules", "enabled_categories", "disabled_categories"):
        values[key] = tuple(str(v) for v in raw.get(key, ()) or ())
    values["use_cache"] = use_cache
    return LTSettings(**values)


class LanguageToolCheck:
    """One LanguageTool client for the whole run; a BatchCheck for the engine."""

    def __init__(
        self,
        settings: LTSettings,
        vocabulary: Vocabulary,
        stderr: TextIO,
        *,
        speller_filter: bool = True,  # the name filter (newslint.spelling); off = raw speller
        statistics: bool = False,  # say on stderr how much came from the cache
        warn: Callable[[str], None] | None = None,
    ) -> None:
        self.settings = settings
        self._warn = warn or self._print_warning
        self.vocabulary = vocabulary
        self.stderr = stderr
        self.speller_filter = speller_filter
        self.statistics = statistics
        self._failures: dict[int, str] = {}
        self._client: Any = None
        self.documents_cached = 0

    @classmethod
    def from_config(
        cls,
        config: Config,
        use_cache: bool,
        stderr: TextIO | None = None,
        statistics: bool = False,
        warn: Callable[[str], None] | None = None,
    ) -> LanguageToolCheck:
        # Imported here, before the batch thread starts: imported in that thread, the client
        # competed for the interpreter lock with the YAML rules compiling meanwhile and held
        # back the first request by ~0.1 s (of a ~1 s pre-commit run).
        import newslint.languagetool.client  # noqa: F401

        raw = config.get("languagetool", {}) or {}
        settings = settings_from(config, use_cache)
        return cls(
            settings,
            Vocabulary.from_config(config).for_language(settings.language),
            stderr or sys.stderr,
            speller_filter=bool(raw.get("speller_filter", True)),
            statistics=statistics,
            warn=warn,
        )

    def __enter__(self) -> LanguageToolCheck:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        client = self._client
        if client is not None:
            client.close()
        if self.statistics:
            paragraphs, requests = (
                (client.paragraphs_cached, client.requests_sent) if client else (0, 0)
            )
            self._progress(
                f"LanguageTool: {self.documents_cached} documents from the findings cache, "
                f"{paragraphs} paragraphs from the cache, {requests} requests sent"
            )

    def _progress(self, message: str) -> None:
        print(f"newslint: {message}", file=self.stderr, flush=True)

    def failures(self) -> dict[int, str]:
        return dict(self._failures)

    def run(self, documents: Sequence[Document]) -> Iterator[tuple[int, int, Finding]]:
        """Findings of unchanged documents come from the findings cache, the rest from the
        server (or its paragraph cache) through the filter; a document LanguageTool could not
        check completely is not stored."""
        store = self._store()
        if store is None:
            yield from self._check(documents, range(len(documents)))
            return
        try:
            keys = [store.key(d) for d in documents]
            cached = store.get_many(keys)
            todo = [d for d, key in enumerate(keys) if key not in cached]
            self.documents_cached = len(documents) - len(todo)
            for d, key in enumerate(keys):
                for b, finding in cached.get(key, ()):
                    yield d, b, finding
            found: dict[int, list[tuple[int, Finding]]] = {d: [] for d in todo}
            for d, b, finding in self._check(documents, todo):
                found[d].append((b, finding))
                yield d, b, finding
            store.put_many([(keys[d], found[d]) for d in todo if d not in self._failures])
        finally:
            store.close()  # in this (the batch) thread, which opened it

    def _store(self) -> FindingsCache | None:
        """The findings cache under LanguageTool's fingerprint, or None (--no-cache)."""
        if not self.settings.use_cache:
            return None
        from newslint.findings_cache import FindingsCache, default_path
        from newslint.languagetool.errors import LanguageToolUnavailable

        try:
            version = self._version()
        except LanguageToolUnavailable:
            return None  # reported when the documents are checked
        if version == "unknown":
            return None  # a remote server that does not say: as its paragraph cache does
        fingerprint = digest(
            {
                "check": "languagetool",
                "settings": self.settings.result_key(),
                "url": self.settings.url,
                "languagetool": version,
                "accept": [p.pattern for p in self.vocabulary.accepted],
                "speller_filter": self.speller_filter,
            }
        )
        return FindingsCache(default_path(), fingerprint, self._warn)

    def _version(self) -> str:
        """The pinned version of the local install (read from the pom, no import of the
        client); a remote server is asked, as the paragraph cache does."""
        if self.settings.url:
            version: str = self._ensure_client().version
            return version
        from newslint.languagetool.install import pinned_version

        return pinned_version()

    def _ensure_client(self) -> Any:
        if self._client is None:
            from newslint.languagetool.client import LanguageTool

            self._client = LanguageTool(self.settings, progress=self._progress)
        return self._client

    def _print_warning(self, message: str) -> None:
        print(f"newslint: warning: {message}", file=self.stderr, flush=True)

    def _check(
        self, documents: Sequence[Document], which: Iterable[int]
    ) -> Iterator[tuple[int, int, Finding]]:
        from newslint.languagetool.errors import LanguageToolUnavailable

        index = [(d, b) for d in which for b, _ in documents[d].iter_blocks()]
        if not index:
            return
        try:
            client = self._ensure_client()
            answers = client.check_many([parts(documents[d].blocks[b]) for d, b in index])
        except LanguageToolUnavailable as exc:
            for d in {d for d, _ in index}:
                self._failures[d] = str(exc)
            return
        for (d, b), answer in zip(index, answers, strict=True):
            if isinstance(answer, LTFailure):
                self._failures.setdefault(d, answer.reason)
                continue
            document = documents[d]
            for match in answer:
                finding = self._finding(document, document.blocks[b], match)
                if finding is not None:
                    yield d, b, finding

    def zipf(self, word: str) -> float:
        """The word's frequency in the reference corpus of the checked language."""
        return zipf(word, self.settings.language.partition("-")[0])

    def _worth_reporting(self, document: Document, word: str, match: LTMatch) -> bool:
        if self.vocabulary.accepts(word):
            return False
        if not self.speller_filter:
            return True
        return (
            not used_again(document, word)
            and not genitive_of_name(word, article_words(document))
            and plausible_typo(word, match.replacements, _is_noun, self.zipf)
        )

    def _joined(self, word: str) -> str | None:
        from newslint.tense.morph import hanta

        lexicon = hanta().cache
        return joined(
            word,
            lambda part: part in lexicon or part.lower() in lexicon,
            _noun_not_verb,
            self.zipf,
        )

    def _second_look(self, document: Document, word: str) -> str | None:
        """The suggestion for a speller finding that no suggestion of LanguageTool's made a
        slip, if another reading makes it one: words run together, a name written
        lowercase (one the article capitalises elsewhere), a compound noun written
        lowercase, a name the article spells right elsewhere ("Maahrer" beside "Mahrer")."""
        if not self.speller_filter or used_again(document, word):
            return None
        camel = _camel_split(document, word, self.zipf)
        if camel is not None or attested(word, self.zipf):
            return camel
        split = self._joined(word)
        if split is not None:
            return split
        if lowercase_name(word, _is_name, self.zipf):
            return word[0].upper() + word[1:]
        texts = tuple(block.text for block in document.blocks)
        named = capitalised_in_article(word, capitalised_inside_sentences(texts))
        if named is not None:
            return named
        noun = lowercase_compound_noun(word, _noun_only)
        if noun is not None:
            return noun
        return slip_to_everyday(word, self.zipf) or misspelt_name(word, article_words(document))

    def _finding(self, document: Document, block: Block, match: LTMatch) -> Finding | None:
        if block.is_masked(match.start, match.end):
            return None
        name = category(match)
        flagged = block.text[match.start : match.end]
        replacements = match.replacements
        if name == "spelling" and not self._worth_reporting(document, flagged, match):
            second = self._second_look(document, flagged)
            if second is None or self.vocabulary.accepts(flagged):
                return None
            replacements = (second,)
        return Finding(
            start=match.start,
            end=match.end,
            rule=f"languagetool.{match.rule_id}",
            message=match.message,
            severity=severity(match),
            category=name,
            suggestions=replacements[:5],
            source=Source.LANGUAGETOOL,
        )


def _is_name(word: str) -> bool:
    from newslint.tense.morph import likeliest_tag

    return likeliest_tag(word) == "NE"


_CAMEL = re.compile(r"([A-ZÄÖÜ][a-zäöüß]{2,})([A-ZÄÖÜ][a-zäöüß]{2,})")


def _camel_split(document: Document, word: str, zipf: Callable[[str], float]) -> str | None:
    """ "Apple Pay" for "ApplePay", "Nicole Baczak" for "NicoleBaczak": two capitalised words
    run together, which the speller flags (its dictionary has the brands written so:
    YouTube, PayPal). Brands like "WebStandard" are in the reference corpus too, so the
    article decides: it has the pair written apart elsewhere, or, for a word the corpus
    lacks, the second word alone after a first one HanTa reads as a name."""
    parts = _CAMEL.fullmatch(word)
    if parts is None:
        return None
    head, tail = parts.groups()
    split = f"{head} {tail}"
    apart = re.compile(rf"(?<!\w){re.escape(head)}\s+{re.escape(tail)}(?!\w)")
    if any(apart.search(block.text) for block in document.blocks):
        return split
    if (
        len(tail) > 3
        and tail in article_words(document)
        and not attested(word, zipf)
        and _is_name(head)
    ):
        return split
    return None


def _noun_only(word: str) -> bool | None:
    """Is a lowercase word, in HanTa's lexicon, only ever a noun (or a name)? None if the
    lexicon lacks it."""
    from newslint.tense.morph import lexicon_tags

    tags = lexicon_tags(word)
    if not tags:
        return None
    return "NN" in tags and tags <= {"NN", "NE"}


def _noun_not_verb(word: str) -> bool:
    """A noun that is no verb form written lowercase: "Neurowissenschaft" is one, but a
    sentence's first word "Waren" (in "Warenes") is the verb too."""
    from newslint.tense.morph import lexicon_tags

    return _is_noun(word) and not any(t.startswith("V") for t in lexicon_tags(word.lower()))


def _is_noun(word: str) -> bool:
    from newslint.tense.morph import likeliest_tag

    return likeliest_tag(word).startswith(("NN", "NE"))


def article_words(document: Document) -> collections.Counter[str]:
    """How often each capitalised word occurs in the article."""
    return capitalised_words(tuple(block.text for block in document.blocks))


def used_again(document: Document, word: str) -> bool:
    """A capitalised unknown word used more than once in the article is almost always a name
    or a term the author spells on purpose; a typo is rarely repeated letter for letter."""
    if not word[:1].isupper():
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return sum(len(pattern.findall(b.text)) for b in document.blocks) >= 2
