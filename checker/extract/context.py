"""What every extractor needs to know about one document: sentences, dates, topics."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from ..models import Document, Qualifier
from ..timeparse import TimeRef, find_times
from ..vocabulary import Vocabulary

# A sentence ends at . ! ? (with closing quotes) before a capital, or at a line break.
_SENTENCE_END = re.compile(r"""[.!?][”"’')\]]*\s+(?=[“"‘'(\[]?[A-Z0-9])|\n\s*""")
# A comma-delimited relative clause: "Austin, who visited the DMZ in 2021, said ...".
RELATIVE = re.compile(r"\s*(?:who|whom|whose|which|where|when)\b", re.I)
# Pronouns by which a sentence refers back to what the sentence before it talks about.
REFERS_BACK = re.compile(r"\b(?:it|its|we|our|they|their|them)\b", re.I)
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
    doc: Document
    vocabulary: Vocabulary
    sentences: list[tuple[int, int]] = field(init=False)

    def __post_init__(self) -> None:
        self.sentences = split_sentences(self.text)
        self._sentence_starts = [s for s, _ in self.sentences]

    @property
    def text(self) -> str:
        return self.doc.text

    @property
    def published(self) -> dt.date | None:
        return self.doc.published

    def sentence_at(self, offset: int) -> tuple[int, int]:
        index = max(bisect_right(self._sentence_starts, offset) - 1, 0)
        return self.sentences[index] if self.sentences else (0, len(self.text))

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        """The sentence before the one at `offset`, if it is in the same paragraph (line)."""
        index = bisect_right(self._sentence_starts, offset) - 1
        if index < 1:
            return None
        before = self.sentences[index - 1]
        return None if "\n" in self.text[before[1]:self.sentences[index][0]] else before

    def topic_window(self, offset: int) -> tuple[int, int]:
        """The sentence at `offset`, and the one before it when this one refers back with a pronoun
        ('We have done so for 75 years.', 'Kishi signed it in 1960.'): what the sentence talks about."""
        start, end = self.sentence_at(offset)
        before = self.previous_sentence(offset)
        if before and REFERS_BACK.search(self.text[start:end]):
            return before[0], end
        return start, end

    def times_in_sentence(self, offset: int) -> list[TimeRef]:
        start, end = self.sentence_at(offset)
        return find_times(self.text, start, end, self.published)

    def nearest_time(self, offset: int, end: int | None = None) -> TimeRef | None:
        """The date phrase of the claim's sentence closest to the claim, leaving out one inside a relative
        clause the claim is not in ("Austin, who visited the DMZ in 2021, said the 28,500 troops ...")."""
        end = offset if end is None else end
        times = [t for t in self.times_in_sentence(offset) if not self._in_other_relative_clause(t, offset, end)]
        if not times:
            return None
        return min(times, key=lambda t: (t.start - end if t.start >= end else offset - t.end, t.start))

    def _in_other_relative_clause(self, time: TimeRef, start: int, end: int) -> bool:
        sentence_start, sentence_end = self.sentence_at(time.start)
        opening = self.text.rfind(",", sentence_start, time.start)
        if opening < 0 or not RELATIVE.match(self.text, opening + 1):
            return False
        closing = self.text.find(",", time.end, sentence_end)
        closing = sentence_end if closing < 0 else closing
        return not (opening < start and end <= closing)

    @property
    def published_iso(self) -> str | None:
        return self.published.isoformat() if self.published else None

    @cached_property
    def country_counts(self) -> Counter:
        return Counter(key for _, _, key in self.vocabulary.countries_in(self.text))

    @cached_property
    def alliance_scores(self) -> Counter:
        """How strongly the article is about each alliance: its names, then its members."""
        vocab = self.vocabulary
        scores: Counter = Counter()
        for match in vocab.alliance_pattern.finditer(self.text):
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
        found = self.alliance_in(self.text[start:end])
        if found is None:
            window = self.topic_window(offset)
            if window[0] < start:
                found = self.alliance_in(self.text[window[0]:start])
        return found or self.main_alliance

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
