"""A look at the first character, put in front of a pattern that `re` cannot skip ahead for.

`re` finds the next place a pattern could start in C only when the pattern
opens with literal text it can see (and does not ignore case). A pattern that
opens with `\\b`, a lookbehind, or an alternation ignoring case is entered at
every position of the text, which for a big alternation costs hundreds of
nanoseconds a character. `(?=[...])` holding every character a match can start
with rejects most positions in one test and changes no match.
"""

from __future__ import annotations

import re
from functools import lru_cache
from re import _constants as sre
from re import _compiler, _parser

from ..programs import compiled
from .bounds import _REPEATS, _ZERO_WIDTH

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
    sre.CATEGORY_UNI_DIGIT: r"\d", sre.CATEGORY_UNI_NOT_DIGIT: r"\D", sre.CATEGORY_UNI_SPACE: r"\s",
    sre.CATEGORY_UNI_NOT_SPACE: r"\S", sre.CATEGORY_UNI_WORD: r"\w", sre.CATEGORY_UNI_NOT_WORD: r"\W",
}


class _Unknown(Exception):
    """A part whose first character cannot be told (any character, a back-reference, a negated set)."""


def _member(op, av) -> str:
    if op is sre.LITERAL:
        return re.escape(chr(av))
    if op is sre.RANGE:
        return f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}"
    if op is sre.CATEGORY and av in _CATEGORIES:
        return _CATEGORIES[av]
    raise _Unknown(op)


def _first(items, caseless: bool, into: dict[bool, set[str]]) -> bool:
    """Adds to `into` (by whether case is ignored) what a match of the sequence can start with;
    returns whether the sequence can match the empty string."""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # an assertion only narrows where a match starts
        if op is sre.LITERAL:
            into[caseless].add(_member(op, av))
            return False
        if op is sre.IN:
            into[caseless].update(_member(member, value) for member, value in av)  # NEGATE raises
            return False
        if op is sre.BRANCH:
            empty = False
            for alternative in av[1]:
                empty |= _first(alternative.data, caseless, into)
            if not empty:
                return False
        elif op is sre.SUBPATTERN:
            _, add_flags, del_flags, body = av
            inner = bool(add_flags & sre.SRE_FLAG_IGNORECASE) or (caseless and not del_flags & sre.SRE_FLAG_IGNORECASE)
            if not _first(body.data, inner, into):
                return False
        elif op is sre.ATOMIC_GROUP:
            if not _first(av.data, caseless, into):
                return False
        elif op in _REPEATS:
            low, _, body = av
            if not _first(body.data, caseless, into) and low > 0:
                return False
        else:
            raise _Unknown(op)
    return True


def first_look(tree: _parser.SubPattern) -> str | None:
    """`(?=[...])` for the characters a match of the parsed pattern can start with, or None when there
    is none to give (it may match the empty string, or opens with something unknown) or when `re`
    already skips ahead by itself (a literal or character-set start it can read)."""
    flags = tree.state.flags
    if _compiler._get_literal_prefix(tree, flags)[0] or _compiler._get_charset_prefix(tree, flags):
        return None
    found: dict[bool, set[str]] = {False: set(), True: set()}
    try:
        if _first(tree.data, bool(flags & sre.SRE_FLAG_IGNORECASE), found):
            return None
    except (_Unknown, RecursionError):
        return None
    # A set is written under its own case rule: a (?i:...) class also takes what IGNORECASE equates.
    parts = [f"[{''.join(sorted(found[False]))}]"] if found[False] else []
    if found[True]:
        parts.append(f"(?i:[{''.join(sorted(found[True]))}])")
    return f"(?={'|'.join(parts)})"


@lru_cache(maxsize=256)
def with_first_look(pattern: re.Pattern) -> re.Pattern:
    """The pattern with its first-character look in front: the same matches, found faster."""
    if _GLOBAL_FLAGS.match(pattern.pattern):
        return pattern  # flags written inline must stay first
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except (re.error, RecursionError):
        return pattern
    look = first_look(tree)
    return pattern if look is None else compiled(look + pattern.pattern, pattern.flags)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
