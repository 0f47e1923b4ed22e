"""Configuration: found by walking up from a checked file, merged over shipped presets.

Sources, later wins: the shipped preset chain (`extends:`), the project file
(`newslint.yaml`, `.newslint.yaml` or `[tool.newslint]` in pyproject.toml), then command-line
options. Every value remembers where it came from, for `newslint config`.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newslint.packs.yamlsource import SourceError, load_yaml

CONFIG_NAMES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")
PRESETS_DIR = Path(__file__).resolve().parent / "presets"
LANGUAGES = ("de-DE", "de-AT", "de-CH", "de", "en-US", "en-GB", "en")

KEYS: dict[str, type | tuple[type, ...]] = {
    "extends": (str, list),
    "language": str,
    "packs": list,
    "select": list,
    "ignore": list,
    "rules": dict,
    "include": list,
    "exclude": list,
    "per_path_ignores": dict,
    "accepted": list,
    "min_severity": str,
    "fail_on": str,
    "languagetool": dict,
    "vocabulary": dict,
    "allow_outside_paths": bool,
}


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    path: Path | None = None  # the project file, if any; relative paths in it are relative to it

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any, origin: str) -> None:
        self.values[key] = value
        self.origins[key] = origin

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()


def find_project_file(start: Path) -> Path | None:
    """The nearest config file at or above `start`.

    A pyproject.toml counts only when it has a [tool.newslint] table.
    """
    start = start.resolve()
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if not candidate.is_file():
                continue
            if name != "pyproject.toml" or "newslint" in _pyproject_tool(candidate):
                return candidate
    return None


def _pyproject_tool(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise SourceError(
            path, getattr(exc, "lineno", None), None, f"invalid TOML: {exc}"
        ) from None
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def load_config(project_file: Path | None) -> Config:
    """Resolve presets and the project file into one Config (command-line options come later)."""
    config = Config(path=project_file)
    data: dict[str, Any] = {}
    origin = "default"
    if project_file is not None:
        data, origin = _read_project_file(project_file)
    extends = data.get("extends", "default")
    for preset_values, preset_origin in _resolve_extends(extends, project_file, []):
        _merge(config, preset_values, preset_origin)
    if project_file is not None:
        _merge(config, {k: v for k, v in data.items() if k != "extends"}, origin)
    return config


def _read_project_file(path: Path) -> tuple[dict[str, Any], str]:
    if path.name == "pyproject.toml":
        data = _pyproject_tool(path).get("newslint", {})
        if not isinstance(data, dict):
            raise SourceError(path, None, "tool.newslint", "must be a table")
        _check_keys(data, path, None)
        return data, f"{path} [tool.newslint]"
    doc = load_yaml(path)
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise SourceError(path, 1, None, "a config file must be a mapping of keys to values")
    _check_keys(data, path, doc.line)
    return data, str(path)


def _check_keys(data: Mapping[str, Any], path: Path, line: Any) -> None:
    for key, value in data.items():
        where = line([key]) if line else None
        if key not in KEYS:
            raise SourceError(path, where, key, f"unknown key (allowed: {', '.join(sorted(KEYS))})")
        if not isinstance(value, KEYS[key]):
            raise SourceError(path, where, key, f"wrong type {type(value).__name__}")
    language = data.get("language")
    if language is not None and language not in LANGUAGES:
        where = line(["language"]) if line else None
        raise SourceError(
            path,
            where,
            "language",
            f"unsupported language {language!r} (one of: {', '.join(LANGUAGES)})",
        )


def _resolve_extends(
    extends: Any, base: Path | None, chain: list[str]
) -> list[tuple[dict[str, Any], str]]:
    """Preset values in order, parents first. Names are shipped presets; paths are files."""
    if extends is None:
        return []
    names = [extends] if isinstance(extends, str) else list(extends)
    resolved: list[tuple[dict[str, Any], str]] = []
    for name in names:
        path = _preset_path(str(name), base)
        key = str(path)
        if key in chain:
            raise SourceError(
                base or path, None, "extends", f"extends cycle: {' -> '.join([*chain, key])}"
            )
        doc = load_yaml(path)
        data = doc.data or {}
        if not isinstance(data, dict):
            raise SourceError(path, 1, None, "a preset must be a mapping")
        _check_keys(data, path, doc.line)
        resolved += _resolve_extends(data.get("extends"), path, [*chain, key])
        label = f"preset {name}" if path.parent == PRESETS_DIR else str(path)
        resolved.append(({k: v for k, v in data.items() if k != "extends"}, label))
    return resolved


def _preset_path(name: str, base: Path | None) -> Path:
    shipped = PRESETS_DIR / f"{name}.yaml"
    if "/" not in name and not name.endswith((".yaml", ".yml")):
        if not shipped.is_file():
            available = ", ".join(sorted(p.stem for p in PRESETS_DIR.glob("*.yaml")))
            raise SourceError(
                base or "extends",
                None,
                "extends",
                f"no preset named {name!r} (available: {available})",
            )
        return shipped
    folder = base.parent if base else Path.cwd()
    path = (folder / name).resolve()
    if not path.is_file():
        raise SourceError(base or path, None, "extends", f"file not found: {name}")
    return path


def _merge(config: Config, data: Mapping[str, Any], origin: str) -> None:
    for key, value in data.items():
        if key in ("rules", "languagetool", "vocabulary", "per_path_ignores") and isinstance(
            value, dict
        ):
            merged = dict(config.get(key, {}))
            merged.update(value)
            config.set(key, merged, origin)
        else:
            config.set(key, value, origin)
