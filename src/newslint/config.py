"""Configuration: found by walking up from a checked file, merged over shipped presets.

Sources, later wins: the shipped preset chain (`extends:`), the project file
(`newslint.yaml`, `.newslint.yaml` or `[tool.newslint]` in pyproject.toml), then command-line
options. Every value remembers where it came from (file and line), for `newslint config` and
for errors.

Files a config names (`extends:` paths, `packs:` folders, `vocabulary.accept_files`) must lie
inside the project: the git work tree the config is in, or else the config's own folder. A
config arriving with a pull request could otherwise make a CI run read any file the runner
can (and echo pieces of it in error messages). `allow_outside_paths: true` lifts the fence;
shipped presets and packs by name are always allowed.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
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


LineOf = Callable[[Sequence[str | int]], int | None]


@dataclass
class Config:
    values: dict[str, Any] = field(default_factory=dict)
    origins: dict[str, str] = field(default_factory=dict)
    path: Path | None = None  # the project file, if any; relative paths in it are relative to it
    lines: dict[str, LineOf] = field(default_factory=dict)  # key -> line finder in its origin

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def set(self, key: str, value: Any, origin: str, line: LineOf | None = None) -> None:
        self.values[key] = value
        self.origins[key] = origin
        if line is not None:
            self.lines[key] = line
        else:
            self.lines.pop(key, None)

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def where(self, key: str, *inner: str | int) -> tuple[str, int | None]:
        """(origin, line) of `key` (or of `key.inner...`), for one-line errors."""
        line_of = self.lines.get(key)
        return self.origins.get(key, "config"), line_of([key, *inner]) if line_of else None

    def project_path(self, name: str, key: str, *inner: str | int) -> Path:
        """`name` resolved against the project file's folder, refused if outside the project."""
        path = (self.base_dir / name).resolve()
        if self.path is not None and not self.get("allow_outside_paths", False):
            root = project_root(self.path)
            if not path.is_relative_to(root):
                origin, line = self.where(key, *inner)
                label = ".".join([key, *(k for k in inner if isinstance(k, str))])
                raise SourceError(origin, line, label, _outside(name, root))
        return path


def project_root(config_file: Path) -> Path:
    """The git work tree holding `config_file`, or else the config's own folder."""
    folder = config_file.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def _outside(name: str, root: Path) -> str:
    return f"{name!r} is outside the project ({root}); set allow_outside_paths: true to allow it"


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
    line: LineOf | None = None
    root: Path | None = None  # the fence for `extends:` paths; None: no fence
    if project_file is not None:
        data, origin, line = _read_project_file(project_file)
        if not data.get("allow_outside_paths", False):
            root = project_root(project_file)
    extends = data.get("extends", "default")
    here = _Here(project_file, line)
    for preset_values, preset_origin, preset_line in _resolve_extends(extends, here, [], root):
        _merge(config, preset_values, preset_origin, preset_line)
    if project_file is not None:
        _merge(config, {k: v for k, v in data.items() if k != "extends"}, origin, line)
    return config


def _read_project_file(path: Path) -> tuple[dict[str, Any], str, LineOf | None]:
    if path.name == "pyproject.toml":
        data = _pyproject_tool(path).get("newslint", {})
        if not isinstance(data, dict):
            raise SourceError(path, None, "tool.newslint", "must be a table")
        _check_keys(data, path, None)
        return data, f"{path} [tool.newslint]", None
    doc = load_yaml(path)
    data = doc.data if doc.data is not None else {}
    if not isinstance(data, dict):
        raise SourceError(path, 1, None, "a config file must be a mapping of keys to values")
    _check_keys(data, path, doc.line)
    return data, str(path), doc.line


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


@dataclass(frozen=True)
class _Here:
    """The file an `extends:` stands in (None: the built-in default) and its line finder."""

    path: Path | None
    line_of: LineOf | None

    def error(self, message: str, index: int | None) -> SourceError:
        keys: list[str | int] = ["extends"] if index is None else ["extends", index]
        line = self.line_of(keys) if self.line_of else None
        return SourceError(self.path or "extends", line, "extends", message)


def _resolve_extends(
    extends: Any, here: _Here, chain: list[str], root: Path | None
) -> list[tuple[dict[str, Any], str, LineOf]]:
    """Preset values in order, parents first. Names are shipped presets; paths are files."""
    if extends is None:
        return []
    names = [extends] if isinstance(extends, str) else list(extends)
    resolved: list[tuple[dict[str, Any], str, LineOf]] = []
    for index, name in enumerate(names):
        item = None if isinstance(extends, str) else index
        path = _preset_path(str(name), here, item)
        if root is not None and path.parent != PRESETS_DIR and not path.is_relative_to(root):
            raise here.error(_outside(str(name), root), item)
        key = str(path)
        if key in chain:
            raise here.error(f"extends cycle: {' -> '.join([*chain, key])}", item)
        doc = load_yaml(path)
        data = doc.data or {}
        if not isinstance(data, dict):
            raise SourceError(path, 1, None, "a preset must be a mapping")
        _check_keys(data, path, doc.line)
        resolved += _resolve_extends(
            data.get("extends"), _Here(path, doc.line), [*chain, key], root
        )
        label = f"preset {name}" if path.parent == PRESETS_DIR else str(path)
        resolved.append(({k: v for k, v in data.items() if k != "extends"}, label, doc.line))
    return resolved


def _preset_path(name: str, here: _Here, index: int | None) -> Path:
    shipped = PRESETS_DIR / f"{name}.yaml"
    if "/" not in name and not name.endswith((".yaml", ".yml")):
        if not shipped.is_file():
            available = ", ".join(sorted(p.stem for p in PRESETS_DIR.glob("*.yaml")))
            raise here.error(f"no preset named {name!r} (available: {available})", index)
        return shipped
    folder = here.path.parent if here.path else Path.cwd()
    path = (folder / name).resolve()
    if not path.is_file():
        raise here.error(f"file not found: {name}", index)
    return path


def _merge(
    config: Config, data: Mapping[str, Any], origin: str, line: LineOf | None = None
) -> None:
    for key, value in data.items():
        if key in ("rules", "languagetool", "vocabulary", "per_path_ignores") and isinstance(
            value, dict
        ):
            merged = dict(config.get(key, {}))
            merged.update(value)
            config.set(key, merged, origin, line)
        else:
            config.set(key, value, origin, line)
