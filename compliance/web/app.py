"""The workbench application: the factory uvicorn starts (``compliance serve``).

It only wires: the settings, the workbench service, the templates and the CSRF token go
on ``app.state`` (see :mod:`compliance.web.pages`); the guards in front; one router per
area of :mod:`compliance.web.routes`. A new page is a router module and one line in
:data:`ROUTERS` (CONTRIBUTING.md, "Add a workbench page")."""

from __future__ import annotations

import contextlib

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from compliance.errors import InputError, InputErrors, Text, localize, said, same
from compliance.web import safe_text
from compliance.web.pages import HERE, CsrfRefused, error_page, lang_of, make_templates
from compliance.web.routes import api, drafting, duties, editor, exports, overview, rule_editor, sources
from compliance.web.security import Guard, new_csrf_token
from compliance.web.service import PathRefused, Workbench
from compliance.web.settings import Settings

# the areas of the workbench, one router each (the API first: its routes head the schema)
ROUTERS = (api.router, overview.router, editor.router, drafting.router, exports.router, sources.router,
           duties.router, rule_editor.router)


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
    app.state.templates = make_templates()
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    for router in ROUTERS:
        app.include_router(router)
    _handlers(app)
    return app


def _handlers(app: FastAPI) -> None:
    """Errors as the API answers them (JSON, located) or as a page in the page's language."""

    @app.exception_handler(InputErrors)
    async def _input_errors(request: Request, e: InputErrors) -> Response:
        if request.url.path.startswith("/api/"):
            return api.errors_json(e, lang=lang_of(request))
        lang = lang_of(request)
        return error_page(request, lang, [x.render(lang) for x in sorted(set(e.errors))], 400)

    @app.exception_handler(PathRefused)
    async def _path(request: Request, e: PathRefused) -> Response:
        lang = lang_of(request)
        if request.url.path.startswith("/api/"):
            return api.refused(said(e), 404, lang)
        return error_page(request, lang, [localize(said(e), lang)], 404)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, e: RequestValidationError) -> Response:
        # the request's field and pydantic's own (English) words about it
        errs = [InputError("request", 1, 1, same(f"{'.'.join(str(p) for p in x.get('loc', ()))}: "
                                                 f"{x.get('msg', 'invalid')}"[:300]),
                           Text("see /api/v1/docs", "zie /api/v1/docs")) for x in e.errors()]
        lang = lang_of(request)
        if request.url.path.startswith("/api/"):
            return api.errors_json(InputErrors(errs), lang=lang)
        return error_page(request, lang, [x.render(lang) for x in errs], 400)

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, e: CsrfRefused) -> Response:
        return Response("missing or wrong CSRF token: reload the page", status_code=403,
                        media_type="text/plain")
