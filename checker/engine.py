"""The core loop: documents -> claims -> (rule × subject) comparisons -> sorted findings."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .compare import COMPARISONS
from .corpus import Corpus, load_corpus
from .extract import extract_document
from .models import VERDICT_ORDER, Claim, Finding, Group
from .rules import RuleSet, load_rules

if TYPE_CHECKING:
    from .baseline import BaselineComparison


@dataclass
class CheckResult:
    corpus: Corpus
    rules: RuleSet
    claims: list[Claim]
    findings: list[Finding]
    # Set when the check is held against a baseline: new / known / resolved.
    baseline: BaselineComparison | None = None

    @property
    def undated(self) -> list[Claim]:
        """Claims left out of every comparison because neither the text nor the document dates them."""
        return [c for c in self.claims if c.time is None]


def finding_id(rule_id: str, verdict: str, subject: str, groups: list[Group], claims_by_id: dict[str, Claim]) -> str:
    """Stable across runs and file order: rule, verdict, subject and each group's value and documents."""
    parts = [rule_id, verdict, subject]
    for group in groups:
        docs = sorted({claims_by_id[c].doc for c in group.claims})
        parts.append(group.value + "@" + ",".join(docs))
    return "F" + hashlib.sha1("\0".join(parts).encode()).hexdigest()[:8]


def compare_claims(claims: list[Claim], rules: RuleSet) -> list[Finding]:
    by_id = {c.id: c for c in claims}
    findings: list[Finding] = []
    for rule in rules.rules:
        by_subject: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            if claim.kind in rule.kinds:
                by_subject[claim.subject].append(claim)
        comparison = COMPARISONS[rule.comparison]
        for subject in sorted(by_subject):
            subject_claims = sorted(by_subject[subject], key=lambda c: (c.doc, c.span.start, c.id))
            for outcome in comparison(rule, subject_claims, rules.vocabulary):
                groups = [Group(value=value, claims=[c.id for c in members]) for value, members in outcome.groups]
                findings.append(Finding(
                    id=finding_id(rule.id, outcome.verdict.value, subject, groups, by_id),
                    rule=rule.id,
                    verdict=outcome.verdict,
                    kind="+".join(rule.kinds),
                    subject=subject,
                    message=outcome.message,
                    groups=groups,
                ))
    return sorted(findings, key=lambda f: (VERDICT_ORDER[f.verdict], f.subject, f.rule, f.id))


def check(paths: list[Path], rules_dir: Path | None = None, manifest: Path | None = None) -> CheckResult:
    rules = load_rules(rules_dir)
    corpus = load_corpus(paths, manifest)
    claims = [claim for doc in corpus.documents for claim in extract_document(doc, rules.vocabulary)]
    claims.sort(key=lambda c: (c.doc, c.span.start, c.span.end, c.kind))
    return CheckResult(corpus, rules, claims, compare_claims(claims, rules))
