"""Escaping for the HTML report: every piece of corpus text reaches the page through `text`."""

from __future__ import annotations

from html import escape


def text(value: object) -> str:
    """Safe as element content and as a quoted attribute value: & < > " ' are escaped.

    A carriage return becomes &#13;, because an HTML parser turns a raw one into a
    line feed and the highlighted span must read exactly as the article does.
    """
    return escape(str(value), quote=True).replace("\r", "&#13;")


def number(value: float) -> str:
    """SVG coordinates with one decimal, so the same report is the same bytes on every machine."""
    return f"{value:.1f}"
