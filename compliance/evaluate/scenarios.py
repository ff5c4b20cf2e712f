"""A position's evaluations: the base position, or each scenario of a conditional one,
and the finding that merges their verdicts (the worst, with every branch's)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compliance.dates import PartialDate
from compliance.i18n import t
from compliance.loading.timeline import LoadedTimeline
from compliance.loading.workspace import LoadedPosition
from compliance.model.common import Lang
from compliance.model.output import (
    BranchVerdict,
    FactUse,
    Finding,
)
from compliance.model.position import PlannedStep
from compliance.pack import RulePack
from compliance.standstill import derive
from compliance.verdict import SEVERITY


@dataclass
class Branch:
    """What one evaluation of a position reads: the base, or one scenario of it."""

    name: str | None
    index: int | None
    facts: dict[str, Any]  # typed facts plus derived flags
    steps: list[PlannedStep]
    timeline: LoadedTimeline
    assumptions: list[str]
    # fact name -> what a finding lists for it: the same for every clause read on this branch
    uses: dict[str, FactUse] = field(default_factory=dict, repr=False, compare=False)


def branches(pos: LoadedPosition, pack: RulePack, timeline: LoadedTimeline, date: PartialDate,
             lang: Lang) -> list[Branch]:
    """The base position, or, for a conditional position, each of its scenarios."""
    if not pos.branches:
        steps = list(pos.model.planned_steps)
        return [Branch(None, None, {**pos.facts, **derive(pack.flags, timeline, date, steps, pos.facts)},
                       steps, timeline, [])]
    out = []
    for b in pos.branches:
        sc = pos.model.scenarios[b.index]
        steps = list(sc.planned_steps if sc.planned_steps is not None else pos.model.planned_steps)
        events = dict(timeline.events)
        assumptions = []
        for name, a in sorted(sc.assume_events.items()):
            events[name] = events[name].model_copy(
                update={"date": a.date, "not_happened_by": a.not_happened_by})
            assumptions.append(t("assume_date", lang, event=name, date=a.date) if a.date else
                               t("assume_not_by", lang, event=name, date=a.not_happened_by))
        tl = LoadedTimeline(timeline.dossier, timeline.file, timeline.doc, events)
        out.append(Branch(b.name, b.index, {**b.facts, **derive(pack.flags, tl, date, steps, b.facts)},
                          steps, tl, assumptions))
    return out


def merged(pos: LoadedPosition, per_branch: list[Finding], evaluated: list[Branch],
           lang: Lang) -> Finding:
    """A conditional position's finding: the worst branch, with every branch's verdict."""
    if not pos.branches:
        return per_branch[0]
    at = min(range(len(per_branch)), key=lambda i: (SEVERITY[per_branch[i].verdict], i))
    scenarios = pos.model.scenarios
    listed = [BranchVerdict(name=b.name or "", description=scenarios[b.index or 0].description.get(lang),
                            verdict=f.verdict, declared=f.declared, message=f.message, notes=f.notes,
                            missing_facts=f.missing_facts, assumptions=b.assumptions,
                            reasons=f.reasons)
              for b, f in zip(evaluated, per_branch, strict=True)]
    conditional = len({f.verdict for f in per_branch}) > 1
    return per_branch[at].model_copy(update={"branches": listed, "conditional": conditional,
                                             "scenario": evaluated[at].name})
