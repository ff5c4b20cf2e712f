"""Drafting a position from a letter: the letter read (text, HTML, PDF), drafted by the
library and shown in the editor beside the draft. Nothing is saved here."""

from __future__ import annotations

from typing import cast

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from compliance.errors import InputErrors
from compliance.i18n import t
from compliance.model.common import Lang
from compliance.web import letter
from compliance.web.pages import lang_of, posted_with_files, workbench
from compliance.web.routes.editor import form_state, render

router = APIRouter()


@router.post("/editor/draft", response_class=HTMLResponse)
async def editor_draft(request: Request) -> HTMLResponse:
    """Draft a position from a pasted or uploaded letter (text; HTML; PDF with pypdf) and
    show it in the editor, the letter beside it, every proposed fact unconfirmed.
    Nothing is saved."""
    form, files = await posted_with_files(request, 1)
    lang = lang_of(request, form.get("_lang"))
    wb = workbench(request)
    text, name = form.raw("_letter"), form.get("_letter_name") or "brief.txt"
    errors: list[str] = []
    if "_letter_file" in files:
        filename, content = files["_letter_file"]
        try:
            text = letter.read_upload(content, filename)
            name = filename
        except InputErrors as e:
            errors = [x.render(lang) for x in e.errors]
    text, name = letter.clean_letter(text), letter.clean_name(name)
    dossier = form.get("_draft_dossier") or form.get("dossier")
    draft = None
    if not errors and not text.strip():
        errors = [t("wb_letter_empty", lang)]
    if not errors:
        # in a worker thread: a megabyte letter must not hold up every other request
        draft, errors = await run_in_threadpool(letter.draft_or_errors, text, wb.workspace(),
                                                dossier, name, lang)
    if draft is None:
        data, file, sha, as_of, interps = form_state(wb, form)
        return render(request, lang, data, file=file, sha=sha, as_of=as_of, interps=interps,
                      filename=form.get("_filename"), letter_errors=errors, status=400)
    from compliance.drafting import position_data

    data = position_data(draft, cast(Lang, lang))
    notice = t("wb_drafted", lang, letter=name, n=len(draft.proposals))
    return render(request, lang, data, file="", sha="", filename=f"{data['id']}.yaml", notice=notice,
                  letter_text=text, letter_name=name, draft=draft)
