"""The small value types the rest of newslint sees: what goes in, what comes out."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class TextPart:
    """One element of LanguageTool's annotated text (the `data` request parameter).

    Text parts are checked. Markup parts are not; LanguageTool reads `interpret_as` in their
    place (e.g. "\\n\\n" for a paragraph break, or a word for an inline code span), so the
    sentence around them still parses. Offsets count markup too (see `LTMatch`).
    """

    text: str
    markup: bool = False
    interpret_as: str | None = None  # only for markup parts


@dataclass(frozen=True)
class LTSettings:
    """Everything that decides how LanguageTool is reached and what it reports."""

    language: str = "de-DE"
    mother_tongue: str | None = None
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    picky: bool = False
    enabled_only: bool = False  # only the enabled rules and categories run
    url: str | None = None  # remote server; None = local server managed by newslint
    use_cache: bool = True
    timeout: float = DEFAULT_TIMEOUT  # per request, seconds
    # No long-lived server running: start one (True) rather than a private one for this run.
    keep_alive: bool = False
    idle_minutes: float = 30.0  # a long-lived server started by this run stops after this

    def result_key(self) -> dict[str, object]:
        """The settings that change LanguageTool's answer (part of the result-cache key)."""
        return {
            "language": self.language,
            "mother_tongue": self.mother_tongue,
            "enabled_rules": sorted(self.enabled_rules),
            "disabled_rules": sorted(self.disabled_rules),
            "enabled_categories": sorted(self.enabled_categories),
            "disabled_categories": sorted(self.disabled_categories),
            "picky": self.picky,
            "enabled_only": self.enabled_only,
        }


@dataclass(frozen=True)
class LTMatch:
    """One LanguageTool finding.

    `start`/`end` are code points (Python string indices) into the concatenation of all part
    texts of the item, markup parts included; `end` is exclusive. LanguageTool's own UTF-16
    offsets never leave `protocol.py`.
    """

    start: int
    end: int
    rule_id: str
    category_id: str
    issue_type: str
    message: str
    short_message: str
    replacements: tuple[str, ...]
    sub_id: str | None = None
    category_name: str = ""
    rule_description: str = ""
    url: str | None = None  # LanguageTool's explanation page for the rule, if any

    def to_json(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "rule_id": self.rule_id,
            "category_id": self.category_id,
            "issue_type": self.issue_type,
            "message": self.message,
            "short_message": self.short_message,
            "replacements": list(self.replacements),
            "sub_id": self.sub_id,
            "category_name": self.category_name,
            "rule_description": self.rule_description,
            "url": self.url,
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LTMatch:
        """Inverse of `to_json`; raises TypeError/ValueError on anything malformed."""
        fields = dict(data)
        replacements = fields.pop("replacements")
        if not isinstance(replacements, list) or not all(isinstance(r, str) for r in replacements):
            raise TypeError("replacements must be a list of strings")
        match = cls(replacements=tuple(replacements), **fields)  # type: ignore[arg-type]  # checked below
        if not (isinstance(match.start, int) and isinstance(match.end, int)):
            raise TypeError("start/end must be integers")
        if not 0 <= match.start <= match.end:
            raise ValueError("bad span")
        return match


@dataclass(frozen=True)
class LTFailure:
    """An item LanguageTool could not check; the run goes on and reports this per file."""

    reason: str  # one line, e.g. "LanguageTool did not answer within 30 s (after restart)"
