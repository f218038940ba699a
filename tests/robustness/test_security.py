"""Rule and corpus files are data, the checker opens no connection, and a file name is only ever text."""

from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest

from checker.engine import check
from checker.report import FORMATS
from robust_helpers import ROOT, assert_one_line_error, invoke

SEEDS = ROOT / "seeds"
PACKAGE = ROOT / "checker"
# Ways a data file could become code: evaluated, unpickled or imported by a name it supplies.
FORBIDDEN = re.compile(r"\beval\(|\bexec\(|\bpickle\b|importlib\.import_module|\bimport_module\(|__import__")


def test_the_package_never_evaluates_unpickles_or_imports_by_name():
    sources = sorted(PACKAGE.rglob("*.py"))
    assert len(sources) > 10
    offending = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert offending == []


def test_code_in_a_rule_file_is_an_unknown_value_not_run(rules_copy, tmp_path):
    marker = tmp_path / "pwned"
    path = rules_copy / "rules.toml"
    text = path.read_text(encoding="utf-8").replace(
        'comparison = "series_cadence"', f"comparison = \"__import__('os').system('touch {marker}')\"")
    path.write_text(text, encoding="utf-8")
    run = invoke("check", str(SEEDS), "--rules", str(rules_copy))
    assert_one_line_error(run, re.escape(f"{path}:") + r"\d+: rule FC102: comparison: unknown comparison .*")
    assert not marker.exists()


def test_code_in_a_manifest_is_a_value_that_is_not_a_date(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "corpus.toml").write_text(
        f'[files."a.txt"]\npublished = "__import__(\'os\').system(\'touch {marker}\')"\n', encoding="utf-8")
    assert invoke("check", str(tmp_path)).code == 2
    assert not marker.exists()


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket or resolve a name fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse)
    return attempts


def test_a_check_opens_no_network_connection(no_network, tmp_path):
    # Relative phrases such as "two weeks ago" go to dateparser: it must not reach out either.
    (tmp_path / "a.txt").write_text("Seoul, July 17, 2024 - Two weeks ago the 54th SCM was held.\n", encoding="utf-8")
    for paths in ([SEEDS], [tmp_path]):
        result = check(paths)
        for render in FORMATS.values():
            render(result)
    run = invoke("check", str(SEEDS), "--format", "html")
    assert run.code == 0 and run.stdout.startswith("<!DOCTYPE html>")
    assert no_network == []


def test_the_html_report_loads_nothing_from_the_network():
    html = FORMATS["html"](check([SEEDS]))
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html, re.I)
    assert "@import" not in html


# --- file names are text ------------------------------------------------------------------------

HOSTILE_ID = "<script>x</script>.txt"  # a directory "<script>x<" holding "script>.txt"
MARKDOWN_ID = "a/b|`c`[x](y)*z*.txt"
SKIPPED_NAMES = ["<img src=x onerror=alert(1)>.txt", "new\nline\x1b[31m.txt"]


@pytest.fixture
def hostile_corpus(tmp_path) -> Path:
    root = tmp_path / "corpus"
    (root / "<script>x<").mkdir(parents=True)
    (root / HOSTILE_ID).write_text("Seoul, July 17, 2024 - Yesterday the 54th Security Consultative Meeting was held.\n",
                                   encoding="utf-8")
    (root / "a").mkdir()
    (root / MARKDOWN_ID).write_text("Seoul, Sept. 25, 2024 - The 56th SCM will be held later this year.\n", encoding="utf-8")
    for name in SKIPPED_NAMES:
        (root / name).write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    # A link inside the corpus to a file outside it is named by the link, not by where it points.
    (tmp_path / "outside.txt").write_text("Outside.", encoding="utf-8")
    (root / "escape.txt").symlink_to(Path("..") / "outside.txt")
    return root


def rendered(paths: list[Path]) -> dict[str, str]:
    result = check(paths)
    return {name: render(result) for name, render in FORMATS.items()}


def test_report_paths_are_relative_in_every_format(hostile_corpus):
    # Given as "corpus/a/..": the ids are the same as for "corpus", with no ".." and no absolute path.
    for paths in ([hostile_corpus], [hostile_corpus / "a" / ".."]):
        reports = rendered(paths)
        document_ids = [d["id"] for d in json.loads(reports["json"])["documents"]]
        assert document_ids == [HOSTILE_ID, MARKDOWN_ID, "escape.txt"]
        for name, report in reports.items():
            assert str(hostile_corpus.parent) not in report, name
            assert "/.." not in report and "../" not in report, name


def test_json_and_sarif_carry_names_exactly_as_data(hostile_corpus):
    reports = rendered([hostile_corpus])
    report = json.loads(reports["json"])
    assert sorted(s["path"] for s in report["skipped"]) == sorted(SKIPPED_NAMES)
    sarif = json.loads(reports["sarif"])
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for run in sarif["runs"] for r in run["results"] for loc in r["locations"]}
    assert uris and all(not uri.startswith("/") and ".." not in uri.split("/") for uri in uris)


def test_markdown_shows_names_as_text(hostile_corpus):
    markdown = rendered([hostile_corpus])["markdown"]
    assert "<script" not in markdown and "<img" not in markdown
    assert "&lt;script&gt;x&lt;/script&gt;.txt:1:38" in markdown
    assert r"a/b\|\`c\`\[x\](y)\*z\*.txt:1:29" in markdown  # no code span, no link, no emphasis
    assert r"- new\\nline\\x1b\[31m.txt: binary file (PNG image)" in markdown
    assert "\x1b" not in markdown


def test_the_table_and_the_terminal_get_one_line_per_name(hostile_corpus):
    table = rendered([hostile_corpus])["table"]
    assert "\x1b" not in table
    assert "skipped new\\nline\\x1b[31m.txt: binary file (PNG image)" in table.splitlines()
    run = invoke("check", str(hostile_corpus))
    assert run.stderr.splitlines() == [
        "factcheck: warning: skipped <img src=x onerror=alert(1)>.txt: binary file (PNG image)",
        "factcheck: warning: skipped new\\nline\\x1b[31m.txt: binary file (PNG image)",
    ]


def test_github_annotations_cannot_be_split_by_a_name(hostile_corpus):
    lines = rendered([hostile_corpus])["github"].splitlines()
    assert all(line.startswith("::") for line in lines[:-1]) and lines[-1].startswith("3 documents, 2 claims")


def test_html_escapes_names(hostile_corpus):
    html = rendered([hostile_corpus])["html"]
    assert "<script>x</script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;x&lt;/script&gt;.txt" in html
