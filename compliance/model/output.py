"""The findings a check produces: typed, and serialised as the JSON report."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from compliance.verdict import Verdict

SCHEMA_VERSION = "1.0"
TruthValue = Literal["true", "false", "unknown"]


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FactUse(Out):
    """A fact a rule read, with where it is stated (absent facts have no line)."""

    name: str
    present: bool
    value: Any = None
    file: str
    line: int | None = None
    column: int | None = None
    where: str | None = Field(default=None, description="where in the source document")


class Reason(Out):
    part: Literal["dossier", "adoption", "rule", "applies_when", "conflicts_when",
                  "complies_when", "declaration", "standstill", "deadline", "recurring",
                  "execution"]
    result: TruthValue | None = None
    text: str


class DeclarationRef(Out):
    statement: str
    date: str
    origin: Literal["motion_record", "position"]
    source: str
    file: str
    line: int


class BranchVerdict(Out):
    """The verdict of one scenario of a conditional position."""

    name: str
    description: str
    verdict: Verdict
    declared: bool | None
    message: str
    notes: list[str]
    missing_facts: list[str]
    assumptions: list[str] = Field(description="what the scenario assumes about timeline events")
    reasons: list[Reason]


class FactChange(Out):
    """One change to a position's facts; ``was`` is null when the fact was not stated."""

    fact: str
    value: Any
    was: Any = None


class Location(Out):
    """Where a finding is anchored in the position file (for code scanning and annotations)."""

    file: str
    line: int
    column: int
    fact: str | None = Field(default=None, description="the deciding fact; null: the position as a whole")


class Finding(Out):
    position: str
    position_file: str
    dossier: str
    motion: str
    motion_name: str
    kamerstuk: str | None
    clause: int
    request: str = Field(description="the clause's request, in the report's language")
    rule: str | None = Field(description="<motion>#<clause>@<interpretation>; null if not formalised")
    rule_file: str | None
    rule_line: int | None
    interpretation: str | None
    verdict: Verdict
    declared: bool | None = Field(description="for conflicts: did the cabinet declare it will not "
                                  "execute the motion; null when unknown or not a conflict")
    declaration: DeclarationRef | None = None
    message: str
    missing_facts: list[str]
    reasons: list[Reason]
    facts: list[FactUse]
    notes: list[str]
    sources: list[str]
    conditional: bool | None = Field(default=None, description="only for positions with scenarios: "
                                     "true when the branches' verdicts differ")
    scenario: str | None = Field(default=None, description="the branch the verdict is taken from "
                                 "(the worst one)")
    branches: list[BranchVerdict] | None = Field(default=None, description="per scenario verdicts")
    position_date: str | None = Field(default=None, description="the position's own date")
    location: Location | None = Field(default=None, description="the first stated fact of the "
                                      "deciding condition, else the position's facts or top line")
    due: Literal["not_yet_due", "due", "overdue"] | None = Field(
        default=None, description="for a deadline or recurring duty: not yet due (it complies "
        "until then), due, or overdue (passed and not done, or done late); null otherwise")
    would_comply: list[list[FactChange]] | None = Field(
        default=None, description="for conflicts and undetermined findings (check --suggest): the "
        "smallest sets of fact changes after which the clause complies")
    unconfirmed_facts: list[str] | None = Field(
        default=None, description="stated facts the rule read that the position marks "
        "confirmed: false (a draft awaiting confirmation); absent when none")


class MotionVerdict(Out):
    """Per position and motion: the worst verdict of the motion's clauses."""

    position: str
    position_file: str
    motion: str
    motion_name: str
    kamerstuk: str | None
    verdict: Verdict
    declared: bool | None
    clauses: dict[str, Verdict]
    message: str
    conditional: bool | None = None
    branches: dict[str, Verdict] | None = Field(default=None, description="scenario -> worst verdict")


class Report(Out):
    schema_version: str = SCHEMA_VERSION
    lang: Literal["nl", "en"]
    as_of: str | None = Field(description="evaluation date; null: each position's own date")
    interpretations: dict[str, str] = Field(description="motion -> interpretation used")
    counts: dict[str, int]
    motions: list[MotionVerdict]
    findings: list[Finding]
