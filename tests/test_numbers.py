"""Numbers as news writes them: digits, cardinal and ordinal words."""

from __future__ import annotations

import re

import pytest

from checker.numbers import CARDINAL, ORDINAL, is_round, parse_cardinal, parse_ordinal


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
