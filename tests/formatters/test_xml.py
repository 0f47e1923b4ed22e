"""Checkstyle and JUnit: well-formed XML with the expected structure."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from newslint.diagnostic import Diagnostic, Severity
from newslint.formatters._xml import xml_attr, xml_text

from .fixtures import BROKEN, CLEAN, FILES, LANG, WAHL, render


def test_checkstyle_structure() -> None:
    root = ET.fromstring(render("checkstyle").encode("utf-8"))
    assert (root.tag, root.get("version")) == ("checkstyle", "4.3")
    files = {f.get("name"): f.findall("error") for f in root.findall("file")}
    assert list(files) == [WAHL, LANG, CLEAN, BROKEN]
    assert len(files[LANG]) == 12 and files[CLEAN] == []
    zeitnah = files[WAHL][2]
    assert zeitnah.attrib == {
        "line": "7",
        "column": "49",
        "severity": "info",
        "message": "„zeitnah“ ist Behördendeutsch 🙈 – besser konkret"
        ' [suggestions: "bald", "in Kürze"]',
        "source": "de-news.officialese",
    }
    # a line break inside an attribute survives the round trip
    assert files[WAHL][4].get("message", "").endswith("(Präsens)\nim selben Absatz")


def test_junit_structure() -> None:
    root = ET.fromstring(render("junit").encode("utf-8"))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.attrib.items() >= {"tests": "4", "failures": "2", "errors": "1"}.items()
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert list(cases) == [path for path, _ in FILES]
    failure = cases[WAHL].find("failure")
    assert failure is not None and failure.get("message") == "6 findings (3 warnings, 3 info)"
    assert (failure.text or "").count("\n") == 5
    assert list(cases[CLEAN]) == []
    error = cases[BROKEN].find("error")
    assert error is not None and error.get("type") == "newslint.read-error"
    assert cases[BROKEN].find("failure") is None


def test_characters_xml_cannot_hold_are_replaced() -> None:
    assert xml_text("a\x00b\x0bc<d>&") == "a\ufffdb\ufffdc&lt;d&gt;&amp;"
    assert xml_attr('x"\t\n\r') == '"x&quot;&#9;&#10;&#13;"'
    d = Diagnostic(
        "a.md", 1, 1, 1, 2, rule="r", severity=Severity.ERROR, message="Steuer\x0czeichen"
    )
    for name in ("checkstyle", "junit"):
        ET.fromstring(render(name, files=[("a.md", [d])]).encode("utf-8"))


def test_junit_tool_errors_are_errors_not_failures() -> None:
    d = Diagnostic(
        "a.md", 1, 1, 1, 1, rule="newslint.check-error", severity=Severity.ERROR,
        message="LanguageTool antwortet nicht",
    )  # fmt: skip
    root = ET.fromstring(render("junit", files=[("a.md", [d])]).encode("utf-8"))
    assert root.get("errors") == "1" and root.get("failures") == "0"
    case = root.find("testsuite/testcase")
    assert case is not None
    error = case.find("error")
    assert error is not None and error.get("type") == "newslint.check-error"
