"""The claim cache: what each article yielded last time, so a re-run extracts only what changed.

An entry is keyed by the article's content hash and its publication date (the
date a manifest gives changes the claims without changing the text). Entries
live in a directory named after the extractor's *fingerprint*: the package
version, the rules' fingerprint and a hash of the source files that decide
what a claim is. A new version or an edited rule thus starts a new directory;
nothing is ever looked up across versions.

All entries of one corpus are kept in one pack file, read in one go and
replaced whole (temporary file, then rename) after a run that changed
anything: two runs sharing the cache each leave a complete pack, and deleting
the directory only costs a cold run. A pack carries the checksum of its
entries; one that does not match is dropped whole and its entries recomputed,
never trusted: a damaged claim row can look perfectly well-formed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
from pathlib import Path

from . import __version__

CACHE_DIR_NAME = ".factcheck-cache"
# Bump when the layout of a pack or of a row changes.
FORMAT = 3
# A file's recorded state is trusted only if the file had not changed for this long when it was
# recorded: a write in the same clock tick as the read before it leaves mtime and size alike.
SETTLED_NS = 1_000_000_000
# Source files whose code decides which claims an article yields.
EXTRACTOR_SOURCES = ("corpus.py", "decoding.py", "files.py", "manifest.py", "models.py", "numbers.py", "scan", "timeparse.py", "vocabulary.py", "extract")
# How save() starts a pack: the checksum of the entries that follow it.
_PACK_HEADER = re.compile(rb'\{"format":(\d+),"sha256":"([0-9a-f]{64})","body":')


def extractor_fingerprint(rules_fingerprint: str) -> str:
    """Version, rules and extractor code in one short hash."""
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{rules_fingerprint}".encode())
    package = Path(__file__).resolve().parent
    for name in EXTRACTOR_SOURCES:
        path = package / name
        files = sorted(path.glob("*.py")) if path.is_dir() else [path]
        for source in files:
            digest.update(b"\0" + source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def content_key(data: bytes, published: dt.date | None) -> str:
    """An article's cache key: its bytes and the date its claims are anchored to."""
    digest = hashlib.sha256(data)
    digest.update(b"\0" + (published.isoformat() if published else "-").encode())
    return digest.hexdigest()


def corpus_key(paths: list[Path]) -> str:
    """Which pack a run uses: one per set of corpus paths."""
    return hashlib.sha256("\0".join(sorted(str(p.resolve()) for p in paths)).encode()).hexdigest()[:16]


class ClaimCache:
    """The pack of one corpus under one fingerprint: content key -> claim rows."""

    def __init__(self, directory: Path, fingerprint: str, corpus: str):
        self.path = directory / fingerprint / f"{corpus}.json"
        self.entries: dict[str, list] = {}
        # document id -> [size, mtime_ns, ctime_ns, inode, recorded_ns, key, published, date_source]
        self.files: dict[str, list] = {}
        self.new_files: dict[str, list] = {}
        self.used: set[str] = set()
        self.changed = False
        self.hits = self.misses = self.dropped = self.unread = 0

    def load(self) -> None:
        """Read the pack. One that is not, byte for byte, as this program wrote it (its entries
        no longer hash to its checksum, or it cannot be read) is dropped whole: each of its
        entries is recomputed, none trusted."""
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        except OSError:
            raw = b""
        header = _PACK_HEADER.match(raw)
        body = None
        if header and raw.endswith(b"}") and hashlib.sha256(raw[header.end():-1]).hexdigest() == header.group(2).decode():
            try:
                body = json.loads(raw[header.end():-1])
            except ValueError:
                body = None
        if int(header.group(1)) != FORMAT if header else True:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("entries"), dict) or not isinstance(body.get("files"), dict):
            self.dropped = 1
            self.changed = True
            return
        self.entries, self.files = body["entries"], body["files"]

    def known_file(self, doc_id: str, stat: os.stat_result) -> tuple[str, str | None, str] | None:
        """(key, published, date_source) recorded for a file that has not changed since, without reading it.

        Unchanged means the same size, modification and change times and inode,
        recorded once the file had been still for a second."""
        known = self.files.get(doc_id)
        if not known:
            return None
        size, mtime, ctime, inode, recorded, key, published, source = known
        if (size, mtime, ctime, inode) != (stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino):
            return None
        if recorded - max(mtime, ctime) < SETTLED_NS:
            return None
        return key, published, source

    def record_file(self, doc_id: str, stat: os.stat_result, recorded_ns: int, key: str,
                    published: dt.date | None, source: str) -> None:
        """Remember a file's state before it was read, with what reading it gave."""
        self.new_files[doc_id] = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino, recorded_ns, key,
                                  published.isoformat() if published else None, source]
        if self.files.get(doc_id) != self.new_files[doc_id]:
            self.changed = True

    def peek(self, key: str) -> list | None:
        """The rows stored for `key`, or None, without counting a hit or a miss."""
        return self.entries.get(key)

    def get(self, key: str) -> list | None:
        """The rows stored for `key`, or None."""
        rows = self.entries.get(key)
        if rows is None:
            self.misses += 1
            return None
        self.used.add(key)
        self.hits += 1
        return rows

    def put(self, key: str, rows: list) -> None:
        self.entries[key] = rows  # shared with the caller, not copied: a large corpus holds many
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Replace the pack with the entries this run used, if anything changed; never half-written."""
        if not self.changed and self.used == set(self.entries):
            return
        kept = {key: self.entries[key] for key in sorted(self.used) if key in self.entries}
        files = {doc_id: state for doc_id, state in sorted(self.new_files.items()) if state[5] in kept}
        body = json.dumps({"entries": kept, "files": files}, ensure_ascii=False, separators=(",", ":")).encode()
        checksum = hashlib.sha256(body).hexdigest()
        content = b'{"format":%d,"sha256":"%s","body":' % (FORMAT, checksum.encode()) + body + b"}"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            temporary.write_bytes(content)
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)

    def release(self) -> None:
        """Forget the entries (after save): the claims built from them are all a run needs from here on."""
        self.entries, self.files, self.new_files = {}, {}, {}
