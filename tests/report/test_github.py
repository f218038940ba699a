"""--format github: one workflow command per finding, escaped the way the Actions toolkit does."""

from __future__ import annotations

from pathlib import Path

import pytest
from seed_copies import D000, D001, D002, D004, ROOT, SEEDS, SHIPPED_BASELINE, copy_with_57th, run_cli

from checker.models import Claim, Span
from checker.report.github import command, escape_data, escape_property, position

SCM_NEW = (
    f"::error file=seeds/{D002},line=29,col=303,endLine=29,endColumn=348,"
    "title=FC102 contradiction (NEW)%3A series%3Ascm::"
    "scm (annual): 54th in 2022-11-03 cannot be squared with 57th in 2024 [Fdb0576a5]"
    f"%0A54th in 2022-11-03: {D001}:9:55 \"54th Security Consultative Meeting\""
    f"%0A57th in 2024: {D002}:29:303 \"57th Korea-U.S. Security Consultative Meeting\""
)
US_ROK_CLAIMS = (
    f"%0A1953: {D000}:1:158 \"seven-decadelong\"%0A1953: {D000}:9:21 \"70th anniversary\""
    f"%0A1953: {D000}:10:107 \"seven decades ago\"%0A1953: {D001}:13:246 \"signed the Mutual Defense Treaty in 1953\""
    f"%0A1951–1952: {D001}:15:257 \"for seven decades\"%0A1951–1952: {D001}:29:97 \"for over seventy years\""
    f"%0A1954–1955: {D004}:13:79 \"70-year-old\""
)
US_ROK_MESSAGE = "us-rok: founding year 1953 is only loosely consistent with 1951–1952, 1954–1955 (round-number ages) [F47ab1875]"
US_ROK_WHERE = f"file=seeds/{D001},line=15,col=257,endLine=15,endColumn=274"


@pytest.fixture
def repo_with_57th(tmp_path: Path) -> Path:
    copy_with_57th(tmp_path / "seeds")
    return tmp_path


def test_annotations_without_a_baseline(repo_with_57th):
    done = run_cli("check", "seeds", "--format", "github", cwd=repo_with_57th)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        SCM_NEW.replace(" (NEW)", ""),
        f"::warning {US_ROK_WHERE},title=FC101 discrepancy%3A alliance%3Aus-rok::{US_ROK_MESSAGE}{US_ROK_CLAIMS}",
        "5 documents, 33 claims: 1 contradictions, 1 discrepancies, 2 successions, 3 agreements",
    ]


def test_annotations_against_a_baseline(repo_with_57th):
    done = run_cli("check", "seeds", "--format", "github", "--baseline", str(SHIPPED_BASELINE), cwd=repo_with_57th)
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        SCM_NEW,
        f"::notice {US_ROK_WHERE},title=FC101 discrepancy (known)%3A alliance%3Aus-rok::{US_ROK_MESSAGE}{US_ROK_CLAIMS}",
        "5 documents, 33 claims: 1 contradictions, 1 discrepancies, 2 successions, 3 agreements; baseline: 1 new, 1 known, 0 resolved",
    ]


def test_resolved_entries_are_notices(repo_with_57th, tmp_path_factory):
    baseline_file = tmp_path_factory.mktemp("b") / "baseline.json"
    run_cli("baseline", "seeds", "--output", str(baseline_file), cwd=repo_with_57th)
    done = run_cli("check", str(SEEDS), "--format", "github", "--baseline", str(baseline_file), cwd=ROOT)
    assert done.returncode == 0
    assert done.stdout.splitlines()[1] == (
        "::notice title=FC102 contradiction resolved%3A series%3Ascm::"
        "no longer found; `factcheck baseline --update` drops it [61c0564915907eb4]"
    )


def test_escaping_follows_the_actions_toolkit():
    assert escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b"
    assert escape_property("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext%3A a%2C b"
    assert command("error", {"file": "a,b:c.txt", "line": 3, "title": "x%y"}, "one\ntwo: three, four") == (
        "::error file=a%2Cb%3Ac.txt,line=3,title=x%25y::one%0Atwo: three, four")


def test_a_claim_over_two_lines_has_no_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)

    class Corpus:
        root = tmp_path

    class Result:
        corpus = Corpus()

    claim = Claim(id="c1", doc="a.txt", kind="anniversary", subject="alliance:x", value=70,
                  span=Span(start=10, end=27, line=4, column=12, text="70th\nanniversary"))
    assert position(Result(), claim) == {"file": "a.txt", "line": 4, "endLine": 5}
    single = claim.model_copy(update={"span": Span(start=10, end=26, line=4, column=12, text="70th anniversary")})
    assert position(Result(), single) == {"file": "a.txt", "line": 4, "col": 12, "endLine": 4, "endColumn": 28}
