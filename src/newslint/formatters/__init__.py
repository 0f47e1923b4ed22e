"""Output formats, chosen by name from a registry.

Each format lives in its own module and is imported only when chosen: a single-article run
must start fast, and most runs need one format, never the XML or hashing machinery of the
others. Adding a format means adding a module and one line to `_REGISTRY`; the CLI only
calls `resolve_format` and `get_formatter`.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping

from newslint.diagnostic import READ_ERROR_RULE, TOOL_ERROR_RULES

from .base import (
    Formatter,
    LineText,
    RuleMeta,
    RunInfo,
    RunSummary,
    line_text_from_sources,
)

__all__ = [
    "AUTO",
    "READ_ERROR_RULE",
    "TOOL_ERROR_RULES",
    "Formatter",
    "LineText",
    "RuleMeta",
    "RunInfo",
    "RunSummary",
    "UnknownFormatError",
    "available_formats",
    "get_formatter",
    "line_text_from_sources",
    "resolve_format",
]

#: The format name that picks a format from the environment (see `resolve_format`).
AUTO = "auto"

# name -> (module inside this package, class name)
_REGISTRY: dict[str, tuple[str, str]] = {
    "text": ("text", "TextFormatter"),
    "json": ("json_", "JsonFormatter"),
    "github": ("github", "GitHubFormatter"),
    "sarif": ("sarif", "SarifFormatter"),
    "gitlab": ("gitlab", "GitLabFormatter"),
    "junit": ("junit", "JUnitFormatter"),
    "checkstyle": ("checkstyle", "CheckstyleFormatter"),
    "rdjson": ("rdjson", "RdjsonFormatter"),
}


class UnknownFormatError(KeyError, ValueError):
    """Raised for a format name that is not registered; the message lists the valid ones.

    A KeyError (a failed lookup, which callers may already catch) that prints like a
    ValueError: KeyError's own `str()` would wrap the message in quotes.
    """

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


def available_formats() -> list[str]:
    """The concrete format names, sorted ("auto" is not one of them: it resolves to one)."""
    return sorted(_REGISTRY)


def resolve_format(name: str, environ: Mapping[str, str]) -> str:
    """Turn "auto" into a concrete format: GitHub annotations under GitHub Actions, else text."""
    if name != AUTO:
        return name
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def get_formatter(name: str) -> type[Formatter]:
    """The formatter class for a concrete format name, importing its module on first use."""
    try:
        module_name, class_name = _REGISTRY[name]
    except KeyError:
        valid = ", ".join([AUTO, *available_formats()])
        raise UnknownFormatError(f"unknown format {name!r} (choose from {valid})") from None
    module = importlib.import_module(f"{__name__}.{module_name}")
    cls: type[Formatter] = getattr(module, class_name)
    return cls
