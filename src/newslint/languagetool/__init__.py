"""newslint's LanguageTool layer: install, run and query LanguageTool, cache its answers.

    with LanguageTool(LTSettings(language="de-DE"), progress=echo) as lt:
        results = lt.check_many([[TextPart("Ein Satz."), TextPart("\\n\\n", markup=True)], ...])

Each result is a list of `LTMatch` (offsets in code points into the item's concatenated part
texts) or an `LTFailure` for that item. `LanguageToolUnavailable` (one-line message) is
raised when LanguageTool cannot be used at all. See docs/languagetool.md.
"""

from __future__ import annotations

from .client import LanguageTool
from .errors import LanguageToolUnavailable
from .model import LTFailure, LTMatch, LTSettings, TextPart

__all__ = [
    "LTFailure",
    "LTMatch",
    "LTSettings",
    "LanguageTool",
    "LanguageToolUnavailable",
    "TextPart",
]
