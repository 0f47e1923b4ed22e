"""Safe YAML loading that remembers where every key stood, for errors that name file, line and key.

Only `yaml.SafeLoader` is used: rule and config files can never construct Python objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


class SourceError(Exception):
    """A problem in a YAML file; str() is the one-line `path:line: key 'x': message` form."""

    def __init__(self, path: Path | str, line: int | None, key: str | None, message: str) -> None:
        self.path, self.line, self.key, self.message = str(path), line, key, message
        where = f"{self.path}:{line}" if line else self.path
        what = f"key '{key}': " if key else ""
        super().__init__(f"{where}: {what}{message}")


@dataclass(frozen=True)
class YamlDocument:
    path: Path
    data: Any
    root: yaml.Node | None

    def line(self, keys: Sequence[str | int]) -> int | None:
        """1-based line of the value at `keys` (or of its nearest existing parent)."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for key in keys:
            if isinstance(node, yaml.MappingNode):
                found = next((k for k, _ in node.value if k.value == str(key)), None)
                if found is None:
                    return line
                line = found.start_mark.line + 1
                node = next(v for k, v in node.value if k is found)
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(key, int)
                and key < len(node.value)
            ):
                node = node.value[key]
                line = node.start_mark.line + 1
            else:
                return line
        return line


def load_yaml(path: Path, text: str | None = None) -> YamlDocument:
    if text is None:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise SourceError(path, None, None, f"cannot read: {exc}") from None
    try:
        root, data = _parse(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise SourceError(path, line, None, f"invalid YAML: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise SourceError(path, None, None, f"invalid YAML: {exc}") from None
    if root is not None:
        _refuse_duplicates(path, root)
    return YamlDocument(path, data, root)


def _parse(text: str) -> tuple[yaml.Node | None, Any]:
    """Node tree (for line numbers) and data from one parse, with libyaml when it is there.

    Parsing twice in pure Python (compose, then safe_load) was half of the rule-pack loading
    time that every run pays at start-up. CSafeLoader is libyaml's parser with the same safe
    constructor and resolver as SafeLoader.
    """
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return root, data


def _refuse_duplicates(path: Path, node: yaml.Node) -> None:
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if key.value in seen:
                raise SourceError(path, key.start_mark.line + 1, str(key.value), "duplicate key")
            seen.add(key.value)
            _refuse_duplicates(path, value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _refuse_duplicates(path, item)
