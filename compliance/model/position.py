"""A position of the cabinet on a dossier, as stated in one document."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from compliance.model.common import (
    DateStr,
    DossierName,
    MotionId,
    Name,
    Source,
    Strict,
    Text,
)
from compliance.model.motion import Statement


class SourceDocument(Source):
    """The document a position is taken from."""

    file: str | None = Field(default=None, description="path of a local copy, relative to the workspace")


class PlannedStep(Strict):
    date: DateStr
    kind: Name
    forum: str | None = None
    description: Text
    where: str | None = None


class Declaration(Strict):
    motion: MotionId
    statement: Statement
    summary: Text | None = None
    where: str | None = Field(default=None, description="where in the position's document")
    source: Source | None = Field(default=None, description="the letter the declaration refers to")


class EventAssumption(Strict):
    """What a scenario assumes about a timeline event, in place of the timeline's entry."""

    date: DateStr | None = None
    not_happened_by: DateStr | None = None


class Scenario(Strict):
    """A branch of a conditional position: the base facts with these changes."""

    name: Name
    description: Text
    facts: dict[str, Any] = Field(default_factory=dict, description="facts overriding or adding "
                                  "to the position's facts in this branch")
    planned_steps: list[PlannedStep] | None = Field(
        default=None, description="the branch's planned steps; absent: the position's")
    assume_events: dict[Name, EventAssumption] = Field(
        default_factory=dict, description="timeline event -> what this branch assumes about it")


class Position(Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]{0,80}$")
    dossier: DossierName
    date: DateStr
    actor: str = Field(min_length=1)
    source: SourceDocument
    sources: list[Source] = Field(
        default_factory=list, description="further pages the facts are taken from (news, monitor "
        "and open-data pages); a fact's 'where' names the one it rests on")
    summary: Text | None = None
    subjects: list[Name] | None = Field(
        default=None, min_length=1, description="the dossier subjects this position addresses; "
        "absent: derived from the facts it states")
    facts: dict[str, Any] = Field(default_factory=dict, description="fact name -> value, or "
                                  "{value, where, note}; names and types come from the dossier")
    planned_steps: list[PlannedStep] = Field(default_factory=list)
    declarations: list[Declaration] = Field(default_factory=list)
    certainty: Literal["verified", "inferred"] = "verified"
    scenarios: list[Scenario] = Field(
        default_factory=list, description="branches of a conditional position; each is evaluated "
        "on its own and the worst reachable verdict is reported, marked conditional")
