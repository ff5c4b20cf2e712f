"""From loaded positions and rules to findings: applicability, time, declarations.

The backend decides each clause's verdict (by compliance.verdict's table); this package
explains it. For every clause it also evaluates the conditions three-valued with a trace
(the reference semantics) and refuses to report a verdict the two do not agree on. With
the reference evaluator itself (the direct backend) the traces are the verdicts: the
backend's own pass would evaluate the same semantics a second time.

gates.py: does a clause apply at all (every gate, in order); scenarios.py: the base position or its scenarios;
declarations.py: declared or not; findings.py: one clause's finding; texts.py: the memo.
"""

from __future__ import annotations

from collections import Counter
from functools import partial

from compliance.backends import Backend
from compliance.dates import PartialDate
from compliance.evaluate.confirmation import annotate
from compliance.evaluate.duties import letters_of, with_evidence
from compliance.evaluate.findings import compiled_rules, describe, finding, summary, traced_verdict
from compliance.evaluate.gates import clause_gate, gate_of, motion_gate
from compliance.evaluate.scenarios import Branch, branches, merged
from compliance.evaluate.standing import standing_positions
from compliance.evaluate.texts import Texts
from compliance.loading.timeline import LoadedTimeline
from compliance.loading.workspace import LoadedPosition, Workspace
from compliance.model.common import Lang
from compliance.model.motion import motion_sort_key
from compliance.model.output import Finding, MotionVerdict, Report
from compliance.pack import Outcome
from compliance.verdict import VERDICTS


def check(ws: Workspace, positions: list[LoadedPosition], backend: Backend, *, lang: Lang = "nl",
          as_of: str | None = None, interpretations: dict[str, str] | None = None,
          conditions: bool = True, standing: bool = False) -> Report:
    """Evaluate every position against every motion record of the workspace.

    ``conditions=False`` leaves out the reasons that render a clause's conditions with each
    part's result (applies_when, conflicts_when, complies_when), for a format that shows
    none of them (``compliance.reports.SHOWS_CONDITIONS``). Verdicts, messages, facts read,
    missing facts, locations, notes and every other reason are as with them, so the gate
    and the exit code are too.

    ``standing=True`` judges each position as it stands among the others given: its own facts
    plus those it does not state, carried from the latest earlier position that states them
    (compliance.evaluate.standing); a finding on a carried fact names its origin."""
    positions = sorted(positions, key=lambda p: (p.file, p.model.id))
    if standing:
        positions = standing_positions(ws, positions)
    evaluated: dict[str, list[tuple[Branch, dict[str, Outcome] | None]]] = {}
    reference = getattr(backend, "reference", False) is True
    for dossier in sorted({p.model.dossier for p in positions}):
        group = [p for p in positions if p.model.dossier == dossier]
        pack = ws.pack(dossier, interpretations)
        timeline = ws.timelines.get(dossier) or LoadedTimeline(dossier)
        clocks = [c.clock for c in pack.clauses if c.clock is not None]
        # a letter that declares it gives effect to a motion is evidence, on its own date, of
        # the event the motion's duty awaits (compliance.evaluate.duties)
        keyed = [(pos, b) for pos in group
                 for b in branches(pos, pack, with_evidence(timeline, clocks, letters_of([pos], lang)),
                                   PartialDate.parse(as_of or pos.model.date), lang)]
        # the reference evaluator's outcomes are the traces' (findings.finding), which
        # explain every clause anyway: evaluated once; any other backend is cross-checked
        results: list[dict[str, Outcome] | None] = [None] * len(keyed) if reference \
            else list(backend.evaluate(pack, [b.facts for _, b in keyed]))
        for (pos, b), result in zip(keyed, results, strict=True):
            evaluated.setdefault(pos.model.id, []).append((b, result))
    findings: list[Finding] = []
    summaries: list[MotionVerdict] = []
    texts = Texts(lang, conditions)
    order = sorted(ws.motions, key=motion_sort_key)
    compiled_by_motion = {m: compiled_rules(ws, m, ws.interpretation_for(m, interpretations)) for m in order}
    for pos in positions:
        date = PartialDate.parse(as_of or pos.model.date)
        source = pos.model.source.cite(lang)
        vocab = ws.vocabularies.get(pos.model.dossier)
        timeline = ws.timelines.get(pos.model.dossier) or LoadedTimeline(pos.model.dossier)
        for motion_id in order:
            motion = ws.motions[motion_id]
            compiled = compiled_by_motion[motion_id]
            gate = motion_gate(pos, motion, texts.motion(motion), date, lang)
            clause_findings = []
            for number in (c.number for c in motion.record.clauses):
                clause = compiled.get(number)
                # every gate in order (compliance.evaluate.gates), once per clause, not per branch
                gated = gate if gate is not None and gate[0] == "not_applicable" else gate_of(
                    gate, partial(clause_gate, pos, motion, number, clause, vocab, timeline, date, lang))
                clause_findings.append(merged(
                    pos, [finding(ws, pos, motion, number, clause, outcome, date, lang, b, texts, source,
                                  gated) for b, outcome in evaluated[pos.model.id]],
                    [b for b, _ in evaluated[pos.model.id]], lang))
            findings.extend(clause_findings)
            summaries.append(summary(pos, motion, clause_findings, lang, texts))
    findings = annotate(findings, positions, lang)
    counts = Counter(f.verdict for f in findings)
    used = {m: ws.interpretation_for(m, interpretations) or "" for m in sorted(ws.rules)}
    return Report(
        lang=lang, as_of=as_of, interpretations=used,
        counts={v: counts.get(v, 0) for v in VERDICTS}
        | {"undeclared_conflicts": sum(1 for f in findings
                                       if f.verdict == "conflicts" and f.declared is not True)},
        motions=summaries, findings=findings,
    )


__all__ = ["Branch", "branches", "check", "describe", "traced_verdict"]
