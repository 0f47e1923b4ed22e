"""The one exception the LanguageTool layer lets escape to the CLI.

Everything that makes LanguageTool unusable for a run (no Java, Java too old, install failed,
server would not start) ends up here, with a one-line message that says what to do. The CLI
prints `str(exc)` and exits with code 2; it never needs a traceback.
"""

from __future__ import annotations

ALTERNATIVES = "or run with --no-languagetool, or set languagetool.url to a LanguageTool server"


class LanguageToolUnavailable(Exception):
    """LanguageTool cannot be used in this run; `str()` is one line for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))

    def __str__(self) -> str:
        return str(self.args[0])
