"""Command-line interface: option declarations only; the work happens in `run` and friends."""

from __future__ import annotations

import atexit
import importlib
import os
import sys
from pathlib import Path
from typing import Any, ClassVar, NoReturn

import click

from newslint.exitcodes import ExitCode
from newslint.packs.yamlsource import SourceError

_SEVERITIES = click.Choice(["info", "warning", "error"], case_sensitive=False)


def _fail(message: str) -> None:
    click.echo(f"newslint: error: {message}", err=True)
    sys.exit(ExitCode.ERROR)


class _Commands(click.Group):
    """The `languagetool` command group is imported when it is called or listed: its module
    pulls in the server and HTTP code, ~0.1 s that every `newslint check` would pay."""

    LAZY: ClassVar[dict[str, str]] = {"languagetool": "newslint.languagetool.commands"}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *(n for n in self.LAZY if _lazy(n))})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        return super().get_command(ctx, cmd_name) or _lazy(cmd_name)


def _lazy(name: str) -> click.Command | None:
    module = _Commands.LAZY.get(name)
    if module is None:
        return None
    try:
        command: click.Command = getattr(importlib.import_module(module), name)
    except ImportError:  # an install without the LanguageTool layer
        return None
    return command


@click.group(
    cls=_Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(package_name="newslint")
def cli() -> None:
    """newslint — editorial text-quality linter for German news articles."""


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    default="auto",
    show_default=True,
    help="Output format: text, json, github, sarif, gitlab, junit, checkstyle, rdjson, or auto.",
)
@click.option("--language", help="Language variant, e.g. de-DE, de-AT, de-CH, en-US.")
@click.option(
    "--config",
    "config_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Use this configuration file instead of looking for one.",
)
@click.option("--select", multiple=True, help="Only these rule ids or pack prefixes (repeatable).")
@click.option("--ignore", multiple=True, help="Skip these rule ids or pack prefixes (repeatable).")
@click.option("--min-severity", type=_SEVERITIES, help="Report only findings at least this severe.")
@click.option("--fail-on", type=_SEVERITIES, help="Exit 1 only for findings at least this severe.")
@click.option(
    "--languagetool/--no-languagetool",
    "languagetool",
    default=None,
    help="Run LanguageTool (spelling and grammar) or only the YAML rules.",
)
@click.option(
    "--keep-alive",
    is_flag=True,
    help="Leave LanguageTool running for later runs (it stops itself when idle).",
)
@click.option("--no-cache", is_flag=True, help="Do not use or fill the LanguageTool result cache.")
@click.option("--stdin-filename", help="Name (and so file type) for text read from '-'.")
@click.option(
    "--statistics",
    is_flag=True,
    help="Print counts per rule, and LanguageTool's requests and cache hits on stderr.",
)
@click.option("--quiet", "-q", is_flag=True, help="Only the findings, no summary.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--color/--no-color", default=None, help="Colour the text output (default: on a terminal)."
)
@click.option("--fix", is_flag=True, help="Apply safe fixes (whitespace, punctuation spacing).")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a unified diff; change nothing.")
@click.option(
    "--diff-base", metavar="REV", help="Report only lines changed since git revision REV."
)
@click.option(
    "--diff-file",
    metavar="FILE",
    help="Report only lines changed in this unified diff ('-': stdin).",
)
def check(paths: tuple[str, ...], **opts: Any) -> None:
    """Check articles: files, directories (recursively) or '-' for standard input."""
    from newslint.changed import DiffError
    from newslint.formatters import UnknownFormatError
    from newslint.run import CheckOptions
    from newslint.run import check as run_check

    options = CheckOptions(
        paths=paths,
        format=opts["fmt"],
        config_file=opts["config_file"],
        overrides={
            key: opts[key] for key in ("language", "select", "ignore", "min_severity", "fail_on")
        },
        languagetool=opts["languagetool"],
        keep_alive=opts["keep_alive"],
        stdin_filename=opts["stdin_filename"],
        statistics=opts["statistics"],
        quiet=opts["quiet"],
        exit_zero=opts["exit_zero"],
        color=opts["color"],
        use_cache=not opts["no_cache"],
        fix=opts["fix"],
        diff=opts["diff"],
        diff_base=opts["diff_base"],
        diff_file=opts["diff_file"],
    )
    try:
        code = run_check(options)
    except SourceError as exc:
        _fail(str(exc))
    except UnknownFormatError as exc:
        _fail(str(exc))
    except DiffError as exc:
        _fail(f"changed lines: {exc}")
    sys.exit(code)


@cli.command()
@click.argument("rule_id", required=False)
@click.option("--schema", is_flag=True, help="Print the JSON Schema of rule files.")
@click.option(
    "--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def rules(rule_id: str | None, schema: bool, config_file: Path | None) -> None:
    """List the rules, or explain one (with its examples)."""
    from newslint import explain

    try:
        text = explain.schema() if schema else explain.rules(rule_id, config_file)
    except SourceError as exc:
        _fail(str(exc))
    except LookupError as exc:
        _fail(str(exc.args[0]))
    click.echo(text)


@cli.command()
@click.argument("path", required=False, default=".")
@click.option(
    "--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
def config(path: str, config_file: Path | None) -> None:
    """Print the configuration that applies to PATH and where each value came from."""
    from newslint import explain

    try:
        click.echo(explain.config(Path(path), config_file))
    except SourceError as exc:
        _fail(str(exc))


def main() -> None:
    """The console script: run the command, then leave without the interpreter's teardown.

    Freeing HanTa's model and the rule packs object by object at exit took ~0.1 s of every
    single-article run (a tenth of a pre-commit hook's wall time). Output is flushed and
    the `atexit` handlers run first (they stop a private LanguageTool server), so nothing
    is lost; tests call `cli` and keep the ordinary exit.
    """
    try:
        cli()
        status: object = 0
    except SystemExit as exc:
        status = exc.code
    _exit_now(status)


def _exit_now(status: object) -> NoReturn:
    if status is None:
        status = 0
    elif not isinstance(status, int):  # sys.exit("message"): printed, exit code 1
        print(status, file=sys.stderr)
        status = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # the reader is gone ("| head") or stdout closed
        pass
    atexit._run_exitfuncs()
    os._exit(status)
