"""Claim extraction: one module per claim kind, each a function DocContext -> drafts.

A new claim kind is a new module here with `KIND` and `extract`, listed in EXTRACTORS.
"""

from __future__ import annotations

import hashlib

from ..corpus import LineIndex, make_span
from ..models import Claim, Document
from ..vocabulary import Vocabulary
from . import anniversary, meeting_number, office_holder, treaty_year, troop_count
from .context import DocContext, Draft
from .office_time import date_signatories

EXTRACTORS = (anniversary, treaty_year, meeting_number, troop_count, office_holder)
KINDS = tuple(module.KIND for module in EXTRACTORS)


def claim_id(doc_id: str, kind: str, start: int, end: int) -> str:
    digest = hashlib.sha1(f"{doc_id}\0{kind}\0{start}\0{end}".encode()).hexdigest()
    return f"c{digest[:10]}"


def to_claim(doc: Document, index: LineIndex, draft: Draft) -> Claim:
    return Claim(
        id=claim_id(doc.id, draft.kind, draft.start, draft.end),
        doc=doc.id,
        kind=draft.kind,
        subject=draft.subject,
        value=draft.value,
        qualifier=draft.qualifier,
        time=draft.time,
        form=draft.form,
        person=draft.person,
        time_note=draft.time_note,
        span=make_span(doc.text, index, draft.start, draft.end),
    )


def extract_document(doc: Document, vocabulary: Vocabulary) -> list[Claim]:
    """Every claim in one document, sorted by position."""
    ctx = DocContext(doc, vocabulary)
    index = LineIndex(doc.text)
    drafts: dict[tuple[str, int, int], Draft] = {}
    for module in EXTRACTORS:
        for draft in module.extract(ctx):
            drafts.setdefault((draft.kind, draft.start, draft.end), draft)
    # Treaty signatories without a date of their own take the founding year the document gives.
    ordered = sorted(date_signatories(list(drafts.values())), key=lambda d: (d.start, d.end, d.kind))
    return [to_claim(doc, index, d) for d in ordered]
