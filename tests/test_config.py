"""Configuration: discovery, presets and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import find_project_file, load_config
from newslint.packs.yamlsource import SourceError


def test_pyproject_counts_only_with_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_project_file(tmp_path) is None
    (tmp_path / "pyproject.toml").write_text(
        "[tool.newslint]\nlanguage = 'de-CH'\n", encoding="utf-8"
    )
    found = find_project_file(tmp_path)
    assert found == tmp_path / "pyproject.toml"
    config = load_config(found)
    assert config.get("language") == "de-CH"
    assert config.origins["language"].endswith("pyproject.toml [tool.newslint]")


def test_extends_preset_chain(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("extends: strict\n", encoding="utf-8")
    config = load_config(tmp_path / "newslint.yaml")
    assert config.get("fail_on") == "warning"
    assert config.origins["fail_on"] == "preset strict"
    assert config.get("packs") == ["de-news"]


def test_extends_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("extends: ./b.yaml\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("extends: ./a.yaml\n", encoding="utf-8")
    (tmp_path / "newslint.yaml").write_text("extends: ./a.yaml\n", encoding="utf-8")
    with pytest.raises(SourceError, match="extends cycle"):
        load_config(tmp_path / "newslint.yaml")


def test_missing_preset(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("extends: nosuch\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no preset named 'nosuch'"):
        load_config(tmp_path / "newslint.yaml")


def test_unknown_key_and_language(tmp_path: Path) -> None:
    (tmp_path / "newslint.yaml").write_text("language: de-DE\nlanguge: x\n", encoding="utf-8")
    with pytest.raises(SourceError) as error:
        load_config(tmp_path / "newslint.yaml")
    assert str(error.value).startswith(
        f"{tmp_path / 'newslint.yaml'}:2: key 'languge': unknown key"
    )
    (tmp_path / "newslint.yaml").write_text("language: fr-FR\n", encoding="utf-8")
    with pytest.raises(SourceError, match="unsupported language 'fr-FR'"):
        load_config(tmp_path / "newslint.yaml")
