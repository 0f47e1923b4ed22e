"""A newsroom's house vocabulary: words it accepts and words it rejects.

Accepted words (names, places, brands) silence spelling findings on newslint's side, so
nothing is ever written into the shared LanguageTool install. Rejected words become
findings of their own, rule `vocabulary.reject`, whether LanguageTool runs or not: they
go through the same engine as the YAML rules (suppression, --select/--ignore, --fix never
touches them). Entries are regular expressions matched as whole words, case-sensitive:

    vocabulary:
      accept: [Niessl, "Mikl-Leitner", "Tschurjumow-Gerasimenko"]
      accept_files: [names.txt]          # one entry per line, # for comments
      reject:                            # wrong: preferred (or a plain list of words)
        Weißrussland: Belarus
        "Corona-Virus": Coronavirus
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import regex

from newslint.checks.base import Rule
from newslint.config import Config
from newslint.diagnostic import Severity
from newslint.document.model import BlockKind
from newslint.packs.yamlsource import SourceError

REJECT_RULE = "vocabulary.reject"
# Regional spellings that LanguageTool's dictionary for the variant knows as words but not
# inside compounds: Austrian and Swiss "Wissenschafter" (Neurowissenschafter).
_WISSENSCHAFTER = r"\w+wissenschafter(in|innen|n|s)?"
REGIONAL_ACCEPT = {"de-AT": (_WISSENSCHAFTER,), "de-CH": (_WISSENSCHAFTER,)}
KEYS = {"accept", "accept_files", "reject"}


@dataclass
class Vocabulary:
    accepted: list[re.Pattern[str]] = field(default_factory=list)
    rejected: dict[str, str | None] = field(default_factory=dict)  # pattern: preferred word

    @classmethod
    def from_config(cls, config: Config) -> Vocabulary:
        raw: Mapping[str, Any] = config.get("vocabulary", {}) or {}
        origin = config.origins.get("vocabulary", "config")
        unknown = set(raw) - KEYS
        if unknown:
            raise SourceError(origin, None, "vocabulary", f"unknown key(s): {sorted(unknown)}")
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
        reject = raw.get("reject", {}) or {}
        if isinstance(reject, list):
            reject = dict.fromkeys(reject)
        if not isinstance(reject, dict):
            raise SourceError(origin, None, "vocabulary.reject", "must be a mapping or a list")
        rejected = {str(k): None if v is None else str(v) for k, v in reject.items()}
        if None in rejected.values() and not all(v is None for v in rejected.values()):
            raise SourceError(
                origin, None, "vocabulary.reject", "give every word a preferred one, or use a list"
            )
        for word in rejected:
            try:
                regex.compile(word)
            except regex.error as exc:
                raise SourceError(origin, None, "vocabulary.reject", f"{word!r}: {exc}") from None
        accepted = []
        for word in words:
            try:
                accepted.append(re.compile(word))
            except re.error as exc:
                raise SourceError(origin, None, "vocabulary.accept", f"{word!r}: {exc}") from None
        return cls(accepted, rejected)

    def for_language(self, language: str) -> Vocabulary:
        """This vocabulary plus the regional spellings of `language` (de-AT, de-CH)."""
        regional = [re.compile(word) for word in REGIONAL_ACCEPT.get(language, ())]
        return Vocabulary(self.accepted + regional, self.rejected)

    def accepts(self, word: str) -> bool:
        return any(p.fullmatch(word) for p in self.accepted)

    def reject_rule(self) -> Rule | None:
        """The rejected words as a rule of a shipped kind: substitution when they come with
        preferred words, pattern when they are a plain list."""
        if not self.rejected:
            return None
        options: dict[str, Any]
        if all(preferred is not None for preferred in self.rejected.values()):
            kind, options = "substitution", {"swap": dict(self.rejected)}
            message = "„{match}“ → „{replacement}“ (Hausvokabular)"
        else:
            words = "|".join(f"(?:{word})" for word in self.rejected)
            pattern = rf"(?<![\p{{L}}\p{{N}}-])(?:{words})(?![\p{{L}}\p{{N}}])"
            kind, options = "pattern", {"pattern": pattern}
            message = "„{match}“ steht auf der Liste abgelehnter Wörter (Hausvokabular)"
        return Rule(
            id=REJECT_RULE,
            kind=kind,
            message=message,
            description="Wörter, die das Hausvokabular ablehnt.",
            severity=Severity.WARNING,
            category="spelling",
            scopes=frozenset(BlockKind),
            options=options,
        )
