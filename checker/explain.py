"""Why a finding says what it says: from each claim's sentence and date to the verdict, step by step.

The numbers come from the comparison modules themselves (`implied_founding`,
`implied_offset`, `admitted_counts`, `cluster`), so an explanation cannot drift
from the check it explains; this module only puts the arithmetic into words.
"""

from __future__ import annotations

import difflib
import math
import re

from .compare.founding import implied_founding
from .compare.office import holder_name
from .compare.outcome import Cluster, Reading, cluster, number, overlap, span_label
from .compare.quantity import admitted_counts
from .compare.series_cadence import FALLBACK, implied_offset, numbered_years
from .engine import CheckResult
from .errors import CheckerError
from .models import Claim, Document, Finding, Qualifier, Verdict
from .report.records import date_source_label, location, sentence_of
from .timeparse import days_apart
from .vocabulary import Series, Vocabulary

CLOSEST_MATCHES = 3


def find_finding(findings: list[Finding], wanted: str) -> Finding:
    """The finding whose id is `wanted` or starts with it (case-insensitive); else a CheckerError."""
    prefix = wanted.strip()
    matching = [f for f in findings if prefix and f.id.lower().startswith(prefix.lower())]
    if len(matching) == 1:
        return matching[0]
    if len(matching) > 1:
        raise CheckerError(f"finding id {prefix!r} is ambiguous: {', '.join(f.id for f in matching)}")
    ids = [f.id for f in findings]
    closest = difflib.get_close_matches(prefix, ids, n=CLOSEST_MATCHES, cutoff=0.0)
    hint = f"; closest: {', '.join(closest)}" if closest else "; the corpus has no findings"
    raise CheckerError(f"no finding with id {prefix!r}{hint}")


# --- what one claim implies, per comparison ---------------------------------

def founding_implication(claim: Claim, rule, vocabulary: Vocabulary | None) -> str:
    reading = implied_founding(claim, rule.loose_years)
    if reading is None:
        return "nothing: the claim has no time, so it takes no part"
    if claim.kind == "treaty_year":
        return f"founded {span_label(*reading.strict)} (the treaty's year)"
    said_in, age = claim.time[:4], claim.value
    last = {"ordinal": f"{said_in} − {age}", "nth_year": f"{said_in} − {age} + 1"}.get(claim.form, f"{said_in} − {age}")
    first = {"ordinal": last, "nth_year": f"{said_in} − {age}"}.get(claim.form, f"{said_in} − {age} − 1")
    if claim.qualifier is Qualifier.at_least:
        arithmetic = f"no later than {last}"
    elif claim.qualifier is Qualifier.at_most:
        arithmetic = f"{said_in} − {age} … {said_in} − {age} + 3"
    else:
        arithmetic = first if first == last else f"{first} … {last}"
    text = f"founded {arithmetic} = {span_label(*reading.strict)}"
    if reading.loose != reading.strict:
        text += f"; a round age, so ± {rule.loose_years} years: loosely {span_label(*reading.loose)}"
    return text


def series_of(claim: Claim, vocabulary: Vocabulary | None) -> Series:
    return vocabulary.series.get(claim.subject.split(":", 1)[-1], FALLBACK) if vocabulary else FALLBACK


def series_implication(claim: Claim, rule, vocabulary: Vocabulary | None) -> str:
    series = series_of(claim, vocabulary)
    reading = implied_offset(claim, series, rule.tolerance)
    if reading is None:
        return "nothing: the claim has no time, so it takes no part"
    year = int(claim.time[:4])
    counted = numbered_years(series, year)
    years = str(year) if counted == year else f"{counted} (numbered years to {year})"
    text = f"series offset = {claim.value} − {series.per_year} × {years} = {span_label(*reading.strict)}"
    if series.per_year == 1 and counted == year:
        text += f", as if the 1st had been held in {number(1 - reading.strict[1])}"
    return text


def spread(count: float, bounds: tuple[float, float]) -> str:
    """"28,500 ± 5% = 27,075–29,925" when the interval is symmetric about the count, else the interval."""
    lo, hi = bounds
    if math.isinf(lo) or math.isinf(hi) or not math.isclose(count - lo, hi - count):
        return span_label(*bounds)
    return f"{number(count)} ± {(hi - count) / count:.0%} = {span_label(*bounds)}"


def quantity_implication(claim: Claim, rule, vocabulary: Vocabulary | None) -> str:
    reading = admitted_counts(claim, rule.relative_tolerance, rule.loose_tolerance)
    count = float(claim.value)
    said = f"{claim.qualifier.value.replace('_', ' ')} {number(count)}"
    return f"{said}: admits {spread(count, reading.strict)}; loosely {spread(count, reading.loose)}"


def office_implication(claim: Claim, rule, vocabulary: Vocabulary | None) -> str:
    office = claim.subject.split(":", 1)[-1]
    when = claim.time or "an unknown time"
    acting = "acting " if claim.qualifier is Qualifier.acting else ""
    return f"{claim.person or claim.value} is {acting}{office} at {when}"


# What the intervals of each comparison measure, for the sentences that compare groups.
MEASURES = {"founding_year": "founding year", "series_cadence": "series offset", "quantity": "count"}

IMPLICATIONS = {
    "founding_year": founding_implication,
    "series_cadence": series_implication,
    "quantity": quantity_implication,
    "office_holder": office_implication,
}


def implication(claim: Claim, rule, vocabulary: Vocabulary | None = None) -> str:
    """What one claim says about its subject under `rule`: "founded 2023 − 70 = 1953"."""
    return IMPLICATIONS[rule.comparison](claim, rule, vocabulary)


def reading_of(claim: Claim, rule, vocabulary: Vocabulary | None) -> Reading | None:
    if rule.comparison == "founding_year":
        return implied_founding(claim, rule.loose_years)
    if rule.comparison == "series_cadence":
        return implied_offset(claim, series_of(claim, vocabulary), rule.tolerance)
    if rule.comparison == "quantity":
        return admitted_counts(claim, rule.relative_tolerance, rule.loose_tolerance)
    return None


# --- how a claim's time was found -------------------------------------------

def time_resolution(claim: Claim) -> str:
    note = claim.time_note
    if claim.time is None:
        return "unknown (the document has no date)"
    if note == "article date":
        return f"the document date, {claim.time}"
    if note.startswith("“"):
        return f"{note} → {claim.time}"
    if not note:
        return f"{claim.time}, stated in the sentence"
    return f"{claim.time} ({note})"


def document_date(document: Document, manifest_name: str) -> str:
    if document.published is None:
        return "none found"
    return f"{document.published.isoformat()} from {date_source_label(document, manifest_name)}"


def one_line(text: str) -> str:
    """Context on one line: runs of whitespace, line breaks included, become one space."""
    return re.sub(r"\s+", " ", text)


def claim_lines(number_in_group: int, claim: Claim, document: Document, rule, vocabulary, manifest_name: str) -> list[str]:
    before, span, after = sentence_of(document.text, claim)
    return [
        f"  {number_in_group}. {location(claim)}  {claim.kind} {claim.id}",
        f"     sentence: {one_line(before)}«{span}»{one_line(after)}",
        f"     document date: {document_date(document, manifest_name)}",
        f"     time: {time_resolution(claim)}",
        f"     implies: {implication(claim, rule, vocabulary)}",
    ]


# --- why the groups conflict or agree ----------------------------------------

def group_cluster(claims: list[Claim], rule, vocabulary) -> Cluster | None:
    """A group's claims folded the way the comparison folded them: its strict and loose intervals."""
    readings = [r for r in (reading_of(c, rule, vocabulary) for c in claims) if r]
    return cluster(readings)[0] if readings else None


def bounds_text(folded: Cluster) -> str:
    """A group's admitted values, with the loose ones when approximations widen them."""
    if folded.loose == folded.strict:
        return span_label(*folded.strict)
    return f"{span_label(*folded.strict)} (loosely {span_label(*folded.loose)})"


def interval_reasons(finding: Finding, groups: list[list[Claim]], rule, vocabulary) -> list[str]:
    folded = [group_cluster(g, rule, vocabulary) for g in groups]
    main = folded[0]
    measure = MEASURES[rule.comparison]
    if finding.verdict is Verdict.agreement:
        docs = sorted({c.doc for c in groups[0]})
        return [f"The claims of {len(docs)} documents ({', '.join(docs)}) all admit {measure} "
                f"{span_label(*main.strict)}: agreement."]
    lines = ["Group 1 is the reference: it has the most documents, then the most claims, then the narrowest values."]
    for index, other in enumerate(folded[1:], start=2):
        shared = overlap(main.loose, other.loose)
        head = (f"Group 1 admits {measure} {bounds_text(main)}; group {index} admits {bounds_text(other)}: "
                "no common value")
        if shared is None:
            lines.append(f"{head}, not even loosely: contradiction.")
        else:
            lines.append(f"{head}, but loosely they share {span_label(*shared)}: discrepancy, not contradiction.")
    return lines


def closest_days(a: list[Claim], b: list[Claim]) -> int | None:
    gaps = [days_apart(x.time, y.time) for x in a for y in b if x.time and y.time]
    return min(gaps) if gaps else None


def office_reasons(finding: Finding, groups: list[list[Claim]], rule, vocabulary) -> list[str]:
    names = [holder_name(g) for g in groups]
    if finding.verdict is Verdict.agreement:
        docs = sorted({c.doc for c in groups[0]})
        return [f"{names[0]} is named by {len(docs)} documents ({', '.join(docs)}) "
                f"and no one else within {rule.window_days} days: agreement."]
    lines = []
    for i in range(len(groups) - 1):
        gap = closest_days(groups[i], groups[i + 1])
        apart = "no comparable dates" if gap is None else f"{gap:,} days apart at the closest"
        if finding.verdict is Verdict.contradiction:
            lines.append(f"{names[i]} and {names[i + 1]}: {apart}, within window_days = {rule.window_days}; "
                         "an office has one holder at a time: contradiction.")
        else:
            lines.append(f"{names[i]} and {names[i + 1]}: {apart}, more than window_days = {rule.window_days}: "
                         "one followed the other, a succession.")
    return lines


def reasons(finding: Finding, groups: list[list[Claim]], rule, vocabulary) -> list[str]:
    if rule.comparison == "office_holder":
        return office_reasons(finding, groups, rule, vocabulary)
    return interval_reasons(finding, groups, rule, vocabulary)


# --- the whole explanation ---------------------------------------------------

def rule_lines(rule, finding: Finding, vocabulary: Vocabulary | None) -> list[str]:
    params = rule.model_dump(exclude={"id", "description", "kinds", "severity", "source", "comparison"})
    lines = [f"Rule {rule.id} ({rule.comparison}, {rule.source}): {rule.description}",
             "  " + (", ".join(f"{k} = {v}" for k, v in params.items()) or "no parameters")]
    if rule.comparison == "series_cadence":
        series = vocabulary.series.get(finding.subject.split(":", 1)[-1], FALLBACK) if vocabulary else FALLBACK
        skipped = ", ".join(str(y) for y in series.unnumbered_years) or "none"
        lines.append(f"  series {finding.subject.split(':', 1)[-1]}: {series.per_year} a year, "
                     f"ordinal = {series.per_year} × numbered years + offset; unnumbered years: {skipped}")
    return lines


def explain(result: CheckResult, finding: Finding, manifest_name: str = "corpus.toml") -> list[str]:
    """The derivation of one finding, line by line, ready to print."""
    rule = next(r for r in result.rules.rules if r.id == finding.rule)
    vocabulary = result.rules.vocabulary
    claims = {c.id: c for c in result.claims}
    documents = {d.id: d for d in result.corpus.documents}
    groups = [[claims[c] for c in group.claims] for group in finding.groups]
    lines = [f"Finding {finding.id}: {finding.verdict.value} ({finding.rule}, {finding.subject})",
             f"  {finding.message}", ""]
    lines += rule_lines(rule, finding, vocabulary)
    for index, (group, members) in enumerate(zip(finding.groups, groups), start=1):
        lines += ["", f"Group {index} of {len(groups)}: {group.value}"]
        for position, claim in enumerate(members, start=1):
            lines += claim_lines(position, claim, documents[claim.doc], rule, vocabulary, manifest_name)
        folded = group_cluster(members, rule, vocabulary)
        if folded is not None:
            lines.append(f"  together: {bounds_text(folded)}")
    lines += ["", "Why:"] + [f"  {line}" for line in reasons(finding, groups, rule, vocabulary)]
    return lines


__all__ = ["explain", "find_finding", "implication"]
