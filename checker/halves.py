"""Work done in two halves at once: one here, one in a forked copy of this process.

The comparison builds a Claim for every claim of each subject it compares and
then groups them: a quarter of a second at 10,000 articles, on one core, after
the extraction has had them all. A forked child shares the claims already in
memory without copying them; it sends its half of the results back in marshal
(so results are plain data: the package unpickles nothing, not even its own),
and the caller gets every result in the order of its tasks, as if done one by
one. A child that fails changes nothing but the time: its half is done here.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import signal
from typing import Callable, Sequence, TypeVar

Task = TypeVar("Task")
Result = TypeVar("Result")

# Below this much work (in the units of `weight`: claims, for the comparison), a fork costs more than it saves.
WORTH_FORKING = 4000


def in_two_halves(tasks: Sequence[Task], work: Callable[[Task], Result], weight: Callable[[Task], int]) -> list[Result]:
    """[work(task) for task in tasks], with about half the weight done in a forked child when there is
    enough of it. `work` returns plain data (None, bool, int, float, str, list, tuple, dict), and must not
    change anything this process keeps: the child's changes are lost."""
    weights = [weight(task) for task in tasks]
    if sum(weights) < WORTH_FORKING or len(tasks) < 2 or not hasattr(os, "fork"):
        return [work(task) for task in tasks]
    here, there = split(weights)
    reader, writer = os.pipe()
    child = os.fork()
    if child == 0:
        _child(reader, writer, lambda: [work(tasks[index]) for index in there])
    os.close(writer)
    results: dict[int, Result] = {}
    try:
        for index in here:
            results[index] = work(tasks[index])
        theirs = _collect(reader, child)
    except BaseException:
        _abandon(child, reader)
        raise
    if theirs is None:  # the child failed: its half is done here
        theirs = [work(tasks[index]) for index in there]
    results.update(zip(there, theirs))
    return [results[index] for index in range(len(tasks))]


def split(weights: list[int]) -> tuple[list[int], list[int]]:
    """The tasks' indexes in two halves of about equal weight: the heaviest first, each to the lighter half."""
    halves: tuple[list[int], list[int]] = ([], [])
    totals = [0, 0]
    for index in sorted(range(len(weights)), key=lambda i: (-weights[i], i)):
        lighter = 0 if totals[0] <= totals[1] else 1
        halves[lighter].append(index)
        totals[lighter] += weights[index]
    return halves


def _child(reader: int, writer: int, work: Callable[[], list]) -> None:
    """In the forked child: the work's results down the pipe, then out at once. os._exit runs none of
    the parent's exit handlers and flushes none of its buffers, which would write their contents twice."""
    code = 1
    try:
        os.close(reader)
        data = marshal.dumps(work())
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)


def _abandon(child: int, reader: int) -> None:
    """End the child and let go of the pipe, whatever state either is in (the reader may be closed already)."""
    for step in (lambda: os.kill(child, signal.SIGKILL), lambda: os.close(reader), lambda: os.waitpid(child, 0)):
        with contextlib.suppress(OSError):
            step()


def _collect(reader: int, child: int) -> list | None:
    """The child's results, or None if it failed."""
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(child, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        return marshal.loads(data)
    except (EOFError, TypeError, ValueError):  # a child that died mid-write: what it sent is cut short
        return None
