"""Checkstyle XML, the lingua franca of Jenkins' Warnings NG, reviewdog and many CI plugins.

`<checkstyle version="4.3">` with one `<file>` per checked file (also clean ones, so consumers
can count checked files) and one `<error>` per finding; `source` carries the rule id, as
checkstyle's own output carries the check's name. Written as files arrive.
"""

from __future__ import annotations

from collections.abc import Sequence

from newslint.diagnostic import Diagnostic

from ._common import suggestion_note
from ._xml import XML_DECLARATION, xml_attr
from .base import Formatter, RunSummary


class CheckstyleFormatter(Formatter):
    """Checkstyle 4.3 XML, streamed file by file."""

    name = "checkstyle"

    def start(self) -> None:
        self.stream.write(XML_DECLARATION + '<checkstyle version="4.3">\n')

    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        if not diagnostics:
            self.stream.write(f"  <file name={xml_attr(path)}/>\n")
            return
        self.stream.write(f"  <file name={xml_attr(path)}>\n")
        for d in diagnostics:
            message = d.message + suggestion_note(d.suggestions)
            self.stream.write(
                f"    <error line={xml_attr(d.line)} column={xml_attr(d.column)}"
                f" severity={xml_attr(str(d.severity))} message={xml_attr(message)}"
                f" source={xml_attr(d.rule)}/>\n"
            )
        self.stream.write("  </file>\n")

    def end(self, summary: RunSummary) -> None:
        self.stream.write("</checkstyle>\n")
