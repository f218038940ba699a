"""The gates the README documents, run as written: the GitHub Actions job, the pre-commit hook, `make check`."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from seed_copies import D001, D002, SEEDS, add_shipped_baseline, copy_with_57th

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
NEW_SCM = ("factcheck: new contradiction not in the baseline: FC102 series:scm [61c0564915907eb4] "
           "scm (annual): 54th in 2022-11-03 cannot be squared with 57th in 2024\n")
FACTCHECK = [sys.executable, "-m", "checker.cli"]


def yaml_blocks() -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", README, re.S)


def readme_job_commands() -> list[list[str]]:
    """The `run: factcheck ...` steps of the README's GitHub Actions job, as argument lists."""
    [job] = [block for block in yaml_blocks() if "jobs:" in block]
    return [shlex.split(line) for line in re.findall(r"^\s*(?:- )?run: (factcheck .*)$", job, re.M)]


def hook() -> dict[str, str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    return dict(re.findall(r"^\s*-?\s*(\w+): (.*)$", text, re.M))


def readme_hook_args() -> list[str]:
    [config] = [block for block in yaml_blocks() if "id: factcheck" in block]
    return [a.strip() for a in re.search(r"args: \[(.*)\]", config).group(1).split(",")]


def run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    assert argv[0] == "factcheck"
    return subprocess.run(FACTCHECK + argv[1:], capture_output=True, text=True, cwd=cwd)


def repository(tmp_path: Path, contradict: bool) -> Path:
    """A checkout as CI sees it: seeds/ and reports/baseline.json, optionally with 002's 56th SCM made the 57th."""
    if contradict:
        copy_with_57th(tmp_path / "seeds")
    else:
        shutil.copytree(SEEDS, tmp_path / "seeds")
    add_shipped_baseline(tmp_path)
    return tmp_path


def test_readme_job_runs_these_commands():
    assert readme_job_commands() == [
        ["factcheck", "check", "seeds", "--baseline", "reports/baseline.json", "--format", "github"],
        ["factcheck", "check", "seeds", "--baseline", "reports/baseline.json", "--format", "sarif",
         "--output", "factcheck.sarif", "--fail-on", "never"],
    ]


def test_readme_job_passes_on_the_seeds(tmp_path):
    checkout = repository(tmp_path, contradict=False)
    gate, sarif = readme_job_commands()
    done = run(gate, checkout)
    assert (done.returncode, done.stderr) == (0, "")
    assert [line.split(" ", 1)[0] for line in done.stdout.splitlines()[:-1]] == ["::notice"]
    assert run(sarif, checkout).returncode == 0
    schema = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads((checkout / "factcheck.sarif").read_text(encoding="utf-8")))


def test_readme_job_fails_on_a_new_contradiction(tmp_path):
    checkout = repository(tmp_path, contradict=True)
    gate, sarif = readme_job_commands()
    done = run(gate, checkout)
    assert (done.returncode, done.stderr) == (1, NEW_SCM)
    assert done.stdout.splitlines()[0].startswith(
        f"::error file=seeds/{D002},line=29,col=303,endLine=29,endColumn=348,title=FC102 contradiction (NEW)%3A series%3Ascm::")
    assert run(sarif, checkout).returncode == 0  # the upload step never fails the job
    results = json.loads((checkout / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    assert [(r["ruleId"], r["baselineState"]) for r in results] == [("FC102", "new"), ("FC101", "unchanged")]


def test_pre_commit_hook_definition():
    assert hook() == {
        "id": "factcheck",
        "name": "factcheck (no new contradictions)",
        "description": "Check the corpus against its baseline; fail on a new contradiction.",
        "entry": "factcheck check",
        "language": "python",
        "pass_filenames": "false",
        "files": r"\.(txt|md|toml|json)$",
    }


@pytest.mark.parametrize(("contradict", "code"), [(False, 0), (True, 1)])
def test_pre_commit_hook_as_the_readme_configures_it(tmp_path, contradict, code):
    checkout = repository(tmp_path, contradict)
    done = run(shlex.split(hook()["entry"]) + readme_hook_args(), checkout)
    assert done.returncode == code
    assert done.stderr == (NEW_SCM if contradict else "")


def make_check(corpus: Path, reports: Path) -> subprocess.CompletedProcess:
    """The Makefile's own `check` recipe, with this interpreter's environment and without the bootstrap step."""
    return subprocess.run(["make", "-s", "-C", str(ROOT), "check", f"VENV={sys.prefix}", "STAMP=",
                           f"CORPUS={corpus}", f"REPORTS={reports}"], capture_output=True, text=True)


needs_make = pytest.mark.skipif(shutil.which("make") is None or not (Path(sys.prefix) / "bin" / "factcheck").exists(),
                                reason="needs make and an installed factcheck script")


@needs_make
def test_make_check_passes_with_the_shipped_baseline(tmp_path):
    done = make_check(SEEDS, tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == ("5 documents, 33 claims: 0 contradictions, 1 discrepancies, 2 successions, "
                                            "4 agreements; baseline: 0 new, 1 known, 0 resolved")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds.html", "seeds.json", "seeds.md"]


@needs_make
def test_make_check_fails_on_a_new_contradiction_and_names_it(tmp_path):
    checkout = repository(tmp_path / "checkout", contradict=True)
    done = make_check(checkout / "seeds", tmp_path)
    assert done.returncode != 0
    assert done.stderr.startswith(NEW_SCM)
    assert "Error 1" in done.stderr  # factcheck's exit 1, not an error (2)
    assert (f"{D001}:9:55: FC102 contradiction NEW [Fdb0576a5] scm (annual): "
            "54th in 2022-11-03 cannot be squared with 57th in 2024") in done.stdout.splitlines()
    # The reports are still written: they use --fail-on never.
    assert json.loads((tmp_path / "seeds.json").read_text())["summary"]["baseline"] == {"new": 1, "known": 1, "resolved": 0}
