"""The data types every part of factcheck shares: documents, spans, claims, findings."""

from __future__ import annotations

import datetime as dt
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class Qualifier(str, Enum):
    exact = "exact"
    approximate = "approximate"
    at_least = "at_least"
    at_most = "at_most"
    acting = "acting"


class Verdict(str, Enum):
    contradiction = "contradiction"
    discrepancy = "discrepancy"
    succession = "succession"
    agreement = "agreement"


# Order in which reports list verdicts, and the severity each one carries.
VERDICT_ORDER = {Verdict.contradiction: 0, Verdict.discrepancy: 1, Verdict.succession: 2, Verdict.agreement: 3}
SEVERITY = {Verdict.contradiction: "error", Verdict.discrepancy: "warning", Verdict.succession: "info", Verdict.agreement: "info"}


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Document(Frozen):
    id: str
    published: dt.date | None = None
    date_source: str = "none"  # manifest | front_matter | dateline | none
    text: str = Field(default="", exclude=True, repr=False)


class Span(Frozen):
    start: int
    end: int
    line: int
    column: int
    text: str


class Claim(Frozen):
    """One time-anchored assertion found in one document.

    `time` is an ISO date, `YYYY-MM` or `YYYY`, as precise as the text allows.
    `form` records how the value was phrased (an ordinal, "N years", "decades"...),
    which the comparisons need; `person` is the canonical key of an office holder.
    """

    id: str
    doc: str
    kind: str
    subject: str
    value: int | str
    qualifier: Qualifier = Qualifier.exact
    time: str | None = None
    form: str = ""
    person: str | None = None
    time_note: str = ""
    span: Span


class Group(Frozen):
    value: str
    claims: list[str]


class Finding(Frozen):
    id: str
    rule: str
    verdict: Verdict
    kind: str
    subject: str
    message: str
    groups: list[Group]


class Skipped(Frozen):
    path: str
    reason: str


def trusted_constructor(model_type: type[BaseModel]):
    """A faster `model_type.model_construct` for trusted values given for every field, in field order.

    model_construct looks up aliases and defaults field by field; an archive
    builds hundreds of thousands of claims. The shortcut is checked against
    model_construct once, and model_construct is used if they ever differ
    (a pydantic upgrade, a model with aliases or a post-init).
    """
    def construct(**values):
        model = model_type.__new__(model_type)
        object.__setattr__(model, "__dict__", values)
        object.__setattr__(model, "__pydantic_fields_set__", set(values))
        object.__setattr__(model, "__pydantic_extra__", None)
        object.__setattr__(model, "__pydantic_private__", None)
        return model

    sample = {name: f"{name}-value" for name in model_type.model_fields}
    reference, shortcut = model_type.model_construct(**sample), construct(**sample)
    same = all(getattr(reference, slot, None) == getattr(shortcut, slot, None)
               for slot in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))
    plain = not model_type.__pydantic_root_model__ and not model_type.__pydantic_post_init__
    return construct if same and plain else model_type.model_construct
