"""GitHub Actions workflow commands: one annotation per contradiction or discrepancy.

`::error` for a contradiction, `::warning` for a discrepancy, each on the
primary claim's line. Against a baseline, known findings are `::notice` (still
visible, not alarming) and resolved baseline entries get a notice without a
file. Escaping follows the Actions toolkit: `%`, CR and LF in the message;
also `:` and `,` in property values.
"""

from __future__ import annotations

from ..corpus import span_end
from ..engine import CheckResult
from ..models import SEVERITY, Claim, Finding
from .records import artifact_path, baseline_status, gated_findings, location, primary_claim
from .table import summary_line

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
STATUS_TITLES = {"new": " (NEW)", "known": " (known)", None: ""}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def position(result: CheckResult, claim: Claim) -> dict[str, object]:
    end_line, end_column = span_end(claim.span)
    where: dict[str, object] = {"file": artifact_path(result, claim.doc), "line": claim.span.line}
    # GitHub takes columns only for an annotation on a single line.
    if end_line == claim.span.line:
        where["col"] = claim.span.column
    where["endLine"] = end_line
    if end_line == claim.span.line:
        where["endColumn"] = end_column
    return where


def annotation(result: CheckResult, finding: Finding, claims_by_id: dict[str, Claim]) -> str:
    status = baseline_status(result, finding)
    name = "notice" if status == "known" else COMMANDS[SEVERITY[finding.verdict]]
    primary = primary_claim(finding, claims_by_id)
    title = f"{finding.rule} {finding.verdict.value}{STATUS_TITLES[status]}: {finding.subject}"
    others = [
        f"{group.value}: {location(claims_by_id[c])} \"{claims_by_id[c].span.text}\""
        for group in finding.groups for c in group.claims
    ]
    message = "\n".join([f"{finding.message} [{finding.id}]", *others])
    return command(name, {**position(result, primary), "title": title}, message)


def render(result: CheckResult) -> str:
    claims_by_id = {c.id: c for c in result.claims}
    lines = [annotation(result, f, claims_by_id) for f in gated_findings(result)]
    for entry in result.baseline.resolved if result.baseline else []:
        lines.append(command("notice", {"title": f"{entry.rule} {entry.verdict.value} resolved: {entry.subject}"},
                             f"no longer found; `factcheck baseline --update` drops it [{entry.fingerprint}]"))
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"
