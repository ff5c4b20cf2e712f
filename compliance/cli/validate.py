"""`compliance validate`: schema and vocabulary checks only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import Lang, LangOpt, WorkspaceOpt, app, guarded


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="position files or folders")] = None,
    workspace: WorkspaceOpt = Path("."),
    lang: LangOpt = Lang.nl,
) -> None:
    """Check motions, rules and positions against the schemas and vocabularies only."""

    def body() -> int:
        from compliance.api import DEFAULT_POSITIONS, load_positions, load_workspace

        ws = load_workspace(workspace)
        positions = load_positions(ws, paths or [workspace / DEFAULT_POSITIONS])
        from compliance.i18n import t

        typer.echo(t("cli_validate_ok", lang, motions=len(ws.motions), dossiers=len(ws.vocabularies),
                     rules=len(ws.rules), positions=len(positions)))
        return 0

    guarded(body, lang=lang)
