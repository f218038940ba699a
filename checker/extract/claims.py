"""Every claim kind's extractor over one document, as rows (see checker/rows.py) or claims."""

from __future__ import annotations

from ..corpus import LineIndex
from ..models import Claim, Document
from ..rows import claims_from_rows
from ..vocabulary import Vocabulary
from . import anniversary, meeting_number, office_holder, treaty_year, troop_count
from .context import DocContext, Draft
from .office_time import date_signatories

EXTRACTORS = (anniversary, treaty_year, meeting_number, troop_count, office_holder)
KINDS = tuple(module.KIND for module in EXTRACTORS)


def claim_rows(doc: Document, vocabulary: Vocabulary) -> list[tuple]:
    """Every claim in one document, sorted by position, as rows (see checker.rows.ROW_FIELDS)."""
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


def extract_document(doc: Document, vocabulary: Vocabulary) -> list[Claim]:
    """Every claim in one document, sorted by position."""
    return claims_from_rows(doc.id, claim_rows(doc, vocabulary))
