"""`compliance duties`: every duty of conduct of a dossier with its state and evidence."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import (
    AsOfOpt,
    InterpretationOpt,
    Lang,
    LangOpt,
    OutputOpt,
    WorkspaceOpt,
    app,
    check_as_of,
    check_output,
    emit,
    guarded,
    interpretations,
)


class DutyFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


@app.command()
def duties(
    paths: Annotated[list[Path] | None, typer.Argument(help="position files or folders whose "
                                                      "declarations are evidence (default: "
                                                      "examples/positions)")] = None,
    dossier: Annotated[str | None, typer.Option(
        "--dossier", help="dossier folder name under rules/ (default: every dossier)")] = None,
    workspace: WorkspaceOpt = Path("."),
    as_of: AsOfOpt = None,
    fmt: Annotated[DutyFormat, typer.Option("--format", "-f", help="output format")] = DutyFormat.text,
    lang: LangOpt = Lang.nl,
    interpretation: InterpretationOpt = None,
    output: OutputOpt = None,
) -> None:
    """Duties of the cabinet's conduct (deadlines, recurring reports, informing the House) with
    their state as of a date (--as-of, else the dossier's latest position): not yet due, met
    (by what), overdue, unknown (decided by what) or ended. Exit 0; 2: bad input."""

    def body() -> int:
        from compliance.duties import overview
        from compliance.reports.duties import render

        check_as_of(as_of)
        check_output(output, [workspace / "motions", workspace / "rules", *(paths or [])])
        found = overview(workspace, dossier, as_of, lang.value, paths, interpretations(interpretation))
        emit(render(found, fmt.value, lang.value), output)
        return 0

    guarded(body, lang=lang)
