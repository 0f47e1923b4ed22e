"""One `newslint check` run, from options to exit code; the CLI only collects the options.

Files are grouped by the configuration that applies to them (the nearest config file above
each file), so a monorepo with several newsrooms' settings is checked correctly in one run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from newslint import changed, engine, fix
from newslint.checks.base import Rule
from newslint.config import Config, find_project_file, load_config
from newslint.diagnostic import Diagnostic, Severity
from newslint.engine import FileResult, Settings
from newslint.exitcodes import ExitCode
from newslint.files import DEFAULT_INCLUDE, expand
from newslint.ruleset import RuleSet, build_ruleset, selected

if TYPE_CHECKING:
    from newslint.findings_cache import FindingsCache
    from newslint.formatters.base import RunSummary


MAX_FIX_PASSES = 5  # fixes only shorten whitespace and punctuation: two passes suffice so far


@dataclass
class CheckOptions:
    paths: Sequence[str]
    format: str = "auto"
    config_file: Path | None = None
    overrides: dict[str, Any] = field(default_factory=dict)  # command-line values for config keys
    languagetool: bool | None = None  # None: as configured
    keep_alive: bool = False  # start the shared LanguageTool server for later runs
    stdin_filename: str | None = None
    statistics: bool = False
    quiet: bool = False
    exit_zero: bool = False
    color: bool | None = None
    use_cache: bool = True
    fix: bool = False  # apply safe fixes and write the files
    diff: bool = False  # show the safe fixes as a unified diff, write nothing
    diff_base: str | None = None  # report only lines changed since this git revision
    diff_file: str | None = None  # ... or changed in this unified diff ("-" for stdin)


def resolve_config(project_file: Path | None, options: CheckOptions) -> Config:
    config = load_config(options.config_file or project_file)
    for key, value in options.overrides.items():
        if value is not None and value != ():
            config.set(key, list(value) if isinstance(value, tuple) else value, "command line")
    if options.languagetool is not None or options.keep_alive:
        lt = dict(config.get("languagetool", {}))
        if options.languagetool is not None:
            lt["enabled"] = options.languagetool
        if options.keep_alive:
            lt["keep_alive"] = True
        config.set("languagetool", lt, "command line")
    return config


def _project_file(path: Path, options: CheckOptions, cache: dict[Path, Path | None]) -> Path | None:
    if options.config_file is not None:
        return options.config_file
    folder = path.parent if not path.is_dir() else path
    if folder not in cache:
        cache[folder] = find_project_file(folder)
    return cache[folder]


def collect(options: CheckOptions) -> Iterator[tuple[Path | None, list[tuple[Path, str]]]]:
    """(project file, [(path, display path)]) groups, in the order the files were found."""
    cache: dict[Path, Path | None] = {}
    groups: dict[Path | None, list[tuple[Path, str]]] = {}
    for raw in options.paths:
        if raw == "-":
            display = options.stdin_filename or "<stdin>"
            groups.setdefault(_project_file(Path(display).resolve(), options, cache), []).append(
                (Path(display), "-")
            )
            continue
        root_config = resolve_config(_project_file(Path(raw).resolve(), options, cache), options)
        include = root_config.get("include") or list(DEFAULT_INCLUDE)
        exclude = root_config.get("exclude") or []
        for path in expand([raw], include, exclude):
            groups.setdefault(_project_file(path.resolve(), options, cache), []).append(
                (path, str(path))
            )
    yield from groups.items()


def lint(options: CheckOptions) -> tuple[list[FileResult], list[RuleSet], Severity]:
    """Every file checked with the configuration that applies to it."""
    all_results: list[FileResult] = []
    rulesets: list[RuleSet] = []
    fail_on = Severity.INFO
    warn = _Warnings()
    with ExitStack() as stack:
        for project_file, files in collect(options):
            config = resolve_config(project_file, options)
            results = [_read(path, display) for path, display in files]
            # LanguageTool first: its requests go out while the YAML rules compile and run.
            batches = engine.start_batches(_batch_checks(config, options, stack, warn), results)
            ruleset = build_ruleset(config)
            rulesets.append(ruleset)
            fail_on = Severity.parse(config.get("fail_on", "info"))
            settings = Settings(
                config,
                ruleset,
                Severity.parse(config.get("min_severity", "info")),
                _findings_cache(ruleset, options, stack, warn),
            )
            all_results += engine.run(results, settings, batches)
    return all_results, rulesets, fail_on


def check(options: CheckOptions, stdout: TextIO | None = None) -> ExitCode:
    """Run the check; output goes to `stdout` (default: the current sys.stdout)."""
    stdout = stdout or sys.stdout
    results, rulesets, fail_on = lint(options)
    if options.diff:
        return _show_fixes(results, stdout)
    if options.fix:
        results, rulesets, fail_on = _fix(options, results, rulesets, fail_on)
    if options.diff_base or options.diff_file:
        _only_changed_lines(results, options)
    _report(results, rulesets, options, stdout)
    diagnostics = [d for r in results for d in r.diagnostics]
    return exit_code(results, diagnostics, fail_on, options.exit_zero)


def _report(
    results: list[FileResult], rulesets: list[RuleSet], options: CheckOptions, stdout: TextIO
) -> None:
    from newslint.formatters import get_formatter, line_text_from_sources, resolve_format
    from newslint.formatters.base import RunInfo

    name = resolve_format(options.format, os.environ)
    sources = {r.path: r.document.source for r in results if r.document is not None}
    info = RunInfo(
        tool_version=_version(),
        rules=_rule_meta(rulesets),
        working_dir=Path.cwd(),
        line_text=line_text_from_sources(sources),
    )
    color = options.color if options.color is not None else stdout.isatty()
    formatter = get_formatter(name)(
        stdout,
        info,
        color=color,
        statistics=options.statistics,
        quiet=options.quiet,
        environ=os.environ,
    )
    formatter.start()
    for result in results:
        formatter.file(result.path, result.diagnostics)
    diagnostics = [d for r in results for d in r.diagnostics]
    formatter.end(_summary(results, diagnostics))


def _show_fixes(results: Sequence[FileResult], stdout: TextIO) -> ExitCode:
    any_change = False
    for result in results:
        if result.document is None:
            continue
        edits = fix.plan(result.diagnostics)
        if edits:
            any_change = True
            after = fix.apply(result.document.source, edits)
            stdout.write(fix.unified_diff(result.path, result.document.source, after))
    return ExitCode.FINDINGS if any_change else ExitCode.CLEAN


def _fix(
    options: CheckOptions, results: list[FileResult], rulesets: list[RuleSet], fail_on: Severity
) -> tuple[list[FileResult], list[RuleSet], Severity]:
    """Apply safe fixes until none are left, so a second `--fix` changes nothing: one fix can
    uncover another ("Der  ," needs the doubled space and then the space before the comma
    removed). Each pass is checked afresh, so the report shows what is on disk at the end."""
    fixed = 0
    files: set[str] = set()
    for _pass in range(MAX_FIX_PASSES):
        planned, pass_fixed, pass_files = _apply_fixes(results)
        if planned:
            results, rulesets, fail_on = lint(options)
        fixed, files = fixed + pass_fixed, files | pass_files
        if not pass_fixed:
            break
    if fixed:
        print(f"newslint: fixed {fixed} finding(s) in {len(files)} file(s)", file=sys.stderr)
    return results, rulesets, fail_on


def _apply_fixes(results: Sequence[FileResult]) -> tuple[bool, int, set[str]]:
    """Write one round of safe fixes: (any planned, findings fixed, files written). A file
    that cannot be written, or changed on disk meanwhile, is reported and left alone."""
    fixed = 0
    files: set[str] = set()
    planned = False
    for result in results:
        decoded = result.decoded
        if result.document is None or decoded is None or result.path == "<stdin>":
            continue
        edits = fix.plan(result.diagnostics)
        if not edits:
            continue
        planned = True
        after = fix.apply(result.document.source, edits)
        try:
            fix.write_if_unchanged(
                Path(result.path), decoded.encode(decoded.text), decoded.encode(after)
            )
        except (fix.FileChanged, OSError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            print(f"newslint: error: {result.path}: not fixed: {reason}", file=sys.stderr)
            continue
        fixed += len(edits)
        files.add(result.path)
    return planned, fixed, files


def _only_changed_lines(results: list[FileResult], options: CheckOptions) -> None:
    if options.diff_file:
        if options.diff_file == "-":
            text = sys.stdin.read()
        else:
            text = Path(options.diff_file).read_text(encoding="utf-8", errors="replace")
        lines = changed.parse_unified_diff(text, Path.cwd())
    else:
        assert options.diff_base is not None
        lines = changed.from_git(options.diff_base, Path.cwd())
    for result in results:
        result.diagnostics = changed.keep(Path(result.path), result.diagnostics, lines)


def exit_code(
    results: Sequence[FileResult],
    diagnostics: Sequence[Diagnostic],
    fail_on: Severity,
    exit_zero: bool,
) -> ExitCode:
    if any(r.failed for r in results):
        return ExitCode.ERROR
    if exit_zero:
        return ExitCode.CLEAN
    failing = any(d.severity >= fail_on for d in diagnostics)
    return ExitCode.FINDINGS if failing else ExitCode.CLEAN


def _read(path: Path, display: str) -> FileResult:
    if display == "-":
        return engine.read(path, str(path), stdin=sys.stdin.buffer.read())
    return engine.read(path, display)


def _batch_checks(
    config: Config, options: CheckOptions, stack: ExitStack, warn: _Warnings
) -> list[engine.BatchCheck]:
    checks: list[engine.BatchCheck] = []
    lt = config.get("languagetool", {}) or {}
    if lt.get("enabled", False) and selected(config, "languagetool"):
        try:
            from newslint.checks.languagetool import LanguageToolCheck
        except ImportError:
            return checks
        checks.append(
            stack.enter_context(
                LanguageToolCheck.from_config(
                    config, options.use_cache, sys.stderr, statistics=options.statistics, warn=warn
                )
            )
        )
    return checks


def _findings_cache(
    ruleset: RuleSet, options: CheckOptions, stack: ExitStack, warn: _Warnings
) -> FindingsCache | None:
    if not options.use_cache:
        return None
    from newslint.findings_cache import FindingsCache, default_path

    cache = FindingsCache.for_rules(default_path(), ruleset.checks, warn)
    stack.callback(cache.close)
    return cache


class _Warnings:
    """Each distinct warning once per run: the YAML rules and LanguageTool keep their findings
    in one cache file, and every project's configuration opens it anew."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def __call__(self, message: str) -> None:
        if message not in self._seen:
            self._seen.add(message)
            print(f"newslint: warning: {message}", file=sys.stderr, flush=True)


def _rule_meta(rulesets: Sequence[RuleSet]) -> dict[str, Any]:
    from newslint.formatters.base import RuleMeta

    meta: dict[str, Any] = {}
    for ruleset in rulesets:
        for rule in ruleset.rules.values():
            meta[rule.id] = RuleMeta(
                rule.id, rule.description, rule.severity, rule.category, help=_help(rule)
            )
    return meta


def _help(rule: Rule) -> str:
    lines = [rule.description, "", "Beispiele:"]
    lines += [f"- falsch: {ex.text}" for ex in rule.fail]
    lines += [f"- richtig: {ex.text}" for ex in rule.passes]
    return "\n".join(lines)


def _summary(results: Sequence[FileResult], diagnostics: Sequence[Diagnostic]) -> RunSummary:
    from newslint.formatters.base import RunSummary

    by_rule: dict[str, int] = {}
    for d in diagnostics:
        by_rule[d.rule] = by_rule.get(d.rule, 0) + 1
    return RunSummary(
        files_checked=len(results),
        files_with_errors=sum(r.failed for r in results),
        diagnostics=len(diagnostics),
        by_rule=by_rule,
    )


def _version() -> str:
    from newslint import __version__

    return __version__
