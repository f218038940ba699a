"""Reporters: one module per output format, each `render(result) -> str` built from the same records."""

from __future__ import annotations

from . import github, html, json_report, markdown, sarif, table

FORMATS = {
    "table": table.render,
    "markdown": markdown.render,
    "json": json_report.render,
    "sarif": sarif.render,
    "github": github.render,
    "html": html.render,
}
# Formats that never read an article's text: for them a run drops each text once its claims are out.
# A new format is assumed to need the texts until it is listed here.
TEXT_FREE_FORMATS = {"table", "markdown", "json"}
