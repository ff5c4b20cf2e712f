"""A progress bar for long checks: on stderr, only when stderr is a terminal and
only once a run has lasted over a second (short runs and pipes stay quiet)."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import Any, TextIO


class TerminalProgress:
    """Callable as ``progress(done, total)``; use as a context manager."""

    def __init__(self, label: str = "positions", delay: float = 1.0, stream: TextIO | None = None) -> None:
        self.label = label
        self.delay = delay
        self.stream = stream or sys.stderr
        self.start = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    @property
    def enabled(self) -> bool:
        isatty = getattr(self.stream, "isatty", None)
        return bool(isatty and isatty())

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            if not self.enabled or time.monotonic() - self.start < self.delay or done >= total:
                return
            try:
                from rich.console import Console
                from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn
            except ImportError:  # pragma: no cover - rich comes with typer
                return
            self._bar = Progress(BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                 console=Console(file=self.stream), transient=True)
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=total)
        self._bar.update(self._task, completed=done, total=total)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()
