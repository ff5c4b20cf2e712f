"""The overview (positions x motions, the timeline charts), the motion pages and the
explanation of one finding."""

from __future__ import annotations

from typing import cast
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup, escape

from compliance.model.common import Lang
from compliance.web import views
from compliance.web.pages import FILE_PATTERN, error_page, lang_of, page, workbench

router = APIRouter()


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, dossier: str = "", verdict: str = "") -> HTMLResponse:
    lang = lang_of(request)
    wb = workbench(request)
    ws = wb.workspace()
    report = wb.overview(lang)
    motions = list(dict.fromkeys(m.motion for m in report.motions))
    cells = {(m.position, m.motion): m for m in report.motions}
    rows = []
    by_id = {p.model.id: p for p in wb.positions()}
    # A large matrix is most of the page: its cells are built here, escaped once per
    # distinct text, rather than by the template engine cell by cell.
    labels: dict[tuple[str, bool | None], tuple[str, str]] = {}
    for pid in dict.fromkeys(m.position for m in report.motions):
        pos = by_id[pid]
        if dossier and pos.model.dossier != dossier:
            continue
        quoted = quote(pos.file)
        kinds, html = [], []
        for m in motions:
            c = cells[(pid, m)]
            shown = labels.get((c.verdict, c.declared))
            if shown is None:
                k = views.kind(c.verdict, c.declared)
                shown = labels[(c.verdict, c.declared)] = (k, str(escape(views.label(c.verdict,
                                                                                      c.declared, lang))))
            kinds.append(shown[0])
            href = escape(f"/finding?file={quoted}&motion={m}&lang={lang}")
            html.append(f'<td class="cell"><a class="v-{shown[0]}" data-verdict="{shown[0]}" '
                        f'href="{href}">{shown[1]}</a></td>')
        if verdict and verdict not in kinds:
            continue
        rows.append((pos, quoted, Markup("".join(html))))
    rows.sort(key=lambda r: (r[0].model.date, r[0].file))
    charts = [views.chart(wb.timeline(d, lang), ws, lang)
              for d in sorted(ws.vocabularies) if not dossier or d == dossier]
    heads = [ws.motions[m].record for m in motions]
    return page(request, "overview.html", lang, rows=rows, heads=heads, charts=charts,
                dossiers=sorted(ws.vocabularies), dossier=dossier, verdict=verdict,
                kinds=views.VERDICT_CLASS, counts=report.counts, total=len(by_id))


@router.get("/motions/{motion_id}", response_class=HTMLResponse)
def motion_page(request: Request, motion_id: str) -> HTMLResponse:
    lang = lang_of(request)
    wb = workbench(request)
    ws = wb.workspace()
    if motion_id not in ws.motions:
        return error_page(request, lang, [f"no motion {motion_id!r}"], 404)
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
def finding_page(request: Request, file: str = Query(..., pattern=FILE_PATTERN),
                 motion: str = Query(..., max_length=80)) -> HTMLResponse:
    lang = lang_of(request)
    wb = workbench(request)
    pos = wb.position_by_file(file)
    data = wb.explain(pos, motion, lang)
    return page(request, "finding.html", lang, data=data, file=file, draft=False)
