"""Quantity agreement: troop counts of one force, at about the same time, within a tolerance.

Counts are compared only inside a time window (`window_days`): a force that
shrank over five years is no contradiction. An exact count admits its value
± half the relative tolerance, "about"/"some" the whole tolerance, "more than"
anything above. Counts whose gap exceeds the tolerance but not the loose
tolerance are a discrepancy; beyond it, a contradiction.
"""

from __future__ import annotations

import math

from ..models import Claim, Qualifier, Verdict
from .outcome import Cluster, Outcome, Reading, judge, span_label


def admitted_counts(claim: Claim, tolerance: float, loose: float) -> Reading:
    count = float(claim.value)
    width = tolerance if claim.qualifier is Qualifier.approximate else tolerance / 2
    strict = [count * (1 - width), count * (1 + width)]
    relaxed = [count * (1 - loose / 2), count * (1 + loose / 2)]
    if claim.qualifier is Qualifier.at_least:
        strict[1] = relaxed[1] = math.inf
    elif claim.qualifier is Qualifier.at_most:
        strict[0] = relaxed[0] = 0
    return Reading(claim, tuple(strict), tuple(relaxed))


def time_windows(claims: list[Claim], window_days: int) -> list[list[Claim]]:
    """Dated claims chained into windows: each claim within `window_days` of the previous one."""
    from ..timeparse import date_range  # here: a re-run that reuses every finding needs no date parsing

    dated = sorted((c for c in claims if c.time), key=lambda c: (date_range(c.time)[0], c.doc, c.span.start))
    windows: list[list[Claim]] = []
    for claim in dated:
        if windows and (date_range(claim.time)[0] - date_range(windows[-1][-1].time)[1]).days <= window_days:
            windows[-1].append(claim)
        else:
            windows.append([claim])
    return windows


def compare(rule, claims: list[Claim], vocabulary=None) -> list[Outcome]:
    subject = claims[0].subject if claims else ""
    outcomes = []
    for window in time_windows(claims, rule.window_days):
        readings = [admitted_counts(c, rule.relative_tolerance, rule.loose_tolerance) for c in window]
        period = f"{window[0].time[:7]}" if window[0].time[:7] == window[-1].time[:7] else f"{window[0].time[:7]}..{window[-1].time[:7]}"

        def label(group: Cluster) -> str:
            values = sorted({int(r.claim.value) for r in group.readings})
            return " / ".join(f"{v:,}" for v in values)

        def describe(verdict: Verdict, groups: list[Cluster]) -> str:
            name = subject.split(":", 1)[-1]
            if verdict is Verdict.agreement:
                return f"{name} in {period}: {label(groups[0])} agreed by {len(groups[0].documents)} documents"
            gap = "more than" if verdict is Verdict.contradiction else "within"
            return (f"{name} in {period}: {label(groups[0])} vs {' vs '.join(label(g) for g in groups[1:])}"
                    f" ({gap} {rule.loose_tolerance:.0%} apart)")

        outcomes.extend(judge(subject, readings, label, describe))
    return outcomes



