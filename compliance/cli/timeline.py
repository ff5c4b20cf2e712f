"""`compliance timeline`: motions x dates, the verdict of the position in force."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import (
    BackendName,
    BackendOpt,
    Lang,
    LangOpt,
    TextJson,
    TextJsonOpt,
    WorkspaceOpt,
    app,
    emit,
    guarded,
)


@app.command()
def timeline(
    dossier: Annotated[str | None, typer.Option(
        "--dossier", help="dossier folder name under rules/ (default: the only one)")] = None,
    workspace: WorkspaceOpt = Path("."),
    fmt: TextJsonOpt = TextJson.text,
    lang: LangOpt = Lang.nl,
    backend: BackendOpt = BackendName.durable,
) -> None:
    """Motions x dates: the verdict of the position in force at each date."""

    def body() -> int:
        from compliance.timeline import render, timeline_rows

        data = timeline_rows(workspace, dossier, backend.value, lang.value)
        emit(render(data, fmt.value, lang.value), None)
        return 0

    guarded(body, lang=lang)
