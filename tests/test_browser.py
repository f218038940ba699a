"""The HTML report in a real browser: headless Chromium, driven by Playwright.

Chromium is Debian's package (`chromium`, installed by .ci/run when missing);
Playwright only drives it through `executable_path` and downloads nothing. When
either is missing these tests fail rather than skip: a report nobody opened in a
browser is not tested. Screenshots of the seeds report are saved to reports/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from checker.engine import check
from report_corpora import HOSTILE_IMAGE, HOSTILE_SCRIPT, write_dense_corpus, write_hostile_corpus

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
REPORTS = ROOT / "reports"
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    found = os.environ.get("FACTCHECK_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Chromium is not installed (Debian: apt-get install chromium; .ci/run does this)")
    return found


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: pip install -e '.[test]'")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path(), headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1280, "height": 1100})
        yield context
        context.close()


@dataclass
class Opened:
    """A report open in a tab, with everything it asked the network for and said on the console."""

    page: object
    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def open_report(browser, report: Path) -> Opened:
    page = browser.new_page()
    opened = Opened(page)
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("console", lambda message: opened.console.append(message.text))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.goto(report.as_uri())
    return opened


def write_report(corpus: Path, output: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "checker.cli", "check", str(corpus), "--format", "html",
                           "--output", str(output)], capture_output=True, text=True)
    assert done.returncode in (0, 1), done.stderr
    return output


@pytest.fixture(scope="module")
def seeds_result():
    return check([SEEDS])


@pytest.fixture(scope="module")
def seeds(browser, tmp_path_factory):
    opened = open_report(browser, write_report(SEEDS, tmp_path_factory.mktemp("report") / "seeds.html"))
    yield opened
    opened.page.close()


def visible_cards(page) -> list[str]:
    return page.eval_on_selector_all("article.finding", "cards => cards.filter(c => !c.hidden).map(c => c.id)")


def set_filter(page, name: str, value: str, checked: bool) -> None:
    page.locator(f'#filters input[name="{name}"][value="{value}"]').set_checked(checked)


def test_the_report_loads_offline_without_errors(seeds):
    assert seeds.requests == [seeds.page.url]
    assert seeds.errors == []
    assert seeds.console == []
    assert seeds.page.title() == "factcheck report"


def test_one_card_per_finding(seeds, seeds_result):
    assert visible_cards(seeds.page) == [f.id for f in seeds_result.findings]


def test_the_highlighted_text_is_the_claims_span(seeds, seeds_result):
    spans = {c.id: c.span.text for c in seeds_result.claims}
    marked = seeds.page.eval_on_selector_all(
        "li.claim", "items => items.map(i => [i.dataset.claim, i.querySelectorAll('mark').length, i.querySelector('mark').textContent])")
    assert len(marked) == sum(len(g.claims) for f in seeds_result.findings for g in f.groups)
    for claim_id, marks, text in marked:
        assert marks == 1
        assert text == spans[claim_id]


def test_filters_hide_and_show_cards(seeds, seeds_result):
    page = seeds.page
    ids = {f.verdict.value: [x.id for x in seeds_result.findings if x.verdict is f.verdict] for f in seeds_result.findings}
    everything = [f.id for f in seeds_result.findings]
    assert page.locator("#filters").is_visible()
    assert page.locator("#shown").text_content() == f"{len(everything)} of {len(everything)} findings shown"

    set_filter(page, "verdict", "agreement", False)
    assert visible_cards(page) == ids["discrepancy"] + ids["succession"]
    assert page.locator("#shown").text_content() == f"3 of {len(everything)} findings shown"

    set_filter(page, "kind", "office_holder", False)
    assert visible_cards(page) == ids["discrepancy"]

    set_filter(page, "verdict", "agreement", True)
    founding_and_series = [f.id for f in seeds_result.findings if f.subject.split(":")[0] in ("alliance", "series")]
    assert visible_cards(page) == founding_and_series
    for card in ids["succession"]:
        assert not page.locator(f"#{card}").is_visible()

    set_filter(page, "kind", "office_holder", True)
    assert visible_cards(page) == everything


def test_the_timelines_are_drawn(seeds):
    page = seeds.page
    assert page.locator("svg.offices g.holder").count() == 9
    assert page.locator("svg.series g.meeting.fits").count() == 3
    assert page.locator("svg.series g.meeting.outlier").count() == 0
    names = page.eval_on_selector_all("svg.offices text.name", "labels => labels.map(l => l.textContent)")
    assert {"Austin", "Pete Hegseth", "Lee", "Ahn Gyu-back"} <= set(names)


def test_screenshots_of_the_seeds_report(seeds):
    REPORTS.mkdir(exist_ok=True)
    seeds.page.screenshot(path=str(REPORTS / "seeds.png"))
    # The filter bar sticks to the top of the window; unstuck, it does not cover the timelines.
    seeds.page.evaluate("document.getElementById('filters').style.position = 'static'")
    seeds.page.locator("#timelines").screenshot(path=str(REPORTS / "seeds-timelines.png"))
    seeds.page.evaluate("document.getElementById('filters').style.position = ''")
    for name in ("seeds.png", "seeds-timelines.png"):
        assert (REPORTS / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_hostile_article_runs_no_script(browser, tmp_path):
    report = write_report(write_hostile_corpus(tmp_path / "corpus"), tmp_path / "hostile.html")
    opened = open_report(browser, report)
    page = opened.page
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.title() == "factcheck report"
    assert page.evaluate("document.scripts.length") == 1
    assert page.locator("img").count() == 0
    assert page.locator("main b, main i").count() == 0
    sentences = page.eval_on_selector_all("blockquote.sentence", "quotes => quotes.map(q => q.textContent)")
    assert any(HOSTILE_SCRIPT in s for s in sentences)
    assert any(HOSTILE_IMAGE in s for s in sentences)
    page.hover("blockquote.sentence >> nth=0")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # A blocked inline script would show up here: the escaping, not the policy, kept it out.
    assert opened.console == [] and opened.errors == []
    assert page.locator("article.finding").count() == 3
    assert page.locator("svg.series g.meeting.outlier").count() == 1
    page.close()


OVERLAPPING_LABELS = """selector => {
    const boxes = Array.from(document.querySelectorAll(selector)).map(t => {
        const b = t.getBoundingClientRect();
        return [b.left, b.top, b.right, b.bottom, t.textContent];
    });
    const clashes = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
        if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) clashes.push([a[4], b[4]]);
    }));
    return clashes;
}"""


def test_timeline_labels_never_overlap_in_a_crowded_corpus(browser, tmp_path):
    report = write_report(write_dense_corpus(tmp_path / "corpus", SEEDS), tmp_path / "dense.html")
    page = open_report(browser, report).page
    assert page.locator("svg.offices text.docs").count() > 10
    assert page.evaluate(OVERLAPPING_LABELS, "svg.offices text.docs") == []
    assert page.evaluate(OVERLAPPING_LABELS, "svg.series text.label") == []
    page.close()
