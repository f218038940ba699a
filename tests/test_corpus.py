"""Reading a corpus: document ids, dates and where they came from, line/column."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.corpus import Documents, LineIndex, dateline_date, front_matter_date, load_corpus
from checker.errors import CheckerError
from checker.models import Document


@pytest.mark.parametrize(
    "text,expected",
    [
        ("31.2 C\nNew York\nWednesday, July 17, 2024\n\nHeadline", dt.date(2024, 7, 17)),
        ("Headline\nPublished: 31 Jul. 2025\nBody", dt.date(2025, 7, 31)),
        ("Headline\nSept. 1, 2021 — Canberra\nBody", dt.date(2021, 9, 1)),
        ("Headline\n2024-09-25\nBody", dt.date(2024, 9, 25)),
        ("Headline without any date\nBody about 1953.", None),
    ],
)
def test_dateline(text, expected):
    assert dateline_date(text) == expected


def test_front_matter_date():
    assert front_matter_date("---\ntitle: x\npublished: 2024-09-25\n---\nBody") == dt.date(2024, 9, 25)
    assert front_matter_date("---\npublished: not a date\n---\nBody") is None
    assert front_matter_date("No front matter") is None


def test_date_sources_in_order(tmp_path):
    (tmp_path / "a.txt").write_text("Wednesday, July 17, 2024\nBody")
    (tmp_path / "b.md").write_text("---\npublished: 2024-09-25\n---\nWednesday, July 17, 2024")
    (tmp_path / "c.txt").write_text("Wednesday, July 17, 2024\nBody")
    (tmp_path / "d.txt").write_text("No date here")
    (tmp_path / "corpus.toml").write_text('[files."c.txt"]\npublished = 2022-11-04\n')
    corpus = load_corpus([tmp_path])
    assert [(d.id, str(d.published), d.date_source) for d in corpus.documents] == [
        ("a.txt", "2024-07-17", "dateline"),
        ("b.md", "2024-09-25", "front_matter"),
        ("c.txt", "2022-11-04", "manifest"),
        ("d.txt", "None", "none"),
    ]


def test_document_ids_are_relative_posix_paths(tmp_path):
    (tmp_path / "x" / "y").mkdir(parents=True)
    (tmp_path / "x" / "y" / "a.txt").write_text("one")
    (tmp_path / "a.txt").write_text("two")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["a.txt", "x/y/a.txt"]


def test_manifest_date_that_is_not_a_date(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "corpus.toml").write_text('[files."a.txt"]\npublished = "yesterday"\n')
    with pytest.raises(CheckerError, match=r"files\.'a\.txt': published = 'yesterday' is not a date"):
        load_corpus([tmp_path])


def test_manifest_listing_an_unknown_file_warns(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "corpus.toml").write_text('[files."gone.txt"]\npublished = 2024-01-01\n')
    # Warnings go into reports, so they name the manifest relative to the corpus root, with the entry's line.
    assert load_corpus([tmp_path]).warnings == ["corpus.toml:1: lists 'gone.txt', which is not in the corpus"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_index_handles_every_line_ending(newline):
    text = f"first{newline}second line{newline}third"
    index = LineIndex(text)
    offset = text.index("line")
    assert index.position(offset) == (2, 8)
    assert index.position(text.index("third")) == (3, 1)
    assert index.position(0) == (1, 1)


def test_documents_kept_as_fields_are_made_into_documents_when_asked_for():
    read = Document(id="b.txt", published=dt.date(2023, 4, 26), date_source="dateline", text="Body.")
    documents = Documents([("a.txt", None, "none"), read, ("c.txt", dt.date(2024, 1, 2), "manifest")])
    assert len(documents) == 3 and documents.ids() == ["a.txt", "b.txt", "c.txt"]
    assert list(documents.fields()) == [("a.txt", None, "none"), ("b.txt", dt.date(2023, 4, 26), "dateline"),
                                        ("c.txt", dt.date(2024, 1, 2), "manifest")]
    assert documents[0] == Document(id="a.txt", published=None, date_source="none", text="")
    assert documents[1] is read and documents[-1].published == dt.date(2024, 1, 2)
    assert documents[0] is documents[0]  # made once
    assert [d.id for d in documents[1:]] == ["b.txt", "c.txt"]
    assert [d.id for d in documents] == ["a.txt", "b.txt", "c.txt"]
