"""`compliance motions`: the motion records, one line each."""

from __future__ import annotations

from pathlib import Path

import typer

from compliance.cli.app import Lang, LangOpt, WorkspaceOpt, app, guarded
from compliance.text_safety import line


@app.command()
def motions(workspace: WorkspaceOpt = Path("."), lang: LangOpt = Lang.nl) -> None:
    """List the motion records, one line each."""

    def body() -> int:
        from compliance.api import load_workspace
        from compliance.i18n import t
        from compliance.model.motion import motion_sort_key

        ws = load_workspace(workspace)
        for motion_id in sorted(ws.motions, key=motion_sort_key):
            r = ws.motions[motion_id].record
            cite = r.kamerstuk.cite(lang.value) if r.kamerstuk else motion_id
            rules = t("has_rules", lang.value) if motion_id in ws.rules else "-"
            voted = r.dates.voted or "?"
            typer.echo(line(f"{motion_id:<14} {cite:<34} {r.short_name:<32} {r.result:<9} {voted:<10} "
                            f"{','.join(r.dossiers)} {rules}"))
        return 0

    guarded(body, lang=lang)
