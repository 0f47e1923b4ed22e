"""Broken configuration and rule files, and files a config must not reach, through the CLI.

Each is one line on stderr, `newslint: error: <file>:<line>: key '<key>': <message>`, exit
code 2, and no traceback. Rule-file keys, types and regexes are also covered per rule kind in
tests/cli/test_cli.py; here every case of issue #7 is in one table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newslint.cli import cli

CLEAN = "Titel\n\nDer Text hat keinen Fehler.\n"
RULE = (
    "kind: pattern\ndescription: d\nmessage: m\ncategory: style\npattern: 'qx'\n"
    "examples:\n  fail: [{text: qx, match: qx}]\n  pass: [y]\n"
)
EVIL = "!!python/object/apply:os.system ['touch {marker}']"


def _project(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.replace("{marker}", str(root / "pwned")), encoding="utf-8")
    article = root / "proj" / "a.txt"
    article.parent.mkdir(parents=True, exist_ok=True)
    article.write_text(CLEAN, encoding="utf-8")
    return article


def _run(article: Path, *extra: str) -> tuple[int, list[str]]:
    result = CliRunner().invoke(cli, ["check", "--no-languagetool", *extra, str(article)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr.strip().splitlines()


CASES = {
    "invalid YAML": (
        {"proj/newslint.yaml": "language: de-DE\npacks: [de-news\n"},
        "proj/newslint.yaml:3: invalid YAML: ",  # the parser's wording differs (libyaml or not)
    ),
    "unknown key": (
        {"proj/newslint.yaml": "language: de-DE\nlanguge: de-AT\n"},
        "proj/newslint.yaml:2: key 'languge': unknown key (allowed: ",
    ),
    "wrong type": (
        {"proj/newslint.yaml": "language: de-DE\npacks: de-news\n"},
        "proj/newslint.yaml:2: key 'packs': wrong type str",
    ),
    "extends cycle": (
        {
            "proj/newslint.yaml": "extends: ./a.yaml\n",
            "proj/a.yaml": "language: de-DE\nextends: ./b.yaml\n",
            "proj/b.yaml": "extends: [default, ./a.yaml]\n",
        },
        "proj/b.yaml:1: key 'extends': extends cycle: ",
    ),
    "missing preset": (
        {"proj/newslint.yaml": "language: de-DE\nextends: nosuch\n"},
        "proj/newslint.yaml:2: key 'extends': no preset named 'nosuch' "
        "(available: de-at, default, strict)",
    ),
    "missing extends file": (
        {"proj/newslint.yaml": "extends:\n  - default\n  - ./gone.yaml\n"},
        "proj/newslint.yaml:3: key 'extends': file not found: ./gone.yaml",
    ),
    "python tag in config": (
        {"proj/newslint.yaml": "language: de-DE\nfail_on: " + EVIL + "\n"},
        "proj/newslint.yaml:2: invalid YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    "rule file: invalid YAML": (
        {"proj/newslint.yaml": "packs: [./house]\n", "proj/house/r.yaml": "kind: [pattern\n"},
        "proj/house/r.yaml:2: invalid YAML: ",
    ),
    "rule file: unknown key": (
        {
            "proj/newslint.yaml": "packs: [./house]\n",
            "proj/house/r.yaml": RULE.replace("pattern: 'qx'", "patern: 'x'"),
        },
        "proj/house/r.yaml:5: key 'patern': unknown key (allowed: ",
    ),
    "rule file: wrong type": (
        {
            "proj/newslint.yaml": "packs: [./house]\n",
            "proj/house/r.yaml": RULE.replace("pattern: 'qx'", "pattern: ['qx']"),
        },
        "proj/house/r.yaml:5: key 'pattern': ",
    ),
    "rule file: regex does not compile": (
        {
            "proj/newslint.yaml": "packs: [./house]\n",
            "proj/house/r.yaml": RULE.replace("pattern: 'qx'", "pattern: '(qx'"),
        },
        "proj/house/r.yaml:5: key 'pattern': regular expression does not compile",
    ),
    "rule file: trigger does not compile": (
        {
            "proj/newslint.yaml": "packs: [./house]\n",
            "proj/house/r.yaml": RULE.replace("pattern: 'qx'", "pattern: 'qx'\ntrigger: '[q'"),
        },
        "proj/house/r.yaml:6: key 'trigger': regular expression does not compile",
    ),
    "rule file: trigger misses a fail example": (
        {
            "proj/newslint.yaml": "packs: [./house]\n",
            "proj/house/r.yaml": RULE.replace("pattern: 'qx'", "pattern: 'qx'\ntrigger: 'xq'"),
        },
        "proj/house/r.yaml:6: key 'trigger': not found in fail example 1 ('qx'); the rule "
        "would skip that paragraph",
    ),
    "rule file: python tag": (
        {
            "proj/newslint.yaml": "packs: [./house]\n",
            "proj/house/r.yaml": RULE.replace("message: m", "message: " + EVIL),
        },
        "proj/house/r.yaml:3: invalid YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
    ),
    "extends escapes the project": (
        {"proj/newslint.yaml": "language: de-DE\nextends: ../base.yaml\n", "base.yaml": ""},
        "proj/newslint.yaml:2: key 'extends': '../base.yaml' is outside the project",
    ),
    "pack folder escapes the project": (
        {"proj/newslint.yaml": "packs:\n  - de-news\n  - ../house\n", "house/r.yaml": RULE},
        "proj/newslint.yaml:3: key 'packs': '../house' is outside the project",
    ),
    "absolute pack path": (
        {"proj/newslint.yaml": "packs: [/etc]\n"},
        "proj/newslint.yaml:1: key 'packs': '/etc' is outside the project",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_one_line_with_file_line_and_key_and_exit_2(tmp_path: Path, case: str) -> None:
    files, expected = CASES[case]
    code, stderr = _run(_project(tmp_path, files))
    assert code == 2
    assert len(stderr) == 1, stderr
    prefix = f"newslint: error: {tmp_path}/"
    assert stderr[0].startswith(prefix), stderr[0]
    assert stderr[0][len(prefix) :].startswith(expected), stderr[0]
    assert not (tmp_path / "pwned").exists()  # no code ran from a YAML tag


def test_vocabulary_file_outside_the_project_is_refused_before_any_server(tmp_path: Path) -> None:
    (tmp_path / "secrets.txt").write_text("geheim\n", encoding="utf-8")
    article = _project(
        tmp_path, {"proj/newslint.yaml": "vocabulary:\n  accept_files: [../secrets.txt]\n"}
    )
    result = CliRunner().invoke(cli, ["check", "--languagetool", str(article)])
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        f"newslint: error: {tmp_path}/proj/newslint.yaml:2: key 'vocabulary.accept_files': "
        f"'../secrets.txt' is outside the project ({tmp_path / 'proj'}); "
        "set allow_outside_paths: true to allow it"
    )


def test_symlink_out_of_the_project_is_outside(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "r.yaml").write_text(RULE, encoding="utf-8")
    article = _project(tmp_path, {"proj/newslint.yaml": "packs: [./house]\n"})
    (tmp_path / "proj" / "house").symlink_to(tmp_path / "elsewhere")
    code, stderr = _run(article)
    assert code == 2
    assert "key 'packs': './house' is outside the project" in stderr[0]


def test_allow_outside_paths_lifts_the_fence(tmp_path: Path) -> None:
    article = _project(
        tmp_path,
        {
            "proj/newslint.yaml": "allow_outside_paths: true\nextends: ../base.yaml\n"
            "packs: [de-news, ../house]\n",
            "base.yaml": "fail_on: warning\n",
            "house/r.yaml": RULE,
        },
    )
    assert _run(article) == (0, [])


def test_inside_the_git_work_tree_is_inside(tmp_path: Path) -> None:
    """A newsroom's sub-folder config may share files with the rest of its repository."""
    (tmp_path / ".git").mkdir()
    article = _project(
        tmp_path,
        {
            "proj/newslint.yaml": "extends: ../base.yaml\npacks: [de-news, ../house]\n",
            "base.yaml": "extends: default\nfail_on: warning\n",
            "house/r.yaml": RULE,
        },
    )
    assert _run(article) == (0, [])


def test_presets_and_shipped_packs_by_name_are_always_allowed(tmp_path: Path) -> None:
    article = _project(tmp_path, {"proj/newslint.yaml": "extends: strict\npacks: [de-news]\n"})
    assert _run(article) == (0, [])
