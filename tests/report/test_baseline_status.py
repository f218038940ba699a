"""Table, markdown and json against a baseline: NEW / known on findings, resolved entries listed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from seed_copies import SEEDS, SHIPPED_BASELINE, copy_with_57th, run_cli


@pytest.fixture
def seeds_with_57th(tmp_path: Path) -> Path:
    return copy_with_57th(tmp_path / "seeds")


@pytest.fixture
def stale_baseline(tmp_path: Path, seeds_with_57th: Path) -> Path:
    """A baseline recorded on the 57th copy: checked against the real seeds, its SCM entry is resolved."""
    target = tmp_path / "stale.json"
    run_cli("baseline", str(seeds_with_57th), "--include", "discrepancy", "--output", str(target))
    return target


def test_table_has_a_baseline_column(seeds_with_57th):
    lines = run_cli("check", str(seeds_with_57th), "--baseline", str(SHIPPED_BASELINE)).stdout.splitlines()
    assert lines[0].split() == ["baseline", "verdict", "rule", "subject", "value", "location", "quote"]
    assert lines[2].split()[:4] == ["NEW", "contradiction", "FC102", "series:scm"]
    assert lines[4].split()[:4] == ["known", "discrepancy", "FC101", "alliance:us-rok"]
    assert lines[11].split()[:3] == ["succession", "FC104", "office:kr-defense-minister"]


def test_table_without_a_baseline_is_unchanged():
    lines = run_cli("check", str(SEEDS)).stdout.splitlines()
    assert lines[0].split() == ["verdict", "rule", "subject", "value", "location", "quote"]
    assert lines[-1] == "5 documents, 33 claims: 0 contradictions, 1 discrepancies, 2 successions, 4 agreements"


def test_table_lists_resolved_entries(stale_baseline):
    done = run_cli("check", str(SEEDS), "--baseline", str(stale_baseline))
    assert done.returncode == 0
    assert done.stdout.splitlines()[-3:] == [
        "resolved [61c0564915907eb4] FC102 contradiction series:scm: scm (annual): 54th in 2022-11-03 cannot be squared with 57th in 2024",
        "",
        "5 documents, 33 claims: 0 contradictions, 1 discrepancies, 2 successions, 4 agreements; baseline: 0 new, 1 known, 1 resolved",
    ]


def test_markdown_marks_findings_and_lists_resolved(stale_baseline):
    baseline = json.loads(stale_baseline.read_text())
    baseline["entries"][0]["note"] = "round ages | accepted"
    stale_baseline.write_text(json.dumps(baseline))
    text = run_cli("check", str(SEEDS), "--baseline", str(stale_baseline), "--format", "markdown").stdout
    assert "| baseline   | verdict     | rule   | subject" in text
    assert ("- **known** `F47ab1875` **discrepancy** FC101 `alliance:us-rok`: us-rok: founding year 1953 is only loosely "
            "consistent with 1951–1952, 1954–1955 (round-number ages)\n  - note: round ages \\| accepted\n") in text
    assert text.endswith(
        "## Resolved\n\nBaseline entries no longer found; `factcheck baseline --update` drops them.\n\n"
        "- `61c0564915907eb4` contradiction FC102 `series:scm`: scm (annual): 54th in 2022-11-03 cannot be squared with 57th in 2024\n")


def test_json_adds_status_fingerprint_and_resolved(stale_baseline):
    report = json.loads(run_cli("check", str(SEEDS), "--baseline", str(stale_baseline), "--format", "json").stdout)
    assert [(f["verdict"], f["subject"], f["baseline"], f["fingerprint"]) for f in report["findings"]] == [
        ("discrepancy", "alliance:us-rok", "known", "e922042aca16f718"),
        ("succession", "office:kr-defense-minister", None, None),
        ("succession", "office:us-secretary-of-defense", None, None),
        ("agreement", "alliance:us-rok", None, None),
        ("agreement", "office:kr-foreign-minister", None, None),
        ("agreement", "office:us-secretary-of-state", None, None),
        ("agreement", "series:scm", None, None),
    ]
    assert report["summary"]["baseline"] == {"new": 0, "known": 1, "resolved": 1}
    assert [(e["fingerprint"], e["rule"], e["verdict"], e["subject"]) for e in report["resolved"]] == [
        ("61c0564915907eb4", "FC102", "contradiction", "series:scm")]
    # The fields every consumer already reads are still there.
    assert list(report["findings"][0])[:7] == ["id", "rule", "verdict", "kind", "subject", "message", "groups"]


def test_json_without_a_baseline_has_no_baseline_fields():
    report = json.loads(run_cli("check", str(SEEDS), "--format", "json").stdout)
    assert "resolved" not in report and "baseline" not in report["summary"]
    assert all("baseline" not in f for f in report["findings"])
