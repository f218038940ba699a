"""corpus.toml: publication dates by document id, and the line of each entry for messages.

    [files."000_68953e5cd2ab7c5b.txt"]
    published = 2023-09-25

A date that is not a date stops the run (exit 2); a date in the future, an entry for a
file the corpus does not have and an unknown table are warnings. Every message names the
file and the entry's line.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import CheckerError
from .files import read_toml

KNOWN_TABLES = ("files",)
# A plain manifest, as benchmarks.generate writes it and as most are written by hand: blank lines,
# comments and `[files."NAME"]` tables that hold only `published = YYYY-MM-DD`, lines ending in \n.
# tomllib takes a fifth of a second over 10,000 entries; these patterns a fiftieth.
_BLANKS_AND_COMMENTS = r"(?:[ \t]*(?:#[^\x00-\x08\x0a-\x1f\x7f]*)?\n)*"  # what TOML allows in a comment
_PLAIN_NAME = r'[^"\\\x00-\x1f\x7f]*'  # a basic string without escapes
_PLAIN_DATE = r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
_PLAIN_MANIFEST = re.compile(
    _BLANKS_AND_COMMENTS + rf'(?:\[files\."{_PLAIN_NAME}"\]\npublished = {_PLAIN_DATE}\n{_BLANKS_AND_COMMENTS})*')
_PLAIN_ENTRY = re.compile(rf'^\[files\."({_PLAIN_NAME})"\]\npublished = ({_PLAIN_DATE})$', re.M)
# The first quoted key on a line: `[files."a.txt"]`, `"a.txt" = { ... }`, `files.'a.txt'.published = ...`.
_QUOTED_KEY = re.compile(r"""^\s*\[?\s*(?:files\s*\.\s*)?(?P<quote>["'])(?P<name>[^"'\n]*)(?P=quote)""")
_TABLE_KEY = re.compile(r"^\s*\[?\s*(?P<name>[A-Za-z0-9_-]+)\s*[\].=]")


@dataclass
class Manifest:
    shown_as: str  # how messages name the file
    dates: dict[str, dt.date] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    raw: str = ""  # the text, for the line numbers of messages

    @cached_property
    def lines(self) -> dict[str, int]:
        """The line naming each key, worked out when a message needs one: most runs need none."""
        return key_lines(self.raw)

    def where(self, name: str) -> str:
        line = self.lines.get(name)
        return f"{self.shown_as}:{line}" if line else self.shown_as


def key_lines(raw: str) -> dict[str, int]:
    """The first line naming each quoted or bare key, in one pass (a manifest may list 100,000 files)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(raw.splitlines(), start=1):
        found = _QUOTED_KEY.match(line) or _TABLE_KEY.match(line)
        if found:
            lines.setdefault(found.group("name"), number)
    return lines


def parse_plain_manifest(raw: str) -> dict | None:
    """What tomllib.loads(raw) gives for a plain manifest; None for any other, tomllib's to read
    (and to name what is wrong: a file listed twice, a date that does not exist)."""
    if not _PLAIN_MANIFEST.fullmatch(raw):
        return None
    files: dict[str, dict[str, dt.date]] = {}
    for name, published in _PLAIN_ENTRY.findall(raw):
        if name in files:
            return None
        try:
            files[name] = {"published": dt.date.fromisoformat(published)}
        except ValueError:
            return None
    return {"files": files} if files else {}


def parse_date_value(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip())
    raise ValueError(f"not a date: {value!r}")


def _place(path: Path, manifest: Manifest, name: str) -> str:
    return f"{path}:{manifest.lines[name]}" if name in manifest.lines else str(path)


def load_manifest(path: Path, shown_as: str, today: dt.date) -> Manifest:
    """Read corpus.toml; errors name `path` as given, warnings name it `shown_as` (they go into reports)."""
    raw, data = read_toml(path, "manifest", parse_plain_manifest)
    manifest = Manifest(shown_as=shown_as, raw=raw)
    for table in sorted(set(data) - set(KNOWN_TABLES)):
        manifest.warnings.append(f"{manifest.where(table)}: unknown table or key {table!r} (expected [files.\"NAME\"]); ignored")
    files = data.get("files", {})
    if not isinstance(files, dict):
        raise CheckerError(f"{path}:{manifest.lines.get('files', '?')}: [files] must be a table of file names")
    for name, entry in sorted(files.items()):
        if not isinstance(entry, dict) or "published" not in entry:
            raise CheckerError(f"{_place(path, manifest, name)}: files.{name!r}: missing 'published'")
        try:
            published = parse_date_value(entry["published"])
        except ValueError:
            raise CheckerError(f"{_place(path, manifest, name)}: files.{name!r}: published = {entry['published']!r} is not a date") from None
        if published > today:
            manifest.warnings.append(f"{manifest.where(name)}: files.{name!r}: published {published} is in the future")
        manifest.dates[name] = published
    return manifest
