"""HTML: one self-contained page a reviewer reads in a browser, offline.

Summary, documents, one card per finding with its groups side by side and every
claim in its sentence with the span marked, filters by verdict and claim kind
(inline script, no server), and SVG timelines. Nothing is fetched: the styles
and the script are inlined, and a Content-Security-Policy allows only that one
script, so even an escaping mistake could not run article text. Every piece of
corpus text goes through `markup.text`. The same check gives the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from importlib import resources

from .. import __version__
# The module, not its names: explain uses report.records, so importing either one
# first imports the other while it is half-initialised.
from .. import explain
from ..engine import CheckResult
from ..models import VERDICT_ORDER, Claim, Document, Finding, Verdict
from .markup import text
from .records import baseline_status, date_source_label, sentence_of, summary
from .intervals import interval_charts
from .timeline import office_timelines, series_timelines

VERDICTS = sorted(Verdict, key=lambda v: VERDICT_ORDER[v])
# What a group other than the first is, by the finding's verdict.
OTHER_GROUP_ROLE = {
    Verdict.contradiction: "conflicts with group 1",
    Verdict.discrepancy: "fits group 1 only loosely",
    Verdict.succession: "a later holder",
}


def asset(name: str) -> str:
    return resources.files("checker.report").joinpath("assets", name).read_text(encoding="utf-8")


@dataclass
class Page:
    """The check and the lookups every part of the page needs."""

    result: CheckResult

    @cached_property
    def claims(self) -> dict[str, Claim]:
        return {c.id: c for c in self.result.claims}

    @cached_property
    def documents(self) -> dict[str, Document]:
        return {d.id: d for d in self.result.corpus.documents}

    @cached_property
    def doc_labels(self) -> dict[str, str]:
        """Short names for the timelines: D1, D2… in document order."""
        return {d.id: f"D{i}" for i, d in enumerate(self.result.corpus.documents, start=1)}

    @cached_property
    def rules(self) -> dict:
        return {r.id: r for r in self.result.rules.rules}

    def finding_claims(self, finding: Finding) -> list[Claim]:
        return [self.claims[c] for group in finding.groups for c in group.claims]

    def finding_kinds(self, finding: Finding) -> list[str]:
        return sorted({c.kind for c in self.finding_claims(finding)})


# --- summary and documents -------------------------------------------------------

def summary_section(page: Page) -> str:
    counts = summary(page.result)
    verdicts = Counter(f.verdict for f in page.result.findings)
    kinds = "".join(f"<tr><th scope=\"row\">{text(kind)}</th><td>{n}</td></tr>"
                    for kind, n in counts["claims_by_kind"].items())
    badges = "".join(f'<li><span class="badge {v.value}">{v.value}</span> {verdicts[v]}</li>' for v in VERDICTS)
    skipped = f"<li>{counts['skipped']} files skipped</li>" if counts["skipped"] else ""
    against = counts.get("baseline")
    baseline = (f"<li>against the baseline: <strong>{against['new']}</strong> new, {against['known']} known, "
                f"{against['resolved']} resolved</li>") if against else ""
    return f"""<section id="summary">
<h2>Summary</h2>
<ul class="totals"><li><strong>{counts['documents']}</strong> documents</li><li><strong>{counts['claims']}</strong> claims</li><li><strong>{len(page.result.findings)}</strong> findings</li>{skipped}{baseline}</ul>
<ul class="verdicts">{badges}</ul>
<table class="kinds"><caption>Claims per kind</caption><tbody>{kinds}</tbody></table>
</section>"""


def documents_section(page: Page) -> str:
    per_doc = Counter(c.doc for c in page.result.claims)
    rows = []
    for doc in page.result.corpus.documents:
        published = doc.published.isoformat() if doc.published else "—"
        rows.append(f'<tr><td>{page.doc_labels[doc.id]}</td><td class="doc">{text(doc.id)}</td><td>{published}</td>'
                    f"<td>{text(date_source_label(doc))}</td><td>{per_doc[doc.id]}</td></tr>")
    skipped = "".join(f"<li><span class=\"doc\">{text(s.path)}</span>: {text(s.reason)}</li>" for s in page.result.corpus.skipped)
    skipped_list = f'<h3>Skipped</h3><ul class="skipped">{skipped}</ul>' if skipped else ""
    return f"""<section id="documents">
<h2>Documents</h2>
<table><thead><tr><th></th><th>document</th><th>published</th><th>date from</th><th>claims</th></tr></thead>
<tbody>{''.join(rows)}</tbody></table>{skipped_list}
</section>"""


# --- filters --------------------------------------------------------------------------

def checkbox(name: str, value: str, count: int) -> str:
    return (f'<label><input type="checkbox" name="{name}" value="{text(value)}" checked> '
            f'{text(value.replace("_", " "))} <span class="count">{count}</span></label>')


def filters_section(page: Page) -> str:
    """Shown only when the script runs (it removes `hidden`); without it every card stays visible."""
    findings = page.result.findings
    verdicts = Counter(f.verdict for f in findings)
    kinds = Counter(kind for f in findings for kind in page.finding_kinds(f))
    verdict_boxes = "".join(checkbox("verdict", v.value, verdicts[v]) for v in VERDICTS)
    kind_boxes = "".join(checkbox("kind", kind, n) for kind, n in sorted(kinds.items()))
    return f"""<nav id="filters" hidden aria-label="Filter findings">
<fieldset><legend>Verdict</legend>{verdict_boxes}</fieldset>
<fieldset><legend>Claim kind</legend>{kind_boxes}</fieldset>
<p id="shown" aria-live="polite"></p>
</nav>"""


# --- findings -------------------------------------------------------------------------

def claim_item(page: Page, claim: Claim, rule) -> str:
    document = page.documents[claim.doc]
    before, span, after = sentence_of(document.text, claim)
    published = document.published.isoformat() if document.published else "unknown"
    time = claim.time or "unknown"
    note = f" ← {claim.time_note}" if claim.time_note else ""
    return f"""<li class="claim" data-claim="{text(claim.id)}" data-kind="{text(claim.kind)}">
<blockquote class="sentence">{text(before)}<mark>{text(span)}</mark>{text(after)}</blockquote>
<dl class="meta">
<div><dt>document</dt><dd><span class="doc">{text(claim.doc)}</span> ({page.doc_labels[claim.doc]}), line {claim.span.line}, column {claim.span.column}</dd></div>
<div><dt>published</dt><dd>{published} <span class="source">from {text(date_source_label(document))}</span></dd></div>
<div><dt>time</dt><dd>{text(time)}<span class="source">{text(note)}</span></dd></div>
<div><dt>implies</dt><dd>{text(explain.implication(claim, rule, page.result.rules.vocabulary))}</dd></div>
</dl>
</li>"""


def group_section(page: Page, finding: Finding, index: int, rule) -> str:
    group = finding.groups[index]
    role = "" if index == 0 else OTHER_GROUP_ROLE.get(finding.verdict, "")
    role_note = f' <span class="role">{role}</span>' if role else ""
    items = "\n".join(claim_item(page, page.claims[c], rule) for c in group.claims)
    return f"""<section class="group">
<h4><span class="number">Group {index + 1}</span> {text(group.value)}{role_note}</h4>
<ol class="claims">
{items}
</ol>
</section>"""


def finding_card(page: Page, finding: Finding) -> str:
    rule = page.rules[finding.rule]
    verdict = finding.verdict.value
    groups = "\n".join(group_section(page, finding, i, rule) for i in range(len(finding.groups)))
    return f"""<article class="finding {verdict}" id="{text(finding.id)}" data-verdict="{verdict}" data-kinds="{text(' '.join(page.finding_kinds(finding)))}">
<header>
<span class="badge {verdict}">{verdict}</span>{status_badge(page, finding)}
<h3>{text(finding.subject)}</h3>
<a class="fid" href="#{text(finding.id)}">{text(finding.id)}</a>
</header>
<p class="message">{text(finding.message)}</p>
<p class="rule"><strong>{text(finding.rule)}</strong> {text(rule.comparison)}: {text(rule.description)}</p>
<div class="groups">
{groups}
</div>
<p class="explain">Step by step: <code>factcheck explain CORPUS {text(finding.id)}</code></p>
</article>"""


def status_badge(page: Page, finding: Finding) -> str:
    """NEW or known against the baseline, for a check run with one."""
    status = baseline_status(page.result, finding)
    return f' <span class="badge status-{status}">{"NEW" if status == "new" else status}</span>' if status else ""


def findings_section(page: Page) -> str:
    if not page.result.findings:
        return '<section id="findings"><h2>Findings</h2><p class="empty">No findings.</p></section>'
    cards = "\n".join(finding_card(page, f) for f in page.result.findings)
    return f'<section id="findings">\n<h2>Findings</h2>\n{cards}\n</section>'


def timelines_section(page: Page) -> str:
    offices = office_timelines(page.result.claims, page.result.findings, page.doc_labels)
    series = series_timelines(page.result.claims, page.result.rules, page.doc_labels)
    admitted = interval_charts(page.result, page.doc_labels)
    if not offices and not series and not admitted:
        return ""
    parts = ['<section id="timelines">', "<h2>Timelines</h2>"]
    if offices:
        parts += ["<h3>Office holders</h3>"] + offices
    if series:
        parts += ["<h3>Meeting series</h3>"] + series
    if admitted:
        parts += ["<h3>Founding years and counts</h3>"] + admitted
    parts.append("</section>")
    return "\n".join(parts)


# --- the page -----------------------------------------------------------------------------

def script_hash(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")


def render(result: CheckResult) -> str:
    page = Page(result)
    script = asset("report.js")
    policy = (f"default-src 'none'; style-src 'unsafe-inline'; script-src '{script_hash(script)}'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    body = "\n".join(part for part in (
        summary_section(page), documents_section(page), filters_section(page),
        findings_section(page), timelines_section(page)) if part)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="factcheck {__version__}">
<title>factcheck report</title>
<style>
{asset("report.css")}</style>
</head>
<body>
<header class="page"><h1>factcheck report</h1><p>factcheck {__version__} · rules {text(result.rules.fingerprint)}</p></header>
<main>
{body}
</main>
<script>{script}</script>
</body>
</html>
"""
