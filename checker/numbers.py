"""Numbers as news writes them: digits, words, ordinals ("54th", "sixtieth", "seventy-fifth")."""

from __future__ import annotations

import re

from .vocabulary import trie

UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
UNIT_ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth"]
TENS_ORDINALS = {"twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
                 "seventieth": 70, "eightieth": 80, "ninetieth": 90}

CARDINAL_WORDS = {w: i for i, w in enumerate(UNITS)} | TENS | {"hundred": 100, "a hundred": 100, "one hundred": 100}
ORDINAL_WORDS = {w: i for i, w in enumerate(UNIT_ORDINALS)} | TENS_ORDINALS | {"hundredth": 100, "centennial": 100}


# The word forms as tries ("seven(?:t(?:een|y(?:[- ](?:...))?))?" rather than a flat list): ignoring case,
# `re` tries every branch of a flat alternation at each word start, which made these the slowest
# parts of the extractors. No word of one alternative below starts another's ("one" / "one hundred"
# stay apart), so the tries match exactly what the flat lists matched (tests/test_numbers.py).
_CARDINAL_WORDS = trie(sorted({*TENS, *(f"{t}{sep}{u}" for t in TENS for sep in "- " for u in UNITS[1:10]), *UNITS[1:]}))
_ORDINAL_WORDS = trie(sorted({*(f"{t}{sep}{u}" for t in TENS for sep in "- " for u in UNIT_ORDINALS[1:10]),
                              *TENS_ORDINALS, *UNIT_ORDINALS[1:], "hundredth"}))

# Patterns are bounded alternations with no nested repetition, so they cannot backtrack badly.
# A number with thousands separators starts where a number starts, not after "1,000," inside
# one: otherwise every comma of "1,000,000,..." restarts a scan to its end (quadratic).
GROUPED_DIGITS = r"(?<!\d)(?<!\d,)\d{1,3}(?:,\d{3})+"
CARDINAL = rf"(?:{GROUPED_DIGITS}|\d{{1,7}}(?:\.\d+)?|{_CARDINAL_WORDS}|(?:a |one )?hundred)"
ORDINAL = rf"(?:\d{{1,4}}(?:st|nd|rd|th)|{_ORDINAL_WORDS})"

def parse_cardinal(token: str) -> float | None:
    """'28,500' -> 28500, '28.5' -> 28.5, 'seventy' -> 70, 'seventy-five' -> 75."""
    token = token.strip().lower()
    digits = token.replace(",", "")
    try:
        return float(digits) if "." in digits else int(digits)
    except ValueError:
        pass
    if token in CARDINAL_WORDS:
        return CARDINAL_WORDS[token]
    parts = re.split(r"[- ]", token)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in CARDINAL_WORDS:
        return TENS[parts[0]] + CARDINAL_WORDS[parts[1]]
    return None


def parse_ordinal(token: str) -> int | None:
    """'54th' -> 54, 'sixtieth' -> 60, 'seventy-fifth' -> 75."""
    token = token.strip().lower()
    found = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", token)
    if found:
        return int(found.group(1))
    if token in ORDINAL_WORDS:
        return ORDINAL_WORDS[token]
    parts = re.split(r"[- ]", token)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINAL_WORDS:
        return TENS[parts[0]] + ORDINAL_WORDS[parts[1]]
    return None


def is_round(number: int) -> bool:
    """Round numbers ("70 years", "seven decades") are approximations in news prose."""
    return number >= 10 and number % 5 == 0
