"""The terminal table: contradictions first, then discrepancies, successions, agreements."""

from __future__ import annotations

from ..engine import CheckResult
from ..models import Claim, Finding, Verdict
from .records import baseline_status, location, printable, summary

HEADERS = ["verdict", "rule", "subject", "value", "location", "quote"]
# Against a baseline a first column says whether each contradiction or discrepancy is NEW or known.
STATUS_LABELS = {"new": "NEW", "known": "known", None: ""}


def headers(result: CheckResult) -> list[str]:
    return (["baseline"] if result.baseline else []) + HEADERS


def one_line(text: str) -> str:
    """Quotes stay exact; only line breaks inside a span are shown as ⏎ so a row stays one row
    (and other control characters as escapes, so a quote cannot drive the terminal)."""
    return printable(text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎"))


def rows(result: CheckResult) -> list[list[str]]:
    claims = {c.id: c for c in result.claims}
    table = []
    for finding in result.findings:
        first = True
        for group in finding.groups:
            for claim_id in group.claims:
                claim = claims[claim_id]
                head = [finding.verdict.value, finding.rule, finding.subject] if first else ["", "", ""]
                if result.baseline:
                    head.insert(0, STATUS_LABELS[baseline_status(result, finding)] if first else "")
                table.append(head + [group.value, location(claim), one_line(claim.span.text)])
                first = False
    return table


def summary_line(result: CheckResult) -> str:
    counts = summary(result)
    line = (f"{counts['documents']} documents, {counts['claims']} claims: "
            f"{counts['contradictions']} contradictions, {counts['discrepancies']} discrepancies, "
            f"{counts['successions']} successions, {counts['agreements']} agreements")
    if "baseline" in counts:
        line += "; baseline: {new} new, {known} known, {resolved} resolved".format(**counts["baseline"])
    return line


def finding_line(result: CheckResult, finding: Finding, claims: dict[str, Claim]) -> str:
    first = claims[finding.groups[0].claims[0]]
    status = baseline_status(result, finding)
    marker = f" {STATUS_LABELS[status]}" if status else ""
    return f"{location(first)}: {finding.rule} {finding.verdict.value}{marker} [{finding.id}] {finding.message}"


def resolved_lines(result: CheckResult) -> list[str]:
    """Baseline entries no longer found: fixed, or changed into a finding with another fingerprint."""
    if not result.baseline:
        return []
    return [f"resolved [{e.fingerprint}] {e.rule} {e.verdict.value} {e.subject}: {e.message}" for e in result.baseline.resolved]


def render(result: CheckResult) -> str:
    from tabulate import tabulate  # imported when used: a JSON run never needs it

    parts = []
    if result.findings:
        parts.append(tabulate(rows(result), headers=headers(result), tablefmt="simple"))
        claims = {c.id: c for c in result.claims}
        for finding in result.findings:
            if finding.verdict in (Verdict.contradiction, Verdict.discrepancy):
                parts.append(finding_line(result, finding, claims))
    else:
        parts.append("no findings")
    undated_docs = sorted({c.doc for c in result.undated})
    if undated_docs:
        parts.append(f"not compared: {len(result.undated)} claims have no date (no publication date for "
                     f"{', '.join(map(printable, undated_docs))}; add it to corpus.toml)")
    parts.extend(resolved_lines(result))
    for skipped in result.corpus.skipped:
        parts.append(f"skipped {printable(skipped.path)}: {skipped.reason}")
    parts.append(summary_line(result))
    return "\n\n".join(parts) + "\n"
