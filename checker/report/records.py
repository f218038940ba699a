"""The one serialisation every format is built from: JSON-ready records of a check."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from enum import Enum
from functools import lru_cache

from pydantic import BaseModel

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


def plain(model: BaseModel) -> dict:
    """model.model_dump(mode="json") for our models, several times faster: a report holds many claims.

    Fields in declaration order, excluded ones left out; enums by value, dates in ISO form.
    tests/test_report_json.py checks it against model_dump.
    """
    return {name: _plain_value(getattr(model, name)) for name in _fields(type(model))}


@lru_cache(maxsize=None)
def _fields(model_type: type) -> tuple[str, ...]:
    return tuple(name for name, info in model_type.model_fields.items() if not info.exclude)


def _plain_value(value):
    if isinstance(value, (str, int, float)) and not isinstance(value, Enum) or value is None:
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, BaseModel):
        return plain(value)
    if isinstance(value, (list, tuple)):
        return [_plain_value(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain_value(v) for k, v in value.items()}
    raise TypeError(f"no JSON form for {type(value).__name__}")


def claim_record(claim: Claim) -> dict:
    return plain(claim)


def finding_record(finding: Finding) -> dict:
    return plain(finding)


CLAIMS_SHOWN = ("all", "findings", "none")


def shown_claims(result: CheckResult, shown: str) -> list[Claim]:
    """The claims a report lists: all, those some finding refers to, or none (the summary still counts all)."""
    if shown == "all":
        return result.claims
    if shown == "none":
        return []
    referred = {claim_id for f in result.findings for g in f.groups for claim_id in g.claims}
    return [c for c in result.claims if c.id in referred]


def report_record(result: CheckResult, claims: str = "all") -> dict:
    from .. import __version__

    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "factcheck", "version": __version__, "rules": result.rules.fingerprint},
        "summary": summary(result),
        "documents": [plain(d) for d in result.corpus.documents],
        "claims": [claim_record(c) for c in shown_claims(result, claims)],
        "findings": [finding_record(f) for f in result.findings],
        "skipped": [plain(s) for s in result.corpus.skipped],
        "undated": [c.id for c in result.undated],
        "warnings": list(result.corpus.warnings),
    }
