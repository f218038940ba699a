"""Claims as rows: how workers hand them back, how the cache keeps them, and how a check holds them.

A row is a plain tuple (see ROW_FIELDS) that depends on an article's text and
date alone. A check keeps its corpus's claims as rows and builds a Claim
object only when something asks for it: a re-run of a large archive reuses
most findings (cache.FindingMemo) and writes most claims straight from their
rows (report.json_report), so most of its claims are never built at all.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterator, Sequence

from .models import Claim, Qualifier, Span, trusted_constructor

# The document id is left out of a row (and with it the claim id, derived from it).
ROW_FIELDS = ("kind", "subject", "value", "qualifier", "time", "form", "person", "time_note",
              "start", "end", "line", "column", "text")
KIND, SUBJECT, TIME, START, END = 0, 1, 4, 8, 9


def claim_id(doc_id: str, kind: str, start: int, end: int) -> str:
    digest = hashlib.sha1(f"{doc_id}\0{kind}\0{start}\0{end}".encode()).hexdigest()
    return f"c{digest[:10]}"


def row_id(doc_id: str, row) -> str:
    return claim_id(doc_id, row[KIND], row[START], row[END])


def rows_digest(rows: list) -> str:
    """A short digest of a document's rows: what the findings on its subjects take from it, besides its id."""
    return hashlib.sha256(json.dumps(rows, ensure_ascii=False).encode()).hexdigest()[:16]


_new_claim = trusted_constructor(Claim)
_new_span = trusted_constructor(Span)
_QUALIFIERS = {qualifier.value: qualifier for qualifier in Qualifier}  # a dict lookup: Qualifier(x) costs ten times more


def claim_from_row(doc_id: str, row) -> Claim:
    """A claim from a trusted row (our own extraction, or a cache entry that passed its checks): no validation."""
    kind, subject, value, qualifier, time, form, person, time_note, start, end, line, column, text = row
    return _new_claim(
        id=claim_id(doc_id, kind, start, end), doc=doc_id, kind=kind, subject=subject, value=value,
        qualifier=_QUALIFIERS[qualifier], time=time, form=form, person=person, time_note=time_note,
        span=_new_span(start=start, end=end, line=line, column=column, text=text),
    )


def claims_from_rows(doc_id: str, rows: list) -> list[Claim]:
    return [claim_from_row(doc_id, row) for row in rows]


class Claims(Sequence):
    """A corpus's claims in report order (document id, then position), held as each document's rows.

    Indexing or iterating builds every Claim once; the other methods answer
    from the rows. `digests` holds the digest of each document's rows (None when
    its claims did not go through the cache): what FindingMemo signs a subject with.
    """

    def __init__(self, doc_ids: list[str], rows: list[list], digests: list[str | None] | None = None):
        # Extraction sorts each document's rows by (start, end, kind); ordering the documents
        # by id then gives the order of (doc, span.start, span.end, kind) every report lists.
        order = sorted(range(len(doc_ids)), key=doc_ids.__getitem__)
        self.doc_ids = [doc_ids[i] for i in order]
        self.rows = [rows[i] for i in order]
        self.digests = [digests[i] for i in order] if digests is not None else [None] * len(order)
        self._count = sum(map(len, self.rows))
        self._built: list[Claim] | None = None
        self._undated: list[Claim] | None = None
        self._places: dict[tuple[str, str], list[tuple[int, int]]] | None = None
        self._undated_places: list[tuple[int, int]] = []  # filled in by by_subject

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        return self.built()[index]

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.built())

    def built(self) -> list[Claim]:
        if self._built is None:
            self._built = [claim_from_row(doc_id, row) for doc_id, rows in zip(self.doc_ids, self.rows) for row in rows]
        return self._built

    def document_rows(self) -> Iterator[tuple[str, list, str | None]]:
        """(document id, its rows, their digest) in report order: for writers that need no Claim objects."""
        return zip(self.doc_ids, self.rows, self.digests)

    def kinds(self) -> Counter:
        counts: Counter = Counter()
        for (kind, _), places in self.by_subject().items():
            counts[kind] += len(places)
        return counts

    def undated(self) -> list[Claim]:
        """Claims left out of every comparison because neither the text nor the document dates them
        (worked out once: a report counts them and lists them)."""
        if self._undated is None:
            if self._built is not None:
                self._undated = [c for c in self._built if c.time is None]
            else:
                self.by_subject()
                self._undated = [self.claim_at(*place) for place in self._undated_places]
        return self._undated

    def with_ids(self, ids: set[str]) -> list[Claim]:
        """The claims whose id is in `ids`, in report order, the others left unbuilt."""
        if self._built is not None:
            return [c for c in self._built if c.id in ids]
        return [claim_from_row(doc_id, row) for doc_id, rows in zip(self.doc_ids, self.rows) for row in rows
                if row_id(doc_id, row) in ids]

    def by_subject(self) -> dict[tuple[str, str], list[tuple[int, int]]]:
        """(kind, subject) -> (document index, row index) of each of its claims, in report order; worked
        out once (the comparison and the summary both ask), and not to be changed by the caller.
        The places of the undated claims are noted on the way: a second walk of every row cost as much."""
        if self._places is None:
            places: dict[tuple[str, str], list[tuple[int, int]]] = {}
            undated = self._undated_places
            for doc_index, rows in enumerate(self.rows):
                for row_index, row in enumerate(rows):
                    places.setdefault((row[KIND], row[SUBJECT]), []).append((doc_index, row_index))
                    if row[TIME] is None:
                        undated.append((doc_index, row_index))
            self._places = places
        return self._places

    def claim_at(self, doc_index: int, row_index: int) -> Claim:
        return claim_from_row(self.doc_ids[doc_index], self.rows[doc_index][row_index])
