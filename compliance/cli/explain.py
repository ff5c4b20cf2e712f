"""`compliance explain POSITION MOTION`: the evaluation tree of one verdict, for a lawyer."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import (
    BackendName,
    BackendOpt,
    InterpretationOpt,
    Lang,
    LangOpt,
    TextJson,
    TextJsonOpt,
    WorkspaceOpt,
    app,
    bad_option,
    emit,
    guarded,
    interpretations,
)
from compliance.errors import Text


@app.command()
def explain(position: Annotated[Path, typer.Argument(help="the position file")],
            motion: Annotated[str, typer.Argument(help="motion id (26643-1011) or number (1011)")],
            clause: Annotated[int | None, typer.Option("--clause", help="only this clause")] = None,
            workspace: WorkspaceOpt = Path("."), fmt: TextJsonOpt = TextJson.text,
            lang: LangOpt = Lang.nl, interpretation: InterpretationOpt = None,
            backend: BackendOpt = BackendName.durable,
            ) -> None:
    """Explain a verdict: the request, the reasoning tree with every condition's result
    and the facts it read (file:line), and the smallest changes that would comply."""

    def body() -> int:
        from compliance.api import get_backend, load_positions, load_workspace
        from compliance.authoring import explain as ex

        if not position.is_file():
            raise bad_option("POSITION", Text(f"{position} is not a position file",
                                              f"{position} is geen positiebestand"),
                             Text("give one YAML file, e.g. examples/positions/<name>.yaml",
                                  "geef één YAML-bestand, bijv. examples/positions/<naam>.yaml"))
        chosen = interpretations(interpretation)
        ws = load_workspace(workspace)
        ws.check_interpretations(chosen)
        motion_id = ex.resolve_motion(ws, motion)
        (pos,) = load_positions(ws, [position])
        data = ex.explain(ws, pos, motion_id, get_backend(backend.value), clause=clause,
                          lang=lang.value, interpretations=chosen)
        emit(ex.render_json(data) if fmt is TextJson.json else ex.render_text(data), None)
        return 0

    guarded(body, lang=lang)
