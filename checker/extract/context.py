"""What every extractor needs to know about one document: sentences, dates, topics."""

from __future__ import annotations

import datetime as dt
import re
import string
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Iterator

from ..models import Document, Qualifier
from ..programs import compiled
from ..scan import Text
from ..timeparse import TimeRef, find_times
from ..vocabulary import Vocabulary

# A sentence ends at . ! ? (with closing quotes) before a capital, or at a line break (LF, CRLF or a lone CR).
# Written to start with one character class, which lets `re` skip in C to the next . ! ? or line
# break (perf); it matches exactly what r"""[.!?][”"’')\]]*\s+(?=[“"‘'(\[]?[A-Z0-9])|[\r\n]\s*""" does.
_SENTENCE_END = compiled(r"""[.!?\r\n](?:(?<=[.!?])[”"’')\]]*\s+(?=[“"‘'(\[]?[A-Z0-9])|(?<=[\r\n])\s*)""")
# Extractors scan a claim's sentence for context, so a "sentence" must stay short for their
# work to stay linear in the article. News sentences are under 400 characters; a longer run
# without an end (a page with no punctuation or line breaks) is cut at a space.
MAX_SENTENCE = 2000
# A comma-delimited relative clause: "Austin, who visited the DMZ in 2021, said ...".
RELATIVE = compiled(r"\s*(?:who|whom|whose|which|where|when)\b", re.I)
# Pronouns by which a sentence refers back to what the sentence before it talks about.
REFERS_BACK = compiled(r"\b(?:it|its|we|our|they|their|them)\b", re.I)
# Tokens whose final period does not end a sentence, besides a single capital ("J. Smith").
_ABBREVIATIONS = (
    "U.S", "U.K", "U.N", "D.C", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Adm", "Sgt", "Capt", "Rep", "Sen", "Gov", "St",
    "Jr", "Sr", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc",
    "approx", "est",
)
_LOWER_CASE_ABBREVIATIONS = tuple(f"{token}." for token in _ABBREVIATIONS if token.islower())
_ABBREVIATION = compiled(rf"(?:\b[A-Z]|\b(?:{'|'.join(map(re.escape, _ABBREVIATIONS))}))\.$")
# What a period must follow to end an abbreviation: a capital, or the last two characters of one of them.
# After anything else it ends the sentence and the word before it needs no look (a slice lowered and a
# call): four sentence ends in five.
_CAPITALS = frozenset(string.ascii_uppercase)
_ABBREVIATION_ENDINGS = frozenset(token[-2:] for token in _ABBREVIATIONS)
# How far before its period an abbreviation starts at most, with the character before it that `\b` reads.
_ABBREVIATION_REACH = max(map(len, _ABBREVIATIONS)) + 1


@dataclass(frozen=True)
class Draft:
    """A claim before it gets its id and line/column: what an extractor returns."""

    kind: str
    subject: str
    value: int | str
    start: int
    end: int
    qualifier: Qualifier = Qualifier.exact
    time: str | None = None
    form: str = ""
    person: str | None = None
    time_note: str = ""


class TakenSpans:
    """Disjoint spans of text an extractor has already used, with overlap tests by bisection.

    Scanning a list of every earlier span for each new match is quadratic in an article
    with thousands of claims. Spans added must not overlap each other (callers add a span
    only after `overlaps` said it was free), so their ends increase with their starts.
    """

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, start: int, end: int) -> None:
        index = bisect_left(self._starts, start)
        self._starts.insert(index, start)
        self._ends.insert(index, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) shares a character with a taken span."""
        before_end = bisect_left(self._starts, end)  # taken spans starting before `end`
        return before_end > 0 and self._ends[before_end - 1] > start


class Coverage:
    """Which offsets a fixed set of spans (overlapping or not) covers, answered by bisection."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end of any span starting at or before each one.
        self._reach: list[int] = []
        for _, end in ordered:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def covers(self, offset: int) -> bool:
        starting_before = bisect_right(self._starts, offset)
        return starting_before > 0 and self._reach[starting_before - 1] > offset


@dataclass(frozen=True)
class SentenceTime:
    """A date phrase of a sentence and, when it sits in a relative clause, that clause's bounds."""

    time: TimeRef
    clause: tuple[int, int] | None

    def in_other_clause(self, start: int, end: int) -> bool:
        """Whether the phrase is in a relative clause the claim at [start, end) is not in."""
        return self.clause is not None and not (self.clause[0] < start and end <= self.clause[1])


@dataclass
class DocContext:
    """One document as the extractors see it. Per-sentence answers are cached:
    several extractors ask about the same sentence, and each answer scans it."""

    doc: Document
    vocabulary: Vocabulary
    sentences: list[tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.scan = Text(self.doc.text)
        # Split as far as a question needs: most articles' last claim comes before their end.
        self.sentences = []
        self._sentence_starts: list[int] = []
        self._more_sentences: Iterator[tuple[int, int]] | None = iter_sentences(self.text)
        # Per-sentence results every claim of a sentence asks for, computed once per sentence.
        self._times_by_sentence: dict[int, tuple[list[SentenceTime], list[int]]] = {}
        self._alliance_by_sentence: dict[int, str | None] = {}

    def finditer(self, pattern: re.Pattern):
        """`pattern.finditer(self.text)`, looking first for a word every match must contain (see checker/scan/)."""
        return self.scan.finditer(pattern)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def published(self) -> dt.date | None:
        return self.doc.published

    def _split_past(self, offset: int) -> None:
        """Splits on until a sentence starts after `offset`, or the text ends."""
        starts = self._sentence_starts
        if self._more_sentences is None or (starts and starts[-1] > offset):
            return
        for span in self._more_sentences:
            self.sentences.append(span)
            starts.append(span[0])
            if span[0] > offset:
                return
        self._more_sentences = None

    def sentence_at(self, offset: int) -> tuple[int, int]:
        self._split_past(offset)
        index = max(bisect_right(self._sentence_starts, offset) - 1, 0)
        return self.sentences[index] if self.sentences else (0, len(self.text))

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        """The sentence before the one at `offset`, if it is in the same paragraph (line)."""
        self._split_past(offset)
        index = bisect_right(self._sentence_starts, offset) - 1
        if index < 1:
            return None
        before = self.sentences[index - 1]
        gap = self.text[before[1]:self.sentences[index][0]]
        return None if "\n" in gap or "\r" in gap else before

    def topic_window(self, offset: int) -> tuple[int, int]:
        """The sentence at `offset`, and the one before it when this one refers back with a pronoun
        ('We have done so for 75 years.', 'Kishi signed it in 1960.'): what the sentence talks about."""
        start, end = self.sentence_at(offset)
        before = self.previous_sentence(offset)
        if before and REFERS_BACK.search(self.text[start:end]):
            return before[0], end
        return start, end

    def times_in_sentence(self, offset: int) -> list[TimeRef]:
        return [found.time for found in self._sentence_times(offset)[0]]

    def _sentence_times(self, offset: int) -> tuple[list[SentenceTime], list[int]]:
        """The date phrases of the sentence at `offset` with their clauses, and their starts for bisecting."""
        start, end = self.sentence_at(offset)
        if start not in self._times_by_sentence:
            times = [SentenceTime(t, self._relative_clause(t, start, end)) for t in find_times(self.text, start, end, self.published)]
            self._times_by_sentence[start] = (times, [found.time.start for found in times])
        return self._times_by_sentence[start]

    def nearest_time(self, offset: int, end: int | None = None) -> TimeRef | None:
        """The date phrase of the claim's sentence closest to the claim, leaving out one inside a relative
        clause the claim is not in ("Austin, who visited the DMZ in 2021, said the 28,500 troops ...").

        Date phrases do not overlap, so their starts and ends both increase: the closest one after
        the claim is the first kept one starting at or after `end`, the closest before it the last
        kept one starting before. Bisecting keeps a sentence with many claims linear.
        """
        end = offset if end is None else end
        times, starts = self._sentence_times(offset)
        split = bisect_left(starts, end)
        after = next((t.time for t in times[split:] if not t.in_other_clause(offset, end)), None)
        before = next((t.time for t in reversed(times[:split]) if not t.in_other_clause(offset, end)), None)
        candidates = [t for t in (before, after) if t is not None]
        if not candidates:
            return None
        return min(candidates, key=lambda t: (t.start - end if t.start >= end else offset - t.end, t.start))

    def _relative_clause(self, time: TimeRef, sentence_start: int, sentence_end: int) -> tuple[int, int] | None:
        """The bounds (opening comma, closing comma or sentence end) of the relative clause a date phrase is in."""
        opening = self.text.rfind(",", sentence_start, time.start)
        if opening < 0 or not RELATIVE.match(self.text, opening + 1):
            return None
        closing = self.text.find(",", time.end, sentence_end)
        return opening, sentence_end if closing < 0 else closing

    @property
    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None

    @cached_property
    def country_counts(self) -> Counter:
        return Counter(self.vocabulary.country_by_word[m.group(0)] for m in self.finditer(self.vocabulary.country_pattern))

    @cached_property
    def alliance_scores(self) -> Counter:
        """How strongly the article is about each alliance: its names, then its members."""
        vocab = self.vocabulary
        scores: Counter = Counter()
        for match in self.finditer(vocab.alliance_pattern):
            keys = vocab.alliance_names[match.group(0).lower()]
            for key in keys:
                scores[key] += 3 / len(keys)
        for key, alliance in vocab.alliances.items():
            if alliance.members and all(self.country_counts[m] for m in alliance.members):
                scores[key] += min(self.country_counts[m] for m in alliance.members)
        return scores

    def alliance_at(self, offset: int) -> str | None:
        """The alliance a mention at `offset` is about: its sentence first (then the sentence it refers
        back to), then the article."""
        start, end = self.sentence_at(offset)
        if start not in self._alliance_by_sentence:
            found = self.alliance_in(self.text[start:end])
            if found is None:
                window = self.topic_window(offset)
                if window[0] < start:
                    found = self.alliance_in(self.text[window[0]:start])
            self._alliance_by_sentence[start] = found
        return self._alliance_by_sentence[start] or self.main_alliance

    def alliance_in(self, sentence: str) -> str | None:
        vocab = self.vocabulary
        countries = {key for _, _, key in vocab.countries_in(sentence)}
        candidates: Counter = Counter()
        for match in vocab.alliance_pattern.finditer(sentence):
            for key in vocab.alliance_names[match.group(0).lower()]:
                candidates[key] += 2
        for key, alliance in vocab.alliances.items():
            named = sum(m in countries for m in alliance.members)
            if len(alliance.members) >= 2 and named >= 2:
                # Two members named count; all of them named count as much as a name.
                candidates[key] += 2 if named == len(alliance.members) else 1
        if not candidates:
            return None
        best = max(candidates.values())
        tied = sorted(key for key, count in candidates.items() if count == best)
        # Ties (a shared name such as "Mutual Defense Treaty") go to the article's topic, which
        # only a tie needs scoring.
        return tied[0] if len(tied) == 1 else max(tied, key=lambda k: self.alliance_scores[k])

    @cached_property
    def main_alliance(self) -> str | None:
        if not self.alliance_scores:
            return None
        best = max(sorted(self.alliance_scores), key=lambda k: self.alliance_scores[k])
        return best if self.alliance_scores[best] >= 2 else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    return list(iter_sentences(text)) or [(0, len(text))]


def iter_sentences(text: str) -> Iterator[tuple[int, int]]:
    """The sentences' spans, in order (none for a text of line breaks and spaces alone)."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        at = match.start()
        char = text[at]
        if (char == "." and (text[at - 1:at] in _CAPITALS or text[at - 2:at] in _ABBREVIATION_ENDINGS)
                and _is_abbreviation(text[max(start, at - _ABBREVIATION_REACH): at + 1])):
            continue
        if at > start:
            end = at + 1 if char in ".!?" else at
            if end - start <= MAX_SENTENCE:
                yield start, end
            else:
                yield from _at_most_max(text, start, end)
        start = match.end()
    if start < len(text):
        yield from _at_most_max(text, start, len(text))


def _is_abbreviation(piece: str) -> bool:
    """Whether `piece` ends with an abbreviation's period. All but four of them start with a capital:
    a piece in lower case is settled without the pattern, which most sentence ends are."""
    if piece.islower() and not piece.endswith(_LOWER_CASE_ABBREVIATIONS):
        return False
    return bool(_ABBREVIATION.search(piece))


def _at_most_max(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """One sentence span, or pieces of at most MAX_SENTENCE characters cut after the last space."""
    pieces = []
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut + 1 if cut != -1 else start + MAX_SENTENCE
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
