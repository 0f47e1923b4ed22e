"""What the `newslint languagetool` commands do, kept out of the click callbacks."""

from __future__ import annotations

import time
from collections.abc import Callable

from . import cache, daemon
from .client import warm_up
from .install import ensure_installed, find_installation, pinned_version
from .model import LTSettings
from .paths import Home

Progress = Callable[[str], None]


def status_lines(home: Home) -> list[str]:
    version = pinned_version()
    installation = find_installation(home, version)
    lines = [
        f"LanguageTool {version}: "
        + (
            f"installed ({installation.source}) in {installation.path}"
            if installation
            else "not installed (run `newslint languagetool install`)"
        )
    ]
    state = daemon.read_state(home.state_dir)
    if state is not None and daemon.find(home, state.version, touch_it=False) is not None:
        idle = time.time() - (home.state_dir / daemon.LAST_USED).stat().st_mtime
        lines.append(
            f"shared server: running at {state.url} (pid {state.pid}, LanguageTool "
            f"{state.version}), idle {idle / 60:.0f} of {state.idle_seconds / 60:g} min"
        )
    else:
        lines.append("shared server: not running")
    entries, size = cache.stats(home.results_db)
    lines.append(f"result cache: {entries} paragraphs, {size / 1e6:.1f} MB in {home.results_db}")
    return lines


def start_shared(
    home: Home, idle_minutes: float, settings: LTSettings, progress: Progress
) -> daemon.DaemonState:
    """Start (or find) the shared server and warm it up for `settings`."""
    installation = ensure_installed(home, progress)
    state = daemon.find(home, installation.version)
    if state is None:
        state = daemon.start(home, installation, idle_minutes * 60, progress)
        progress("LanguageTool: loading rules…")
        warm_up(state.url, settings)
    return state


def clear_cache(home: Home) -> tuple[int, int]:
    """(paragraphs, documents) removed: LanguageTool's results and the findings per document,
    which hold LanguageTool's filtered findings too, so that a cleared cache means a fresh
    check."""
    return cache.clear(home.results_db), cache.clear(home.findings_db, "findings")
