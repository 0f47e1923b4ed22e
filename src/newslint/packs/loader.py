"""Loading rule packs: one YAML file per rule, validated strictly, compiled once.

A rule's id is its pack name and file name (`de-news/doubled-space.yaml` →
`de-news.doubled-space`): readable and stable. Every problem is a `SourceError` naming file,
line and key; nothing in a rule file can run code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import regex

from newslint.checks import check_class, kinds
from newslint.checks.base import Check, Example, Rule, blocks_matching, compile_pattern
from newslint.diagnostic import Severity
from newslint.document.model import BlockKind
from newslint.packs.cache import ValidatedRules, digest
from newslint.packs.schema import kind_schema
from newslint.packs.yamlsource import SourceError, YamlDocument, load_yaml

_COMMON_KEYS = {
    "kind",
    "message",
    "description",
    "severity",
    "category",
    "scope",
    "case",
    "quotes",
    "safe_fix",
    "exceptions",
    "link",
    "examples",
}


@dataclass(frozen=True)
class RulePack:
    name: str
    path: Path
    rules: tuple[Rule, ...]
    checks: Mapping[str, Check]  # compiled while validating; reused when no override applies


def shipped_packs_dir() -> Path:
    """The packs inside the installed wheel, or `rules/` of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    inside = here / "_packs"
    return inside if inside.is_dir() else here.parent.parent / "rules"


def load_pack(path: Path, name: str | None = None) -> RulePack:
    if not path.is_dir():
        raise SourceError(path, None, None, "rule pack folder not found")
    name = name or path.name
    validated = ValidatedRules.default()
    loaded = [_load(file, name, validated) for file in sorted(path.glob("*.yaml"))]
    validated.save()
    return RulePack(name, path, tuple(r for r, _ in loaded), {r.id: c for r, c in loaded})


def load_rule(path: Path, pack: str) -> Rule:
    return _load(path, pack, ValidatedRules(None, ""))[0]


def _load(path: Path, pack: str, validated: ValidatedRules) -> tuple[Rule, Check]:
    """The rule and its compiled check; a file validated before (same text) skips YAML and
    schema, since it can only compile as it did then."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SourceError(path, None, None, f"cannot read: {exc}") from None
    key = digest(text)
    data = validated.get(key)
    if data is not None:
        rule = _rule_from(data, f"{pack}.{path.stem}", path)
        return rule, compile_rule(rule)
    doc = load_yaml(path, text)
    data = doc.data
    if not isinstance(data, dict):
        raise SourceError(path, 1, None, "a rule file must be a mapping of keys to values")
    kind = data.get("kind")
    if kind not in kinds():
        raise SourceError(
            path,
            doc.line(["kind"]),
            "kind",
            f"unknown or missing rule kind {kind!r} (one of: {', '.join(kinds())})",
        )
    _validate(doc, kind_schema(kind))
    rule = _rule_from(data, f"{pack}.{path.stem}", path)
    check = compile_rule(rule, doc)
    validated.put(key, data)
    return rule, check


def _validate(doc: YamlDocument, schema: Mapping[str, Any]) -> None:
    import jsonschema  # here: a run whose rule files are all cached never needs it

    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    error = errors[0]
    keys = list(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in error.instance if k not in allowed)
        if extra:
            hint = f"unknown key (allowed: {', '.join(sorted(allowed))})"
            raise SourceError(
                doc.path, doc.line([*keys, extra[0]]), ".".join(map(str, [*keys, extra[0]])), hint
            )
    if error.validator == "required":
        raise SourceError(doc.path, doc.line(keys), ".".join(map(str, keys)) or None, error.message)
    key = ".".join(map(str, keys)) or None
    raise SourceError(doc.path, doc.line(keys), key, error.message)


def _rule_from(data: Mapping[str, Any], rule_id: str, path: Path) -> Rule:
    examples = data["examples"]
    return Rule(
        id=rule_id,
        kind=data["kind"],
        message=data["message"],
        description=data["description"],
        severity=Severity.parse(data.get("severity", "warning")),
        category=data["category"],
        scopes=parse_scope(data.get("scope")),
        case_sensitive=data.get("case", "sensitive") == "sensitive",
        skip_quotes=data.get("quotes", "check") == "skip",
        safe_fix=bool(data.get("safe_fix", False)),
        exceptions=tuple(data.get("exceptions", ())),
        fail=tuple(Example(e["text"], e["match"]) for e in examples["fail"]),
        passes=tuple(Example(text) for text in examples["pass"]),
        options={k: v for k, v in data.items() if k not in _COMMON_KEYS},
        path=path,
    )


def parse_scope(scope: str | list[str] | None) -> frozenset[BlockKind]:
    if scope is None:
        return frozenset(BlockKind)
    items = [scope] if isinstance(scope, str) else scope
    included = {BlockKind(s) for s in items if not s.startswith("!")}
    excluded = {BlockKind(s[1:]) for s in items if s.startswith("!")}
    return frozenset((included or set(BlockKind)) - excluded)


def compile_rule(rule: Rule, doc: YamlDocument | None = None) -> Check:
    """Build the rule's Check; a pattern that does not compile is a SourceError at its key."""
    path = rule.path or Path(rule.id)
    try:
        check = check_class(rule.kind)(rule)
    except regex.error as exc:
        key = _pattern_key(rule)
        line = doc.line([key]) if doc and key else None
        raise SourceError(path, line, key, f"regular expression does not compile: {exc}") from None
    if check.trigger is not None:
        for number, example in enumerate(rule.fail, 1):
            if not blocks_matching(check.trigger, [example.text]):
                raise SourceError(
                    path,
                    doc.line(["trigger"]) if doc else None,
                    "trigger",
                    f"not found in fail example {number} ({example.text!r}); the rule would "
                    "skip that paragraph",
                )
    return check


def _pattern_key(rule: Rule) -> str | None:
    """The key whose regular expression does not compile on its own (else the first one)."""
    candidates = {
        "trigger": [rule.options.get("trigger")],
        "pattern": [rule.options.get("pattern")],
        "swap": list(rule.options.get("swap", {})),
        "exceptions": list(rule.exceptions),
    }
    present = [key for key, patterns in candidates.items() if any(patterns)]
    for key in present:
        for pattern in candidates[key]:
            try:
                if isinstance(pattern, str):
                    compile_pattern(pattern)
            except regex.error:
                return key
    return present[0] if present else None
