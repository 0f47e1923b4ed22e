"""`tense`: a sentence whose tense breaks the narrative tense of its paragraph or article.

The linguistics live in `newslint.tense` (morphology, clauses, exclusions); this kind maps
rule options to its settings and its breaks to findings. It needs the whole article, so it
overrides `run_document`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from newslint.checks.base import MAX_PARAGRAPH_OPTION, Check, Rule, max_paragraph_chars
from newslint.diagnostic import Finding
from newslint.document.model import Block, BlockKind

_LIST = {"type": "array", "items": {"type": "string"}}


class TenseCheck(Check):
    KIND = "tense"
    BLOCKWISE = False  # paragraphs are judged against the article: none may be skipped
    OPTIONS: ClassVar[dict[str, Any]] = {
        "tense_scope": {
            "enum": ["paragraph", "article"],
            "description": "Judge each paragraph alone, or let the whole article confirm it.",
        },
        "expected": {"enum": ["auto", "present", "past"], "description": "Narrative tense."},
        "time_markers": {**_LIST, "description": "Words that license a switch (regex)."},
        "extra_time_markers": {**_LIST, "description": "Added to the built-in time markers."},
        "speech_markers": {**_LIST, "description": "Words that mark reported speech (regex)."},
        "min_sentences": {"type": "integer", "minimum": 2},
        "check_headlines": {"type": "boolean", "description": "Also judge headlines."},
        "max_paragraph_chars": MAX_PARAGRAPH_OPTION,
    }

    def __init__(self, rule: Rule) -> None:
        super().__init__(rule)
        from newslint.tense import BreakOptions

        o = rule.options
        defaults = BreakOptions()
        skip = set(defaults.skip_kinds)
        if o.get("check_headlines"):
            skip -= {"headline", "heading"}
        self.options = BreakOptions(
            scope=o.get("tense_scope", "article"),
            expected=o.get("expected", "auto"),
            time_markers=tuple(o.get("time_markers", defaults.time_markers))
            + tuple(o.get("extra_time_markers", ())),
            speech_markers=tuple(o.get("speech_markers", defaults.speech_markers)),
            min_sentences=o.get("min_sentences", defaults.min_sentences),
            skip_kinds=frozenset(skip),
        )

    def run(self, block: Block) -> Iterator[Finding]:
        for _, finding in self.run_document([block]):
            yield finding

    def run_document(self, blocks: Sequence[Block]) -> Iterator[tuple[int, Finding]]:
        from newslint.tense import find_article_breaks

        limit = max_paragraph_chars(self.rule)
        pairs = [
            (b.text, _kind(b) if b.kind in self.rule.scopes and len(b.text) <= limit else "code")
            for b in blocks
        ]
        for index, breaks in enumerate(find_article_breaks(pairs, self.options)):
            text = blocks[index].text
            for found in breaks:
                message = found.message
                if found.extra_spans:  # "nahm ... auf": name the whole verb complex
                    parts = " … ".join(s.text(text) for s in found.all_spans())
                    message = f"{message} („{parts}“)"
                yield index, self.finding(found.span.start, found.span.end, message)


def _kind(block: Block) -> str:
    """The tense module's block kinds: prose is "body"; titles are skipped by default."""
    if block.kind in (BlockKind.HEADLINE, BlockKind.HEADING):
        return block.kind.value
    return "body"
