"""The one serialisation every format is built from: JSON-ready records of a check."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from enum import Enum
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel

from ..baseline import GATED_VERDICTS, BaselineEntry
from ..engine import CheckResult
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


# C0 and C1 control characters but the tab: a line break or a terminal escape in a file name or a
# quote would start a new line of a text report or recolour the terminal showing it.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text for a text report or the terminal: control characters shown as escapes (\\n, \\x1b)."""
    return _CONTROL.sub(lambda found: repr(found.group(0))[1:-1], text)


def location(claim: Claim) -> str:
    return f"{printable(claim.doc)}:{claim.span.line}:{claim.span.column}"


def gated_findings(result: CheckResult) -> list[Finding]:
    """The findings that can fail a build and that the CI formats annotate."""
    return [f for f in result.findings if f.verdict in GATED_VERDICTS]


def primary_claim(finding: Finding, claims_by_id: dict[str, Claim]) -> Claim:
    """Where a finding is pinned: the first claim of the first group that disagrees with the first group."""
    group = finding.groups[1] if len(finding.groups) > 1 else finding.groups[0]
    return claims_by_id[group.claims[0]]


def artifact_path(result: CheckResult, doc_id: str) -> str:
    """A document's path relative to the current directory (the repository root in CI), else its id."""
    try:
        return (result.corpus.root / doc_id).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return doc_id


def baseline_status(result: CheckResult, finding: Finding) -> str | None:
    """'new' or 'known' for a gated finding of a check held against a baseline, else None."""
    return result.baseline.status.get(finding.id) if result.baseline else None


def baseline_counts(result: CheckResult) -> dict:
    comparison = result.baseline
    return {"new": comparison.count("new"), "known": comparison.count("known"), "resolved": len(comparison.resolved)}
def date_source_label(document: Document, manifest_name: str | None = None) -> str:
    """Where a document's date came from, in words: "the manifest" (or its file name), "front matter"…"""
    if document.date_source == "manifest" and manifest_name:
        return manifest_name
    return DATE_SOURCES.get(document.date_source, document.date_source)


@lru_cache(maxsize=1024)
def sentence_bounds(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where a document's sentences start and end; split once per document, not once per claim."""
    from ..extract.context import split_sentences  # the extraction stack, for the formats that quote context

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
        "claims_by_kind": dict(sorted(result.claims.kinds().items())),
        "contradictions": verdicts[Verdict.contradiction],
        "discrepancies": verdicts[Verdict.discrepancy],
        "successions": verdicts[Verdict.succession],
        "agreements": verdicts[Verdict.agreement],
        "skipped": len(result.corpus.skipped),
        "undated_claims": len(result.undated),
        **({"baseline": baseline_counts(result)} if result.baseline else {}),
    }


def plain(model: BaseModel) -> dict:
    """model.model_dump(mode="json") for our models, several times faster: a report holds many claims.

    Fields in declaration order, excluded ones left out; enums by value, dates in ISO form.
    tests/test_report_json.py checks it against model_dump.
    """
    return {name: plain_value(getattr(model, name)) for name in record_fields(type(model))}


@lru_cache(maxsize=None)
def record_fields(model_type: type) -> tuple[str, ...]:
    return tuple(name for name, info in model_type.model_fields.items() if not info.exclude)


def plain_value(value):
    if isinstance(value, (str, int, float)) and not isinstance(value, Enum) or value is None:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        return plain(value)
    if isinstance(value, (list, tuple)):
        return [v if type(v) is str else plain_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    raise TypeError(f"no JSON form for {type(value).__name__}")


def claim_record(claim: Claim) -> dict:
    return plain(claim)


def finding_record(finding: Finding, result: CheckResult | None = None) -> dict:
    record = plain(finding)
    if result is not None and result.baseline is not None:
        record["baseline"] = baseline_status(result, finding)
        record["fingerprint"] = result.baseline.fingerprints.get(finding.id)
    return record


def resolved_record(entry: BaselineEntry) -> dict:
    return entry.model_dump(mode="json")


CLAIMS_SHOWN = ("all", "findings", "none")


def shown_claims(result: CheckResult, shown: str) -> list[Claim]:
    """The claims a report lists: all, those some finding refers to, or none (the summary still counts all)."""
    if shown == "all":
        return result.claims
    if shown == "none":
        return []
    return result.claims.with_ids({claim_id for f in result.findings for g in f.groups for claim_id in g.claims})


def report_record(result: CheckResult, claims: str = "all", documents: bool = True) -> dict:
    """The whole report; with documents=False its documents are left as an empty list (the JSON
    writer streams them)."""
    from .. import __version__

    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__, "rules": result.rules.fingerprint},
        "summary": summary(result),
        "documents": [plain(d) for d in result.corpus.documents] if documents else [],
        "claims": [claim_record(c) for c in shown_claims(result, claims)],
        "findings": [finding_record(f, result) for f in result.findings],
        "skipped": [plain(s) for s in result.corpus.skipped],
        "undated": [c.id for c in result.undated],
        "warnings": list(result.corpus.warnings),
        **({"resolved": [resolved_record(e) for e in result.baseline.resolved]} if result.baseline else {}),
    }
