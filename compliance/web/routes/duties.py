"""The duties overview: every duty of the cabinet's conduct of a dossier (deadlines,
recurring reports) with its state as of a date and its evidence — what ``compliance
duties`` gives, from the library's :func:`compliance.duties.overview`."""

from __future__ import annotations

from typing import cast

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from compliance.model.common import Lang
from compliance.web import views
from compliance.web.pages import chosen_dossier, lang_of, page, view_state, workbench

router = APIRouter()
STATE_ORDER = ("overdue", "unknown", "not_yet_due", "met", "ended")


@router.get("/duties", response_class=HTMLResponse)
def duties_page(request: Request, dossier: str = Query("", max_length=64)) -> HTMLResponse:
    """The dossier's duties, overdue first, with their evidence (as ``compliance duties``)."""
    from compliance.duties import overview

    lang = lang_of(request)
    wb = workbench(request)
    ws = wb.workspace()
    chosen = chosen_dossier(request, lang, wb, dossier)
    if isinstance(chosen, HTMLResponse):
        return chosen
    dossier = chosen
    as_of, interps = view_state(request, wb)
    found = overview(wb.root, dossier, as_of or None, cast(Lang, lang), wb.position_dirs(), interps or None)
    rank = {s: i for i, s in enumerate(STATE_ORDER)}
    found.sort(key=lambda d: (rank.get(d.state, len(rank)), d.motion, d.clause))
    counts = {s: sum(1 for d in found if d.state == s) for s in STATE_ORDER}
    links = {d.motion: views.kamerstuk_url(ws.motions[d.motion].record.kamerstuk)
             for d in found if d.motion in ws.motions and ws.motions[d.motion].record.kamerstuk}
    return page(request, "duties.html", lang, duties=found, dossier=dossier, dossiers=sorted(ws.vocabularies),
                counts=counts, order=STATE_ORDER, as_of=as_of, links=links)
