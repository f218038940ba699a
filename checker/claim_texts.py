"""The claim texts cache: each document's claims as the JSON report wrote them last time, so that a
re-run renders only the documents whose claims changed.

An entry is the document's claims in their report form, already joined, and
is used only for the same digest of the document's rows (Claims.digests):
the rows are all the text is made of, besides the document's id. The file
sits beside the claim pack and holds a fingerprint of the code that renders
the text; other code's texts are never used.

Layout, read without decoding anything but a small index:

    factcheck claim texts <FORMAT> <fingerprint> <sha256 of all that follows this line> <index length>
    <the index, in marshal: [[doc id, rows digest, length in bytes], ...]>
    <the texts, UTF-8, back to back, in the index's order>

The texts stay bytes: each document's is a slice of them, and the JSON report
writes it as it is (the report is UTF-8). Decoding them, to have the report
encode them again, was a third of the time a re-run took to write its report.
The fingerprint names the Python version, whose marshal wrote the index.

A file whose checksum or layout does not check out is ignored whole, and
replaced after the run. A file that is only a little out of date is left as
it is (see REWRITE_SHARE): its outdated entries are simply not used.
"""

from __future__ import annotations

import hashlib
import marshal
import platform
import re
from pathlib import Path

from .cache import ClaimCache, sources_digest, write_whole

# Bump when the layout of the file changes.
FORMAT = 3
# Source files whose code decides a claim's text in the JSON report.
RENDER_SOURCES = ("report/json_report.py", "report/records.py", "models.py", "rows.py")
# The file is rewritten only once this share of its documents is out of date (rendered afresh, or
# gone): at 10,000 articles a rewrite costs 0.06 s, and rendering a document afresh 15 µs, so a
# re-run after a small edit renders its few documents again rather than write ten megabytes.
REWRITE_SHARE = 0.01
_HEADER = re.compile(rb"factcheck claim texts (\d+) (\S+) ([0-9a-f]{64}) (\d+)\n")


def texts_fingerprint() -> str:
    """A hash of the source files that decide how a claim is written in the JSON report, and of the
    Python version, whose json module escapes its strings."""
    return sources_digest(RENDER_SOURCES, f"{FORMAT}\0{platform.python_version()}")


class ClaimTexts:
    """Document id -> its claims' report text (UTF-8), valid for one digest of its rows."""

    label = "claim texts cache"

    def __init__(self, path: Path, fingerprint: str):
        self.path = path
        self.fingerprint = fingerprint
        self.texts = b""
        self.entries: dict[str, tuple[str, int, int]] = {}  # doc id -> (digest, start, end) in self.texts
        self.kept: dict[str, tuple[str, bytes]] = {}  # what this run wrote: doc id -> (digest, text)
        self.unusable = False  # a file that did not check out: replaced at save
        self.reused = self.rendered = 0

    @classmethod
    def beside(cls, cache: ClaimCache) -> ClaimTexts:
        return cls(cache.path.with_suffix(".texts"), texts_fingerprint())

    def load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except OSError:
            return
        entries, texts = _opened(raw, self.fingerprint)
        if entries is None:
            self.unusable = True
            return
        self.entries, self.texts = entries, texts

    def get(self, doc_id: str, digest: str | None) -> bytes | None:
        """The text kept for a document whose rows have this digest, or None."""
        entry = self.entries.get(doc_id)
        if entry is None or digest is None or entry[0] != digest:
            return None
        text = self.texts[entry[1]:entry[2]]
        self.kept[doc_id] = (digest, text)
        self.reused += 1
        return text

    def put(self, doc_id: str, digest: str | None, text: bytes) -> None:
        """Keep a document's freshly rendered text; not one whose rows have no digest to check it by."""
        if digest is not None:
            self.kept[doc_id] = (digest, text)
            self.rendered += 1

    def save(self) -> None:
        """Replace the file with the documents of this run when it did not check out, or when more than
        REWRITE_SHARE of its documents are out of date. Never half-written."""
        outdated = self.rendered + len(self.entries) - self.reused
        if not self.unusable and outdated <= REWRITE_SHARE * len(self.entries):
            return
        index = marshal.dumps([[doc_id, digest, len(text)] for doc_id, (digest, text) in self.kept.items()])
        texts = b"".join(text for _, text in self.kept.values())
        checksum = hashlib.sha256(index)
        checksum.update(texts)
        header = b"factcheck claim texts %d %s %s %d\n" % (FORMAT, self.fingerprint.encode(), checksum.hexdigest().encode(), len(index))
        write_whole(self.path, header, index, texts)


def _opened(raw: bytes, fingerprint: str) -> tuple[dict | None, bytes]:
    """The index (doc id -> (digest, start, end)) and the texts of a file written by save(), for this
    fingerprint; (None, b"") for any other file."""
    nothing = None, b""
    header = _HEADER.match(raw)
    if not header or int(header.group(1)) != FORMAT or header.group(2).decode() != fingerprint:
        return nothing
    body = memoryview(raw)[header.end():]
    if hashlib.sha256(body).hexdigest() != header.group(3).decode():
        return nothing
    index_end = header.end() + int(header.group(4))
    try:
        index = marshal.loads(raw[header.end():index_end])
        entries, start = {}, 0
        for doc_id, digest, length in index:
            entries[doc_id] = (digest, start, start + length)
            start += length
    except (EOFError, TypeError, ValueError):
        return nothing
    texts = raw[index_end:]
    return (entries, texts) if start == len(texts) else nothing
