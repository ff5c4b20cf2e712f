"""What every router of the workbench shares: the template engine, the page frame (language,
switch, CSRF token), the posted form with its CSRF check, and the state the factory puts
on ``app.state`` (the workbench service, the settings, the CSRF token, the templates).

Routers reach that state through the request (``request.app.state``), never through
module globals, so several applications (tests) can run in one process."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import jinja2
from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.datastructures import UploadFile

from compliance.errors import NO_FIX, InputError, InputErrors, msg
from compliance.i18n import t
from compliance.web import forms, safe_text, views
from compliance.web.security import CSRF_FIELD, csrf_ok
from compliance.web.service import Workbench, check_date

HERE = Path(__file__).parent
FILE_PATTERN = r"^[A-Za-z0-9_./-]{1,300}$"
Uploads = dict[str, tuple[str, bytes]]  # field -> (file name, content)


class CsrfRefused(Exception):
    pass


def words(lang: str) -> Any:
    """The templates' ``w('key')``: the workbench's words (``wb_`` keys of the word table)."""

    def w(key: str, **kw: Any) -> str:
        return t(f"wb_{key}", lang, **kw)

    return w


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             undefined=jinja2.ChainableUndefined, finalize=safe_text.for_page)
    env.globals.update(t=t, label=views.label, kind=views.kind, show=views.show,
                       fact_entry=forms.fact_entry, widget_text=forms.widget_text, kept=forms.kept,
                       FACT_KEYS=forms.FACT_KEYS, SOURCE_KEYS=forms.SOURCE_KEYS,
                       STEP_KEYS=forms.STEP_KEYS, DECL_KEYS=forms.DECL_KEYS,
                       SCENARIO_KEYS=forms.SCENARIO_KEYS,
                       changes_json=lambda cs: json.dumps([c.model_dump(mode="json") for c in cs]),
                       kamerstuk_url=views.kamerstuk_url, field_anchor=forms.field_anchor,
                       fid=lambda n: "f-" + n.replace(".", "--"))
    return Jinja2Templates(env=env)


def workbench(request: Request) -> Workbench:
    wb: Workbench = request.app.state.wb
    return wb


def templates(request: Request) -> Jinja2Templates:
    tpl: Jinja2Templates = request.app.state.templates
    return tpl


def csrf_token(request: Request) -> str:
    return str(request.app.state.csrf)


def lang_of(request: Request, value: str | None = None) -> str:
    """``value``, else the language a JSON body named (api.body_lang), else ?lang=, else
    the workbench's (serve --lang)."""
    value = value or getattr(request.state, "lang", None) or request.query_params.get("lang")
    return value if value in ("nl", "en") else str(request.app.state.settings.lang)


def page(request: Request, name: str, lang: str, status: int = 200, **ctx: Any) -> HTMLResponse:
    """A whole page: the template with the frame's context (language and its switch, which
    keeps every other query parameter, so a switched page shows the same state)."""
    here = request.url.path
    query = {k: v for k, v in request.query_params.items() if k not in ("lang", "token")}
    other = "en" if lang == "nl" else "nl"
    switch = here + "?" + urlencode({**query, "lang": other})
    ctx.setdefault("vf", vocabulary_words(request, lang))
    return templates(request).TemplateResponse(request, name, {
        "lang": lang, "other_lang": other, "switch_url": switch, "csrf": csrf_token(request),
        "CSRF_FIELD": CSRF_FIELD, "w": words(lang), "path": here,
        "problems": workbench(request).problems(lang),
        **ctx}, status_code=status)


def fragment(request: Request, name: str, lang: str, **ctx: Any) -> HTMLResponse:
    """A part of a page (the live verdict panel), with the words and the CSRF token."""
    ctx.setdefault("vf", vocabulary_words(request, lang))
    return templates(request).TemplateResponse(request, name, {
        "lang": lang, "csrf": csrf_token(request), "CSRF_FIELD": CSRF_FIELD, "w": words(lang), **ctx})


def vocabulary_words(request: Request, lang: str) -> views.Words:
    """Facts and values by their descriptions (the workspace as loaded; none if it fails)."""
    try:
        ws = workbench(request).workspace()
    except InputErrors:
        ws = None
    return views.Words(ws, lang)


def error_page(request: Request, lang: str, errors: list[str], status: int) -> HTMLResponse:
    return page(request, "error.html", lang, status=status, errors=errors)


async def posted(request: Request) -> forms.Form:
    form, _ = await posted_with_files(request, 0)
    return form


async def posted_with_files(request: Request, max_files: int) -> tuple[forms.Form, Uploads]:
    """The posted fields and uploads (name -> (file name, bytes)), the CSRF token checked."""
    # the body is size-limited by the Guard before it is parsed
    async with request.form(max_files=max_files, max_fields=20_000) as raw:
        form = forms.Form([(k, v) for k, v in raw.multi_items() if isinstance(v, str)])
        token = form.get(CSRF_FIELD) or request.headers.get("x-csrf-token", "")
        if not csrf_ok(csrf_token(request), token):
            raise CsrfRefused
        files = {k: (v.filename or "", await v.read()) for k, v in raw.multi_items()
                 if isinstance(v, UploadFile) and v.filename}
    return form, files


def chosen_dossier(request: Request, lang: str, wb: Workbench, dossier: str) -> str | HTMLResponse:
    """The dossier a page shows (the address's, else the first), or the page saying it is
    not one of the workspace's."""
    dossiers = sorted(wb.workspace().vocabularies)
    if not dossier:
        return dossiers[0]
    if dossier not in dossiers:
        return error_page(request, lang, [t("wb_no_dossier", lang, dossier=dossier,
                                            known=", ".join(dossiers))], 404)
    return dossier


def view_state(request: Request, wb: Workbench) -> tuple[str, dict[str, str]]:
    """The as-of date and the interpretations a GET address carries (``as_of=``,
    ``interp.<motion>=``); a bad date or an unknown interpretation is an InputErrors."""
    as_of = request.query_params.get("as_of", "").strip()
    if as_of:
        try:
            check_date(as_of)
        except InputErrors:
            raise InputErrors([InputError("as_of", 1, 1, msg("wb_err_date", value=as_of), NO_FIX)]) from None
    interps = {k.removeprefix("interp."): v for k, v in request.query_params.items()
               if k.startswith("interp.") and v}
    if interps:
        wb.workspace().check_interpretations(interps)
    return as_of, interps
