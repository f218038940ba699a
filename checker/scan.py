"""A regex's matches in a long text, found without trying the regex at every position.

Python's `re` tries a pattern such as `\\b(?:first|second|...|\\d+th)[- ]anniversary`
at every position of the text: about a millisecond per pattern over a 5 KB
article, and the extractors have a dozen. Most patterns contain a *required
word* ("anniversary", a series name, an office title) that `str.find` locates
in microseconds. `Text.finditer` looks for the word first and tries the
pattern only just before each place it occurs.

It yields exactly the matches of `pattern.finditer(text)`:
- The word is read from the pattern's parse tree: literal text (or an
  alternation of literal texts) that every match contains, starting at most
  `reach` characters after the match's start. So no match starts more than
  `reach` before the first place of the word at or after the scan position.
- `reach` adds up the pattern's bounded parts and, for each unbounded repeat
  such as `\\s+`, the longest run of whitespace (or of other characters) in
  the text: a repeat can consume no more than one such run. A pattern with an
  unbounded part that spans both kinds gets no bound and runs the plain way.
- Near a place, the pattern's *head* (its parts up to the one holding the word)
  is searched first: every match of the pattern begins with a match of its head.
  The head is searched with an `endpos` past which none of its attempts that
  matter can read, and each head match is confirmed by matching the whole
  pattern on the whole text.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import cached_property, lru_cache
from re import _compiler, _parser
from re import _constants as sre
from typing import Iterator

# Characters that `re.IGNORECASE` equates with an ASCII letter but that
# `str.lower` does not turn into one (tests/test_scan.py checks the list).
EXOTIC_CASES = {"\u0130": "i", "\u0131": "i", "\u212a": "k", "\u017f": "s"}
_FOLD_EXOTIC = {ord(c): ord(c.lower()) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {ord(k): v for k, v in EXOTIC_CASES.items()}
# Past the place it was sent to, a head search covers this much more text, so
# that places close together do not each cost a search.
STRIDE = 48
# Strings longer than this are looked for by their start alone: fewer searches, same places and a few more.
LONGEST_STRING = 8
_UNBOUNDED = sre.MAXREPEAT
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
# Run lengths nearly every article stays under; a text with a longer run is measured exactly.
SPACE_RUN, TOKEN_RUN = 8, 24
# Bytes that are whitespace to `re` (and to str.isspace) -> b" ", every other byte -> b"x".
_ASCII_SPACES = b"\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f "
_RUN_CLASSES = bytes(32 if i in _ASCII_SPACES else 120 for i in range(256))
_WIDE_SPACE = re.compile("[\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")
_SPACE_RUNS = re.compile(r"\s{%d,}" % (SPACE_RUN + 1))
_TOKEN_RUNS = re.compile(r"\S{%d,}" % (TOKEN_RUN + 1))


def fold(text: str) -> str:
    """The text with ASCII letters, and what re.IGNORECASE equates with them, lower-cased; same length.

    Other letters may be lower-cased too: the words looked for are ASCII.
    """
    if text.isascii():
        return text.lower()
    folded = text.lower()
    if len(folded) == len(text) and "\u0131" not in text and "\u017f" not in text:
        return folded
    return text.translate(_FOLD_EXOTIC)


def longest_runs(text: str) -> tuple[int, int]:
    """Upper bounds on the longest run of whitespace and on the longest run of other characters.

    A byte-level check settles almost every text: UTF-8 never makes a run
    shorter in bytes than in characters, and non-ASCII whitespace sends the
    text to the exact, slower measure.
    """
    classes = text.encode("utf-8", "surrogatepass").translate(_RUN_CLASSES)
    if b" " * (SPACE_RUN + 1) not in classes and not _WIDE_SPACE.search(text):
        spaces = SPACE_RUN
    else:
        spaces = max((m.end() - m.start() for m in _SPACE_RUNS.finditer(text)), default=SPACE_RUN)
    if b"x" * (TOKEN_RUN + 1) not in classes:
        tokens = TOKEN_RUN
    else:
        tokens = max((m.end() - m.start() for m in _TOKEN_RUNS.finditer(text)), default=TOKEN_RUN)
    return spaces, tokens


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


def _leading_strings(items, caseless: bool, first: int = 0) -> frozenset[tuple[str, str]] | None:
    """Literal strings every match of `items[first:]` starts with, after zero-width assertions."""
    key = (id(items), caseless, first)
    known = _MEMO.get(key)
    if known is None or known[0] is not items:
        known = _MEMO[key] = (items, _leading_strings_uncached(items, caseless, first))
    return known[1]


def _leading_strings_uncached(items, caseless: bool, first: int) -> frozenset[tuple[str, str]] | None:
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
            if text[0].isdigit() and len(text) < 3:
                return frozenset({("0", DIGITS)})
            how = CASELESS if caseless else EXACT
            text = text.lower() if caseless else text
            # A run followed by an alternation ("p" then "m|rime minister", as a trie has it)
            # starts with the run and each way on: "pm", "prime minister", far rarer than "p".
            after = index + len(run)
            if len(text) < LONGEST_STRING and after < len(items):
                onward = _leading_strings(items, caseless, after)
                if onward and len(onward) <= 64 and all(h == how for _, h in onward):
                    return frozenset((text + rest, how) for rest, _ in onward)
            return frozenset({(text, how)})
        if _is_digit_set(op, av):
            return frozenset({("0", DIGITS)})
        if op is sre.BRANCH:
            strings: set[tuple[str, str]] = set()
            for alternative in av[1]:
                found = _leading_strings(alternative.data, caseless)
                if not found:
                    return None
                strings |= found
            return frozenset(strings)
        if op is sre.SUBPATTERN:
            return _leading_strings(av[3].data, _caseless(caseless, av))
        if op is sre.ATOMIC_GROUP:
            return _leading_strings(av.data, caseless)
        if op in _REPEATS and av[0] >= 1:
            return _leading_strings(av[2].data, caseless)
        return None
    return None


# Answers for parts of the pattern being analysed, by identity: the same part is asked about many times.
_MEMO: dict = {}


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
        offset = offset + item_width(op, av)
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


@lru_cache(maxsize=256)
def shape(pattern: re.Pattern) -> Shape | None:
    """The pattern's cheapest required word, its reach and head, or None when it must run the plain way."""
    _MEMO.clear()
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
        best = None
        for word in required_words(tree.data, bool(tree.state.flags & sre.SRE_FLAG_IGNORECASE)):
            head_items = _head(tree.data, word.path)
            # +2: an assertion may read the character at the attempt's end, and `$` the one after it.
            head_extent = width(head_items) + lookahead(head_items) + Width(2)
            if best is None or word.cost(head_extent) < best[0].cost(best[2]):
                best = (word, head_items, head_extent)
        if best is None:
            return None
        word, head_items, head_extent = best
        head = pattern if head_items == tree.data else _compiler.compile(_parser.SubPattern(tree.state, head_items), pattern.flags)
    except (Unbounded, RecursionError, TypeError, ValueError, re.error):
        return None
    finally:
        _MEMO.clear()
    return Shape(search_strings(word.strings), word.reach, head, head_extent)


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


class Text:
    """One text prepared for scanning: folded once, its runs measured once, each string's places found once."""

    def __init__(self, text: str):
        self.text = text
        self._folded: str | None = None
        self._runs: tuple[int, int] | None = None
        self._places: dict = {}

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    @property
    def runs(self) -> tuple[int, int]:
        if self._runs is None:
            self._runs = longest_runs(self.text)
        return self._runs

    def places(self, strings: tuple[tuple[str, str], ...]) -> list[int]:
        """Every position (overlapping ones too) where one of `strings` starts, in order."""
        found = self._places.get(strings)
        if found is None:
            if len(strings) == 1:
                found = self._places_of(*strings[0])
            else:
                found = sorted({p for string in strings for p in self._places_of(*string)})
            self._places[strings] = found
        return found

    def _places_of(self, string: str, how: str) -> list[int]:
        key = (string, how)
        found = self._places.get(key)
        if found is None:
            found = []
            if how == DIGITS:
                for run in _DIGIT_RUNS.finditer(self.text):
                    found.extend(range(run.start(), run.end()))
            else:
                haystack = self.folded if how == CASELESS else self.text
                at = haystack.find(string)
                while at != -1:
                    found.append(at)
                    at = haystack.find(string, at + 1)
            self._places[key] = found
        return found

    def finditer(self, pattern: re.Pattern) -> list[re.Match]:
        """The matches of `pattern.finditer(text)`, in order, found the faster of the two ways for this pattern."""
        tuner = _TUNERS.get(pattern)
        if tuner is None:
            tuner = _TUNERS[pattern] = Tuner()
        # Analysing a pattern takes tens of milliseconds: worth it for a corpus, not for a few texts.
        tuner.uses += 1
        found = shape(pattern) if tuner.uses > ANALYSE_AFTER else None
        if found is None:
            return list(pattern.finditer(self.text))
        use_word = tuner.use_word()
        if use_word is not None:
            return list(_near_places(pattern, found, self) if use_word else pattern.finditer(self.text))
        if tuner.trying_word():
            self.folded, self.runs  # shared by every pattern of the text: not this pattern's cost
        started = time.process_time()  # this process's time: other processes on the machine do not count
        if tuner.trying_word():
            matches = list(_near_places(pattern, found, self))
        else:
            matches = list(pattern.finditer(self.text))
        tuner.record(time.process_time() - started, len(self.text))
        return matches


_DIGIT_RUNS = re.compile(r"\d+")
# Texts a pattern runs over the plain way before it is analysed.
ANALYSE_AFTER = 16


class Tuner:
    """Times a pattern both ways on the first texts and keeps the faster. Both find the same matches."""

    TRIALS = 6  # texts timed each way

    def __init__(self):
        self.uses = 0
        self.seconds = [0.0, 0.0]  # plain, by word
        self.characters = [0, 0]
        self.trials = 0
        self.choice: bool | None = None

    def use_word(self) -> bool | None:
        return self.choice

    def trying_word(self) -> bool:
        return self.trials % 2 == 1

    def record(self, seconds: float, characters: int) -> None:
        way = self.trials % 2
        self.seconds[way] += seconds
        self.characters[way] += max(characters, 1)
        self.trials += 1
        if self.trials >= 2 * self.TRIALS:
            plain, by_word = (self.seconds[i] / self.characters[i] for i in (0, 1))
            self.choice = by_word < plain


_TUNERS: dict[re.Pattern, Tuner] = {}


def _near_places(pattern: re.Pattern, found: Shape, prepared: Text) -> Iterator[re.Match]:
    text = prepared.text
    reach = found.reach.at(prepared.runs)
    head_extent = found.head_extent.at(prepared.runs)
    search_head = found.head.search
    length = len(text)
    pos = 0
    for place in prepared.places(found.strings):
        if place < pos:
            continue
        start = max(pos, place - reach)
        # Every head attempt starting at or before `trusted` reads only text before `endpos`.
        trusted = place + STRIDE
        endpos = min(length, trusted + head_extent)
        matched = None
        while matched is None:
            head = search_head(text, start, endpos)
            if head is None or (head.start() > trusted and endpos < length):
                break
            matched = pattern.match(text, head.start())
            start = head.start() + 1
        if matched is not None:
            yield matched
            pos = matched.end() if matched.end() > matched.start() else matched.end() + 1
        else:
            pos = trusted + 1
