"""The office-holder clash search against its definition: any two claims of different people within the window."""

from __future__ import annotations

import random
from types import SimpleNamespace

from checker.compare.office import _clashing_claims
from checker.timeparse import days_apart


def claim(time):
    return SimpleNamespace(time=time)


def pairwise(groups, window_days):
    """The definition, one pair of claims at a time."""
    return [
        [c for c in group if c.time and any(o.time and days_apart(c.time, o.time) <= window_days
                                            for other in groups if other is not group for o in other)]
        for group in groups
    ]


def test_clashes_are_the_claims_within_the_window_of_another_person():
    kim = [claim("2024-03-01"), claim("2023"), claim(None)]
    lee = [claim("2024-03-20"), claim("2025-06")]
    park = [claim("2025-07-15")]
    clashing = _clashing_claims([kim, lee, park], 30)
    assert clashing == [[kim[0]], [lee[0], lee[1]], [park[0]]]
    assert _clashing_claims([kim, lee, park], 15) == [[], [lee[1]], [park[0]]]  # 2025-06-30 to 2025-07-15
    assert _clashing_claims([kim, lee, park], 14) == [[], [], []]
    assert _clashing_claims([kim], 1000) == [[]]  # one person never clashes with themself


def test_clashes_match_the_pairwise_definition():
    rnd = random.Random(5)

    def time():
        year, kind = rnd.randint(2019, 2024), rnd.random()
        if kind < 0.1:
            return None
        if kind < 0.2:
            return str(year)
        if kind < 0.4:
            return f"{year}-{rnd.randint(1, 12):02d}"
        return f"{year}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"

    for _ in range(2000):
        groups = [[claim(time()) for _ in range(rnd.randint(1, 6))] for _ in range(rnd.randint(1, 5))]
        window = rnd.choice([0, 1, 30, 90, 400])
        found = _clashing_claims(groups, window)
        assert [[id(c) for c in members] for members in found] == [[id(c) for c in members] for members in pairwise(groups, window)]
