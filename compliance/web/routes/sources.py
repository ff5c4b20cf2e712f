"""Read-only views of the workspace's files: a position, rule or motion file, or a kept
letter, with numbered lines and the line a link points at marked (``/source?file=&line=``)."""

from __future__ import annotations

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from compliance.web import letter
from compliance.web.pages import FILE_PATTERN, lang_of, page, workbench

router = APIRouter()


@router.get("/source", response_class=HTMLResponse)
def source_page(request: Request, file: str = Query(..., pattern=FILE_PATTERN),
                line: int = Query(0, ge=0, le=10_000_000)) -> HTMLResponse:
    lang = lang_of(request)
    text = letter.clean_letter(workbench(request).source_text(file))
    lines = text.split("\n")[: letter.MAX_LINES]
    return page(request, "source.html", lang, file=file, lines=lines, line=line)
