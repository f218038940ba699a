"""Claim extraction: one module per claim kind, each a function DocContext -> drafts.

A new claim kind is a new module here with `KIND` and `extract`, listed in EXTRACTORS.
"""

from __future__ import annotations

import hashlib

from ..corpus import LineIndex
from ..models import Claim, Document, Qualifier, Span, trusted_constructor
from ..vocabulary import Vocabulary
from . import anniversary, meeting_number, office_holder, treaty_year, troop_count
from .context import DocContext, Draft
from .office_time import date_signatories

EXTRACTORS = (anniversary, treaty_year, meeting_number, troop_count, office_holder)
KINDS = tuple(module.KIND for module in EXTRACTORS)


def claim_id(doc_id: str, kind: str, start: int, end: int) -> str:
    digest = hashlib.sha1(f"{doc_id}\0{kind}\0{start}\0{end}".encode()).hexdigest()
    return f"c{digest[:10]}"


# A claim as a plain row: what workers send back and the cache keeps. The
# document id is left out (and with it the claim id, derived from it), so a
# row depends on the document's text and date alone.
ROW_FIELDS = ("kind", "subject", "value", "qualifier", "time", "form", "person", "time_note",
              "start", "end", "line", "column", "text")


def claim_rows(doc: Document, vocabulary: Vocabulary) -> list[tuple]:
    """Every claim in one document, sorted by position, as rows (see ROW_FIELDS)."""
    ctx = DocContext(doc, vocabulary)
    drafts: dict[tuple[str, int, int], Draft] = {}
    for module in EXTRACTORS:
        for draft in module.extract(ctx):
            drafts.setdefault((draft.kind, draft.start, draft.end), draft)
    if not drafts:
        return []
    index = LineIndex(doc.text)
    # Treaty signatories without a date of their own take the founding year the document gives.
    rows = []
    for d in sorted(date_signatories(list(drafts.values())), key=lambda d: (d.start, d.end, d.kind)):
        line, column = index.position(d.start)
        rows.append((d.kind, d.subject, d.value, d.qualifier.value, d.time, d.form, d.person, d.time_note,
                     d.start, d.end, line, column, doc.text[d.start:d.end]))
    return rows


_new_claim = trusted_constructor(Claim)
_new_span = trusted_constructor(Span)
_QUALIFIERS = {qualifier.value: qualifier for qualifier in Qualifier}  # a dict lookup: Qualifier(x) costs ten times more


def claims_from_rows(doc_id: str, rows: list) -> list[Claim]:
    """Claims from trusted rows (our own extraction, or a cache entry that passed its checks): no validation."""
    claims = []
    for kind, subject, value, qualifier, time, form, person, time_note, start, end, line, column, text in rows:
        claims.append(_new_claim(
            id=claim_id(doc_id, kind, start, end), doc=doc_id, kind=kind, subject=subject, value=value,
            qualifier=_QUALIFIERS[qualifier], time=time, form=form, person=person, time_note=time_note,
            span=_new_span(start=start, end=end, line=line, column=column, text=text),
        ))
    return claims


def extract_document(doc: Document, vocabulary: Vocabulary) -> list[Claim]:
    """Every claim in one document, sorted by position."""
    return claims_from_rows(doc.id, claim_rows(doc, vocabulary))
