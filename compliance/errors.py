"""Typed input errors: every problem a user can cause is reported as
``file:line:col: problem — how to fix`` and never as a traceback."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class InputError:
    file: str
    line: int
    column: int
    problem: str
    fix: str = ""
    # what kind of problem, for tools that sort them (lint): unknown-name, type-mismatch,
    # concept-cycle or invalid; set where the error is raised, never read from the text
    code: str = field(default="invalid", compare=False)

    def __str__(self) -> str:
        from compliance.text_safety import line

        # one line whatever a file name or a quoted value holds
        text = f"{self.file}:{self.line}:{self.column}: {self.problem}"
        return line(f"{text} — {self.fix}" if self.fix else text)


@dataclass
class InputErrors(Exception):
    """Raised with every error found, so a user fixes a file in one go."""

    errors: list[InputError] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(str(e) for e in sorted(set(self.errors)))


class InternalError(Exception):
    """A defect in this program, not in the user's input (e.g. the two evaluators disagree)."""


def did_you_mean(name: str, options: Iterable[str]) -> str:
    """'did you mean 'x'?' for the closest of ``options``, or ''."""
    options = sorted(options)
    close = difflib.get_close_matches(name, options, n=1, cutoff=0.6)
    if not close:  # a typo of one word of a longer name: "strikt" for "strict-reading"
        by_word = {w: o for o in reversed(options) for w in o.replace("_", "-").split("-")}
        close = [by_word[w] for w in difflib.get_close_matches(name, sorted(by_word), n=1, cutoff=0.75)]
    return f"did you mean {close[0]!r}?" if close else ""
