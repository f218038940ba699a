"""Founding-year agreement: every anniversary and treaty year of an alliance implies one founding year.

Year arithmetic on the year Y the claim speaks at, for an age N:
  Nth anniversary -> Y-N;  in its Nth year -> Y-N..Y-N+1;  N years / N-year-old / at N -> Y-N-1..Y-N;
  more than N -> at most Y-N;  nearly N -> Y-N..Y-N+3.
Round ages ("seven decades", "70-year-old") are loose: `loose_years` of slack each way.
"""

from __future__ import annotations

import math

from ..models import Claim, Qualifier, Verdict
from ..numbers import is_round
from .outcome import Cluster, Outcome, Reading, judge, span_label


def implied_founding(claim: Claim, loose_years: int) -> Reading | None:
    if claim.time is None:
        return None
    if claim.kind == "treaty_year":
        year = float(claim.value)
        return Reading(claim, (year, year), (year, year))
    said_in = int(claim.time[:4])
    age = int(claim.value)
    if claim.form == "ordinal":
        lo = hi = said_in - age
    elif claim.form == "nth_year":
        lo, hi = said_in - age, said_in - age + 1
    else:
        lo, hi = said_in - age - 1, said_in - age
    if claim.qualifier is Qualifier.at_least:
        lo = -math.inf
    elif claim.qualifier is Qualifier.at_most:
        lo, hi = said_in - age, said_in - age + 3
    slack = loose_years if claim.form != "ordinal" and (is_round(age) or claim.form == "decades") else 0
    return Reading(claim, (lo, hi), (lo - slack, hi + slack))


def compare(rule, claims: list[Claim], vocabulary=None) -> list[Outcome]:
    readings = [r for r in (implied_founding(c, rule.loose_years) for c in claims) if r]
    subject = claims[0].subject if claims else ""

    def label(group: Cluster) -> str:
        return span_label(*group.strict)

    def describe(verdict: Verdict, groups: list[Cluster]) -> str:
        name = subject.split(":", 1)[-1]
        if verdict is Verdict.agreement:
            return f"{name} founded in {label(groups[0])}, agreed by {len(groups[0].documents)} documents"
        others = ", ".join(label(g) for g in groups[1:])
        if verdict is Verdict.contradiction:
            return f"{name}: founding year {label(groups[0])} conflicts with {others}"
        return f"{name}: founding year {label(groups[0])} is only loosely consistent with {others} (round-number ages)"

    return judge(subject, readings, label, describe)
