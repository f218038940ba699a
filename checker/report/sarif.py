"""SARIF 2.1.0 for GitHub code scanning: one result per contradiction or discrepancy.

The result is pinned on the primary claim; the other claims are related
locations. `partialFingerprints` carries the baseline fingerprint so code
scanning follows a finding across commits exactly as the baseline does.
Columns count code points (`columnKind`), as factcheck's spans do.
"""

from __future__ import annotations

import json

from .. import __version__
from ..baseline import fingerprint
from ..corpus import span_end
from ..engine import CheckResult
from ..models import SEVERITY, Claim, Finding
from .records import artifact_path, baseline_status, gated_findings, primary_claim

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "factcheck/v1"
# SARIF names the levels error / warning / note; factcheck's "info" is a note.
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
BASELINE_STATES = {"new": "new", "known": "unchanged"}


def rule_descriptor(rule) -> dict:
    return {
        "id": rule.id,
        "name": "".join(part.capitalize() for part in rule.comparison.split("_")),
        "shortDescription": {"text": rule.description},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"comparison": rule.comparison, "kinds": list(rule.kinds)},
    }


def physical_location(result: CheckResult, claim: Claim) -> dict:
    end_line, end_column = span_end(claim.span)
    return {
        "artifactLocation": {"uri": artifact_path(result, claim.doc)},
        "region": {
            "startLine": claim.span.line,
            "startColumn": claim.span.column,
            "endLine": end_line,
            "endColumn": end_column,
            "snippet": {"text": claim.span.text},
        },
    }


def related_locations(result: CheckResult, finding: Finding, primary: Claim, claims_by_id: dict[str, Claim]) -> list[dict]:
    related = []
    for group in finding.groups:
        for claim_id in group.claims:
            if claim_id != primary.id:
                related.append({
                    "id": len(related) + 1,
                    "physicalLocation": physical_location(result, claims_by_id[claim_id]),
                    "message": {"text": f"{claims_by_id[claim_id].doc}: {group.value}"},
                })
    return related


def sarif_result(result: CheckResult, finding: Finding, rule_index: dict[str, int], claims_by_id: dict[str, Claim]) -> dict:
    primary = primary_claim(finding, claims_by_id)
    record = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": LEVELS[SEVERITY[finding.verdict]],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": physical_location(result, primary)}],
        "relatedLocations": related_locations(result, finding, primary, claims_by_id),
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, claims_by_id)},
        "properties": {"verdict": finding.verdict.value, "subject": finding.subject, "findingId": finding.id},
    }
    status = baseline_status(result, finding)
    if status:
        record["baselineState"] = BASELINE_STATES[status]
    return record


def sarif_log(result: CheckResult) -> dict:
    claims_by_id = {c.id: c for c in result.claims}
    rule_index = {rule.id: number for number, rule in enumerate(result.rules.rules)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule_descriptor(rule) for rule in result.rules.rules],
            }},
            "columnKind": "unicodeCodePoints",
            "results": [sarif_result(result, f, rule_index, claims_by_id) for f in gated_findings(result)],
        }],
    }


def render(result: CheckResult) -> str:
    return json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n"
