"""Fixtures for the robustness suite."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from robust_helpers import SHIPPED_RULES


@pytest.fixture
def rules_copy(tmp_path: Path) -> Path:
    """A copy of the shipped rules/ to break."""
    target = tmp_path / "rules"
    shutil.copytree(SHIPPED_RULES, target)
    return target
