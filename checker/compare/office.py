"""One holder per office at a time.

Claims of one office are grouped by person (spelling variants and surnames
join the full name). Two people named for the office within `window_days` of
each other is a contradiction, which lists only the claims that clash; the
other claims of the office form a succession when they name different people
(reported as information) and an agreement when several documents name one.
"""

from __future__ import annotations

from ..extract.names import same_person
from ..models import Claim, Verdict
from ..timeparse import days_apart
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


def _clashing_claims(group: list[Claim], others: list[list[Claim]], window_days: int) -> list[Claim]:
    """The claims of one person that another person's claims for the office come within the window of."""
    return [
        c for c in group
        if c.time and any(o.time and days_apart(c.time, o.time) <= window_days for other in others for o in other)
    ]


def compare(rule, claims: list[Claim], vocabulary=None) -> list[Outcome]:
    """A contradiction lists only the claims that clash in time: a person named again long after a
    clash (the successor in later articles) is a succession, not part of the contradiction."""
    subject = claims[0].subject if claims else ""
    office = subject.split(":", 1)[-1]
    groups = people(claims)
    clashes = [
        (g, _clashing_claims(g, [h for h in groups if h is not g], rule.window_days)) for g in groups
    ]
    clashing = [(g, members) for g, members in clashes if members]
    outcomes = []
    if clashing:
        names = " and ".join(_name(g) for g, _ in clashing)
        outcomes.append(Outcome(Verdict.contradiction, subject,
                                f"{office}: {names} named as holder within {rule.window_days} days of each other",
                                [(_name(g), members) for g, members in clashing]))
    in_conflict = {c.id for _, members in clashing for c in members}
    calm = [[c for c in g if c.id not in in_conflict] for g in groups]
    dated = [(g, rest) for g, rest in zip(groups, calm) if any(c.time for c in rest)]
    if len(dated) >= 2:
        chain = " → ".join(f"{_name(g)} ({_period(rest)})" for g, rest in dated)
        outcomes.append(Outcome(Verdict.succession, subject, f"{office}: succession {chain}",
                                [(_name(g), rest) for g, rest in dated]))
    for g, rest in zip(groups, calm):
        if len({c.doc for c in rest}) >= 2:
            outcomes.append(Outcome(Verdict.agreement, subject,
                                    f"{office}: {_name(g)}, agreed by {len({c.doc for c in rest})} documents",
                                    [(_name(g), rest)]))
    return outcomes


def holder_name(group: list[Claim]) -> str:
    """The fullest name a group of one person's claims uses; what reports label the person with."""
    return _name(group)
