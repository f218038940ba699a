"""The JSON report: the fast writer equals json.dumps, records equal model_dump, --claims filters."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from checker.engine import check
from checker.report.json_report import render, write_indented
from checker.report.records import plain

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=20,
)


@given(JSON_VALUES)
def test_writer_equals_json_dumps(value):
    pieces = []
    write_indented(value, pieces.append)
    assert "".join(pieces) == json.dumps(value, indent=2, ensure_ascii=False)


def test_records_equal_model_dump():
    result = check([SEEDS])
    for model in [*result.claims, *result.findings, *result.corpus.documents]:
        assert plain(model) == model.model_dump(mode="json")


def test_report_equals_the_standard_encoding():
    from checker.report.records import report_record

    result = check([SEEDS])
    assert render(result) == json.dumps(report_record(result), indent=2, ensure_ascii=False) + "\n"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True)


def test_claims_option_filters_the_claims_listed():
    every = json.loads(run_cli("check", str(SEEDS), "-f", "json", "--no-cache").stdout)
    referred = json.loads(run_cli("check", str(SEEDS), "-f", "json", "--no-cache", "--claims", "findings").stdout)
    none = json.loads(run_cli("check", str(SEEDS), "-f", "json", "--no-cache", "--claims", "none").stdout)
    used = {c for f in every["findings"] for g in f["groups"] for c in g["claims"]}
    assert {c["id"] for c in referred["claims"]} == used
    assert [c for c in every["claims"] if c["id"] in used] == referred["claims"]
    assert len(used) < len(every["claims"])
    assert none["claims"] == []
    for report in (referred, none):
        assert report["summary"] == every["summary"] and report["findings"] == every["findings"]


def test_item_text_equals_the_general_writer_for_any_field_type():
    import datetime as dt
    from enum import Enum

    from pydantic import BaseModel

    from checker.report.json_report import ITEM_LEVEL, item_text

    class Colour(str, Enum):
        red = "red"

    class Number(Enum):
        one = 1

    class Inner(BaseModel):
        when: dt.date
        ratio: float

    class Empty(BaseModel):
        pass

    class Outer(BaseModel):
        name: str
        count: int
        flag: bool
        colour: Colour
        number: Number
        missing: None = None
        inner: Inner

    class WithList(BaseModel):
        name: str
        items: list[int]

    class WithEmpty(BaseModel):
        empty: Empty

    models = [
        Outer(name='a "quoted"\nline é', count=-3, flag=True, colour=Colour.red, number=Number.one,
              inner=Inner(when=dt.date(2024, 2, 29), ratio=0.5)),
        WithList(name="x", items=[1, 2]),
        WithList(name="x", items=[]),
        WithEmpty(empty=Empty()),
    ]
    for model in models:
        pieces = []
        write_indented(plain(model), pieces.append, ITEM_LEVEL)
        assert item_text(model) == "".join(pieces)
    assert item_text(models[0]) == (
        '{\n      "name": "a \\"quoted\\"\\nline é",\n      "count": -3,\n      "flag": true,\n      "colour": "red",\n'
        '      "number": 1,\n      "missing": null,\n      "inner": {\n        "when": "2024-02-29",\n        "ratio": 0.5\n'
        '      }\n    }')


ROWS = st.tuples(
    st.sampled_from(["anniversary", "office_holder"]), st.text(), st.integers() | st.text(),
    st.sampled_from(["exact", "approximate", "at_least"]), st.none() | st.text(), st.text(), st.none() | st.text(),
    st.text(), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(1, 10**4), st.integers(1, 500), st.text(),
)


@given(st.lists(st.tuples(st.text(min_size=1), st.lists(ROWS, max_size=3)), max_size=4, unique_by=lambda d: d[0]))
def test_claims_written_from_rows_equal_claims_written_from_models(documents):
    from checker.report.json_report import ITEM_SEPARATOR, claim_texts, item_text, row_texts
    from checker.rows import Claims

    claims = Claims([doc_id for doc_id, _ in documents], [rows for _, rows in documents])
    from_rows = [text for doc_id, rows, _ in claims.document_rows() for text in row_texts(doc_id, rows)]
    assert from_rows == [item_text(claim) for claim in claims.built()]
    assert len(from_rows) == len(claims)
    # A document's claims at a time, joined as the report's list joins them (an empty text for a
    # document without claims would add a separator).
    assert ITEM_SEPARATOR.join(claim_texts(claims)) == ITEM_SEPARATOR.join(from_rows)


@given(st.lists(st.tuples(st.text(), st.none() | st.dates(), st.sampled_from(["manifest", "front_matter", "dateline", "none"]))))
def test_documents_written_from_the_template_equal_documents_written_from_models(fields):
    from checker.corpus import Documents
    from checker.models import Document
    from checker.report.json_report import document_texts, item_text

    documents = [Document(id=doc_id, published=published, date_source=source, text="x") for doc_id, published, source in fields]
    # Every other one as the claim cache gives an unchanged article's: its fields alone.
    kept = Documents([doc if index % 2 else (doc.id, doc.published, doc.date_source) for index, doc in enumerate(documents)])
    assert list(document_texts(kept)) == [item_text(doc) for doc in documents]
