"""The seed corpus end to end: what the report must show (issue 2, 'Done when')."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.engine import check

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
D000, D001, D002, D003, D004 = sorted(p.name for p in SEEDS.glob("*.txt"))


def findings_by(result, verdict, subject):
    claims = {c.id: c for c in result.claims}
    return [
        [(g.value, sorted({claims[c].doc for c in g.claims})) for g in f.groups]
        for f in result.findings
        if f.verdict.value == verdict and f.subject == subject
    ]


@pytest.fixture(scope="module")
def seeds_result():
    return check([SEEDS])


def test_documents_are_dated_from_the_manifest(seeds_result):
    dates = {d.id: (str(d.published), d.date_source) for d in seeds_result.corpus.documents}
    assert dates == {
        D000: ("2023-09-25", "manifest"),
        D001: ("2022-11-04", "manifest"),
        D002: ("2024-09-25", "manifest"),
        D003: ("2022-06-14", "manifest"),
        D004: ("2025-07-31", "manifest"),
    }


def test_founding_year_1953_agreed_by_000_and_001(seeds_result):
    assert findings_by(seeds_result, "agreement", "alliance:us-rok") == [[("1953", [D000, D001])]]


def test_seventy_year_old_alliance_in_2025_is_a_discrepancy(seeds_result):
    [groups] = findings_by(seeds_result, "discrepancy", "alliance:us-rok")
    assert ("1954–1955", [D004]) in groups
    assert findings_by(seeds_result, "contradiction", "alliance:us-rok") == []


def test_office_holders_agree_across_articles(seeds_result):
    assert findings_by(seeds_result, "agreement", "office:kr-foreign-minister") == [[("Park Jin", [D000, D003])]]
    assert findings_by(seeds_result, "agreement", "office:us-secretary-of-state") == [[("Antony Blinken", [D000, D003])]]


def test_successions_are_not_contradictions(seeds_result):
    assert findings_by(seeds_result, "succession", "office:us-secretary-of-defense") == [
        [("Austin", [D001]), ("Pete Hegseth", [D004])]
    ]
    assert findings_by(seeds_result, "succession", "office:kr-defense-minister") == [
        [("Lee", [D001]), ("Ahn Gyu-back", [D004])]
    ]
    assert not [f for f in seeds_result.findings if f.verdict.value == "contradiction"]


def test_troops_of_004_are_a_claim(seeds_result):
    troops = [c for c in seeds_result.claims if c.kind == "troop_count"]
    assert [(c.doc, c.subject, c.value, c.qualifier.value, c.span.text) for c in troops] == [
        (D004, "forces:usfk", 28500, "at_least", "over 28,500 American troops")
    ]


def test_war_year_and_armed_forces_day_never_enter_the_founding_year(seeds_result):
    founding = [c for c in seeds_result.claims if c.subject == "alliance:us-rok"]
    quoted = " | ".join(c.span.text for c in founding)
    assert "1950" not in quoted and "75th" not in quoted
    assert sorted({c.value for c in founding}) == [70, 1953]


def test_every_span_is_exact(seeds_result):
    texts = {d.id: d.text for d in seeds_result.corpus.documents}
    for claim in seeds_result.claims:
        text = texts[claim.doc]
        assert text[claim.span.start:claim.span.end] == claim.span.text
        line_start = text.rfind("\n", 0, claim.span.start) + 1
        assert claim.span.line == text.count("\n", 0, claim.span.start) + 1
        assert claim.span.column == claim.span.start - line_start + 1


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True)


def test_without_001_in_the_manifest_its_dateline_dates_it_and_the_scm_ordinals_conflict(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    manifest = corpus / "corpus.toml"
    manifest.write_text(re.sub(r'\[files\."001_[^"]+"\]\npublished = [0-9-]+\n\n', "", manifest.read_text()))

    dated = run_cli("check", str(SEEDS), "--format", "json")
    undated = run_cli("check", str(corpus), "--format", "json")

    assert dated.returncode == 0
    assert undated.returncode == 1
    report = json.loads(undated.stdout)
    doc = next(d for d in report["documents"] if d["id"] == D001)
    assert (doc["published"], doc["date_source"]) == ("2024-07-17", "dateline")
    claims = {c["id"]: c for c in report["claims"]}
    [conflict] = [f for f in report["findings"] if f["verdict"] == "contradiction"]
    assert conflict["subject"] == "series:scm"
    assert [[(claims[c]["doc"], claims[c]["value"], claims[c]["time"]) for c in g["claims"]] for g in conflict["groups"]] == [
        [(D001, 54, "2024-07-16")],
        [(D002, 56, "2024")],
    ]
    assert not [f for f in json.loads(dated.stdout)["findings"] if f["verdict"] == "contradiction"]


def test_json_report_is_identical_whatever_the_file_order():
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    forward = run_cli("check", *files, "--format", "json", "--manifest", str(SEEDS / "corpus.toml"))
    backward = run_cli("check", *reversed(files), "--format", "json", "--manifest", str(SEEDS / "corpus.toml"))
    assert forward.returncode == backward.returncode == 0
    assert forward.stdout == backward.stdout


def test_json_contract_fields():
    report = json.loads(run_cli("check", str(SEEDS), "--format", "json").stdout)
    assert set(report["documents"][0]) >= {"id", "published", "date_source"}
    assert set(report["claims"][0]) >= {"id", "doc", "kind", "subject", "value", "qualifier", "time", "span"}
    assert set(report["claims"][0]["span"]) == {"start", "end", "line", "column", "text"}
    assert set(report["findings"][0]) >= {"id", "rule", "verdict", "kind", "subject", "message", "groups"}
    assert set(report["findings"][0]["groups"][0]) == {"value", "claims"}
