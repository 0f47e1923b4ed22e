"""The registry: names, lazy imports, and what "auto" resolves to."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newslint.formatters import (
    AUTO,
    Formatter,
    UnknownFormatError,
    available_formats,
    get_formatter,
    resolve_format,
)


def test_available_formats() -> None:
    assert available_formats() == [
        "checkstyle", "github", "gitlab", "json", "junit", "rdjson", "sarif", "text",
    ]  # fmt: skip
    assert AUTO not in available_formats()


@pytest.mark.parametrize("name", available_formats())
def test_get_formatter_returns_the_named_class(name: str) -> None:
    cls = get_formatter(name)
    assert issubclass(cls, Formatter)
    assert cls.name == name


def test_unknown_format_names_the_valid_ones() -> None:
    with pytest.raises(UnknownFormatError, match="auto, checkstyle, github"):
        get_formatter("xml")
    assert issubclass(UnknownFormatError, ValueError)
    assert issubclass(UnknownFormatError, KeyError)
    with pytest.raises(KeyError) as caught:
        get_formatter("xml")
    assert str(caught.value).startswith("unknown format 'xml' (choose from auto, ")


@pytest.mark.parametrize(
    ("name", "environ", "expected"),
    [
        ("auto", {"GITHUB_ACTIONS": "true"}, "github"),
        ("auto", {}, "text"),
        ("auto", {"GITHUB_ACTIONS": "false"}, "text"),
        ("auto", {"GITLAB_CI": "true"}, "text"),
        ("json", {"GITHUB_ACTIONS": "true"}, "json"),
    ],
)
def test_resolve_format(name: str, environ: dict[str, str], expected: str) -> None:
    assert resolve_format(name, environ) == expected


def test_format_modules_are_imported_lazily() -> None:
    """Start-up time: importing the registry must not import any format or its libraries."""
    code = (
        "import sys, newslint.formatters as f\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('newslint.formatters.'))\n"
        "print(loaded, 'xml.etree' in sys.modules, 'hashlib' in sys.modules)\n"
        "f.get_formatter('sarif')\n"
        "print('newslint.formatters.sarif' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out == ["['newslint.formatters.base'] False False", "True"]
