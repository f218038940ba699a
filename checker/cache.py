"""The claim cache: what each article yielded last time, so a re-run extracts only what changed.

An entry is keyed by the article's content hash and its publication date (the
date a manifest gives changes the claims without changing the text). Entries
live in a directory named after the extractor's *fingerprint*: the package
version, the rules' fingerprint and a hash of the source files that decide
what a claim is. A new version or an edited rule thus starts a new directory;
nothing is ever looked up across versions.

All entries of one corpus are kept in one pack file, read in one go. A pack
holds its body in Python's marshal format, which this interpreter reads and
writes faster than JSON (a pack of 10,000 articles: 25 ms to read and 10 to
write, against 45 and 80); a pack written by another interpreter is not read.
A run that changed a little appends its changes to the pack's journal, a line
of JSON each; one that changed much, or a journal grown long, replaces the pack
whole (temporary file, then rename) and drops the journal. Two runs sharing the
cache each leave a complete pack, and deleting the directory only costs a cold
run. A pack and each journal line carry the checksum of what they hold; one
that does not match is dropped and its entries recomputed, never trusted: a
damaged claim row can look perfectly well-formed.

Beside the pack, FindingMemo keeps the findings of each (rule, subject), so
that a re-run compares only the subjects whose claims changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import marshal
import os
import re
import sys
from pathlib import Path

from . import __version__, programs
from .models import Finding

CACHE_DIR_NAME = ".factcheck-cache"
# Bump when the layout of a pack or of a row changes.
FORMAT = 6
# A file's recorded state is trusted only if the file had not changed for this long when it was
# recorded: a write in the same clock tick as the read before it leaves mtime and size alike.
SETTLED_NS = 1_000_000_000
# Source files whose code decides which claims an article yields.
EXTRACTOR_SOURCES = ("corpus.py", "decoding.py", "files.py", "manifest.py", "models.py", "numbers.py", "programs.py", "rows.py", "scan", "timeparse.py", "vocabulary.py", "extract")
# Source files whose code decides the findings of a subject's claims (rules and vocabulary are in
# the directory's fingerprint already).
COMPARE_SOURCES = ("engine.py", "models.py", "rows.py", "compare", "extract/names.py")
# A run's changes are appended to the pack's journal until the journal reaches this share of
# the pack's size (or that share of the pack's entries went unused): then the pack is rewritten.
JOURNAL_SHARE = 0.25
# How a journal line starts: the checksum of the pack it extends, then its own.
_JOURNAL_HEADER = re.compile(rb'\{"pack":"([0-9a-f]{64})","sha256":"([0-9a-f]{64})","change":')
# How a pack starts: its format, the interpreter whose marshal wrote it, and the checksum of the body after the line.
_PACK_HEADER = re.compile(rb"factcheck pack (\d+) (\S+) ([0-9a-f]{64})\n")
_INTERPRETER = f"{sys.implementation.cache_tag}-marshal{marshal.version}".encode()


def extractor_fingerprint(rules_fingerprint: str) -> str:
    """Version, rules and extractor code in one short hash."""
    return sources_digest(EXTRACTOR_SOURCES, f"{FORMAT}\0{__version__}\0{rules_fingerprint}")


def sources_digest(names: tuple[str, ...], prefix: str = "") -> str:
    digest = hashlib.sha256(prefix.encode())
    package = Path(__file__).resolve().parent
    for name in names:
        path = package / name
        files = sorted(path.glob("*.py")) if path.is_dir() else [path]
        for source in files:
            digest.update(b"\0" + source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def compare_fingerprint() -> str:
    """A hash of the source files that decide which findings a subject's claims give."""
    return sources_digest(COMPARE_SOURCES)


def content_key(data: bytes, published: dt.date | None) -> str:
    """An article's cache key: its bytes and the date its claims are anchored to."""
    digest = hashlib.sha256(data)
    digest.update(b"\0" + (published.isoformat() if published else "-").encode())
    return digest.hexdigest()


def corpus_key(paths: list[Path]) -> str:
    """Which pack a run uses: one per set of corpus paths."""
    return hashlib.sha256("\0".join(sorted(str(p.resolve()) for p in paths)).encode()).hexdigest()[:16]


class ClaimCache:
    """The pack of one corpus under one fingerprint: content key -> [claim rows, their digest]."""

    label = "claim cache"

    def __init__(self, directory: Path, fingerprint: str, corpus: str):
        self.path = directory / fingerprint / f"{corpus}.pack"
        self.journal = self.path.with_name(f"{corpus}.journal")
        # The extractors' patterns as this interpreter compiles them (programs.py): one store for
        # every corpus, since the patterns depend on the rules and the code alone.
        self.patterns = self.path.with_name(f"patterns-{programs.VERSION}.pack")
        self.checksum: str | None = None  # of the pack as read: the journal's lines extend that pack alone
        self.journal_bytes = 0
        self.added: set[str] = set()
        self.entries: dict[str, list] = {}
        # document id -> [size, mtime_ns, ctime_ns, inode, recorded_ns, key, published, date_source]
        self.files: dict[str, list] = {}
        self.new_files: dict[str, list] = {}
        self.used: set[str] = set()
        self.changed = False
        self.hits = self.misses = self.dropped = self.unread = 0

    def load(self) -> None:
        """Read the pack, then the changes its journal adds; a damaged pack is dropped whole (see
        read_pack), a damaged line of the journal alone."""
        body, checksum = read_pack(self.path)
        if body is None:
            return
        if not isinstance(body.get("entries"), dict) or not isinstance(body.get("files"), dict):
            self.dropped = 1
            self.changed = True
            return
        self.entries, self.files, self.checksum = body["entries"], body["files"], checksum
        try:
            lines = self.journal.read_bytes()
        except OSError:
            return
        self.journal_bytes = len(lines)
        for line in lines.splitlines():
            change = _journal_line(line, checksum)
            if change is None:
                continue
            self.entries.update(change["entries"])
            for doc_id, state in change["files"].items():
                if state is None:
                    self.files.pop(doc_id, None)
                else:
                    self.files[doc_id] = state

    def unchanged_file(self, doc_id: str, stat: os.stat_result) -> list | None:
        """The recorded state of a file that has not changed since, without reading it:
        [size, mtime_ns, ctime_ns, inode, recorded_ns, key, published, date_source].

        Unchanged means the same size, modification and change times and inode,
        recorded once the file had been still for a second."""
        known = self.files.get(doc_id)
        if (not known or known[0] != stat.st_size or known[1] != stat.st_mtime_ns or known[2] != stat.st_ctime_ns
                or known[3] != stat.st_ino or known[4] - max(known[1], known[2]) < SETTLED_NS):
            return None
        return known

    def reuse(self, doc_id: str, state: list) -> list | None:
        """The entry [rows, digest] of an unchanged file (state as unchanged_file gave it), counted as a hit
        and kept with its state; None if the pack no longer holds it."""
        entry = self.entries.get(state[5])
        if entry is None:
            return None
        self.used.add(state[5])
        self.hits += 1
        self.unread += 1
        self.new_files[doc_id] = state
        return entry

    def record_file(self, doc_id: str, stat: os.stat_result, recorded_ns: int, key: str,
                    published: dt.date | None, source: str) -> None:
        """Remember a file's state before it was read, with what reading it gave."""
        self.new_files[doc_id] = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, recorded_ns, key,
                                  published.isoformat() if published else None, source]
        if self.files.get(doc_id) != self.new_files[doc_id]:
            self.changed = True

    def get(self, key: str) -> list | None:
        """The rows stored for `key`, or None."""
        entry = self.entries.get(key)
        if entry is None:
            self.misses += 1
            return None
        self.used.add(key)
        self.hits += 1
        return entry[0]

    def digest(self, key: str) -> str:
        """The digest of the rows stored for `key` (see rows_digest)."""
        return self.entries[key][1]

    def put(self, key: str, rows: list, digest: str) -> None:
        """Keep an article's rows with their digest (rows_digest). The rows are shared with the caller,
        not copied: a large corpus holds many."""
        self.entries[key] = [rows, digest]
        self.used.add(key)
        self.added.add(key)
        self.changed = True

    def save(self) -> None:
        """Record this run's changes: as a line appended to the journal when they are few (a re-run
        after an edit), else as a new pack of the entries this run used, which drops the journal
        and the entries no article needs any more. Never half-written."""
        unused = len(self.entries) - len(self.used)
        few_unused = unused <= JOURNAL_SHARE * len(self.entries)
        if self.checksum is not None and few_unused:
            change = {
                "entries": {key: self.entries[key] for key in sorted(self.added)},
                "files": {doc_id: self.new_files.get(doc_id) for doc_id in sorted(self.files.keys() | self.new_files.keys())
                          if self.files.get(doc_id) != self.new_files.get(doc_id)},
            }
            if not change["entries"] and not change["files"]:
                return
            line = _encode_journal_line(change, self.checksum)
            if self.journal_bytes + len(line) <= JOURNAL_SHARE * self.path.stat().st_size:
                with open(self.journal, "ab") as journal:
                    journal.write(line)  # in one write: two runs appending at once tear a line at worst, then skipped
                return
        elif not self.changed and not unused:
            return
        kept = {key: self.entries[key] for key in sorted(self.used) if key in self.entries}
        files = {doc_id: state for doc_id, state in sorted(self.new_files.items()) if state[5] in kept}
        write_pack(self.path, {"entries": kept, "files": files})
        self.journal.unlink(missing_ok=True)

    def release(self) -> None:
        """Forget the entries (after save): the claims built from them are all a run needs from here on."""
        self.entries, self.files, self.new_files = {}, {}, {}


def read_pack(path: Path) -> tuple[dict | None, str | None]:
    """A pack's body and checksum; (None, None) when there is none, ({}, None) for one that is not,
    byte for byte, as write_pack wrote it (its body no longer hashes to its checksum, it cannot
    be read, or another interpreter wrote it): it is dropped whole and each of its entries
    recomputed, none trusted."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, None
    except OSError:
        raw = b""
    header = _PACK_HEADER.match(raw)
    if not header or int(header.group(1)) != FORMAT or header.group(2) != _INTERPRETER:
        return {}, None
    checksum = header.group(3).decode()
    body = raw[header.end():]
    # marshal reads only what its own writer wrote: the checksum comes first, so a damaged body is never decoded.
    if hashlib.sha256(body).hexdigest() != checksum:
        return {}, None
    try:
        value = marshal.loads(body)
    except (EOFError, TypeError, ValueError):
        return {}, None
    return (value, checksum) if isinstance(value, dict) else ({}, None)


def _sealed(value) -> tuple[bytes, bytes]:
    """A value as compact JSON, with the sha256 of that JSON."""
    encoded = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode()
    return encoded, hashlib.sha256(encoded).hexdigest().encode()


def _opened(encoded: bytes, checksum: str):
    """The value of JSON that hashes to `checksum`; None for any other."""
    if hashlib.sha256(encoded).hexdigest() != checksum:
        return None
    try:
        return json.loads(encoded)
    except ValueError:
        return None


def _encode_journal_line(change: dict, pack_checksum: str) -> bytes:
    encoded, checksum = _sealed(change)
    return b'{"pack":"%s","sha256":"%s","change":' % (pack_checksum.encode(), checksum) + encoded + b"}\n"


def _journal_line(line: bytes, pack_checksum: str) -> dict | None:
    """The change a journal line records, if it extends this pack and is whole, else None."""
    header = _JOURNAL_HEADER.match(line)
    if not header or header.group(1).decode() != pack_checksum or not line.endswith(b"}"):
        return None
    change = _opened(line[header.end():-1], header.group(2).decode())
    if not isinstance(change, dict) or not isinstance(change.get("entries"), dict) or not isinstance(change.get("files"), dict):
        return None
    return change


def write_pack(path: Path, body: dict) -> None:
    """Replace the pack at `path` with `body` and its checksum; never half-written. The body is plain
    data: dicts with str keys, lists, tuples, str, int, float, bool, None."""
    encoded = marshal.dumps(body)
    checksum = hashlib.sha256(encoded).hexdigest().encode()
    write_whole(path, b"factcheck pack %d %s %s\n" % (FORMAT, _INTERPRETER, checksum), encoded)


def write_whole(path: Path, *pieces: bytes) -> None:
    """Replace the file at `path` with `pieces`, one after the other, by renaming a complete temporary
    file over it: two runs writing at once each leave a whole file, and a failed write leaves the old one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with open(temporary, "wb") as file:
            file.writelines(pieces)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


class FindingMemo:
    """The findings each (rule, subject) gave last time, signed with the documents of the subject's
    claims and the digests of their rows (see signature): a subject whose claims did not change is not
    compared again.

    Kept beside the claim pack, in a pack of its own with the same checksum and
    replace-whole rules, and dropped whole when the comparing code has changed.
    """

    label = "findings cache"

    def __init__(self, directory: Path, fingerprint: str, corpus: str):
        self.path = directory / f"{corpus}.findings.pack"
        self.fingerprint = fingerprint
        self.entries: dict[str, list] = {}
        self.kept: dict[str, list] = {}
        self.changed = False
        self.reused = self.compared = 0

    def load(self) -> None:
        body, _ = read_pack(self.path)
        if body is None:
            return
        if body.get("compare") != self.fingerprint or not isinstance(body.get("entries"), dict):
            self.changed = True
            return
        self.entries = body["entries"]

    @staticmethod
    def signature(rule_id: str, subject: str, doc_ids: list[str], digests: list[str | None]) -> str | None:
        """What a subject's findings depend on: the rule, the subject, and each document with claims on it,
        with the digest of its claims (None when a document has none: its claims did not come through
        the cache). An edit that moves no claim keeps every finding."""
        if None in digests:
            return None
        parts = [rule_id, subject]
        for doc_id, digest in zip(doc_ids, digests):
            parts += (doc_id, digest)
        return hashlib.sha256("\0".join(parts).encode()).hexdigest()

    def get(self, rule_id: str, subject: str, signature: str) -> list[Finding] | None:
        entry = self.entries.get(f"{rule_id}\0{subject}")
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != signature:
            return None
        try:
            findings = [Finding.model_validate(record) for record in entry[1]]
        except (TypeError, ValueError):
            return None
        self.kept[f"{rule_id}\0{subject}"] = entry
        self.reused += 1
        return findings

    def put(self, rule_id: str, subject: str, signature: str, records: list[dict]) -> None:
        """Keep a subject's findings, as records (Finding.model_dump(mode="json"))."""
        self.kept[f"{rule_id}\0{subject}"] = [signature, records]
        self.changed = True
        self.compared += 1

    def save(self) -> None:
        """Keep the entries this run used; replace the pack only if that changes it."""
        if not self.changed and self.kept.keys() == self.entries.keys():
            return
        write_pack(self.path, {"compare": self.fingerprint, "entries": dict(sorted(self.kept.items()))})
