"""A motion of the Tweede Kamer as a record: who, when, what it asks, what became of it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from compliance.errors import Text as Both
from compliance.model.common import (
    DateStr,
    DossierName,
    Kamerstuk,
    MotionId,
    Source,
    Strict,
    Text,
)

Result = Literal["submitted", "adopted", "rejected", "withdrawn", "held", "replaced", "unknown"]
Step = Literal["submitted", "held", "withdrawn", "rejected", "replaced", "adopted"]
ClauseEnd = Literal["ends", "continues"]
Statement = Literal["will_execute", "will_not_execute", "executed", "partially_executed"]
AppraisalValue = Literal[
    "overgenomen", "ontraden", "ontraden_tenzij_gewijzigd", "oordeel_kamer",
    "verzocht_aan_te_houden", "geen_appreciatie", "onbekend",
]


def motion_sort_key(motion_id: str) -> tuple[int, int, str]:
    """Order motions by dossier and number (885 before 1011), provisional ones last."""
    dossier, _, number = motion_id.partition("-")
    if dossier.isdigit() and number.isdigit():
        return (int(dossier), int(number), "")
    return (10**9, 0, motion_id)


class Submitter(Strict):
    name: str = Field(min_length=1)
    party: str = Field(min_length=1)
    first: bool = Field(default=False, description="the first submitter, after whom the motion is named")


class MotionDates(Strict):
    proposed: DateStr | None = None
    voted: DateStr | None = None


class Vote(Strict):
    for_: int = Field(alias="for", ge=0, le=150)
    against: int = Field(ge=0, le=150)
    source: Source | None = None


class Clause(Strict):
    number: int = Field(ge=1)
    request: Text = Field(description="what the motion asks, in the project's own words")


class Appraisal(Strict):
    value: AppraisalValue
    by: str | None = None
    date: DateStr | None = None
    source: Source | None = None


class ExecutionStatement(Strict):
    date: DateStr
    statement: Statement
    summary: Text
    source: Source
    clauses: dict[int, ClauseEnd] | None = Field(
        default=None, description="for 'executed': per clause whether its duty ends or continues; "
        "absent: the clauses whose rule says 'duty: once' end, the others (standing) continue")


class HistoryStep(Strict):
    date: DateStr
    step: Step
    by: MotionId | None = Field(default=None, description="for 'replaced': the amended motion")


class MotionRecord(Strict):
    id: MotionId
    kamerstuk: Kamerstuk | None = Field(default=None, description="absent while the number is unknown")
    short_name: str = Field(min_length=1)
    title: Text
    submitters: list[Submitter] = Field(min_length=1)
    dates: MotionDates
    result: Result
    replaced_by: MotionId | None = None
    vote: Vote | None = None
    clauses: list[Clause] = Field(min_length=1)
    appraisal: Appraisal | None = None
    execution: list[ExecutionStatement] = Field(default_factory=list)
    history: list[HistoryStep] = Field(default_factory=list, description="dated steps, oldest first")
    dossiers: list[DossierName] = Field(min_length=1)
    sources: list[Source] = Field(min_length=1)
    notes: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> MotionRecord:
        if (self.result == "replaced") != (self.replaced_by is not None):
            raise ValueError(Both("'replaced_by' is given exactly when 'result' is 'replaced'",
                              "'replaced_by' staat er precies dan als 'result' 'replaced' is"))
        if sum(s.first for s in self.submitters) != 1:
            raise ValueError(Both("exactly one submitter has 'first: true'",
                              "precies één indiener heeft 'first: true'"))
        if self.history:
            dates = [h.date for h in self.history]
            if dates != sorted(dates):
                raise ValueError(Both("'history' lists its steps oldest first",
                              "'history' noemt de stappen van oud naar nieuw"))
            last = self.history[-1]
            if last.step != self.result and self.result != "unknown":
                raise ValueError(Both(f"the last step of 'history' ({last.step}) must equal 'result'",
                              f"de laatste stap van 'history' ({last.step}) moet gelijk zijn aan 'result'"))
            if last.step == "replaced" and last.by != self.replaced_by:
                raise ValueError(Both("the 'replaced' step names the same motion as 'replaced_by'",
                              "de stap 'replaced' noemt dezelfde motie als 'replaced_by'"))
        numbers = [c.number for c in self.clauses]
        if numbers != list(range(1, len(numbers) + 1)):
            raise ValueError(Both("clauses are numbered 1, 2, 3, ... in order",
                              "verzoeken zijn op volgorde genummerd: 1, 2, 3, ..."))
        return self

    def cite(self, lang: str = "nl") -> str:
        if self.kamerstuk:
            return self.kamerstuk.cite("nl" if lang == "nl" else "en")
        return self.id
