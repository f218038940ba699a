"""`factcheck explain`: the derivation of one finding, and finding ids by prefix."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checker.engine import check
from checker.errors import CheckerError
from checker.compare.outcome import span_label
from checker.explain import explain, find_finding, implication
from checker.models import Verdict
from report_corpora import write_hostile_corpus, write_troop_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
D001, D002 = "001_b166ca59ad2d7a73.txt", "002_51cc27108498c399.txt"
SCM_AGREEMENT = "F4f28d354"
FOUNDING_DISCREPANCY = "F47ab1875"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True)


@pytest.fixture(scope="module")
def seeds_result():
    return check([SEEDS])


@pytest.fixture(scope="module")
def hostile_result(tmp_path_factory):
    return check([write_hostile_corpus(tmp_path_factory.mktemp("hostile"))])


def test_seed_series_agreement_is_explained_step_by_step():
    done = run_cli("explain", str(SEEDS), SCM_AGREEMENT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "Finding F4f28d354: agreement (FC102, series:scm)",
        "  scm (annual): numbering agreed by 2 documents",
        "",
        "Rule FC102 (series_cadence, rules.toml): Numbered meetings of a series must fit its cadence: ordinal and date move together.",
        "  tolerance = 0",
        "  series scm: 1 a year, ordinal = 1 × numbered years + offset; unnumbered years: none",
        "",
        "Group 1 of 1: 54th in 2022-11-03; 56th in 2024",
        f"  1. {D001}:9:55  meeting_number c7016c3c875",
        "     sentence: Yesterday, Austin and Lee met at the Pentagon for the «54th Security Consultative Meeting».",
        "     document date: 2022-11-04 from corpus.toml",
        "     time: “Yesterday” → 2022-11-03",
        "     implies: series offset = 54 − 1 × 2022 = −1968, as if the 1st had been held in 1969",
        f"  2. {D002}:29:303  meeting_number c6d459afef6",
        "     sentence: Building on these discussions, South Korea and the U.S. plan to hold the "
        "«56th Korea-U.S. Security Consultative Meeting» in Washington, D.C., later this year.",
        "     document date: 2024-09-25 from corpus.toml",
        "     time: “later this year” → 2024",
        "     implies: series offset = 56 − 1 × 2024 = −1968, as if the 1st had been held in 1969",
        "  together: −1968",
        "",
        "Why:",
        f"  The claims of 2 documents ({D001}, {D002}) all admit series offset −1968: agreement.",
    ]


def test_seed_founding_discrepancy_shows_the_arithmetic_and_the_loose_overlap(seeds_result):
    finding = find_finding(seeds_result.findings, FOUNDING_DISCREPANCY)
    lines = explain(seeds_result, finding)
    assert lines[:5] == [
        "Finding F47ab1875: discrepancy (FC101, alliance:us-rok)",
        "  us-rok: founding year 1953 is only loosely consistent with 1951–1952, 1954–1955 (round-number ages)",
        "",
        "Rule FC101 (founding_year, rules.toml): An alliance has one founding year: its anniversaries and treaty year must imply the same year.",
        "  loose_years = 2",
    ]
    assert "     implies: founded 2023 − 70 = 1953" in lines
    assert "     time: 1953, stated in the sentence" in lines
    assert "     implies: founded 1953 (the treaty's year)" in lines
    assert ("     implies: founded 2025 − 70 − 1 … 2025 − 70 = 1954–1955; "
            "a round age, so ± 2 years: loosely 1952–1957") in lines
    assert "  together: 1954–1955 (loosely 1952–1957)" in lines
    assert lines[-4:] == [
        "Why:",
        "  Group 1 is the reference: it has the most documents, then the most claims, then the narrowest values.",
        "  Group 1 admits founding year 1953; group 2 admits 1951–1952 (loosely 1949–1954): no common value, "
        "but loosely they share 1953: discrepancy, not contradiction.",
        "  Group 1 admits founding year 1953; group 3 admits 1954–1955 (loosely 1952–1957): no common value, "
        "but loosely they share 1953: discrepancy, not contradiction.",
    ]


def test_office_succession_gives_the_gap_against_the_window(seeds_result):
    finding = find_finding(seeds_result.findings, "Ffd9ee041")
    assert explain(seeds_result, finding)[-1] == (
        "  Lee and Ahn Gyu-back: 1,000 days apart at the closest, more than window_days = 31: "
        "one followed the other, a succession.")


def test_contradictions_say_why_the_groups_cannot_both_hold(hostile_result):
    why = {f.rule: explain(hostile_result, f)[-1] for f in hostile_result.findings}
    assert why == {
        "FC101": "  Group 1 admits founding year 1953; group 2 admits 1963: no common value, not even loosely: contradiction.",
        "FC102": "  Group 1 admits series offset −1970; group 2 admits −1968: no common value, not even loosely: contradiction.",
        "FC104": "  Lloyd Austin and Pete Hegseth: 5 days apart at the closest, within window_days = 31; "
                 "an office has one holder at a time: contradiction.",
    }


def test_counts_show_their_tolerance_as_a_spread(tmp_path):
    result = check([write_troop_corpus(tmp_path)])
    # 28,500 and 37,000 are 30% apart: beyond the loose tolerance (25%), a contradiction.
    [finding] = [f for f in result.findings if f.verdict is Verdict.contradiction]
    implied = [line for line in explain(result, finding) if line.startswith("     implies: ")]
    assert [line.split(";")[0] for line in implied] == [
        "     implies: approximate 28,500: admits 28,500 ± 10% = 25,650–31,350",
        "     implies: exact 28,000: admits 28,000 ± 5% = 26,600–29,400",
        "     implies: approximate 37,000: admits 37,000 ± 10% = 33,300–40,700",
    ]


def test_a_manifest_given_on_the_command_line_is_named(tmp_path):
    manifest = tmp_path / "dates.toml"
    manifest.write_text((SEEDS / "corpus.toml").read_text(encoding="utf-8"), encoding="utf-8")
    done = run_cli("explain", str(SEEDS), SCM_AGREEMENT, "--manifest", str(manifest))
    assert "     document date: 2022-11-04 from dates.toml" in done.stdout.splitlines()


def test_a_unique_prefix_is_enough_in_any_case(seeds_result):
    assert find_finding(seeds_result.findings, "f4f2").id == SCM_AGREEMENT


def test_an_ambiguous_prefix_lists_the_candidates(seeds_result):
    with pytest.raises(CheckerError, match=r"^finding id 'Ff' is ambiguous: Ffd9ee041, Ff83acb7e$"):
        find_finding(seeds_result.findings, "Ff")


def test_an_unknown_id_exits_2_with_the_closest_ids():
    done = run_cli("explain", str(SEEDS), "F4f28d999")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("factcheck: error: no finding with id 'F4f28d999'; closest: F4f28d354")
    assert done.stderr.count("\n") == 1


def test_a_corpus_without_findings_says_so(tmp_path):
    (tmp_path / "a.txt").write_text("Nothing to see.", encoding="utf-8")
    with pytest.raises(CheckerError, match="the corpus has no findings"):
        find_finding(check([tmp_path]).findings, "F1")


def arithmetic(expression: str) -> int:
    """Evaluates "2023 − 70 − 1" the way a reader would."""
    tokens = expression.replace("−", "-").replace("+", " + ").replace("-", " - ").split()
    total, sign = 0, 1
    for token in tokens:
        if token in "+-":
            sign = 1 if token == "+" else -1
        else:
            total += sign * int(token)
    return total


def test_the_printed_arithmetic_gives_the_comparison_numbers(seeds_result):
    """For every seed anniversary, the sum shown evaluates to the interval founding.py computed."""
    from checker.compare.founding import implied_founding

    rule = next(r for r in seeds_result.rules.rules if r.comparison == "founding_year")
    for claim in (c for c in seeds_result.claims if c.kind == "anniversary"):
        reading = implied_founding(claim, rule.loose_years)
        words = implication(claim, rule, seeds_result.rules.vocabulary).split(";")[0]
        expression, result = words.removeprefix("founded ").split(" = ")
        assert result == span_label(*reading.strict)
        if expression.startswith("no later than "):
            assert reading.strict == (float("-inf"), arithmetic(expression.removeprefix("no later than ")))
        else:
            ends = [arithmetic(part) for part in expression.split(" … ")]
            assert reading.strict == (ends[0], ends[-1])


def test_intervals_read_as_reports_print_them():
    inf = float("inf")
    assert [span_label(*b) for b in [(1953, 1953), (1951, 1952), (-inf, 1952), (28500, inf), (-1971, -1970)]] == [
        "1953", "1951–1952", "≤ 1952", "≥ 28,500", "−1971 to −1970"]
