"""corpus.toml and front matter: every problem is an error or a warning naming the file and the line."""

from __future__ import annotations

import datetime as dt
import os
import re

from checker.corpus import load_corpus
from robust_helpers import CLAIMS_ASCII, assert_one_line_error, invoke, run_cli


def corpus_with_manifest(tmp_path, manifest: str, articles=("a.txt",)):
    for name in articles:
        (tmp_path / name).write_text("No date here.", encoding="utf-8")
    (tmp_path / "corpus.toml").write_text(manifest, encoding="utf-8")
    return tmp_path


def test_malformed_toml_exits_2_with_file_and_line(tmp_path):
    corpus_with_manifest(tmp_path, '[files."a.txt"]\npublished = 2024-01-01\n[files."b.txt"\n')
    run = invoke("check", str(tmp_path))
    assert_one_line_error(run, re.escape(f"{tmp_path / 'corpus.toml'}: malformed TOML: ") + r".*\(at line 3, column \d+\)")


def test_a_date_that_is_not_a_date_exits_2_with_file_line_and_entry(tmp_path):
    corpus_with_manifest(tmp_path, '# dates\n\n[files."a.txt"]\npublished = "last Tuesday"\n')
    run = invoke("check", str(tmp_path))
    assert_one_line_error(run, re.escape(f"{tmp_path / 'corpus.toml'}:3: files.'a.txt': published = 'last Tuesday' is not a date"))


def test_an_impossible_calendar_date_is_a_toml_error_with_its_line(tmp_path):
    corpus_with_manifest(tmp_path, '[files."a.txt"]\npublished = 2024-02-30\n')
    run = invoke("check", str(tmp_path))
    assert_one_line_error(run, re.escape(f"{tmp_path / 'corpus.toml'}: malformed TOML: ") + r".*\(at line 2, column \d+\)")


def test_an_entry_without_a_date_exits_2_with_its_line(tmp_path):
    corpus_with_manifest(tmp_path, '[files."a.txt"]\ndate = 2024-01-01\n')
    run = invoke("check", str(tmp_path))
    assert_one_line_error(run, re.escape(f"{tmp_path / 'corpus.toml'}:1: files.'a.txt': missing 'published'"))


def test_an_unknown_file_is_a_warning_with_its_line(tmp_path):
    corpus_with_manifest(tmp_path, '[files."a.txt"]\npublished = 2024-01-01\n\n[files."gone.txt"]\npublished = 2024-01-02\n')
    corpus = load_corpus([tmp_path])
    assert corpus.warnings == ["corpus.toml:4: lists 'gone.txt', which is not in the corpus"]
    run = invoke("check", str(tmp_path))
    assert run.code == 0
    assert run.stderr == "factcheck: warning: corpus.toml:4: lists 'gone.txt', which is not in the corpus\n"


def test_a_skipped_file_listed_in_the_manifest_is_not_called_unknown(tmp_path):
    corpus_with_manifest(tmp_path, '[files."image.txt"]\npublished = 2024-01-01\n')
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    corpus = load_corpus([tmp_path])
    assert corpus.warnings == []
    assert [(s.path, s.reason) for s in corpus.skipped] == [("image.txt", "binary file (PNG image)")]


def test_a_date_in_the_future_is_a_warning_with_its_line_and_still_the_date(tmp_path):
    corpus_with_manifest(tmp_path, '[files."a.txt"]\npublished = 2999-01-01\n')
    corpus = load_corpus([tmp_path])
    assert corpus.warnings == ["corpus.toml:1: files.'a.txt': published 2999-01-01 is in the future"]
    assert corpus.documents[0].published == dt.date(2999, 1, 1)


def test_an_unknown_table_is_a_warning_not_silently_ignored(tmp_path):
    corpus_with_manifest(tmp_path, '[file."a.txt"]\npublished = 2024-01-01\n')
    corpus = load_corpus([tmp_path])
    assert corpus.warnings == ["corpus.toml:1: unknown table or key 'file' (expected [files.\"NAME\"]); ignored"]
    assert corpus.documents[0].published is None


def test_files_that_is_not_a_table_exits_2(tmp_path):
    corpus_with_manifest(tmp_path, 'files = ["a.txt"]\n')
    assert_one_line_error(invoke("check", str(tmp_path)),
                          re.escape(f"{tmp_path / 'corpus.toml'}:1: [files] must be a table of file names"))


def test_a_manifest_option_naming_a_directory_or_a_pipe_exits_2_without_hanging(tmp_path):
    (tmp_path / "a.txt").write_text(CLAIMS_ASCII, encoding="utf-8")
    (tmp_path / "dates").mkdir()
    os.mkfifo(tmp_path / "dates.toml")
    for manifest, kind in ((tmp_path / "dates", "a directory"), (tmp_path / "dates.toml", "a named pipe")):
        run = run_cli("check", str(tmp_path / "a.txt"), "--manifest", str(manifest), timeout=60)
        assert_one_line_error(run, re.escape(f"{manifest}: cannot read manifest: not a regular file ({kind})"))


def test_a_manifest_that_is_not_utf8_exits_2(tmp_path):
    (tmp_path / "a.txt").write_text("one", encoding="utf-8")
    (tmp_path / "corpus.toml").write_bytes(b'[files."caf\xe9.txt"]\npublished = 2024-01-01\n')
    assert_one_line_error(invoke("check", str(tmp_path)), re.escape(f"{tmp_path / 'corpus.toml'}: cannot read manifest: not UTF-8 (byte 11)"))


# --- front matter ------------------------------------------------------------------------------

def test_front_matter_date_that_is_not_a_date_warns_with_its_line_and_falls_back(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: x\npublished: 2024-13-45\n---\nSeoul, July 17, 2024 - Body.\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.warnings == ["a.md:3: front matter date '2024-13-45' is not a date (YYYY-MM-DD); ignored"]
    document = corpus.documents[0]
    assert (document.published, document.date_source) == (dt.date(2024, 7, 17), "dateline")


def test_front_matter_date_in_the_future_warns_with_its_line(tmp_path):
    (tmp_path / "a.md").write_text("---\r\npublished: 2999-05-01\r\n---\r\nBody.\r\n", encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert corpus.warnings == ["a.md:2: front matter date 2999-05-01 is in the future"]
    assert corpus.documents[0].published == dt.date(2999, 5, 1)


def test_front_matter_is_not_checked_when_the_manifest_dates_the_file(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: soon\n---\nBody.\n", encoding="utf-8")
    (tmp_path / "corpus.toml").write_text('[files."a.md"]\npublished = 2024-01-01\n', encoding="utf-8")
    assert load_corpus([tmp_path]).warnings == []


def test_front_matter_never_closed_is_no_front_matter(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2024-01-01\n" + "text\n" * 10_000, encoding="utf-8")
    corpus = load_corpus([tmp_path])
    # Not front matter; the ISO date near the top is still a dateline.
    assert (corpus.documents[0].date_source, corpus.warnings) == ("dateline", [])


# --- the other files that configure a run ------------------------------------------------------

def test_a_baseline_or_a_configuration_that_is_a_pipe_exits_2_without_hanging(tmp_path):
    (tmp_path / "a.txt").write_text(CLAIMS_ASCII, encoding="utf-8")
    os.mkfifo(tmp_path / "baseline.json")
    run = run_cli("check", str(tmp_path), "--baseline", str(tmp_path / "baseline.json"), timeout=60)
    assert_one_line_error(run, re.escape(f"{tmp_path / 'baseline.json'}: cannot read baseline: not a regular file (a named pipe)"))
    os.mkfifo(tmp_path / "factcheck.toml")
    run = run_cli("check", str(tmp_path), timeout=60)
    # Config discovery only considers regular files, so a pipe named factcheck.toml is no configuration.
    assert run.code == 0 and "Traceback" not in run.stderr
