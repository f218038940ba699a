"""No error path leaves a partial file: a failing run neither creates, truncates nor half-writes its output."""

from __future__ import annotations

import os
import re

import pytest

from checker.output import write_atomic
from robust_helpers import ROOT, assert_one_line_error, invoke

SEEDS = ROOT / "seeds"
FORMATS = ["table", "markdown", "json", "sarif", "github", "html"]


def snapshot(directory):
    """Every file under `directory` with its bytes and modification time."""
    return {p.relative_to(directory).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("format", FORMATS)
def test_a_failing_run_leaves_an_existing_report_untouched(tmp_path, rules_copy, format):
    out = tmp_path / "out"
    out.mkdir()
    report = out / "report"
    report.write_text("the previous report\n", encoding="utf-8")
    before = snapshot(out)
    (rules_copy / "rules.toml").write_text("[rules.FC101\n", encoding="utf-8")
    run = invoke("check", str(SEEDS), "--rules", str(rules_copy), "--format", format, "--output", str(report))
    assert run.code == 2
    assert snapshot(out) == before  # same bytes, same mtime, and no temporary file left beside it


@pytest.mark.parametrize("breakage", ["missing corpus", "bad manifest", "bad rules"])
def test_a_failing_run_creates_no_output_and_no_directory(tmp_path, rules_copy, breakage):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("text", encoding="utf-8")
    args = ["check", str(corpus)]
    if breakage == "missing corpus":
        args = ["check", str(tmp_path / "missing")]
    elif breakage == "bad manifest":
        (corpus / "corpus.toml").write_text('[files."a.txt"]\npublished = "soon"\n', encoding="utf-8")
    else:
        (rules_copy / "rules.toml").write_text("rules = 1\n", encoding="utf-8")
        args += ["--rules", str(rules_copy)]
    target = tmp_path / "reports" / "new" / "report.json"
    run = invoke(*args, "--format", "json", "--output", str(target))
    assert run.code == 2
    assert not (tmp_path / "reports").exists()


def test_an_output_path_that_is_a_directory_exits_2_and_leaves_nothing(tmp_path):
    target = tmp_path / "report.json"
    target.mkdir()
    run = invoke("check", str(SEEDS), "--format", "json", "--output", str(target))
    assert_one_line_error(run, re.escape(f"{target}: ") + "Is a directory")
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"] and not any(target.iterdir())


def test_a_successful_run_replaces_the_report_whole(tmp_path):
    target = tmp_path / "report.json"
    target.write_text("x" * 10_000_000, encoding="utf-8")  # longer than the new report
    run = invoke("check", str(SEEDS), "--format", "json", "--output", str(target))
    assert run.code == 0
    assert target.read_text(encoding="utf-8").endswith("}\n") and "x" * 100 not in target.read_text(encoding="utf-8")


def test_a_write_that_fails_midway_keeps_the_old_file_and_removes_the_temporary_one(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old\n", encoding="utf-8")

    def fail_to_rename(source, destination):
        raise OSError(28, "No space left on device", str(destination))

    monkeypatch.setattr(os, "replace", fail_to_rename)
    with pytest.raises(OSError):
        write_atomic(target, "new\n" * 1000)
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
    assert target.read_text(encoding="utf-8") == "old\n"


def test_an_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "report.md"
    target.write_text("old\n", encoding="utf-8")

    def interrupt(source, destination):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, "new\n")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]
    assert target.read_text(encoding="utf-8") == "old\n"


def test_a_failing_baseline_update_leaves_the_baseline_untouched(tmp_path, rules_copy):
    baseline = tmp_path / "baseline.json"
    assert invoke("baseline", str(SEEDS), "--output", str(baseline)).code == 0
    before = (baseline.read_bytes(), baseline.stat().st_mtime_ns)
    (rules_copy / "rules.toml").write_text("[rules.FC101\n", encoding="utf-8")
    run = invoke("baseline", str(SEEDS), "--update", "--output", str(baseline), "--rules", str(rules_copy))
    assert run.code == 2
    assert (baseline.read_bytes(), baseline.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["baseline.json", "rules"]
