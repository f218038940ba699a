"""Helpers for the robustness suite: run the CLI in-process or in a subprocess, articles with claims."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from checker.cli import app

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_RULES = ROOT / "rules"

# One article with a claim of every kind, ASCII only, so every encoding can carry it.
CLAIMS_ASCII = (
    "Seoul, Sept. 25, 2024 - The 56th Security Consultative Meeting was held yesterday in Seoul, "
    "as the allies marked the 71st anniversary of the alliance.\n"
    "About 28,500 U.S. troops are stationed in South Korea, South Korean Defense Minister Kim Yong-hyun said.\n"
    "The alliance was forged in 1953 with the Mutual Defense Treaty.\n"
)
# The same with characters outside ASCII before and between the claims, so offsets differ from byte offsets.
CLAIMS_LATIN1 = "Caf\u00e9 Z\u00fcrich \u00bb " + CLAIMS_ASCII.replace(" - ", " \u00ab ")
CLAIMS_CP1252 = "\u201cQuoted\u201d \u2014 \u20ac5 " + CLAIMS_ASCII.replace(" - ", " \u2014 ").replace("Seoul,", "Seoul\u2019s,")
CLAIMS_UNICODE = "\u4e2d\u6587 \U0001f600 " + CLAIMS_CP1252
CLAIM_KINDS = ["meeting_number", "anniversary", "troop_count", "office_holder", "treaty_year"]


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def invoke(*args: str) -> Run:
    """The CLI in this process: fast, for exit codes and messages."""
    done = CliRunner().invoke(app, list(args))
    return Run(done.exit_code, done.stdout, done.stderr)


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> Run:
    """The CLI in a subprocess: for hash seeds, and for inputs that could hang the process (a timeout fails)."""
    done = subprocess.run([sys.executable, "-m", "checker.cli", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=timeout, cwd=ROOT)
    return Run(done.returncode, done.stdout, done.stderr)


def assert_one_line_error(run: Run, pattern: str) -> None:
    """Exit 2, nothing on stdout, one line on stderr matching `pattern`, no traceback."""
    assert run.code == 2, run
    assert run.stdout == ""
    assert "Traceback" not in run.stderr
    assert run.stderr.count("\n") == 1 and run.stderr.endswith("\n"), run.stderr
    assert re.fullmatch(f"factcheck: error: {pattern}\n", run.stderr), run.stderr


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
