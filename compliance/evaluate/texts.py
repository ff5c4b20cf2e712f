"""What a finding repeats across positions, clauses and branches, worked out once per check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Cond, Flag, Not, walk
from compliance.conditions.values import to_json
from compliance.dates import PartialDate
from compliance.i18n import t
from compliance.loading.workspace import LoadedMotion, Workspace
from compliance.logic import Truth
from compliance.model.common import Lang
from compliance.model.output import (
    Finding,
    Location,
    Reason,
)
from compliance.model.template import escape
from compliance.pack import CompiledClause


@dataclass
class MotionTexts:
    """What a motion puts into each of its findings in one language: worked out once per check."""

    kamerstuk: str | None
    source: str | None
    requests: dict[int, str]
    voted: PartialDate | None


class Texts:
    """Per-check memo of everything a finding repeats across positions, clauses and branches.

    Only values determined by their key are kept (motion texts by motion, a fact's use by
    branch, a location by position and fact, a gated clause's finding by motion, clause and
    gate, less its position's fields), so the findings are the ones built afresh."""

    def __init__(self, lang: Lang, conditions: bool = True) -> None:
        self.lang = lang
        # whether findings carry their conditions' reasons (see evaluate.check)
        self.conditions = conditions
        self.motions: dict[str, MotionTexts] = {}
        self.reasons: dict[tuple[str, str | None, str, str | None, str | None], Reason] = {}
        self.locations: dict[tuple[str, str | None], Location] = {}
        # (motion, clause, gate) -> a finding of a clause that does not apply, to copy
        self.gated: dict[tuple[str, int, tuple[Any, ...]], Finding] = {}
        # keyed by id(), holding the object so the id cannot be reused for another one
        self._names: dict[int, tuple[Cond, tuple[str, ...]]] = {}
        self._clause_names: dict[int, tuple[CompiledClause, tuple[str, ...]]] = {}
        self._templates: dict[tuple[str, int], tuple[Cond, str]] = {}
        self._replacing: dict[str, tuple[Reason, ...]] = {}

    def motion(self, motion: LoadedMotion) -> MotionTexts:
        record = motion.record
        texts = self.motions.get(record.id)
        if texts is None:
            cite = record.kamerstuk.cite(self.lang) if record.kamerstuk else None
            texts = self.motions[record.id] = MotionTexts(
                cite, f"{record.short_name}, {cite}" if cite else None,
                {c.number: c.request.get(self.lang) for c in record.clauses},
                PartialDate.parse(record.dates.voted) if record.dates.voted else None)
        return texts

    def names(self, cond: Cond | None, concepts: Mapping[str, Cond]) -> tuple[str, ...]:
        """The facts a condition reads, in the order its trace lists their atoms.

        A trace evaluates every node (no short cut), so this order is the condition's own."""
        if cond is None:
            return ()
        found = self._names.get(id(cond))
        if found is None or found[0] is not cond:
            names = dict.fromkeys(c.fact for c in walk(cond, concepts) if isinstance(c, Atom))
            found = self._names[id(cond)] = (cond, tuple(names))
        return found[1]

    def clause_names(self, clause: CompiledClause, concepts: Mapping[str, Cond]) -> tuple[str, ...]:
        """The facts any of a clause's conditions reads."""
        found = self._clause_names.get(id(clause))
        if found is None or found[0] is not clause:
            conds = (clause.applies, clause.conflicts, clause.complies, *clause.notes)
            names = dict.fromkeys(n for c in conds for n in self.names(c, concepts))
            found = self._clause_names[id(clause)] = (clause, tuple(names))
        return found[1]

    def template(self, part: str, cond: Cond) -> str:
        """The template of a condition's reason (its part's word, then the condition)."""
        found = self._templates.get((part, id(cond)))
        if found is None or found[0] is not cond:
            text = f"{escape(t(part, self.lang))}: {condition_template(cond, self.lang)}"
            found = self._templates[(part, id(cond))] = (cond, text)
        return found[1]

    def replacing(self, ws: Workspace, motion: str) -> tuple[Reason, ...]:
        """The reasons saying which motions ``motion`` replaces (the same in every finding)."""
        found = self._replacing.get(motion)
        if found is None:
            found = self._replacing[motion] = tuple(
                self.reason("adoption", None, t("replaces", self.lang, motion=other))
                for other in sorted(m for m, lm in ws.motions.items() if lm.record.replaced_by == motion))
        return found

    def reason(self, part: str, result: Truth | None, text: str, template: str | None = None,
               params: str | None = None) -> Reason:
        """Reasons are frozen, so equal ones are shared between findings."""
        key = (part, result.value if result is not None else None, text, template, params)
        reason = self.reasons.get(key)
        if reason is None:
            reason = self.reasons[key] = Reason(part=part, result=key[1], text=text,  # type: ignore[arg-type]
                                                template=template, params=params)
        return reason


def condition_template(cond: Cond, lang: Lang) -> str:
    """The text ``findings.describe`` gives a trace of ``cond``, as a template
    (compliance.model.template): the same for every trace; results numbered in order."""
    count = 0

    def result() -> str:
        nonlocal count
        count += 1
        return f"{{{count - 1}}}"

    def walk(c: Cond) -> str:
        kind = type(c)
        if kind is Not:
            return f"not {walk(c.item)}"  # type: ignore[union-attr]
        if kind is All or kind is Any_:
            word = "all" if kind is All else "any"
            inner = ", ".join(walk(ch) for ch in c.items)  # type: ignore[union-attr]
            return f"{word}({inner}): {result()}"
        if kind is Atom:
            a: Atom = c  # type: ignore[assignment]
            shown = "" if a.op == "known" else f" {to_json(a.value)}"
            return f"[{escape(f'{a.fact} {a.op}{shown}')}: {result()} ({{{a.fact}}})]"
        return f"[{escape(shown_as(c, lang))}: {result()}]"

    return walk(cond)


def shown_as(c: Cond, lang: Lang) -> str:
    """What a concept or flag is called in a reason (its text; braces not escaped)."""
    if isinstance(c, ConceptRef):
        return c.name
    if isinstance(c, Flag) and c.clock is not None:
        return t("event_clock", lang, which=c.kind, kind=t(c.clock.kind, lang), event=c.event)
    if isinstance(c, Flag):
        return t("event_happened", lang, event=c.event) if c.kind is None \
            else t("step_open", lang, kind=c.kind, event=c.event)
    return "?"
