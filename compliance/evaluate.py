"""From loaded positions and rules to findings: applicability, time, declarations.

The backend decides each clause's verdict; this module explains it. For every
clause it also evaluates the conditions three-valued with a trace (the reference
semantics) and refuses to report a verdict the two do not agree on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from compliance.backends import Backend
from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Cond, Flag, Not, walk
from compliance.conditions.kleene import Trace, evaluate
from compliance.conditions.values import MISSING, to_json
from compliance.dates import PartialDate
from compliance.errors import InternalError
from compliance.i18n import t
from compliance.loading.timeline import LoadedTimeline
from compliance.loading.workspace import LoadedMotion, LoadedPosition, Workspace
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth
from compliance.model.common import Lang
from compliance.model.motion import motion_sort_key
from compliance.model.output import (
    BranchVerdict,
    DeclarationRef,
    FactUse,
    Finding,
    Location,
    MotionVerdict,
    Reason,
    Report,
)
from compliance.model.position import PlannedStep
from compliance.pack import SEVERITY, CompiledClause, Outcome, RulePack, Verdict
from compliance.standstill import derive, explain


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


@dataclass
class _MotionTexts:
    """What a motion puts into each of its findings in one language: worked out once per check."""

    kamerstuk: str | None
    source: str | None
    requests: dict[int, str]
    voted: PartialDate | None


class _Texts:
    """Per-check memo of everything a finding repeats across positions, clauses and branches.

    Only values determined by their key are kept (motion texts by motion, a fact's use by
    branch, a location by position and fact), so the findings are the ones built afresh."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.motions: dict[str, _MotionTexts] = {}
        self.reasons: dict[tuple[str, str | None, str], Reason] = {}
        self.locations: dict[tuple[str, str | None], Location] = {}
        # keyed by id(), holding the object so the id cannot be reused for another one
        self._names: dict[int, tuple[Cond, tuple[str, ...]]] = {}
        self._clause_names: dict[int, tuple[CompiledClause, tuple[str, ...]]] = {}

    def motion(self, motion: LoadedMotion) -> _MotionTexts:
        record = motion.record
        texts = self.motions.get(record.id)
        if texts is None:
            cite = record.kamerstuk.cite(self.lang) if record.kamerstuk else None
            texts = self.motions[record.id] = _MotionTexts(
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


def branches(pos: LoadedPosition, pack: RulePack, timeline: LoadedTimeline, date: PartialDate,
             lang: Lang) -> list[Branch]:
    """The base position, or, for a conditional position, each of its scenarios."""
    if not pos.branches:
        steps = list(pos.model.planned_steps)
        return [Branch(None, None, {**pos.facts, **derive(pack.flags, timeline, date, steps)},
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
        out.append(Branch(b.name, b.index, {**b.facts, **derive(pack.flags, tl, date, steps)},
                          steps, tl, assumptions))
    return out


def check(ws: Workspace, positions: list[LoadedPosition], backend: Backend, *, lang: Lang = "nl",
          as_of: str | None = None, interpretations: dict[str, str] | None = None) -> Report:
    """Evaluate every position against every motion record of the workspace."""
    positions = sorted(positions, key=lambda p: (p.file, p.model.id))
    evaluated: dict[str, list[tuple[Branch, dict[str, Outcome]]]] = {}
    for dossier in sorted({p.model.dossier for p in positions}):
        group = [p for p in positions if p.model.dossier == dossier]
        pack = ws.pack(dossier, interpretations)
        timeline = ws.timelines.get(dossier) or LoadedTimeline(dossier)
        keyed = [(pos, b) for pos in group
                 for b in branches(pos, pack, timeline, PartialDate.parse(as_of or pos.model.date), lang)]
        results = backend.evaluate(pack, [b.facts for _, b in keyed])
        for (pos, b), result in zip(keyed, results, strict=True):
            evaluated.setdefault(pos.model.id, []).append((b, result))
    findings: list[Finding] = []
    summaries: list[MotionVerdict] = []
    texts = _Texts(lang)
    order = sorted(ws.motions, key=motion_sort_key)
    compiled_by_motion = {m: _compiled(ws, m, ws.interpretation_for(m, interpretations)) for m in order}
    for pos in positions:
        date = PartialDate.parse(as_of or pos.model.date)
        source = pos.model.source.cite(lang)
        for motion_id in order:
            motion = ws.motions[motion_id]
            compiled = compiled_by_motion[motion_id]
            gate = _gate(pos, motion, texts.motion(motion), date, lang)
            clause_findings = [
                _merged(pos, [_finding(ws, pos, motion, number, compiled.get(number), outcome, date,
                                       lang, b, texts, source, gate)
                              for b, outcome in evaluated[pos.model.id]],
                        [b for b, _ in evaluated[pos.model.id]], lang)
                for number in (c.number for c in motion.record.clauses)
            ]
            findings.extend(clause_findings)
            summaries.append(_summary(pos, motion, clause_findings, lang, texts))
    from compliance.confirmation import annotate

    findings = annotate(findings, positions, lang)
    counts = Counter(f.verdict for f in findings)
    used = {m: ws.interpretation_for(m, interpretations) or "" for m in sorted(ws.rules)}
    return Report(
        lang=lang, as_of=as_of, interpretations=used,
        counts={v: counts.get(v, 0) for v in SEVERITY}
        | {"undeclared_conflicts": sum(1 for f in findings
                                       if f.verdict == "conflicts" and f.declared is not True)},
        motions=summaries, findings=findings,
    )


def _merged(pos: LoadedPosition, per_branch: list[Finding], evaluated: list[Branch],
            lang: Lang) -> Finding:
    """A conditional position's finding: the worst branch, with every branch's verdict."""
    if not pos.branches:
        return per_branch[0]
    worst = min(range(len(per_branch)), key=lambda i: (SEVERITY[per_branch[i].verdict], i))
    scenarios = pos.model.scenarios
    listed = [BranchVerdict(name=b.name or "", description=scenarios[b.index or 0].description.get(lang),
                            verdict=f.verdict, declared=f.declared, message=f.message, notes=f.notes,
                            missing_facts=f.missing_facts, assumptions=b.assumptions,
                            reasons=f.reasons)
              for b, f in zip(evaluated, per_branch, strict=True)]
    conditional = len({f.verdict for f in per_branch}) > 1
    return per_branch[worst].model_copy(update={"branches": listed, "conditional": conditional,
                                                "scenario": evaluated[worst].name})


def _compiled(ws: Workspace, motion: str, interp: str | None) -> dict[int, CompiledClause]:
    rules = ws.rules.get(motion)
    if rules is None or interp is None:
        return {}
    return {c.clause: c for c in rules.compiled[interp]}


def _summary(pos: LoadedPosition, motion: LoadedMotion, clauses: list[Finding],
             lang: Lang, texts: _Texts) -> MotionVerdict:
    worst = min(clauses, key=lambda f: (SEVERITY[f.verdict], f.clause))
    declared = worst.declared if worst.verdict == "conflicts" else None
    extra: dict[str, Any] = {}
    if pos.branches:
        names = [b.name for b in pos.branches]
        extra["conditional"] = any(f.conditional for f in clauses)
        extra["branches"] = {n: min((f.branches[i].verdict for f in clauses if f.branches),  # type: ignore[index]
                                    key=lambda v: SEVERITY[v]) for i, n in enumerate(names)}
    return MotionVerdict(
        position=pos.model.id, position_file=pos.file, motion=motion.record.id,
        motion_name=motion.record.short_name, kamerstuk=texts.motion(motion).kamerstuk,
        verdict=worst.verdict, declared=declared,
        clauses={str(f.clause): f.verdict for f in clauses}, message=worst.message, **extra,
    )


def _finding(ws: Workspace, pos: LoadedPosition, motion: LoadedMotion, number: int,
             clause: CompiledClause | None, outcomes: dict[str, Outcome], date: PartialDate,
             lang: Lang, branch: Branch, texts: _Texts, source: str, gate: _Gate | None) -> Finding:
    record = motion.record
    mt = texts.motion(motion)
    base: dict[str, Any] = dict(
        position=pos.model.id, position_file=pos.file, dossier=pos.model.dossier,
        motion=record.id, motion_name=record.short_name, kamerstuk=mt.kamerstuk,
        clause=number, request=mt.requests[number], rule=None, rule_file=None, rule_line=None,
        interpretation=None, declared=None, missing_facts=[], facts=[], notes=[],
        sources=[source, mt.source] if mt.source else [source], position_date=pos.model.date,
        location=_location(pos, (), {}, texts),
    )

    def early(verdict: Verdict, part: str, text: str, result: Truth | None = None) -> Finding:
        return Finding(**base, verdict=verdict, message=text, reasons=[texts.reason(part, result, text)])

    if gate is not None:
        return early(*gate)
    if clause is None:
        return early("undetermined", "rule", t("no_rule", lang))

    concepts = ws.vocabularies[pos.model.dossier].concepts
    traces: dict[str, Trace] = {}
    facts = branch.facts
    if clause.applies is not None:
        traces["applies_when"] = evaluate(clause.applies, facts, concepts)
    traces["conflicts_when"] = evaluate(clause.conflicts, facts, concepts)
    traces["complies_when"] = evaluate(clause.complies, facts, concepts)
    note_traces = [evaluate(n, facts, concepts) for n in clause.notes]
    verdict = _verdict(traces)
    outcome = outcomes[clause.key]
    fired = tuple(i for i, tr in enumerate(note_traces) if tr.result is TRUE)
    if outcome.verdict != verdict or outcome.notes != fired:
        raise InternalError(
            f"backend and reference semantics disagree on {clause.key} for position "
            f"{pos.model.id} ({branch.name}): {outcome.verdict}/{outcome.notes} vs {verdict}/{fired}")

    messages = clause.rule.messages
    missing = sorted(_missing(traces, verdict))
    if verdict in ("conflicts", "complies"):
        message = getattr(messages, verdict).get(lang)
    elif verdict == "not_applicable":
        message = messages.not_applicable.get(lang) if messages.not_applicable \
            else t("not_applicable_rule", lang)
    elif messages.undetermined:
        message = messages.undetermined.get(lang)
    elif missing:
        message = t("undetermined_missing", lang, facts=", ".join(missing))
    else:
        message = t("undetermined_gap", lang)

    reasons = [texts.reason(part, tr.result, f"{t(part, lang)}: {describe(tr, lang)}")
               for part, tr in traces.items()]
    if clause.rule.standstill is not None:
        text = explain(clause.rule.standstill, branch.timeline, branch.steps, lang)
        reasons.append(Reason(part="standstill", text=text))
        if verdict in ("conflicts", "undetermined"):
            message = f"{message} ({text})"
    declared, declaration = None, None
    if verdict == "conflicts":
        declared, declaration, text = _declaration(motion, pos, date, lang)
        reasons.append(Reason(part="declaration", text=text))
    notes = [clause.rule.notes[i].message.get(lang) for i in fired]
    deciding = _deciding(traces, verdict)
    base["location"] = _location(pos, texts.names(deciding.cond if deciding else None, concepts),
                                 facts, texts)
    base.update(rule=f"{clause.key}@{clause.interpretation}", rule_file=clause.file,
                rule_line=clause.line, interpretation=clause.interpretation, declared=declared,
                missing_facts=missing, facts=_facts_used(pos, texts.clause_names(clause, concepts), branch),
                notes=notes)
    if declaration is not None:
        base["sources"] = [*base["sources"], declaration.source]
    return Finding(**base, verdict=verdict, declaration=declaration, message=message,
                   reasons=reasons)


_Gate = tuple[Verdict, str, str, Truth | None]


def _gate(pos: LoadedPosition, motion: LoadedMotion, mt: _MotionTexts, date: PartialDate,
          lang: Lang) -> _Gate | None:
    """Why none of a motion's clauses applies to the position (same for every clause and
    scenario): verdict, reason part, text and result; None when the clauses are evaluated."""
    record = motion.record
    if pos.model.dossier not in record.dossiers:
        return "not_applicable", "dossier", t("other_dossier", lang, dossier=pos.model.dossier), None
    if record.result != "adopted":
        return "not_applicable", "adoption", t("not_adopted", lang, result=record.result), None
    adopted = mt.voted.on_or_before(date) if mt.voted is not None else UNKNOWN
    voted = record.dates.voted or "?"
    if adopted is FALSE:
        return "not_applicable", "adoption", t("adopted_later", lang, voted=voted, as_of=date.text), adopted
    if adopted is UNKNOWN:
        return "undetermined", "adoption", t("adoption_unknown", lang, voted=voted, as_of=date.text), adopted
    return None


def _verdict(traces: dict[str, Trace]) -> Verdict:
    applies = traces["applies_when"].result if "applies_when" in traces else TRUE
    if applies is FALSE:
        return "not_applicable"
    if applies is TRUE:
        conflict = traces["conflicts_when"].result
        if conflict is TRUE:
            return "conflicts"
        if conflict is FALSE and traces["complies_when"].result is TRUE:
            return "complies"
    return "undetermined"


def _deciding(traces: dict[str, Trace], verdict: Verdict) -> Trace | None:
    """The condition that settled the verdict: the one a reader should be pointed at."""
    part = {"conflicts": "conflicts_when", "complies": "complies_when",
            "not_applicable": "applies_when"}.get(verdict)
    if part is None:
        part = next((p for p, tr in traces.items() if tr.result is UNKNOWN), "conflicts_when")
    return traces.get(part)


def _location(pos: LoadedPosition, names: Iterable[str], facts: Mapping[str, Any],
              texts: _Texts) -> Location:
    """The first fact of the deciding condition that is stated (with a value of its type)."""
    name: str | None = None
    for fact in names:
        if facts.get(fact, MISSING) is not MISSING and pos.fact_loc(fact):
            name = fact
            break
    key = (pos.file, name)
    found = texts.locations.get(key)
    if found is None:
        loc = pos.fact_loc(name) if name is not None else None
        if loc:
            found = Location(file=pos.file, line=loc[0], column=loc[1], fact=name)
        else:
            loc = pos.doc.key_locs.get(("facts",)) or pos.doc.value_locs.get((), (1, 1))
            found = Location(file=pos.file, line=loc[0], column=loc[1])
        texts.locations[key] = found
    return found


def _missing(traces: dict[str, Trace], verdict: Verdict) -> set[str]:
    if verdict != "undetermined":
        return set()
    out: set[str] = set()
    for tr in traces.values():
        out |= tr.missing_facts()
    return out


def _facts_used(pos: LoadedPosition, names: Iterable[str], branch: Branch) -> list[FactUse]:
    """What the clause's atoms read: each atom reads the branch's value of its fact."""
    uses = branch.uses
    out = []
    for name in names:
        use = uses.get(name)
        if use is None:
            value = branch.facts.get(name, MISSING)
            loc = pos.fact_loc(name, branch.index)
            present = value is not MISSING
            use = uses[name] = FactUse(
                name=name, present=present, value=to_json(value) if present else None,
                file=pos.file, line=loc[0] if loc else None, column=loc[1] if loc else None,
                where=pos.fact_where(name, branch.index))
        out.append(use)
    return sorted(out, key=lambda f: (not f.present, f.line or 0, f.name))


def _declaration(motion: LoadedMotion, pos: LoadedPosition, date: PartialDate,
                 lang: Lang) -> tuple[bool | None, DeclarationRef | None, str]:
    own = [(i, d) for i, d in enumerate(pos.model.declarations) if d.motion == motion.record.id]
    if own:
        i, decl = own[-1]
        source = decl.source.cite(lang) if decl.source else pos.model.source.title
        ref = DeclarationRef(statement=decl.statement, date=pos.model.date, origin="position",
                             source=source, file=pos.file,
                             line=pos.doc.loc(("declarations", i))[0])
        text = t("declaration_position", lang, statement=t(decl.statement, lang), source=source)
        return decl.statement == "will_not_execute", ref, text
    known, uncertain = [], []
    for i, s in enumerate(motion.record.execution):
        when = PartialDate.parse(s.date).on_or_before(date)
        if when is TRUE:
            known.append((PartialDate.parse(s.date), i, s))
        elif when is UNKNOWN:
            uncertain.append(s)
    latest = max(known, key=lambda k: (k[0].last, k[0].first, k[1]))[1:] if known else None
    refusal = latest is not None and latest[1].statement == "will_not_execute"
    if any((s.statement == "will_not_execute") != refusal for s in uncertain):
        s = uncertain[0]
        return None, None, t("declaration_uncertain", lang, date=s.date, as_of=date.text)
    if latest is None:
        return False, None, t("declaration_none", lang)
    i, s = latest
    ref = DeclarationRef(statement=s.statement, date=s.date, origin="motion_record",
                         source=s.source.cite(lang), file=motion.file,
                         line=motion.doc.loc(("execution", i))[0])
    text = t("declaration_motion", lang, statement=t(s.statement, lang),
             source=s.source.cite(lang), date=s.date)
    return refusal, ref, text


_RESULT_WORDS = {lang: {r: t(f"condition_{r.value}", lang) for r in Truth} for lang in ("nl", "en")}


def describe(trace: Trace, lang: Lang) -> str:
    """A one-line rendering of an evaluated condition with each part's result."""
    c = trace.cond
    r = _RESULT_WORDS[lang][trace.result]
    if type(c) is Atom:
        shown = "" if c.op == "known" else f" {to_json(c.value)}"
        read = t("absent", lang) if trace.value is MISSING else to_json(trace.value)
        return f"[{c.fact} {c.op}{shown}: {r} ({read})]"
    if isinstance(c, ConceptRef):
        return f"[{c.name}: {r}]"
    if isinstance(c, Flag):
        what = t("event_happened", lang, event=c.event) if c.kind is None \
            else t("step_open", lang, kind=c.kind, event=c.event)
        return f"[{what}: {r}]"
    if isinstance(c, Not):
        return f"not {describe(trace.children[0], lang)}"
    word = "all" if isinstance(c, All) else "any" if isinstance(c, Any_) else "?"
    inner = ", ".join(describe(ch, lang) for ch in trace.children)
    return f"{word}({inner}): {r}"
