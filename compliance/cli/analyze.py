"""`compliance analyze --dossier D`: are a dossier's adopted motions jointly satisfiable?"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import (
    InterpretationOpt,
    Lang,
    LangOpt,
    MethodName,
    MethodOpt,
    TextJson,
    TextJsonOpt,
    WorkspaceOpt,
    app,
    emit,
    guarded,
    interpretations,
)


@app.command()
def analyze(dossier: Annotated[str, typer.Option("--dossier", "-d", help="the dossier to analyse")],
            workspace: WorkspaceOpt = Path("."), fmt: TextJsonOpt = TextJson.text,
            lang: LangOpt = Lang.nl, interpretation: InterpretationOpt = None,
            method: MethodOpt = MethodName.auto,
            near: Annotated[Path | None, typer.Option(
                "--near", help="a position file: give the example position closest to it")] = None,
            ) -> None:
    """Are the adopted motions of a dossier jointly satisfiable? Exit 0: yes (with an
    example position); 1: no (with each minimal conflicting set of clauses)."""

    def body() -> int:
        from compliance.api import load_positions, load_workspace
        from compliance.authoring import analyze as an
        from compliance.gate import exit_code

        chosen = interpretations(interpretation)
        ws = load_workspace(workspace)
        ws.check_interpretations(chosen)
        near_facts = load_positions(ws, [near])[0].facts if near else None
        data = an.analyze(ws, dossier, lang=lang.value, interpretations=chosen,
                          near=near_facts, method=method.value)
        emit(an.render_json(data) if fmt is TextJson.json else an.render_text(data, lang.value), None)
        return exit_code(not data["satisfiable"])

    guarded(body, lang=lang)
