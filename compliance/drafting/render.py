"""A draft as a position file: proposed facts unconfirmed, the letter's silences as comments.

The YAML is written by hand (comments are the point) with every free text as a JSON
string, which YAML reads as a double-quoted scalar; characters YAML may not hold are
replaced. The result is checked by the tests with the project's own loader.
"""

from __future__ import annotations

import json
import re
from typing import Any

from compliance.drafting.draft import Draft
from compliance.i18n import t
from compliance.model.common import Lang

_STATEMENT = {"will_execute": "will_execute", "will_not_execute": "will_not_execute",
              "gives_effect": "executed"}
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_PRINTABLE.sub("\ufffd", text)


def _q(value: Any) -> str:
    """A scalar or list as YAML flow text (JSON is valid YAML flow)."""
    if isinstance(value, str):
        value = _clean(value)
    elif isinstance(value, list):
        value = [_clean(v) if isinstance(v, str) else v for v in value]
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(_clean(text).split())


def position_id(draft: Draft) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", draft.letter_name.replace("\\", "/").rsplit("/", 1)[-1])
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-") or "letter"
    head = f"draft-{draft.letter_date}-" if draft.letter_date else "draft-"
    return (head + slug)[:81].rstrip("-")


def position_data(draft: Draft, lang: Lang = "nl") -> dict[str, Any]:
    """The draft as a position record (what the JSON output holds)."""
    source: dict[str, Any] = {"title": _clean(draft.title or draft.letter_name)}
    if draft.own_kamerstuk:
        source["kamerstuk"] = {"dossier": draft.own_kamerstuk.dossier, "number": draft.own_kamerstuk.number}
    if draft.letter_date:
        source["date"] = draft.letter_date
    if draft.passages:
        source["where"] = t("draft_lines", lang, lines=", ".join(draft.passages))
    source["file"] = _clean(draft.letter_name)
    facts: dict[str, Any] = {}
    for p in draft.proposals:
        facts[p.fact] = {"value": p.value, "where": _clean(p.quote),
                         "note": t("draft_proposed", lang, line=p.line), "confirmed": False}
    steps = []
    from compliance.model.common import LANGS

    for s in draft.planned_steps:
        steps.append({"date": s.date, "kind": s.kind,
                      "description": {lg: t("draft_step", lg, line=s.line) for lg in LANGS},
                      "where": _clean(s.quote)})
    decls = []
    for d in _declarations(draft):
        entry: dict[str, Any] = {"motion": d.motion, "statement": _STATEMENT[d.statement],
                                 "where": _clean(d.quote)}
        if d.source is not None:
            entry["source"] = {"title": t("draft_source_title", lang),
                               "kamerstuk": {"dossier": d.source.dossier, "number": d.source.number}}
        decls.append(entry)
    # A letter without a date gives a position without one: the loader then refuses it,
    # located, until the adviser writes the date in. Any date put in its place would be
    # evaluated as the position's (which motions were adopted by then, which deadlines due).
    out: dict[str, Any] = {"id": position_id(draft), "dossier": draft.dossier}
    if draft.letter_date:
        out["date"] = draft.letter_date
    out.update({"actor": _clean(draft.actor or t("draft_actor", lang)), "source": source})
    if draft.subjects and draft.subjects != draft.stated_subjects:
        # the letter speaks of more than its facts show: the subjects are proposed explicitly
        out["subjects"] = list(draft.subjects)
    out["facts"] = facts
    if steps:
        out["planned_steps"] = steps
    if decls:
        out["declarations"] = decls
    return out


def _declarations(draft: Draft) -> list[Any]:
    """The declarations a position can hold: known motions, one statement each."""
    said: dict[str, set[str]] = {}
    for d in draft.declarations:
        if d.statement in _STATEMENT:
            said.setdefault(d.motion, set()).add(_STATEMENT[d.statement])
    return [d for d in draft.declarations if d.known and d.statement in _STATEMENT
            and len(said[d.motion]) == 1 and d is next(x for x in draft.declarations
                                                       if x.motion == d.motion and x.statement in _STATEMENT)]


def render_position(draft: Draft, fmt: str = "yaml", lang: Lang = "nl") -> str:
    """The draft as a position file in YAML (facts the letter leaves unsaid, ambiguous or
    only touched on as comments with their description) or JSON (the position alone)."""
    data = position_data(draft, lang)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt != "yaml":
        raise ValueError(f"unknown format {fmt!r}: use yaml or json")
    desc = {name: d.get(lang, "") for name, d in draft.descriptions.items()}
    lines = ["# yaml-language-server: $schema=../../compliance/schemas/position.schema.json",
             f"# {_comment(t('draft_header', lang, letter=draft.letter_name))}",
             f"# {_comment(t('draft_header2', lang))}"]
    if not draft.letter_date:
        lines.append(f"# {_comment(t('draft_no_date', lang))}")
    lines += [f"id: {data['id']}", f"dossier: {data['dossier']}",
              f"date: {_q(data['date'])}" if "date" in data else "# date: YYYY-MM-DD",
              f"actor: {_q(data['actor'])}", "source:"]
    for key, value in data["source"].items():
        if isinstance(value, dict):
            lines.append(f"  {key}: {{dossier: {_q(value['dossier'])}, number: {value['number']}}}")
        else:
            lines.append(f"  {key}: {_q(value)}")
    if "subjects" in data:
        lines.append(f"# {_comment(t('draft_subjects_more', lang))}")
        lines.append(f"subjects: [{', '.join(data['subjects'])}]")
    elif draft.subjects:
        lines.append(f"# {_comment(t('draft_subjects_derived', lang, subjects=', '.join(draft.subjects)))}")
    lines.append("facts:" if data["facts"] else "facts: {}")
    for name, entry in data["facts"].items():
        lines += [f"  {name}:", f"    value: {_q(entry['value'])}", f"    where: {_q(entry['where'])}",
                  f"    note: {_q(entry['note'])}", "    confirmed: false"]
    ambiguous = {a.fact: a for a in draft.ambiguities}
    addressed = {a.fact: a for a in draft.addressed}
    for name in draft.unstated + [a.fact for a in draft.ambiguities]:
        what = desc.get(name, "")
        if name in ambiguous:
            options = "; ".join(f"{_q(c.value)} ({t('draft_line', lang)} {', '.join(map(str, c.lines))})"
                                for c in ambiguous[name].candidates)
            said = t("draft_ambiguous", lang, options=options)
            lines.append(f"  # {name}: {_comment(said)} — {_comment(what)}")
        elif name in addressed:
            a = addressed[name]
            said = t("draft_addressed", lang, line=a.line)
            lines.append(f"  # {name}: {_comment(said)} — {_comment(what)}")
        else:
            lines.append(f"  # {name}: {_comment(t('draft_unstated', lang))} — {_comment(what)}")
    if "planned_steps" in data:
        lines.append("planned_steps:")
        for s in data["planned_steps"]:
            lines += [f"  - date: {_q(s['date'])}", f"    kind: {s['kind']}",
                      f"    description: {{nl: {_q(s['description']['nl'])}, "
                      f"en: {_q(s['description']['en'])}}}",
                      f"    where: {_q(s['where'])}"]
    if "declarations" in data:
        lines.append("declarations:")
        for d in data["declarations"]:
            lines += [f"  - motion: {_q(d['motion'])}", f"    statement: {d['statement']}",
                      f"    where: {_q(d['where'])}"]
            if "source" in d:
                k = d["source"]["kamerstuk"]
                lines.append(f"    source: {{title: {_q(d['source']['title'])}, kamerstuk: "
                             f"{{dossier: {_q(k['dossier'])}, number: {k['number']}}}}}")
    kept = {id(d) for d in _declarations(draft)}
    for d in draft.declarations:
        if id(d) not in kept:
            text = t("draft_decl_comment", lang, motion=d.motion, statement=d.statement, line=d.line)
            lines.append(f"# {_comment(text)}")
    for w in draft.warnings:
        lines.append(f"# {_comment(w)}")
    return "\n".join(lines) + "\n"
