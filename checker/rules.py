"""Loading rules/: every *.toml file may hold vocabulary tables and `[rules.ID]` tables.

Errors name the file, the rule or table, the field, and where possible the line.
A rules directory given by the user replaces the default one; nothing falls back.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .errors import CheckerError
from .vocabulary import Vocabulary

RULE_ID = re.compile(r"^FC\d{3}$")
VOCABULARY_TABLES = ("countries", "alliances", "series", "forces", "roles")


class RuleBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = ""
    description: str
    kinds: list[Literal["anniversary", "treaty_year", "meeting_number", "troop_count", "office_holder"]]
    severity: Literal["error", "warning", "info"] = "error"
    source: str = ""


class FoundingYearRule(RuleBase):
    comparison: Literal["founding_year"]
    loose_years: int = Field(default=2, ge=0, le=50)


class SeriesCadenceRule(RuleBase):
    comparison: Literal["series_cadence"]
    tolerance: int = Field(default=0, ge=0, le=100)


class QuantityRule(RuleBase):
    comparison: Literal["quantity"]
    relative_tolerance: float = Field(default=0.10, ge=0, lt=1)
    loose_tolerance: float = Field(default=0.25, ge=0, lt=1)
    window_days: int = Field(default=366, ge=0)


class OfficeHolderRule(RuleBase):
    comparison: Literal["office_holder"]
    window_days: int = Field(default=31, ge=0)


Rule = Annotated[
    Union[FoundingYearRule, SeriesCadenceRule, QuantityRule, OfficeHolderRule],
    Field(discriminator="comparison"),
]
RULE_ADAPTER: TypeAdapter = TypeAdapter(Rule)


class RuleSet(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    rules: list[Rule]
    vocabulary: Vocabulary
    fingerprint: str = ""


def default_rules_dir() -> Path:
    """rules/ shipped in the wheel (checker/rules), else the source checkout's rules/."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent / "rules"):
        if candidate.is_dir() and any(candidate.glob("*.toml")):
            return candidate
    raise CheckerError("cannot find the default rules directory")


def _line_of(raw: str, table: str, key: str) -> int | None:
    """The line where `[table.key]` (or `[table."key"]`) starts, for error messages."""
    pattern = re.compile(rf'^\s*\[\s*{re.escape(table)}\s*\.\s*"?{re.escape(key)}"?\s*\]', re.M)
    found = pattern.search(raw)
    return raw.count("\n", 0, found.start()) + 1 if found else None


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"] if not str(p).endswith("Rule") and p not in ("function-after",))
    return f"{where or 'value'}: {first['msg']}"


def load_rules(directory: Path | None = None) -> RuleSet:
    directory = directory or default_rules_dir()
    if not directory.is_dir():
        raise CheckerError(f"{directory}: rules directory not found")
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise CheckerError(f"{directory}: no *.toml rule files")
    merged: dict[str, dict] = {name: {} for name in VOCABULARY_TABLES}
    origin: dict[tuple[str, str], str] = {}
    rules = []
    digest_parts = []
    for path in files:
        try:
            raw = path.read_text(encoding="utf-8")
            data = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            raise CheckerError(f"{path}: malformed TOML: {exc}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise CheckerError(f"{path}: cannot read: {exc}") from None
        digest_parts.append(f"{path.name}\0{raw}")
        unknown = sorted(set(data) - set(VOCABULARY_TABLES) - {"rules"})
        if unknown:
            raise CheckerError(f"{path}: unknown table(s) {', '.join(unknown)}; expected {', '.join(VOCABULARY_TABLES)} or rules")
        for table in VOCABULARY_TABLES:
            for key, value in data.get(table, {}).items():
                if (table, key) in origin:
                    raise CheckerError(f"{path}: {table}.{key} is already defined in {origin[(table, key)]}")
                origin[(table, key)] = path.name
                merged[table][key] = value
        for rule_id, body in data.get("rules", {}).items():
            line = _line_of(raw, "rules", rule_id)
            where = f"{path}:{line}" if line else str(path)
            if not RULE_ID.match(rule_id):
                raise CheckerError(f"{where}: rule id {rule_id!r} must look like FC101")
            if ("rules", rule_id) in origin:
                raise CheckerError(f"{where}: duplicate rule id {rule_id} (first defined in {origin[('rules', rule_id)]})")
            origin[("rules", rule_id)] = path.name
            if not isinstance(body, dict):
                raise CheckerError(f"{where}: rule {rule_id} must be a table")
            if "id" in body:
                raise CheckerError(f"{where}: rule {rule_id}: field 'id' is taken from the table name; remove it")
            try:
                rule = RULE_ADAPTER.validate_python({**body, "id": rule_id, "source": path.name})
            except ValidationError as exc:
                raise CheckerError(f"{where}: rule {rule_id}: {_describe(exc)}") from None
            rules.append(rule)
    try:
        vocabulary = Vocabulary.model_validate(merged)
    except ValidationError as exc:
        raise CheckerError(f"{directory}: vocabulary: {_describe(exc)}") from None
    import hashlib

    fingerprint = hashlib.sha256("\0\0".join(digest_parts).encode()).hexdigest()[:16]
    return RuleSet(rules=sorted(rules, key=lambda r: r.id), vocabulary=vocabulary, fingerprint=fingerprint)
