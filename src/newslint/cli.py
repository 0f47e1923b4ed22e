"""Command-line interface: option declarations only; the work happens in `run` and friends."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from newslint.exitcodes import ExitCode
from newslint.packs.yamlsource import SourceError

_SEVERITIES = click.Choice(["info", "warning", "error"], case_sensitive=False)


def _fail(message: str) -> None:
    click.echo(f"newslint: error: {message}", err=True)
    sys.exit(ExitCode.ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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
@click.option("--no-cache", is_flag=True, help="Do not use or fill the LanguageTool result cache.")
@click.option("--stdin-filename", help="Name (and so file type) for text read from '-'.")
@click.option("--statistics", is_flag=True, help="Print counts per rule.")
@click.option("--quiet", "-q", is_flag=True, help="Only the findings, no summary.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--color/--no-color", default=None, help="Colour the text output (default: on a terminal)."
)
def check(
    paths: tuple[str, ...],
    fmt: str,
    language: str | None,
    config_file: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    min_severity: str | None,
    fail_on: str | None,
    languagetool: bool | None,
    no_cache: bool,
    stdin_filename: str | None,
    statistics: bool,
    quiet: bool,
    exit_zero: bool,
    color: bool | None,
) -> None:
    """Check articles: files, directories (recursively) or '-' for standard input."""
    from newslint.formatters import UnknownFormatError
    from newslint.run import CheckOptions
    from newslint.run import check as run_check

    options = CheckOptions(
        paths=paths,
        format=fmt,
        config_file=config_file,
        overrides={
            "language": language,
            "select": select,
            "ignore": ignore,
            "min_severity": min_severity,
            "fail_on": fail_on,
        },
        languagetool=languagetool,
        stdin_filename=stdin_filename,
        statistics=statistics,
        quiet=quiet,
        exit_zero=exit_zero,
        color=color,
        use_cache=not no_cache,
    )
    try:
        code = run_check(options)
    except SourceError as exc:
        _fail(str(exc))
    except UnknownFormatError as exc:
        _fail(str(exc))
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


def _attach_languagetool() -> None:
    try:
        from newslint.languagetool.commands import languagetool
    except ImportError:
        return
    cli.add_command(languagetool)


_attach_languagetool()


def main() -> None:
    cli()
