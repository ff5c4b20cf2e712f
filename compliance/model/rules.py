"""The formalisation of a motion's clauses, possibly under several interpretations."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from compliance.errors import Text as Both
from compliance.model.common import DateStr, DossierName, MotionId, Name, Strict, Text

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


class Period(Strict):
    """A length of time: exactly one of days, weeks, months (calendar months) or years."""

    # at most a thousand years: longer is a typo, and dates end at 9999-12-31
    days: int | None = Field(default=None, ge=1, le=366_000)
    weeks: int | None = Field(default=None, ge=1, le=52_200)
    months: int | None = Field(default=None, ge=1, le=12_000)
    years: int | None = Field(default=None, ge=1, le=1000)

    @model_validator(mode="after")
    def _one(self) -> Period:
        if sum(v is not None for v in (self.days, self.weeks, self.months, self.years)) != 1:
            raise ValueError(Both("give exactly one of days, weeks, months, years",
                              "geef precies één van days, weeks, months, years"))
        return self

    def unit(self) -> tuple[str, int]:
        for name in ("days", "weeks", "months", "years"):
            value = getattr(self, name)
            if value is not None:
                return name, value
        raise AssertionError("validated")


class At(Strict):
    date: DateStr


class By(Strict):
    """When a deadline falls: exactly one of an absolute date (inclusive), a period after
    the adoption or a timeline event, or strictly before a timeline event."""

    date: DateStr | None = None
    after: str | None = Field(default=None, pattern=r"^[a-z][a-z0-9_]{0,62}$",
                              description="'adoption' or a timeline event id; with 'within'")
    within: Period | None = None
    before: Name | None = Field(default=None, description="a timeline event: the day before it")

    @model_validator(mode="after")
    def _one(self) -> By:
        given = sum(v is not None for v in (self.date, self.after, self.before))
        if given != 1:
            raise ValueError(Both("give exactly one of 'date', 'after' (with 'within') or 'before'",
                              "geef precies één van 'date', 'after' (met 'within') of 'before'"))
        if (self.after is None) != (self.within is None):
            raise ValueError(Both("'after' and 'within' go together",
                              "'after' en 'within' horen bij elkaar"))
        return self


class Deadline(Strict):
    """The clause asks for an event by a deadline (see docs/request-kinds.md)."""

    event: Name | None = Field(default=None, description="a timeline event that must happen in time")
    fact: Name | None = Field(default=None, description="or a date fact of the position")
    by: By

    @model_validator(mode="after")
    def _one(self) -> Deadline:
        if (self.event is None) == (self.fact is None):
            raise ValueError(Both("give exactly one of 'event' or 'fact'",
                              "geef precies één van 'event' of 'fact'"))
        return self


class Tagged(Strict):
    tag: Name


class Recurring(Strict):
    """The clause asks for a tagged event in every period (the latest completed one is checked)."""

    events: Tagged
    every: Period
    from_: str | At = Field(alias="from", description="'adoption', a timeline event id, or {date: ...}")
    until: str | At | None = Field(default=None, description="a timeline event id or {date: ...}: "
                                   "the duty ends then")


Duty = Literal["once", "standing"]
Obligation = Literal["effort", "result"]


class ClauseRule(Strict):
    clause: int = Field(ge=1)
    applies_when: Condition | None = Field(default=None, description="absent: always applies")
    conflicts_when: Condition | None = Field(
        default=None, description="required unless a standstill is given")
    standstill: Standstill | None = Field(
        default=None, description="conflicts also (or only) when a planned step breaks this standstill")
    complies_when: Condition | None = Field(
        default=None, description="absent: the position complies when it does not conflict")
    deadline: Deadline | None = Field(default=None, description="the clause asks for an event by a deadline")
    recurring: Recurring | None = Field(default=None, description="the clause asks for an event every period")
    duty: Duty = Field(default="standing", description="once: an execution statement without "
                       "per-clause entries ends this clause's duty; standing: it keeps holding")
    obligation: Obligation = Field(
        default="result", description="result: the clause asks for an outcome, and missing it "
        "conflicts; effort: it asks the cabinet to do its utmost ('zich inzetten voor', 'alles op "
        "alles zetten', 'bevorderen', 'streven naar'): met by effort shown (effort_when), and a "
        "missed outcome is reported as such, not as a conflict (docs/applicability.md)")
    effort_when: Condition | None = Field(
        default=None, description="with obligation effort: when the position shows the effort "
        "asked (a condition over facts); the clause then complies whatever the outcome, and "
        "conflicts only when the outcome is missed and the effort surely not shown")
    subjects: list[Name] | None = Field(
        default=None, min_length=1, description="the dossier subjects this clause concerns; absent: "
        "derived from the facts and concepts its applies_when, conflicts_when and complies_when read")
    messages: Messages
    notes: list[Note] = Field(default_factory=list)

    @model_validator(mode="after")
    def _conflict_rule(self) -> ClauseRule:
        if self.conflicts_when is None and self.standstill is None and self.deadline is None \
                and self.recurring is None:
            raise ValueError(Both("a clause needs 'conflicts_when', a 'standstill', a 'deadline' or "
                             "'recurring'",
                              "een verzoek heeft 'conflicts_when', een 'standstill', een 'deadline' of "
                                  "'recurring' nodig"))
        if self.deadline is not None and self.recurring is not None:
            raise ValueError(Both("a clause has a 'deadline' or is 'recurring', not both",
                              "een verzoek heeft een 'deadline' of is 'recurring', niet beide"))
        if (self.obligation == "effort") != (self.effort_when is not None):
            raise ValueError(Both("'obligation: effort' and 'effort_when' go together: an effort duty "
                             "is met by the effort shown, which 'effort_when' states",
                              "'obligation: effort' en 'effort_when' horen bij elkaar: aan een "
                                  "inspanningsplicht is voldaan met de getoonde inspanning, die "
                                  "'effort_when' noemt"))
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
            raise ValueError(Both("with several interpretations, exactly one has 'default: true'",
                              "bij meerdere interpretaties heeft er precies één 'default: true'"))
        names = [i.name for i in self.interpretations]
        if len(set(names)) != len(names):
            raise ValueError(Both("interpretation names must be unique",
                              "namen van interpretaties moeten uniek zijn"))
        return self

    def default_interpretation(self) -> Interpretation:
        return next((i for i in self.interpretations if i.default), self.interpretations[0])
