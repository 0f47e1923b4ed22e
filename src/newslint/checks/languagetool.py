"""LanguageTool as a check: blocks in, findings out, with newslint's own filtering.

The `languagetool` package knows how to install, start and talk to the server; this module
knows what newslint makes of the answers: which blocks to send (prose only; masked code and
URLs go as markup), rule ids (`languagetool.<RULE_ID>`), categories and severities, the
house vocabulary, and the spelling filter that keeps names from drowning real typos.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, TextIO

from newslint.config import Config
from newslint.diagnostic import Finding, Severity, Source
from newslint.document.model import Block, Document
from newslint.languagetool.model import LTFailure, LTMatch, LTSettings, TextPart
from newslint.packs.yamlsource import SourceError
from newslint.spelling import joined, plausible_typo

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


@dataclass
class Vocabulary:
    """House words: accepted ones silence spelling findings (names, places, brands)."""

    accepted: list[re.Pattern[str]] = field(default_factory=list)

    @classmethod
    def from_config(cls, config: Config) -> Vocabulary:
        raw: Mapping[str, Any] = config.get("vocabulary", {}) or {}
        words = [str(w) for w in raw.get("accept", []) or []]
        for index, name in enumerate(raw.get("accept_files", []) or []):
            path = config.project_path(str(name), "vocabulary", "accept_files", index)
            try:
                lines = path.read_text(encoding="utf-8").splitlines()
            except OSError as exc:
                raise SourceError(
                    path, None, "vocabulary.accept_files", f"cannot read: {exc}"
                ) from None
            words += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
        patterns = []
        for word in words:
            try:
                patterns.append(re.compile(word))
            except re.error as exc:
                raise SourceError(
                    config.origins.get("vocabulary", "config"),
                    None,
                    "vocabulary.accept",
                    f"{word!r}: {exc}",
                ) from None
        return cls(patterns)

    def accepts(self, word: str) -> bool:
        return any(p.fullmatch(word) for p in self.accepted)


class LanguageToolCheck:
    """One LanguageTool client for the whole run; a BatchCheck for the engine."""

    def __init__(
        self,
        settings: LTSettings,
        vocabulary: Vocabulary,
        stderr: TextIO,
        *,
        speller_filter: bool = True,  # the name filter (newslint.spelling); off = raw speller
    ) -> None:
        self.settings = settings
        self.vocabulary = vocabulary
        self.stderr = stderr
        self.speller_filter = speller_filter
        self._failures: dict[int, str] = {}
        self._client: Any = None

    @classmethod
    def from_config(
        cls, config: Config, use_cache: bool, stderr: TextIO | None = None
    ) -> LanguageToolCheck:
        raw = config.get("languagetool", {}) or {}
        return cls(
            settings_from(config, use_cache),
            Vocabulary.from_config(config),
            stderr or sys.stderr,
            speller_filter=bool(raw.get("speller_filter", True)),
        )

    def __enter__(self) -> LanguageToolCheck:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._client is not None:
            self._client.close()

    def _progress(self, message: str) -> None:
        print(f"newslint: {message}", file=self.stderr, flush=True)

    def failures(self) -> dict[int, str]:
        return dict(self._failures)

    def run(self, documents: Sequence[Document]) -> Iterator[tuple[int, int, Finding]]:
        from newslint.languagetool.client import LanguageTool
        from newslint.languagetool.errors import LanguageToolUnavailable

        index = [(d, b) for d, doc in enumerate(documents) for b, _ in doc.iter_blocks()]
        if not index:
            return
        try:
            if self._client is None:
                self._client = LanguageTool(self.settings, progress=self._progress)
            answers = self._client.check_many([parts(documents[d].blocks[b]) for d, b in index])
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

    def _worth_reporting(self, document: Document, word: str, match: LTMatch) -> bool:
        if self.vocabulary.accepts(word):
            return False
        if not self.speller_filter:
            return True
        return not looks_like_name(document, word) and plausible_typo(
            word, match.replacements, _is_noun
        )

    def _joined(self, word: str) -> str | None:
        from newslint.tense.morph import hanta

        lexicon = hanta().cache
        return joined(word, lambda part: part in lexicon or part.lower() in lexicon, _is_noun)

    def _finding(self, document: Document, block: Block, match: LTMatch) -> Finding | None:
        if block.is_masked(match.start, match.end):
            return None
        name = category(match)
        flagged = block.text[match.start : match.end]
        replacements = match.replacements
        if name == "spelling" and not self._worth_reporting(document, flagged, match):
            split = None
            if self.speller_filter and not looks_like_name(document, flagged):
                split = self._joined(flagged)
            if split is None or self.vocabulary.accepts(flagged):
                return None
            replacements = (split,)
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


def _is_noun(word: str) -> bool:
    from newslint.tense.morph import hanta

    if not word:
        return False  # HanTa raises IndexError on ""
    readings = hanta().tag_word(word, cutoff=3, casesensitive=True)
    return bool(readings) and str(readings[0][0]).startswith(("NN", "NE"))


def looks_like_name(document: Document, word: str) -> bool:
    """A capitalised unknown word used more than once in the article is almost always a name
    or a term the author spells on purpose; a typo is rarely repeated letter for letter."""
    if not word[:1].isupper():
        return False
    pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")
    return sum(len(pattern.findall(b.text)) for b in document.blocks) >= 2
