"""Corpus inputs that must not stop a run: empty, binary, badly encoded, oddly ended, huge, nested, looped, unreadable."""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from checker.corpus import LineIndex, load_corpus
from checker.decoding import decode_article
from checker.extract import extract_document
from checker.models import Document
from checker.rules import load_rules
from robust_helpers import (
    CLAIM_KINDS, CLAIMS_ASCII, CLAIMS_CP1252, CLAIMS_LATIN1, CLAIMS_UNICODE, assert_one_line_error, invoke, run_cli,
    write_bytes,
)

VOCABULARY = load_rules().vocabulary
PUBLISHED = dt.date(2024, 9, 25)


def claims_of(text: str, doc_id: str = "a.txt"):
    return extract_document(Document(id=doc_id, published=PUBLISHED, text=text), VOCABULARY)


def only_document(corpus):
    assert len(corpus.documents) == 1, corpus
    return corpus.documents[0]


# --- empty and binary files -------------------------------------------------------------------

def test_an_empty_file_is_a_document_without_claims(tmp_path):
    write_bytes(tmp_path / "empty.txt", b"")
    corpus = load_corpus([tmp_path])
    assert [(d.id, d.text) for d in corpus.documents] == [("empty.txt", "")]
    assert corpus.skipped == [] and corpus.warnings == []
    assert claims_of("") == []


BINARY_FILES = {
    "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01", "binary file (PNG image)"),
    "report.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "binary file (PDF document)"),
    "nul.txt": (b"The 56th SCM\x00\x00\x01 was held.", "binary file (contains NUL bytes)"),
    "photo.md": (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image)"),
    "noise.txt": (bytes(range(1, 9)) * 64, "binary file (mostly control characters)"),
}


@pytest.mark.parametrize("name", sorted(BINARY_FILES))
def test_a_binary_file_is_skipped_with_its_reason_and_the_run_goes_on(tmp_path, name):
    data, reason = BINARY_FILES[name]
    write_bytes(tmp_path / name, data)
    (tmp_path / "good.txt").write_text(CLAIMS_ASCII, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["good.txt"]
    assert [(s.path, s.reason) for s in corpus.skipped] == [(name, reason)]


def test_the_cli_warns_about_a_skipped_file_by_name_and_still_reports(tmp_path):
    write_bytes(tmp_path / "image.txt", BINARY_FILES["image.txt"][0])
    (tmp_path / "good.txt").write_text(CLAIMS_ASCII, encoding="utf-8")
    run = invoke("check", str(tmp_path))
    assert run.code == 0
    assert run.stderr == "factcheck: warning: skipped image.txt: binary file (PNG image)\n"
    assert run.stdout.splitlines()[-1].startswith("1 documents, 5 claims")


# --- encodings ---------------------------------------------------------------------------------

ENCODED = {
    "utf-8": (CLAIMS_UNICODE, lambda t: t.encode("utf-8")),
    "latin-1": (CLAIMS_LATIN1, lambda t: t.encode("latin-1")),
    "windows-1252": (CLAIMS_CP1252, lambda t: t.encode("cp1252")),
    "utf-8 with BOM": (CLAIMS_UNICODE, lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
    "utf-16 le with BOM": (CLAIMS_UNICODE, lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    "utf-16 be with BOM": (CLAIMS_UNICODE, lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
    "utf-32 le with BOM": (CLAIMS_UNICODE, lambda t: codecs.BOM_UTF32_LE + t.encode("utf-32-le")),
}


@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_every_supported_encoding_decodes_to_the_same_text_and_the_same_spans(tmp_path, encoding):
    text, encode = ENCODED[encoding]
    write_bytes(tmp_path / "a.txt", encode(text))
    document = only_document(load_corpus([tmp_path]))
    # The byte-order mark is dropped: offsets count characters of the text, not bytes of the file.
    assert document.text == text
    claims = claims_of(document.text)
    assert sorted(c.kind for c in claims) == sorted(CLAIM_KINDS)
    for claim in claims:
        assert document.text[claim.span.start:claim.span.end] == claim.span.text
    assert [c.span for c in claims] == [c.span for c in claims_of(text)]


def test_mostly_utf8_with_a_broken_byte_stays_utf8_and_says_so(tmp_path):
    data = CLAIMS_CP1252.encode("utf-8")
    broken = data.replace(b"Seoul", b"Se\xffoul", 1)
    write_bytes(tmp_path / "a.txt", broken)
    corpus = load_corpus([tmp_path])
    document = only_document(corpus)
    # One byte, one replacement character: the curly quotes around it are still curly quotes.
    assert document.text == CLAIMS_CP1252.replace("Seoul", "Se\ufffdoul", 1)
    assert corpus.warnings == ["a.txt: decoded as UTF-8; 1 undecodable byte replaced by U+FFFD"]
    for claim in claims_of(document.text):
        assert document.text[claim.span.start:claim.span.end] == claim.span.text


def test_invalid_utf8_without_utf8_sequences_is_windows_1252_without_a_warning(tmp_path):
    write_bytes(tmp_path / "a.txt", "Caf\u00e9 \u201cSeoul\u201d".encode("cp1252"))
    corpus = load_corpus([tmp_path])
    assert only_document(corpus).text == "Caf\u00e9 \u201cSeoul\u201d"
    assert corpus.warnings == []


def test_bytes_windows_1252_leaves_undefined_are_replaced_and_counted():
    decoded = decode_article(b"a\x81b\x8dc")
    assert (decoded.text, decoded.encoding, decoded.replaced) == ("a\ufffdb\ufffdc", "cp1252", 2)
    assert decoded.note == "decoded as Windows-1252; 2 undecodable bytes replaced by U+FFFD"


def test_a_truncated_utf16_file_keeps_a_character_per_broken_byte():
    decoded = decode_article(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le") + b"x")
    assert (decoded.text, decoded.replaced) == ("hi\ufffd", 1)


def test_utf16_without_a_byte_order_mark_is_refused_as_binary(tmp_path):
    write_bytes(tmp_path / "a.txt", CLAIMS_ASCII.encode("utf-16-le"))
    corpus = load_corpus([tmp_path])
    assert [(s.path, s.reason) for s in corpus.skipped] == [("a.txt", "binary file (contains NUL bytes)")]


# --- line endings ------------------------------------------------------------------------------

def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """Counted afresh: split at CRLF, CR or LF (CRLF first) and walk the lines."""
    pieces = re.split(r"(\r\n|\r|\n)", text)
    line_start, line = 0, 1
    for index in range(0, len(pieces) - 1, 2):
        next_start = line_start + len(pieces[index]) + len(pieces[index + 1])
        if next_start > offset:
            break
        line_start, line = next_start, line + 1
    return line, offset - line_start + 1


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_line_and_column_are_right_for_every_line_ending(tmp_path, newline):
    text = CLAIMS_UNICODE.replace("\n", newline)
    write_bytes(tmp_path / "a.txt", text.encode("utf-8"))
    document = only_document(load_corpus([tmp_path]))
    assert document.text == text  # line endings are kept as they are
    claims = claims_of(document.text)
    assert len(claims) == len(CLAIM_KINDS)
    for claim in claims:
        assert (claim.span.line, claim.span.column) == line_and_column(text, claim.span.start)
    # The same claims, on the same lines and columns, whatever the line ending.
    expected = [(c.kind, c.value, c.span.text, c.span.line, c.span.column) for c in claims_of(CLAIMS_UNICODE)]
    assert [(c.kind, c.value, c.span.text, c.span.line, c.span.column) for c in claims] == expected


def test_line_index_on_mixed_line_endings():
    text = "a\r\nbb\rccc\nd\n\r\re"
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        assert index.position(offset) == line_and_column(text, offset), offset


# --- big inputs (their timing is in benchmarks/robustness.py) -----------------------------------

def test_a_one_megabyte_single_line_keeps_columns_exact(tmp_path):
    filler = "word " * 200_000
    text = filler + CLAIMS_ASCII.replace("\n", " ")
    write_bytes(tmp_path / "line.txt", text.encode("utf-8"))
    document = only_document(load_corpus([tmp_path]))
    claims = claims_of(document.text)
    assert sorted(c.kind for c in claims) == sorted(CLAIM_KINDS)
    assert all(c.span.line == 1 and c.span.column == c.span.start + 1 > len(filler) for c in claims)


def test_a_fifty_megabyte_article_is_read_and_dated(tmp_path):
    block = (CLAIMS_ASCII + "\n") * 1000
    with open(tmp_path / "big.txt", "w", encoding="utf-8") as handle:
        for _ in range(50 * 1024 * 1024 // len(block) + 1):
            handle.write(block)
    document = only_document(load_corpus([tmp_path]))
    assert len(document.text) >= 50 * 1024 * 1024
    assert (document.published, document.date_source) == (PUBLISHED, "dateline")


# --- directories and links ---------------------------------------------------------------------

def make_chain(top: Path, depth: int) -> None:
    """top/d/d/.../d/deep.txt, made one level at a time (pathlib's mkdir(parents=True) recurses too)."""
    here = top
    for _ in range(depth):
        here = here / "d"
        here.mkdir()
    (here / "deep.txt").write_text(CLAIMS_ASCII, encoding="utf-8")


def remove_chain(top: Path, depth: int) -> None:
    """Bottom up, without recursion: shutil.rmtree (and pytest's clean-up of old temporary
    directories with it) overflows the recursion limit on a tree this deep."""
    (top / ("d/" * depth) / "deep.txt").unlink()
    for level in range(depth, 0, -1):
        (top / ("d/" * level)).rmdir()


def test_deeply_nested_directories_are_walked(tmp_path):
    # Deeper than Python's recursion limit: os.walk raised RecursionError here on Python 3.11.
    depth = 1200
    make_chain(tmp_path, depth)
    try:
        corpus = load_corpus([tmp_path])
    finally:
        remove_chain(tmp_path, depth)
    assert [d.id for d in corpus.documents] == ["d/" * depth + "deep.txt"]


def test_a_symlink_loop_ends_and_every_file_is_read_once(tmp_path):
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "x" / "up").symlink_to("..")  # x/up/x/up/... loops back to the root
    (tmp_path / "self.txt").symlink_to("self.txt")  # a link to itself
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["x/a.txt"]
    assert [(s.path, s.reason) for s in corpus.skipped] == [("self.txt", "symbolic link loop")]


def test_a_broken_symlink_is_skipped_under_its_own_name(tmp_path):
    (tmp_path / "gone.txt").symlink_to("nowhere/at/all.txt")
    corpus = load_corpus([tmp_path])
    assert [(s.path, s.reason) for s in corpus.skipped] == [("gone.txt", "broken symbolic link")]


def test_a_named_pipe_is_skipped_not_read(tmp_path):
    # Reading a FIFO blocks until a writer comes: run the CLI in a subprocess, where a hang fails on the timeout.
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "good.txt").write_text(CLAIMS_ASCII, encoding="utf-8")
    run = run_cli("check", str(tmp_path), timeout=60)
    assert run.code == 0
    assert run.stderr == "factcheck: warning: skipped pipe.txt: not a regular file (a named pipe)\n"


def test_a_directory_named_like_an_article_is_walked_not_read(tmp_path):
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text("one", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["folder.txt/inner.txt"]
    assert corpus.skipped == []


@pytest.mark.skipif(os.geteuid() == 0, reason="running as root: chmod 000 does not stop root from reading; "
                                               "test_a_permission_error_is_skipped_with_its_reason covers the path")
def test_a_file_without_read_permission_is_skipped(tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    try:
        corpus = load_corpus([tmp_path])
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert [(s.path, s.reason) for s in corpus.skipped] == [("locked.txt", "cannot read: Permission denied")]


def test_a_permission_error_is_skipped_with_its_reason(tmp_path, monkeypatch):
    # Works as root too: the open itself is made to fail the way a chmod 000 file fails for a user.
    (tmp_path / "locked.txt").write_text("secret", encoding="utf-8")
    (tmp_path / "open.txt").write_text("public", encoding="utf-8")
    real_open = os.open

    def refuse_locked(path, flags, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_locked)
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["open.txt"]
    assert [(s.path, s.reason) for s in corpus.skipped] == [("locked.txt", "cannot read: Permission denied")]


def test_an_unlistable_directory_is_skipped_with_its_reason(tmp_path, monkeypatch):
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "b.txt").write_text("two", encoding="utf-8")
    real_scandir = os.scandir

    def refuse_closed(path="."):
        if str(path).endswith("closed"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_closed)
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["b.txt"]
    assert [(s.path, s.reason) for s in corpus.skipped] == [("closed", "cannot list directory: Permission denied")]


def test_a_path_that_does_not_exist_exits_2(tmp_path):
    assert_one_line_error(invoke("check", str(tmp_path / "missing")), re.escape(f"{tmp_path / 'missing'}: no such file or directory"))


def test_files_with_one_name_in_two_directories_are_two_documents(tmp_path):
    for folder, text in (("x", "one"), ("z", "two")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(text, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [(d.id, d.text) for d in corpus.documents] == [("x/same.txt", "one"), ("z/same.txt", "two")]


def test_the_same_file_given_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    corpus = load_corpus([tmp_path / "a.txt", tmp_path, tmp_path / "sub" / ".." / "a.txt"])
    assert [d.id for d in corpus.documents] == ["a.txt"]


def test_a_file_name_that_is_not_utf8_is_named_with_escapes(tmp_path):
    text = "The 70th anniversary of the South Korea-U.S. alliance was marked in Seoul on Oct. 1, 2023.\n"
    raw_dir = os.fsencode(tmp_path) + b"/news\xfe"
    try:
        os.mkdir(raw_dir)
        with open(raw_dir + b"/x\xff.txt", "w", encoding="utf-8") as article:
            article.write(text)
    except (OSError, UnicodeError):
        pytest.skip("this file system takes only UTF-8 names")
    corpus = Path(os.fsdecode(raw_dir))
    for options in (["--no-cache"], ["--cache-dir", str(tmp_path / "cache")], ["--cache-dir", str(tmp_path / "cache")]):
        done = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(tmp_path), "-f", "json", *options],
                              capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        report = json.loads(done.stdout)
        assert [doc["id"] for doc in report["documents"]] == ["news\\xfe/x\\xff.txt"]
        claims = [(claim["doc"], claim["span"]["start"], claim["span"]["end"], claim["span"]["text"]) for claim in report["claims"]]
        assert claims == [("news\\xfe/x\\xff.txt", 4, 20, "70th anniversary")]
