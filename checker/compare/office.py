"""One holder per office at a time.

Claims of one office are grouped by person (spelling variants and surnames
join the full name). Two people named for the office within `window_days` of
each other is a contradiction; different people further apart is a
succession, reported as information; one person named by several documents
is an agreement.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from itertools import accumulate

from ..extract.names import same_person
from ..models import Claim, Verdict
from ..timeparse import date_range
from .outcome import Outcome


def people(claims: list[Claim]) -> list[list[Claim]]:
    """Claims grouped by person; full names first, so surnames join the person they name.

    An archive names the same few people thousands of times: each pair of
    spellings is compared once.
    """
    ordered = sorted(claims, key=lambda c: (-len((c.person or str(c.value)).split()), c.doc, c.span.start))
    groups: list[list[Claim]] = []
    same: dict[tuple[str, str], bool] = {}

    def is_same(a: str, b: str) -> bool:
        if (a, b) not in same:
            same[(a, b)] = same_person(a, b)
        return same[(a, b)]

    for claim in ordered:
        name = claim.person or str(claim.value)
        matching = [g for g in groups if is_same(g[0].person or str(g[0].value), name)]
        if len(matching) == 1:
            matching[0].append(claim)
        elif not matching:
            groups.append([claim])
        # A surname that fits two different people in the office stays out of every group.
    for group in groups:
        group.sort(key=lambda c: (c.doc, c.span.start, c.id))
    return sorted(groups, key=lambda g: (min(c.time or "9999" for c in g), g[0].doc, _name(g)))


def _name(group: list[Claim]) -> str:
    return max((c.person or str(c.value) for c in group), key=lambda n: (len(n.split()), n))


def _period(group: list[Claim]) -> str:
    times = sorted(c.time for c in group if c.time)
    if not times:
        return "undated"
    return times[0] if times[0] == times[-1] else f"{times[0]}..{times[-1]}"


class Timeline:
    """The dated claims of one person, for asking whether another's come within a window of them.

    Sorted by first day with a running maximum of last days: one binary search
    per claim instead of a comparison with each of the other person's claims.
    """

    def __init__(self, group: list[Claim]):
        self.spans = sorted(date_range(c.time) for c in group if c.time)
        self.firsts = [first for first, _ in self.spans]
        self.latest_last = list(accumulate((last for _, last in self.spans), max))

    def near(self, other: Timeline, window_days: int) -> bool:
        """Whether some claim of `other` is within `window_days` of one of these (0 when they overlap)."""
        window = dt.timedelta(days=window_days)
        for first, last in other.spans:
            # Candidates start no later than `last + window`; the latest of their ends must reach `first - window`.
            reach = bisect_right(self.firsts, last + window)
            if reach and self.latest_last[reach - 1] >= first - window:
                return True
        return False


def _overlapping(a: Timeline, b: Timeline, window_days: int) -> bool:
    return a.near(b, window_days)


def compare(rule, claims: list[Claim], vocabulary=None) -> list[Outcome]:
    subject = claims[0].subject if claims else ""
    office = subject.split(":", 1)[-1]
    groups = people(claims)
    outcomes = []
    timelines = {id(g): Timeline(g) for g in groups}
    clashing = [g for g in groups
                if any(h is not g and _overlapping(timelines[id(g)], timelines[id(h)], rule.window_days) for h in groups)]
    if clashing:
        names = " and ".join(_name(g) for g in clashing)
        outcomes.append(Outcome(Verdict.contradiction, subject,
                                f"{office}: {names} named as holder within {rule.window_days} days of each other",
                                [(_name(g), g) for g in clashing]))
    dated = [g for g in groups if g not in clashing and any(c.time for c in g)]
    if len(dated) >= 2:
        chain = " → ".join(f"{_name(g)} ({_period(g)})" for g in dated)
        outcomes.append(Outcome(Verdict.succession, subject, f"{office}: succession {chain}",
                                [(_name(g), g) for g in dated]))
    for group in groups:
        if len({c.doc for c in group}) >= 2 and group not in clashing:
            outcomes.append(Outcome(Verdict.agreement, subject,
                                    f"{office}: {_name(group)}, agreed by {len({c.doc for c in group})} documents",
                                    [(_name(group), group)]))
    return outcomes
