"""JUnit XML, for CI test-report views (GitLab `reports: junit:`, Jenkins, Azure DevOps).

One testsuite; one testcase per checked file, so "tests" counts articles. A file with findings
fails, and its `<failure>` lists the findings one per line in the text format, which is what
the CI shows; a file newslint could not check (unreadable, or a rule or check failed on it)
is an `<error>`, not a failure: the CI must not read it as "the article has findings".
Testcases are buffered because the suite's counts come first in the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from newslint.diagnostic import TOOL_ERROR_RULES, Diagnostic

from ._common import count_phrase, plain_line
from ._xml import XML_DECLARATION, xml_attr, xml_text
from .base import Formatter, RunSummary


class JUnitFormatter(Formatter):
    """`<testsuites><testsuite>` with a testcase per file."""

    name = "junit"

    def start(self) -> None:
        self._cases: list[str] = []
        self._failures = 0
        self._errors = 0

    def file(self, path: str, diagnostics: Sequence[Diagnostic]) -> None:
        head = f'    <testcase classname="newslint" name={xml_attr(path)} file={xml_attr(path)}'
        if not diagnostics:
            self._cases.append(head + "/>\n")
            return
        tool_errors = [d for d in diagnostics if d.rule in TOOL_ERROR_RULES]
        body = xml_text("\n".join(plain_line(d) for d in diagnostics))
        if tool_errors:
            self._errors += 1
            element = "error"
            first = tool_errors[0]
            attributes = f"message={xml_attr(first.message)} type={xml_attr(first.rule)}"
        else:
            self._failures += 1
            element = "failure"
            attributes = f'message={xml_attr(count_phrase(diagnostics))} type="newslint"'
        self._cases.append(
            f"{head}>\n      <{element} {attributes}>{body}</{element}>\n    </testcase>\n"
        )

    def end(self, summary: RunSummary) -> None:
        counts = f'tests="{len(self._cases)}" failures="{self._failures}" errors="{self._errors}"'
        self.stream.write(XML_DECLARATION)
        self.stream.write(f'<testsuites name="newslint" {counts}>\n')
        self.stream.write(f'  <testsuite name="newslint" {counts} skipped="0">\n')
        self.stream.writelines(self._cases)
        self.stream.write("  </testsuite>\n</testsuites>\n")
