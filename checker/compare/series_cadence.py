"""Series cadence: the ordinals of a numbered series must fit their dates.

A series with `per_year` meetings, numbered every year except `unnumbered_years`,
has ordinal = per_year * (numbered years so far) + offset + (0 .. per_year-1).
Each dated ordinal thus admits a small interval for the series' offset; two
claims that admit no common offset cannot both be true (the 54th and the 56th
SCM in the same year).
"""

from __future__ import annotations

from ..models import Claim, Verdict
from ..vocabulary import Series
from .outcome import Cluster, Outcome, Reading, judge

FALLBACK = Series(names=["?"], per_year=1)


def numbered_years(series: Series, year: int) -> int:
    """Years up to `year` that had a numbered meeting, counted from year 0 (the offset absorbs the start)."""
    return year - sum(1 for skipped in series.unnumbered_years if skipped <= year)


def implied_offset(claim: Claim, series: Series, tolerance: int) -> Reading | None:
    if claim.time is None:
        return None
    offset = int(claim.value) - series.per_year * numbered_years(series, int(claim.time[:4]))
    interval = (offset - (series.per_year - 1) - tolerance, offset + tolerance)
    return Reading(claim, interval, interval)


def compare(rule, claims: list[Claim], vocabulary=None) -> list[Outcome]:
    subject = claims[0].subject if claims else ""
    series = vocabulary.series.get(subject.split(":", 1)[-1], FALLBACK) if vocabulary else FALLBACK
    readings = [r for r in (implied_offset(c, series, rule.tolerance) for c in claims) if r]

    def label(group: Cluster) -> str:
        seen = sorted({(int(r.claim.value), r.claim.time) for r in group.readings})
        return "; ".join(f"{ordinal(n)} in {time}" for n, time in seen)

    def describe(verdict: Verdict, groups: list[Cluster]) -> str:
        name = subject.split(":", 1)[-1]
        cadence = f"{series.per_year} a year" if series.per_year > 1 else "annual"
        if verdict is Verdict.agreement:
            return f"{name} ({cadence}): numbering agreed by {len(groups[0].documents)} documents"
        return f"{name} ({cadence}): {label(groups[0])} cannot be squared with {' / '.join(label(g) for g in groups[1:])}"

    return judge(subject, readings, label, describe)


def ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
