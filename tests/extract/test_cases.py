"""Every extractor against its cases in tests/fixtures/extract/<kind>.toml, with exact spans."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from checker.extract import EXTRACTORS, extract_document
from checker.models import Document
from checker.rules import load_rules

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "extract"
VOCABULARY = load_rules().vocabulary


def load_cases():
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            yield pytest.param(data["kind"], case, id=f"{data['kind']}-{case['name']}")


def claims_of(kind: str, text: str, published: dt.date):
    doc = Document(id="case.txt", published=published, date_source="manifest", text=text)
    return [c for c in extract_document(doc, VOCABULARY) if c.kind == kind]


@pytest.mark.parametrize("kind,case", list(load_cases()))
def test_extractor_case(kind, case):
    text = case["text"]
    found = claims_of(kind, text, case["published"])
    expected = case["expect"]
    assert [c.span.text for c in found] == [e["span"] for e in expected]
    cursor = 0
    for claim, want in zip(found, expected):
        # Expected claims are in text order; each span is looked up after the previous one's start.
        start = text.index(want["span"], cursor)
        cursor = start + 1
        assert (claim.span.start, claim.span.end) == (start, start + len(want["span"]))
        assert text[claim.span.start:claim.span.end] == claim.span.text
        assert claim.subject == want["subject"]
        assert claim.value == want["value"]
        for field in ("qualifier", "time", "form", "person"):
            if field in want:
                actual = getattr(claim, field)
                assert getattr(actual, "value", actual) == want[field], field


def test_every_extractor_has_positive_and_negative_cases():
    cases = {}
    for path in FIXTURES.glob("*.toml"):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        cases[data["kind"]] = data["case"]
    for module in EXTRACTORS:
        assert module.KIND in cases, f"no cases for {module.KIND}"
        assert any(c["expect"] for c in cases[module.KIND]), f"{module.KIND}: no positive case"
        assert any(not c["expect"] for c in cases[module.KIND]), f"{module.KIND}: no negative case"
