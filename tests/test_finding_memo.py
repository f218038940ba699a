"""The findings cache: a re-run compares only the subjects whose articles changed, and its output
is byte for byte a run without any cache; a damaged or outdated findings pack is never trusted."""

from __future__ import annotations

import json
import re
from pathlib import Path

from checker.cache import read_pack, write_pack
from seed_copies import D002, check_json, checked_copy, copy_with_57th, rewrite_keeping_checksum, uncached_report

# On the seeds, the rules meet 11 (rule, subject) pairs: the US-ROK alliance (anniversaries and the
# treaty together), the SCM and KIDD series, USFK, and seven offices.
SUBJECTS = 11


def memo_counts(stderr: str) -> tuple[int, int]:
    found = re.search(r"findings of (\d+) subjects reused, (\d+) compared", stderr)
    return int(found.group(1)), int(found.group(2))


def memo_pack(cache: Path) -> Path:
    [pack] = cache.glob("*/*.findings.pack")
    return pack


def test_a_rerun_reuses_every_subject_and_changes_nothing(tmp_path):
    corpus, cache, cold = checked_copy(tmp_path)
    warm = check_json(corpus, cache)
    assert memo_counts(cold.stderr) == (0, SUBJECTS)
    assert memo_counts(warm.stderr) == (SUBJECTS, 0)
    assert cold.stdout == warm.stdout == uncached_report(corpus)


def test_an_edited_article_has_only_its_subjects_compared_again(tmp_path):
    corpus, cache, _ = checked_copy(tmp_path)
    edited = copy_with_57th(tmp_path / "edited")
    (corpus / D002).write_bytes((edited / D002).read_bytes())
    warm = check_json(corpus, cache)
    # 002's claims are on the SCM and KIDD series: both are compared again.
    assert memo_counts(warm.stderr) == (SUBJECTS - 2, 2)
    assert warm.stdout == uncached_report(corpus)
    assert '"contradictions": 1' in warm.stdout


def test_an_edit_that_moves_no_claim_compares_nothing_again(tmp_path):
    corpus, cache, _ = checked_copy(tmp_path)
    article = corpus / D002
    article.write_text(article.read_text(encoding="utf-8") + "\nThis article was updated.\n", encoding="utf-8")
    warm = check_json(corpus, cache)
    assert " 1 misses" in warm.stderr
    assert memo_counts(warm.stderr) == (SUBJECTS, 0)
    assert warm.stdout == uncached_report(corpus)


def test_an_edit_that_moves_claims_compares_their_subjects_again(tmp_path):
    corpus, cache, _ = checked_copy(tmp_path)
    article = corpus / D002
    article.write_text("Updated.\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    warm = check_json(corpus, cache)
    # Every span of 002 moved: both of its subjects are compared again, with the new positions.
    assert memo_counts(warm.stderr) == (SUBJECTS - 2, 2)
    assert warm.stdout == uncached_report(corpus)


def test_a_removed_article_changes_the_subjects_it_spoke_of(tmp_path):
    corpus, cache, _ = checked_copy(tmp_path)
    (corpus / D002).unlink()
    warm = check_json(corpus, cache)
    # 002 alone spoke of KIDD, which is gone; SCM is compared again without it.
    assert memo_counts(warm.stderr) == (SUBJECTS - 2, 1)
    assert warm.stdout == uncached_report(corpus)


def test_a_damaged_findings_pack_is_dropped(tmp_path):
    corpus, cache, cold = checked_copy(tmp_path)
    damaged = []

    def make_an_agreement_a_contradiction(body):
        for entry in body["entries"].values():
            for finding in entry[1]:
                if finding["verdict"] == "agreement" and not damaged:
                    finding["verdict"] = "contradiction"
                    damaged.append(finding)

    rewrite_keeping_checksum(memo_pack(cache), make_an_agreement_a_contradiction)
    assert damaged
    again = check_json(corpus, cache)
    assert memo_counts(again.stderr) == (0, SUBJECTS) and again.stdout == cold.stdout


def test_findings_of_other_comparing_code_are_not_used(tmp_path):
    corpus, cache, cold = checked_copy(tmp_path)
    pack = memo_pack(cache)
    body, _ = read_pack(pack)
    for entry in body["entries"].values():
        for finding in entry[1]:
            finding["message"] = "written by an older version"
    write_pack(pack, {**body, "compare": "0" * 16})  # a well-formed pack, checksum and all
    again = check_json(corpus, cache)
    assert memo_counts(again.stderr) == (0, SUBJECTS) and again.stdout == cold.stdout
    assert "older version" not in json.dumps(read_pack(pack)[0])
