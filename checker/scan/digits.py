"""Where a text's digits are: every character that `\\d` matches, found without a regex scan.

A regex scan for `\\d` asks each character's Unicode category, 60-80 µs over a
5 KB article. `str.find` of one character runs at memchr speed: ten of them,
one per ASCII digit, take a few microseconds. The digits outside ASCII
(Arabic-Indic, Devanagari, fullwidth...) are ruled out by the first bytes of
their UTF-8 forms, which a text in English seldom holds; a text that holds one
is scanned with the regex.
"""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")
# The first byte of the UTF-8 form of each digit outside ASCII, as one-byte strings: Arabic-Indic,
# N'Ko, the scripts of India and South-East Asia, fullwidth, and those beyond the first plane.
# Written out: working them out from the 1.1 million code points took a fifth of a second at every
# start of a worker. tests/test_scan.py checks the list against this Python's Unicode data.
WIDE_DIGIT_LEADS = (b"\xd9", b"\xdb", b"\xdf", b"\xe0", b"\xe1", b"\xea", b"\xef", b"\xf0")


def digit_places(text: str, encoded: bytes) -> list[int]:
    """The positions of the text's digits, in order; `encoded` is the text in UTF-8."""
    if not text.isascii() and any(lead in encoded for lead in WIDE_DIGIT_LEADS):
        return [match.start() for match in _DIGIT.finditer(text)]
    found = []
    for digit in "0123456789":
        at = text.find(digit)
        while at != -1:
            found.append(at)
            at = text.find(digit, at + 1)
    found.sort()
    return found
