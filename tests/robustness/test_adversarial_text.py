"""Text written to make the extractors misbehave still gives exact, sensible claims.

These are behaviour tests at sizes where a quadratic pattern would already take minutes
(a 32 KB run of capitals took 122 s before NAME_TOKEN was fixed); how time grows with the
size is measured by benchmarks/robustness.py, not asserted here.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from checker.extract import extract_document
from checker.models import Document
from checker.rules import load_rules

VOCABULARY = load_rules().vocabulary


def claims_in(text: str):
    claims = extract_document(Document(id="a.txt", published=dt.date(2024, 9, 25), text=text), VOCABULARY)
    for claim in claims:
        assert text[claim.span.start:claim.span.end] == claim.span.text
    return claims


def kinds(claims) -> Counter:
    return Counter(c.kind for c in claims)


def test_thousands_of_ordinals_in_a_row_are_no_claims():
    assert claims_in(" ".join(f"{n}th" for n in range(4, 10_004))) == []


def test_thousands_of_ordinal_meetings_in_one_sentence_are_each_a_claim():
    text = "; ".join(f"the {n}th Security Consultative Meeting" for n in range(1, 2001)) + "."
    claims = claims_in(text)
    assert kinds(claims) == {"meeting_number": 2000}
    assert [c.value for c in claims] == list(range(1, 2001))


def test_a_long_comma_list_of_ordinals_keeps_the_first_seven():
    text = "the " + ", ".join(f"{n}th" for n in range(40, 4040)) + " and 4040th ASEAN Summits were held."
    claims = claims_in(text)
    assert all(c.kind == "meeting_number" for c in claims)


def test_thousands_of_anniversaries_in_one_sentence():
    text = " and ".join("the 70th anniversary of the U.S.-ROK alliance" for _ in range(2000)) + "."
    claims = claims_in(text)
    assert kinds(claims) == {"anniversary": 2000}
    assert {c.subject for c in claims} == {"alliance:us-rok"}


def test_minister_ten_thousand_times_is_no_office_holder():
    assert claims_in("Minister " * 10_000) == []
    assert claims_in(("Minister " * 10_000).strip() + " Park Jin said.") == []


def test_one_office_holder_named_thousands_of_times():
    text = "South Korean Foreign Minister Park Jin met Minister Park. " * 2000
    claims = claims_in(text)
    assert kinds(claims) == {"office_holder": 4000}
    assert {(c.subject, c.person) for c in claims} == {("office:kr-foreign-minister", "Park Jin")}


def test_numbers_with_four_hundred_digits_are_no_troop_counts():
    huge = "1" * 400
    grouped = "1" + ",000" * 133
    text = f"Some {huge} U.S. troops are in South Korea. About {grouped} U.S. troops are in Japan. " * 20
    assert claims_in(text) == []
    # A real count next to them is still a count.
    claims = claims_in(text + "Some 28,500 U.S. troops are stationed in South Korea.")
    assert [(c.kind, c.value) for c in claims] == [("troop_count", 28500)]


def test_one_number_of_a_hundred_thousand_digits_and_comma_groups():
    assert claims_in("7" * 100_000 + " years of the alliance") == []
    assert claims_in("1" + ",000" * 25_000 + " troops in Korea") == []


@pytest.mark.parametrize("text", [
    "(" * 20_000 + ")" * 20_000,
    "([{“‘" * 5_000 + "’”}])" * 5_000,
    "(the 54th Security Consultative Meeting " * 2_000 + ")" * 2_000,
], ids=["round", "mixed", "claims inside"])
def test_nested_brackets(text):
    claims = claims_in(text)
    assert set(kinds(claims)) <= {"meeting_number"}


@pytest.mark.parametrize("run", [
    "A" * 50_000,
    "Aaaa " * 10_000,
    "Aa-Bb-" * 8_000,
    "ABC DEF " * 6_000,
], ids=["one capital run", "capitalised words", "hyphen chain", "acronyms"])
def test_very_long_capitalised_runs_then_a_title(run):
    claims = claims_in(run + ", Japan's Prime Minister, and South Korean Foreign Minister Park Jin.")
    assert [(c.kind, c.value) for c in claims][-1:] == [("office_holder", "Park Jin")]


def test_a_megabyte_of_one_word_without_spaces():
    assert claims_in("a" * 1_000_000) == []
