"""The claim pack's journal: a re-run after an edit appends its changes instead of rewriting the
pack; a damaged line is skipped, never trusted; a long journal is folded into a new pack."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from checker.cache import read_pack
from seed_copies import SEEDS, run_cli, uncached_report

COPIES = 10


@pytest.fixture
def corpus(tmp_path) -> Path:
    """The seeds ten times over, each copy dated as the seeds are and told apart by a last line."""
    root = tmp_path / "news"
    root.mkdir()
    manifest = (SEEDS / "corpus.toml").read_text(encoding="utf-8")
    lines = []
    for copy in range(COPIES):
        for seed in sorted(SEEDS.glob("*.txt")):
            (root / f"{copy}_{seed.name}").write_text(seed.read_text(encoding="utf-8") + f"\nCopy {copy}.\n", encoding="utf-8")
        lines.append(manifest.replace('[files."', f'[files."{copy}_'))
    (root / "corpus.toml").write_text("\n".join(lines), encoding="utf-8")
    return root


def check(corpus: Path, cache: Path):
    done = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert done.returncode in (0, 1), done.stderr
    return done


def pack_and_journal(cache: Path) -> tuple[Path, Path]:
    [pack] = cache.glob("*/" + "[0-9a-f]" * 16 + ".pack")  # the corpus key's pack, not the findings or the patterns
    return pack, pack.with_suffix(".journal")


def settle(article: Path) -> None:
    """Date the file a minute back and let its change time settle: the cache then trusts its state
    (cache.SETTLED_NS) and the next run neither reads it nor records it again."""
    past = time.time() - 60
    os.utime(article, (past, past))
    time.sleep(1.1)


def append_to(article: Path, text: str) -> None:
    article.write_text(article.read_text(encoding="utf-8") + text, encoding="utf-8")


def test_an_edit_is_appended_to_the_journal_and_read_back(corpus, tmp_path):
    cache = tmp_path / "cache"
    check(corpus, cache)
    pack, journal = pack_and_journal(cache)
    before = pack.read_bytes()
    assert not journal.exists()
    article = corpus / "3_002_51cc27108498c399.txt"
    append_to(article, "\nThe 71st anniversary of the alliance was marked on Monday.\n")
    settle(article)
    edited = check(corpus, cache)
    assert " 1 misses" in edited.stderr
    assert pack.read_bytes() == before and len(journal.read_bytes().splitlines()) == 1
    again = check(corpus, cache)
    assert " 0 misses" in again.stderr and "(50 unchanged, not read)" in again.stderr
    assert again.stdout == edited.stdout == uncached_report(corpus)
    assert pack.read_bytes() == before and len(journal.read_bytes().splitlines()) == 1  # nothing changed, nothing written


def test_a_damaged_journal_line_is_skipped(corpus, tmp_path):
    cache = tmp_path / "cache"
    check(corpus, cache)
    article = corpus / "3_002_51cc27108498c399.txt"
    append_to(article, "\nThe 71st anniversary of the alliance was marked on Monday.\n")
    check(corpus, cache)
    _, journal = pack_and_journal(cache)
    journal.write_bytes(journal.read_bytes().replace(b"71st", b"72nd"))  # well-formed, but not what was written
    again = check(corpus, cache)
    assert " 1 misses" in again.stderr  # the article is read again
    assert again.stdout == uncached_report(corpus)
    assert '"value": 72' not in again.stdout


def test_a_long_journal_is_folded_into_a_new_pack(corpus, tmp_path):
    cache = tmp_path / "cache"
    check(corpus, cache)
    pack, journal = pack_and_journal(cache)
    folded, appended = False, 0
    # Each edit adds fifteen claims: a few such edits make the journal a quarter of the pack.
    many_claims = "".join(f"\nThe {n}th anniversary of the alliance was marked on Monday.\n" for n in range(30, 45))
    for edit in range(COPIES):
        append_to(corpus / f"{edit}_002_51cc27108498c399.txt", many_claims)
        check(corpus, cache)
        if not journal.exists():
            folded = True
            break
        appended += 1
    assert folded and appended >= 1
    # The new pack keeps what the corpus needs now: one entry per article, the replaced ones gone.
    body, _ = read_pack(pack)
    assert len(body["entries"]) == 5 * COPIES and len(body["files"]) == 5 * COPIES
    again = check(corpus, cache)
    assert " 0 misses" in again.stderr and again.stdout == uncached_report(corpus)
