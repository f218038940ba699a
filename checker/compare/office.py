"""One holder per office at a time.

Claims of one office are grouped by person (spelling variants and surnames
join the full name). Two people named for the office within `window_days` of
each other is a contradiction, which lists only the claims that clash; the
other claims of the office form a succession when they name different people
(reported as information) and an agreement when several documents name one.
"""

from __future__ import annotations

from bisect import bisect_right

from ..extract.names import same_person
from ..models import Claim, Verdict
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


def _clashing_claims(groups: list[list[Claim]], window_days: int) -> list[list[Claim]]:
    """For each person, the claims that another person's claim for the office comes within the window of.

    Two time values are within the window when each starts no later than `window_days` after the
    other ends. Rather than compare every claim with every other person's claims (millions of
    pairs in an archive), the dated claims are sorted by first day; for each prefix of that order
    we keep the latest last day and the latest last day of a different person. A claim then
    clashes when, among the claims starting early enough, another person's ends late enough.
    """
    days = [[_days(c.time) if c.time else None for c in group] for group in groups]
    spans = sorted((first, last, person) for person, group_days in enumerate(days) for first, last in filter(None, group_days))
    starts = [first for first, _, _ in spans]
    latest = []  # per prefix of `spans`: the latest last day, whose it is, the latest of anyone else
    top = top_person = other = None
    for _, last, person in spans:
        if person == top_person:
            top = max(top, last)
        elif top is None or last > top:
            top, top_person, other = last, person, top  # the previous latest was someone else's
        else:
            other = last if other is None else max(other, last)
        latest.append((top, top_person, other))
    clashing = []
    for person, (group, group_days) in enumerate(zip(groups, days)):
        members = []
        for claim, found in zip(group, group_days):
            if found is None:
                continue
            first, last = found
            reach = bisect_right(starts, last + window_days)
            if not reach:
                continue
            top, top_person, other = latest[reach - 1]
            others_latest = other if top_person == person else top
            if others_latest is not None and others_latest >= first - window_days:
                members.append(claim)
        clashing.append(members)
    return clashing


def _days(time: str) -> tuple[int, int]:
    """The first and last day a time value covers, as day numbers."""
    from ..timeparse import date_range  # here: a re-run that reuses every finding needs no date parsing

    first, last = date_range(time)
    return first.toordinal(), last.toordinal()


def compare(rule, claims: list[Claim], vocabulary=None) -> list[Outcome]:
    """A contradiction lists only the claims that clash in time: a person named again long after a
    clash (the successor in later articles) is a succession, not part of the contradiction."""
    subject = claims[0].subject if claims else ""
    office = subject.split(":", 1)[-1]
    groups = people(claims)
    names = [_name(g) for g in groups]  # each person's name, worked out once: outcomes name them often
    clashing = [(name, members) for name, members in zip(names, _clashing_claims(groups, rule.window_days)) if members]
    outcomes = []
    if clashing:
        named = " and ".join(name for name, _ in clashing)
        outcomes.append(Outcome(Verdict.contradiction, subject,
                                f"{office}: {named} named as holder within {rule.window_days} days of each other",
                                [(name, members) for name, members in clashing]))
    in_conflict = {c.id for _, members in clashing for c in members}
    calm = [[c for c in g if c.id not in in_conflict] for g in groups]
    dated = [(name, rest) for name, rest in zip(names, calm) if any(c.time for c in rest)]
    if len(dated) >= 2:
        chain = " → ".join(f"{name} ({_period(rest)})" for name, rest in dated)
        outcomes.append(Outcome(Verdict.succession, subject, f"{office}: succession {chain}",
                                [(name, rest) for name, rest in dated]))
    for name, rest in zip(names, calm):
        documents = len({c.doc for c in rest})
        if documents >= 2:
            outcomes.append(Outcome(Verdict.agreement, subject, f"{office}: {name}, agreed by {documents} documents",
                                    [(name, rest)]))
    return outcomes


def holder_name(group: list[Claim]) -> str:
    """The fullest name a group of one person's claims uses; what reports label the person with."""
    return _name(group)
