"""The terminal table: contradictions first, then discrepancies, successions, agreements."""

from __future__ import annotations

from ..engine import CheckResult
from ..models import Verdict
from .records import location, summary

HEADERS = ["verdict", "rule", "subject", "value", "location", "quote"]


def one_line(text: str) -> str:
    """Quotes stay exact; only line breaks inside a span are shown as ⏎ so a row stays one row."""
    return text.replace("\r\n", "⏎").replace("\n", "⏎").replace("\r", "⏎")


def rows(result: CheckResult) -> list[list[str]]:
    claims = {c.id: c for c in result.claims}
    table = []
    for finding in result.findings:
        first = True
        for group in finding.groups:
            for claim_id in group.claims:
                claim = claims[claim_id]
                head = [finding.verdict.value, finding.rule, finding.subject] if first else ["", "", ""]
                table.append(head + [group.value, location(claim), one_line(claim.span.text)])
                first = False
    return table


def summary_line(result: CheckResult) -> str:
    counts = summary(result)
    return (f"{counts['documents']} documents, {counts['claims']} claims: "
            f"{counts['contradictions']} contradictions, {counts['discrepancies']} discrepancies, "
            f"{counts['successions']} successions, {counts['agreements']} agreements")


def render(result: CheckResult) -> str:
    from tabulate import tabulate  # imported when used: a JSON run never needs it

    parts = []
    if result.findings:
        parts.append(tabulate(rows(result), headers=HEADERS, tablefmt="simple"))
        claims = {c.id: c for c in result.claims}
        for finding in result.findings:
            if finding.verdict in (Verdict.contradiction, Verdict.discrepancy):
                first = claims[finding.groups[0].claims[0]]
                parts.append(f"{location(first)}: {finding.rule} {finding.verdict.value} [{finding.id}] {finding.message}")
    else:
        parts.append("no findings")
    undated_docs = sorted({c.doc for c in result.undated})
    if undated_docs:
        parts.append(f"not compared: {len(result.undated)} claims have no date (no publication date for "
                     f"{', '.join(undated_docs)}; add it to corpus.toml)")
    for skipped in result.corpus.skipped:
        parts.append(f"skipped {skipped.path}: {skipped.reason}")
    parts.append(summary_line(result))
    return "\n\n".join(parts) + "\n"
