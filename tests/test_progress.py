"""The progress bar appears only on a terminal and only for runs over its delay."""

from __future__ import annotations

import io

from compliance.progress import TerminalProgress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bar_on_a_terminal_once_the_delay_has_passed() -> None:
    out = Tty()
    with TerminalProgress(delay=0.0, stream=out) as bar:
        for done in range(0, 101, 10):
            bar(done, 100)
    assert "/100" in out.getvalue()


def test_no_bar_for_short_runs_or_pipes() -> None:
    quick, pipe = Tty(), io.StringIO()
    with TerminalProgress(delay=3600.0, stream=quick) as bar:
        bar(50, 100)
    with TerminalProgress(delay=0.0, stream=pipe) as bar:
        assert not bar.enabled
        bar(50, 100)
    assert quick.getvalue() == "" and pipe.getvalue() == ""
