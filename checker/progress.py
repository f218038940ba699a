"""A progress bar on stderr for long runs: only on a terminal, only after a second, never with --quiet."""

from __future__ import annotations

import sys
import time
from typing import TextIO

WIDTH = 30
# Redraws at most this often; a bar that redraws on every article slows the run it measures.
INTERVAL = 0.1


class Progress:
    def __init__(self, total: int, enabled: bool | None = None, stream: TextIO | None = None, delay: float = 1.0):
        self.stream = stream or sys.stderr
        self.enabled = self._is_terminal() if enabled is None else enabled
        self.total = total
        self.done = 0
        self.started = time.monotonic()
        self.delay = delay
        self.drawn_at = 0.0
        self.drawn = False

    def _is_terminal(self) -> bool:
        try:
            return self.stream.isatty()
        except (AttributeError, ValueError):
            return False

    def advance(self, count: int = 1) -> None:
        self.done += count
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started >= self.delay and now - self.drawn_at >= INTERVAL:
            self._draw(now)

    def _draw(self, now: float) -> None:
        share = self.done / self.total if self.total else 1.0
        filled = int(WIDTH * share)
        rate = self.done / max(now - self.started, 1e-9)
        self.stream.write(f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} articles, {rate:,.0f}/s")
        self.stream.flush()
        self.drawn_at = now
        self.drawn = True

    def close(self) -> None:
        """Clear the bar, so that what is printed next starts on a clean line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self.drawn = False
