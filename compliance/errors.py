"""Typed input errors: every problem a user can cause is reported as
``file:line:col: problem — how to fix`` and never as a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class InputError:
    file: str
    line: int
    column: int
    problem: str
    fix: str = ""

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
