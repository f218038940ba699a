"""Markup for the HTML report: every piece of corpus text reaches the page through `text`."""

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


def svg(kind: str, width: int, height: float, label: str, parts: list[str]) -> str:
    """An inline chart: scales with the page (viewBox), described for screen readers (aria-label)."""
    return (f'<svg class="chart {kind}" viewBox="0 0 {width} {number(height)}" width="{width}" '
            f'height="{number(height)}" role="img" aria-label="{text(label)}" xmlns="http://www.w3.org/2000/svg">\n'
            + "\n".join(parts) + "\n</svg>")


def figure(subject: str, caption: str, chart: str, note: str) -> str:
    return (f'<figure class="timeline" data-subject="{text(subject)}">\n'
            f'<figcaption><strong>{text(caption)}</strong> <span class="note">{text(note)}</span></figcaption>\n'
            f"{chart}\n</figure>")
