"""Date phrases resolved relative to a document's date."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.timeparse import _FORM_START, DATE_PHRASE, dateparser_resolve, days_apart, find_times


def resolve_all(text: str, base: dt.date | None):
    return [(t.phrase, t.value) for t in find_times(text, 0, len(text), base)]


@pytest.mark.parametrize(
    "text,base,expected",
    [
        ("Yesterday, Austin and Lee met", dt.date(2022, 11, 4), [("Yesterday", "2022-11-03")]),
        ("held in Seoul from the 23rd to the 24th.", dt.date(2024, 9, 25), [("the 23rd", "2024-09-23")]),
        ("plan to hold the 56th SCM later this year", dt.date(2024, 9, 25), [("later this year", "2024")]),
        ("a drill conducted last month", dt.date(2024, 9, 25), [("last month", "2024-08")]),
        ("Blinken said Monday", dt.date(2023, 9, 25), [("Monday", "2023-09-25")]),
        ("the talks on Friday", dt.date(2023, 9, 25), [("on Friday", "2023-09-22")]),
        ("the defense chiefs will meet on Sunday", dt.date(2025, 3, 25), [("on Sunday", "2025-03-30")]),
        ("a meeting on Nov. 13", dt.date(2023, 11, 20), [("Nov. 13", "2023-11-13")]),
        ("G7 ministers meet Nov. 7-8 in Tokyo", dt.date(2023, 9, 25), [("Nov. 7-8", "2023-11-07")]),
        ("signed on April 4, 1949", None, [("April 4, 1949", "1949-04-04")]),
        ("signed on 1 September 1951", None, [("1 September 1951", "1951-09-01")]),
        ("then-Prime Minister Shinzo Abe in 2015", None, [("in 2015", "2015")]),
        ("two weeks ago", dt.date(2023, 9, 25), [("two weeks ago", "2023-09-11")]),
    ],
)
def test_phrases(text, base, expected):
    assert resolve_all(text, base) == expected


@pytest.mark.parametrize("text", ["91.6% of the 1,238 people", "the 70th anniversary", "the 38th parallel", "in 10 years"])
def test_numbers_are_not_dates(text):
    assert resolve_all(text, dt.date(2023, 9, 25)) == []


def test_relative_phrases_need_a_document_date():
    assert resolve_all("Yesterday the meeting was held", None) == []


@pytest.mark.parametrize("phrase", ["yesterday", "today", "tomorrow"])
def test_own_resolution_agrees_with_dateparser(phrase):
    base = dt.date(2024, 7, 17)
    [(_, ours)] = resolve_all(phrase, base)
    assert ours == dateparser_resolve(phrase, base).isoformat()


def test_days_apart_respects_precision():
    assert days_apart("2024-07-16", "2024") == 0
    assert days_apart("2024-07-16", "2024-08") == 16
    assert days_apart("2022", "2024-01-01") == 366


@pytest.mark.parametrize(
    "text,expected",
    [
        ("it hosted the 1999 commemoration", [("the 1999", "1999", "theyear")]),
        ("after the 2018 Singapore summit", [("the 2018", "2018", "theyear")]),
        ("leaders praised the 1951 treaty", []),
        ("the 1960 Treaty of Mutual Cooperation and Security", []),
        ("signed it on 19 January, 1960, together", [("19 January, 1960", "1960-01-19", "dmy")]),
    ],
)
def test_a_year_after_the_is_a_time_unless_it_names_a_document(text, expected):
    found = find_times(text, 0, len(text), dt.date(2024, 7, 8))
    assert [(t.phrase, t.value, t.form) for t in found] == expected


def test_which_phrases_write_their_year_and_which_give_a_start():
    text = "in office since 2014, he met them on Monday and in March 2023"
    found = {t.phrase: t for t in find_times(text, 0, len(text), dt.date(2024, 7, 8))}
    assert found["since 2014"].names_year and found["since 2014"].is_start
    assert not found["on Monday"].names_year
    assert found["March 2023"].names_year and not found["March 2023"].is_start


# Each form of DATE_PHRASE opens with a look at its first character, and all of them with a look at where a
# form can start (timeparse._FORM_START); without them it matched the same.
UNGUARDED = re.compile(re.sub(r"\(\?=\[[^\]]*\]\)(?=\(\?P<)", "", DATE_PHRASE.pattern.replace(_FORM_START, "", 1)),
                       DATE_PHRASE.flags)
DATE_WORDS = ["Jan.", "January", "feb", "March", "mAy", "June", "Sept.", "SEPTEMBER", "Nov", "Dec", "13", "1", "2023",
              "1999", "the", "The", "13th", "to", "of", "this", "month", "last", "next", "earlier", "later", "year",
              "week", "night", "yesterday", "Today", "tonight", "tomorrow", "two", "a few", "several", "days", "ago",
              "Monday", "on", "Tuesday", "ſunday", "in", "since", "From", "by", "during", "until", "treaty", "-", "–",
              ",", ".", "x", "٣", "Ⅻ", "İ", "Kelvin\u212a", "Summar", "xJan", "ſept", "ſep", "DEC", "_", "é", "1st",
              "١٢", "x13", "ofMay", "inJuly", "thе"]


def test_the_first_character_looks_are_the_only_change():
    assert _FORM_START in DATE_PHRASE.pattern and _FORM_START not in UNGUARDED.pattern
    assert UNGUARDED.pattern.count("(?P<") == DATE_PHRASE.pattern.count("(?P<")
    assert "(?=[" not in UNGUARDED.pattern.split("(?P<theday>")[0].split("(?P<mdy>")[1]
    assert UNGUARDED.pattern != DATE_PHRASE.pattern


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(DATE_WORDS), max_size=14), st.lists(st.sampled_from([" ", "", "  ", "\n"]), min_size=14, max_size=14))
def test_guarded_date_phrases_match_what_the_unguarded_matched(words, gaps):
    text = "".join(word + gap for word, gap in zip(words, gaps))
    expected = [(m.span(), m.lastgroup) for m in UNGUARDED.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in DATE_PHRASE.finditer(text)] == expected
