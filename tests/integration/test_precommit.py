"""pre-commit for real: a content repository whose commit newslint blocks, then lets through.

The hook repository is this checkout at its HEAD commit (pre-commit installs hooks from
commits), installed by the real `pre-commit` into its own environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from tests.conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

BROKEN = "# Titel\n\nDer Gipfel  endete ohne Ergebnis.\n"
FIXED = "# Titel\n\nDer Gipfel endete ohne Ergebnis.\n"


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def test_commit_is_blocked_until_the_article_is_fixed(tmp_path: Path) -> None:
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout.strip()
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(REPO / ".cache" / "pre-commit"),
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    precommit = str(Path(os.sys.executable).parent / "pre-commit")
    content = tmp_path / "content"
    content.mkdir()
    _run(["git", "init", "-q"], content, env)
    (content / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO}\n    rev: {head}\n    hooks:\n      - id: newslint\n",
        encoding="utf-8",
    )
    (content / "artikel.md").write_text(BROKEN, encoding="utf-8")
    assert _run([precommit, "install"], content, env).returncode == 0
    _run(["git", "add", "."], content, env)

    blocked = _run(["git", "commit", "-m", "Artikel"], content, env)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr
    assert "artikel.md:3:11: warning de-news.doubled-space Doppeltes Leerzeichen" in output
    assert _run(["git", "rev-parse", "--verify", "HEAD"], content, env).returncode != 0

    (content / "artikel.md").write_text(FIXED, encoding="utf-8")
    _run(["git", "add", "."], content, env)
    passed = _run(["git", "commit", "-m", "Artikel"], content, env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "newslint (YAML rules)" in passed.stdout + passed.stderr
