"""The HTML report as bytes: self-contained, escaped, deterministic, one card per finding.

What a browser makes of it (filters, scripts that must not run) is tests/test_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from html import escape
from pathlib import Path

import pytest

from checker.engine import check
from checker.report import html
from checker.report.markup import text
from checker.report.intervals import nice_step
from checker.report.timeline import docs_label
from report_corpora import HOSTILE_IMAGE, HOSTILE_NAME, HOSTILE_SCRIPT, write_hostile_corpus, write_troop_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
COMMITTED = ROOT / "reports" / "seeds.html"


@pytest.fixture(scope="module")
def seeds_result():
    return check([SEEDS])


@pytest.fixture(scope="module")
def seeds_page(seeds_result):
    return html.render(seeds_result)


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory):
    return html.render(check([write_hostile_corpus(tmp_path_factory.mktemp("hostile"))]))


def test_the_cli_writes_the_committed_seeds_report(tmp_path):
    output = tmp_path / "seeds.html"
    # The same command `make check` runs.
    done = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(SEEDS), "--format", "html",
                           "--baseline", str(SEEDS.parent / "reports" / "baseline.json"), "--fail-on", "never",
                           "--output", str(output)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert output.read_bytes() == COMMITTED.read_bytes(), "reports/seeds.html is stale: run `make check`"


def test_same_check_same_bytes(seeds_result, seeds_page):
    assert html.render(seeds_result) == seeds_page
    assert html.render(check([SEEDS])) == seeds_page


def test_nothing_is_fetched(seeds_page):
    without_svg_namespace = seeds_page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for fetching in ("http:", "https:", "src=", "<link", "<iframe", "<object", "@import", "url("):
        assert fetching not in without_svg_namespace, fetching
    assert all(link.startswith("#") for link in re.findall(r'href="([^"]*)"', seeds_page))


def test_the_policy_allows_only_the_inline_script(seeds_page):
    [script] = re.findall(r"<script>(.*?)</script>", seeds_page, re.S)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in seeds_page
    assert "default-src 'none'" in seeds_page


def test_summary_counts_documents_kinds_and_verdicts(seeds_page):
    summary = seeds_page[seeds_page.index('<section id="summary">'):seeds_page.index('<section id="documents">')]
    assert "<strong>5</strong> documents" in summary
    assert "<strong>33</strong> claims" in summary
    assert '<th scope="row">office_holder</th><td>22</td>' in summary
    assert '<span class="badge discrepancy">discrepancy</span> 1' in summary
    assert '<span class="badge agreement">agreement</span> 4' in summary


def test_one_card_per_finding_in_report_order(seeds_result, seeds_page):
    cards = re.findall(r'<article class="finding (\w+)" id="(F[0-9a-f]{8})" data-verdict="(\w+)"', seeds_page)
    assert [(verdict, fid) for verdict, fid, _ in cards] == [(f.verdict.value, f.id) for f in seeds_result.findings]


def test_every_claim_shows_its_span_marked_in_its_sentence(seeds_result, seeds_page):
    claims = {c.id: c for c in seeds_result.claims}
    marked = re.findall(r'<li class="claim" data-claim="(c[0-9a-f]+)".*?<mark>(.*?)</mark>', seeds_page, re.S)
    expected = [c for f in seeds_result.findings for g in f.groups for c in g.claims]
    assert [claim_id for claim_id, _ in marked] == expected
    for claim_id, span in marked:
        assert span == escape(claims[claim_id].span.text)
    assert "celebrate their <mark>seven-decadelong</mark> alliance." in seeds_page


def test_claims_show_document_line_date_and_its_source(seeds_page):
    assert ('<span class="doc">001_b166ca59ad2d7a73.txt</span> (D2), line 9, column 55' in seeds_page)
    assert '2022-11-04 <span class="source">from the manifest</span>' in seeds_page
    assert "2022-11-03<span class=\"source\"> ← “Yesterday”</span>" in seeds_page
    assert "founded 2023 − 70 = 1953" in seeds_page


def test_filters_cover_every_verdict_and_the_kinds_in_findings(seeds_page):
    boxes = re.findall(r'<input type="checkbox" name="(\w+)" value="(\w+)" checked>', seeds_page)
    assert boxes == [("verdict", "contradiction"), ("verdict", "discrepancy"), ("verdict", "succession"),
                     ("verdict", "agreement"), ("kind", "anniversary"), ("kind", "meeting_number"),
                     ("kind", "office_holder"), ("kind", "treaty_year")]


def test_office_timeline_draws_each_holder(seeds_page):
    timeline = seeds_page[seeds_page.index('<section id="timelines">'):]
    for office in ("us-secretary-of-defense", "kr-defense-minister", "us-secretary-of-state"):
        assert f'<g class="office" data-subject="office:{office}">' in timeline
    for holder in ("Austin", "Pete Hegseth", "Lee", "Ahn Gyu-back", "Antony Blinken"):
        assert f'text-anchor="end">{holder}</text>' in timeline
    assert '<g class="holder clash">' not in timeline


def test_series_timeline_draws_the_cadence_and_marks_the_outlier(seeds_page, hostile_page):
    assert '<figure class="timeline" data-subject="series:scm">' in seeds_page
    assert seeds_page.count('<g class="meeting fits">') == 3  # the 54th and 56th SCM, the 25th KIDD
    assert '<polyline class="cadence"' in seeds_page
    assert hostile_page.count('<g class="meeting outlier">') == 1
    assert '<g class="holder clash">' in hostile_page


def test_founding_years_chart_colours_each_claim_by_its_group(seeds_page, hostile_page):
    chart = seeds_page[seeds_page.index('data-subject="alliance:us-rok"'):]
    assert chart.count('<g class="admits reference">') == 4
    assert chart.count('<g class="admits loose">') == 3  # 1951–1952 twice from D2, 1954–1955 from D5
    assert "D5 “70-year-old” (2025-07-31)" in chart
    assert hostile_page.count('<g class="admits conflict">') == 1


def test_count_chart_leaves_out_undated_claims(tmp_path):
    page = html.render(check([write_troop_corpus(tmp_path)]))
    assert page.count('<g class="admits reference">') == 2
    assert page.count('<g class="admits conflict">') == 1  # 37,000 is 30% from 28,500: past the loose tolerance
    assert "more than 28,500" not in page[page.index('<section id="timelines">'):]


def test_axis_steps_are_one_two_or_five_times_a_power_of_ten():
    assert [nice_step(e) for e in (10, 12, 60, 25_000, 3)] == [2, 2, 10, 5_000, 1]


def test_many_articles_on_one_day_share_one_short_label():
    labels = {f"d{i}.txt": f"D{i}" for i in range(1, 9)}
    assert docs_label(["d2.txt"], labels) == "D2"
    assert docs_label(["d2.txt", "d5.txt"], labels) == "D2,D5"
    assert docs_label(["d2.txt", "d5.txt", "d7.txt"], labels) == "D2 +2"


def test_hostile_article_text_and_file_names_are_text(hostile_page):
    assert hostile_page.count("<script") == 1
    assert "<img" not in hostile_page and "<b>" not in hostile_page and "<i>" not in hostile_page
    assert escape(HOSTILE_SCRIPT) in hostile_page
    assert escape(HOSTILE_IMAGE) in hostile_page
    assert escape(HOSTILE_NAME) in hostile_page
    assert "&lt;b&gt;allies&lt;/b&gt; &amp; partners" in hostile_page


def test_a_carriage_return_survives_the_html_parser():
    assert text('a\r\n<b> "c"') == "a&#13;\n&lt;b&gt; &quot;c&quot;"


def test_a_corpus_without_findings_still_renders(tmp_path):
    (tmp_path / "a.txt").write_text("Nothing here.", encoding="utf-8")
    page = html.render(check([tmp_path]))
    assert '<p class="empty">No findings.</p>' in page
    assert '<section id="timelines">' not in page
