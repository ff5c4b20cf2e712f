"""The formalisation of a motion's clauses, possibly under several interpretations."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from compliance.model.common import DossierName, MotionId, Name, Strict, Text

Condition = dict[str, Any]


class Messages(Strict):
    conflicts: Text
    complies: Text
    undetermined: Text | None = None
    not_applicable: Text | None = None


class Note(Strict):
    when: Condition
    message: Text


class Until(Strict):
    all: list[Name] = Field(min_length=1, description="timeline events that must all have happened")


class Standstill(Strict):
    """No planned step of these kinds before these events have happened."""

    steps: list[Name] = Field(min_length=1, description="step kinds (from the vocabulary) barred")
    until: Until
    when: Condition | None = Field(
        default=None, description="a step counts only when this holds of the position (e.g. the "
        "cabinet agrees); absent: every planned step of these kinds counts")


class ClauseRule(Strict):
    clause: int = Field(ge=1)
    applies_when: Condition | None = Field(default=None, description="absent: always applies")
    conflicts_when: Condition | None = Field(
        default=None, description="required unless a standstill is given")
    standstill: Standstill | None = Field(
        default=None, description="conflicts also (or only) when a planned step breaks this standstill")
    complies_when: Condition | None = Field(
        default=None, description="absent: the position complies when it does not conflict")
    messages: Messages
    notes: list[Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _conflict_rule(self) -> ClauseRule:
        if self.conflicts_when is None and self.standstill is None:
            raise ValueError("a clause needs 'conflicts_when', a 'standstill', or both")
        return self


class Interpretation(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9-]{0,62}$")
    default: bool = False
    title: Text
    rationale: Text
    clauses: list[ClauseRule] = Field(min_length=1)


class RuleFile(Strict):
    motion: MotionId
    dossier: DossierName
    interpretations: list[Interpretation] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_default(self) -> RuleFile:
        if len(self.interpretations) > 1 and sum(i.default for i in self.interpretations) != 1:
            raise ValueError("with several interpretations, exactly one has 'default: true'")
        names = [i.name for i in self.interpretations]
        if len(set(names)) != len(names):
            raise ValueError("interpretation names must be unique")
        return self

    def default_interpretation(self) -> Interpretation:
        return next((i for i in self.interpretations if i.default), self.interpretations[0])
