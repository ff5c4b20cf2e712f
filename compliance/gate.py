"""What fails a CI run, and what makes two findings 'the same' across revisions.

One place for both, so that the exit code, JUnit failures, SARIF results, GitHub
annotations and the baseline diff can never disagree about either.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from enum import IntEnum
from typing import Literal

from compliance.model.output import Finding

FailLevel = Literal["undeclared", "conflict", "undetermined", "never"]
FAIL_LEVELS: tuple[FailLevel, ...] = ("undeclared", "conflict", "undetermined", "never")


class ExitCode(IntEnum):
    """What every command exits with (the README's table)."""

    OK = 0  # nothing reaches the fail-on level
    FAILED = 1  # something does (a finding, a lint error, a failed rule test, no solution)
    BAD_INPUT = 2  # bad input or usage, reported as one line per problem
    INTERNAL = 3  # a defect of this program, e.g. the evaluators disagree
    INTERRUPTED = 130


def exit_code(failing: bool | Iterable[object]) -> ExitCode:
    """The exit code of a result: FAILED when it fails (True, or any item of what fails,
    e.g. the findings that reach --fail-on), else OK."""
    failed = failing if isinstance(failing, bool) else any(True for _ in failing)
    return ExitCode.FAILED if failed else ExitCode.OK


def reaches(finding: Finding, level: str) -> bool:
    """Does this finding reach the fail-on level? An unknown declaration counts as undeclared:
    unknown is not compliant."""
    if level == "never":
        return False
    if finding.verdict == "conflicts":
        return level != "undeclared" or finding.declared is not True
    return level == "undetermined" and finding.verdict == "undetermined"


def is_open(finding: Finding) -> bool:
    """Findings a reviewer has to act on: the ones a baseline tracks."""
    return finding.verdict in ("conflicts", "undetermined")


def state(finding: Finding) -> str:
    """The verdict as the baseline sees it: a declared conflict that becomes undeclared is a
    different finding, because it starts to fail the default gate."""
    if finding.verdict != "conflicts":
        return finding.verdict
    return "conflicts:declared" if finding.declared is True else "conflicts:undeclared"


def identity(finding: Finding) -> tuple[str, str, int, str]:
    """(position id, motion, clause, verdict state): stable across reruns, rewording and line moves."""
    return (finding.position, finding.motion, finding.clause, state(finding))


def fingerprint(finding: Finding) -> str:
    """A short stable hash of the identity (SARIF partialFingerprints, baseline files)."""
    text = "\x1f".join(str(part) for part in identity(finding))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
