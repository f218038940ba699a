"""The one serialisation every format is built from: JSON-ready records of a check."""

from __future__ import annotations

from collections import Counter

from ..engine import CheckResult
from ..models import Claim, Finding, Verdict

SCHEMA_VERSION = 1


def location(claim: Claim) -> str:
    return f"{claim.doc}:{claim.span.line}:{claim.span.column}"


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
        "undated": [c.id for c in result.undated],
        "warnings": list(result.corpus.warnings),
    }
