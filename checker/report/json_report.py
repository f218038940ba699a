"""JSON: the contract other tools read (documents, claims, findings); sorted and stable."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from functools import lru_cache
from itertools import islice
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Callable, Iterable, Iterator

from pydantic import BaseModel

from ..corpus import Documents
from ..engine import CheckResult
from ..models import Claim, Document, Span
from ..rows import ROW_FIELDS, Claims, claim_from_row, claim_id
from .records import plain, plain_value, record_fields, report_record, shown_claims

if TYPE_CHECKING:
    from ..claim_texts import ClaimTexts

INDENT = "  "


class Stream:
    """A list of items already in their indented JSON form (at ITEM_LEVEL), written as they are
    produced: a report's claims need not all be in memory, as records or as text. A text may hold
    several items joined by ITEM_SEPARATOR (a document's claims). The texts are all str, or all
    UTF-8 bytes (the claims of a report with a claim texts cache)."""

    def __init__(self, texts: Iterable[str] | Iterable[bytes], empty: bool):
        self.texts = texts
        self.empty = empty

    def __iter__(self):
        return iter(self.texts)


def write(result: CheckResult, out: Callable[[str | bytes], object], claims: str = "all", texts: ClaimTexts | None = None) -> None:
    """The report, exactly as json.dumps(record, indent=2, ensure_ascii=False) writes it, in pieces to `out`:
    str, but for the claims' pieces when there are `texts`, which are UTF-8 bytes. With claims="all",
    `texts` (loaded) gives the claims of the documents it holds and keeps the others'."""
    record = report_record(result, claims="none", documents=False)
    record["documents"] = Stream(document_texts(result.corpus.documents), not result.corpus.documents)
    if claims == "all":
        record["claims"] = Stream(claim_texts(result.claims, texts), not result.claims)
    else:
        listed = shown_claims(result, claims)
        record["claims"] = Stream(map(item_text, listed), not listed)
    write_indented(record, out)
    out("\n")


ITEM_LEVEL = 2  # report -> "claims" (or "documents") list -> claim
ITEM_SEPARATOR = ",\n" + INDENT * ITEM_LEVEL  # between two items of a list, as _write_stream joins them


def item_text(model: BaseModel) -> str:
    """A model's record as write_indented puts it at ITEM_LEVEL, in one go: claims and documents are most of a report."""
    text = _model_text(model, ITEM_LEVEL)
    if text is None:
        pieces: list[str] = []
        write_indented(plain(model), pieces.append, ITEM_LEVEL)
        text = "".join(pieces)
    return text


def claim_texts(claims: Claims, texts: ClaimTexts | None = None) -> Iterator[str | bytes]:
    """The item texts of each document's claims, joined by ITEM_SEPARATOR, a document at a time
    (none for a document without claims). With `texts`, in UTF-8: from `texts` when it holds the
    document's for the same rows, else written from the rows (and handed to `texts` to keep)."""
    for doc_id, rows, digest in claims.document_rows():
        if not rows:
            continue
        if texts is None:
            yield ITEM_SEPARATOR.join(row_texts(doc_id, rows))
            continue
        text = texts.get(doc_id, digest)
        if text is None:
            text = ITEM_SEPARATOR.join(row_texts(doc_id, rows)).encode()
            texts.put(doc_id, digest, text)
        yield text


def row_texts(doc_id: str, rows: list) -> list[str]:
    """item_text of each claim of a document, written straight from its row: a report of an archive
    lists hundreds of thousands of claims, most of which a re-run never needs as Claim objects."""
    template = _row_template()
    if template is None:
        return [item_text(claim_from_row(doc_id, row)) for row in rows]
    text = encode_basestring
    doc = text(doc_id)
    return [template % (
        text(claim_id(doc_id, kind, start, end)), doc, text(kind), text(subject), _scalar(value), text(qualifier),
        "null" if time is None else text(time), text(form), "null" if person is None else text(person),
        text(time_note), start, end, line, column, text(quote))
        for kind, subject, value, qualifier, time, form, person, time_note, start, end, line, column, quote in rows]


DOCUMENT_FIELDS = ("id", "published", "date_source")


def document_texts(documents: Documents) -> Iterator[str]:
    """item_text of each document, from a template: an archive's report lists one per article."""
    template = _document_template()
    if template is None:
        yield from map(item_text, documents)
        return
    text = encode_basestring
    for doc_id, published, date_source in documents.fields():
        yield template % (text(doc_id), "null" if published is None else f'"{published.isoformat()}"', text(date_source))


@lru_cache(maxsize=None)
def _document_template() -> str | None:
    """A document's item text with a %s for each of DOCUMENT_FIELDS, or None if Document's fields are others."""
    if record_fields(Document) != DOCUMENT_FIELDS:
        return None
    return "".join(opening + "%s" for _, opening in _layout(Document, ITEM_LEVEL)) + "\n" + INDENT * ITEM_LEVEL + "}"


@lru_cache(maxsize=None)
def _row_template() -> str | None:
    """A claim's item text with a %s for each of its values (id, doc, then the row's), or None
    if the fields of Claim and Span no longer line up with a row's."""
    fields = ("id", "doc", *ROW_FIELDS[:8], "span")
    if record_fields(Claim) != fields or record_fields(Span) != ROW_FIELDS[8:]:
        return None
    pieces = []
    for name, opening in _layout(Claim, ITEM_LEVEL):
        pieces.append(opening)
        if name == "span":
            pieces.extend(inner + "%s" for _, inner in _layout(Span, ITEM_LEVEL + 1))
            pieces.append("\n" + INDENT * (ITEM_LEVEL + 1) + "}")
        else:
            pieces.append("%s")
    pieces.append("\n" + INDENT * ITEM_LEVEL + "}")
    return "".join(pieces)


def _model_text(model: BaseModel, level: int) -> str | None:
    """plain(model) as indented JSON, straight from the model's fields, when each is a scalar or a model
    written the same way; None for anything else (a list, an empty model), which goes the general way.
    Strings, integers, None and string enums, nearly every value, skip the general conversion."""
    layout = _layout(type(model), level)
    if layout is None:
        return None
    pieces = []
    for name, opening in layout:
        value = getattr(model, name)
        kind = type(value)
        if kind is str:
            text = encode_basestring(value)
        elif kind is int:
            text = int.__repr__(value)
        elif value is None:
            text = "null"
        elif kind is dt.date:  # a document's date
            text = '"' + value.isoformat() + '"'
        elif isinstance(value, Enum) and type(value.value) is str:
            text = encode_basestring(value.value)
        elif isinstance(value, BaseModel):
            text = _model_text(value, level + 1)
            if text is None:
                return None
        else:
            value = plain_value(value)
            if isinstance(value, (dict, list)):
                return None
            text = _scalar(value)
        pieces.append(opening)
        pieces.append(text)
    pieces.append("\n" + INDENT * level + "}")
    return "".join(pieces)


@lru_cache(maxsize=None)
def _layout(model_type: type, level: int) -> tuple[tuple[str, str], ...] | None:
    """Each field of a model's record with the text before its value at `level` ('{' or ',', the indent, the key)."""
    names = record_fields(model_type)
    if not names:
        return None
    inner = "\n" + INDENT * (level + 1)
    return tuple((name, ("{" if i == 0 else ",") + inner + _key(name)) for i, name in enumerate(names))


def render(result: CheckResult, claims: str = "all") -> str:
    pieces: list[str] = []
    write(result, pieces.append, claims)
    return "".join(pieces)


def write_indented(value, out, level: int = 0) -> None:
    """json.dumps(value, indent=2, ensure_ascii=False), written piece by piece to `out`.

    The standard library encodes indented JSON in pure Python; this does the
    same walk with fewer calls per value (tests/test_report_json.py compares both).
    """
    if isinstance(value, dict):
        if not value:
            out("{}")
            return
        inner = "\n" + INDENT * (level + 1)
        separator = "{" + inner
        for key, item in value.items():
            if isinstance(item, (dict, list, Stream)):
                out(separator + _key(key))
                write_indented(item, out, level + 1)
            else:
                out(separator + _key(key) + _scalar(item))
            separator = "," + inner
        out("\n" + INDENT * level + "}")
    elif isinstance(value, Stream):
        _write_stream(value, out, level)
    elif isinstance(value, list):
        if not value:
            out("[]")
            return
        inner = "\n" + INDENT * (level + 1)
        if set(map(type, value)) == {str}:  # a group's claim ids: thousands in an archive's agreements
            out("[" + inner + ("," + inner).join(map(encode_basestring, value)) + "\n" + INDENT * level + "]")
            return
        separator = "[" + inner
        for item in value:
            if isinstance(item, (dict, list, Stream)):
                out(separator)
                write_indented(item, out, level + 1)
            else:
                out(separator + _scalar(item))
            separator = "," + inner
        out("\n" + INDENT * level + "]")
    else:
        out(_scalar(value))


def _write_stream(stream: Stream, out, level: int, batch: int = 512) -> None:
    """A Stream's texts, joined a batch at a time: one piece per item would be a call per claim."""
    if stream.empty:
        out("[]")
        return
    separator = ",\n" + INDENT * (level + 1)
    texts = iter(stream)
    opening = "[\n" + INDENT * (level + 1)
    while chunk := list(islice(texts, batch)):
        if type(chunk[0]) is bytes:
            out(opening.encode() + separator.encode().join(chunk))
        else:
            out(opening + separator.join(chunk))
        opening = separator
    out("\n" + INDENT * level + "]")


_KEYS: dict[str, str] = {}


def _key(key: str) -> str:
    encoded = _KEYS.get(key)
    if encoded is None:
        encoded = _KEYS[key] = encode_basestring(key) + ": "
    return encoded


def _scalar(value) -> str:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    return json.dumps(value)
