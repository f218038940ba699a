"""Exit codes and error lines of the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from seed_copies import SEEDS, run_cli


def test_clean_corpus_exits_0_and_prints_the_summary():
    done = run_cli("check", str(SEEDS))
    assert done.returncode == 0
    assert done.stdout.splitlines()[-1] == "5 documents, 33 claims: 0 contradictions, 1 discrepancies, 2 successions, 4 agreements"


def test_python_dash_m_checker_is_the_command_with_the_collector_off_from_the_start():
    """`python -m checker` (what the `factcheck` script runs) gives the report `checker.cli` gives, exit code and all."""
    cli = run_cli("check", str(SEEDS), "-f", "json", "--no-cache")
    command = subprocess.run([sys.executable, "-m", "checker", "check", str(SEEDS), "-f", "json", "--no-cache"],
                             capture_output=True, text=True)
    assert (command.returncode, command.stdout, command.stderr) == (cli.returncode, cli.stdout, cli.stderr)
    assert cli.returncode == 0 and cli.stdout.startswith("{")
    probe = subprocess.run([sys.executable, "-c", "import gc, checker.__main__; print(gc.isenabled())"],
                           capture_output=True, text=True)
    assert probe.stdout == "False\n"  # the command's imports make no collections (checker/__main__.py)


def test_contradiction_exits_1(tmp_path):
    (tmp_path / "a.txt").write_text("Yesterday the 54th Security Consultative Meeting was held.")
    (tmp_path / "b.txt").write_text("The 56th SCM will be held later this year.")
    (tmp_path / "corpus.toml").write_text('[files."a.txt"]\npublished = 2024-07-17\n[files."b.txt"]\npublished = 2024-09-25\n')
    done = run_cli("check", str(tmp_path))
    assert done.returncode == 1
    assert "contradiction  FC102   series:scm" in done.stdout


def test_missing_path_exits_2_with_one_line():
    done = run_cli("check", "no/such/dir")
    assert done.returncode == 2
    assert done.stderr == "factcheck: error: no/such/dir: no such file or directory\n"
    assert done.stdout == ""


def test_malformed_manifest_exits_2_naming_the_file(tmp_path):
    (tmp_path / "a.txt").write_text("text")
    (tmp_path / "corpus.toml").write_text("[files\n")
    done = run_cli("check", str(tmp_path))
    assert done.returncode == 2
    assert done.stderr.startswith(f"factcheck: error: {tmp_path / 'corpus.toml'}: malformed TOML")
    assert "Traceback" not in done.stderr


def test_output_file_is_written(tmp_path):
    target = tmp_path / "out" / "seeds.md"
    done = run_cli("check", str(SEEDS), "--format", "markdown", "--output", str(target))
    assert done.returncode == 0 and done.stdout == ""
    assert target.read_text().startswith("# factcheck report\n")


def test_extract_lists_claims_as_json():
    import json

    done = run_cli("extract", str(SEEDS), "--format", "json")
    claims = json.loads(done.stdout)
    assert done.returncode == 0
    assert len(claims) == 33
    assert claims[0]["span"]["text"] == "seven-decadelong"


def test_rules_lists_every_rule():
    done = run_cli("rules")
    assert done.returncode == 0
    assert [line.split()[0] for line in done.stdout.splitlines()[2:]] == ["FC101", "FC102", "FC103", "FC104"]


def test_undated_document_yields_claims_and_says_they_were_not_compared(tmp_path):
    import json

    (tmp_path / "a.txt").write_text("Yesterday the 54th Security Consultative Meeting was held.")
    (tmp_path / "b.txt").write_text("The 56th SCM will be held later this year.")
    table = run_cli("check", str(tmp_path))
    report = json.loads(run_cli("check", str(tmp_path), "--format", "json").stdout)
    assert table.returncode == 0
    assert "not compared: 2 claims have no date (no publication date for a.txt, b.txt; add it to corpus.toml)" in table.stdout
    assert [(c["doc"], c["value"], c["time"]) for c in report["claims"]] == [("a.txt", 54, None), ("b.txt", 56, None)]
    assert report["undated"] == [c["id"] for c in report["claims"]]
    assert report["findings"] == []


def test_output_file_gets_the_usual_permissions(tmp_path):
    import os

    target = tmp_path / "seeds.json"
    run_cli("check", str(SEEDS), "--format", "json", "--output", str(target))
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask


def test_a_bug_of_our_own_is_one_line_and_exit_2(monkeypatch, capsys):
    import checker.cli as cli

    def broken(*args, **kwargs):
        raise KeyError("no such thing\nsecond line")

    monkeypatch.setattr(cli, "run_check", broken)
    monkeypatch.setattr(sys, "argv", ["factcheck", "check", "seeds", "--no-cache"])
    monkeypatch.delenv("FACTCHECK_TRACEBACK", raising=False)
    assert cli.run() == 2
    err = capsys.readouterr().err
    assert err == ("factcheck: internal error: KeyError: 'no such thing\\nsecond line' (a bug in factcheck: "
                   "run again with FACTCHECK_TRACEBACK=1 to see where, and please report it)\n")
    monkeypatch.setenv("FACTCHECK_TRACEBACK", "1")
    with pytest.raises(KeyError):
        cli.run()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("report_format", ["json", "github"])  # 20 kB, written while the run goes on; 0.8 kB, at its end
def test_a_full_disk_on_stdout_is_one_line_and_exit_2(report_format):
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(SEEDS), "--no-cache", "--quiet",
                               "--format", report_format], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert done.stderr == "factcheck: error: No space left on device\n"
