"""The JSON API under ``/api/v1``: the report's own pydantic models in and out, errors as
the loader's located messages (400), never a stack trace."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from compliance.errors import NO_FIX, InputError, InputErrors, localize, msg
from compliance.errors import Text as Both
from compliance.model.common import Lang, Text
from compliance.model.motion import MotionRecord, motion_sort_key
from compliance.model.output import FactChange, Report
from compliance.model.position import Position
from compliance.web import safe_text
from compliance.web.pages import FILE_PATTERN, lang_of, page, workbench
from compliance.web.service import NEW_DIR, Workbench, sha256

MAX_TEXT = 512 * 1024
Wb = Annotated[Workbench, Depends(workbench)]
router = APIRouter()


# --- models --------------------------------------------------------------------------
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
    lang: Lang | None = Field(default=None, description="the report's and the errors' language; "
                              "default: ?lang=, else the workbench's (serve --lang, nl)")


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


def errors_json(e: InputErrors, status: int = 400, lang: str = "en") -> JSONResponse:
    """The errors as JSON, their problem and fix in ``lang`` (the request's ?lang=)."""
    body = ErrorsOut(errors=[ErrorOut(file=x.file, line=x.line, column=x.column,
                                      problem=localize(x.problem, lang), fix=localize(x.fix, lang))
                             for x in sorted(set(e.errors))])
    return JSONResponse(body.model_dump(), status_code=status)


def body_lang(request: Request, body: CheckIn) -> str:
    """The body's language, else the request's (?lang=, the workbench's): kept on the
    request so that an error raised further on is said in it too (lang_of reads it)."""
    lang = lang_of(request, body.lang)
    request.state.lang = lang
    return lang


def refused(problem: Both, status: int, lang: str = "en") -> JSONResponse:
    return errors_json(InputErrors([InputError("request", 1, 1, problem, NO_FIX)]), status, lang)


@router.get("/api/v1/motions", response_model=list[MotionOut], tags=["motions"])
def api_motions(wb: Wb) -> list[MotionOut]:
    """Every motion record with its interpretations."""
    ws = wb.workspace()
    return [_motion_out(ws, m) for m in sorted(ws.motions, key=motion_sort_key)]


@router.get("/api/v1/motions/{motion_id}", response_model=MotionOut, tags=["motions"])
def api_motion(request: Request, wb: Wb, motion_id: str,
               lang: Lang | None = None) -> MotionOut | JSONResponse:
    ws = wb.workspace()
    if motion_id not in ws.motions:
        return refused(Both(f"no motion {motion_id!r}", f"geen motie {motion_id!r}"), 404,
                       lang_of(request, lang))
    return _motion_out(ws, motion_id)


@router.get("/api/v1/positions", response_model=list[PositionOut], tags=["positions"])
def api_positions(wb: Wb) -> list[dict[str, Any]]:
    """The position files of the workspace."""
    return wb.position_list()


@router.get("/api/v1/positions/{file:path}", response_model=PositionDetail, tags=["positions"])
def api_position(wb: Wb, file: str) -> PositionDetail:
    """One position file: its text (with the hash a save must match) and its record."""
    text = wb.read(file)
    pos = wb.load_draft(text, file)
    return PositionDetail(file=file, sha256=sha256(text), text=text, position=pos.model)


@router.post("/api/v1/check", response_model=Report, tags=["check"],
          responses={400: {"model": ErrorsOut}})
def api_check(request: Request, wb: Wb, body: CheckIn) -> Response:
    """Check an unsaved position (its YAML text) against every motion: the JSON report,
    byte for byte what ``compliance check --format json`` writes for the same file."""
    from compliance.reports import render

    _, report = wb.check_draft(body.text, body.file, body_lang(request, body), body.as_of,
                               body.interpretations or None)
    return Response(safe_text.for_json(render(report, "json")), media_type="application/json")


@router.get("/api/v1/report", response_model=Report, tags=["check"],
         responses={400: {"model": ErrorsOut}})
def api_report(request: Request, wb: Wb, lang: Lang | None = None) -> Response:
    """Every position of the workspace checked (each as of its own date): the JSON report
    ``compliance check --format json`` writes for the positions folders."""
    from compliance.reports import render

    wb.require_valid()
    report = wb.overview(lang_of(request, lang))
    return Response(safe_text.for_json(render(report, "json")), media_type="application/json")


@router.post("/api/v1/explain", tags=["check"], responses={400: {"model": ErrorsOut}})
def api_explain(request: Request, wb: Wb, body: ExplainIn) -> dict[str, Any]:
    """The explanation tree of one motion (or one clause) for an unsaved position."""
    lang = body_lang(request, body)
    pos = wb.load_draft(body.text, body.file)
    return wb.explain(pos, body.motion, lang, body.interpretations or None, body.clause)


@router.post("/api/v1/suggest", response_model=list[SuggestionOut], tags=["check"],
          responses={400: {"model": ErrorsOut}})
def api_suggest(request: Request, wb: Wb, body: CheckIn) -> list[SuggestionOut]:
    """What would comply: per conflicting or undetermined clause, the smallest sets of
    fact changes after which it complies."""
    pos, report = wb.check_draft(body.text, body.file, body_lang(request, body), body.as_of,
                                 body.interpretations or None)
    return [SuggestionOut(motion=s.motion, clause=s.clause, changes=s.changes)
            for s in wb.suggestions(pos, report, body.as_of, body.interpretations or None)]


@router.post("/api/v1/validate", response_model=PositionOut, tags=["check"],
          responses={400: {"model": ErrorsOut}})
def api_validate(wb: Wb, body: DraftIn) -> PositionOut:
    """Validate a position's text as the loader validates a file."""
    pos = wb.load_draft(body.text, body.file)
    m = pos.model
    return PositionOut(file=body.file, id=m.id, dossier=m.dossier, date=m.date, actor=m.actor,
                       title=m.source.title)


@router.get("/api/v1/validate", response_model=ValidOut, tags=["check"],
         responses={400: {"model": ErrorsOut}})
def api_validate_workspace(wb: Wb) -> ValidOut:
    """Validate the whole workspace: motions, vocabularies, rules and positions."""
    ws = wb.workspace()
    wb.require_valid()
    positions = wb.positions()
    return ValidOut(ok=True, motions=len(ws.motions), dossiers=len(ws.vocabularies),
                    rule_files=len(ws.rules), positions=len(positions))


@router.get("/api/v1/timeline", response_model=TimelineOut, tags=["timeline"])
def api_timeline(request: Request, wb: Wb, dossier: str | None = Query(None, max_length=64),
                 lang: Lang | None = None) -> TimelineOut | JSONResponse:
    """Per date of the dossier's history: the position in force and its verdicts
    (without a dossier: the workspace's only one; no dossier is assumed among several)."""
    said_in = lang_of(request, lang)
    known = wb.workspace().vocabularies
    if dossier is None:
        if len(known) != 1:
            names = ", ".join(sorted(known))
            return refused(Both(f"name the dossier: one of {names}", f"noem het dossier: een van {names}"),
                           400, said_in)
        dossier = next(iter(known))
    if dossier not in known:
        return refused(msg("e_no_dossier", dossier=dossier), 404, said_in)
    return TimelineOut(**wb.timeline(dossier, said_in))


@router.get("/api/v1/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    return page(request, "api_docs.html", lang_of(request), spec=spec)


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

