"""The claim texts cache: a warm JSON report takes the claims of unchanged documents from it and is
byte for byte the report without any cache; a damaged or outdated texts file is never trusted, and
the other formats neither read nor write it."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from checker.claim_texts import ClaimTexts, texts_fingerprint
from seed_copies import D002, SEEDS, check_json, checked_copy, run_cli, uncached_report

# Every seed has claims.
DOCUMENTS = 5


def reused(stderr: str) -> int:
    return int(re.search(r"claim texts of (\d+) documents reused", stderr).group(1))


def texts_file(cache: Path) -> Path:
    [found] = cache.glob("*/*.texts")
    return found


def test_a_warm_report_is_the_report_without_a_cache(tmp_path):
    corpus, cache, cold = checked_copy(tmp_path)
    warm = check_json(corpus, cache)
    assert reused(cold.stderr) == 0
    assert reused(warm.stderr) == DOCUMENTS
    assert cold.stdout == warm.stdout == uncached_report(corpus)


def test_an_edit_that_moves_claims_renders_that_document_again(tmp_path):
    corpus, cache, _ = checked_copy(tmp_path)
    article = corpus / D002
    article.write_text("Updated.\n" + article.read_text(encoding="utf-8"), encoding="utf-8")
    edited = check_json(corpus, cache)
    assert reused(edited.stderr) == DOCUMENTS - 1
    assert edited.stdout == uncached_report(corpus)
    again = check_json(corpus, cache)  # the new text was kept
    assert reused(again.stderr) == DOCUMENTS and again.stdout == edited.stdout


def test_a_removed_article_is_dropped_from_the_texts(tmp_path):
    corpus, cache, _ = checked_copy(tmp_path)
    (corpus / D002).unlink()
    removed = check_json(corpus, cache)
    assert reused(removed.stderr) == DOCUMENTS - 1
    assert removed.stdout == uncached_report(corpus)
    assert D002.encode() not in texts_file(cache).read_bytes()


def test_a_damaged_texts_file_is_ignored(tmp_path):
    corpus, cache, cold = checked_copy(tmp_path)
    path = texts_file(cache)
    raw = bytearray(path.read_bytes())
    raw[raw.index(b'"start": ') + len(b'"start": ')] ^= 1  # a claim's first digit of its start: 3 reads 2
    path.write_bytes(bytes(raw))
    damaged = check_json(corpus, cache)
    assert reused(damaged.stderr) == 0 and damaged.stdout == cold.stdout
    again = check_json(corpus, cache)  # the damaged file was replaced
    assert reused(again.stderr) == DOCUMENTS and again.stdout == cold.stdout


def test_texts_of_other_rendering_code_are_not_used(tmp_path):
    corpus, cache, cold = checked_copy(tmp_path)
    path = texts_file(cache)
    current = ClaimTexts(path, texts_fingerprint())
    current.load()
    assert len(current.entries) == DOCUMENTS
    # Well-formed, checksum and all, but written by other rendering code.
    other = ClaimTexts(path, "0" * 16)
    for doc_id, (digest, start, end) in current.entries.items():
        other.put(doc_id, digest, current.texts[start:end].replace(b'"kind": "', b'"kind": "OUTDATED '))
    other.save()
    again = check_json(corpus, cache)
    assert reused(again.stderr) == 0 and again.stdout == cold.stdout
    assert b"OUTDATED" not in path.read_bytes()


def test_a_texts_file_that_cannot_be_written_changes_nothing_but_a_warning(tmp_path):
    corpus, cache, _ = checked_copy(tmp_path)
    path = texts_file(cache)
    path.unlink()
    path.mkdir()  # neither readable nor replaceable as a file
    plain = run_cli("check", str(corpus), "-f", "json", "--no-cache")
    warm = check_json(corpus, cache)
    assert reused(warm.stderr) == 0
    assert (warm.stdout, warm.returncode) == (plain.stdout, plain.returncode)
    assert "cannot write the claim texts cache" in warm.stderr


def test_other_reports_neither_read_nor_write_the_texts(tmp_path):
    corpus, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(SEEDS, corpus)
    others = [("-f", "table"), ("-f", "markdown"), ("-f", "sarif"), ("-f", "json", "--claims", "findings"),
              ("-f", "json", "--claims", "none")]
    for options in others:
        run_cli("check", str(corpus), "--cache-dir", str(cache), *options)
    assert list(cache.glob("*/*.texts")) == []
    run_cli("check", str(corpus), "-f", "json", "--no-cache", "--cache-dir", str(cache))
    assert list(cache.glob("*/*.texts")) == []
    check_json(corpus, cache)
    path = texts_file(cache)
    path.write_bytes(b"not a texts file")  # a JSON report listing every claim would replace it
    for options in others:
        run_cli("check", str(corpus), "--cache-dir", str(cache), *options)
    run_cli("check", str(corpus), "-f", "json", "--no-cache", "--cache-dir", str(cache))
    assert path.read_bytes() == b"not a texts file"


def test_a_document_id_that_is_not_utf8_is_kept_and_read_back(tmp_path):
    path = tmp_path / "corpus.texts"
    written = ClaimTexts(path, "fingerprint")
    written.put("x\udcff.txt", "digest-1", '{\n      "doc": "x\\udcff.txt", "quote": "Seoul — 서울"\n    }'.encode())
    written.put("y.txt", "digest-2", b"{}")
    written.save()
    read = ClaimTexts(path, "fingerprint")
    read.load()
    assert read.get("x\udcff.txt", "digest-1") == '{\n      "doc": "x\\udcff.txt", "quote": "Seoul — 서울"\n    }'.encode()
    assert read.get("y.txt", "another digest") is None
    assert read.get("y.txt", None) is None
    assert read.reused == 1
    other = ClaimTexts(path, "another-fingerprint")
    other.load()
    assert other.get("y.txt", "digest-2") is None


def test_a_file_a_little_out_of_date_is_left_as_it_is(tmp_path):
    path = tmp_path / "corpus.texts"
    first = ClaimTexts(path, "fingerprint")
    for number in range(200):
        first.put(f"{number:03d}.txt", f"digest-{number}", f"text {number}".encode())
    first.save()
    written = path.read_bytes()

    def rerun(changed: int) -> ClaimTexts:
        """A run in which the first `changed` documents were rendered afresh."""
        texts = ClaimTexts(path, "fingerprint")
        texts.load()
        for number in range(200):
            if number >= changed:
                assert texts.get(f"{number:03d}.txt", f"digest-{number}") == f"text {number}".encode()
            else:
                assert texts.get(f"{number:03d}.txt", "new digest") is None
                texts.put(f"{number:03d}.txt", "new digest", b"new text")
        texts.save()
        return texts

    # One document edited: its old entry unused and its new text not kept, two out of date in 200.
    # Rendering it again next time costs less than a rewrite.
    assert rerun(1).reused == 199 and path.read_bytes() == written
    assert rerun(1).reused == 199
    # Two edited: four out of date, more than one in a hundred: the file is rewritten.
    assert rerun(2).reused == 198 and path.read_bytes() != written
    rewritten = ClaimTexts(path, "fingerprint")
    rewritten.load()
    assert rewritten.get("001.txt", "new digest") == b"new text"
    assert rewritten.get("002.txt", "digest-2") == b"text 2"
