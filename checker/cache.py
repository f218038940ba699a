"""The claim cache: what each article yielded last time, so a re-run extracts only what changed.

An entry is keyed by the article's content hash and its publication date (the
date a manifest gives changes the claims without changing the text). Entries
live in a directory named after the extractor's *fingerprint*: the package
version, the rules' fingerprint and a hash of the source files that decide
what a claim is. A new version or an edited rule thus starts a new directory;
nothing is ever looked up across versions.

All entries of one corpus are kept in one pack file, read in one go and
replaced whole (temporary file, then rename) after a run that changed
anything: two runs sharing the cache each leave a complete pack, deleting the
directory only costs a cold run, and an entry that does not look like claim
rows is dropped and recomputed, never trusted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from . import __version__
from .models import Qualifier

CACHE_DIR_NAME = ".factcheck-cache"
# Bump when the layout of a pack or of a row changes.
FORMAT = 1
# Source files whose code decides which claims an article yields.
EXTRACTOR_SOURCES = ("corpus.py", "models.py", "numbers.py", "scan.py", "timeparse.py", "vocabulary.py", "extract")
_QUALIFIERS = {q.value for q in Qualifier}


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


def valid_row(row) -> bool:
    """Whether a cached row has the shape extraction gives (see checker.extract.ROW_FIELDS)."""
    if not isinstance(row, (list, tuple)) or len(row) != 13:
        return False
    kind, subject, value, qualifier, time, form, person, note, start, end, line, column, text = row
    return (
        isinstance(kind, str) and isinstance(subject, str) and isinstance(form, str) and isinstance(note, str)
        and isinstance(value, (int, str)) and not isinstance(value, bool)
        and qualifier in _QUALIFIERS
        and (time is None or isinstance(time, str)) and (person is None or isinstance(person, str))
        and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in (start, end, line, column))
        and start <= end and isinstance(text, str) and len(text) == end - start
    )


class ClaimCache:
    """The pack of one corpus under one fingerprint: content key -> claim rows."""

    def __init__(self, directory: Path, fingerprint: str, corpus: str):
        self.path = directory / fingerprint / f"{corpus}.json"
        self.entries: dict[str, list] = {}
        self.used: set[str] = set()
        self.changed = False
        self.hits = self.misses = self.dropped = 0

    def load(self) -> None:
        """Read the pack; one that cannot be read whole is dropped (the run is then a cold one)."""
        try:
            data = json.loads(self.path.read_bytes())
            entries = data["entries"]
            if data.get("format") != FORMAT or not isinstance(entries, dict):
                raise ValueError("not a pack of this format")
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError):
            self.dropped += 1
            self.changed = True
            return
        self.entries = entries

    def get(self, key: str) -> list | None:
        """The rows stored for `key`, or None; an entry that is not a list of valid rows is dropped."""
        rows = self.entries.get(key)
        if rows is None:
            self.misses += 1
            return None
        if not self.valid_entry(rows):
            del self.entries[key]
            self.dropped += 1
            self.misses += 1
            self.changed = True
            return None
        self.used.add(key)
        self.hits += 1
        return rows

    @staticmethod
    def valid_entry(rows) -> bool:
        return isinstance(rows, list) and all(valid_row(row) for row in rows)

    def put(self, key: str, rows: list) -> None:
        self.entries[key] = rows  # shared with the caller, not copied: a large corpus holds many
        self.used.add(key)
        self.changed = True

    def save(self) -> None:
        """Replace the pack with the entries this run used, if anything changed; never half-written."""
        if not self.changed and self.used == set(self.entries):
            return
        kept = {key: self.entries[key] for key in sorted(self.used) if key in self.entries}
        content = json.dumps({"format": FORMAT, "entries": kept}, ensure_ascii=False, separators=(",", ":"))
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
        try:
            temporary.write_text(content, encoding="utf-8")
            os.replace(temporary, self.path)
        finally:
            temporary.unlink(missing_ok=True)

    def release(self) -> None:
        """Forget the entries (after save): the claims built from them are all a run needs from here on."""
        self.entries = {}
