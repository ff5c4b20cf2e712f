"""The overview (positions x motions, the timeline charts), the motion pages and the
explanation of one finding."""

from __future__ import annotations

from typing import Any, cast
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from compliance.i18n import t
from compliance.model.common import Lang
from compliance.web import views
from compliance.web.pages import (
    FILE_PATTERN,
    chosen_dossier,
    error_page,
    lang_of,
    page,
    view_state,
    workbench,
)
from compliance.web.routes.editor import interp_choices
from compliance.web.service import Workbench

router = APIRouter()


ORDER = ("conflicts-undeclared", "conflicts-declared", "undetermined", "complies")


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, dossier: str = Query("", max_length=64),
             verdict: str = Query("", max_length=40)) -> HTMLResponse:
    """One dossier (chosen in the address): its findings conflicts first, the rest of the
    matrix, the timeline chart. Not applicable is a count, not a grey wall."""
    lang = lang_of(request)
    wb = workbench(request)
    ws = wb.workspace()
    chosen = chosen_dossier(request, lang, wb, dossier)
    if isinstance(chosen, HTMLResponse):
        return chosen
    dossier = chosen
    as_of, interps = view_state(request, wb)
    report = wb.overview(lang, as_of or None, interps or None)
    by_id = {p.model.id: p for p in wb.positions() if p.model.dossier == dossier}
    verdicts = [m for m in report.motions if m.position in by_id]
    # the dossier's motions: those it names, and any other one a position here is judged on
    motions = [m for m in dict.fromkeys(v.motion for v in verdicts)
               if dossier in ws.motions[m].record.dossiers
               or any(v.motion == m and v.verdict != "not_applicable" for v in verdicts)]
    state = {"lang": lang, "as_of": as_of, **{f"interp.{k}": v for k, v in interps.items()}}
    query = urlencode({k: v for k, v in state.items() if v})

    def finding_href(file: str, motion: str) -> str:
        return f"/finding?file={quote(file)}&motion={motion}&{query}"

    groups: dict[str, list[dict[str, Any]]] = {k: [] for k in (*ORDER, "not_applicable")}
    for v in verdicts:
        if v.motion not in motions:
            continue
        k = views.kind(v.verdict, v.declared)
        pos = by_id[v.position]
        groups[k].append({"v": v, "pos": pos, "record": ws.motions[v.motion].record,
                          "href": finding_href(pos.file, v.motion)})
    for rows_of in groups.values():  # oldest position first, as the matrix
        rows_of.sort(key=lambda r: (r["pos"].model.date, r["pos"].file, r["v"].motion))
    cells = {(m.position, m.motion): m for m in verdicts}
    rows = []
    # A large matrix is most of the page: its cells are built here, escaped once per
    # distinct text, rather than by the template engine cell by cell.
    labels: dict[tuple[str, bool | None], tuple[str, str]] = {}
    for pid, pos in by_id.items():
        kinds, html = [], []
        for m in motions:
            c = cells.get((pid, m))
            if c is None:
                html.append('<td class="cell"></td>')
                continue
            shown = labels.get((c.verdict, c.declared))
            if shown is None:
                k = views.kind(c.verdict, c.declared)
                shown = labels[(c.verdict, c.declared)] = (k, str(escape(views.label(c.verdict,
                                                                                      c.declared, lang))))
            kinds.append(shown[0])
            href = escape(finding_href(pos.file, m))
            html.append(f'<td class="cell"><a class="v-{shown[0]}" data-verdict="{shown[0]}" '
                        f'href="{href}">{shown[1]}</a></td>')
        if verdict and verdict not in kinds:
            continue
        rows.append((pos, quote(pos.file), Markup("".join(html))))
    rows.sort(key=lambda r: (r[0].model.date, r[0].file))
    declared = {(m.position, m.motion): m.declared for m in report.motions}
    charts = [views.chart(wb.timeline(dossier, lang), ws, lang, declared=declared)]
    heads = [ws.motions[m].record for m in motions]
    counts = {k: len(v) for k, v in groups.items()}
    return page(request, "overview.html", lang, rows=rows, heads=heads, charts=charts,
                dossiers=sorted(ws.vocabularies), dossier=dossier, verdict=verdict, groups=groups,
                order=ORDER,
                kinds=views.VERDICT_CLASS, counts=counts, total=len(by_id), as_of=as_of,
                interps=interps, query=query, choices=interp_choices(wb, dossier))


@router.get("/motions/{motion_id}", response_class=HTMLResponse)
def motion_page(request: Request, motion_id: str) -> HTMLResponse:
    lang = lang_of(request)
    wb = workbench(request)
    ws = wb.workspace()
    if motion_id not in ws.motions:
        return error_page(request, lang, [t("wb_no_motion", lang, motion=motion_id)], 404)
    lm = ws.motions[motion_id]
    rules = ws.rules.get(motion_id)
    interps = []
    if rules is not None:
        for interp in rules.model.interpretations:
            clauses = []
            for c in rules.compiled[interp.name]:
                d = rules.model.dossier
                parts = []
                if c.applies is not None:
                    parts.append(("applies_when", views.cond_tree(c.applies, ws, d, lang)))
                if c.rule.conflicts_when is not None or c.rule.standstill is not None:
                    parts.append(("conflicts_when", views.cond_tree(c.conflicts, ws, d, lang)))
                if c.rule.complies_when is not None:
                    parts.append(("complies_when", views.cond_tree(c.complies, ws, d, lang)))
                notes = [(n.message.get(cast(Lang, lang)), views.cond_tree(nc, ws, d, lang))
                         for n, nc in zip(c.rule.notes, c.notes, strict=True)]
                clauses.append({"clause": c, "parts": parts, "notes": notes})
            interps.append({"model": interp, "clauses": clauses,
                            "default": interp.name == rules.model.default_interpretation().name})
    return page(request, "motion.html", lang, m=lm.record, file=lm.file, rules=rules,
                interps=interps)


@router.get("/finding", response_class=HTMLResponse)
def finding_page(request: Request, file: str = Query("", pattern=r"^$|" + FILE_PATTERN[1:]),
                 motion: str = Query(..., max_length=80),
                 draft: str = Query("", max_length=40)) -> HTMLResponse:
    """The explanation of a position (a file, or a kept unsaved draft) against one motion."""
    lang = lang_of(request)
    wb = workbench(request)
    _as_of, interps = view_state(request, wb)  # an explanation is as of the position's date
    if draft:
        pos, state = wb.draft_position(draft)
        data = wb.explain(pos, motion, lang, interps or dict(state.get("interps") or {}) or None)
        return page(request, "finding.html", lang, data=data, file=str(state.get("file") or ""),
                    draft=True, draft_id=draft)
    if not file:
        return error_page(request, lang, [t("wb_finding_which", lang)], 400)
    pos = wb.position_by_file(file)
    data = wb.explain(pos, motion, lang, interps or None)
    return page(request, "finding.html", lang, data=data, file=file, draft=False,
                **finding_links(wb, pos, data["motion"]))


def finding_links(wb: Workbench, pos: Any, motion: str) -> dict[str, Any]:
    """The links of an explanation: the motion's paper on the official site, and each
    fact's `where` quote in the letter kept beside the position (its line)."""
    ws = wb.workspace()
    record = ws.motions[motion].record if motion in ws.motions else None
    source = pos.model.source
    letter_file = source.file if source.file and wb.read_letter(source.file) is not None else None
    where_lines = {}
    if letter_file:
        for name in pos.facts:
            quote = pos.fact_where(name)
            line = wb.letter_line(letter_file, quote) if quote else None
            if line:
                where_lines[name] = line
    return {"ks_url": views.kamerstuk_url(record.kamerstuk) if record and record.kamerstuk else "",
            "letter_file": letter_file or "", "where_lines": where_lines}
