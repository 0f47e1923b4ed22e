"""Settings of the tense-break check, in one small dataclass."""

from __future__ import annotations

from dataclasses import dataclass, field

from newslint.tense.markers import (
    DEFAULT_PAST_MARKERS,
    DEFAULT_SPEECH_MARKERS,
    DEFAULT_STATIVE_VERBS,
    DEFAULT_TIME_MARKERS,
)

__all__ = ["BreakOptions"]


@dataclass(frozen=True)
class BreakOptions:
    """Settings of the tense-break check.

    - ``scope``: "paragraph" judges each paragraph alone; "article" also lets the
      article's overall tense confirm a paragraph with only one other tensed sentence.
    - ``expected``: "auto" (from the text), or a fixed narrative "present" / "past".
    - ``time_markers``: adverbials that license a switch either way (regular
      expressions, matched case-insensitively as whole words).
    - ``past_markers``: past anchors that license only a Präteritum inside a present
      paragraph ("am Montag", "im April").
    - ``speech_markers``: words that mark reported speech or attribution.
    - ``stative_verbs``: lemmas whose Präsens states a general fact inside past narration.
    - ``min_sentences``: shorter paragraphs are not judged (except the forecast rule).
    - ``require_enclosed``: report only sentences with a neighbour on both sides.
    - ``article_share``: with ``scope="article"``, the share of the article's sentences
      that must be in the narrative tense to confirm a thinly supported paragraph.
    - ``skip_kinds``: block kinds that are never checked nor used as context.
    """

    scope: str = "paragraph"
    expected: str = "auto"
    time_markers: tuple[str, ...] = DEFAULT_TIME_MARKERS
    past_markers: tuple[str, ...] = DEFAULT_PAST_MARKERS
    speech_markers: tuple[str, ...] = DEFAULT_SPEECH_MARKERS
    stative_verbs: tuple[str, ...] = DEFAULT_STATIVE_VERBS
    min_sentences: int = 3
    require_enclosed: bool = True
    article_share: float = 0.7
    skip_kinds: frozenset[str] = field(
        default_factory=lambda: frozenset({"headline", "heading", "teaser", "title", "code"})
    )

    def __post_init__(self) -> None:
        if self.scope not in ("paragraph", "article"):
            raise ValueError(f"scope must be 'paragraph' or 'article', not {self.scope!r}")
        if self.expected not in ("auto", "present", "past"):
            raise ValueError(f"expected must be 'auto', 'present' or 'past', not {self.expected!r}")
