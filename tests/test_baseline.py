"""Baselines (issue 3): fingerprints that survive what does not change a finding's meaning, the file, and gating."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from seed_copies import D000, D001, D002, D004, SEEDS, SHIPPED_BASELINE, run_cli

from checker.baseline import (
    Verdict,
    build_baseline,
    compare_with_baseline,
    fingerprint,
    load_baseline,
    render_baseline,
)
from checker.engine import check
from checker.errors import CheckerError

# The seeds' one gated finding: FC101 us-rok, 1953 (000, 001) loosely against 1951–1952 (001) and 1954–1955 (004).
SEED_DISCREPANCY = "e922042aca16f718"
SCM_CONTRADICTION_57TH = "61c0564915907eb4"


def copy_seeds(tmp_path: Path, name: str = "seeds") -> Path:
    target = tmp_path / name
    shutil.copytree(SEEDS, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} must occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def gated_fingerprints(*paths: Path) -> dict[tuple[str, str, str], str]:
    """(rule, verdict, subject) -> fingerprint for the contradictions and discrepancies of a check."""
    result = check(list(paths))
    claims = {c.id: c for c in result.claims}
    return {(f.rule, f.verdict.value, f.subject): fingerprint(f, claims)
            for f in result.findings if f.verdict in (Verdict.contradiction, Verdict.discrepancy)}


def claim_at(paths: list[Path], doc: str, text: str):
    return next(c for c in check(paths).claims if c.doc == doc and c.span.text == text)


SEEDS_PRINTS = {("FC101", "discrepancy", "alliance:us-rok"): SEED_DISCREPANCY}


# -- what must not change the identity ---------------------------------------------------------

def test_seed_fingerprint_is_pinned():
    # Changing how fingerprints are computed invalidates every baseline: that needs a new baseline version.
    assert gated_fingerprints(SEEDS) == SEEDS_PRINTS


def test_lines_inserted_above_the_claim_keep_the_fingerprint(tmp_path):
    corpus = copy_seeds(tmp_path)
    before = claim_at([SEEDS], D000, "70th anniversary")
    edit(corpus / D000, "This year marks the 70th anniversary", "An added line.\n\nAnother one.\nThis year marks the 70th anniversary")
    after = claim_at([corpus], D000, "70th anniversary")
    assert (before.span.line, after.span.line) == (9, 12)
    assert gated_fingerprints(corpus) == SEEDS_PRINTS


def test_rewrapped_whitespace_keeps_the_fingerprint(tmp_path):
    corpus = copy_seeds(tmp_path)
    edit(corpus / D000, "This year marks the 70th anniversary of the alliance between",
         "This year marks the\n70th anniversary of the   alliance\nbetween")
    edit(corpus / D004, "advancing the 70-year-old South Korea-US alliance,", "advancing\nthe 70-year-old South Korea-US\n  alliance,")
    assert claim_at([corpus], D000, "70th anniversary").span.line == 10
    assert claim_at([corpus], D004, "70-year-old").span.line == 14
    assert gated_fingerprints(corpus) == SEEDS_PRINTS


def test_edits_elsewhere_in_the_article_keep_the_fingerprint(tmp_path):
    corpus = copy_seeds(tmp_path)
    edit(corpus / D000, "Tuesday's parade will be the first such event to be held in 10 years.",
         "The parade, the first in a decade, was rehearsed for weeks.")
    edit(corpus / D004, "eloquently describing it", "describing it")
    assert gated_fingerprints(corpus) == SEEDS_PRINTS


def test_files_listed_in_another_order_keep_the_fingerprint():
    files = sorted(SEEDS.glob("*.txt"))
    assert gated_fingerprints(*reversed(files)) == gated_fingerprints(*files) == SEEDS_PRINTS


def test_corpus_moved_to_another_directory_keeps_the_fingerprint(tmp_path):
    moved = copy_seeds(tmp_path / "somewhere" / "else", "renamed-corpus")
    assert gated_fingerprints(moved) == SEEDS_PRINTS


# -- what must change it -----------------------------------------------------------------------

def test_changed_value_changes_the_fingerprint(tmp_path):
    corpus = copy_seeds(tmp_path)
    edit(corpus / D004, "70-year-old", "72-year-old")
    prints = gated_fingerprints(corpus)
    assert list(prints) == [("FC101", "discrepancy", "alliance:us-rok")]
    assert prints[("FC101", "discrepancy", "alliance:us-rok")] != SEED_DISCREPANCY


def test_new_article_joining_the_conflicting_side_changes_the_fingerprint(tmp_path):
    corpus = copy_seeds(tmp_path)
    # 005 says what 004 says: "70-year-old" in 2025, the 1954–1955 side of the discrepancy.
    shutil.copy(corpus / D004, corpus / "005_copy_of_004.txt")
    with (corpus / "corpus.toml").open("a") as manifest:
        manifest.write('\n[files."005_copy_of_004.txt"]\npublished = 2025-07-31\n')
    result = check([corpus])
    claims = {c.id: c for c in result.claims}
    [finding] = [f for f in result.findings if f.verdict is Verdict.discrepancy]
    sides = {g.value: sorted({claims[c].doc for c in g.claims}) for g in finding.groups}
    assert sides["1954–1955"] == [D004, "005_copy_of_004.txt"]
    assert fingerprint(finding, claims) != SEED_DISCREPANCY


def test_new_article_joining_the_main_side_changes_the_fingerprint_too(tmp_path):
    # The checker cannot know which side is right: a new article on either side is in conflict
    # with the articles on the other, so it is a new finding for a reviewer to accept.
    corpus = copy_seeds(tmp_path)
    (corpus / "005_treaty.txt").write_text("The U.S. and South Korea signed the Mutual Defense Treaty in 1953.\n")
    result = check([corpus])
    claims = {c.id: c for c in result.claims}
    [finding] = [f for f in result.findings if f.verdict is Verdict.discrepancy]
    sides = {g.value: sorted({claims[c].doc for c in g.claims}) for g in finding.groups}
    assert sides["1953"] == [D000, D001, "005_treaty.txt"]
    assert fingerprint(finding, claims) != SEED_DISCREPANCY


def seeds_with_57th(tmp_path: Path) -> Path:
    """The seeds with 002's 56th SCM (2024) turned into the 57th: it cannot follow 001's 54th (2022)."""
    corpus = copy_seeds(tmp_path)
    edit(corpus / D002, "56th Korea-U.S. Security Consultative Meeting", "57th Korea-U.S. Security Consultative Meeting")
    return corpus


def test_contradiction_in_a_new_subject_is_new_and_the_old_finding_stays_known(tmp_path):
    corpus = seeds_with_57th(tmp_path)
    result = check([corpus])
    result.baseline = compare_with_baseline(result, load_baseline(SHIPPED_BASELINE))
    statuses = {(f.rule, f.verdict.value, f.subject): result.baseline.status[f.id]
                for f in result.findings if f.id in result.baseline.status}
    assert statuses == {("FC102", "contradiction", "series:scm"): "new", ("FC101", "discrepancy", "alliance:us-rok"): "known"}
    assert result.baseline.resolved == []
    assert gated_fingerprints(corpus)[("FC102", "contradiction", "series:scm")] == SCM_CONTRADICTION_57TH


def test_fixed_claim_is_resolved_and_exits_0(tmp_path):
    corpus = seeds_with_57th(tmp_path)
    baseline_file = tmp_path / "baseline.json"
    assert run_cli("baseline", str(corpus), "--include", "discrepancy", "--output", str(baseline_file)).returncode == 0
    edit(corpus / D002, "57th Korea-U.S.", "56th Korea-U.S.")
    done = run_cli("check", str(corpus), "--baseline", str(baseline_file))
    assert done.returncode == 0
    assert (f"resolved [{SCM_CONTRADICTION_57TH}] FC102 contradiction series:scm: "
            "scm (annual): 54th in 2022-11-03 cannot be squared with 57th in 2024") in done.stdout.splitlines()
    assert done.stdout.splitlines()[-1] == ("5 documents, 33 claims: 0 contradictions, 1 discrepancies, 2 successions, "
                                            "4 agreements; baseline: 0 new, 1 known, 1 resolved")


# -- gating ------------------------------------------------------------------------------------

def test_seeds_pass_with_the_shipped_baseline():
    done = run_cli("check", str(SEEDS), "--baseline", str(SHIPPED_BASELINE))
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout.splitlines()[-1] == ("5 documents, 33 claims: 0 contradictions, 1 discrepancies, 2 successions, "
                                            "4 agreements; baseline: 0 new, 1 known, 0 resolved")


def test_new_contradiction_exits_1_and_is_named(tmp_path):
    corpus = seeds_with_57th(tmp_path)
    done = run_cli("check", str(corpus), "--baseline", str(SHIPPED_BASELINE))
    assert done.returncode == 1
    assert (f"{D001}:9:55: FC102 contradiction NEW [Fdb0576a5] scm (annual): 54th in 2022-11-03 cannot be squared "
            "with 57th in 2024") in done.stdout.splitlines()
    assert done.stderr == (f"factcheck: new contradiction not in the baseline: FC102 series:scm [{SCM_CONTRADICTION_57TH}] "
                           "scm (annual): 54th in 2022-11-03 cannot be squared with 57th in 2024\n")


@pytest.mark.parametrize(("fail_on", "code"), [("contradiction", 1), ("discrepancy", 1), ("never", 0)])
def test_fail_on_levels_for_a_new_contradiction(tmp_path, fail_on, code):
    corpus = seeds_with_57th(tmp_path)
    assert run_cli("check", str(corpus), "--baseline", str(SHIPPED_BASELINE), "--fail-on", fail_on).returncode == code


@pytest.mark.parametrize(("args", "code"), [
    ((), 0),
    (("--fail-on", "discrepancy"), 1),                                   # no baseline: the discrepancy fails
    (("--fail-on", "discrepancy", "--baseline", str(SHIPPED_BASELINE)), 0),  # it is known
    (("--fail-on", "never"), 0),
])
def test_fail_on_levels_for_the_seeds(args, code):
    assert run_cli("check", str(SEEDS), *args).returncode == code


def test_known_contradiction_does_not_fail(tmp_path):
    corpus = seeds_with_57th(tmp_path)
    baseline_file = tmp_path / "baseline.json"
    run_cli("baseline", str(corpus), "--output", str(baseline_file))
    done = run_cli("check", str(corpus), "--baseline", str(baseline_file))
    assert done.returncode == 0
    assert (f"{D001}:9:55: FC102 contradiction known [Fdb0576a5] scm (annual): 54th in 2022-11-03 cannot be squared "
            "with 57th in 2024") in done.stdout.splitlines()
    # Without --include discrepancy the discrepancy is not recorded: it shows as NEW but does not fail.
    assert done.stdout.splitlines()[-1].endswith("; baseline: 1 new, 1 known, 0 resolved")


# -- the file ------------------------------------------------------------------------------------

def test_shipped_baseline_is_what_baseline_writes_for_the_seeds():
    shipped = load_baseline(SHIPPED_BASELINE)
    rebuilt = build_baseline(check([SEEDS]), set(shipped.include), shipped)
    assert render_baseline(rebuilt) == SHIPPED_BASELINE.read_text(encoding="utf-8")


def test_baseline_file_content(tmp_path):
    target = tmp_path / "b.json"
    done = run_cli("baseline", str(SEEDS), "--include", "discrepancy", "--output", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (0, f"{target}: 1 entry (1 added, 0 kept, 0 dropped)\n", "")
    assert json.loads(target.read_text()) == {
        "version": 1,
        "include": ["contradiction", "discrepancy"],
        "entries": [{
            "fingerprint": SEED_DISCREPANCY,
            "rule": "FC101",
            "verdict": "discrepancy",
            "subject": "alliance:us-rok",
            "message": "us-rok: founding year 1953 is only loosely consistent with 1951–1952, 1954–1955 (round-number ages)",
            "groups": [
                {"value": "1951–1952", "documents": [D001]},
                {"value": "1953", "documents": [D000, D001]},
                {"value": "1954–1955", "documents": [D004]},
            ],
            "note": "",
        }],
    }


def test_baseline_is_byte_stable(tmp_path):
    first, second = tmp_path / "1.json", tmp_path / "2.json"
    run_cli("baseline", str(SEEDS), "--include", "discrepancy", "--output", str(first))
    run_cli("baseline", *sorted(str(p) for p in SEEDS.glob("*.txt")), "--include", "discrepancy", "--output", str(second))
    assert first.read_bytes() == second.read_bytes()


def test_baseline_refuses_to_overwrite_without_update(tmp_path):
    target = tmp_path / "b.json"
    target.write_text("keep me")
    done = run_cli("baseline", str(SEEDS), "--output", str(target))
    assert done.returncode == 2
    assert done.stderr == f"factcheck: error: {target}: already exists; use --update to refresh it (notes are kept)\n"
    assert target.read_text() == "keep me"


def test_update_keeps_notes_drops_resolved_and_adds_new(tmp_path):
    corpus = seeds_with_57th(tmp_path)
    target = tmp_path / "b.json"
    run_cli("baseline", str(corpus), "--include", "discrepancy", "--output", str(target))
    data = json.loads(target.read_text())
    for entry in data["entries"]:
        entry["note"] = f"reviewed {entry['rule']}"
    target.write_text(json.dumps(data, indent=2))
    # Fix the SCM contradiction and bring in a new FC101 side: one entry dropped, one kept, one added.
    edit(corpus / D002, "57th Korea-U.S.", "56th Korea-U.S.")
    done = run_cli("baseline", str(corpus), "--update", "--output", str(target))
    assert (done.returncode, done.stdout) == (0, f"{target}: 1 entry (0 added, 1 kept, 1 dropped)\n")
    updated = json.loads(target.read_text())
    assert updated["include"] == ["contradiction", "discrepancy"]  # kept from the file
    assert [(e["fingerprint"], e["note"]) for e in updated["entries"]] == [(SEED_DISCREPANCY, "reviewed FC101")]
    edit(corpus / D004, "70-year-old", "72-year-old")
    done = run_cli("baseline", str(corpus), "--update", "--output", str(target))
    assert (done.returncode, done.stdout) == (0, f"{target}: 1 entry (1 added, 0 kept, 1 dropped)\n")
    assert [e["note"] for e in json.loads(target.read_text())["entries"]] == [""]


BROKEN_BASELINES = {
    "truncated": ('{"version": 1, "include": ["contradiction"], "entr', "corrupt baseline: invalid JSON at line 1 column 46 (Unterminated string starting at)"),
    "empty": ("", "baseline is empty; restore it or recreate it with `factcheck baseline`"),
    "not_json": ("<html>", "corrupt baseline: invalid JSON at line 1 column 1 (Expecting value)"),
    "a_list": ("[]", "not a factcheck baseline (no version)"),
    "wrong_version": ('{"version": 2, "include": [], "entries": []}', "baseline version 2 is not supported; this factcheck reads version 1"),
    "version_as_string": ('{"version": "1", "include": [], "entries": []}', "baseline version '1' is not supported; this factcheck reads version 1"),
    "missing_field": ('{"version": 1, "entries": []}', "invalid baseline: include: Field required"),
    "unknown_verdict": ('{"version": 1, "include": ["maybe"], "entries": []}',
                        "invalid baseline: include.0: Input should be 'contradiction', 'discrepancy', 'succession' or 'agreement'"),
    "edited_entry": (None, "entries.0: fingerprint e922042aca16f718 does not match its rule, verdict, subject and groups"),
}


def broken_text(case: str) -> str:
    text, _ = BROKEN_BASELINES[case]
    if text is None:  # a hand edit of something other than the note
        data = json.loads(SHIPPED_BASELINE.read_text())
        data["entries"][0]["groups"][0]["value"] = "1950"
        text = json.dumps(data)
    return text


@pytest.mark.parametrize("case", sorted(BROKEN_BASELINES))
@pytest.mark.parametrize("command", ["check", "update"])
def test_broken_baseline_exits_2_and_is_never_overwritten(tmp_path, case, command):
    target = tmp_path / "baseline.json"
    target.write_text(broken_text(case), encoding="utf-8")
    before = target.read_bytes()
    args = ["check", str(SEEDS), "--baseline", str(target)] if command == "check" else ["baseline", str(SEEDS), "--update", "--output", str(target)]
    done = run_cli(*args)
    assert done.returncode == 2
    assert done.stderr == f"factcheck: error: {target}: {BROKEN_BASELINES[case][1]}\n"
    assert done.stdout == ""
    assert target.read_bytes() == before


def test_missing_baseline_is_an_error_not_an_empty_baseline(tmp_path):
    done = run_cli("check", str(SEEDS), "--baseline", str(tmp_path / "none.json"))
    assert done.returncode == 2
    assert done.stderr == f"factcheck: error: {tmp_path / 'none.json'}: no such baseline; create it with `factcheck baseline`\n"


def test_load_baseline_raises_checker_error(tmp_path):
    target = tmp_path / "b.json"
    target.write_text('{"version": 1, "include": [], "entries": [], "extra": 1}')
    with pytest.raises(CheckerError, match=r"invalid baseline: extra: Extra inputs are not permitted"):
        load_baseline(target)


def test_write_is_atomic_when_rendering_fails(tmp_path, monkeypatch):
    import checker.output as output

    target = tmp_path / "b.json"
    target.write_text("old")

    class Boom(Exception):
        pass

    def failing_replace(src, dst):
        raise Boom

    monkeypatch.setattr(output.os, "replace", failing_replace)
    with pytest.raises(Boom):
        output.write_atomic(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json"]
