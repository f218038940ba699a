"""Numbers as news writes them: digits, cardinal and ordinal words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.numbers import (CARDINAL, GROUPED_DIGITS, ORDINAL, TENS, TENS_ORDINALS, UNIT_ORDINALS, UNITS, is_round,
                             parse_cardinal, parse_ordinal)


@pytest.mark.parametrize("token,value", [
    ("4th", 4), ("fourth", 4), ("Fourth", 4), ("sixtieth", 60), ("Sixtieth", 60), ("seventy-fifth", 75),
    ("forty-third", 43), ("twenty first", 21), ("hundredth", 100), ("54th", 54), ("1st", 1), ("22nd", 22),
])
def test_ordinals(token, value):
    assert re.fullmatch(ORDINAL, token, re.I)
    assert parse_ordinal(token) == value


@pytest.mark.parametrize("token,value", [
    ("six", 6), ("seventy", 70), ("seventy-five", 75), ("twelve", 12), ("28,500", 28500), ("28.5", 28.5),
    ("a hundred", 100),
])
def test_cardinals(token, value):
    assert re.fullmatch(CARDINAL, token, re.I)
    assert parse_cardinal(token) == value


@pytest.mark.parametrize("token", ["sixth-ish", "fourths", "the"])
def test_words_that_are_no_ordinals(token):
    assert parse_ordinal(token) is None


def test_round_numbers_are_approximations():
    assert is_round(70) and is_round(75) and not is_round(72) and not is_round(5)


# What the tries replaced: flat longest-first alternations, one per form, in this order.
def _flat(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_TENS, _UNITS1, _UNIT_ORD1 = _flat(TENS), _flat(UNITS[1:10]), _flat(UNIT_ORDINALS[1:10])
FLAT_CARDINAL = (rf"(?:{GROUPED_DIGITS}|\d{{1,7}}(?:\.\d+)?|(?:{_TENS})(?:[- ](?:{_UNITS1}))?|{_flat(UNITS[1:])}"
                 rf"|(?:a |one )?hundred)")
FLAT_ORDINAL = (rf"(?:\d{{1,4}}(?:st|nd|rd|th)|(?:{_TENS})[- ](?:{_UNIT_ORD1})|{_flat(TENS_ORDINALS)}"
                rf"|{_flat(UNIT_ORDINALS[1:])}|hundredth)")
NUMBER_WORDS = [*UNITS, *TENS, *UNIT_ORDINALS, *TENS_ORDINALS, "hundred", "hundredth", "a", "one", "th", "teen",
                "ty", "-", " ", "  ", "Seventy", "SEVENTH", "ſixty", "1", "54", "54th", "1,000", "28,500", ",", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(NUMBER_WORDS), max_size=12))
def test_the_tries_match_what_the_flat_alternations_matched(words):
    text = "".join(words)
    # Followed by more pattern, so backtracking into shorter words is exercised too.
    for flat, trie in ((FLAT_CARDINAL, CARDINAL), (FLAT_ORDINAL, ORDINAL)):
        for tail in ("", r"[- ](?:years?|anniversary|\w+)", r"\s+\w", r"\b"):
            expected = [m.span() for m in re.finditer(rf"\b{flat}{tail}", text, re.I)]
            assert [m.span() for m in re.finditer(rf"\b{trie}{tail}", text, re.I)] == expected, (text, tail)
