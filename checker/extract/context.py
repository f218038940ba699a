"""What every extractor needs to know about one document: sentences, dates, topics."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..models import Document, Qualifier
from ..scan import Text
from ..timeparse import TimeRef, find_times
from ..vocabulary import Vocabulary

# A sentence ends at . ! ? (with closing quotes) before a capital, or at a line break.
# Written to start with one character class, which lets `re` skip in C to the next . ! ? or
# line break; it matches exactly what r"""[.!?][”"’')\]]*\s+(?=[“"‘'(\[]?[A-Z0-9])|\n\s*""" does.
_SENTENCE_END = re.compile(r"""[.!?\n](?:(?<=[.!?])[”"’')\]]*\s+(?=[“"‘'(\[]?[A-Z0-9])|(?<=\n)\s*)""")
# Tokens whose final period does not end a sentence.
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:U\.S|U\.K|U\.N|D\.C|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Adm|Sgt|Capt|Rep|Sen|Gov|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|approx|est))\.$"
)


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


@dataclass
class DocContext:
    """One document as the extractors see it. Per-sentence answers are cached:
    several extractors ask about the same sentence, and each answer scans it."""

    doc: Document
    vocabulary: Vocabulary
    sentences: list[tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.scan = Text(self.doc.text)
        self.sentences = split_sentences(self.text)
        self._sentence_starts = [s for s, _ in self.sentences]
        self._times: dict[tuple[int, int], list[TimeRef]] = {}
        self._alliances: dict[tuple[int, int], str | None] = {}

    def finditer(self, pattern: re.Pattern):
        """`pattern.finditer(self.text)`, looking first for a word every match must contain (see checker/scan/)."""
        return self.scan.finditer(pattern)

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def published(self) -> dt.date | None:
        return self.doc.published

    def sentence_at(self, offset: int) -> tuple[int, int]:
        index = max(bisect_right(self._sentence_starts, offset) - 1, 0)
        return self.sentences[index] if self.sentences else (0, len(self.text))

    def times_in_sentence(self, offset: int) -> list[TimeRef]:
        sentence = self.sentence_at(offset)
        times = self._times.get(sentence)
        if times is None:
            times = self._times[sentence] = find_times(self.text, *sentence, self.published)
        return times

    def nearest_time(self, offset: int, end: int | None = None) -> TimeRef | None:
        """The date phrase of the claim's sentence closest to the claim."""
        end = offset if end is None else end
        times = self.times_in_sentence(offset)
        if not times:
            return None
        return min(times, key=lambda t: (t.start - end if t.start >= end else offset - t.end, t.start))

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
        """The alliance a mention at `offset` is about: its sentence first, then the article."""
        sentence = self.sentence_at(offset)
        if sentence not in self._alliances:
            self._alliances[sentence] = self.alliance_in(self.text[sentence[0]:sentence[1]])
        return self._alliances[sentence] or self.main_alliance

    def alliance_in(self, sentence: str) -> str | None:
        vocab = self.vocabulary
        countries = {key for _, _, key in vocab.countries_in(sentence)}
        candidates: Counter = Counter()
        for match in vocab.alliance_pattern.finditer(sentence):
            for key in vocab.alliance_names[match.group(0).lower()]:
                candidates[key] += 2
        for key, alliance in vocab.alliances.items():
            if len(alliance.members) >= 2 and sum(m in countries for m in alliance.members) >= 2:
                candidates[key] += 1
        if not candidates:
            return None
        # Ties (a shared name such as "Mutual Defense Treaty") go to the article's topic.
        return max(sorted(candidates), key=lambda k: (candidates[k], self.alliance_scores[k]))

    @cached_property
    def main_alliance(self) -> str | None:
        if not self.alliance_scores:
            return None
        best = max(sorted(self.alliance_scores), key=lambda k: self.alliance_scores[k])
        return best if self.alliance_scores[best] >= 2 else None


def split_sentences(text: str) -> list[tuple[int, int]]:
    spans = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.group(0)[0] == "." and _ABBREVIATION.search(text[max(start, match.start() - 12): match.start() + 1]):
            continue
        if match.start() > start:
            spans.append((start, match.start() + 1 if match.group(0)[0] in ".!?" else match.start()))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans or [(0, len(text))]
