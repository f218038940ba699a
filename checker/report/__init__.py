"""Reporters: one module per output format, each `render(result) -> str` built from the same records.

Each format's module is imported when it is first used: a run loads only the writer it needs
(the HTML one alone takes tens of milliseconds to import).
"""

from __future__ import annotations


def _table(result):
    from . import table
    return table.render(result)


def _markdown(result):
    from . import markdown
    return markdown.render(result)


def _json(result):
    from . import json_report
    return json_report.render(result)


def _sarif(result):
    from . import sarif
    return sarif.render(result)


def _github(result):
    from . import github
    return github.render(result)


def _html(result):
    from . import html
    return html.render(result)


FORMATS = {"table": _table, "markdown": _markdown, "json": _json, "sarif": _sarif, "github": _github, "html": _html}
# Formats that never read an article's text: for them a run drops each text once its claims are out.
# A new format is assumed to need the texts until it is listed here.
TEXT_FREE_FORMATS = {"table", "markdown", "json"}
