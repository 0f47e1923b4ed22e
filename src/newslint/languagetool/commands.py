"""`newslint languagetool ...`: install, inspect and run the local LanguageTool server.

The lead attaches this with `cli.add_command(languagetool)`. Exit codes: 0 ok, 2 when
LanguageTool is unavailable or the usage is wrong (click's own usage errors are 2 as well).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TypeVar

import click

from . import admin, daemon
from .errors import LanguageToolUnavailable
from .install import ensure_installed, find_installation, pinned_version
from .model import LTSettings
from .paths import Home

EXIT_OK, EXIT_UNAVAILABLE = 0, 2
T = TypeVar("T")


def _progress(message: str) -> None:
    click.echo(message, err=True)


def _run(action: Callable[[], T]) -> T:
    try:
        return action()
    except LanguageToolUnavailable as exc:
        click.echo(f"newslint: error: {exc}", err=True)
        sys.exit(EXIT_UNAVAILABLE)


@click.group("languagetool")
def languagetool() -> None:
    """Install and manage the local LanguageTool server."""


@languagetool.command()
def install() -> None:
    """Install LanguageTool into the user cache (a no-op when it is there)."""
    from newslint.frequency import prepare

    installation = _run(lambda: ensure_installed(Home.default(), _progress))
    click.echo(f"LanguageTool {installation.version} in {installation.path}")
    table = prepare("de")  # for the spelling filter (newslint.spelling)
    click.echo(f"word frequencies in {table}" if table else "word frequencies: not available")


@languagetool.command()
def status() -> None:
    """Show the install, the shared server and the result cache."""
    for line in admin.status_lines(Home.default()):
        click.echo(line)


@languagetool.command()
@click.option(
    "--idle-minutes",
    type=click.FloatRange(min=1),
    default=30.0,
    show_default=True,
    help="Stop the server after this long without requests.",
)
@click.option("--language", default="de-DE", show_default=True, help="Language to warm up.")
def start(idle_minutes: float, language: str) -> None:
    """Start the shared server that later runs reuse (e.g. for a pre-commit hook)."""
    state = _run(
        lambda: admin.start_shared(
            Home.default(), idle_minutes, LTSettings(language=language), _progress
        )
    )
    click.echo(f"LanguageTool {state.version} running at {state.url} (pid {state.pid})")


@languagetool.command()
def stop() -> None:
    """Stop the shared server."""
    click.echo("stopped" if daemon.stop(Home.default()) else "not running")


@languagetool.command()
def path() -> None:
    """Print the install directory (exit 2 if LanguageTool is not installed)."""
    home = Home.default()
    installation = find_installation(home, pinned_version())
    if installation is None:
        click.echo(
            "newslint: error: LanguageTool is not installed (run `newslint languagetool install`)",
            err=True,
        )
        sys.exit(EXIT_UNAVAILABLE)
    click.echo(str(installation.path))


@languagetool.group()
def cache() -> None:
    """The per-paragraph result cache."""


@cache.command("clear")
def cache_clear() -> None:
    """Delete all cached LanguageTool results (and the findings per document)."""
    paragraphs, documents = admin.clear_cache(Home.default())
    click.echo(f"removed {paragraphs} cached results and {documents} cached documents")
