"""[tool.factcheck] in pyproject.toml or factcheck.toml: found next to the corpus or at the repository root."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from seed_copies import D002, ROOT, add_shipped_baseline, copy_with_57th, run_cli

SUMMARY_57TH = "5 documents, 33 claims: 1 contradictions, 1 discrepancies, 2 successions, 3 agreements"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A git repository holding news/ (the seeds with a new SCM contradiction) and the shipped baseline."""
    (tmp_path / ".git").mkdir()
    copy_with_57th(tmp_path / "news")
    add_shipped_baseline(tmp_path)
    return tmp_path


def test_pyproject_at_the_repository_root_configures_a_run_without_arguments(project):
    (project / "pyproject.toml").write_text(
        '[project]\nname = "news"\n\n[tool.factcheck]\npaths = ["news"]\nbaseline = "reports/baseline.json"\nformat = "github"\n')
    done = run_cli("check", cwd=project)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(f"::error file=news/{D002},line=29,")
    assert done.stdout.splitlines()[-1] == SUMMARY_57TH + "; baseline: 1 new, 1 known, 0 resolved"


def test_config_paths_are_relative_to_the_config_file(project, tmp_path_factory):
    (project / "factcheck.toml").write_text('paths = ["news"]\nbaseline = "reports/baseline.json"\n')
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    done = run_cli("check", str(project / "news"), cwd=elsewhere)
    assert done.stdout.splitlines()[-1] == SUMMARY_57TH + "; baseline: 1 new, 1 known, 0 resolved"


def test_factcheck_toml_at_the_corpus_root_wins_over_the_repository_root(project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "never"\n')
    (project / "news" / "factcheck.toml").write_text('[tool.factcheck]\nbaseline = "../reports/baseline.json"\n')
    done = run_cli("check", "news", cwd=project)
    assert done.returncode == 1  # fail-on = never in pyproject.toml is not read: the corpus root's file wins
    assert done.stdout.splitlines()[-1] == SUMMARY_57TH + "; baseline: 1 new, 1 known, 0 resolved"


def test_pyproject_without_a_factcheck_table_is_skipped(project):
    (project / "news" / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (project / "pyproject.toml").write_text('[tool.factcheck]\nfail-on = "never"\n')
    assert run_cli("check", "news", cwd=project).returncode == 0


@pytest.mark.parametrize(("flags", "code", "first_line", "baseline_counts"), [
    ((), 0, "# factcheck report", "1 new, 1 known, 0 resolved"),
    (("--fail-on", "contradiction"), 1, "# factcheck report", "1 new, 1 known, 0 resolved"),
    (("--baseline", "reports/other.json", "--fail-on", "discrepancy"), 1, "# factcheck report", "2 new, 0 known, 0 resolved"),
    (("--format", "table"), 0, "baseline    verdict        rule    subject", "1 new, 1 known, 0 resolved"),
])
def test_flags_override_the_configuration(project, flags, code, first_line, baseline_counts):
    (project / "reports" / "other.json").write_text('{"version": 1, "include": ["contradiction"], "entries": []}\n')
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\npaths = ["news"]\nbaseline = "reports/baseline.json"\nfail-on = "never"\nformat = "markdown"\n')
    done = run_cli("check", *flags, cwd=project)
    assert done.returncode == code
    assert done.stdout.splitlines()[0].startswith(first_line)
    assert f"{SUMMARY_57TH}; baseline: {baseline_counts}" in done.stdout.splitlines()


def test_configured_format_is_used(project):
    (project / "pyproject.toml").write_text('[tool.factcheck]\npaths = ["news"]\nformat = "markdown"\n')
    assert run_cli("check", cwd=project).stdout.startswith("# factcheck report\n")


def test_rules_and_manifest_keys(project):
    rules = project / "my-rules"
    shutil.copytree(ROOT / "rules", rules)
    (rules / "rules.toml").write_text((rules / "rules.toml").read_text().replace('[rules.FC102]', '[rules.FC102]\n# local copy'))
    (project / "dates.toml").write_text((project / "news" / "corpus.toml").read_text())
    (project / "news" / "corpus.toml").unlink()
    (project / "pyproject.toml").write_text(
        '[tool.factcheck]\npaths = ["news"]\nrules = "my-rules"\nmanifest = "dates.toml"\nformat = "json"\n')
    report = json.loads(run_cli("check", cwd=project).stdout)
    assert {d["date_source"] for d in report["documents"]} == {"manifest"}
    assert report["summary"]["contradictions"] == 1


def test_baseline_command_writes_to_the_configured_baseline(project):
    (project / "reports" / "baseline.json").unlink()
    (project / "pyproject.toml").write_text('[tool.factcheck]\npaths = ["news"]\nbaseline = "reports/known.json"\n')
    done = run_cli("baseline", cwd=project)
    assert (done.returncode, done.stdout) == (0, f"{project / 'reports' / 'known.json'}: 1 entry (1 added, 0 kept, 0 dropped)\n")
    assert run_cli("check", cwd=project).returncode == 0


@pytest.mark.parametrize(("config", "message"), [
    ('[tool.factcheck]\npaths = ["news"]\nformt = "json"\nbaselin = "b.json"\n',
     "pyproject.toml:4: unknown configuration key(s) baselin, formt; expected baseline, fail-on, format, manifest, paths, rules"),
    ('[tool.factcheck]\nfail-on = "sometimes"\n',
     "pyproject.toml:2: fail-on = 'sometimes'; expected one of contradiction, discrepancy, never"),
    ('[tool.factcheck]\nformat = "xml"\n',
     "pyproject.toml:2: format = 'xml'; expected one of table, markdown, json, sarif, github, html"),
    ('[tool.factcheck]\npaths = "news"\n', "pyproject.toml:2: paths must be a non-empty list of strings"),
    ('[tool.factcheck]\nbaseline = 3\n', "pyproject.toml:2: baseline must be a non-empty string, not 3"),
    ('[tool.factcheck\n', "pyproject.toml: malformed TOML: Expected ']' at the end of a table declaration (at line 1, column 16)"),
])
def test_bad_configuration_exits_2_naming_the_file(project, config, message):
    (project / "pyproject.toml").write_text(config)
    done = run_cli("check", "news", cwd=project)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"factcheck: error: {project / message}\n"


def test_no_corpus_anywhere_is_an_error(tmp_path):
    done = run_cli("check", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (2, "factcheck: error: no corpus given: pass CORPUS or set `paths` in [tool.factcheck]\n")


def test_a_directory_outside_any_repository_only_reads_its_own_files(tmp_path):
    corpus = tmp_path / "a" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "x.txt").write_text("Nothing.\n")
    (tmp_path / "a" / "pyproject.toml").write_text('[tool.factcheck]\nformat = "json"\n')  # not a repository root
    assert run_cli("check", str(corpus)).stdout.splitlines()[-1] == (
        "1 documents, 0 claims: 0 contradictions, 0 discrepancies, 0 successions, 0 agreements")
