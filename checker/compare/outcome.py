"""What a comparison returns, and the interval clustering three of them share.

Founding years, series offsets and troop counts all work the same way: each
claim admits an interval of values for a hidden quantity (strict, and loose for
approximations); claims whose strict intervals meet form a group; a group that
only the loose intervals reconcile with the main group is a discrepancy, one
that even they cannot is a contradiction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from ..models import Claim, Verdict


@dataclass
class Outcome:
    verdict: Verdict
    subject: str
    message: str
    groups: list[tuple[str, list[Claim]]]


@dataclass
class Reading:
    """What one claim says about its subject's hidden value."""

    claim: Claim
    strict: tuple[float, float]
    loose: tuple[float, float]


@dataclass
class Cluster:
    readings: list[Reading] = field(default_factory=list)
    strict: tuple[float, float] = (-math.inf, math.inf)
    loose: tuple[float, float] = (-math.inf, math.inf)
    _documents: set[str] | None = field(default=None, repr=False, compare=False)
    _counted: int = field(default=0, repr=False, compare=False)
    _claims: list[Claim] | None = field(default=None, repr=False, compare=False)
    _sorted: int = field(default=0, repr=False, compare=False)

    @property
    def documents(self) -> set[str]:
        """The documents of the readings, worked out once the cluster stops growing (judge asks often)."""
        if self._documents is None or self._counted != len(self.readings):
            self._documents, self._counted = {r.claim.doc for r in self.readings}, len(self.readings)
        return self._documents

    @property
    def claims(self) -> list[Claim]:
        """The claims in document order, sorted once the cluster stops growing (the main group is
        listed by each of its findings). A copy: callers may keep or change the list."""
        if self._claims is None or self._sorted != len(self.readings):
            ordered = sorted((r.claim for r in self.readings), key=lambda c: (c.doc, c.span.start, c.id))
            self._claims, self._sorted = ordered, len(self.readings)
        return list(self._claims)


def overlap(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float] | None:
    lo, hi = max(a[0], b[0]), min(a[1], b[1])
    return (lo, hi) if lo <= hi else None


def cluster(readings: list[Reading]) -> list[Cluster]:
    """Group readings whose strict intervals share a value; precise readings seed the groups."""
    ordered = sorted(readings, key=lambda r: (r.strict[1] - r.strict[0], r.strict[0], r.claim.doc, r.claim.span.start))
    clusters: list[Cluster] = []
    for reading in ordered:
        low, high = reading.strict
        for group in clusters:
            # overlap(group.strict, reading.strict), inline: this loop runs readings × clusters times.
            shared_low, shared_high = max(group.strict[0], low), min(group.strict[1], high)
            if shared_low <= shared_high:
                group.readings.append(reading)
                group.strict = (shared_low, shared_high)
                group.loose = overlap(group.loose, reading.loose) or group.loose
                break
        else:
            clusters.append(Cluster([reading], reading.strict, reading.loose))
    return clusters


def main_cluster(clusters: list[Cluster]) -> Cluster:
    """The group the others are judged against: most documents, then most claims, then the narrowest."""
    return max(clusters, key=lambda c: (len(c.documents), len(c.readings), -(c.strict[1] - c.strict[0]), -c.strict[0]))


def judge(
    subject: str,
    readings: list[Reading],
    label: Callable[[Cluster], str],
    describe: Callable[[Verdict, list[Cluster]], str],
) -> list[Outcome]:
    """Findings for one subject: the main group against every other group, and the main group's agreement."""
    if not readings:
        return []
    clusters = cluster(readings)
    main = main_cluster(clusters)
    conflicting = [c for c in clusters if c is not main and overlap(main.loose, c.loose) is None]
    loose = [c for c in clusters if c is not main and c not in conflicting]
    outcomes = []
    for verdict, others in ((Verdict.contradiction, conflicting), (Verdict.discrepancy, loose)):
        if others:
            groups = [main] + others
            outcomes.append(Outcome(verdict, subject, describe(verdict, groups), [(label(g), g.claims) for g in groups]))
    if len(main.documents) >= 2:
        outcomes.append(Outcome(Verdict.agreement, subject, describe(Verdict.agreement, [main]), [(label(main), main.claims)]))
    return outcomes


def number(value: float) -> str:
    """An integer as reports print it: thousands separators from 10,000, a real minus sign."""
    whole = int(round(value))
    text = f"{abs(whole):,}" if abs(whole) >= 10_000 else str(abs(whole))
    return f"−{text}" if whole < 0 else text


def span_label(lo: float, hi: float) -> str:
    """'1953', '1952–1953', '≤ 1952', '≥ 28,500', '−1970 to −1968' for an interval."""
    if lo == -math.inf and hi == math.inf:
        return "any value"
    if lo == -math.inf:
        return f"≤ {number(hi)}"
    if hi == math.inf:
        return f"≥ {number(lo)}"
    if round(lo) == round(hi):
        return number(lo)
    joiner = "–" if lo >= 0 else " to "
    return f"{number(lo)}{joiner}{number(hi)}"
