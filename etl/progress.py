"""Progress of a long load on stderr: a tqdm bar with rows and rows/s on a terminal, plain lines otherwise
(so a log file or a test can follow it)."""

from __future__ import annotations

import sys
import time

from tqdm import tqdm

from etl import messages as msg
from indicators.formatting import format_number


class Progress:
    def __init__(self, enabled: bool = True, stream=None) -> None:  # noqa: ANN001 - a text stream
        self.enabled = enabled
        self.stream = stream or sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self._bar: tqdm | None = None
        self._t0 = 0.0
        self._last_line = 0.0

    def start(self, total_bytes: int) -> None:
        self._t0 = time.monotonic()
        if self.enabled and self.tty:
            self._bar = tqdm(total=total_bytes or None, unit="B", unit_scale=True, unit_divisor=1024,
                             desc=msg.PROGRESS_DESC, file=self.stream, leave=False, dynamic_ncols=True)

    def _rate(self, rows: int) -> str:
        elapsed = max(time.monotonic() - self._t0, 1e-6)
        return format_number(rows / elapsed, 0)

    def update(self, rows: int, bytes_read: int) -> None:
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.n = bytes_read
            self._bar.set_postfix_str(f"{format_number(rows, 0)} rijen, {self._rate(rows)} rijen/s", refresh=True)
            return
        now = time.monotonic()
        if now - self._last_line >= 1.0 or self._last_line == 0.0:
            self._last_line = now
            print(msg.PROGRESS_LINE.format(rows=format_number(rows, 0), rate=self._rate(rows)),
                  file=self.stream, flush=True)

    def finish(self, rows: int) -> None:
        """Reading is done: close the bar and, when rows were read, say that they are now being stored (the
        merge into the tables can take seconds on a big file)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        if self.enabled and rows:
            print(msg.PROGRESS_SAVING.format(rows=format_number(rows, 0), rate=self._rate(rows)),
                  file=self.stream, flush=True)
