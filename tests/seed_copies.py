"""The seeds as the command-line tests use them: their place and file names, the CLI in a subprocess,
and a copy in which 002's 56th SCM is made the 57th (one new FC102 contradiction against the shipped baseline)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHIPPED_BASELINE = ROOT / "reports" / "baseline.json"
D000, D001, D002, D003, D004 = sorted(p.name for p in SEEDS.glob("*.txt"))


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True, cwd=cwd)


def copy_with_57th(target: Path) -> Path:
    """The seeds copied to `target`, with 002's "56th Korea-U.S." SCM made the 57th."""
    shutil.copytree(SEEDS, target)
    article = target / D002
    article.write_text(article.read_text(encoding="utf-8").replace("56th Korea-U.S.", "57th Korea-U.S."), encoding="utf-8")
    return target


def add_shipped_baseline(root: Path) -> None:
    """reports/baseline.json under `root`, as the repository ships it."""
    (root / "reports").mkdir()
    shutil.copy(SHIPPED_BASELINE, root / "reports" / "baseline.json")
