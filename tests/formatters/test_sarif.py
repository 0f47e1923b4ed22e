"""SARIF: valid against the official 2.1.0 schema, and consistent in itself."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from .fixtures import FILES, WAHL, render

REPO_ROOT = Path(__file__).resolve().parents[2]


def _schema() -> dict[str, Any]:
    shared = Path(os.environ.get("NEWSLINT_SHARED") or REPO_ROOT / ".." / "shared")
    path = shared / "data" / "sarif" / "sarif-schema-2.1.0.json"
    if not path.is_file():
        pytest.skip(f"SARIF schema not available at {path} (set NEWSLINT_SHARED)")
    schema: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return schema


def _log(**kwargs: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render("sarif", **kwargs))
    return log


@pytest.mark.parametrize("files", [FILES, [], [(WAHL, [])]], ids=["fixture", "empty", "clean"])
def test_validates_against_the_schema(files: Any) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema()
    validator = jsonschema.Draft4Validator(
        schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER
    )
    errors = sorted(validator.iter_errors(_log(files=files)), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_run_shape() -> None:
    run = _log()["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": "file:///project/"}}
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("newslint", "0.1.0")
    assert driver["informationUri"] == "https://example.org/newslint"


def test_results_point_at_their_rules() -> None:
    run = _log()["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(run["results"]) == sum(len(ds) for _, ds in FILES)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    speller = next(r for r in rules if r["id"] == "languagetool.GERMAN_SPELLER_RULE")
    assert (
        speller["shortDescription"]["text"] == "LanguageTool rule languagetool.GERMAN_SPELLER_RULE"
    )
    levels = {r["ruleId"]: r["level"] for r in run["results"]}
    assert levels["de-news.officialese"] == "note"
    assert levels["de-news.forbidden-word"] == "error"


def test_locations_and_fixes() -> None:
    result = _log()["runs"][0]["results"][2]  # „zeitnah“ after an emoji
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "artikel/2024-05-01%20wahl.md",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 7, "startColumn": 49, "endLine": 7, "endColumn": 56}
    replacement = result["fixes"][1]["artifactChanges"][0]["replacements"][0]
    assert replacement == {
        "deletedRegion": location["region"],
        "insertedContent": {"text": "in Kürze"},
    }


def test_fixes_are_capped() -> None:
    speller = _log()["runs"][0]["results"][3]
    assert len(speller["fixes"]) == 5
    assert speller["properties"] == {"source": "languagetool"}


def test_absolute_paths_outside_the_working_directory() -> None:
    from newslint.diagnostic import Diagnostic, Severity

    d = Diagnostic("/elsewhere/a b.md", 1, 1, 1, 2, rule="r", severity=Severity.INFO, message="m")
    result = _log(files=[(d.path, [d])])["runs"][0]["results"][0]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]
    assert uri == {"uri": "file:///elsewhere/a%20b.md"}
