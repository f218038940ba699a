"""A pattern's required word, read from its parse tree, and what scanning for it needs (its Shape)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from re import _compiler, _parser
from re import _constants as sre

from .bounds import _MEMO, _REPEATS, _ZERO_WIDTH, SPACE_RUN, TOKEN_RUN, Unbounded, Width, item_width, lookahead, width
from .first import first_look

# Past the place it was sent to, a head search covers this much more text, so
# that places close together do not each cost a search.
STRIDE = 48
# Strings longer than this are looked for by their start alone: fewer searches, same places and a few more.
LONGEST_STRING = 8


CASELESS, EXACT, DIGITS = "caseless", "exact", "digits"


@dataclass(frozen=True)
class Word:
    """Literal strings one of which every match contains, starting at most `reach` after the match's start.

    Each string is (text, how): CASELESS strings are lower-case and looked for
    in the folded text, EXACT ones as they are, and DIGITS stands for any digit.
    """

    strings: frozenset[tuple[str, str]]
    reach: Width
    # Indices from the sequence down through the groups to the part that holds the word.
    path: tuple[int, ...] = ()

    def cost(self, extent: Width = Width()) -> float:
        """A rough cost per character of text: finding the places, then searching a window at each."""
        window = (self.reach + extent).at((SPACE_RUN // 2, TOKEN_RUN // 2)) + STRIDE
        return self.frequency * window + len(self.strings) * FIND_COST

    @cached_property
    def frequency(self) -> float:
        return sum(_frequency(*string) for string in self.strings)


# Per-position cost of a str.find relative to one window position of a regex search.
FIND_COST = 1 / 300


# How often each letter starts at a position of English prose (letters are about 80% of characters).
_LETTER_FREQUENCY = dict(zip("etaoinshrdlcumwfgypbvkjxqz", (
    .096, .072, .064, .060, .056, .054, .050, .049, .048, .034, .032, .022, .022,
    .019, .019, .018, .016, .016, .015, .012, .008, .006, .0012, .0012, .0008, .0006)))


@lru_cache(maxsize=4096)
def _frequency(text: str, how: str) -> float:
    """A guess at how often a string starts at a given position of news prose.

    Letters multiply as if independent, times 8 for each letter after the first,
    since prose is made of words rather than random letters.
    """
    if how == DIGITS:
        return 1 / 50
    guess = 1.0
    for char in text:
        guess *= _LETTER_FREQUENCY.get(char.lower(), 1 / 40) * (2.5 if how == EXACT and char.isupper() else 1) ** -1
    guess *= 8 ** (len(text) - 1)
    return min(guess, 1.0)


def _is_digit_set(op, av) -> bool:
    """Whether a one-character part matches only digits ('\\d', '[0-9]', '[89]')."""
    if op is not sre.IN:
        return False
    for member, value in av:
        if member is sre.CATEGORY and value in (sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_DIGIT):
            continue
        if member is sre.LITERAL and 0x30 <= value <= 0x39:
            continue
        if member is sre.RANGE and 0x30 <= value[0] and value[1] <= 0x39:
            continue
        return False
    return True


def _ascii_literal(op, av) -> bool:
    return op is sre.LITERAL and av < 128


def _leading_strings(items, caseless: bool, first: int = 0, onward: bool = False) -> frozenset[tuple[str, str]] | None:
    """Literal strings every match of `items[first:]` starts with, after zero-width assertions.
    `onward`: the strings continue a run before them, so short digit runs stay literal ("g" + "7")."""
    key = (id(items), caseless, first, onward)
    known = _MEMO.get(key)
    if known is None or known[0] is not items:
        known = _MEMO[key] = (items, _leading_strings_uncached(items, caseless, first, onward))
    return known[1]


def _leading_strings_uncached(items, caseless: bool, first: int, onward: bool) -> frozenset[tuple[str, str]] | None:
    for index in range(first, len(items)):
        op, av = items[index]
        if op in _ZERO_WIDTH:
            continue
        if _ascii_literal(op, av):
            run = []
            for next_op, next_av in items[index:]:
                if not _ascii_literal(next_op, next_av):
                    break
                run.append(chr(next_av))
            text = "".join(run)
            if text[0].isdigit() and len(text) < 3 and not onward:
                return frozenset({("0", DIGITS)})
            how = CASELESS if caseless else EXACT
            text = text.lower() if caseless else text
            # A run followed by an alternation ("p" then "m|rime minister", as a trie has it)
            # starts with the run and each way on: "pm", "prime minister", far rarer than "p".
            after = index + len(run)
            if len(text) < LONGEST_STRING and after < len(items):
                rests = _leading_strings(items, caseless, after, onward=True)
                if rests and len(rests) <= 64 and all(h == how for _, h in rests):
                    return frozenset((text + rest, how) for rest, _ in rests)
            return frozenset({(text, how)})
        if _is_digit_set(op, av):
            return frozenset({("0", DIGITS)})
        if op is sre.BRANCH:
            strings: set[tuple[str, str]] = set()
            for alternative in av[1]:
                found = _leading_strings(alternative.data, caseless, onward=onward)
                if not found:
                    return None
                strings |= found
            return frozenset(strings)
        if op is sre.SUBPATTERN:
            return _leading_strings(av[3].data, _caseless(caseless, av), onward=onward)
        if op is sre.ATOMIC_GROUP:
            return _leading_strings(av.data, caseless, onward=onward)
        if op in _REPEATS and av[0] >= 1:
            return _leading_strings(av[2].data, caseless, onward=onward)
        return None
    return None


def _caseless(caseless: bool, group) -> bool:
    """Whether a group's contents match regardless of case: its own (?i:) or (?-i:) flags, else the enclosing ones."""
    _, add_flags, del_flags, _ = group
    if add_flags & sre.SRE_FLAG_IGNORECASE:
        return True
    if del_flags & sre.SRE_FLAG_IGNORECASE:
        return False
    return caseless


def _cheaper(a: Word | None, b: Word | None) -> Word | None:
    if a is None or b is None:
        return a or b
    return a if a.cost() <= b.cost() else b


def required_words(items, caseless: bool) -> list[Word]:
    """Each part's cheapest required word, its reach counted from the sequence's start."""
    key = ("words", id(items), caseless)
    known = _MEMO.get(key)
    if known is not None and known[0] is items:
        return known[1]
    found_words = []
    offset = Width()
    for index, (op, av) in enumerate(items):
        if op not in _ZERO_WIDTH:
            leading = _leading_strings(items, caseless, index)
            # On a tie the inner word wins: its path goes deeper, so the head is shorter.
            found = _cheaper(_inner_word(op, av, caseless), Word(leading, Width()) if leading else None)
            if found is not None:
                path = (index,) + found.path if op is sre.SUBPATTERN else (index,)
                found_words.append(Word(found.strings, offset + found.reach, path))
        try:
            offset = offset + item_width(op, av)
        except Unbounded:
            break  # a word past this part could start any distance from the match's start
    _MEMO[key] = (items, found_words)
    return found_words


def _inner_word(op, av, caseless: bool) -> Word | None:
    """A required word inside one part: a group, a repeat done at least once, or every branch of an alternation."""
    if op is sre.SUBPATTERN:
        return _cheapest(required_words(av[3].data, _caseless(caseless, av)))
    if op is sre.ATOMIC_GROUP:
        return _cheapest(required_words(av.data, caseless))
    if op in _REPEATS and av[0] >= 1:
        return _cheapest(required_words(av[2].data, caseless))
    if op is sre.BRANCH:
        strings: set[tuple[str, str]] = set()
        reach = Width()
        for alternative in av[1]:
            inner = _cheapest(required_words(alternative.data, caseless))
            if inner is None:
                return None
            strings |= inner.strings
            reach = reach.widest(inner.reach)
        return Word(frozenset(strings), reach)
    return None


def _cheapest(found: list[Word]) -> Word | None:
    best = None
    for word in found:
        best = _cheaper(best, word)
    return best


def search_strings(strings: frozenset[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Strings enough to find every place of the word: each cut to its start, none the start of another."""
    cut = {(text[:LONGEST_STRING], how) for text, how in strings}
    kept = [(t, h) for t, h in cut if not any(h == other_h and t != o and t.startswith(o) for o, other_h in cut)]
    return tuple(sorted(kept))


@dataclass(frozen=True)
class Shape:
    """What `Text.finditer` needs to know about one pattern."""

    strings: tuple[tuple[str, str], ...]
    reach: Width
    head: re.Pattern  # the pattern's parts up to the one holding the word
    head_extent: Width  # how far past its start an attempt of the head may read
    # The other parts' required words (digits left out: nearly every text has one). A text
    # without one of them has no match, which a few `str.find`s tell before any search.
    gates: tuple[tuple[tuple[str, str], ...], ...] = ()
    # The reach of a part that is digits alone ("28,500", "1953"), if there is one: a match has
    # a digit at most that far past its start. Digits are in nearly every text but in few places
    # of it, so no head search need start before the next digit less this reach (see text.py).
    digits_reach: Width | None = None


@lru_cache(maxsize=256)
def shape(pattern: re.Pattern) -> Shape | None:
    """The pattern's cheapest required word, its reach and head, or None when it must run the plain way."""
    _MEMO.clear()
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        best = None
        words = required_words(tree.data, bool(tree.state.flags & sre.SRE_FLAG_IGNORECASE))
        for word in words:
            head_items = _head(tree.data, word.path)
            # +2: an assertion may read the character at the attempt's end, and `$` the one after it.
            head_extent = width(head_items) + lookahead(head_items) + Width(2)
            if best is None or word.cost(head_extent) < best[0].cost(best[2]):
                best = (word, head_items, head_extent)
        if best is None:
            return None
        word, head_items, head_extent = best
        look = first_look(_parser.SubPattern(tree.state, head_items))
        if look is not None:  # a look at the first character lets each head search skip most positions
            head_items = _parser.parse(look, pattern.flags).data + head_items
        head = pattern if head_items == tree.data else _compiler.compile(_parser.SubPattern(tree.state, head_items), pattern.flags)
    except (Unbounded, RecursionError, TypeError, ValueError, re.error):
        return None
    finally:
        _MEMO.clear()
    others = [w for w in words if w is not word]
    gates = tuple(dict.fromkeys(
        gate for gate in (search_strings(w.strings) for w in others if all(how != DIGITS for _, how in w.strings))
        if not _implied(gate, word.strings)))
    digits = [w.reach for w in others if all(how == DIGITS for _, how in w.strings)]
    return Shape(search_strings(word.strings), word.reach, head, head_extent, gates, digits[0] if digits else None)


def _implied(gate: tuple[tuple[str, str], ...], word: frozenset[tuple[str, str]]) -> bool:
    """Whether each of the word's strings holds one of the gate's ("ince" in "Since"): a text with the word
    then passes the gate, and one without it has no places to search, so the gate would only cost a find."""
    return all(any(how == gate_how and string in text for string, gate_how in gate) for text, how in word)


def _head(items, path: tuple[int, ...]) -> list:
    """The parts of a sequence up to the one holding the word, cut inside the groups that hold it too.

    Every match of the pattern starts with a match of this prefix, which is
    what the head search relies on; a shorter head reads less past a place.
    Groups in the head capture nothing: the head only says where to try the pattern.
    """
    index, deeper = path[0], path[1:]
    op, av = items[index]
    if not deeper:
        return list(items[:index + 1])
    group, add_flags, del_flags, body = av
    cut = _parser.SubPattern(body.state, _head(body.data, deeper))
    return list(items[:index]) + [(sre.SUBPATTERN, (None, add_flags, del_flags, cut))]


