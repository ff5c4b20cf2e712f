"""Diff and export: an unsaved draft against its saved file, or any two positions (facts
changed, verdicts before -> after, findings new / unchanged / resolved as ``compliance
diff`` classifies them); a position's YAML, a finding as Markdown, the whole report as the
HTML report (the report formats of :mod:`compliance.reports`)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from compliance.i18n import t
from compliance.loading.workspace import LoadedPosition
from compliance.model.output import Report
from compliance.web import forms
from compliance.web.pages import FILE_PATTERN, error_page, lang_of, page, posted, view_state, workbench
from compliance.web.routes.editor import form_state, letter_of
from compliance.web.service import NEW_DIR, Workbench

router = APIRouter()
OPTIONAL_FILE = r"^$|" + FILE_PATTERN[1:]


def draft_text(wb: Workbench, state: dict[str, Any]) -> tuple[str, str]:
    """A kept draft as the YAML text a save would write, and the file it would be."""
    file = str(state.get("file") or "")
    data = state["data"]
    text = forms.merged_yaml(wb.read(file), data) if file else forms.to_yaml(data)
    return text, file or f"{NEW_DIR}/{state.get('filename') or 'draft.yaml'}"


def _download(text: str, name: str, media: str) -> Response:
    safe = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)[:120] or "export"
    return Response(text, media_type=media,
                    headers={"Content-Disposition": f'attachment; filename="{safe}"'})


@router.post("/editor/diff")
async def editor_diff(request: Request) -> Response:
    """The unsaved form against its saved file: kept as a draft, then shown at its address."""
    form = await posted(request)
    lang = lang_of(request, form.get("_lang"))
    wb = workbench(request)
    data, file, sha, as_of, interps = form_state(wb, form)
    key = wb.keep_draft({"data": data, "file": file, "sha": sha, "as_of": as_of, "interps": interps,
                         "filename": form.get("_filename"), **letter_of(form)})
    return RedirectResponse("/diff?" + urlencode({"draft": key, "lang": lang}), status_code=303)


@router.get("/diff", response_class=HTMLResponse)
def diff_page(request: Request, old: str = Query("", pattern=OPTIONAL_FILE),
              new: str = Query("", pattern=OPTIONAL_FILE),
              draft: str = Query("", max_length=40)) -> HTMLResponse:
    lang = lang_of(request)
    wb = workbench(request)
    as_of, interps = view_state(request, wb)
    files = wb.position_files()
    result = None
    title = ""
    if draft:
        state = wb.draft_state(draft)
        if not state.get("file"):
            return error_page(request, lang, [t("wb_diff_unsaved_new", lang)], 400)
        text, name = draft_text(wb, state)
        after = wb.load_draft(text, name)
        before = wb.position_by_file(str(state["file"]))
        as_of = as_of or str(state.get("as_of") or "")
        interps = interps or dict(state.get("interps") or {})
        title = t("wb_diff_draft_title", lang, file=state["file"])
        result = wb.compare(before, after, lang, as_of or None, interps or None)
    elif old and new:
        before, after = wb.position_by_file(old), wb.position_by_file(new)
        title = t("wb_diff_title", lang, old=old, new=new)
        result = wb.compare(before, after, lang, as_of or None, interps or None)
    return page(request, "diff.html", lang, result=result, title=title, files=files, old=old, new=new,
                draft=draft, as_of=as_of)


@router.get("/export/position")
def export_position(request: Request, file: str = Query("", pattern=OPTIONAL_FILE),
                    draft: str = Query("", max_length=40)) -> Response:
    """A position's YAML: the saved file, or a kept draft as a save would write it."""
    wb = workbench(request)
    if draft:
        text, name = draft_text(wb, wb.draft_state(draft))
    else:
        wb.resolve(file)
        text, name = wb.read(file), file
    return _download(text, name.rpartition("/")[2], "application/yaml; charset=utf-8")


def _one_motion(report: Report, motion: str) -> Report:
    from compliance.verdict import SEVERITY

    findings = [f for f in report.findings if f.motion == motion]
    counts = dict.fromkeys(SEVERITY, 0)
    for f in findings:
        counts[f.verdict] += 1
    counts["undeclared_conflicts"] = sum(1 for f in findings
                                         if f.verdict == "conflicts" and f.declared is not True)
    return report.model_copy(update={"motions": [m for m in report.motions if m.motion == motion],
                                     "findings": findings, "counts": counts})


def _position(wb: Workbench, file: str, draft: str) -> LoadedPosition:
    if draft:
        text, name = draft_text(wb, wb.draft_state(draft))
        return wb.load_draft(text, name)
    return wb.position_by_file(file)


@router.get("/export/finding")
def export_finding(request: Request, motion: str = Query(..., max_length=80),
                   file: str = Query("", pattern=OPTIONAL_FILE),
                   draft: str = Query("", max_length=40)) -> Response:
    """One position x motion as the Markdown report gives it (``check --format markdown``)."""
    from compliance.evaluate import check
    from compliance.reports import render

    lang = lang_of(request)
    wb = workbench(request)
    as_of, interps = view_state(request, wb)
    pos = _position(wb, file, draft)
    if motion not in wb.workspace().motions:
        return error_page(request, lang, [t("wb_no_motion", lang, motion=motion)], 404)
    report = check(wb.workspace(), [pos], wb.engine(lang), lang=lang,  # type: ignore[arg-type]
                   as_of=as_of or None, interpretations=interps or None)
    text = render(_one_motion(report, motion), "markdown")
    return _download(text, f"{pos.model.id}-{motion}.md", "text/markdown; charset=utf-8")


@router.get("/export/report")
def export_report(request: Request) -> Response:
    """Every position of the workspace checked, as the HTML report (``check --format html``)."""
    from compliance.reports import render

    lang = lang_of(request)
    wb = workbench(request)
    as_of, interps = view_state(request, wb)
    text = render(wb.overview(lang, as_of or None, interps or None), "html")
    return _download(text, "report.html", "text/html; charset=utf-8")
