"""Reading a corpus: files, decoding, publication dates, and offsets to line/column."""

from __future__ import annotations

import bisect
import codecs
import datetime as dt
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import CheckerError
from .models import Document, Skipped, Span

ARTICLE_SUFFIXES = (".txt", ".md")
MANIFEST_NAME = "corpus.toml"
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


class LineIndex:
    """Turns character offsets into 1-based (line, column); the only place that does."""

    def __init__(self, text: str):
        starts = [0]
        for match in re.finditer(r"\r\n|\r|\n", text):
            starts.append(match.end())
        self.line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


def make_span(text: str, index: LineIndex, start: int, end: int) -> Span:
    line, column = index.position(start)
    return Span(start=start, end=end, line=line, column=column, text=text[start:end])


@dataclass
class Corpus:
    root: Path
    documents: list[Document]
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes) -> str:
    """Decode article bytes: BOMs first, then UTF-8, then Windows-1252.

    Raises ValueError for data that looks binary (NUL bytes without a UTF-16 BOM).
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if b"\x00" in data:
        raise ValueError("binary file (contains NUL bytes)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Windows-1252 is a superset of printable Latin-1 and what old news CMSs emit.
        return data.decode("cp1252", errors="replace")


def parse_date_value(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return dt.date.fromisoformat(value.strip())
    raise ValueError(f"not a date: {value!r}")


# The manifest as tools write it: one `[files."NAME"]` table and one `published = YYYY-MM-DD` line
# per file, comments and blank lines between. Parsed without tomllib, which takes a second per 10,000 files.
_SIMPLE_MANIFEST_LINE = re.compile(
    r'[ \t]*(?:\[files\."(?P<name>[^"\\\x00-\x1f\x7f]+)"\]|published[ \t]*=[ \t]*(?P<date>\d{4}-\d\d-\d\d)|#[^\x00-\x08\x0a-\x1f\x7f]*)?[ \t]*(?:\n|\Z)'
)


def simple_manifest(raw: str) -> dict | None:
    """What tomllib.loads gives for a manifest of the plain form above, or None for anything else."""
    files: dict[str, dict] = {}
    current = None
    position = 0
    while position < len(raw):
        line = _SIMPLE_MANIFEST_LINE.match(raw, position)
        if line is None or line.end() == position:
            return None
        position = line.end()
        if line.group("name") is not None:
            if line.group("name") in files:
                return None  # a table defined twice: let tomllib say so
            current = files[line.group("name")] = {}
        elif line.group("date") is not None:
            if current is None or "published" in current:
                return None
            try:
                current["published"] = dt.date.fromisoformat(line.group("date"))
            except ValueError:
                return None
    return {"files": files} if files else None


def load_manifest(path: Path) -> tuple[dict[str, dt.date], list[str]]:
    """Read corpus.toml: `[files."NAME"] published = YYYY-MM-DD`."""
    try:
        raw = path.read_text(encoding="utf-8")
        data = simple_manifest(raw) or tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise CheckerError(f"{path}: malformed TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{path}: cannot read manifest: {exc}") from None
    files = data.get("files", {})
    if not isinstance(files, dict):
        raise CheckerError(f"{path}: [files] must be a table of file names")
    dates: dict[str, dt.date] = {}
    warnings: list[str] = []
    today = dt.date.today()
    for name, entry in sorted(files.items()):
        if not isinstance(entry, dict) or "published" not in entry:
            raise CheckerError(f"{path}: files.{name!r}: missing 'published'")
        try:
            published = parse_date_value(entry["published"])
        except ValueError:
            raise CheckerError(f"{path}: files.{name!r}: published = {entry['published']!r} is not a date") from None
        if published > today:
            warnings.append(f"{path}: files.{name!r}: published {published} is in the future")
        dates[name] = published
    return dates, warnings


def front_matter_date(text: str) -> dt.date | None:
    block = FRONT_MATTER.match(text)
    if not block:
        return None
    found = FRONT_MATTER_DATE.search(block.group("body"))
    if not found:
        return None
    try:
        return dt.date.fromisoformat(found.group("value").strip()[:10])
    except ValueError:
        return None


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


def _walk(root: Path, skipped: list[Skipped]) -> list[Path]:
    found: list[Path] = []
    seen_dirs: set[tuple[int, int]] = set()

    def onerror(exc: OSError) -> None:
        skipped.append(Skipped(path=str(exc.filename), reason=f"cannot list directory: {exc.strerror}"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=onerror):
        try:
            st = os.stat(dirpath)
        except OSError:
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:  # a symlink loop or a second way into a directory
            dirnames[:] = []
            continue
        seen_dirs.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(Path(dirpath) / name)
    return found


def doc_id_for(path: Path, root: Path) -> str:
    try:
        return PurePosixPath(path.resolve().relative_to(root.resolve()).as_posix()).as_posix()
    except ValueError:
        return path.name


class DocIds:
    """doc_id_for over a whole corpus, resolving each directory once rather than each file's every part.

    A file that is not a symbolic link resolves to its directory's resolved path
    plus its name, which is all doc_id_for asks of it; links go the long way.
    """

    def __init__(self, root: Path):
        self.root = root
        self.resolved_root = str(root.resolve())
        self.directories: dict[str, str] = {}

    def __call__(self, path: Path) -> str:
        directory, name = os.path.split(str(path))
        if not name or name in (".", "..") or os.path.islink(path):
            return doc_id_for(path, self.root)
        inside = self.directories.get(directory)
        if inside is None:
            resolved = os.path.realpath(directory or ".")
            if resolved == self.resolved_root:
                inside = ""
            elif resolved.startswith(self.resolved_root.rstrip(os.sep) + os.sep):
                inside = resolved[len(self.resolved_root.rstrip(os.sep)) + 1:].replace(os.sep, "/") + "/"
            else:
                inside = False  # outside the root: doc_id_for's fallback, the bare name
            self.directories[directory] = inside
        return path.name if inside is False else inside + name


@dataclass
class CorpusPlan:
    """What a corpus holds before any article is read: where, which files, their ids, the manifest."""

    root: Path
    articles: list[tuple[str, Path]]  # (document id, file), sorted by id, one file per id
    manifest: dict[str, dt.date]
    manifest_file: Path
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def plan_corpus(paths: list[Path], manifest_path: Path | None = None) -> CorpusPlan:
    """Find the articles under `paths` and read the manifest; no article is read yet."""
    if not paths:
        raise CheckerError("no corpus paths given")
    for path in paths:
        if not path.exists():
            raise CheckerError(f"{path}: no such file or directory")
    root = paths[0] if len(paths) == 1 and paths[0].is_dir() else Path(os.path.commonpath([p.resolve() for p in paths]))
    if root.is_file():
        root = root.parent
    skipped: list[Skipped] = []
    files: list[Path] = []
    for path in paths:
        files.extend(_walk(path, skipped) if path.is_dir() else [path])

    manifest_file = manifest_path or (root / MANIFEST_NAME)
    manifest: dict[str, dt.date] = {}
    warnings: list[str] = []
    if manifest_path is not None and not manifest_path.exists():
        raise CheckerError(f"{manifest_path}: no such manifest")
    if manifest_file.is_file():
        manifest, warnings = load_manifest(manifest_file)

    by_id: dict[str, Path] = {}
    doc_id = DocIds(root)
    for path in files:
        by_id[doc_id(path)] = path  # a file given twice is read once, as the last one given
    for name in sorted(set(manifest) - set(by_id)):
        warnings.append(f"{manifest_file}: lists {name!r}, which is not in the corpus")
    return CorpusPlan(root, sorted(by_id.items()), manifest, manifest_file, skipped, warnings)


def read_article(doc_id: str, path: Path, manifest: dict[str, dt.date]) -> tuple[Document, bytes] | Skipped:
    """One article, decoded and dated, with the bytes it was read from; or why it was skipped."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Skipped(path=doc_id, reason=f"cannot read: {exc.strerror}")
    try:
        text = decode(data)
    except ValueError as exc:
        return Skipped(path=doc_id, reason=str(exc))
    published, source = date_document(doc_id, text, manifest)
    return Document(id=doc_id, published=published, date_source=source, text=text), data


def load_corpus(paths: list[Path], manifest_path: Path | None = None) -> Corpus:
    """Read every article under `paths`; unreadable or binary files are skipped, not fatal."""
    plan = plan_corpus(paths, manifest_path)
    documents, skipped = [], list(plan.skipped)
    for doc_id, path in plan.articles:
        read = read_article(doc_id, path, plan.manifest)
        if isinstance(read, Skipped):
            skipped.append(read)
        else:
            documents.append(read[0])
    return Corpus(root=plan.root, documents=documents, skipped=sorted(skipped, key=lambda s: s.path), warnings=plan.warnings)
