"""Timelines for the HTML report, drawn as inline SVG.

Two pictures a reviewer reads faster than a table: who held each office when,
according to which articles; and each meeting series' ordinals against their
dates, over the band of ordinals its cadence allows, so the outlier stands out.
The people and the band come from the comparisons themselves (`people`,
`implied_offset`, `cluster`), so a picture cannot disagree with a finding.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass

from ..compare.office import holder_name, people
from ..compare.outcome import cluster, main_cluster
from ..compare.series_cadence import FALLBACK, implied_offset, numbered_years, ordinal
from ..models import Claim, Finding, Verdict
from ..rules import RuleSet
from ..timeparse import date_range
from .markup import figure, number, svg, text

WIDTH = 1080
ROW_HEIGHT = 30
OFFICE_HEADING = 24
AXIS_HEIGHT = 26
NAME_COLUMN = 190
ORDINAL_COLUMN = 56
RIGHT_MARGIN = 24
PLOT_HEIGHT = 200
# Roughly how wide one character of an 11px label is, to keep labels apart.
LABEL_CHAR_WIDTH = 7.2
NICE_STEPS = (1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000)


@dataclass(frozen=True)
class TimeScale:
    """Days from January 1 of `first_year` to January 1 after `last_year`, mapped onto [left, right]."""

    first_year: int
    last_year: int
    left: float
    right: float

    def x(self, day: dt.date) -> float:
        start, end = dt.date(self.first_year, 1, 1), dt.date(self.last_year + 1, 1, 1)
        return self.left + (day - start).days / (end - start).days * (self.right - self.left)

    def span(self, time: str) -> tuple[float, float]:
        first, last = date_range(time)
        return self.x(first), self.x(last + dt.timedelta(days=1))


def nice_step(extent: float, most_ticks: int = 10) -> int:
    return next((step for step in NICE_STEPS if extent / step <= most_ticks), NICE_STEPS[-1])


def padded_years(times: list[str]) -> tuple[int, int]:
    """The years the claims cover, widened to at least three so a single date sits mid-axis."""
    first, last = min(int(t[:4]) for t in times), max(int(t[:4]) for t in times)
    if last - first < 2:
        first, last = first - 1, last + 1
    return first, last


def year_axis(scale: TimeScale, top: float, bottom: float) -> list[str]:
    step = nice_step(scale.last_year - scale.first_year + 1)
    parts = []
    for year in range(scale.first_year, scale.last_year + 2):
        x = number(scale.x(dt.date(year, 1, 1)))
        parts.append(f'<line class="grid" x1="{x}" y1="{number(top)}" x2="{x}" y2="{number(bottom)}"/>')
        if year % step == 0 and year <= scale.last_year:
            middle = number(scale.x(dt.date(year, 7, 2)))
            parts.append(f'<text class="tick" x="{middle}" y="{number(bottom + 16)}" text-anchor="middle">{year}</text>')
    return parts


def by_subject(claims: list[Claim], kind: str) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.kind == kind and claim.time:
            grouped[claim.subject].append(claim)
    return dict(sorted(grouped.items()))


def where(claims: list[Claim]) -> str:
    """A tooltip line per claim: document, line, the quoted span."""
    return "\n".join(f"{c.doc}:{c.span.line} “{c.span.text}” ({c.time})" for c in claims)


# --- office holders -----------------------------------------------------------

def holder_row(scale: TimeScale, top: float, person: list[Claim], clashing: bool, doc_labels: dict[str, str]) -> list[str]:
    middle = top + ROW_HEIGHT / 2 + 4
    name = holder_name(person)
    state = "clash" if clashing else "held"
    starts = [scale.span(c.time)[0] for c in person]
    ends = [scale.span(c.time)[1] for c in person]
    parts = [f'<g class="holder {state}">',
             f'<text class="name" x="{NAME_COLUMN - 10}" y="{number(middle + 4)}" text-anchor="end">{text(name)}</text>',
             f'<rect class="tenure" x="{number(min(starts))}" y="{number(middle - 4)}" '
             f'width="{number(max(max(ends) - min(starts), 2))}" height="8" rx="4"/>']
    by_time: dict[str, list[Claim]] = defaultdict(list)
    for claim in person:
        by_time[claim.time].append(claim)
    free_from = -math.inf  # where the last label ended: labels never overlap, tooltips carry the rest
    for time, claims in sorted(by_time.items()):
        lo, hi = scale.span(time)
        x = (lo + hi) / 2
        parts.append(f'<circle class="mention" cx="{number(x)}" cy="{number(middle)}" r="5">'
                     f"<title>{text(name)}, {text(time)}\n{text(where(claims))}</title></circle>")
        label = docs_label(sorted({c.doc for c in claims}, key=lambda d: int(doc_labels[d][1:])), doc_labels)
        half_width = len(label) * LABEL_CHAR_WIDTH / 2
        if x - half_width >= free_from:
            parts.append(f'<text class="docs" x="{number(x)}" y="{number(middle - 9)}" text-anchor="middle">{text(label)}</text>')
            free_from = x + half_width + 4
    parts.append("</g>")
    return parts


def docs_label(docs: list[str], doc_labels: dict[str, str]) -> str:
    """"D2", "D2,D4", or "D2 +5" when many articles speak of the same day."""
    if len(docs) <= 2:
        return ",".join(doc_labels[d] for d in docs)
    return f"{doc_labels[docs[0]]} +{len(docs) - 1}"


def office_block(subject: str, claims: list[Claim], scale: TimeScale, top: float, clashing: set[str],
                 doc_labels: dict[str, str]) -> tuple[list[str], float]:
    """One office: its name, then a row per holder; returns the parts and the height used."""
    holders = people(claims)
    office = subject.split(":", 1)[-1]
    parts = [f'<g class="office" data-subject="{text(subject)}">',
             f'<line class="divider" x1="0" y1="{number(top)}" x2="{WIDTH}" y2="{number(top)}"/>',
             f'<text class="office-name" x="4" y="{number(top + 16)}">{text(office)}</text>']
    for row, person in enumerate(holders):
        row_top = top + OFFICE_HEADING + row * ROW_HEIGHT
        parts += holder_row(scale, row_top, person, any(c.id in clashing for c in person), doc_labels)
    parts.append("</g>")
    return parts, OFFICE_HEADING + len(holders) * ROW_HEIGHT


def office_timelines(claims: list[Claim], findings: list[Finding], doc_labels: dict[str, str]) -> list[str]:
    """All offices in one figure on one time axis, so offices can be read against each other."""
    offices = by_subject(claims, "office_holder")
    if not offices:
        return []
    first, last = padded_years([c.time for group in offices.values() for c in group])
    scale = TimeScale(first, last, NAME_COLUMN, WIDTH - RIGHT_MARGIN)
    clashing = {claim_id for f in findings if f.verdict is Verdict.contradiction and f.subject in offices
                for group in f.groups for claim_id in group.claims}
    blocks, top = [], 4.0
    for subject, office_claims in offices.items():
        parts, height = office_block(subject, office_claims, scale, top, clashing, doc_labels)
        blocks += parts
        top += height
    chart = svg("offices", WIDTH, top + AXIS_HEIGHT, f"Holders of {len(offices)} offices over time", year_axis(scale, 4, top) + blocks)
    note = "dots: the articles (D1…) naming the holder, at the time they speak of; red: holders in a contradiction"
    return [figure("offices", "Who held each office when", chart, note)]


# --- meeting series -------------------------------------------------------------

@dataclass(frozen=True)
class OrdinalScale:
    lowest: float
    highest: float
    top: float
    bottom: float

    def y(self, value: float) -> float:
        return self.bottom - (value - self.lowest) / (self.highest - self.lowest) * (self.bottom - self.top)


def ordinal_axis(scale: OrdinalScale) -> list[str]:
    step = nice_step(scale.highest - scale.lowest, 6)
    parts = []
    for value in range(int(scale.lowest) + 1, int(scale.highest) + 1):
        if value % step == 0:
            y = number(scale.y(value))
            parts.append(f'<line class="grid" x1="{ORDINAL_COLUMN}" y1="{y}" x2="{WIDTH - RIGHT_MARGIN}" y2="{y}"/>')
            parts.append(f'<text class="tick" x="{ORDINAL_COLUMN - 6}" y="{number(scale.y(value) + 4)}" '
                         f'text-anchor="end">{ordinal(value)}</text>')
    return parts


def cadence_band(series, offsets: tuple[float, float], years: TimeScale, ordinals: OrdinalScale) -> list[str]:
    """The ordinals the cadence allows each year, and the line through them."""
    parts, line = [], []
    for year in range(years.first_year, years.last_year + 1):
        base = series.per_year * numbered_years(series, year)
        lo, hi = base + offsets[0], base + offsets[1]
        x0, x1 = years.x(dt.date(year, 1, 1)), years.x(dt.date(year + 1, 1, 1))
        top, bottom = ordinals.y(hi + 0.4), ordinals.y(lo - 0.4)
        parts.append(f'<rect class="allowed" x="{number(x0)}" y="{number(top)}" width="{number(x1 - x0)}" '
                     f'height="{number(bottom - top)}"><title>{year}: {text(allowed(lo, hi))}</title></rect>')
        line.append(f"{number((x0 + x1) / 2)},{number(ordinals.y((lo + hi) / 2))}")
    parts.append(f'<polyline class="cadence" points="{" ".join(line)}"/>')
    return parts


def allowed(lo: float, hi: float) -> str:
    return ordinal(int(lo)) if lo == hi else f"{ordinal(int(lo))} to {ordinal(int(hi))}"


def meeting_point(claims: list[Claim], fits: bool, years: TimeScale, ordinals: OrdinalScale,
                  doc_labels: dict[str, str], labels: list[tuple[float, float, float, float]]) -> list[str]:
    """One dot for the articles that give the same ordinal for the same time; labelled where there is room."""
    first = claims[0]
    lo, hi = years.span(first.time)
    x, y = (lo + hi) / 2, ordinals.y(int(first.value))
    parts = [f'<g class="meeting {"fits" if fits else "outlier"}">']
    if hi - lo > 6:  # a month or a year: the claim's whole period, not a made-up day
        parts.append(f'<line class="period" x1="{number(lo + 2)}" y1="{number(y)}" x2="{number(hi - 2)}" y2="{number(y)}"/>')
    resolved = f"{first.time_note or 'time'} → {first.time}"
    parts.append(f'<circle cx="{number(x)}" cy="{number(y)}" r="5"><title>{text(where(claims))}\n{text(resolved)}</title></circle>')
    label = f"{ordinal(int(first.value))} · {docs_label(sorted({c.doc for c in claims}, key=lambda d: int(doc_labels[d][1:])), doc_labels)}"
    width = len(label) * LABEL_CHAR_WIDTH
    left = x + 8 if x + 8 + width <= WIDTH else x - 8 - width  # near the right edge, the label goes left
    box = (left, y - 19, left + width, y - 5)
    if not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3] for b in labels):
        parts.append(f'<text class="label" x="{number(left)}" y="{number(y - 8)}">{text(label)}</text>')
        labels.append(box)
    parts.append("</g>")
    return parts


def series_chart(subject: str, claims: list[Claim], series, tolerance: int, doc_labels: dict[str, str]) -> str:
    readings = [r for r in (implied_offset(c, series, tolerance) for c in claims) if r]
    main = main_cluster(cluster(readings))
    fitting = {r.claim.id for r in main.readings}
    first, last = padded_years([c.time for c in claims])
    years = TimeScale(first, last, ORDINAL_COLUMN, WIDTH - RIGHT_MARGIN)
    bases = [series.per_year * numbered_years(series, y) for y in (first, last)]
    values = [int(c.value) for c in claims] + [bases[0] + main.strict[0], bases[1] + main.strict[1]]
    ordinals = OrdinalScale(min(values) - 1.5, max(values) + 1.5, 10, 10 + PLOT_HEIGHT)
    parts = year_axis(years, 10, 10 + PLOT_HEIGHT) + ordinal_axis(ordinals)
    parts += cadence_band(series, main.strict, years, ordinals)
    same_point: dict[tuple[str, int, bool], list[Claim]] = defaultdict(list)
    for claim in sorted(claims, key=lambda c: (c.time, int(c.value), c.doc, c.span.start)):
        same_point[(claim.time, int(claim.value), claim.id in fitting)].append(claim)
    labels: list[tuple[float, float, float, float]] = []
    for (_, _, fits), point in same_point.items():
        parts += meeting_point(point, fits, years, ordinals, doc_labels, labels)
    name = subject.split(":", 1)[-1]
    outliers = len(claims) - len(fitting)
    return svg("series", WIDTH, 10 + PLOT_HEIGHT + AXIS_HEIGHT, f"{name}: ordinals against dates, {outliers} off the cadence", parts)


def series_timelines(claims: list[Claim], rules: RuleSet, doc_labels: dict[str, str]) -> list[str]:
    """One figure per meeting series with dated ordinals."""
    rule = next((r for r in rules.rules if r.comparison == "series_cadence"), None)
    tolerance = rule.tolerance if rule else 0
    figures = []
    for subject, series_claims in by_subject(claims, "meeting_number").items():
        series = rules.vocabulary.series.get(subject.split(":", 1)[-1], FALLBACK)
        cadence = "annual" if series.per_year == 1 else f"{series.per_year} a year"
        chart = series_chart(subject, series_claims, series, tolerance, doc_labels)
        figures.append(figure(subject, f"{subject.split(':', 1)[-1]} ({cadence})", chart,
                              "band: the ordinals the cadence allows each year; red: ordinals that do not fit"))
    return figures
