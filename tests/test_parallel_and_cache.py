"""--jobs and the claim cache change nothing in the output; a corrupt cache is dropped, not trusted."""

from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.engine import Options, check
from checker.pipeline import CHUNK
from seed_copies import rewrite_keeping_checksum

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """The seeds many times over, in subdirectories, with shifted dates: more than one chunk."""
    root = tmp_path_factory.mktemp("corpus") / "news"
    lines = []
    for copy in range(CHUNK // 5 + 3):
        folder = root / f"{copy % 4:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        for index, seed in enumerate(sorted(SEEDS.glob("*.txt"))):
            name = f"{copy:03d}_{seed.name}"
            (folder / name).write_bytes(seed.read_bytes())
            lines.append(f'[files."{folder.name}/{name}"]\npublished = 20{20 + (copy + index) % 5}-0{1 + copy % 9}-1{index}\n')
    (root / "corpus.toml").write_text("\n".join(lines))
    return root


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})


def report(corpus: Path, *options: str) -> str:
    done = run_cli("check", str(corpus), "--format", "json", *options)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_output_is_byte_identical_whatever_the_number_of_jobs(corpus, tmp_path):
    one = report(corpus, "--jobs", "1", "--no-cache")
    assert json.loads(one)["summary"]["documents"] > CHUNK
    assert report(corpus, "--jobs", "2", "--no-cache") == one
    assert report(corpus, "--jobs", "3", "--no-cache") == one


def test_chunks_read_while_the_first_worker_warms_up_change_nothing(tmp_path):
    """A first run: one worker compiles the patterns and stores them, the others start from them, and
    the chunks read meanwhile wait their turn in this process (pipeline._Runner). Ten chunks are read
    well before the patterns are compiled."""
    root = tmp_path / "news"
    root.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for copy in range(2 * CHUNK):
        for seed in seeds:
            (root / f"{copy:03d}_{seed.name}").write_bytes(seed.read_bytes() + f"\nCopy {copy}.\n".encode())
    plain = report(root, "--no-cache", "--jobs", "1")
    assert json.loads(plain)["summary"]["documents"] == 10 * CHUNK
    cache = tmp_path / "cache"
    assert report(root, "--cache-dir", str(cache), "--jobs", "3") == plain
    [store] = cache.glob("*/patterns-*.pack")  # written by the first worker, read by the other two
    assert report(root, "--cache-dir", str(cache), "--jobs", "3") == plain


def test_output_is_byte_identical_cold_and_warm(corpus, tmp_path):
    plain = report(corpus, "--no-cache")
    cache = tmp_path / "cache"
    cold = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings")
    warm = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings", "--jobs", "2")
    assert cold.stdout == warm.stdout == plain
    assert " 0 hits" in cold.stderr
    assert " 0 misses" in warm.stderr


def test_editing_one_file_recomputes_that_file_only(corpus, tmp_path):
    edited = tmp_path / "news"
    shutil.copytree(corpus, edited)
    cache = tmp_path / "cache"
    run_cli("check", str(edited), "--cache-dir", str(cache))
    target = sorted(edited.rglob("*.txt"))[3]
    target.write_text(target.read_text() + "\nThe 71st anniversary of the alliance was marked on Monday.\n")
    warm = run_cli("check", str(edited), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert " 1 misses" in warm.stderr
    assert warm.stdout == report(edited, "--no-cache")


def test_the_default_cache_sits_next_to_the_corpus(corpus):
    run_cli("check", str(corpus), "--jobs", "1")
    assert (corpus.parent / ".factcheck-cache").is_dir()


def pack_of(cache: Path) -> Path:
    [pack] = cache.glob("*/" + "[0-9a-f]" * 16 + ".pack")  # the corpus key's pack, not the findings or the patterns
    return pack


def test_corrupt_entries_are_dropped_and_recomputed(corpus, tmp_path):
    cache = tmp_path / "cache"
    good = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache)).stdout

    def break_two_entries(body):
        keys = sorted(body["entries"])
        body["entries"][keys[0]] = [["meeting_number", "series:scm", 99, "bogus"]]   # wrong shape
        body["entries"][keys[1]] = "not rows"

    rewrite_keeping_checksum(pack_of(cache), break_two_entries)
    again = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert again.stdout == good
    assert " 1 dropped" in again.stderr and " 0 hits" in again.stderr


def test_a_damaged_but_well_formed_row_is_not_trusted(corpus, tmp_path):
    cache = tmp_path / "cache"
    good = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache)).stdout
    damaged = []

    def renumber_one_meeting(body):
        for entry in body["entries"].values():
            for index, row in enumerate(entry[0]):
                if row[1] == "series:scm" and row[2] == 54 and not damaged:
                    entry[0][index] = (*row[:2], 55, *row[3:])
                    damaged.append(row)

    rewrite_keeping_checksum(pack_of(cache), renumber_one_meeting)
    assert damaged
    again = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert again.stdout == good and " 1 dropped" in again.stderr
    warm = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert " 0 misses" in warm.stderr and warm.stdout == good


def another_interpreters_pack(pack: Path) -> bytes:
    """A whole pack, checksum and all, that names another interpreter's marshal: not to be decoded here."""
    header, body = pack.read_bytes().split(b"\n", 1)
    fields = header.split(b" ")
    fields[3] = b"cpython-399-marshal9"
    return b" ".join(fields) + b"\n" + body


@pytest.mark.parametrize("damage", [b"{not json", b'{"format": 2, "body": []}', b"factcheck pack 6", another_interpreters_pack])
def test_a_corrupt_pack_is_dropped_and_rebuilt(corpus, tmp_path, damage):
    cache = tmp_path / "cache"
    good = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache)).stdout
    pack = pack_of(cache)
    pack.write_bytes(damage(pack) if callable(damage) else damage)
    again = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert again.returncode in (0, 1) and again.stdout == good
    assert " 0 hits" in again.stderr and " 1 dropped" in again.stderr
    warm = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert " 0 misses" in warm.stderr and warm.stdout == good


def test_the_cache_is_safe_to_delete_and_to_share(corpus, tmp_path):
    cache = tmp_path / "cache"
    first = [subprocess.Popen([sys.executable, "-m", "checker.cli", "check", str(corpus), "-f", "json", "--cache-dir", str(cache)],
                              stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = {process.communicate()[0] for process in first}
    assert len(outputs) == 1
    assert not list(cache.rglob("*.tmp"))
    shutil.rmtree(cache)
    assert report(corpus, "--cache-dir", str(cache)) in outputs


def test_a_new_rules_fingerprint_starts_a_new_cache_directory(corpus, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(Path(__file__).resolve().parent.parent / "rules", rules)
    cache = tmp_path / "cache"
    run_cli("check", str(corpus), "--cache-dir", str(cache))
    (rules / "rules.toml").write_text((rules / "rules.toml").read_text() + "\n# edited\n")
    run_cli("check", str(corpus), "--cache-dir", str(cache), "--rules", str(rules))
    assert len(list(cache.iterdir())) == 2


def test_library_runs_with_jobs_and_cache_equal_the_default(corpus, tmp_path):
    plain = check([corpus])
    fast = check([corpus], options=Options(jobs=2, cache=True, cache_dir=tmp_path / "c", keep_texts=False))
    assert [c.model_dump() for c in fast.claims] == [c.model_dump() for c in plain.claims]
    assert fast.findings == plain.findings
    assert all(d.text == "" for d in fast.corpus.documents) and plain.corpus.documents[0].text


def test_no_progress_bar_when_stderr_is_not_a_terminal(corpus):
    done = run_cli("check", str(corpus), "--no-cache", "--jobs", "1")
    assert "\r" not in done.stderr and "articles" not in done.stderr


def test_progress_bar_on_a_terminal_and_quiet_silences_it():
    import io

    from checker.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    shown, silent = Terminal(), Terminal()
    for stream, enabled in ((shown, None), (silent, False)):
        bar = Progress(total=10, enabled=enabled, stream=stream, delay=0.0)
        for _ in range(10):
            bar.advance()
        bar.close()
    assert "/10 articles" in shown.getvalue() and shown.getvalue().endswith("\r\x1b[K")
    assert silent.getvalue() == ""


def test_progress_bar_waits_a_second():
    import io

    from checker.progress import Progress

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    stream = Terminal()
    bar = Progress(total=5, stream=stream)
    for _ in range(5):
        bar.advance()
    bar.close()
    assert stream.getvalue() == ""


def settled(root: Path) -> None:
    """Date every article a minute back, as files of an archive are: the cache then trusts their state."""
    import time

    past = time.time() - 60
    for path in root.rglob("*.txt"):
        os.utime(path, (past, past))
    time.sleep(1.1)  # the change time, which utime sets to now, must settle too (cache.SETTLED_NS)


def test_unchanged_files_are_not_read_again_and_changes_are_seen(corpus, tmp_path):
    archive = tmp_path / "news"
    shutil.copytree(corpus, archive)
    settled(archive)
    cache = tmp_path / "cache"
    cold = run_cli("check", str(archive), "-f", "json", "--cache-dir", str(cache), "--timings")
    warm = run_cli("check", str(archive), "-f", "json", "--cache-dir", str(cache), "--timings")
    count = json.loads(cold.stdout)["summary"]["documents"]
    assert f"({count} unchanged, not read)" in warm.stderr and warm.stdout == cold.stdout

    # Same size, same modification time: the change time still tells.
    target = sorted(archive.rglob("*.txt"))[0]
    stat = target.stat()
    text = target.read_text()
    target.write_text(text.replace("alliance", "ALLIANCE", 1))
    os.utime(target, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    again = run_cli("check", str(archive), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert f"({count - 1} unchanged, not read) 1 misses" in again.stderr
    assert again.stdout == report(archive, "--no-cache")


def test_a_new_manifest_date_is_seen_without_the_file_changing(corpus, tmp_path):
    archive = tmp_path / "news"
    shutil.copytree(corpus, archive)
    settled(archive)
    cache = tmp_path / "cache"
    run_cli("check", str(archive), "--cache-dir", str(cache))
    manifest = archive / "corpus.toml"
    first = re.search(r'published = (\S+)', manifest.read_text()).group(1)
    manifest.write_text(manifest.read_text().replace(f"published = {first}", "published = 2019-01-01", 1))
    again = run_cli("check", str(archive), "-f", "json", "--cache-dir", str(cache), "--timings")
    assert " 1 misses" in again.stderr
    assert again.stdout == report(archive, "--no-cache")


def test_a_warming_worker_no_article_needed_is_ended_not_waited_for():
    import signal

    from checker.pipeline import _Runner, warm_worker
    from checker.rules import load_rules

    vocabulary = load_rules().vocabulary
    ready = warm_worker(vocabulary)
    processes = list(ready.pool._processes.values())  # the pool's own table: what close() must end
    assert len(processes) == 1
    _Runner(vocabulary, 2, ready).close()  # no chunk was submitted
    # Compiling the extractors takes a good part of a second: ended by close(), it did not finish.
    assert [process.exitcode for process in processes] == [-signal.SIGTERM]
