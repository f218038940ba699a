"""The one serialisation every format is built from: JSON-ready records of a check."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache

from ..engine import CheckResult
from ..extract.context import split_sentences
from ..models import Claim, Document, Finding, Verdict

SCHEMA_VERSION = 1
# Context shown around a span is cut to this many characters each side; a paragraph
# without sentence breaks would otherwise be quoted whole.
CONTEXT_CHARS = 280
DATE_SOURCES = {
    "manifest": "the manifest",
    "front_matter": "front matter",
    "dateline": "the dateline",
    "none": "no date found",
}


def location(claim: Claim) -> str:
    return f"{claim.doc}:{claim.span.line}:{claim.span.column}"


def date_source_label(document: Document, manifest_name: str | None = None) -> str:
    """Where a document's date came from, in words: "the manifest" (or its file name), "front matter"…"""
    if document.date_source == "manifest" and manifest_name:
        return manifest_name
    return DATE_SOURCES.get(document.date_source, document.date_source)


@lru_cache(maxsize=1024)
def sentence_bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where a document's sentences start and end; split once per document, not once per claim."""
    sentences = split_sentences(text)
    return tuple(s for s, _ in sentences), tuple(e for _, e in sentences)


def sentence_of(text: str, claim: Claim) -> tuple[str, str, str]:
    """The claim's sentence as (before the span, the span, after it), cut to CONTEXT_CHARS each side."""
    starts, ends = sentence_bounds(text)
    first = bisect_right(starts, claim.span.start) - 1
    last = bisect_left(ends, claim.span.end)
    start = starts[first] if first >= 0 else 0
    end = ends[last] if last < len(ends) else len(text)
    before, after = text[start:claim.span.start], text[claim.span.end:end]
    if len(before) > CONTEXT_CHARS:
        before = "…" + before[-CONTEXT_CHARS:].split(" ", 1)[-1]
    if len(after) > CONTEXT_CHARS:
        after = after[:CONTEXT_CHARS].rsplit(" ", 1)[0] + "…"
    return before, claim.span.text, after


def summary(result: CheckResult) -> dict:
    verdicts = Counter(f.verdict for f in result.findings)
    return {
        "documents": len(result.corpus.documents),
        "claims": len(result.claims),
        "claims_by_kind": dict(sorted(Counter(c.kind for c in result.claims).items())),
        "contradictions": verdicts[Verdict.contradiction],
        "discrepancies": verdicts[Verdict.discrepancy],
        "successions": verdicts[Verdict.succession],
        "agreements": verdicts[Verdict.agreement],
        "skipped": len(result.corpus.skipped),
    }


def claim_record(claim: Claim) -> dict:
    return claim.model_dump(mode="json")


def finding_record(finding: Finding) -> dict:
    return finding.model_dump(mode="json")


def report_record(result: CheckResult) -> dict:
    from .. import __version__

    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__, "rules": result.rules.fingerprint},
        "summary": summary(result),
        "documents": [d.model_dump(mode="json") for d in result.corpus.documents],
        "claims": [claim_record(c) for c in result.claims],
        "findings": [finding_record(f) for f in result.findings],
        "skipped": [s.model_dump(mode="json") for s in result.corpus.skipped],
        "warnings": list(result.corpus.warnings),
    }
