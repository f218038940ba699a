"""Baselines: a finding's fingerprint, the baseline file, and new / known / resolved.

A fingerprint names what a finding *says*, never where the text sits: the rule,
the verdict, the subject, and for each group of agreeing claims its value and
the documents that hold it. Offsets, lines, claim ids and the corpus directory
are left out, so inserting lines, re-wrapping text, editing other sentences,
listing files in another order or moving the corpus keep it. A changed value,
a document that joins any side of the conflict, or a new subject change it.

The groups are sorted before hashing because which group a comparison lists
first (its "main" group) depends on document counts and can flip when an
article joins; the identity should not.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, ValidationError

from .errors import CheckerError
from .files import NotRegularFile, read_regular_file
from .models import VERDICT_ORDER, Claim, Finding, Verdict
from .output import write_atomic

if TYPE_CHECKING:
    from .engine import CheckResult

BASELINE_VERSION = 1
# Only these verdicts can fail a build, so only they are recorded and marked new / known.
GATED_VERDICTS = (Verdict.contradiction, Verdict.discrepancy)
FAIL_ON_CHOICES = ("contradiction", "discrepancy", "never")
NEW, KNOWN = "new", "known"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class BaselineGroup(Strict):
    value: str
    documents: list[str]


class BaselineEntry(Strict):
    fingerprint: str
    rule: str
    verdict: Verdict
    subject: str
    message: str
    groups: list[BaselineGroup]
    note: str = ""


class Baseline(Strict):
    version: int
    include: list[Verdict]
    entries: list[BaselineEntry]


def normalise_value(value: str) -> str:
    """A group's value with runs of whitespace collapsed: a re-wrapped name is the same name."""
    return " ".join(value.split())


def canonical_groups(finding: Finding, claims_by_id: dict[str, Claim]) -> list[BaselineGroup]:
    groups = [
        BaselineGroup(value=normalise_value(group.value), documents=sorted({claims_by_id[c].doc for c in group.claims}))
        for group in finding.groups
    ]
    return sorted(groups, key=lambda g: (g.value, g.documents))


def fingerprint_of(rule: str, verdict: str, subject: str, groups: list[BaselineGroup]) -> str:
    # JSON keeps the parts unambiguous whatever characters a value or document id holds.
    payload = json.dumps([rule, verdict, subject, [[g.value, g.documents] for g in groups]],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def fingerprint(finding: Finding, claims_by_id: dict[str, Claim]) -> str:
    return fingerprint_of(finding.rule, finding.verdict.value, finding.subject, canonical_groups(finding, claims_by_id))


def entry_for(finding: Finding, claims_by_id: dict[str, Claim], note: str = "") -> BaselineEntry:
    groups = canonical_groups(finding, claims_by_id)
    return BaselineEntry(
        fingerprint=fingerprint_of(finding.rule, finding.verdict.value, finding.subject, groups),
        rule=finding.rule,
        verdict=finding.verdict,
        subject=finding.subject,
        message=finding.message,
        groups=groups,
        note=note,
    )


def entry_order(entry: BaselineEntry) -> tuple:
    return (entry.rule, entry.subject, VERDICT_ORDER[entry.verdict], entry.fingerprint)


def build_baseline(result: CheckResult, include: set[Verdict], previous: Baseline | None = None) -> Baseline:
    """The current findings of the included verdicts; notes carry over from `previous` by fingerprint."""
    notes = {e.fingerprint: e.note for e in previous.entries} if previous else {}
    claims_by_id = {c.id: c for c in result.claims}
    entries: dict[str, BaselineEntry] = {}
    for finding in result.findings:
        if finding.verdict in include:
            entry = entry_for(finding, claims_by_id)
            entries[entry.fingerprint] = entry.model_copy(update={"note": notes.get(entry.fingerprint, "")})
    return Baseline(
        version=BASELINE_VERSION,
        include=sorted(include, key=VERDICT_ORDER.__getitem__),
        entries=sorted(entries.values(), key=entry_order),
    )


def render_baseline(baseline: Baseline) -> str:
    return json.dumps(baseline.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def save_baseline(path: Path, baseline: Baseline) -> None:
    write_atomic(path, render_baseline(baseline))


def _describe(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where or 'value'}: {first['msg']}"


def _parse(path: Path) -> object:
    try:
        raw = read_regular_file(path).decode("utf-8")  # a named pipe would block the run
    except FileNotFoundError:
        raise CheckerError(f"{path}: no such baseline; create it with `factcheck baseline`") from None
    except NotRegularFile as exc:
        raise CheckerError(f"{path}: cannot read baseline: {exc.strerror}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CheckerError(f"{path}: cannot read baseline: {exc}") from None
    if not raw.strip():
        raise CheckerError(f"{path}: baseline is empty; restore it or recreate it with `factcheck baseline`")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CheckerError(f"{path}: corrupt baseline: invalid JSON at line {exc.lineno} column {exc.colno} ({exc.msg})") from None


def load_baseline(path: Path) -> Baseline:
    """Read and verify a baseline; anything short of a valid one is an error, never an empty baseline."""
    data = _parse(path)
    if not isinstance(data, dict) or "version" not in data:
        raise CheckerError(f"{path}: not a factcheck baseline (no version)")
    version = data["version"]
    if type(version) is not int or version != BASELINE_VERSION:
        raise CheckerError(f"{path}: baseline version {version!r} is not supported; this factcheck reads version {BASELINE_VERSION}")
    try:
        baseline = Baseline.model_validate(data)
    except ValidationError as exc:
        raise CheckerError(f"{path}: invalid baseline: {_describe(exc)}") from None
    seen: set[str] = set()
    for number, entry in enumerate(baseline.entries):
        # Only `note` is meant to be edited by hand; a mismatch means the entry was altered or damaged.
        if fingerprint_of(entry.rule, entry.verdict.value, entry.subject, entry.groups) != entry.fingerprint:
            raise CheckerError(f"{path}: entries.{number}: fingerprint {entry.fingerprint} does not match its rule, verdict, subject and groups")
        if entry.fingerprint in seen:
            raise CheckerError(f"{path}: entries.{number}: duplicate fingerprint {entry.fingerprint}")
        seen.add(entry.fingerprint)
    return baseline


@dataclass
class BaselineComparison:
    """A check held against a baseline: each gated finding's status, and the entries no longer seen."""

    status: dict[str, str] = field(default_factory=dict)  # finding id -> "new" | "known"
    fingerprints: dict[str, str] = field(default_factory=dict)  # finding id -> fingerprint
    resolved: list[BaselineEntry] = field(default_factory=list)
    notes: dict[str, str] = field(default_factory=dict)  # finding id -> the baseline entry's note

    def count(self, status: str) -> int:
        return sum(1 for s in self.status.values() if s == status)


def compare_with_baseline(result: CheckResult, baseline: Baseline) -> BaselineComparison:
    by_fingerprint = {e.fingerprint: e for e in baseline.entries}
    claims_by_id = {c.id: c for c in result.claims}
    comparison = BaselineComparison()
    seen: set[str] = set()
    for finding in result.findings:
        if finding.verdict not in GATED_VERDICTS:
            continue
        identity = fingerprint(finding, claims_by_id)
        seen.add(identity)
        comparison.fingerprints[finding.id] = identity
        comparison.status[finding.id] = KNOWN if identity in by_fingerprint else NEW
        if identity in by_fingerprint and by_fingerprint[identity].note:
            comparison.notes[finding.id] = by_fingerprint[identity].note
    comparison.resolved = [e for e in baseline.entries if e.fingerprint not in seen]
    return comparison


def failing_findings(result: CheckResult, fail_on: str) -> list[Finding]:
    """Findings at or above `fail_on` that the baseline (if any) does not know."""
    if fail_on == "never":
        return []
    threshold = VERDICT_ORDER[Verdict(fail_on)]
    known = result.baseline.status if result.baseline else {}
    return [f for f in result.findings
            if f.verdict in GATED_VERDICTS and VERDICT_ORDER[f.verdict] <= threshold and known.get(f.id) != KNOWN]


def describe_update(path: Path, previous: Baseline | None, current: Baseline) -> str:
    before = {e.fingerprint for e in previous.entries} if previous else set()
    after = {e.fingerprint for e in current.entries}
    noun = "entry" if len(after) == 1 else "entries"
    return (f"{path}: {len(after)} {noun} ({len(after - before)} added, {len(after & before)} kept, "
            f"{len(before - after)} dropped)")
