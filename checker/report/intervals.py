"""Interval charts for the HTML report: what each claim admits about a founding year or a troop count.

Each claim is a row: the values it admits strictly as a solid bar, and loosely
(round ages, "about") as a pale bar behind it. Rows take the colour of the group
a finding put them in, so a group that fits only loosely, or not at all, stands
apart from the reference group. The intervals are the comparison's own
(`explain.reading_of`), so a chart cannot disagree with a finding.
"""

from __future__ import annotations

import math
from collections import defaultdict

from .. import explain
from ..compare.outcome import number as readable_number, span_label
from ..engine import CheckResult
from ..models import Claim, Verdict
from .markup import figure, number, svg, text

WIDTH = 1080
LABEL_COLUMN = 380
RIGHT_MARGIN = 24
ROW_HEIGHT = 24
AXIS_HEIGHT = 26
LABEL_CHARS = 34
CHARTED = {"founding_year": "founding year", "quantity": "count"}
# The role a claim plays, by the verdict of the finding that grouped it and its group's place.
OTHER_GROUP = {Verdict.contradiction: "conflict", Verdict.discrepancy: "loose"}


def nice_step(extent: float, most_ticks: int = 8) -> float:
    """1, 2 or 5 times a power of ten, so that at most `most_ticks` ticks fit; never below 1 (years, counts)."""
    magnitude = max(1, 10 ** math.floor(math.log10(max(extent, 1) / most_ticks)))
    return next(m * magnitude for m in (1, 2, 5, 10) if extent / (m * magnitude) <= most_ticks)


def claim_roles(result: CheckResult, rule_id: str, subject: str) -> dict[str, str]:
    """reference / loose / conflict for claims in a disagreement, agreed for those only agreed on."""
    roles: dict[str, str] = {}
    for finding in result.findings:
        if finding.rule != rule_id or finding.subject != subject:
            continue
        for index, group in enumerate(finding.groups):
            if finding.verdict in OTHER_GROUP:
                role = "reference" if index == 0 else OTHER_GROUP[finding.verdict]
                for claim_id in group.claims:
                    roles[claim_id] = role
            else:
                for claim_id in group.claims:
                    roles.setdefault(claim_id, "agreed")
    return roles


def row_label(claim: Claim, doc_labels: dict[str, str]) -> str:
    quote = " ".join(claim.span.text.split())
    if len(quote) > LABEL_CHARS:
        quote = quote[:LABEL_CHARS - 1] + "…"
    return f"{doc_labels[claim.doc]} “{quote}” ({claim.time})"


def bar(kind: str, bounds: tuple[float, float], x, y: float, height: float) -> str:
    """A bar from bound to bound; an unbounded side runs to the plot's edge."""
    left = LABEL_COLUMN if bounds[0] == -math.inf else x(bounds[0])
    right = WIDTH - RIGHT_MARGIN if bounds[1] == math.inf else x(bounds[1])
    return (f'<rect class="{kind}" x="{number(left - 3)}" y="{number(y)}" width="{number(right - left + 6)}" '
            f'height="{number(height)}" rx="3"/>')


def value_axis(lo: float, hi: float, x, bottom: float) -> list[str]:
    step = nice_step(hi - lo)
    parts = []
    tick = math.ceil(lo / step) * step
    while tick <= hi:
        px = number(x(tick))
        parts.append(f'<line class="grid" x1="{px}" y1="4" x2="{px}" y2="{number(bottom)}"/>')
        parts.append(f'<text class="tick" x="{px}" y="{number(bottom + 16)}" text-anchor="middle">'
                     f"{text(readable_number(tick))}</text>")
        tick += step
    return parts


def interval_chart(rows: list[tuple[Claim, object, str]], doc_labels: dict[str, str], label: str) -> str:
    bounds = [v for _, r, _ in rows for v in (*r.strict, *r.loose)]
    finite = [v for v in bounds if not math.isinf(v)]
    lo, hi = min(finite), max(finite)
    pad = max((hi - lo) * 0.08, 1)
    # An open end ("more than 28,500") gets room to show that it runs on.
    lo -= pad * (3 if -math.inf in bounds else 1)
    hi += pad * (3 if math.inf in bounds else 1)

    def x(value: float) -> float:
        return LABEL_COLUMN + (value - lo) / (hi - lo) * (WIDTH - RIGHT_MARGIN - LABEL_COLUMN)

    bottom = 4 + len(rows) * ROW_HEIGHT
    parts = value_axis(lo, hi, x, bottom)
    for index, (claim, reading, role) in enumerate(rows):
        top = 4 + index * ROW_HEIGHT
        parts += [f'<g class="admits {role}">',
                  f'<text class="name" x="{LABEL_COLUMN - 10}" y="{number(top + 16)}" text-anchor="end">'
                  f"{text(row_label(claim, doc_labels))}</text>",
                  bar("loose", reading.loose, x, top + 5, 14),
                  bar("strict", reading.strict, x, top + 8, 8),
                  f"<title>{text(claim.doc)}:{claim.span.line} “{text(claim.span.text)}”\n"
                  f"strictly {text(span_label(*reading.strict))}, loosely {text(span_label(*reading.loose))}</title>",
                  "</g>"]
    return svg("intervals", WIDTH, bottom + AXIS_HEIGHT, label, parts)


def interval_charts(result: CheckResult, doc_labels: dict[str, str]) -> list[str]:
    """One figure per subject of a founding-year or quantity rule with a dated claim."""
    vocabulary = result.rules.vocabulary
    figures = []
    for rule in (r for r in result.rules.rules if r.comparison in CHARTED):
        by_subject: dict[str, list[Claim]] = defaultdict(list)
        for claim in result.claims:
            if claim.kind in rule.kinds and claim.time:  # an undated claim takes no part in the comparison
                by_subject[claim.subject].append(claim)
        for subject, claims in sorted(by_subject.items()):
            roles = claim_roles(result, rule.id, subject)
            readings = [(c, explain.reading_of(c, rule, vocabulary)) for c in claims]
            rows = [(c, r, roles.get(c.id, "alone")) for c, r in readings if r is not None]
            if not rows:
                continue
            rows.sort(key=lambda row: (row[1].strict[0], row[1].strict[1], row[0].doc, row[0].span.start))
            measure = CHARTED[rule.comparison]
            chart = interval_chart(rows, doc_labels, f"{subject}: the {measure} each claim admits")
            note = (f"what each claim admits about the {measure}: solid strictly, pale loosely; "
                    "green the reference group, amber a loose fit, red a conflict")
            figures.append(figure(subject, subject.split(":", 1)[-1], chart, note))
    return figures
