"""What a finding repeats across positions, clauses and branches, worked out once per check."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from compliance.conditions.ast import Atom, Cond, walk
from compliance.dates import PartialDate
from compliance.loading.workspace import LoadedMotion
from compliance.logic import Truth
from compliance.model.common import Lang
from compliance.model.output import (
    Location,
    Reason,
)
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
    branch, a location by position and fact), so the findings are the ones built afresh."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.motions: dict[str, MotionTexts] = {}
        self.reasons: dict[tuple[str, str | None, str], Reason] = {}
        self.locations: dict[tuple[str, str | None], Location] = {}
        # keyed by id(), holding the object so the id cannot be reused for another one
        self._names: dict[int, tuple[Cond, tuple[str, ...]]] = {}
        self._clause_names: dict[int, tuple[CompiledClause, tuple[str, ...]]] = {}

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

    def reason(self, part: str, result: Truth | None, text: str) -> Reason:
        """Reasons are frozen, so equal ones are shared between findings."""
        key = (part, result.value if result is not None else None, text)
        reason = self.reasons.get(key)
        if reason is None:
            reason = self.reasons[key] = Reason(part=part, result=key[1], text=text)  # type: ignore[arg-type]
        return reason
