"""The speed floor: read every article once and run one compiled regex over it.

    python -m benchmarks.floor DIR

No checker can read a corpus faster than this loop, so the real checker's time
is reported against it.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md")
# Numbers, with thousands separators and ordinal suffixes: "28,500", "54th", "1953".
NUMBER = re.compile(r"\b\d(?:[\d,]*\d)?(?:st|nd|rd|th)?\b")


@dataclass(frozen=True)
class FloorResult:
    files: int
    bytes: int
    matches: int
    seconds: float


def article_files(root: Path) -> list[Path]:
    """Every .txt/.md file under `root`, in sorted order, skipping hidden directories."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / name for name in sorted(filenames) if name.lower().endswith(SUFFIXES))
    return found


def scan(root: Path) -> FloorResult:
    started = time.perf_counter()
    files = total_bytes = matches = 0
    for path in article_files(root):
        data = path.read_bytes()
        text = data.decode("utf-8", errors="replace")
        matches += sum(1 for _ in NUMBER.finditer(text))
        files += 1
        total_bytes += len(data)
    return FloorResult(files, total_bytes, matches, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.floor", description=__doc__.splitlines()[0])
    parser.add_argument("dir", type=Path, help="corpus directory")
    args = parser.parse_args(argv)
    if not args.dir.is_dir():
        parser.error(f"{args.dir}: not a directory")
    result = scan(args.dir)
    print(f"files={result.files} bytes={result.bytes} matches={result.matches} seconds={result.seconds:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
