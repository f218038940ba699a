"""Markdown: the table for a pull request or a wiki page, with each finding's message."""

from __future__ import annotations

from ..engine import CheckResult
from .table import HEADERS, rows, summary_line


def escape(cell: str) -> str:
    return cell.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render(result: CheckResult) -> str:
    from tabulate import tabulate  # imported when used: a JSON run never needs it

    lines = ["# factcheck report", "", summary_line(result), ""]
    if result.findings:
        lines.append(tabulate([[escape(c) for c in row] for row in rows(result)], headers=HEADERS, tablefmt="github"))
        lines += ["", "## Findings", ""]
        for finding in result.findings:
            lines.append(f"- `{finding.id}` **{finding.verdict.value}** {finding.rule} `{finding.subject}`: {escape(finding.message)}")
    else:
        lines.append("No findings.")
    if result.corpus.skipped:
        lines += ["", "## Skipped files", ""]
        lines += [f"- `{escape(s.path)}`: {escape(s.reason)}" for s in result.corpus.skipped]
    return "\n".join(lines) + "\n"
