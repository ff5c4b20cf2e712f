"""The findings a check produces: typed, and serialised as the JSON report."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from compliance.verdict import Verdict

SCHEMA_VERSION = "2.0"
# the versions of the JSON report compliance reads back (diff, --baseline)
READABLE_VERSIONS = ("1.0", "2.0")
TruthValue = Literal["true", "false", "unknown"]
# a reason template's parameters: one letter per result it shows (compliance.model.template)
Params = Annotated[str, Field(pattern=r"^[tfu]*$")]


class Out(BaseModel):
    # built on first use: a command builds only the models it validates (cold start)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class FactUse(Out):
    """A fact a rule read, with where it is stated (absent facts have no line)."""

    name: str
    present: bool
    value: Any = None
    file: str
    line: int | None = None
    column: int | None = None
    where: str | None = Field(default=None, description="where in the source document")
    carried_from: str | None = Field(
        default=None, description="check --standing: the fact is not stated by this position but "
        "carried from an earlier one ('carried from <position>, <date>, line N'); file, line and "
        "where are the origin's")


class Reason(Out):
    part: Literal["dossier", "adoption", "rule", "applies_when", "conflicts_when",
                  "complies_when", "declaration", "standstill", "deadline", "recurring",
                  "execution", "subject", "duty", "effort", "standing"]
    result: TruthValue | None = None
    text: str
    # a condition's reason: its text as a template of the rule's condition and the results
    # of its parts (compliance.model.template), so a report writes the text once per rule
    template: str | None = Field(default=None, description="the text with placeholders: {0}.. "
                                 "the results in params, {fact} the value read (see the report docs)")
    params: Params | None = Field(default=None, description="per result placeholder its letter: t, f, u")


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


DutyState = Literal["not_yet_due", "met", "overdue", "unknown", "ended"]


class DutyEvidence(Out):
    """What shows a duty's state: a timeline event, a letter (a position declaring that it gives
    effect to the motion) or the motion record's execution statement."""

    kind: Literal["event", "letter", "statement"]
    ref: str = Field(description="the event id, the position id or the statement's kind")
    date: str | None
    source: str | None = Field(description="the document, cited")
    file: str | None = Field(default=None, description="the file it is recorded in")
    line: int | None = None


class Duty(Out):
    """A clause asking for the cabinet's conduct over time (a deadline, a recurring report) and
    its state as of a date: the overview a ministry keeps of motions and their execution."""

    dossier: str
    motion: str
    motion_name: str
    kamerstuk: str | None
    clause: int
    request: str
    kind: Literal["deadline", "recurring"]
    rule: str = Field(description="motion#clause@interpretation")
    rule_file: str
    rule_line: int
    obligation: Literal["effort", "result"] = "result"
    as_of: str
    state: DutyState
    due: str | None = Field(description="the deadline (or the duty's first period), as a date or window")
    adoption: Literal["adopted", "unknown"] = Field(
        description="unknown: the vote's outcome is not in the sources; the state is what it "
        "would be if adopted")
    evidence: list[DutyEvidence]
    decides: list[str] = Field(description="for state unknown: what would decide it (event:X, "
                               "tag:T, a fact, the vote)")
    reason: str


class Report(Out):
    schema_version: str = SCHEMA_VERSION
    lang: Literal["nl", "en"]
    as_of: str | None = Field(description="evaluation date; null: each position's own date")
    interpretations: dict[str, str] = Field(description="motion -> interpretation used")
    counts: dict[str, int]
    motions: list[MotionVerdict]
    findings: list[Finding]
    duties: list[Duty] = Field(default=[], description="the duties of conduct of the checked "
                               "dossiers as of the evaluation date (compliance duties)")


# The JSON report as written (schema_version 2, compliance.reports.json_report): the
# findings above, normalised. These models describe the document for its published
# schema; the report is written and read back through the models above.

class FactEntry(Out):
    """A fact of a position as its findings read it (the file is the position's)."""

    present: bool
    value: Any = None
    line: int | None
    column: int | None
    where: str | None


class PositionEntry(Out):
    file: str
    dossier: str
    date: str | None
    source: str = Field(description="the position's source, cited (a finding's first source)")
    facts: dict[str, FactEntry] = Field(description="the facts its findings read, by name")


class MotionEntry(Out):
    name: str
    kamerstuk: str | None
    source: str | None = Field(description="the motion's source, cited; a finding's second source")
    requests: dict[str, str] = Field(description="clause number -> its request, in the report's language")


class RuleEntry(Out):
    file: str | None
    line: int | None
    interpretation: str | None


class FindingLocation(Out):
    file: str | None = Field(default=None, description="only when not the position's file")
    line: int
    column: int
    fact: str | None = Field(description="the deciding fact; null: the position as a whole")


class FindingEntry(Out):
    """One clause's finding; text fields are ids of ``messages``. A field that the tables
    give (position_file, motion_name, request, rule_file...) appears here only when this
    finding says otherwise."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    position: str = Field(description="id of an entry of positions")
    motion: str = Field(description="id of an entry of motion_records")
    clause: int
    verdict: Verdict
    declared: bool | None
    missing_facts: list[str]
    rule: str | None = Field(description="id of an entry of rules; null if not formalised")
    message: str = Field(description="id of an entry of messages")
    reasons: list[tuple[str, TruthValue | None, str] | tuple[str, TruthValue | None, str, Params]
                  | tuple[str, TruthValue | None, str, str, Params]] = Field(
        description="per reason: [part, result, message id]; a condition's (applies_when, "
        "conflicts_when, complies_when) as [part, result, template id, params]: the template's "
        "{0}, {1}... are the results in params (one letter each: t, f, u), {fact} the value of "
        "that fact as this finding read it; [part, result, message id, template id, params] "
        "where the template does not give the text (never for reports check writes)")
    facts: list[str | FactUse] = Field(default=[], description="names of the facts read (in the "
                                       "position's facts), or the fact in full where it differs; "
                                       "left out when none")
    notes: list[str] = Field(default=[], description="message ids; left out when none")
    location: str | tuple[int, int] | FindingLocation | None = Field(
        description="where the finding sits: a fact's name (at that fact's line and column in the "
        "position's facts), [line, column] for the position as a whole, or in full")
    declaration: DeclarationRef | None = None
    sources: list[str] | None = Field(default=None, description="only when not the position's "
                                      "source, the motion's and the declaration's")
    position_file: str | None = None
    dossier: str | None = None
    position_date: str | None = None
    motion_name: str | None = None
    kamerstuk: str | None = None
    request: str | None = None
    rule_file: str | None = None
    rule_line: int | None = None
    interpretation: str | None = None
    conditional: bool | None = None
    scenario: str | None = None
    branches: list[BranchVerdict] | None = None
    would_comply: list[list[FactChange]] | None = None
    due: Literal["not_yet_due", "due", "overdue"] | None = Field(
        default=None, description="deadlines and recurring duties only (see Finding.due)")
    unconfirmed_facts: list[str] | None = Field(default=None, description="stated facts the rule "
                                                "read that the position marks confirmed: false")


class MotionVerdictEntry(Out):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    position: str
    motion: str
    verdict: Verdict
    declared: bool | None
    message: str = Field(description="id of an entry of messages")
    clauses: dict[str, Verdict] | None = Field(default=None, description="per clause verdicts; left "
                                               "out when they are those of the findings")
    position_file: str | None = None
    motion_name: str | None = None
    kamerstuk: str | None = None
    conditional: bool | None = None
    branches: dict[str, Verdict] | None = None


class ReportDocument(Out):
    """The JSON report, schema_version 2."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True, title="Report")

    schema_version: Literal["2.0"]
    lang: Literal["nl", "en"]
    as_of: str | None = Field(description="evaluation date; null: each position's own date")
    interpretations: dict[str, str] = Field(description="motion -> interpretation used")
    counts: dict[str, int]
    motion_records: dict[str, MotionEntry]
    rules: dict[str, RuleEntry]
    messages: dict[str, str] = Field(description="message id -> text (messages, reasons, notes, "
                                     "reason templates)")
    positions: dict[str, PositionEntry]
    motions: list[MotionVerdictEntry] = Field(description="per position and motion: the worst "
                                              "verdict of its clauses")
    findings: list[FindingEntry]
    duties: list[Duty] | None = Field(default=None, description="the duties of conduct of the "
                                      "checked dossiers as of --as-of (else the latest position's "
                                      "date): state and evidence; left out when none")
