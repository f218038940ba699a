"""Six short articles written for the tests (tests/fixtures/own_corpus): topics and phrasings beyond the seeds.

They hold no contradiction: past holders ("then-Secretary General Stoltenberg" in 2019), tenures ("who served in
the Senate for 14 years"), movements ("2,000 additional troops", "rotated ... Marines"), bare titles next to
foreign leaders ("President Joe Biden welcomed Australian Prime Minister ...") must all stay out of trouble.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from checker.engine import check

CORPUS = Path(__file__).resolve().parent / "fixtures" / "own_corpus"


@pytest.fixture(scope="module")
def result():
    return check([CORPUS])


def test_no_contradiction(result):
    assert [f.message for f in result.findings if f.verdict.value in ("contradiction", "discrepancy")] == []


def test_offices_of_bare_titles_and_new_forms(result):
    offices = {(c.doc, c.subject, c.value) for c in result.claims if c.kind == "office_holder"}
    assert {
        ("a1.txt", "office:us-president", "Joe Biden"),
        ("a1.txt", "office:in-foreign-minister", "Subrahmanyam Jaishankar"),
        ("a2.txt", "office:lt-president", "Gitanas Nauseda"),
        ("a3.txt", "office:ph-defense-secretary", "Gilberto Teodoro"),
        ("a3.txt", "office:us-ambassador-ph", "MaryKay Carlson"),
        ("a3.txt", "office:ph-president", "Ferdinand Marcos Jr."),
        ("a4.txt", "office:kr-president", "Yoon Suk Yeol"),
        ("b1.txt", "office:nato-secretary-general", "Mark Rutte"),
        ("b1.txt", "office:jp-prime-minister", "Shigeru Ishiba"),
        ("b1.txt", "office:de-foreign-minister", "Annalena Baerbock"),
    } <= offices
    names = {value for _, _, value in offices}
    assert not names & {"Shinzo Abe", "Mike Pompeo", "Moon Jae-in"}  # late and former holders


def test_past_holder_and_past_anniversary_take_their_year(result):
    dated = {(c.doc, c.kind, str(c.value), c.time) for c in result.claims}
    assert ("a2.txt", "office_holder", "Stoltenberg", "2019") in dated
    assert ("a2.txt", "anniversary", "70", "2019") in dated


def test_only_stationed_forces_are_counted(result):
    troops = Counter((c.doc, c.subject, c.value) for c in result.claims if c.kind == "troop_count")
    assert troops == Counter({("a1.txt", "forces:us-japan", 54000): 1, ("a4.txt", "forces:usfk", 28500): 1,
                              ("b2.txt", "forces:us-japan", 54000): 1})


def test_durations_that_are_tenures_are_no_ages(result):
    ages = sorted((c.doc, c.value, c.span.text) for c in result.claims if c.kind == "anniversary")
    assert all(value != 14 for _, value, _ in ages)
    assert ("b1.txt", 75, "for 75 years") in ages
