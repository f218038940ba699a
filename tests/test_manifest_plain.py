"""The plain-manifest reader gives exactly what tomllib gives, and hands every other manifest to tomllib."""

from __future__ import annotations

import datetime as dt
import tomllib

from hypothesis import given
from hypothesis import strategies as st

from checker.manifest import parse_plain_manifest

PLAIN = '# Generated: 2 articles.\n\n[files."a/b.txt"]\npublished = 2023-09-25\n\n  # note\n[files."é x.md"]\npublished = 2024-02-29\n'


def test_a_plain_manifest_reads_as_tomllib_reads_it():
    assert parse_plain_manifest(PLAIN) == tomllib.loads(PLAIN)
    assert parse_plain_manifest(PLAIN) == {"files": {"a/b.txt": {"published": dt.date(2023, 9, 25)},
                                                     "é x.md": {"published": dt.date(2024, 2, 29)}}}
    assert parse_plain_manifest("") == {} == tomllib.loads("")
    assert parse_plain_manifest("# nothing listed\n\n") == {}


def test_anything_else_goes_to_tomllib():
    others = [
        '[files."a.txt"]\npublished = 2023-09-25',  # no final line break
        '[files."a.txt"]\r\npublished = 2023-09-25\r\n',  # CRLF
        '[files."a.txt"]\npublished = "2023-09-25"\n',  # a string
        '[files."a.txt"]\npublished = 2023-09-25 # when\n',  # a trailing comment
        '[files."a.txt"]\npublished = 2023-09-25\nsource = "x"\n',  # another key
        '[files."a\\"b.txt"]\npublished = 2023-09-25\n',  # an escape
        "[files.'a.txt']\npublished = 2023-09-25\n",  # a literal string
        '[files."a.txt"]\npublished = 2023-02-30\n',  # no such day: tomllib's error
        '[files."a.txt"]\npublished = 2023-09-25\n[files."a.txt"]\npublished = 2023-09-26\n',  # twice: tomllib's error
        '[files."a.txt"]\npublished = 2023-09-25T10:00:00\n',
        '[other]\nx = 1\n',
        '# a comment with a \x01 control character\n',
    ]
    for raw in others:
        assert parse_plain_manifest(raw) is None, raw


NAMES = st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)
LINES = st.lists(
    st.one_of(
        st.builds(lambda n, d: f'[files."{n}"]\npublished = {d}', NAMES, st.dates().map(dt.date.isoformat)),
        st.sampled_from(["", "# c", "  # c ¶", "\t", "published = 2024-01-01", '[files."x"]']),
        st.text(max_size=12),
    ),
    max_size=6,
)


@given(LINES)
def test_equals_tomllib_whenever_it_reads_a_manifest(lines):
    raw = "\n".join(lines) + "\n"
    found = parse_plain_manifest(raw)
    if found is not None:
        assert found == tomllib.loads(raw)
