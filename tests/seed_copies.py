"""The seeds as the command-line tests use them: their place and file names, the CLI in a subprocess,
and a copy in which 002's 56th SCM is made the 57th (one new FC102 contradiction against the shipped baseline)."""

from __future__ import annotations

import marshal
import shutil
import subprocess
import sys
from pathlib import Path

from checker.cache import read_pack

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


def check_json(corpus: Path, cache: Path, *options: str) -> subprocess.CompletedProcess:
    """`check -f json` with the cache in `cache` and --timings on stderr; a run that failed fails the test."""
    done = run_cli("check", str(corpus), "-f", "json", "--cache-dir", str(cache), "--timings", *options)
    assert done.returncode in (0, 1), done.stderr
    return done


def uncached_report(corpus: Path) -> str:
    """The JSON report of `corpus` without any cache: what every cached run must give, byte for byte."""
    return run_cli("check", str(corpus), "-f", "json", "--no-cache").stdout


def checked_copy(tmp_path: Path) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """The seeds copied and checked once, with a cache: the copy, the cache, and that first (cold) run."""
    corpus, cache = tmp_path / "seeds", tmp_path / "cache"
    shutil.copytree(SEEDS, corpus)
    return corpus, cache, check_json(corpus, cache)


def rewrite_keeping_checksum(pack: Path, change) -> None:
    """Change a cache pack's body in place, as a damaged disk would: its header still names the old checksum."""
    header = pack.read_bytes().split(b"\n", 1)[0]
    body, _ = read_pack(pack)
    change(body)
    pack.write_bytes(header + b"\n" + marshal.dumps(body))
