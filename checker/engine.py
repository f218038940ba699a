"""The core loop: documents -> claims -> (rule × subject) comparisons -> sorted findings."""

from __future__ import annotations

import hashlib
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .cache import CACHE_DIR_NAME, ClaimCache, FindingMemo, compare_fingerprint, corpus_key, extractor_fingerprint
from .corpus import Corpus, corpus_root, plan_corpus
from .halves import in_two_halves
from .models import VERDICT_ORDER, Claim, Finding, Group
from .pipeline import extract_corpus, fewer_collections, warm_worker
from .progress import Progress
from .rows import Claims
from .rules import RuleSet, load_rules

if TYPE_CHECKING:
    from .baseline import BaselineComparison
    from .claim_texts import ClaimTexts


class Timings(dict):
    """Seconds spent in each stage (load, extract, compare, report), in the order they ran."""

    @contextmanager
    def stage(self, name: str):
        started = time.perf_counter()
        try:
            yield
        finally:
            self[name] = self.get(name, 0.0) + time.perf_counter() - started


@dataclass
class CheckResult:
    corpus: Corpus
    rules: RuleSet
    claims: Claims
    findings: list[Finding]
    # Set when the check is held against a baseline: new / known / resolved.
    baseline: BaselineComparison | None = None
    timings: Timings = field(default_factory=Timings)
    cache: ClaimCache | None = None
    memo: FindingMemo | None = None
    # Set by a JSON report that lists every claim, when the cache is on.
    texts: ClaimTexts | None = None

    @property
    def undated(self) -> list[Claim]:
        """Claims left out of every comparison because neither the text nor the document dates them."""
        return self.claims.undated()


def finding_id(rule_id: str, verdict: str, subject: str, groups: list[Group], claims_by_id: dict[str, Claim]) -> str:
    """Stable across runs and file order: rule, verdict, subject and each group's value and documents."""
    parts = [rule_id, verdict, subject]
    for group in groups:
        docs = sorted({claims_by_id[c].doc for c in group.claims})
        parts.append(group.value + "@" + ",".join(docs))
    return "F" + hashlib.sha1("\0".join(parts).encode()).hexdigest()[:8]


def compare_rows(claims: Claims, rules: RuleSet, memo: FindingMemo | None) -> list[Finding]:
    """Every rule over every subject of the claims, building only the claims of the subjects the memo
    has no findings for: a re-run compares only the subjects on which some article's claims changed."""
    places = claims.by_subject()
    findings: list[Finding] = []
    to_compare: list[tuple] = []  # (rule, subject, places of its claims, memo signature)
    for rule in rules.rules:
        by_subject: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for kind, subject in places:
            if kind in rule.kinds:
                by_subject[subject].extend(places[kind, subject])
        for subject in sorted(by_subject):
            members = sorted(by_subject[subject])
            documents = sorted({doc for doc, _ in members})
            signature = memo.signature(rule.id, subject, [claims.doc_ids[doc] for doc in documents],
                                       [claims.digests[doc] for doc in documents]) if memo else None
            found = memo.get(rule.id, subject, signature) if signature else None
            if found is None:
                to_compare.append((rule, subject, members, signature))
            else:
                findings.extend(found)

    def compare(task: tuple) -> list[dict]:
        rule, subject, members, _ = task
        found = subject_findings(rule, subject, [claims.claim_at(*place) for place in members], rules)
        return [finding.model_dump(mode="json") for finding in found]

    # The subjects are independent: a large comparison takes two cores (see halves.py).
    for (rule, subject, _, signature), records in zip(to_compare, in_two_halves(to_compare, compare, lambda task: len(task[2]))):
        if signature:
            memo.put(rule.id, subject, signature, records)
        findings.extend(Finding.model_validate(record) for record in records)
    return sorted(findings, key=finding_order)


def subject_findings(rule, subject: str, members: list[Claim], rules: RuleSet) -> list[Finding]:
    """One rule's findings on one subject's claims."""
    from .compare import COMPARISONS  # here: a re-run that reuses every finding imports no comparison

    by_id = {c.id: c for c in members}
    subject_claims = sorted(members, key=lambda c: (c.doc, c.span.start, c.id))
    findings = []
    for outcome in COMPARISONS[rule.comparison](rule, subject_claims, rules.vocabulary):
        groups = [Group(value=value, claims=[c.id for c in grouped]) for value, grouped in outcome.groups]
        findings.append(Finding(
            id=finding_id(rule.id, outcome.verdict.value, subject, groups, by_id),
            rule=rule.id,
            verdict=outcome.verdict,
            kind="+".join(rule.kinds),
            subject=subject,
            message=outcome.message,
            groups=groups,
        ))
    return findings


def finding_order(finding: Finding) -> tuple:
    return VERDICT_ORDER[finding.verdict], finding.subject, finding.rule, finding.id


@dataclass
class Options:
    """How to run a check; the defaults suit a library caller (texts kept, nothing written)."""

    jobs: int = 1
    cache: bool = False
    cache_dir: Path | None = None  # default: .factcheck-cache next to the corpus root
    keep_texts: bool = True
    progress: bool | None = False  # None: when stderr is a terminal


def check(paths: list[Path], rules_dir: Path | None = None, manifest: Path | None = None,
          options: Options | None = None) -> CheckResult:
    options = options or Options()
    with fewer_collections():
        return _check(paths, rules_dir, manifest, options)


def _check(paths: list[Path], rules_dir: Path | None, manifest: Path | None, options: Options) -> CheckResult:
    timings = Timings()
    with timings.stage("load"):
        rules = load_rules(rules_dir)
        cache = ready = None
        if options.cache and paths:
            directory = options.cache_dir or corpus_root(paths).resolve().parent / CACHE_DIR_NAME
            cache = ClaimCache(directory, extractor_fingerprint(rules.fingerprint), corpus_key(paths))
            # One worker starts before the walk, so that it has that long to get ready: a re-run has few
            # articles to extract and wants them soon; a first run's other workers take the patterns it stores.
            if options.jobs > 1:
                ready = warm_worker(rules.vocabulary, cache.patterns)
        try:
            plan = plan_corpus(paths, manifest)
            if cache is not None:
                cache.load()
        except BaseException:
            if ready is not None:
                ready.end()
            raise
    progress = Progress(total=len(plan.articles), enabled=options.progress)
    try:
        with timings.stage("extract"):
            extracted = extract_corpus(plan, rules.vocabulary, jobs=options.jobs, cache=cache,
                                       keep_texts=options.keep_texts, progress=progress, ready=ready)
    finally:
        progress.close()
    with timings.stage("extract"):
        if cache is not None:
            save_quietly(cache, plan.unlisted)
            cache.release()
        claims = extracted.claims()
    corpus = Corpus(root=plan.root, documents=extracted.documents, skipped=extracted.skipped, warnings=plan.corpus_warnings(extracted.notes))
    with timings.stage("compare"):
        memo = FindingMemo(cache.path.parent, compare_fingerprint(), corpus_key(paths)) if cache is not None else None
        if memo is not None:
            memo.load()
        findings = compare_rows(claims, rules, memo)
        if memo is not None:
            save_quietly(memo, corpus.warnings)
    return CheckResult(corpus, rules, claims, findings, timings=timings, cache=cache, memo=memo)


def save_quietly(cache: ClaimCache | FindingMemo | ClaimTexts, warnings: list[str]) -> None:
    """A cache that cannot be written costs the next run time, not this one its report."""
    try:
        cache.save()
    except OSError as exc:
        warnings.append(f"{cache.path}: cannot write the {cache.label}: {exc.strerror or exc}")
