"""A rule test file (``rules/<dossier>/tests/*.yaml``): cases of a position fragment and the
verdict expected per motion clause. Run by :mod:`compliance.authoring.ruletests`."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from compliance.model.common import Strict
from compliance.verdict import Verdict


class RuleTestCase(Strict):
    name: str = Field(min_length=1)
    description: str | None = None
    interpretations: dict[str, str] = Field(default_factory=dict,
                                            description="motion -> interpretation (default: the default)")
    facts: dict[str, Any] = Field(default_factory=dict, description="the position fragment")
    events: dict[str, bool] = Field(default_factory=dict,
                                    description="timeline event -> whether it had happened (else unknown)")
    open_steps: dict[str, list[str]] = Field(
        default_factory=dict,
        description="timeline event -> the step kinds planned on a date by which it had not happened; "
                    "every other step kind is then known not to be open for that event")
    clocks: dict[str, dict[str, bool]] = Field(
        default_factory=dict,
        description="'MOTION#CLAUSE' -> the derived flags of its deadline (met, late, passed, pending) "
                    "or recurring duty (ended, due, done, missed); a flag left out is unknown")
    expect: dict[str, Verdict] = Field(min_length=1, description="'MOTION#CLAUSE' -> expected verdict")


class RuleTestFile(Strict):
    tests: list[RuleTestCase] = Field(min_length=1)
