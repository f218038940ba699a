"""Work in two halves, one in a forked child: the results are those of doing it one task after another,
in the tasks' order, whether the child succeeds or fails; a check's findings do not change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checker import halves
from checker.engine import Options, check
from checker.halves import in_two_halves, split

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_halves_of_about_equal_weight_heaviest_first():
    assert split([5, 1, 4, 2, 3]) == ([0, 3, 1], [2, 4])  # 5 + 2 + 1 against 4 + 3
    assert split([1, 1]) == ([0], [1])
    assert split([7]) == ([0], [])


def test_results_come_back_in_the_order_of_the_tasks(monkeypatch):
    monkeypatch.setattr(halves, "WORTH_FORKING", 0)
    pids = []

    def work(task: int) -> tuple[int, int]:
        return task * task, os.getpid()

    results = in_two_halves(list(range(10)), work, weight=lambda task: task + 1)
    assert [square for square, _ in results] == [task * task for task in range(10)]
    pids = {pid for _, pid in results}
    assert os.getpid() in pids and len(pids) == 2  # half of them done by the child


def test_light_work_is_done_here_alone():
    results = in_two_halves([1, 2, 3], lambda task: (task, os.getpid()), weight=lambda task: 1)
    assert results == [(1, os.getpid()), (2, os.getpid()), (3, os.getpid())]


def test_a_failing_child_changes_nothing_but_the_time(monkeypatch):
    monkeypatch.setattr(halves, "WORTH_FORKING", 0)
    parent = os.getpid()

    def work(task: int) -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return -task

    assert in_two_halves([1, 2, 3, 4], work, weight=lambda task: task) == [-1, -2, -3, -4]


def test_an_error_here_ends_the_child_and_is_raised(monkeypatch):
    monkeypatch.setattr(halves, "WORTH_FORKING", 0)
    parent = os.getpid()

    def work(task: int) -> int:
        if os.getpid() == parent:
            raise ValueError("here")
        return task

    with pytest.raises(ValueError, match="here"):
        in_two_halves([1, 2], work, weight=lambda task: 1)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # no child left behind


def test_the_findings_of_a_check_compared_in_two_halves_are_the_same(monkeypatch):
    alone = check([SEEDS], options=Options(jobs=1))
    monkeypatch.setattr(halves, "WORTH_FORKING", 0)
    forked = check([SEEDS], options=Options(jobs=1))
    assert [finding.model_dump() for finding in forked.findings] == [finding.model_dump() for finding in alone.findings]
    assert len(alone.findings) == 7
