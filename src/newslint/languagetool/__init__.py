"""newslint's LanguageTool layer: install, run and query LanguageTool, cache its answers.

    with LanguageTool(LTSettings(language="de-DE"), progress=echo) as lt:
        results = lt.check_many([[TextPart("Ein Satz."), TextPart("\\n\\n", markup=True)], ...])

Each result is a list of `LTMatch` (offsets in code points into the item's concatenated part
texts) or an `LTFailure` for that item. `LanguageToolUnavailable` (one-line message) is
raised when LanguageTool cannot be used at all. See docs/languagetool.md.

The names are imported on first use: a run whose LanguageTool findings all come from the
findings cache needs only `install.pinned_version`, not the HTTP client (~0.1 s of imports).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .client import LanguageTool
    from .errors import LanguageToolUnavailable
    from .model import LTFailure, LTMatch, LTSettings, TextPart

_HOMES = {
    "LanguageTool": "client",
    "LanguageToolUnavailable": "errors",
    "LTFailure": "model",
    "LTMatch": "model",
    "LTSettings": "model",
    "TextPart": "model",
}

__all__ = [
    "LTFailure",
    "LTMatch",
    "LTSettings",
    "LanguageTool",
    "LanguageToolUnavailable",
    "TextPart",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{home}", __name__), name)
