"""The fast paths of corpus reading give what the general ones give."""

from __future__ import annotations

import os
import tomllib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.corpus import DocIds, doc_id_for, simple_manifest

NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
LINES = st.one_of(
    NAMES.map(lambda n: f'[files."{n}"]'),
    st.dates().map(lambda d: f"published = {d.isoformat()}"),
    st.sampled_from(["", "# a comment", "# odd \x01 comment", "# tab\tcomment", "# cr\r", "published = 2024-02-30", "published=2024-01-01", "  published = 2024-01-01  ",
                     "[files.'x']", "[other]", 'title = "x"', "published = 2024-01-01 # late", "[files.\"a\\\"b\"]"]),
)


@given(st.lists(LINES, max_size=12), st.sampled_from(["\n", "\r\n"]))
def test_simple_manifest_agrees_with_tomllib(lines, newline):
    raw = newline.join(lines)
    simple = simple_manifest(raw)
    if simple is None:
        return
    assert simple == tomllib.loads(raw)


def test_simple_manifest_reads_the_generated_form():
    raw = '# made by a tool\n\n[files."a/b.txt"]\npublished = 2024-09-25\n\n[files."c.txt"]\npublished = 2023-01-02\n'
    assert simple_manifest(raw) == tomllib.loads(raw)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_doc_ids_agree_with_doc_id_for(tmp_path):
    root = tmp_path / "corpus"
    (root / "a" / "b").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "a" / "b" / "x.txt").write_text("x")
    (outside / "y.txt").write_text("y")
    os.symlink(outside / "y.txt", root / "a" / "link.txt")
    os.symlink(root / "a" / "b", root / "alias")
    os.symlink(outside, root / "out")
    paths = [root / "a" / "b" / "x.txt", root / "a" / "link.txt", root / "alias" / "x.txt", root / "out" / "y.txt",
             root / "a" / ".." / "a" / "b" / "x.txt"]
    ids = DocIds(root)
    assert [ids(p) for p in paths] == [doc_id_for(p, root) for p in paths]


@pytest.mark.parametrize("name", ["\x7f", "a\tb", "\x00", "é ü", "a/b c.txt"])
def test_simple_manifest_refuses_what_toml_refuses(name):
    raw = f'[files."{name}"]\npublished = 2024-01-01\n'
    try:
        expected = tomllib.loads(raw)
    except tomllib.TOMLDecodeError:
        expected = None
    assert simple_manifest(raw) in (expected, None)
    if expected is None:
        assert simple_manifest(raw) is None
