"""Compiled patterns kept between runs (checker/programs.py): a pattern rebuilt from its stored program
is the pattern re.compile gives, a program that does not fit is compiled again, and a re-run's
extraction takes the cache's store instead of compiling."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from checker import programs
from checker.cache import read_pack
from checker.extract.meeting_number import patterns as meeting_patterns
from checker.extract.office_forms import patterns as office_patterns
from checker.rules import load_rules
from checker.timeparse import DATE_PHRASE
from seed_copies import D002, SEEDS, run_cli

VOCABULARY = load_rules().vocabulary
# Some of the extractors' largest patterns, and a few small ones with names, flags and verbose layout.
PATTERNS = [
    *((p.pattern, p.flags) for p in vars(office_patterns(VOCABULARY)).values()),
    *((p.pattern, p.flags) for p in meeting_patterns(VOCABULARY)),
    (DATE_PHRASE.pattern, DATE_PHRASE.flags),
    (r"(?P<year>1[89]\d\d|20\d\d)\s+$", 0),
    (r"\b(?:alliance|allies)\b", re.I),
    (r"(?x) a \s+ b # comment", 0),
]


@pytest.fixture
def empty_store(monkeypatch):
    """The module's store emptied for the test, and put back after it."""
    monkeypatch.setattr(programs, "_programs", {})
    monkeypatch.setattr(programs, "_added", False)


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_compiled_pattern_is_re_compiles_and_its_rebuilt_copy_too(empty_store, pattern, flags):
    fresh = programs.compiled(pattern, flags)
    assert programs.added()
    stored = programs.exported()
    programs._programs.clear()
    programs.written()
    programs.absorb(stored)
    rebuilt = programs.compiled(pattern, flags)
    assert not programs.added()  # rebuilt from the program, not compiled
    expected = re.compile(pattern, flags)
    # Patterns compare equal when their text, flags and compiled code are the same.
    assert fresh == rebuilt == expected
    assert rebuilt.groupindex == expected.groupindex and rebuilt.groups == expected.groups


def test_the_store_of_another_interpreter_is_left_out(empty_store):
    programs.compiled(r"\b(?P<word>\w+)\b")
    stored = programs.exported()
    programs._programs.clear()
    programs.absorb({**stored, "version": "cpython-39-3.9.0-20171005"})
    assert programs._programs == {}


def test_a_program_that_does_not_fit_is_compiled_again(empty_store):
    """What `re` refuses to run (a program it cannot read, a wrong shape) is compiled again. A program
    damaged on disk never gets this far: the store's checksum drops it (see the test below)."""
    pattern = r"\b(?P<ordinal>\d+)(?:st|nd|rd|th)\b"
    programs.compiled(pattern)
    [entry] = programs.exported()["programs"]
    damaged = [*entry[:3], [999, 999, 999], *entry[4:]]  # no program of any pattern
    programs._programs.clear()
    programs.written()
    programs.absorb({"version": programs.VERSION, "programs": [damaged, ["not", "an", "entry"], 7]})
    assert programs.compiled(pattern) == re.compile(pattern)
    assert programs.added()  # compiled again


def check(corpus: Path, cache: Path) -> str:
    done = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--jobs", "1")
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_a_rerun_extracts_with_the_stored_patterns_and_a_damaged_store_is_written_again(tmp_path):
    corpus, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(SEEDS, corpus)
    cold = check(corpus, cache)
    [store] = cache.glob(f"*/patterns-{programs.VERSION}.pack")
    body, _ = read_pack(store)
    assert body["version"] == programs.VERSION and len(body["programs"]) > 20
    written = store.stat()

    article = corpus / D002
    article.write_text(article.read_text(encoding="utf-8") + "\nEditor's note: updated.\n", encoding="utf-8")
    assert check(corpus, cache) == cold
    kept = store.stat()
    # Not written again: the re-run compiled none of the patterns the article needed.
    assert (kept.st_ino, kept.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)

    damaged = bytearray(store.read_bytes())
    damaged[len(damaged) // 2] ^= 0x01
    store.write_bytes(bytes(damaged))
    article.write_text(article.read_text(encoding="utf-8") + "Second note.\n", encoding="utf-8")
    assert check(corpus, cache) == cold
    rewritten, _ = read_pack(store)  # whole again: what the edited article needed, compiled again
    assert rewritten["version"] == programs.VERSION and rewritten["programs"]
    assert {repr(entry) for entry in rewritten["programs"]} <= {repr(entry) for entry in body["programs"]}


def test_no_cache_keeps_no_patterns(tmp_path):
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    done = run_cli("check", str(corpus), "-f", "json", "--no-cache", "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds"]


def test_a_store_that_cannot_be_written_is_tried_once(empty_store, monkeypatch, tmp_path):
    from checker import pipeline

    attempts = []

    def unwritable(path, body):
        attempts.append(path)
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(pipeline, "write_pack", unwritable)
    monkeypatch.setattr(pipeline, "_PROGRAMS_PATH", tmp_path / "patterns.pack")
    monkeypatch.setattr(pipeline, "_PROGRAMS_UNWRITABLE", set())
    for number in range(3):  # a task after another, each compiling a pattern afresh
        programs.compiled(rf"\b{number}(?:st|nd|rd|th)\b")
        pipeline._keep_programs()
    assert attempts == [tmp_path / "patterns.pack"]


def test_a_store_that_cannot_be_written_changes_nothing(tmp_path):
    corpus, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(SEEDS, corpus)
    cold = check(corpus, cache)
    [store] = cache.glob(f"*/patterns-{programs.VERSION}.pack")
    store.unlink()
    store.mkdir()  # neither readable nor replaceable as a file
    article = corpus / D002
    article.write_text(article.read_text(encoding="utf-8") + "\nEditor's note: updated.\n", encoding="utf-8")
    assert check(corpus, cache) == cold
    assert store.is_dir()


def test_a_run_without_a_cache_writes_no_store_where_an_earlier_run_kept_one(empty_store, monkeypatch, tmp_path):
    from checker import pipeline

    written = []
    monkeypatch.setattr(pipeline, "write_pack", lambda path, body: written.append(path))
    monkeypatch.setattr(pipeline, "_PROGRAMS_PATH", None)
    pipeline._start_programs(tmp_path / "patterns.pack")  # a run with a cache, in this process
    programs.compiled(r"\bfirst\b")
    pipeline._keep_programs()
    pipeline._start_programs(None)  # then one without
    programs.compiled(r"\bsecond\b")
    pipeline._keep_programs()
    assert written == [tmp_path / "patterns.pack"]
