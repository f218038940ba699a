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
FORMAT = 1
# Source files whose code decides which claims an article yields.
EXTRACTOR_SOURCES = ("corpus.py", "models.py", "numbers.py", "scan.py", "timeparse.py", "vocabulary.py", "extract")
# How save() starts a pack: the checksum of the entries that follow it.
_PACK_HEADER = re.compile(rb'\{"format":(\d+),"sha256":"([0-9a-f]{64})","entries":')


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
        self.used: set[str] = set()
        self.changed = False
        self.hits = self.misses = self.dropped = 0

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
        entries = None
        if header and raw.endswith(b"}") and hashlib.sha256(raw[header.end():-1]).hexdigest() == header.group(2).decode():
            try:
                entries = json.loads(raw[header.end():-1])
            except ValueError:
                entries = None
        if int(header.group(1)) != FORMAT if header else True:
            entries = None
        if not isinstance(entries, dict):
            self.dropped = 1
            self.changed = True
            return
        self.entries = entries

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
        entries = json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode()
        checksum = hashlib.sha256(entries).hexdigest()
        content = b'{"format":%d,"sha256":"%s","entries":' % (FORMAT, checksum.encode()) + entries + b"}"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            temporary.write_bytes(content)
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)

    def release(self) -> None:
        """Forget the entries (after save): the claims built from them are all a run needs from here on."""
        self.entries = {}
