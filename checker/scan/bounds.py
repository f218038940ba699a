"""Bounds on how much text a part of a regex can consume, and the text properties they rest on.

A part's width is counted as fixed + spaces × (longest whitespace run) +
tokens × (longest run of other characters): an unbounded repeat such as
`\\s+` or `[A-Z][a-z]+` consumes at most one such run of the text it runs on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from re import _constants as sre

# Characters that `re.IGNORECASE` equates with an ASCII letter but that
# `str.lower` does not turn into one (tests/test_scan.py checks the list).
EXOTIC_CASES = {"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"}
_FOLD_EXOTIC = {ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {ord(k): v for k, v in EXOTIC_CASES.items()}
_UNBOUNDED = sre.MAXREPEAT
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# Run lengths nearly every article stays under; a text with a longer run is measured exactly.
SPACE_RUN, TOKEN_RUN = 8, 24
# Bytes that are whitespace to `re` (and to str.isspace) -> b" ", every other byte -> b"x".
_ASCII_SPACES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "
_RUN_CLASSES = bytes(32 if i in _ASCII_SPACES else 120 for i in range(256))
# The whitespace outside ASCII (tests/test_scan.py checks the list). Searching a text for
# it with a regex took tens of microseconds when the text is not ASCII: longest_runs
# translates its UTF-8 bytes instead.
WIDE_SPACES = "\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_WIDE_SPACE_BYTES = set(WIDE_SPACES.encode())
# As _RUN_CLASSES, but each byte of a wide space's UTF-8 form -> b" " as well. Some bytes of
# other characters become b" " with them, which only makes a run look longer.
_SPACE_CLASSES = bytes(32 if i in _ASCII_SPACES or i in _WIDE_SPACE_BYTES else 120 for i in range(256))
_SPACE_RUNS = re.compile(r"\s{%d,}" % (SPACE_RUN + 1))
_TOKEN_RUNS = re.compile(r"\S{%d,}" % (TOKEN_RUN + 1))


def fold(text: str, encoded: bytes | None = None) -> str:
    """The text with ASCII letters, and what re.IGNORECASE equates with them, lower-cased; same length.

    Other letters may be lower-cased too: the words looked for are ASCII.
    `encoded`, if given, is the text in UTF-8 with surrogates passed through.
    """
    if text.isascii():
        return text.lower()
    if any(exotic in text for exotic in EXOTIC_CASES):
        return text.translate(_FOLD_EXOTIC)
    # `str.lower` of a text outside ASCII looks up every character's case, 25 µs over a 5 KB article.
    # In UTF-8 every byte of a character outside ASCII is 0x80 or above, so `bytes.lower` turns the
    # ASCII letters alone, which are all that is looked for (no other letter lower-cases into ASCII
    # but those of EXOTIC_CASES), in a few microseconds.
    if encoded is None:
        encoded = text.encode("utf-8", "surrogatepass")
    return encoded.lower().decode("utf-8", "surrogatepass")


def longest_runs(text: str, encoded: bytes | None = None) -> tuple[int, int]:
    """Upper bounds on the longest run of whitespace and on the longest run of other characters.

    A byte-level check settles almost every text: UTF-8 never makes a run
    shorter in bytes than in characters. Other characters' bytes can pass for
    whitespace in the check for spaces (see _SPACE_CLASSES); a text whose bytes
    show a long run either way is measured exactly, by the slower regex.
    `encoded`, if given, is the text in UTF-8 with surrogates passed through.
    """
    if encoded is None:
        encoded = text.encode("utf-8", "surrogatepass")
    classes = encoded.translate(_RUN_CLASSES)
    space_classes = classes if text.isascii() else encoded.translate(_SPACE_CLASSES)
    if b" " * (SPACE_RUN + 1) not in space_classes:
        spaces = SPACE_RUN
    else:
        spaces = max((m.end() - m.start() for m in _SPACE_RUNS.finditer(text)), default=SPACE_RUN)
    if b"x" * (TOKEN_RUN + 1) not in classes:
        tokens = TOKEN_RUN
    else:
        tokens = max((m.end() - m.start() for m in _TOKEN_RUNS.finditer(text)), default=TOKEN_RUN)
    return spaces, tokens


# Answers for parts of the pattern being analysed, by identity: the same part is asked about many times.
_MEMO: dict = {}


@dataclass(frozen=True)
class Width:
    """A bound on a number of characters: fixed + spaces × (longest whitespace run) + tokens × (longest other run)."""

    fixed: int = 0
    spaces: int = 0
    tokens: int = 0

    def __add__(self, other: Width) -> Width:
        return Width(self.fixed + other.fixed, self.spaces + other.spaces, self.tokens + other.tokens)

    def times(self, count: int) -> Width:
        return Width(self.fixed * count, self.spaces * count, self.tokens * count)

    def widest(self, other: Width) -> Width:
        return Width(max(self.fixed, other.fixed), max(self.spaces, other.spaces), max(self.tokens, other.tokens))

    def at(self, runs: tuple[int, int]) -> int:
        return self.fixed + self.spaces * runs[0] + self.tokens * runs[1]


class Unbounded(Exception):
    """A part of the pattern has no length bound that the text's runs give."""


def _kinds_of_set(members) -> set[str]:
    kinds: set[str] = set()
    for member, value in members:
        if member is sre.LITERAL:
            kinds.add("space" if chr(value).isspace() else "other")
        elif member is sre.RANGE:
            kinds.add("other")
            if any(chr(c).isspace() for c in range(value[0], min(value[1], 0x3000) + 1)):
                kinds.add("space")
        elif member is sre.CATEGORY and value in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE):
            kinds.add("space")
        elif member is sre.CATEGORY and value in (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT, sre.CATEGORY_WORD,
                                                  sre.CATEGORY_UNI_WORD, sre.CATEGORY_NOT_SPACE, sre.CATEGORY_UNI_NOT_SPACE):
            kinds.add("other")
        else:  # NEGATE and the remaining categories
            return {"space", "other"}
    return kinds


def consumable(items) -> set[str]:
    """Which kinds of character ('space', 'other') a part of a pattern can consume."""
    kinds: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op is sre.LITERAL:
            kinds.add("space" if chr(av).isspace() else "other")
        elif op is sre.IN:
            kinds |= _kinds_of_set(av)
        elif op in (sre.ANY, sre.NOT_LITERAL):
            kinds |= {"space", "other"}
        elif op is sre.BRANCH:
            for alternative in av[1]:
                kinds |= consumable(alternative)
        elif op is sre.SUBPATTERN:
            kinds |= consumable(av[3])
        elif op is sre.ATOMIC_GROUP:
            kinds |= consumable(av)
        elif op in _REPEATS:
            kinds |= consumable(av[2])
        else:
            raise Unbounded(op)
    return kinds


def width(items) -> Width:
    """At most how many characters a part of a pattern consumes."""
    key = ("width", id(items))
    known = _MEMO.get(key)
    if known is not None and known[0] is items:
        return known[1]
    found = Width()
    for op, av in items:
        found = found + item_width(op, av)
    _MEMO[key] = (items, found)  # the part itself is kept, so that its id is not reused while the answer stands
    return found


def item_width(op, av) -> Width:
    if op in _ZERO_WIDTH:
        return Width()
    if op in (sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY):
        return Width(1)
    if op is sre.BRANCH:
        widest = Width()
        for alternative in av[1]:
            widest = widest.widest(width(alternative.data))
        return widest
    if op is sre.SUBPATTERN:
        return width(av[3].data)
    if op is sre.ATOMIC_GROUP:
        return width(av.data)
    if op in _REPEATS:
        low, high, body = av
        if high != _UNBOUNDED:
            return width(body.data).times(high)
        kinds = consumable(body)
        if not kinds:
            return Width()
        if kinds == {"space"}:
            return Width(spaces=1)
        if kinds == {"other"}:
            return Width(tokens=1)
    raise Unbounded(op)  # unbounded repeats of mixed text, back-references, conditionals


def lookahead(items) -> Width:
    """At most how far past its position a part's assertions read (counted as if consumed: a safe excess)."""
    total = Width()
    for op, av in items:
        if op in (sre.ASSERT, sre.ASSERT_NOT):
            # A lookbehind reads behind the position, save for lookaheads of its own.
            total = total + (width(av[1]) if av[0] == 1 else Width()) + lookahead(av[1])
        elif op is sre.BRANCH:
            widest = Width()
            for alternative in av[1]:
                widest = widest.widest(lookahead(alternative))
            total = total + widest
        elif op is sre.SUBPATTERN:
            total = total + lookahead(av[3])
        elif op is sre.ATOMIC_GROUP:
            total = total + lookahead(av)
        elif op in _REPEATS:
            inner = lookahead(av[2])
            if inner != Width():
                if av[1] == _UNBOUNDED:
                    raise Unbounded(op)
                total = total + inner.times(av[1])
    return total


