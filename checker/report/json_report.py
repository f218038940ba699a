"""JSON: the contract other tools read (documents, claims, findings); sorted and stable."""

from __future__ import annotations

import json
from json.encoder import encode_basestring

from typing import Callable, Iterable

from ..engine import CheckResult
from .records import claim_record, plain, report_record, shown_claims

INDENT = "  "


class Stream:
    """A list written item by item as it is produced: a report's claims need not all be in memory as records."""

    def __init__(self, items: Iterable, empty: bool):
        self.items = items
        self.empty = empty

    def __iter__(self):
        return iter(self.items)


def write(result: CheckResult, out: Callable[[str], object], claims: str = "all") -> None:
    """The report, exactly as json.dumps(record, indent=2, ensure_ascii=False) writes it, in pieces to `out`."""
    record = report_record(result, claims="none")
    listed = shown_claims(result, claims)
    record["documents"] = Stream(map(plain, result.corpus.documents), not result.corpus.documents)
    record["claims"] = Stream(map(Prewritten, map(claim_text, listed)), not listed)
    write_indented(record, out)
    out("\n")


class Prewritten(str):
    """A value already in its indented JSON form (at the claims' depth in the report)."""


CLAIM_LEVEL = 2  # report -> "claims" list -> claim


def claim_text(claim) -> str:
    """A claim as write_indented puts it at CLAIM_LEVEL, in one go: claims are most of a report.

    Scalars and nested models (the span) take the template; anything else goes
    the general way, so a field added to Claim can never be written wrong.
    """
    record = claim_record(claim)
    lines = []
    if not _flat_with_models(record):
        pieces: list[str] = []
        write_indented(record, pieces.append, CLAIM_LEVEL)
        return "".join(pieces)
    _template_lines(record, CLAIM_LEVEL, lines)
    return "".join(lines)


def _flat_with_models(record: dict) -> bool:
    return all(not isinstance(v, (list, Stream)) and (not isinstance(v, dict) or (v and _flat_with_models(v)))
               for v in record.values()) and bool(record)


def _template_lines(record: dict, level: int, lines: list) -> None:
    inner = "\n" + INDENT * (level + 1)
    separator = "{" + inner
    for key, item in record.items():
        if isinstance(item, dict):
            lines.append(separator + _key(key))
            _template_lines(item, level + 1, lines)
        else:
            lines.append(separator + _key(key) + _scalar(item))
        separator = "," + inner
    lines.append("\n" + INDENT * level + "}")


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
    elif isinstance(value, (list, Stream)):
        if not value if isinstance(value, list) else value.empty:
            out("[]")
            return
        inner = "\n" + INDENT * (level + 1)
        separator = "[" + inner
        for item in value:
            if isinstance(item, Prewritten):
                out(separator + item)
            elif isinstance(item, (dict, list, Stream)):
                out(separator)
                write_indented(item, out, level + 1)
            else:
                out(separator + _scalar(item))
            separator = "," + inner
        out("\n" + INDENT * level + "]")
    else:
        out(_scalar(value))


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
