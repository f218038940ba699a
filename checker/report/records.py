"""The one serialisation every format is built from: JSON-ready records of a check."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..baseline import GATED_VERDICTS, BaselineEntry
from ..engine import CheckResult
from ..models import Claim, Finding, Verdict

SCHEMA_VERSION = 1


def location(claim: Claim) -> str:
    return f"{claim.doc}:{claim.span.line}:{claim.span.column}"


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
        "undated_claims": len(result.undated),
        **({"baseline": baseline_counts(result)} if result.baseline else {}),
    }


def claim_record(claim: Claim) -> dict:
    return claim.model_dump(mode="json")


def finding_record(finding: Finding, result: CheckResult | None = None) -> dict:
    record = finding.model_dump(mode="json")
    if result is not None and result.baseline is not None:
        record["baseline"] = baseline_status(result, finding)
        record["fingerprint"] = result.baseline.fingerprints.get(finding.id)
    return record


def resolved_record(entry: BaselineEntry) -> dict:
    return entry.model_dump(mode="json")


def report_record(result: CheckResult) -> dict:
    from .. import __version__

    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__, "rules": result.rules.fingerprint},
        "summary": summary(result),
        "documents": [d.model_dump(mode="json") for d in result.corpus.documents],
        "claims": [claim_record(c) for c in result.claims],
        "findings": [finding_record(f, result) for f in result.findings],
        "skipped": [s.model_dump(mode="json") for s in result.corpus.skipped],
        "undated": [c.id for c in result.undated],
        "warnings": list(result.corpus.warnings),
        **({"resolved": [resolved_record(e) for e in result.baseline.resolved]} if result.baseline else {}),
    }
