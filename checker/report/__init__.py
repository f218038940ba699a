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
