"""Reading a corpus: files, decoding, publication dates, and offsets to line/column."""

from __future__ import annotations

import bisect
import datetime as dt
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import NotText, decode_article
from .errors import CheckerError
from .files import read_regular_file, why_unreadable
from .manifest import Manifest, load_manifest
from .models import Document, Skipped, Span, trusted_constructor

ARTICLE_SUFFIXES = (".txt", ".md")
MANIFEST_NAME = "corpus.toml"
# A document from values our own reading produced: no validation (an archive has many).
new_document = trusted_constructor(Document)
# A dateline is looked for in this many characters at the top of an article.
DATELINE_WINDOW = 600

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ]
    )
    for m in names
}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
DATELINE_PATTERNS = [
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}}),\s*(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)\b"),
]
FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
FRONT_MATTER_DATE = re.compile(r"^(?:published|date)\s*:\s*['\"]?(?P<value>[^'\"\r\n]+?)['\"]?\s*$", re.M | re.I)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Turns character offsets into 1-based (line, column); the only place that does."""

    def __init__(self, text: str):
        starts = [0]
        if "\r" in text:
            starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
        else:  # the common case, found by str.find
            at = text.find("\n")
            while at != -1:
                starts.append(at + 1)
                at = text.find("\n", at + 1)
        self.line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


def make_span(text: str, index: LineIndex, start: int, end: int) -> Span:
    line, column = index.position(start)
    return Span(start=start, end=end, line=line, column=column, text=text[start:end])


def span_end(span: Span) -> tuple[int, int]:
    """The 1-based (line, column) just past a span's last character, worked out from its own text."""
    inside = LineIndex(span.text)
    breaks = len(inside.line_starts) - 1
    if breaks == 0:
        return span.line, span.column + len(span.text)
    return span.line + breaks, len(span.text) - inside.line_starts[-1] + 1


class Documents(Sequence[Document]):
    """A corpus's documents, in order. Each is kept as a Document, or as the (id, published, date_source)
    the claim cache recorded for an article it did not read again, made into a Document when asked for:
    a re-run's JSON report writes ten thousand of them straight from those values (fields)."""

    def __init__(self, items: list[Document | tuple[str, dt.date | None, str]]):
        self._items = items

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        item = self._items[index]
        if type(item) is tuple:
            item = self._items[index] = new_document(id=item[0], published=item[1], date_source=item[2], text="")
        return item

    def ids(self) -> list[str]:
        return [item[0] if type(item) is tuple else item.id for item in self._items]

    def fields(self) -> Iterator[tuple[str, dt.date | None, str]]:
        """(id, published, date_source) of each document, none made into a Document."""
        for item in self._items:
            yield item if type(item) is tuple else (item.id, item.published, item.date_source)


@dataclass
class Corpus:
    root: Path
    documents: Documents
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self):
        if not isinstance(self.documents, Documents):
            self.documents = Documents(list(self.documents))


def front_matter_field(text: str) -> tuple[str, int] | None:
    """The raw `published:` (or `date:`) value of an article's front matter, and its offset."""
    block = FRONT_MATTER.match(text)
    if not block:
        return None
    found = FRONT_MATTER_DATE.search(block.group("body"))
    if not found:
        return None
    return found.group("value"), block.start("body") + found.start()


def parse_front_matter_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def front_matter_date(text: str) -> dt.date | None:
    found = front_matter_field(text)
    return parse_front_matter_date(found[0]) if found else None


def dateline_date(text: str) -> dt.date | None:
    """The first full calendar date near the top of the article, if any."""
    head = text[:DATELINE_WINDOW]
    earliest: tuple[int, dt.date] | None = None
    for pattern in DATELINE_PATTERNS:
        for match in pattern.finditer(head):
            parts = match.groupdict()
            month = int(parts["mnum"]) if parts.get("mnum") else MONTHS[parts["month"].lower().rstrip(".")]
            try:
                found = dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                continue
            if earliest is None or match.start() < earliest[0]:
                earliest = (match.start(), found)
            break
    return earliest[1] if earliest else None


def date_document(doc_id: str, text: str, manifest: dict[str, dt.date]) -> tuple[dt.date | None, str]:
    if doc_id in manifest:
        return manifest[doc_id], "manifest"
    found = front_matter_date(text)
    if found:
        return found, "front_matter"
    found = dateline_date(text)
    if found:
        return found, "dateline"
    return None, "none"


def front_matter_warnings(doc_id: str, text: str, source: str, today: dt.date) -> list[str]:
    """A front-matter date that is not a date, or is in the future, named with its line."""
    found = front_matter_field(text) if source != "manifest" else None
    if found is None:
        return []
    value, offset = found
    where = f"{doc_id}:{LineIndex(text[:offset]).position(offset)[0]}"
    published = parse_front_matter_date(value)
    if published is None:
        return [f"{where}: front matter date {value.strip()!r} is not a date (YYYY-MM-DD); ignored"]
    if published > today:
        return [f"{where}: front matter date {published} is in the future"]
    return []


def _below(path: Path, root: Path) -> str | None:
    """`path` relative to `root` with / separators, or None when it is not below it. Symbolic links
    are not resolved: a file is named where it lies in the corpus, not where a link points."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return None


def doc_id_for(path: Path, root: Path) -> str:
    return readable_name(_below(path, root) or path.name)


def readable_name(name: str) -> str:
    """A file name as text every report can write: the bytes of a name that are not UTF-8 (which Python
    holds as lone surrogates, and no UTF-8 output can take) are shown as \\xNN escapes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def _is_directory(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # follows a link; False for a broken link or a link loop
    except OSError:
        return False


def _walk(top: Path, root: Path, skipped: list[Skipped]) -> list[tuple[str, str]]:
    """(document id, path) of the article files under `top`, depth first in name order.

    Iterative, because os.walk recurses once per directory level (a deep tree raised
    RecursionError on Python 3.11). Links to directories are followed, each directory read
    once, so a link loop ends where it started. Hidden directories are left out.
    Ids are built as the walk goes down, name by name: they equal doc_id_for(path, root)
    without a Path and a relative_to per file (a fifth of a second at 10,000 files).
    """
    found: list[tuple[str, str]] = []
    seen: set[tuple[int, int]] = set()
    below = _below(top, root)
    below = None if below is None else readable_name(below)
    # (directory, the id prefix of its files: "" at the root, None when not below the root)
    pending: list[tuple[str, str | None]] = [(os.fspath(top), None if below is None else "" if below == "." else below + "/")]
    while pending:
        directory, prefix = pending.pop()
        try:
            identity = os.stat(directory)
            key = (identity.st_dev, identity.st_ino)
            if key in seen:
                continue
            seen.add(key)
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            skipped.append(Skipped(path=doc_id_for(Path(directory), root), reason=f"cannot list directory: {exc.strerror}"))
            continue
        subdirectories = []
        for entry in entries:
            if _is_directory(entry):
                if not entry.name.startswith("."):
                    subdirectories.append((entry.path, None if prefix is None else prefix + readable_name(entry.name) + "/"))
            elif entry.name.lower().endswith(ARTICLE_SUFFIXES):
                name = readable_name(entry.name)
                found.append((name if prefix is None else prefix + name, entry.path))
        pending.extend(reversed(subdirectories))
    return found


def corpus_root(paths: list[Path]) -> Path:
    """The directory document ids are relative to: the one directory given, else the paths' common parent."""
    if len(paths) == 1 and paths[0].is_dir():
        return paths[0]
    root = Path(os.path.commonpath([os.path.abspath(p) for p in paths]))
    return root.parent if root.is_file() else root


def read_manifest(root: Path, manifest_path: Path | None, today: dt.date) -> Manifest:
    """`--manifest FILE` (which must exist), else corpus.toml at the root when there is one."""
    if manifest_path is not None and not manifest_path.exists():
        raise CheckerError(f"{manifest_path}: no such manifest")
    path = manifest_path or root / MANIFEST_NAME
    if manifest_path is None and not (path.exists() or path.is_symlink()):
        return Manifest(shown_as=MANIFEST_NAME)
    # Warnings go into reports, whose paths are relative: "corpus.toml", unless the manifest lies elsewhere.
    return load_manifest(path, _below(path, root) or str(path), today)


def read_article(doc_id: str, path: str | Path, manifest: Manifest, today: dt.date) -> tuple[Document, bytes, list[str]] | Skipped:
    """One article, decoded and dated, with the bytes it was read from (the claim cache's key) and
    the warnings about it; or the reason it was skipped."""
    try:
        data = read_regular_file(path)
        decoded = decode_article(data)
    except OSError as exc:
        return Skipped(path=doc_id, reason=why_unreadable(path, exc))
    except NotText as exc:
        return Skipped(path=doc_id, reason=str(exc))
    warnings = [f"{doc_id}: {decoded.note}"] if decoded.note else []
    published, source = date_document(doc_id, decoded.text, manifest.dates)
    warnings += front_matter_warnings(doc_id, decoded.text, source, today)
    return new_document(id=doc_id, published=published, date_source=source, text=decoded.text), data, warnings


@dataclass
class CorpusPlan:
    """What a corpus holds before any article is read: where, which files, their ids, the manifest."""

    root: Path
    articles: list[tuple[str, str]]  # (document id, file path), sorted by id, one file per id
    manifest: Manifest
    today: dt.date
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # the manifest's own, before any article's
    unlisted: list[str] = field(default_factory=list)  # manifest entries not in the corpus, after the articles'

    def corpus_warnings(self, notes: dict[str, list[str]]) -> list[str]:
        """Every warning in report order: the manifest's, each article's (by id), then unknown manifest entries."""
        return self.warnings + [note for doc_id in sorted(notes) for note in notes[doc_id]] + self.unlisted


def plan_corpus(paths: list[Path], manifest_path: Path | None = None) -> CorpusPlan:
    """Find the articles under `paths` and read the manifest; no article is read yet."""
    if not paths:
        raise CheckerError("no corpus paths given")
    for path in paths:
        if not path.exists():
            raise CheckerError(f"{path}: no such file or directory")
    root = corpus_root(paths)
    today = dt.date.today()
    skipped: list[Skipped] = []
    files: list[tuple[str, str]] = []
    for path in paths:
        files.extend(_walk(path, root, skipped) if path.is_dir() else [(doc_id_for(path, root), os.fspath(path))])
    manifest = read_manifest(root, manifest_path, today)
    by_id: dict[str, str] = {}
    for doc_id, path in files:
        # The same file named twice on the command line, or inside a directory also given: the first one.
        by_id.setdefault(doc_id, path)
    # A skipped file is in the corpus, and named as skipped.
    unlisted = [f"{manifest.where(name)}: lists {name!r}, which is not in the corpus"
                for name in sorted(set(manifest.dates) - set(by_id))]
    return CorpusPlan(root, sorted(by_id.items()), manifest, today, skipped, list(manifest.warnings), unlisted)


def load_corpus(paths: list[Path], manifest_path: Path | None = None) -> Corpus:
    """Read every article under `paths`; unreadable or binary files are skipped with their reason, not fatal."""
    plan = plan_corpus(paths, manifest_path)
    skipped = list(plan.skipped)
    notes: dict[str, list[str]] = {}  # warnings by document, reported in id order whatever the file order
    documents: list[Document] = []
    for doc_id, path in plan.articles:
        read = read_article(doc_id, path, plan.manifest, plan.today)
        if isinstance(read, Skipped):
            skipped.append(read)
            continue
        documents.append(read[0])
        notes[doc_id] = read[2]
    return Corpus(
        root=plan.root,
        documents=documents,
        skipped=sorted(skipped, key=lambda s: s.path),
        warnings=plan.corpus_warnings(notes),
    )
