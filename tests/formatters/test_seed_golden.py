"""Every format on seed article 000 through the real CLI (YAML rules and tense; no
LanguageTool, so the output is the same on every machine), compared with golden files."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from newslint.cli import cli
from newslint.formatters import available_formats
from tests.formatters.golden import GOLDEN_DIR, assert_golden

SEED = "000_aad4987ae0ccc8c2.txt"
EXTENSIONS = {
    "sarif": "sarif",
    "json": "json",
    "gitlab": "json",
    "rdjson": "json",
    "junit": "xml",
    "checkstyle": "xml",
}


def _render(fmt: str, shared: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(shared / "corpus" / "seeds" / "dirty")
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "GITHUB_WORKSPACE"):
        monkeypatch.delenv(name, raising=False)
    result = CliRunner().invoke(
        cli, ["check", "--no-languagetool", "--no-color", "--format", fmt, SEED]
    )
    assert result.exit_code == 1, result.output
    return result.stdout.replace(str(Path.cwd()), "<cwd>")


@pytest.mark.parametrize("fmt", available_formats())
def test_format_golden_on_seed_000(fmt: str, shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = _render(fmt, shared, monkeypatch)
    assert_golden(
        f"seed000.{fmt}.{EXTENSIONS.get(fmt, 'txt')}", output, directory=GOLDEN_DIR / "seed000"
    )
    if EXTENSIONS.get(fmt) == "xml":
        ET.fromstring(output)
    if fmt == "sarif":
        schema = json.loads((shared / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text())
        jsonschema.Draft4Validator(schema).validate(json.loads(output))
    if fmt == "gitlab":
        report = json.loads(output)
        fingerprints = [issue["fingerprint"] for issue in report]
        assert len(fingerprints) == len(set(fingerprints)) == 24
        for issue in report:
            assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(
                issue
            )
