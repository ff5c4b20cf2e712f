"""``compliance analyze``: can one position satisfy every adopted motion of a dossier?

A position satisfies a clause when the clause complies or does not apply. Over fully
known positions this is decided exhaustively (enumeration or SMT, see
:mod:`compliance.authoring.space`). When no position satisfies them all, every minimal
set of clauses that no position can satisfy together is reported (subsets by
increasing size, skipping supersets of sets already found), with what each clause
demands and the facts on which the demands clash.
"""

from __future__ import annotations

import itertools
import json
from typing import Any

from compliance.authoring.search import find
from compliance.authoring.space import Goal, Method, Space, position_json, render_facts
from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Cond, Flag, Not, facts_of, flags_of
from compliance.conditions.values import to_json
from compliance.errors import InputError, InputErrors, Text
from compliance.loading.workspace import Workspace
from compliance.model.common import Lang
from compliance.model.motion import motion_sort_key
from compliance.pack import CompiledClause
from compliance.text_safety import lines as safe_lines

MAX_SET = 4  # larger conflicting sets are rare and the search grows fast


def render_cond(c: Cond) -> str:
    """A condition as compact text (the demand a clause makes)."""
    if isinstance(c, Atom):
        v = to_json(c.value)
        shown = ("true" if v else "false") if isinstance(v, bool) else v
        return f"{c.fact} {c.op} {shown}" if c.op != "known" else f"{c.fact} known"
    if isinstance(c, ConceptRef):
        return c.name
    if isinstance(c, Flag):
        return f"{c.event} happened" if c.kind is None else f"{c.kind} step open before {c.event}"
    if isinstance(c, Not):
        return f"not {render_cond(c.item)}"
    word = "all" if isinstance(c, All) else "any"
    assert isinstance(c, All | Any_)
    return f"{word}(" + ", ".join(render_cond(i) for i in c.items) + ")"


def _negated(c: Cond) -> str:
    return render_cond(c.item) if isinstance(c, Not) else f"not {render_cond(c)}"


def _demand(c: CompiledClause) -> str:
    ok = render_cond(c.complies) if c.rule.complies_when is not None else _negated(c.conflicts)
    return ok if c.applies is None else f"{_negated(c.applies)} or {ok}"


def analyze(ws: Workspace, dossier: str, *, lang: Lang = "nl", interpretations: dict[str, str] | None = None,
            near: dict[str, Any] | None = None, method: Method = "auto") -> dict[str, Any]:
    if dossier not in ws.vocabularies:
        from compliance.errors import did_you_mean

        raise InputErrors([InputError("--dossier", 1, 1, Text(f"unknown dossier '{dossier}'",
                                                              f"onbekend dossier '{dossier}'"),
                                      did_you_mean(dossier, ws.vocabularies) or Text("see rules/",
                                                                                     "zie rules/"))])
    vocab = ws.vocabularies[dossier]
    adopted = sorted((m for m, r in ws.motions.items()
                      if r.record.result == "adopted" and dossier in r.record.dossiers), key=motion_sort_key)
    clauses = [c for c in ws.pack(dossier, interpretations).clauses if c.motion in adopted]
    clauses.sort(key=lambda c: (motion_sort_key(c.motion), c.clause))
    unformalised = [m for m in adopted if m not in ws.rules]

    def example(subset: list[CompiledClause], near_: dict[str, Any] | None = None) -> dict[str, Any] | None:
        space = Space.for_clauses(vocab.model, vocab.concepts, subset)
        return find(space, [Goal(c, "ok") for c in subset], method=method, near=near_)

    found = example(clauses, near)
    conflicts: list[dict[str, Any]] = []
    if found is None:
        sets: list[tuple[CompiledClause, ...]] = []
        for k in range(1, min(MAX_SET, len(clauses)) + 1):
            for subset in itertools.combinations(clauses, k):
                keys = {c.key for c in subset}
                if any({c.key for c in s} <= keys for s in sets):
                    continue
                if example(list(subset)) is None:
                    sets.append(subset)
        for s in sets:
            read = [facts_of_clause(c, vocab.concepts) for c in s]
            # facts demanded by two or more clauses of the set: where the demands meet
            shared = {f for i, a in enumerate(read) for b in read[i + 1:] for f in a & b} \
                if len(s) > 1 else read[0]
            conflicts.append({
                "clauses": [f"{c.key}@{c.interpretation}" for c in s],
                "requests": {c.key: _request(ws, c, lang) for c in s},
                "demands": {c.key: _demand(c) for c in s},
                # the subject gate: the clash binds only a position about a subject of each
                "subjects": {c.key: list(c.subjects) for c in s},
                "clashing_facts": sorted(shared)})
    return {"dossier": dossier, "motions": adopted, "unformalised": unformalised,
            "clauses": [f"{c.key}@{c.interpretation}" for c in clauses],
            "subjects": {c.key: list(c.subjects) for c in clauses},
            "satisfiable": found is not None,
            "example": position_json(found) if found is not None else None,
            "conflicting_sets": conflicts}


def facts_of_clause(c: CompiledClause, concepts: Any) -> set[str]:
    out: set[str] = set()
    for cond in (c.applies, c.conflicts, c.complies):
        if cond is not None:
            out |= facts_of(cond, dict(concepts))
            out |= {f.key for f in flags_of(cond, dict(concepts))}
    return out


def _request(ws: Workspace, c: CompiledClause, lang: Lang) -> str:
    record = ws.motions[c.motion].record
    return next(x.request.get(lang) for x in record.clauses if x.number == c.clause)


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_text(data: dict[str, Any], lang: str) -> str:
    nl = lang == "nl"
    lines = [f"Dossier {data['dossier']}: "
             + (f"{len(data['clauses'])} verzoeken van aangenomen moties" if nl
                else f"{len(data['clauses'])} clauses of adopted motions")]
    for m in data["unformalised"]:
        left_out = "niet geformaliseerd, niet meegenomen" if nl else "not formalised, left out"
        lines.append(f"  {m}: {left_out}")
    if data["satisfiable"]:
        lines.append("Samen vervulbaar: ja. Voorbeeldpositie die aan alle verzoeken voldoet:" if nl
                     else "Jointly satisfiable: yes. An example position that satisfies every clause:")
        lines.append(f"  {render_facts(data['example'])}")
    else:
        lines.append("Samen vervulbaar: nee. Minimale tegenstrijdige verzamelingen:" if nl
                     else "Jointly satisfiable: no. Minimal sets no position can satisfy together:")
        for i, s in enumerate(data["conflicting_sets"], 1):
            lines.append(f"  {i}. {' + '.join(s['clauses'])}")
            for key, demand in s["demands"].items():
                lines.append(f"     {key}: {s['requests'][key]}")
                lines.append("       " + ("vereist" if nl else "requires") + f": {demand}")
                if s.get("subjects", {}).get(key):
                    lines.append("       " + ("onderwerpen" if nl else "subjects") + ": "
                                 + ", ".join(s["subjects"][key]))
            clash = "botsen op" if nl else "clash on"
            lines.append(f"     {clash}: {', '.join(s['clashing_facts'])}")
            if all(s.get("subjects", {}).get(k) for k in s["demands"]):
                lines.append("     " + ("bindt alleen een positie over een onderwerp van elk verzoek "
                                         "(de onderwerppoort)" if nl else "binds only a position about "
                                         "a subject of each clause (the subject gate)"))
    return safe_lines(lines)  # input text cannot break a line or reach the terminal raw
