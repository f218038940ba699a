"""Reporters: one module per output format, each `render(result) -> str` built from the same records."""

from __future__ import annotations

from importlib import import_module
from typing import Callable


def _render_of(module: str) -> Callable:
    """The `render` of report module `module`, imported when first called: a run loads only the format it writes."""
    def render(result, *args, **kwargs):
        return import_module(f"{__name__}.{module}").render(result, *args, **kwargs)

    return render


FORMATS = {
    "table": _render_of("table"),
    "markdown": _render_of("markdown"),
    "json": _render_of("json_report"),
    "sarif": _render_of("sarif"),
    "github": _render_of("github"),
    "html": _render_of("html"),
}
# Formats that never read an article's text: for them a run drops each text once its claims are out.
# A new format is assumed to need the texts until it is listed here.
TEXT_FREE_FORMATS = {"table", "markdown", "json"}
