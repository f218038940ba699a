"""Date phrases our own code resolves agree with dateparser, which resolves the rest."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from checker.timeparse import DATE_PHRASE, _counted_ago, dateparser_resolve, resolve

BASES = [dt.date(2024, 2, 29), dt.date(2023, 1, 31), dt.date(2024, 9, 25), dt.date(2022, 12, 31), dt.date(2025, 3, 1)]
COUNTS = ["1", "2", "10", "one", "two", "three", "seven", "ten"]


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("unit", ["day", "week", "month", "year"])
@pytest.mark.parametrize("count", COUNTS)
def test_counted_ago_agrees_with_dateparser(count, unit, base):
    phrase = f"{count} {unit}{'' if count in ('1', 'one') else 's'} ago"
    assert _counted_ago(phrase, base) == dateparser_resolve(phrase, base)


def ours(phrase: str, base: dt.date) -> str | None:
    match = DATE_PHRASE.fullmatch(phrase)
    assert match, phrase
    return resolve(match, base)


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("phrase", [
    "November 13, 2023", "Nov. 13, 2023", "Nov 13, 2023", "13 November 2023", "September 1, 1951", "1 Sept 1951",
    "yesterday", "today", "tomorrow",
])
def test_full_dates_and_days_agree_with_dateparser(phrase, base):
    assert ours(phrase, base) == dateparser_resolve(phrase.lower(), base).isoformat()


@pytest.mark.parametrize("base", BASES)
@pytest.mark.parametrize("phrase", ["last month", "next month", "this month", "last year", "next year", "this year"])
def test_months_and_years_agree_with_dateparser_at_their_precision(phrase, base):
    value = ours(phrase, base)
    assert dateparser_resolve(phrase, base).isoformat().startswith(value)


@pytest.mark.parametrize("base", [dt.date(2024, 9, 25) + dt.timedelta(days=d) for d in range(7)])
@pytest.mark.parametrize("day", ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
def test_weekdays_agree_with_dateparser_looking_back(day, base):
    # dateparser, preferring the past, takes the latest such weekday before the base; on the
    # weekday itself we take the base date (an article saying "Monday" on a Monday means that day).
    if base.strftime("%A") == day:
        assert ours(day, base) == base.isoformat()
    else:
        assert ours(day, base) == dateparser_resolve(day.lower(), base).isoformat()


def test_few_and_several_still_go_to_dateparser():
    assert _counted_ago("a few days ago", dt.date(2024, 9, 25)) is None
    assert re.fullmatch(DATE_PHRASE, "several weeks ago")
