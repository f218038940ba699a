"""Markdown: the table for a pull request or a wiki page, with each finding's message."""

from __future__ import annotations

import re

from ..engine import CheckResult
from .records import baseline_status, printable
from .table import STATUS_LABELS, headers, rows, summary_line


# Markdown that text could start: code spans, links and images, emphasis, table cells; HTML is escaped as entities.
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*\[\]|])")


def escape(cell: str) -> str:
    """Corpus text (a file name, a quote) shown as itself: no markup, no HTML, no line break of its own."""
    text = printable(cell).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def render(result: CheckResult) -> str:
    from tabulate import tabulate  # imported when used: a JSON run never needs it

    lines = ["# factcheck report", "", summary_line(result), ""]
    if result.findings:
        lines.append(tabulate([[escape(c) for c in row] for row in rows(result)], headers=headers(result), tablefmt="github"))
        lines += ["", "## Findings", ""]
        for finding in result.findings:
            status = baseline_status(result, finding)
            marker = f"**{STATUS_LABELS[status]}** " if status else ""
            lines.append(f"- {marker}`{finding.id}` **{finding.verdict.value}** {finding.rule} `{finding.subject}`: {escape(finding.message)}")
            note = result.baseline.notes.get(finding.id) if result.baseline else None
            if note:
                lines.append(f"  - note: {escape(note)}")
    else:
        lines.append("No findings.")
    if result.baseline and result.baseline.resolved:
        lines += ["", "## Resolved", "", "Baseline entries no longer found; `factcheck baseline --update` drops them.", ""]
        lines += [f"- `{e.fingerprint}` {e.verdict.value} {e.rule} `{e.subject}`: {escape(e.message)}" for e in result.baseline.resolved]
    if result.corpus.skipped:
        lines += ["", "## Skipped files", ""]
        lines += [f"- {escape(s.path)}: {escape(s.reason)}" for s in result.corpus.skipped]
    return "\n".join(lines) + "\n"
