"""Text for `newslint rules` and `newslint config`: what is in force, and why."""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from newslint.config import find_project_file, load_config
from newslint.packs.schema import full_schema
from newslint.ruleset import build_ruleset


def schema() -> str:
    return json.dumps(full_schema(), indent=2, ensure_ascii=False)


def rules(rule_id: str | None, config_file: Path | None) -> str:
    config = load_config(config_file or find_project_file(Path.cwd()))
    ruleset = build_ruleset(config)
    enabled = {check.rule.id for check in ruleset.checks}
    if rule_id is None:
        rows = [
            (r.id, r.kind, str(r.severity), r.description, r.id in enabled)
            for r in ruleset.rules.values()
        ]
        width = max((len(r[0]) for r in rows), default=10)
        lines = [
            f"{'' if on else '(off) '}{rid:<{width}}  {kind:<12} {sev:<7}  {desc}"
            for rid, kind, sev, desc, on in rows
        ]
        return "\n".join(lines)
    rule = ruleset.rules.get(rule_id)
    if rule is None:
        raise LookupError(f"no rule {rule_id!r}; `newslint rules` lists them")
    out = [
        f"{rule.id}  ({rule.kind}, {rule.severity}, category {rule.category})",
        "",
        rule.description,
        f"Message: {rule.message}",
        f"Defined in: {rule.path}",
        "",
        "Flags:",
        *[f"  ✗ {ex.text!r}  → {ex.match!r}" for ex in rule.fail],
        "Accepts:",
        *[f"  ✓ {ex.text!r}" for ex in rule.passes],
    ]
    return "\n".join(out)


def _flow(value: object) -> str:
    """One-line YAML for a value, so each key's origin fits beside it."""
    dumped = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 16)
    return dumped.removesuffix("\n").removesuffix("\n...").strip()


def config(path: Path, config_file: Path | None) -> str:
    project = config_file or find_project_file(path)
    resolved = load_config(project)
    lines = [f"# configuration for {path} (project file: {project or 'none'})"]
    for key in sorted(resolved.values):
        origin = resolved.origins.get(key, "?")
        lines.append(f"{key}: {_flow(resolved.values[key])}  # from {origin}")
    return "\n".join(lines)
