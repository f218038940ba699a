"""The seed report as a user sees it: the real CLI, run from another directory, stdout compared exactly.

When a change alters the seed findings on purpose, regenerate the expected file with
`factcheck check seeds --baseline reports/baseline.json > tests/fixtures/seeds_report.txt`
and review the diff.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "fixtures" / "seeds_report.txt"


def test_seed_report_stdout_is_exactly_the_reviewed_one(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "checker.cli", "check", "seeds", "--baseline", "reports/baseline.json"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == EXPECTED.read_text(encoding="utf-8")
