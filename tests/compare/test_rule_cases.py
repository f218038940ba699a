"""Every rule against its cases in tests/fixtures/rules/<ID>.toml."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker.engine import compare_rows
from checker.extract import claim_rows
from checker.models import Document
from checker.rows import Claims
from checker.rules import load_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
RULES = load_rules()


def load_cases():
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            yield pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}")


def run_rule(rule_id: str, docs: dict) -> list[dict]:
    names = sorted(docs)
    rows = [claim_rows(Document(id=name, published=docs[name]["published"], date_source="manifest", text=docs[name]["text"]),
                       RULES.vocabulary) for name in names]
    claims = Claims(names, rows)
    by_id = {c.id: c for c in claims}
    findings = [f for f in compare_rows(claims, RULES, None) if f.rule == rule_id]
    return [
        {
            "verdict": f.verdict.value,
            "subject": f.subject,
            "groups": [sorted({by_id[c].doc for c in g.claims}) for g in f.groups],
            "values": [g.value for g in f.groups],
        }
        for f in findings
    ]


@pytest.mark.parametrize("rule_id,case", list(load_cases()))
def test_rule_case(rule_id, case):
    found = run_rule(rule_id, case["docs"])
    expected = case["expect"]
    assert [(f["verdict"], f["subject"], f["groups"]) for f in found] == [
        (e["verdict"], e["subject"], e["groups"]) for e in expected
    ]
    for finding, want in zip(found, expected):
        if "values" in want:
            assert finding["values"] == want["values"]


def test_every_rule_has_cases_with_and_without_a_contradiction():
    cases = {}
    for path in FIXTURES.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        cases[data["rule"]] = data["case"]
    for rule in RULES.rules:
        assert rule.id in cases, f"no cases for {rule.id}"
        verdicts = [{e["verdict"] for e in c["expect"]} for c in cases[rule.id]]
        assert any("contradiction" in v or "discrepancy" in v for v in verdicts), f"{rule.id}: no failing case"
        assert any("contradiction" not in v for v in verdicts), f"{rule.id}: no passing case"
