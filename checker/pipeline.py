"""Reading and extracting a whole corpus: through the claim cache, over worker processes, in order.

The main process reads each article (it needs the bytes for the cache key and
the text for the date), takes the claims of unchanged articles from the
cache, and sends the rest in chunks to `jobs` worker processes. Results are
put back in corpus order, so the output is the same whatever `jobs` is.
Texts are kept only when the caller asks: a report never needs them.
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import programs
from .cache import ClaimCache, content_key, read_pack, write_pack
from .corpus import CorpusPlan, Documents, new_document, read_article
from .models import Document, Skipped
from .progress import Progress
from .rows import Claims, rows_digest
from .vocabulary import Vocabulary

# Articles per task sent to a worker: enough to amortise the round trip, few enough to balance the load.
CHUNK = 64
# Chunks in flight per worker: keeps workers busy without holding the corpus's texts in memory.
IN_FLIGHT = 3


@dataclass
class Extracted:
    documents: Documents = field(default_factory=lambda: Documents([]))
    rows: list[list] = field(default_factory=list)  # each document's claim rows, in document order
    skipped: list[Skipped] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)  # warnings about each article read, by id
    digests: list[str] | None = None  # the digest of each document's rows, when there is a cache

    def claims(self) -> Claims:
        return Claims(self.documents.ids(), self.rows, self.digests)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class _Pending:
    """Articles waiting for their claims: document, cache key, and where the rows go."""

    documents: list[Document] = field(default_factory=list)
    keys: list[str | None] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)


def extract_corpus(plan: CorpusPlan, vocabulary: Vocabulary, *, jobs: int = 1, cache: ClaimCache | None = None,
                   keep_texts: bool = True, progress: Progress | None = None,
                   ready: WarmWorker | None = None) -> Extracted:
    """Claims of every article of the plan, in document order; unreadable articles are skipped.
    `ready` is a worker from warm_worker, given the first articles to extract."""
    progress = progress or Progress(total=0, enabled=False)
    with fewer_collections():
        return _extract_corpus(plan, vocabulary, jobs, cache, keep_texts, progress, ready)


@dataclass
class WarmWorker:
    """A worker started ahead of the articles (warm_worker), and its warming up."""

    pool: ProcessPoolExecutor
    warmed: Future

    def end(self) -> None:
        """End the worker at once, warmed up or not (a run that stops before extracting: the interpreter's
        exit would otherwise wait for the warming up, or leave the worker waiting for work)."""
        _end_workers(self.pool)
        self.pool.shutdown(wait=True, cancel_futures=True)


def warm_worker(vocabulary: Vocabulary, patterns: Path | None = None) -> WarmWorker:
    """One worker, started now to import the extractors and build their patterns while this process reads on.

    A re-run from a warm cache extracts a few articles, and the first of them
    would otherwise wait for that: a third of a second, or about a tenth when
    the patterns are rebuilt from the cache's store (programs.py). A cold run's
    other workers start once it has warmed up, and rebuild the patterns it stored
    rather than each compile them again (see _Runner). Start it before reading
    the claim pack: a worker forked from a process holding the pack would make
    each page of it that this process then touches a copy (reference counts
    write to every object)."""
    pool = _new_pool(vocabulary, 1, patterns)
    return WarmWorker(pool, pool.submit(_warm_up))  # a pool starts its worker on its first task


@contextmanager
def fewer_collections(threshold: int = 100_000):
    """Run the cyclic garbage collector rarely: extraction allocates millions of short-lived,
    acyclic objects that reference counting frees, while each collection walks every live
    object, claims of the whole corpus included (about a fifth of the time at 10,000 articles).
    A whole check runs so (engine.check): building the claims and comparing them allocate the same way."""
    previous = gc.get_threshold()
    gc.set_threshold(threshold, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _extract_corpus(plan: CorpusPlan, vocabulary: Vocabulary, jobs: int, cache: ClaimCache | None,
                    keep_texts: bool, progress: Progress, ready: WarmWorker | None) -> Extracted:
    documents: list[Document | tuple] = []  # see Documents
    rows_by_slot: list[list | None] = []
    keys: list[str | None] = []
    digests: list[str | None] = []  # of each slot's rows, from the cache; filled in after extraction for the others
    skipped = list(plan.skipped)
    notes: dict[str, list[str]] = {}
    pending = _Pending()
    runner = _Runner(vocabulary, jobs, ready, cache.patterns if cache is not None else None)
    try:
        for doc_id, path in plan.articles:
            stat, seen = _stat(path), time.time_ns()
            reused = None if keep_texts or cache is None or stat is None else _reused(cache, doc_id, stat, plan.manifest)
            if reused is not None:
                doc, key, (rows, digest) = reused
                documents.append(doc)
                rows_by_slot.append(rows)
                keys.append(key)
                digests.append(digest)
                progress.advance()
                continue
            read = read_article(doc_id, path, plan.manifest, plan.today)
            if isinstance(read, Skipped):
                skipped.append(read)
                progress.advance()
                continue
            doc, data, notes[doc_id] = read
            key = content_key(data, doc.published) if cache is not None else None
            rows = cache.get(key) if cache is not None else None
            # An article with warnings is always read again, so its warnings are always given.
            if cache is not None and stat is not None and not notes[doc_id]:
                cache.record_file(doc_id, stat, seen, key, doc.published, doc.date_source)
            rows_by_slot.append(rows)
            keys.append(key)
            digests.append(None)
            documents.append(doc if keep_texts or not doc.text else
                             new_document(id=doc.id, published=doc.published, date_source=doc.date_source, text=""))
            if rows is not None:
                progress.advance()
                continue
            pending.documents.append(doc)
            pending.keys.append(key)
            pending.slots.append(len(rows_by_slot) - 1)
            # The first article to extract goes out alone, at once: the workers' start (imports,
            # compiling patterns) then overlaps the reading of the rest, most of a re-run's work.
            if len(pending.documents) >= CHUNK or not runner.chunks:
                runner.submit(pending, rows_by_slot, cache, progress)
                pending = _Pending()
        if pending.documents:
            runner.submit(pending, rows_by_slot, cache, progress)
        runner.finish(rows_by_slot, cache, progress)
    finally:
        runner.close()
    if cache is None:
        return Extracted(Documents(documents), rows_by_slot, sorted(skipped, key=lambda s: s.path), notes, None)
    for slot, digest in enumerate(digests):
        if digest is None:
            digests[slot] = cache.digest(keys[slot])
    return Extracted(Documents(documents), rows_by_slot, sorted(skipped, key=lambda s: s.path), notes, digests)


def _stat(path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:
        return None


def _reused(cache: ClaimCache, doc_id: str, stat: os.stat_result, manifest) -> tuple[tuple, str, list] | None:
    """An article the cache saw as it is now, with its date unchanged: its document's (id, published,
    date_source) (see Documents), key and cache entry, unread."""
    state = cache.unchanged_file(doc_id, stat)
    if state is None:
        return None
    key, published, source = state[5:]
    published = _date(published) if published else None
    listed = manifest.dates.get(doc_id)
    if (source == "manifest") != (listed is not None) or listed is not None and listed != published:
        return None  # the manifest changed: the date, and with it the key, must be worked out again
    entry = cache.reuse(doc_id, state)
    if entry is None:
        return None
    return (doc_id, published, source), key, entry


_date = lru_cache(maxsize=4096)(dt.date.fromisoformat)  # an archive's articles share their dates


class _Runner:
    """Runs chunks in this process (jobs=1) or in worker processes, collecting results in submission order.

    With a warm worker (warm_worker), the other jobs - 1 workers start once it
    has warmed up: they then rebuild the patterns it stored instead of each
    compiling them again, a third of a second of a core apiece. Until then this
    process reads ahead, queueing chunks here, on the core they would have
    compiled on; the warm worker takes its share of the chunks throughout."""

    def __init__(self, vocabulary: Vocabulary, jobs: int, ready: WarmWorker | None = None,
                 patterns: Path | None = None):
        self.vocabulary = vocabulary
        self.patterns = patterns  # where the compiled patterns are kept (programs.py), with a cache
        self.jobs = max(1, jobs)
        self.pool: ProcessPoolExecutor | None = None  # the workers besides the warm one
        self.ready = ready
        self.queued: deque[tuple[_Pending, bool]] = deque()  # chunks read, not yet sent: (pending, with digests)
        self.waiting: deque[tuple[_Pending, Future, ProcessPoolExecutor]] = deque()
        self.chunks = 0  # submitted so far

    def submit(self, pending: _Pending, rows_by_slot: list, cache: ClaimCache | None, progress: Progress) -> None:
        self.chunks += 1
        digests = cache is not None
        if self.ready is None and self.jobs == 1:
            _start_programs(self.patterns)
            self._store(pending, [_claims_of(doc, self.vocabulary, digests) for doc in pending.documents],
                        rows_by_slot, cache, progress)
            _keep_programs()
            return
        self.queued.append((pending, digests))
        if self._warming_up():  # the warm worker takes its share; the rest waits here for the other workers
            while len(self.waiting) < IN_FLIGHT and self.queued:
                self._send(self.ready.pool, *self.queued.popleft())
            return
        self._start_pool()
        self._send_queued(rows_by_slot, cache, progress)

    def _warming_up(self) -> bool:
        """Whether the other workers wait for the warm worker to store the patterns."""
        return self.ready is not None and self.pool is None and self.jobs > 1 and not self.ready.warmed.done()

    def _start_pool(self) -> None:
        """The workers besides the warm one, if not started yet. Without a warm worker they start at once and
        each compiles its patterns: done here first, the compiling would leave the other cores idle while
        this process reads on."""
        if self.pool is None and (self.ready is None or self.jobs > 1):
            self.pool = _new_pool(self.vocabulary, self.jobs - (self.ready is not None), self.patterns)

    def _send_queued(self, rows_by_slot: list, cache: ClaimCache | None, progress: Progress) -> None:
        while self.queued:
            while len(self.waiting) >= self.jobs * IN_FLIGHT:
                self._collect_oldest(rows_by_slot, cache, progress)
            self._send(self._least_busy(), *self.queued.popleft())

    def _least_busy(self) -> ProcessPoolExecutor:
        """The pool to send the next chunk to: the warm worker, or the others, whichever has fewer chunks per worker."""
        if self.ready is None:
            return self.pool
        if self.pool is None:
            return self.ready.pool
        on_ready = sum(executor is self.ready.pool for _, _, executor in self.waiting)
        return self.ready.pool if on_ready * (self.jobs - 1) <= len(self.waiting) - on_ready else self.pool

    def _send(self, executor: ProcessPoolExecutor, pending: _Pending, digests: bool) -> None:
        self.waiting.append((pending, executor.submit(_extract_chunk, _texts(pending), digests), executor))

    def _collect_oldest(self, rows_by_slot: list, cache: ClaimCache | None, progress: Progress) -> None:
        pending, future, _ = self.waiting.popleft()
        self._store(pending, future.result(), rows_by_slot, cache, progress)

    def _store(self, pending: _Pending, results: list, rows_by_slot: list, cache: ClaimCache | None, progress: Progress) -> None:
        for slot, key, (rows, digest) in zip(pending.slots, pending.keys, results):
            rows_by_slot[slot] = rows
            if cache is not None and key is not None:
                cache.put(key, rows, digest)
            progress.advance()

    def finish(self, rows_by_slot: list, cache: ClaimCache | None, progress: Progress) -> None:
        if self.queued:
            if self._warming_up():
                wait([self.ready.warmed])  # the others start now, with the patterns it stored
            self._start_pool()
            self._send_queued(rows_by_slot, cache, progress)
        while self.waiting:
            self._collect_oldest(rows_by_slot, cache, progress)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        if self.ready is not None:
            if self.chunks:
                self.ready.pool.shutdown(wait=True, cancel_futures=True)
            else:  # warmed up for nothing: ended now, not waited for
                self.ready.end()
            self.ready = None


_WORKER_VOCABULARY: Vocabulary | None = None


def _end_workers(pool: ProcessPoolExecutor) -> None:
    """End a pool's workers at once, in the middle of their task. The pool has no public way to before
    Python 3.14, and the interpreter's exit would otherwise wait for the warming up to finish."""
    if hasattr(pool, "terminate_workers"):
        pool.terminate_workers()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        process.terminate()


def _new_pool(vocabulary: Vocabulary, workers: int, patterns: Path | None) -> ProcessPoolExecutor:
    global _WORKER_VOCABULARY
    _WORKER_VOCABULARY = vocabulary
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                               initargs=(vocabulary, patterns))


def _init_worker(vocabulary: Vocabulary, patterns: Path | None) -> None:
    global _WORKER_VOCABULARY
    gc.enable()  # a worker forked from the command line's process, which runs without (cli.run)
    if _WORKER_VOCABULARY is None:  # a forked worker already has it
        _WORKER_VOCABULARY = vocabulary
    _start_programs(patterns)


_PROGRAMS_PATH: Path | None = None  # where this process reads and writes compiled patterns, if anywhere
_PROGRAMS_UNWRITABLE: set[Path] = set()  # stores this process could not write: not tried again


def _start_programs(path: Path | None) -> None:
    """Take the compiled patterns kept at `path` (a file that does not check out gives none), once,
    before the extractors are imported: some compile their patterns at import. None, for a run
    without a cache, keeps nothing anywhere, whatever an earlier run in this process used."""
    global _PROGRAMS_PATH
    if path == _PROGRAMS_PATH:
        return
    _PROGRAMS_PATH = path
    if path is not None:
        programs.absorb(read_pack(path)[0])


def _keep_programs() -> None:
    """Write the compiled patterns down when some were compiled afresh: after a worker's first task,
    rarely after another. A store that cannot be written costs the next run time, nothing else, and
    is not tried again (a read-only cache would otherwise cost a write after every task)."""
    if _PROGRAMS_PATH is None or _PROGRAMS_PATH in _PROGRAMS_UNWRITABLE or not programs.added():
        return
    try:
        write_pack(_PROGRAMS_PATH, programs.exported())
    except OSError:
        _PROGRAMS_UNWRITABLE.add(_PROGRAMS_PATH)
        return
    programs.written()


def _warm_up() -> None:
    from .extract.claims import claim_rows

    claim_rows(new_document(id="warm-up", published=dt.date(2023, 5, 1), date_source="manifest", text=WARM_UP),
               _WORKER_VOCABULARY)
    _keep_programs()


# An article with a claim of each kind, a title line and dates: extracting it compiles the patterns
# an article of news needs, most of which are compiled on first use.
WARM_UP = """Allies mark 70 years as defense chiefs meet in Seoul

SEOUL, May 1 (Wire) -- U.S. Defense Secretary Lloyd Austin and South Korean Defense Minister
Lee Jong-sup held the 54th Security Consultative Meeting on Monday, marking the 70th anniversary
of the alliance, which was forged by the Mutual Defense Treaty signed in 1953.
About 28,500 American troops are stationed in South Korea. Leaders of the G7 met for the
49th summit in Hiroshima last week; NATO, founded in 1949, turned 74 in April 2023.
"""


def _texts(pending: _Pending) -> list[tuple]:
    return [(doc.id, doc.published, doc.date_source, doc.text) for doc in pending.documents]


def _extract_chunk(texts: list[tuple], digests: bool) -> list[tuple[list, str | None]]:
    results = [_claims_of(new_document(id=doc_id, published=published, date_source=date_source, text=text),
                          _WORKER_VOCABULARY, digests)
               for doc_id, published, date_source, text in texts]
    _keep_programs()
    return results


def _claims_of(doc: Document, vocabulary: Vocabulary, digest: bool) -> tuple[list, str | None]:
    """An article's claim rows, with their digest for the cache if it is on: worked out where the rows
    are made, so that a cold run's main process, which reads every article, does not do it too."""
    from .extract.claims import claim_rows  # imported once an article needs extracting: a re-run may need none

    rows = claim_rows(doc, vocabulary)
    return rows, rows_digest(rows) if digest else None
