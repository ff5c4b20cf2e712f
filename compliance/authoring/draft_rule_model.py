"""What the rule drafter proposes (draft_rule.py): a clause's kind, time, facts, new entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["vote", "effort", "result", "inform", "recurring", "standstill", "statement",
               "not_addressed"]
KINDS: tuple[str, ...] = ("vote", "effort", "result", "inform", "recurring", "standstill",
                          "statement", "not_addressed")
NO_RULE = ("statement", "not_addressed")


@dataclass
class FactUse:
    fact: str
    op: str  # equals, le, lt, ge, gt, contains
    value: Any
    words: str
    how: str  # cue | description | number
    role: str = "object"  # object | exception | while | context | event | ambiguous
    new: bool = False
    negated: bool = False  # the value came from a negated match
    cue: str = ""  # the cue phrase that matched (its own negation words are its meaning)

    def atom(self) -> dict[str, Any]:
        if self.op == "event":  # a timeline event the clause waits for
            return {"event": self.fact, "happened": True}
        return {"fact": self.fact, self.op: self.value}


@dataclass
class NewEntry:
    kind: str  # fact | event | tag
    name: str
    type: str
    nl: str
    en: str
    words: str
    values: list[str] | None = None
    subjects: list[str] | None = None  # a dossier with subjects needs them on every fact


@dataclass
class TimePart:
    kind: str  # date | within | period | until | vague
    value: Any
    words: str
    confirmed: bool = True
    note: str = ""


@dataclass
class ClauseDraft:
    number: int
    text: str
    kind: str
    kind_words: str
    addressee: str
    addressee_words: str
    polarity: str = "positive"  # vote: not_for | against | not_against | for | only_if
    # a request bound to a condition: "" | until ("geen X totdat G", "niet eerder dan G") |
    # precondition ("pas X nadat G", "mits G", "alleen als G"); the gate's facts have role "gate"
    gate: str = ""
    act_negated: bool = False  # the act itself is negated ("geen X ... totdat"): what is asked is not-X
    time: TimePart | None = None
    subjects: list[tuple[str, str]] = field(default_factory=list)
    facts: list[FactUse] = field(default_factory=list)
    new_entries: list[NewEntry] = field(default_factory=list)
    rule: dict[str, Any] | None = None
    alt_rule: dict[str, Any] | None = None  # the 'result' reading of an effort on a text
    words_nl: str = ""
    words_en: str = ""
    todos: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # timeline events of the vocabulary it names
    # what the template was given, so that an edited clause is rebuilt the same way
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class RuleDraft:
    motion: str
    dossier: str
    clauses: list[ClauseDraft]
    rule_text: str | None = None
    tests_text: str | None = None
    blockers: list[str] = field(default_factory=list)
    # one code per blocker (nothing, clause, entries, invalid, test): what a caller sorts them by,
    # never their words, which are in the draft's language
    blocker_codes: list[str] = field(default_factory=list)
    tests: list[dict[str, Any]] = field(default_factory=list)
    interpretation: str = "drafted"  # the name of the drafted reading (the adviser may rename it)

    @property
    def new_entries(self) -> list[NewEntry]:
        return [e for c in self.clauses for e in c.new_entries]
