"""``compliance explain``: the whole evaluation of one motion (or clause) for one position,
for a lawyer: the request in words, then the reasoning as a tree of conditions with
their three-valued results and the concepts they go through, then the evidence (each
fact with its file and line), then what would comply."""

from __future__ import annotations

import json
from typing import Any

from compliance.authoring.suggest import describe_change, record_facts, would_comply
from compliance.backends import Backend
from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Flag
from compliance.conditions.kleene import Trace, evaluate
from compliance.conditions.values import MISSING, to_json
from compliance.errors import InputError, InputErrors, Text, one_of
from compliance.evaluate import check
from compliance.i18n import t
from compliance.loading.workspace import LoadedPosition, Workspace
from compliance.model.common import Lang
from compliance.model.output import FactChange, Finding
from compliance.pack import CompiledClause
from compliance.reports.labels import show
from compliance.text_safety import lines as safe_lines


def resolve_motion(ws: Workspace, name: str) -> str:
    """A motion id from its id or its number alone (``1011``); raises InputErrors."""
    if name in ws.motions:
        return name
    hits = sorted(m for m in ws.motions if m.endswith(f"-{name}"))
    if len(hits) == 1:
        return hits[0]
    from compliance.errors import did_you_mean

    fix = did_you_mean(name, ws.motions) or one_of(ws.motions)
    raise InputErrors([InputError("MOTION", 1, 1, Text(f"no motion '{name}'", f"geen motie '{name}'"), fix)])


def node(trace: Trace, pos: LoadedPosition, ws: Workspace, dossier: str, lang: Lang) -> dict[str, Any]:
    """One evaluated condition as JSON, with its children."""
    c = trace.cond
    out: dict[str, Any] = {"result": trace.result.value}
    if isinstance(c, Atom):
        loc = pos.fact_loc(c.fact)
        present = trace.value is not MISSING
        out.update(kind="fact", fact=c.fact, op=c.op, value=to_json(c.value) if c.op != "known" else True,
                   present=present, read=to_json(trace.value) if present else None,
                   at=f"{pos.file}:{loc[0]}:{loc[1]}" if loc and present else None,
                   where=pos.fact_where(c.fact) if present else None)
        return out
    if isinstance(c, Flag):
        present = trace.value is not MISSING
        kind = c.clock.kind if c.clock is not None else "event" if c.kind is None else "standstill_step"
        out.update(kind=kind, event=c.event, step=c.kind,
                   flag=c.key, present=present, read=to_json(trace.value) if present else None)
        return out
    if isinstance(c, ConceptRef):
        concept = ws.vocabularies[dossier].model.concepts[c.name]
        defined = ws.vocabularies[dossier].concepts[c.name].loc
        out.update(kind="concept", concept=c.name, description=concept.description.get(lang),
                   defined_at=f"{defined[0]}:{defined[1]}")
    else:
        out["kind"] = "all" if isinstance(c, All) else "any" if isinstance(c, Any_) else "not"
    out["children"] = [node(ch, pos, ws, dossier, lang) for ch in trace.children]
    return out


def _why(finding: Finding, lang: str) -> str:
    if finding.rule is None or finding.reasons[0].part in ("dossier", "adoption", "rule"):
        return finding.reasons[0].text
    if finding.verdict == "undetermined":
        return t("why_undetermined", lang, facts=", ".join(finding.missing_facts) or "-")
    return t(f"why_{finding.verdict}", lang)


def explain(ws: Workspace, pos: LoadedPosition, motion: str, backend: Backend, *, clause: int | None = None,
            lang: Lang = "nl", interpretations: dict[str, str] | None = None) -> dict[str, Any]:
    report = check(ws, [pos], backend, lang=lang, interpretations=interpretations)
    findings = [f for f in report.findings if f.motion == motion and (clause is None or f.clause == clause)]
    if not findings:
        raise InputErrors([InputError("--clause", 1, 1, Text(f"motion {motion} has no clause {clause}",
                                                             f"motie {motion} heeft geen verzoek {clause}"),
                                      Text("leave --clause out to explain every clause",
                                           "laat --clause weg om elk verzoek uit te leggen"))])
    rules = ws.rules.get(motion)
    compiled: dict[int, CompiledClause] = {}
    interp = ws.interpretation_for(motion, interpretations)
    if rules is not None and interp is not None:
        compiled = {c.clause: c for c in rules.compiled[interp]}
    out = []
    for f in findings:
        entry: dict[str, Any] = {"finding": f.model_dump(mode="json"), "why": _why(f, lang)}
        c = compiled.get(f.clause) if f.rule is not None else None
        if c is not None:
            concepts = ws.vocabularies[pos.model.dossier].concepts
            facts = record_facts(ws, pos, interpretations)
            model = next(i for i in rules.model.interpretations if i.name == interp)  # type: ignore[union-attr]
            entry["interpretation"] = {"name": model.name, "title": model.title.get(lang),
                                       "rationale": model.rationale.get(lang)}
            tree: dict[str, Any] = {}
            if c.applies is not None:
                tree["applies_when"] = node(evaluate(c.applies, facts, concepts), pos, ws,
                                            pos.model.dossier, lang)
            tree["conflicts_when"] = node(evaluate(c.conflicts, facts, concepts), pos, ws,
                                          pos.model.dossier, lang)
            if c.rule.complies_when is not None or c.clock is not None:
                tree["complies_when"] = node(evaluate(c.complies, facts, concepts), pos, ws,
                                             pos.model.dossier, lang)
            entry["tree"] = tree
            if f.verdict in ("conflicts", "undetermined"):
                vocab = ws.vocabularies[pos.model.dossier]
                sets = would_comply(c, facts, vocab.model, vocab.concepts)
                entry["would_comply"] = [[FactChange(**ch.as_json()).model_dump(mode="json") for ch in s]
                                         for s in sets]
                entry["would_comply_text"] = [[describe_change(ch, lang) for ch in s] for s in sets]
        out.append(entry)
    return {"position": pos.model.id, "position_file": pos.file, "motion": motion, "lang": lang,
            "clauses": out}


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _tree_lines(n: dict[str, Any], lang: str, depth: int) -> list[str]:
    pad = "  " * depth
    result = t(f"condition_{n['result']}", lang)
    if n["kind"] == "fact":
        shown = "" if n["op"] == "known" else f" {show(n['value'])}"
        read = show(n["read"]) if n["present"] else t("absent", lang)
        at = f", {n['at']}" if n.get("at") else ""
        return [f"{pad}{n['fact']} {n['op']}{shown}: {result} — {t('read', lang)}: {read}{at}"]
    if n["kind"] in ("event", "standstill_step", "deadline", "recurring"):
        what = (t("explain_event_happened", lang, event=n["event"]) if n["kind"] == "event"
                else t("explain_step_open", lang, step=n["step"], event=n["event"])
                if n["kind"] == "standstill_step"
                else t("event_clock", lang, which=n["step"], kind=t(n["kind"], lang), event=n["event"]))
        read = show(n["read"]) if n["present"] else t("absent", lang)
        return [f"{pad}{what}: {result} — {t('read', lang)}: {read}"]
    if n["kind"] == "concept":
        head = (f"{pad}{t('concept', lang)} {n['concept']}: {result} — {n['description']} "
                f"({t('defined_at', lang)} {n['defined_at']})")
    else:
        head = f"{pad}{t('tree_' + n['kind'], lang)}: {result}"
    lines = [head]
    for ch in n["children"]:
        lines += _tree_lines(ch, lang, depth + 1)
    return lines


def render_text(data: dict[str, Any]) -> str:
    from compliance.reports.text import _badge

    lang = data["lang"]
    lines: list[str] = []
    for entry in data["clauses"]:
        f = entry["finding"]
        if lines:
            lines.append("")
        cite = f["kamerstuk"] or f["motion"]
        lines.append(f"{f['motion_name']} ({cite}) — {t('clause', lang)} {f['clause']}")
        lines.append(f"{t('position', lang)}: {data['position']} ({data['position_file']})")
        lines.append(f"{t('explain_request', lang)}: {f['request']}")
        lines.append(f"{t('verdict', lang)}: {_badge(f['verdict'], f['declared'], lang)} — {f['message']}")
        if "interpretation" in entry:
            i = entry["interpretation"]
            lines.append(f"{t('explain_interpretation', lang)}: {i['name']} ({i['title']}) — "
                         f"{i['rationale']}")
        lines.append(f"{t('reasoning', lang)}:")
        lines.append(f"  {entry['why']}")
        for part, tree in entry.get("tree", {}).items():
            lines.append(f"  {t(part, lang)}:")
            lines += _tree_lines(tree, lang, 2)
        if "tree" in entry and "complies_when" not in entry["tree"]:
            lines.append(f"  {t('default_complies', lang)}")
        for note in f["notes"]:
            lines.append(f"  {t('note', lang)}: {note}")
        lines.append(f"{t('evidence', lang)}:")
        for fact in f["facts"]:
            if fact["present"]:
                where = f" — {fact['where']}" if fact["where"] else ""
                lines.append(f"  - {fact['name']} = {show(fact['value'])} "
                             f"({fact['file']}:{fact['line']}:{fact['column']}{where})")
            else:
                lines.append(f"  - {fact['name']}: {t('absent', lang)}")
        for reason in f["reasons"]:
            if reason["part"] == "declaration":
                lines.append(f"  {reason['text']}")
        for src in f["sources"]:
            lines.append(f"  {t('source', lang)}: {src}")
        if "would_comply" in entry:
            lines.append(f"{t('explain_would_comply', lang)}:")
            if not entry["would_comply_text"]:
                lines.append(f"  {t('none_within', lang, n=3)}")
            for k, changes in enumerate(entry["would_comply_text"], 1):
                lines.append(f"  {k}. " + "; ".join(changes))
    return safe_lines(lines)  # input text cannot break a line or reach the terminal raw
