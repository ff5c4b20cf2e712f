"""The workbench application: JSON API under /api/v1 and server-rendered pages.

Start it with ``compliance serve``; uvicorn calls :func:`create_app` (a factory), which
reads its settings from the environment (see :mod:`compliance.web.settings`)."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote, urlencode

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from compliance.errors import InputError, InputErrors
from compliance.i18n import t
from compliance.model.common import Lang, Text
from compliance.model.motion import MotionRecord, motion_sort_key
from compliance.model.output import FactChange, Report
from compliance.model.position import Position
from compliance.model.vocabulary import Vocabulary
from compliance.web import forms, letter, safe_text, views
from compliance.web.security import CSRF_FIELD, Guard, csrf_ok, new_csrf_token
from compliance.web.service import NEW_DIR, PathRefused, StaleFile, Workbench, check_date, sha256
from compliance.web.settings import Settings

HERE = Path(__file__).parent
MAX_TEXT = 512 * 1024
FILE_PATTERN = r"^[A-Za-z0-9_./-]{1,300}$"
Uploads = dict[str, tuple[str, bytes]]  # field -> (file name, content)


# --- API models --------------------------------------------------------------------------
class ApiModel(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ErrorOut(ApiModel):
    file: str
    line: int
    column: int
    problem: str
    fix: str


class ErrorsOut(ApiModel):
    errors: list[ErrorOut]


class DraftIn(ApiModel):
    text: str = Field(max_length=MAX_TEXT, description="the position's YAML text, as in a file")
    file: str = Field(default=f"{NEW_DIR}/draft.yaml", pattern=FILE_PATTERN,
                      description="the name findings and errors carry (the file it would be)")


class CheckIn(DraftIn):
    as_of: str | None = Field(default=None, description="evaluate as of YYYY-MM-DD (default: the "
                              "position's own date)")
    interpretations: dict[str, str] = Field(default_factory=dict, description="motion (or '*') -> "
                                            "interpretation name")
    lang: Lang = "nl"


class ExplainIn(CheckIn):
    motion: str = Field(max_length=80, description="motion id or its number, e.g. 1011")
    clause: int | None = None


class SuggestionOut(ApiModel):
    motion: str
    clause: int
    changes: list[FactChange]


class InterpretationOut(ApiModel):
    name: str
    default: bool
    title: Text
    rationale: Text


class MotionOut(ApiModel):
    file: str
    record: MotionRecord
    rule_file: str | None
    interpretations: list[InterpretationOut]


class PositionOut(ApiModel):
    file: str
    id: str
    dossier: str
    date: str
    actor: str
    title: str


class PositionDetail(ApiModel):
    file: str
    sha256: str
    text: str
    position: Position


class TimelineRow(ApiModel):
    date: str
    happened: list[str]
    position: str | None
    verdicts: dict[str, str]
    duties: dict[str, str] = {}  # motion#clause -> the duty's state then ('?': vote unknown)


class TimelineOut(ApiModel):
    dossier: str
    motions: list[str]
    rows: list[TimelineRow]


class ValidOut(ApiModel):
    ok: bool
    motions: int
    dossiers: int
    rule_files: int
    positions: int


def _errors_json(e: InputErrors, status: int = 400) -> JSONResponse:
    body = ErrorsOut(errors=[ErrorOut(file=x.file, line=x.line, column=x.column, problem=x.problem,
                                      fix=x.fix) for x in sorted(set(e.errors))])
    return JSONResponse(body.model_dump(), status_code=status)


def _refused(problem: str, status: int) -> JSONResponse:
    return _errors_json(InputErrors([InputError("request", 1, 1, problem, "")]), status)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The application for one workspace; refuses unsafe settings (SettingsError)."""
    settings = settings or Settings.from_env()
    settings.check()
    wb = Workbench(settings.workspace, settings.backend)
    app = FastAPI(title="motion-compliance workbench", version="1", docs_url=None, redoc_url=None,
                  openapi_url="/api/v1/openapi.json", default_response_class=safe_text.SafeJSONResponse,
                  description="Check cabinet positions against adopted motions. Errors are "
                  "400 with the loader's located messages.")
    app.add_middleware(Guard, settings=settings)
    app.state.wb = wb
    with contextlib.suppress(InputErrors):  # load it now, not on the first page; errors show there
        wb.workspace()
    app.state.csrf = new_csrf_token()
    app.state.settings = settings
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True,
                             undefined=jinja2.ChainableUndefined, finalize=safe_text.for_page)
    templates = Jinja2Templates(env=env)
    env.globals.update(t=t, label=views.label, kind=views.kind, show=views.show,
                       fact_entry=forms.fact_entry, widget_text=forms.widget_text, kept=forms.kept,
                       FACT_KEYS=forms.FACT_KEYS, SOURCE_KEYS=forms.SOURCE_KEYS,
                       STEP_KEYS=forms.STEP_KEYS, DECL_KEYS=forms.DECL_KEYS,
                       SCENARIO_KEYS=forms.SCENARIO_KEYS,
                       changes_json=lambda cs: json.dumps([c.model_dump(mode="json") for c in cs]),
                       fid=lambda n: "f-" + n.replace(".", "--"))
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def csrf_token(request: Request) -> str:
        return str(app.state.csrf)

    def page(request: Request, name: str, lang: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        here = request.url.path
        query = {k: v for k, v in request.query_params.items() if k not in ("lang", "token")}
        other = "en" if lang == "nl" else "nl"
        switch = here + "?" + urlencode({**query, "lang": other})
        return templates.TemplateResponse(request, name, {
            "lang": lang, "other_lang": other, "switch_url": switch, "csrf": csrf_token(request),
            "CSRF_FIELD": CSRF_FIELD, "w": words(lang), "path": here, "problems": wb.problems(), **ctx},
            status_code=status)

    def lang_of(request: Request, value: str | None = None) -> str:
        value = value or request.query_params.get("lang")
        return value if value in ("nl", "en") else settings.lang

    def error_page(request: Request, lang: str, errors: list[str], status: int) -> HTMLResponse:
        return page(request, "error.html", lang, status=status, errors=errors)

    # --- API ------------------------------------------------------------------------------
    @app.exception_handler(InputErrors)
    async def _input_errors(request: Request, e: InputErrors) -> Response:
        if request.url.path.startswith("/api/"):
            return _errors_json(e)
        return error_page(request, lang_of(request), [str(x) for x in sorted(set(e.errors))], 400)

    @app.exception_handler(PathRefused)
    async def _path(request: Request, e: PathRefused) -> Response:
        if request.url.path.startswith("/api/"):
            return _refused(str(e), 404)
        return error_page(request, lang_of(request), [str(e)], 404)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, e: RequestValidationError) -> Response:
        errs = [InputError("request", 1, 1, f"{'.'.join(str(p) for p in x.get('loc', ()))}: "
                           f"{x.get('msg', 'invalid')}"[:300], "see /api/v1/docs") for x in e.errors()]
        if request.url.path.startswith("/api/"):
            return _errors_json(InputErrors(errs))
        return error_page(request, lang_of(request), [str(x) for x in errs], 400)

    @app.get("/api/v1/motions", response_model=list[MotionOut], tags=["motions"])
    def api_motions() -> list[MotionOut]:
        """Every motion record with its interpretations."""
        ws = wb.workspace()
        return [_motion_out(ws, m) for m in sorted(ws.motions, key=motion_sort_key)]

    @app.get("/api/v1/motions/{motion_id}", response_model=MotionOut, tags=["motions"])
    def api_motion(motion_id: str) -> MotionOut | JSONResponse:
        ws = wb.workspace()
        if motion_id not in ws.motions:
            return _refused(f"no motion {motion_id!r}", 404)
        return _motion_out(ws, motion_id)

    @app.get("/api/v1/positions", response_model=list[PositionOut], tags=["positions"])
    def api_positions() -> list[dict[str, Any]]:
        """The position files of the workspace."""
        return wb.position_list()

    @app.get("/api/v1/positions/{file:path}", response_model=PositionDetail, tags=["positions"])
    def api_position(file: str) -> PositionDetail:
        """One position file: its text (with the hash a save must match) and its record."""
        text = wb.read(file)
        pos = wb.load_draft(text, file)
        return PositionDetail(file=file, sha256=sha256(text), text=text, position=pos.model)

    @app.post("/api/v1/check", response_model=Report, tags=["check"],
              responses={400: {"model": ErrorsOut}})
    def api_check(body: CheckIn) -> Response:
        """Check an unsaved position (its YAML text) against every motion: the JSON report,
        byte for byte what ``compliance check --format json`` writes for the same file."""
        from compliance.reports import render

        _, report = wb.check_draft(body.text, body.file, body.lang, body.as_of,
                                   body.interpretations or None)
        return Response(safe_text.for_json(render(report, "json")), media_type="application/json")

    @app.get("/api/v1/report", response_model=Report, tags=["check"],
             responses={400: {"model": ErrorsOut}})
    def api_report(lang: Lang = "nl") -> Response:
        """Every position of the workspace checked (each as of its own date): the JSON report
        ``compliance check --format json`` writes for the positions folders."""
        from compliance.reports import render

        wb.require_valid()
        return Response(safe_text.for_json(render(wb.overview(lang), "json")), media_type="application/json")

    @app.post("/api/v1/explain", tags=["check"], responses={400: {"model": ErrorsOut}})
    def api_explain(body: ExplainIn) -> dict[str, Any]:
        """The explanation tree of one motion (or one clause) for an unsaved position."""
        pos = wb.load_draft(body.text, body.file)
        return wb.explain(pos, body.motion, body.lang, body.interpretations or None, body.clause)

    @app.post("/api/v1/suggest", response_model=list[SuggestionOut], tags=["check"],
              responses={400: {"model": ErrorsOut}})
    def api_suggest(body: CheckIn) -> list[SuggestionOut]:
        """What would comply: per conflicting or undetermined clause, the smallest sets of
        fact changes after which it complies."""
        pos, report = wb.check_draft(body.text, body.file, body.lang, body.as_of,
                                     body.interpretations or None)
        return [SuggestionOut(motion=s.motion, clause=s.clause, changes=s.changes)
                for s in wb.suggestions(pos, report, body.as_of, body.interpretations or None)]

    @app.post("/api/v1/validate", response_model=PositionOut, tags=["check"],
              responses={400: {"model": ErrorsOut}})
    def api_validate(body: DraftIn) -> PositionOut:
        """Validate a position's text as the loader validates a file."""
        pos = wb.load_draft(body.text, body.file)
        m = pos.model
        return PositionOut(file=body.file, id=m.id, dossier=m.dossier, date=m.date, actor=m.actor,
                           title=m.source.title)

    @app.get("/api/v1/validate", response_model=ValidOut, tags=["check"],
             responses={400: {"model": ErrorsOut}})
    def api_validate_workspace() -> ValidOut:
        """Validate the whole workspace: motions, vocabularies, rules and positions."""
        ws = wb.workspace()
        wb.require_valid()
        positions = wb.positions()
        return ValidOut(ok=True, motions=len(ws.motions), dossiers=len(ws.vocabularies),
                        rule_files=len(ws.rules), positions=len(positions))

    @app.get("/api/v1/timeline", response_model=TimelineOut, tags=["timeline"])
    def api_timeline(dossier: str | None = Query(None, max_length=64),
                     lang: Lang = "nl") -> TimelineOut | JSONResponse:
        """Per date of the dossier's history: the position in force and its verdicts
        (without a dossier: the workspace's only one; no dossier is assumed among several)."""
        known = wb.workspace().vocabularies
        if dossier is None:
            if len(known) != 1:
                return _refused(f"name the dossier: one of {', '.join(sorted(known))}", 400)
            dossier = next(iter(known))
        if dossier not in known:
            return _refused(f"no dossier {dossier!r}", 404)
        return TimelineOut(**wb.timeline(dossier, lang))

    @app.get("/api/v1/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        spec = app.openapi()
        return page(request, "api_docs.html", lang_of(request), spec=spec)

    # --- pages ------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse)
    def overview(request: Request, dossier: str = "", verdict: str = "") -> HTMLResponse:
        lang = lang_of(request)
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

    @app.get("/motions/{motion_id}", response_class=HTMLResponse)
    def motion_page(request: Request, motion_id: str) -> HTMLResponse:
        lang = lang_of(request)
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

    @app.get("/finding", response_class=HTMLResponse)
    def finding_page(request: Request, file: str = Query(..., pattern=FILE_PATTERN),
                     motion: str = Query(..., max_length=80)) -> HTMLResponse:
        lang = lang_of(request)
        pos = wb.position_by_file(file)
        data = wb.explain(pos, motion, lang)
        return page(request, "finding.html", lang, data=data, file=file, draft=False)

    # --- the editor ---------------------------------------------------------------------------
    def vocab_for(dossier: str | None) -> tuple[str, Vocabulary]:
        ws = wb.workspace()
        if not dossier or dossier not in ws.vocabularies:
            dossier = sorted(ws.vocabularies)[0]
        return dossier, ws.vocabularies[dossier].model

    def interp_choices(dossier: str) -> list[dict[str, Any]]:
        ws = wb.workspace()
        out = []
        for m in sorted(ws.rules, key=motion_sort_key):
            r = ws.rules[m]
            if r.model.dossier == dossier and len(r.model.interpretations) > 1:
                out.append({"motion": m, "name": ws.motions[m].record.short_name,
                            "options": r.model.interpretations,
                            "default": r.model.default_interpretation().name})
        return out

    def chosen_interps(form: forms.Form) -> dict[str, str]:
        return {k.removeprefix("_interp."): v[-1] for k, v in form.values.items()
                if k.startswith("_interp.") and v and v[-1]}

    def editor(request: Request, lang: str, data: dict[str, Any], *, file: str, sha: str,
               as_of: str = "", interps: dict[str, str] | None = None,
               errors: dict[str, list[str]] | None = None, error_list: list[str] | None = None,
               notice: str = "", status: int = 200, paste: str = "", paste_errors: list[str] | None = None,
               filename: str = "", letter_text: str = "", letter_name: str = "",
               letter_errors: list[str] | None = None, draft: Any = None) -> HTMLResponse:
        ws = wb.workspace()
        dossier, vocab = vocab_for(data.get("dossier") if isinstance(data.get("dossier"), str) else None)
        data.setdefault("dossier", dossier)
        panel = verdict_panel(lang, data, file, as_of, interps or {})
        pane = None
        if letter_text.strip():
            # re-rendered (a language switch, a row added): the letter is drafted again
            # for its passages; the facts shown are those of the form, as edited
            if draft is None:
                draft, errs = letter.draft_or_errors(letter_text, ws, dossier, letter_name or "brief.txt")
                letter_errors = [*(letter_errors or []), *errs]
            if draft is not None:
                pane = letter.pane(letter_text, letter_name or "brief.txt", draft)
        return page(request, "editor.html", lang, status=status, data=data, vocab=vocab, dossier=dossier,
                    file=file, sha=sha, as_of=as_of, interps=interps or {}, choices=interp_choices(dossier),
                    errors=errors or {}, error_list=error_list or [], notice=notice, panel=panel,
                    motions=sorted(ws.motions, key=motion_sort_key), ws=ws, paste=paste,
                    paste_errors=paste_errors or [], filename=filename, letter=pane,
                    letter_text=letter_text, letter_name=letter_name, letter_errors=letter_errors or [],
                    letter_open=bool(letter_errors) or (not file and not pane and not data.get("id")),
                    statements=("will_execute", "will_not_execute", "executed", "partially_executed"),
                    positions=wb.position_files(), new_dir=NEW_DIR,
                    groups=[(g, [n for n, f in vocab.facts.items() if f.group == g])
                            for g in ("text", "cabinet", "process")
                            if any(f.group == g for f in vocab.facts.values())])

    def verdict_panel(lang: str, data: dict[str, Any], file: str, as_of: str,
                      interps: dict[str, str]) -> dict[str, Any]:
        """The live verdicts of a draft: per motion, its clauses with reasons and suggestions."""
        text = forms.to_yaml(data)
        name = file or f"{NEW_DIR}/draft.yaml"
        if as_of:
            try:
                check_date(as_of)
            except InputErrors as e:
                return {"errors": [("_as_of", x.problem) for x in e.errors], "report": None}
        try:
            pos, report = wb.check_draft(text, name, lang, as_of or None, interps or None)
        except InputErrors as e:
            fields = forms.error_fields(text, e.errors)
            return {"errors": [(k, m) for k, ms in fields.items() for m in ms], "report": None}
        suggestions: dict[tuple[str, int], list[list[FactChange]]] = {}
        for s in wb.suggestions(pos, report, as_of or None, interps or None):
            suggestions.setdefault((s.motion, s.clause), []).append(s.changes)
        by_motion: dict[str, list[Any]] = {}
        for f in report.findings:
            by_motion.setdefault(f.motion, []).append(f)
        return {"errors": [], "report": report, "by_motion": by_motion, "suggestions": suggestions,
                "as_of": as_of or pos.model.date}

    @app.get("/editor", response_class=HTMLResponse)
    def editor_get(request: Request, file: str = Query("", pattern=r"^$|" + FILE_PATTERN[1:]),
                   dossier: str = "", saved: str = "") -> HTMLResponse:
        lang = lang_of(request)
        if not file:
            return editor(request, lang, {"dossier": dossier} if dossier else {}, file="", sha="")
        text = wb.read(file)
        try:
            from compliance.loading.yaml_safe import load_text

            data = load_text(text, file).data
        except InputErrors as e:
            return error_page(request, lang, [str(x) for x in e.errors], 400)
        if not isinstance(data, dict):
            return error_page(request, lang, [f"{file}: not a position record"], 400)
        error_list: list[str] = []
        try:
            wb.load_draft(text, file)
        except InputErrors as e:
            error_list = [str(x) for x in sorted(set(e.errors))]
        return editor(request, lang, data, file=file, sha=sha256(text), error_list=error_list,
                      notice=t("wb_saved", lang, file=file) if saved else "")

    async def posted(request: Request) -> forms.Form:
        form, _ = await posted_with_files(request, 0)
        return form

    async def posted_with_files(request: Request, max_files: int) -> tuple[forms.Form, Uploads]:
        """The posted fields and uploads (name -> (file name, bytes)), the CSRF token checked."""
        # the body is size-limited by the Guard before it is parsed
        async with request.form(max_files=max_files, max_fields=20_000) as raw:
            form = forms.Form([(k, v) for k, v in raw.multi_items() if isinstance(v, str)])
            token = form.get(CSRF_FIELD) or request.headers.get("x-csrf-token", "")
            if not csrf_ok(app.state.csrf, token):
                raise CsrfRefused
            files = {k: (v.filename or "", await v.read()) for k, v in raw.multi_items()
                     if isinstance(v, UploadFile) and v.filename}
        return form, files

    def letter_of(form: forms.Form) -> dict[str, Any]:
        """The letter a re-rendered editor carries along (hidden in its form)."""
        name = form.get("_letter_name")
        return {"letter_text": letter.clean_letter(form.raw("_letter")),
                "letter_name": letter.clean_name(name) if name else ""}

    def form_state(form: forms.Form) -> tuple[dict[str, Any], str, str, str, dict[str, str]]:
        _, vocab = vocab_for(form.get("dossier"))
        data = forms.position_from_form(vocab, form)
        file = form.get("_file")
        if file:
            wb.resolve(file)
        return data, file, form.get("_sha"), form.get("_as_of"), chosen_interps(form)

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, e: CsrfRefused) -> Response:
        return Response("missing or wrong CSRF token: reload the page", status_code=403,
                        media_type="text/plain")

    @app.post("/editor", response_class=HTMLResponse)
    async def editor_post(request: Request) -> HTMLResponse:
        """Re-render the editor from its posted fields: a language switch, a row added,
        or a position pasted as YAML text. Nothing is saved."""
        form = await posted(request)
        lang = lang_of(request, form.get("_switch_lang") or form.get("_lang"))
        paste = form.raw("_paste")
        if form.get("_action") == "paste":
            try:
                pos = wb.load_draft(paste, f"{NEW_DIR}/pasted.yaml")
            except InputErrors as e:
                data, file, sha, as_of, interps = form_state(form)
                return editor(request, lang, data, file=file, sha=sha, as_of=as_of, interps=interps,
                              paste=paste, paste_errors=[str(x) for x in sorted(set(e.errors))],
                              status=400, filename=form.get("_filename"))
            from compliance.loading.yaml_safe import load_text

            data = load_text(paste, "pasted").data
            return editor(request, lang, data, file="", sha="", filename=f"{pos.model.id}.yaml",
                          notice=t("wb_pasted", lang))
        data, file, sha, as_of, interps = form_state(form)
        add = form.get("_add")
        if add in ("planned_steps", "declarations", "scenarios"):
            rows = data.setdefault(add, [])
            rows.append({"name": f"scenario_{len(rows) + 1}"} if add == "scenarios" else {})
        return editor(request, lang, data, file=file, sha=sha, as_of=as_of, interps=interps,
                      filename=form.get("_filename"), **letter_of(form))

    @app.post("/editor/draft", response_class=HTMLResponse)
    async def editor_draft(request: Request) -> HTMLResponse:
        """Draft a position from a pasted or uploaded letter (text; HTML; PDF with pypdf) and
        show it in the editor, the letter beside it, every proposed fact unconfirmed.
        Nothing is saved."""
        form, files = await posted_with_files(request, 1)
        lang = lang_of(request, form.get("_lang"))
        text, name = form.raw("_letter"), form.get("_letter_name") or "brief.txt"
        errors: list[str] = []
        if "_letter_file" in files:
            filename, content = files["_letter_file"]
            try:
                text = letter.read_upload(content, filename)
                name = filename
            except InputErrors as e:
                errors = [str(x) for x in e.errors]
        text, name = letter.clean_letter(text), letter.clean_name(name)
        dossier = form.get("_draft_dossier") or form.get("dossier")
        draft = None
        if not errors and not text.strip():
            errors = [t("wb_letter_empty", lang)]
        if not errors:
            # in a worker thread: a megabyte letter must not hold up every other request
            draft, errors = await run_in_threadpool(letter.draft_or_errors, text, wb.workspace(),
                                                    dossier, name)
        if draft is None:
            data, file, sha, as_of, interps = form_state(form)
            return editor(request, lang, data, file=file, sha=sha, as_of=as_of, interps=interps,
                          filename=form.get("_filename"), letter_errors=errors, status=400)
        from compliance.drafting import position_data

        data = position_data(draft, cast(Lang, lang))
        notice = t("wb_drafted", lang, letter=name, n=len(draft.proposals))
        return editor(request, lang, data, file="", sha="", filename=f"{data['id']}.yaml", notice=notice,
                      letter_text=text, letter_name=name, draft=draft)

    @app.post("/editor/verdicts", response_class=HTMLResponse)
    async def editor_verdicts(request: Request) -> HTMLResponse:
        """The verdict panel for the posted (unsaved) form: what the page swaps in while editing."""
        form = await posted(request)
        lang = lang_of(request, form.get("_lang"))
        data, file, _sha, as_of, interps = form_state(form)
        panel = verdict_panel(lang, data, file, as_of, interps)
        return templates.TemplateResponse(request, "_verdicts.html", {
            "lang": lang, "panel": panel, "file": file, "csrf": csrf_token(request),
            "CSRF_FIELD": CSRF_FIELD, "w": words(lang)})

    @app.post("/editor/explain", response_class=HTMLResponse)
    async def editor_explain(request: Request, motion: str = Query(..., max_length=80)) -> HTMLResponse:
        form = await posted(request)
        lang = lang_of(request, form.get("_lang"))
        data, file, _sha, _as_of, interps = form_state(form)
        # for an opened file, the text a save would write: its lines are the file's lines
        text = forms.merged_yaml(wb.read(file), data) if file else forms.to_yaml(data)
        pos = wb.load_draft(text, file or f"{NEW_DIR}/draft.yaml")
        return page(request, "finding.html", lang, data=wb.explain(pos, motion, lang, interps or None),
                    file=file, draft=True)

    @app.post("/editor/save", response_class=HTMLResponse)
    async def editor_save(request: Request) -> Response:
        """Validate with the loader, refuse a file changed on disk since it was opened, write
        atomically (an opened file keeps its comments and key order)."""
        form = await posted(request)
        lang = lang_of(request, form.get("_lang"))
        data, file, sha, as_of, interps = form_state(form)
        filename = form.get("_filename")
        again: dict[str, Any] = dict(file=file, sha=sha, as_of=as_of, interps=interps, filename=filename,
                                     **letter_of(form))
        try:
            if file:
                path = wb.resolve(file)
                original = wb.read(file)
                text = forms.merged_yaml(original, data)
                rel = file
            else:
                name = filename or f"{data.get('id') or 'position'}.yaml"
                path = wb.new_path(name, lang)
                rel = wb.display(path)
                text = forms.to_yaml(data)
        except PathRefused as e:
            return editor(request, lang, data, error_list=[str(e)], status=400, **again)
        try:
            wb.load_for_save(text, rel, lang)
        except InputErrors as e:
            fields = forms.error_fields(text, e.errors)
            return editor(request, lang, data, errors=fields,
                          error_list=[str(x) for x in sorted(set(e.errors))], status=400, **again)
        try:
            wb.save(path, text, sha if file else None)
        except StaleFile as e:
            return editor(request, lang, data, error_list=[str(e)], status=409, **again)
        target = "/editor?" + urlencode({"file": rel, "saved": "1", "lang": lang})
        return RedirectResponse(target, status_code=303)

    return app


def words(lang: str) -> Any:
    """The templates' ``w('key')``: the workbench's words (``wb_`` keys of the word table)."""

    def w(key: str, **kw: Any) -> str:
        return t(f"wb_{key}", lang, **kw)

    return w


class CsrfRefused(Exception):
    pass


def _motion_out(ws: Any, motion_id: str) -> MotionOut:
    lm = ws.motions[motion_id]
    rules = ws.rules.get(motion_id)
    interps = []
    if rules is not None:
        default = rules.model.default_interpretation().name
        interps = [InterpretationOut(name=i.name, default=i.name == default, title=i.title,
                                     rationale=i.rationale) for i in rules.model.interpretations]
    return MotionOut(file=lm.file, record=lm.record, rule_file=rules.file if rules else None,
                     interpretations=interps)
