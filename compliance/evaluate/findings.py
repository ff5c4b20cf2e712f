"""One clause's finding: the backend's verdict, cross-checked with the traced reference
semantics, explained with reasons, facts read (file:line) and the deciding location."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from compliance import deadlines
from compliance.conditions.ast import All, Any_, Atom, Not
from compliance.conditions.kleene import Trace, evaluate
from compliance.conditions.values import MISSING, to_json
from compliance.dates import PartialDate
from compliance.errors import InternalError
from compliance.evaluate.declarations import cabinet_declaration
from compliance.evaluate.gates import Gate
from compliance.evaluate.scenarios import Branch
from compliance.evaluate.texts import Texts, shown_as
from compliance.i18n import t
from compliance.loading.workspace import LoadedMotion, LoadedPosition, Workspace
from compliance.logic import TRUE, UNKNOWN, Truth
from compliance.model.common import Lang
from compliance.model.output import (
    FactUse,
    Finding,
    Location,
    MotionVerdict,
    Reason,
)
from compliance.model.template import LETTERS
from compliance.pack import CompiledClause, Outcome
from compliance.standstill import explain
from compliance.verdict import SEVERITY, Verdict, decide, worst


def compiled_rules(ws: Workspace, motion: str, interp: str | None) -> dict[int, CompiledClause]:
    rules = ws.rules.get(motion)
    if rules is None or interp is None:
        return {}
    return {c.clause: c for c in rules.compiled[interp]}


def summary(pos: LoadedPosition, motion: LoadedMotion, clauses: list[Finding],
            lang: Lang, texts: Texts) -> MotionVerdict:
    first = min(clauses, key=lambda f: (SEVERITY[f.verdict], f.clause))
    declared = first.declared if first.verdict == "conflicts" else None
    extra: dict[str, Any] = {}
    if pos.branches:
        names = [b.name for b in pos.branches]
        extra["conditional"] = any(f.conditional for f in clauses)
        extra["branches"] = {n: worst(f.branches[i].verdict for f in clauses if f.branches)
                             for i, n in enumerate(names)}
    return MotionVerdict(
        position=pos.model.id, position_file=pos.file, motion=motion.record.id,
        motion_name=motion.record.short_name, kamerstuk=texts.motion(motion).kamerstuk,
        verdict=first.verdict, declared=declared,
        clauses={str(f.clause): f.verdict for f in clauses}, message=first.message, **extra,
    )


def finding(ws: Workspace, pos: LoadedPosition, motion: LoadedMotion, number: int,
            clause: CompiledClause | None, outcomes: dict[str, Outcome] | None, date: PartialDate,
            lang: Lang, branch: Branch, texts: Texts, source: str, gate: Gate | None) -> Finding:
    record = motion.record
    mt = texts.motion(motion)
    own: dict[str, Any] = dict(
        position=pos.model.id, position_file=pos.file, dossier=pos.model.dossier,
        sources=[source, mt.source] if mt.source else [source], position_date=pos.model.date,
        location=_location(pos, (), {}, texts))
    if gate is not None:
        # A motion that does not apply (another dossier, not adopted, held...) says the same
        # for this clause in every position with the same gate: built once, validated, and
        # copied with the position's own fields (the finding's only other fields).
        key = (record.id, number, gate)
        shared = texts.gated.get(key)
        if shared is not None:
            return shared.model_copy(update=own)
    base: dict[str, Any] = dict(
        **own, motion=record.id, motion_name=record.short_name, kamerstuk=mt.kamerstuk,
        clause=number, request=mt.requests[number], rule=None, rule_file=None, rule_line=None,
        interpretation=None, declared=None, missing_facts=[], facts=[], notes=[])

    def early(verdict: Verdict, part: str, text: str, result: Truth | None = None) -> Finding:
        return Finding(**base, verdict=verdict, message=text, reasons=[texts.reason(part, result, text)])

    if gate is not None:
        texts.gated[(record.id, number, gate)] = found = early(*gate)
        return found
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
    verdict = traced_verdict(traces)
    fired = tuple(i for i, tr in enumerate(note_traces) if tr.result is TRUE)
    # outcomes None: the backend is the reference, whose verdicts these traces are
    outcome = outcomes[clause.key] if outcomes is not None else None
    if outcome is not None and (outcome.verdict != verdict or outcome.notes != fired):
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
        facts_of = ws.vocabularies[pos.model.dossier].model.facts
        message = t("undetermined_missing", lang, facts="; ".join(
            _named(name, facts_of, lang) for name in missing))
    else:
        message = t("undetermined_gap", lang)

    reasons = []
    for part, tr in traces.items() if texts.conditions else ():
        letters: list[str] = []
        text = f"{t(part, lang)}: {describe(tr, lang, letters)}"
        reasons.append(texts.reason(part, tr.result, text, texts.template(part, tr.cond),
                                    "".join(letters)))
    if clause.rule.standstill is not None:
        text = explain(clause.rule.standstill, branch.timeline, branch.steps, lang)
        reasons.append(texts.reason("standstill", None, text))
        if verdict in ("conflicts", "undetermined"):
            message = f"{message} ({text})"
    reasons += texts.replacing(ws, record.id)
    due = None
    if clause.clock is not None:
        text = deadlines.explain(clause.clock, branch.timeline, branch.facts, date, lang)
        reasons.append(Reason(part="deadline" if clause.clock.kind == "deadline" else "recurring",
                              text=text))
        due = deadlines.due(clause.clock, branch.timeline, branch.facts, date)
        if verdict in ("conflicts", "undetermined") or due == "not_yet_due":
            message = f"{message} ({text})"
    if clause.result_conflicts is not None:
        # an effort duty: a missed result is reported as such, never as a conflict by itself
        missed = evaluate(clause.result_conflicts, facts, concepts).result
        which = {TRUE: "effort_result_missed", UNKNOWN: "effort_result_unknown"}.get(
            missed, "effort_result_met")
        text = t(which, lang)
        reasons.append(texts.reason("effort", missed, text))
        if verdict == "complies" and missed is TRUE:
            message = f"{message} ({text})"
    declared, declaration = None, None
    if verdict == "conflicts":
        declared, declaration, text = cabinet_declaration(motion, pos, date, lang)
        reasons.append(Reason(part="declaration", text=text))
    notes = [clause.rule.notes[i].message.get(lang) for i in fired]
    deciding = _deciding(traces, verdict)
    base["location"] = _location(pos, texts.names(deciding.cond if deciding else None, concepts),
                                 facts, texts)
    base.update(rule=f"{clause.key}@{clause.interpretation}", rule_file=clause.file,
                rule_line=clause.line, interpretation=clause.interpretation, declared=declared,
                missing_facts=missing,
                facts=_facts_used(pos, texts.clause_names(clause, concepts), branch, lang),
                notes=notes)
    carried = [u for u in base["facts"] if u.carried_from]
    if carried:  # the standing position: say where each fact it rests on comes from
        reasons.append(texts.reason("standing", None, "; ".join(f"{u.name}: {u.carried_from}"
                                                               for u in carried)))
    if declaration is not None:
        base["sources"] = [*base["sources"], declaration.source]
    return Finding(**base, verdict=verdict, declaration=declaration, message=message,
                   reasons=reasons, due=due)


def traced_verdict(traces: Mapping[str, Trace]) -> Verdict:
    """The verdict of a clause's traced conditions (by compliance.verdict's table)."""
    return decide(traces["applies_when"].result if "applies_when" in traces else TRUE,
                  traces["conflicts_when"].result, traces["complies_when"].result)


def _deciding(traces: dict[str, Trace], verdict: Verdict) -> Trace | None:
    """The condition that settled the verdict: the one a reader should be pointed at."""
    part = {"conflicts": "conflicts_when", "complies": "complies_when",
            "not_applicable": "applies_when"}.get(verdict)
    if part is None:
        part = next((p for p, tr in traces.items() if tr.result is UNKNOWN), "conflicts_when")
    return traces.get(part)


def _location(pos: LoadedPosition, names: Iterable[str], facts: Mapping[str, Any],
              texts: Texts) -> Location:
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


def _named(name: str, facts: Mapping[str, Any], lang: Lang) -> str:
    """A missing fact as an adviser reads it: its description, then the id a rule author greps
    for; the description quoted, so that it is read as what is left open, not as a denial."""
    fact = facts.get(name)
    if fact is None:
        return name
    text = fact.description.get(lang).rstrip(". ")
    return f"“{text}” ({name})"


def _missing(traces: dict[str, Trace], verdict: Verdict) -> set[str]:
    if verdict != "undetermined":
        return set()
    out: set[str] = set()
    for tr in traces.values():
        out |= tr.missing_facts()
    return out


def _facts_used(pos: LoadedPosition, names: Iterable[str], branch: Branch, lang: Lang) -> list[FactUse]:
    """What the clause's atoms read: each atom reads the branch's value of its fact."""
    uses = branch.uses
    out = []
    for name in names:
        use = uses.get(name)
        if use is None:
            value = branch.facts.get(name, MISSING)
            present = value is not MISSING
            origin = pos.carried.get(name) if present else None
            if origin is not None and not (branch.index is not None and pos.fact_loc(name, branch.index)
                                           and name in pos.model.scenarios[branch.index].facts):
                # the standing position: the fact as the earlier position states it
                use = uses[name] = FactUse(
                    name=name, present=True, value=to_json(value), file=origin.file, line=origin.line,
                    column=origin.column, where=origin.where, carried_from=origin.text(lang))
                out.append(use)
                continue
            loc = pos.fact_loc(name, branch.index)
            use = uses[name] = FactUse(
                name=name, present=present, value=to_json(value) if present else None,
                file=pos.file, line=loc[0] if loc else None, column=loc[1] if loc else None,
                where=pos.fact_where(name, branch.index))
        out.append(use)
    return sorted(out, key=lambda f: (not f.present, f.line or 0, f.name))


_RESULT_WORDS = {lang: {r: t(f"condition_{r.value}", lang) for r in Truth} for lang in ("nl", "en")}
_LETTER = {r: LETTERS[r.value] for r in Truth}


def describe(trace: Trace, lang: Lang, letters: list[str] | None = None) -> str:
    """A one-line rendering of an evaluated condition with each part's result.

    ``letters`` collects each shown result's letter in the order of the placeholders of
    ``texts.condition_template``: the text is that template filled with them and the facts
    read (compliance.model.template)."""
    c = trace.cond
    r = _RESULT_WORDS[lang][trace.result]
    kind = type(c)
    if kind is Not:
        return f"not {describe(trace.children[0], lang, letters)}"
    if kind is All or kind is Any_:
        word = "all" if kind is All else "any"
        inner = ", ".join(describe(ch, lang, letters) for ch in trace.children)
        if letters is not None:
            letters.append(_LETTER[trace.result])
        return f"{word}({inner}): {r}"
    if letters is not None:
        letters.append(_LETTER[trace.result])
    if kind is Atom:
        shown = "" if c.op == "known" else f" {to_json(c.value)}"  # type: ignore[union-attr]
        read = t("absent", lang) if trace.value is MISSING else to_json(trace.value)
        return f"[{c.fact} {c.op}{shown}: {r} ({read})]"  # type: ignore[union-attr]
    return f"[{shown_as(c, lang)}: {r}]"
