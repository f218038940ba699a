"""Texts prepared for scanning, and the scan itself: places of the word, then the head near each."""

from __future__ import annotations

import re
import time
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Callable, Iterator

from .bounds import fold, longest_runs
from .digits import digit_places
from .first import with_first_look
from .words import CASELESS, DIGITS, LONGEST_STRING, STRIDE, Shape, shape


class Text:
    """One text prepared for scanning: folded once, its runs measured once, each string's places found once."""

    def __init__(self, text: str):
        self.text = text
        self._folded: str | None = None
        self._utf8: bytes | None = None
        self._runs: tuple[int, int] | None = None
        self._places: dict = {}
        self._contains: dict[tuple[tuple[str, str], ...], bool] = {}

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text, self.utf8)
        return self._folded

    @property
    def utf8(self) -> bytes:
        if self._utf8 is None:
            self._utf8 = self.text.encode("utf-8", "surrogatepass")
        return self._utf8

    @property
    def runs(self) -> tuple[int, int]:
        if self._runs is None:
            self._runs = longest_runs(self.text, self.utf8)
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

    def places_within(self, strings: tuple[tuple[str, str], ...], windows: list[tuple[int, int]]) -> list[int]:
        """The places of `strings` that start inside one of `windows` (sorted, disjoint, ends included), in order.
        `str.find` bounded to the windows reads them alone, not the whole text."""
        found = set()
        for string, how in strings:
            known = self._places.get((string, how))
            if known is not None:
                found.update(p for p in known if _inside(windows, p))
                continue
            haystack = self.folded if how == CASELESS else self.text
            for low, high in windows:
                end = high + len(string)
                at = haystack.find(string, low, end)
                while at != -1:
                    found.add(at)
                    at = haystack.find(string, at + 1, end)
        return sorted(found)

    def contains(self, strings: tuple[tuple[str, str], ...]) -> bool:
        """Whether one of `strings` (no DIGITS among them) occurs in the text."""
        found = self._contains.get(strings)
        if found is None:
            found = self._contains[strings] = any(self._occurs(string, how) for string, how in strings)
        return found

    def _occurs(self, string: str, how: str) -> bool:
        """Where the places of the string's start are known (a pattern looked for it), the string is
        looked for there rather than by reading the whole text again."""
        haystack = self.folded if how == CASELESS else self.text
        starts = self._places.get((string[:LONGEST_STRING], how))
        if starts is None:
            return string in haystack
        return any(haystack.startswith(string, place) for place in starts)

    def _places_of(self, string: str, how: str) -> list[int]:
        key = (string, how)
        found = self._places.get(key)
        if found is None:
            if how == DIGITS:
                found = digit_places(self.text, self.utf8)
            else:
                found = find_all(self.folded if how == CASELESS else self.text, string)
            self._places[key] = found
        return found

    def finditer(self, pattern: re.Pattern) -> list[re.Match]:
        """The matches of `pattern.finditer(text)`, in order, found the faster of the two ways for this pattern."""
        tuner = tuner_of(pattern)
        # Analysing a pattern takes tens of milliseconds: worth it for a corpus, not for a few texts.
        tuner.uses += 1
        found = tuner.shape() if tuner.uses > ANALYSE_AFTER else None
        if found is None:
            return list(tuner.plain().finditer(self.text))
        if not all(self.contains(gate) for gate in found.gates):
            return []
        use_word = tuner.use_word()
        if use_word is not None:
            return list(_near_places(pattern, found, self) if use_word else tuner.plain().finditer(self.text))
        if tuner.trying_word():  # shared by every pattern of the text: not this pattern's cost
            self.folded, self.runs
            if found.digits_reach is not None:
                self.places(_ANY_DIGIT)
        started = time.process_time()  # this process's time: other processes on the machine do not count
        if tuner.trying_word():
            matches = list(_near_places(pattern, found, self))
        else:
            matches = list(tuner.plain().finditer(self.text))
        tuner.record(time.process_time() - started, len(self.text))
        return matches


# Texts a pattern runs over the plain way before it is analysed.
ANALYSE_AFTER = 16


class Tuner:
    """Times a pattern both ways on the first texts and keeps the faster. Both find the same matches."""

    TRIALS = 6  # texts timed each way

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self._plain: re.Pattern | None = None
        self._shape: Shape | None | bool = False  # False: not analysed yet
        self.uses = 0
        self.seconds = [0.0, 0.0]  # plain, by word
        self.characters = [0, 0]
        self.trials = 0
        self.choice: bool | None = None

    def plain(self) -> re.Pattern:
        """The pattern to run the plain way: with a look at its first character (see first.py)."""
        if self._plain is None:
            self._plain = with_first_look(self.pattern)
        return self._plain

    def shape(self) -> Shape | None:
        if self._shape is False:
            self._shape = shape(self.pattern)
        return self._shape

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


# By the pattern's id: hashing a compiled pattern hashes its whole program, up to 15 µs for the
# long alternations, and a text asks about a dozen patterns. Each tuner keeps its pattern alive,
# so no other pattern can take its id.
_TUNERS: dict[int, Tuner] = {}


def tuner_of(pattern: re.Pattern) -> Tuner:
    tuner = _TUNERS.get(id(pattern))
    if tuner is None or tuner.pattern is not pattern:
        tuner = _TUNERS[id(pattern)] = Tuner(pattern)
    return tuner


def _near_places(pattern: re.Pattern, found: Shape, prepared: Text) -> Iterator[re.Match]:
    text = prepared.text
    reach = found.reach.at(prepared.runs)
    if reach == 0:
        return _at_places(pattern, found, prepared)
    return _searching_near_places(pattern, found, prepared, reach)


def _at_places(pattern: re.Pattern, found: Shape, prepared: Text) -> Iterator[re.Match]:
    """The matches of a pattern whose word opens every match: each starts at a place of the word, and
    one `match` there costs less than a head search over the window past it (STRIDE and the head's
    extent), which for a long alternation ignoring case took 20 µs."""
    text = prepared.text
    first_start = _after_digits(found, prepared)
    pos = 0
    for place in _places(found, prepared, 0):
        if place < pos or first_start(place) != place:
            continue
        matched = pattern.match(text, place)
        if matched is not None:
            yield matched
            pos = matched.end() if matched.end() > matched.start() else matched.end() + 1


def _searching_near_places(pattern: re.Pattern, found: Shape, prepared: Text, reach: int) -> Iterator[re.Match]:
    text = prepared.text
    head_extent = found.head_extent.at(prepared.runs)
    search_head = found.head.search
    first_start = _after_digits(found, prepared)
    length = len(text)
    pos = 0
    for place in _places(found, prepared, reach):
        if place < pos:
            continue
        start = first_start(max(pos, place - reach))
        if start is None:
            return
        # Every head attempt starting at or before `trusted` reads only text before `endpos`.
        trusted = place + STRIDE
        if start > trusted:  # no match starts before `start`, and none holding this place after it
            pos = start
            continue
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


def _places(found: Shape, prepared: Text, reach: int) -> list[int]:
    """The word's places, or for a pattern with a part of digits those a match can hold: a match
    starting at s holds the word in [s, s + reach] and a digit d in [s, s + digits' reach], so the
    word lies in [d - digits' reach, d + reach]. Where digits are few, the windows around them are
    much shorter than the text, and the word is looked for in them alone. The scan's argument holds
    on: a match starting between two of these places would hold one of them."""
    if found.digits_reach is None:
        return prepared.places(found.strings)
    digits_reach = found.digits_reach.at(prepared.runs)
    windows: list[tuple[int, int]] = []
    for digit in prepared.places(_ANY_DIGIT):
        low, high = digit - digits_reach, digit + reach
        if windows and low <= windows[-1][1] + 1:
            windows[-1] = (windows[-1][0], high)
        else:
            windows.append((max(low, 0), high))
    if sum(high - low for low, high in windows) > len(prepared.text) // 2:
        return prepared.places(found.strings)
    return prepared.places_within(found.strings, windows)


def _inside(windows: list[tuple[int, int]], place: int) -> bool:
    index = bisect_right(windows, (place, _BEYOND)) - 1
    return index >= 0 and place <= windows[index][1]


_BEYOND = float("inf")


def _after_digits(found: Shape, prepared: Text) -> Callable[[int], int | None]:
    """Where the first match starting at or after a position can start, as far as the pattern's digits
    tell: at the earliest the next digit's place less the digits' reach; None when no digit follows."""
    if found.digits_reach is None:
        return _anywhere
    digits_reach = found.digits_reach.at(prepared.runs)
    digits = prepared.places(_ANY_DIGIT)

    def first_start(start: int) -> int | None:
        following = bisect_left(digits, start)
        if following == len(digits):
            return None
        return max(start, digits[following] - digits_reach)

    return first_start


def _anywhere(start: int) -> int:
    return start


def find_all(haystack: str, string: str) -> list[int]:
    """Every place of `string` in `haystack`, overlapping ones too, in order.

    A string that holds a digit ("g7", "g-7") is found by that digit: `str.find` of one character
    runs at memchr speed and digits are few in prose, where `str.find` of a string of two or three
    characters reads the whole text at about a nanosecond a character (4 µs over a 5 KB article).
    """
    digit_at = _digit_at(string)
    found = []
    if digit_at < 0:
        at = haystack.find(string)
        while at != -1:
            found.append(at)
            at = haystack.find(string, at + 1)
        return found
    at = haystack.find(string[digit_at], digit_at)
    while at != -1:
        if haystack.startswith(string, at - digit_at):
            found.append(at - digit_at)
        at = haystack.find(string[digit_at], at + 1)
    return found


@lru_cache(maxsize=1024)
def _digit_at(string: str) -> int:
    """Where the string's first ASCII digit is, or -1."""
    return next((index for index, char in enumerate(string) if "0" <= char <= "9"), -1)


_ANY_DIGIT = (("0", DIGITS),)
