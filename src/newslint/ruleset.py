"""The rules in force for a configuration: packs loaded, overrides applied, checks compiled once."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from newslint.checks.base import Check, Rule
from newslint.config import Config
from newslint.diagnostic import Severity
from newslint.packs.loader import RulePack, compile_rule, load_pack, shipped_packs_dir
from newslint.packs.yamlsource import SourceError
from newslint.vocabulary import Vocabulary


def matches(rule_id: str, patterns: Iterable[str]) -> bool:
    """A rule id matches a pattern equal to it, a pack/dotted prefix of it, or a glob."""
    for pattern in patterns:
        if rule_id == pattern or rule_id.startswith(pattern.rstrip(".") + "."):
            return True
        if any(ch in pattern for ch in "*?[") and fnmatch.fnmatchcase(rule_id, pattern):
            return True
    return False


@dataclass(frozen=True)
class RuleSet:
    rules: Mapping[str, Rule]  # every known rule, enabled or not (for `newslint rules`)
    checks: tuple[Check, ...]  # the enabled, compiled ones
    select: tuple[str, ...]
    ignore: tuple[str, ...]

    def enabled(self, rule_id: str) -> bool:
        """For rules outside the packs (LanguageTool, tense): the same select/ignore logic."""
        return _selected(rule_id, self.select, self.ignore)


def load_packs(config: Config) -> list[RulePack]:
    packs = []
    for index, entry in enumerate(config.get("packs", [])):
        name = str(entry)
        shipped = shipped_packs_dir() / name
        if "/" not in name and shipped.is_dir():
            packs.append(load_pack(shipped, name))
            continue
        path = config.project_path(name, "packs", index)
        if not path.is_dir():
            origin, line = config.where("packs", index)
            raise SourceError(origin, line, "packs", f"rule pack not found: {name}")
        packs.append(load_pack(path))
    return packs


def build_ruleset(config: Config) -> RuleSet:
    overrides: Mapping[str, Any] = config.get("rules", {})
    select = tuple(config.get("select", []) or [])
    ignore = tuple(config.get("ignore", []) or [])
    rules: dict[str, Rule] = {}
    checks: list[Check] = []
    for pack in load_packs(config):
        for loaded in pack.rules:
            override = overrides.get(loaded.id)
            rule = _apply(loaded, override, config)
            rules[rule.id] = rule
            if override in ("off", False) or not _selected(rule.id, select, ignore):
                continue
            checks.append(pack.checks[rule.id] if rule is loaded else compile_rule(rule))
    reject = Vocabulary.from_config(config).reject_rule()
    if reject is not None:
        rules[reject.id] = reject
        if overrides.get(reject.id) not in ("off", False) and _selected(reject.id, select, ignore):
            checks.append(_compile_house_rule(reject, config))
    return RuleSet(rules, tuple(checks), select, ignore)


def _compile_house_rule(rule: Rule, config: Config) -> Check:
    try:
        return compile_rule(rule)
    except SourceError as exc:
        origin = config.origins.get("vocabulary", "config")
        raise SourceError(origin, None, "vocabulary.reject", exc.message) from None


def selected(config: Config, rule_id: str) -> bool:
    """`--select`/`--ignore` (and the config's lists) for a rule, before the packs are compiled."""
    select = tuple(config.get("select", []) or [])
    return _selected(rule_id, select, tuple(config.get("ignore", []) or []))


def _selected(rule_id: str, select: tuple[str, ...], ignore: tuple[str, ...]) -> bool:
    return (not select or matches(rule_id, select)) and not matches(rule_id, ignore)


def _apply(rule: Rule, override: Any, config: Config) -> Rule:
    if override is None or override in ("off", "on", False, True):
        return rule
    origin = config.origins.get("rules", "config")
    if isinstance(override, str):
        override = {"severity": override}
    if not isinstance(override, dict):
        raise SourceError(origin, None, f"rules.{rule.id}", "must be off, a severity or a mapping")
    options = dict(override)
    severity = None
    if "severity" in options:
        try:
            severity = Severity.parse(str(options.pop("severity")))
        except ValueError as exc:
            raise SourceError(origin, None, f"rules.{rule.id}.severity", str(exc)) from None
    unknown = set(options) - set(rule.options) - {"exceptions"}
    if unknown:
        raise SourceError(
            origin, None, f"rules.{rule.id}", f"unknown option(s): {', '.join(sorted(unknown))}"
        )
    exceptions = options.pop("exceptions", None)
    updated = rule.with_overrides(severity, options)
    if exceptions is not None:
        updated = replace(updated, exceptions=rule.exceptions + tuple(map(str, exceptions)))
    return updated
