"""Reporters: one module per output format, each `render(result) -> str` built from the same records."""

from __future__ import annotations

from . import html, json_report, markdown, table

FORMATS = {
    "table": table.render,
    "markdown": markdown.render,
    "json": json_report.render,
    "html": html.render,
}
