"""The end of a span as (line, column): what SARIF regions and GitHub annotations end on."""

from checker.corpus import span_end
from checker.models import Span


def span(text: str, line: int = 3, column: int = 7) -> Span:
    return Span(start=0, end=len(text), line=line, column=column, text=text)


def test_one_line_ends_after_its_last_character():
    assert span_end(span("70th anniversary")) == (3, 23)


def test_line_breaks_of_every_kind_move_to_the_next_line():
    assert span_end(span("70th\nanniversary")) == (4, 12)
    assert span_end(span("70th\r\nanniversary")) == (4, 12)
    assert span_end(span("seven\rdecades\n ago")) == (5, 5)
