"""Loading rules/: every *.toml file may hold vocabulary tables and `[rules.ID]` tables.

Errors name the file, the rule or table, the field, and where possible the line.
A rules directory given by the user replaces the default one; nothing falls back.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Union, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .errors import CheckerError
from .files import read_toml
from .vocabulary import Vocabulary

RULE_ID = re.compile(r"^FC\d{3}$")
VOCABULARY_TABLES = ("countries", "alliances", "series", "forces", "roles")


class RuleBase(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

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


RULE_TYPES = (FoundingYearRule, SeriesCadenceRule, QuantityRule, OfficeHolderRule)
Rule = Annotated[Union[RULE_TYPES], Field(discriminator="comparison")]
RULE_ADAPTER: TypeAdapter = TypeAdapter(Rule)
# The `comparison` values a rule may name, for messages: each rule type's one literal.
COMPARISON_NAMES = tuple(get_args(model.model_fields["comparison"].annotation)[0] for model in RULE_TYPES)


class RuleSet(BaseModel):
    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True, defer_build=True)

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
    # [ \t]*, not \s*: at the start of a blank line \s* would match the line break and count one line early.
    pattern = re.compile(rf'^[ \t]*\[[ \t]*{re.escape(table)}[ \t]*\.[ \t]*["\']?{re.escape(key)}["\']?[ \t]*\]', re.M)
    found = pattern.search(raw)
    return raw.count("\n", 0, found.start()) + 1 if found else None


def _field_line(raw: str, table_line: int | None, field: str) -> int | None:
    """The line of `field = ...` in the table whose header is on `table_line`."""
    if table_line is None:
        return None
    lines = raw.splitlines()
    for index in range(table_line, len(lines)):
        if lines[index].lstrip().startswith("["):
            return None
        if re.match(rf"[ \t]*{re.escape(field)}[ \t]*=", lines[index]):
            return index + 1
    return None


@dataclass(frozen=True)
class RuleFile:
    path: Path
    raw: str
    data: dict

    def where(self, table: str, key: str, field: str | None = None) -> str:
        """`path:line` of a table entry, or of one of its fields when the file has it."""
        line = _line_of(self.raw, table, key)
        line = (_field_line(self.raw, line, field) if field else None) or line
        return f"{self.path}:{line}" if line else str(self.path)


def _problem(error: ValidationError) -> tuple[str, str]:
    """The field and the message of a validation error's first problem, without pydantic's union tags."""
    first = error.errors()[0]
    loc = [str(part) for part in first["loc"]]
    if loc and loc[0] in COMPARISON_NAMES:
        loc = loc[1:]
    expected = ", ".join(COMPARISON_NAMES)
    if first["type"] == "union_tag_invalid":
        return "comparison", f"unknown comparison {first['ctx']['tag']!r}; expected one of {expected}"
    if first["type"] == "union_tag_not_found":
        return "comparison", f"missing; expected one of {expected}"
    field = ".".join(loc) or "value"
    if first["type"] in ("missing", "extra_forbidden"):
        return field, first["msg"]
    return field, f"{first['msg']} (got {first['input']!r})"


def _read_rule_file(path: Path) -> RuleFile:
    raw, data = read_toml(path, "rules")
    unknown = sorted(set(data) - set(VOCABULARY_TABLES) - {"rules"})
    if unknown:
        raise CheckerError(f"{path}: unknown table(s) {', '.join(unknown)}; expected {', '.join(VOCABULARY_TABLES)} or rules")
    for table in (*VOCABULARY_TABLES, "rules"):
        if not isinstance(data.get(table, {}), dict):
            raise CheckerError(f"{path}: {table} = {data[table]!r} must be a table: [{table}.NAME]")
    return RuleFile(path, raw, data)


def _rule(file: RuleFile, rule_id: str, body: object) -> Rule:
    """One `[rules.ID]` table, validated; errors name the file, the line, the rule id and the field."""
    where = file.where("rules", rule_id)
    if not RULE_ID.match(rule_id):
        raise CheckerError(f"{where}: rule id {rule_id!r} must look like FC101")
    if not isinstance(body, dict):
        raise CheckerError(f"{where}: rule {rule_id} must be a table")
    if "id" in body:
        raise CheckerError(f"{file.where('rules', rule_id, 'id')}: rule {rule_id}: field 'id' is taken from the table name; remove it")
    try:
        return RULE_ADAPTER.validate_python({**body, "id": rule_id, "source": file.path.name})
    except ValidationError as exc:
        field, message = _problem(exc)
        raise CheckerError(f"{file.where('rules', rule_id, field)}: rule {rule_id}: {field}: {message}") from None


def _vocabulary(merged: dict[str, dict], origin: dict[tuple[str, str], RuleFile]) -> Vocabulary:
    try:
        return Vocabulary.model_validate(merged)
    except ValidationError as exc:
        field, message = _problem(exc)
        table, key, *rest = field.split(".") + ["", ""]
        file = origin.get((table, key))
        where = file.where(table, key, rest[0] or None) if file else "rules"
        raise CheckerError(f"{where}: {field}: {message}") from None


def load_rules(directory: Path | None = None) -> RuleSet:
    """Every rules/*.toml file; the first problem stops the run, nothing falls back to the defaults."""
    directory = directory or default_rules_dir()
    if not directory.is_dir():
        raise CheckerError(f"{directory}: rules directory not found")
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise CheckerError(f"{directory}: no *.toml rule files")
    merged: dict[str, dict] = {name: {} for name in VOCABULARY_TABLES}
    origin: dict[tuple[str, str], RuleFile] = {}
    rules = []
    files = [_read_rule_file(path) for path in paths]
    for file in files:
        for table in (*VOCABULARY_TABLES, "rules"):
            for key, value in file.data.get(table, {}).items():
                if (table, key) in origin:
                    first = origin[(table, key)]
                    what = f"duplicate rule id {key}" if table == "rules" else f"{table}.{key} is defined twice"
                    first_where = first.where(table, key).replace(f"{first.path.parent}/", "", 1)
                    raise CheckerError(f"{file.where(table, key)}: {what} (first defined in {first_where})")
                origin[(table, key)] = file
                if table == "rules":
                    rules.append(_rule(file, key, value))
                else:
                    merged[table][key] = value
    vocabulary = _vocabulary(merged, origin)
    digest_parts = [f"{file.path.name}\0{file.raw}" for file in files]
    fingerprint = hashlib.sha256("\0\0".join(digest_parts).encode()).hexdigest()[:16]
    return RuleSet(rules=sorted(rules, key=lambda r: r.id), vocabulary=vocabulary, fingerprint=fingerprint)
