"""The office comparison's sweep agrees with comparing every pair of claims."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.compare.office import Timeline
from checker.models import Claim, Span
from checker.timeparse import days_apart

TIMES = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.tuples(st.integers(1990, 2030), st.integers(1, 12)).map(lambda ym: f"{ym[0]:04d}-{ym[1]:02d}"),
    st.integers(1990, 2030).map(str),
    st.none(),
)


def claims(times):
    span = Span(start=0, end=1, line=1, column=1, text="x")
    return [Claim(id=f"c{i}", doc="d", kind="office_holder", subject="office:x", value="A", time=t, span=span)
            for i, t in enumerate(times)]


@given(st.lists(TIMES, max_size=8), st.lists(TIMES, max_size=8), st.integers(0, 400))
def test_timeline_agrees_with_every_pair(a, b, window):
    pairwise = any(x and y and days_apart(x, y) <= window for x in a for y in b)
    assert Timeline(claims(a)).near(Timeline(claims(b)), window) == pairwise
    assert Timeline(claims(b)).near(Timeline(claims(a)), window) == pairwise
