"""`compliance diff OLD NEW`: what changed between two reports or two folders of positions."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from compliance.baseline import DIFF_FORMATS
from compliance.cli.app import (
    UNDECLARED,
    AsOfOpt,
    BackendName,
    BackendOpt,
    FailOn,
    Lang,
    LangOpt,
    OutputOpt,
    WorkspaceOpt,
    app,
    check_as_of,
    check_output,
    emit,
    guarded,
)

DiffFmt = StrEnum("DiffFmt", [(name, name) for name in DIFF_FORMATS])  # type: ignore[misc]
DIFF_TEXT = DiffFmt("text")


@app.command()
def diff(
    old: Annotated[Path, typer.Argument(help="the base: a JSON report, a workspace or a "
                                        "folder of positions")],
    new: Annotated[Path, typer.Argument(help="the change: same kinds as OLD")],
    workspace: WorkspaceOpt = Path("."),
    fmt: Annotated[DiffFmt, typer.Option("--format", "-f", help="output format")] = DIFF_TEXT,
    lang: LangOpt = Lang.nl,
    backend: BackendOpt = BackendName.durable,
    fail_on: Annotated[FailOn, typer.Option(help="exit 1 when a NEW finding reaches this level")]
    = UNDECLARED,
    as_of: AsOfOpt = None,
    output: OutputOpt = None,
) -> None:
    """Classify open findings as new, unchanged or resolved. Exit 0: no new finding reaches
    --fail-on; 1: one does; 2: bad input."""

    def body() -> int:
        from dataclasses import replace

        from compliance.baseline import classify, render_diff, report_of
        from compliance.gate import exit_code

        check_as_of(as_of)
        check_output(output, [old, new, workspace / "motions", workspace / "rules"])
        before = report_of(old, workspace, backend.value, lang.value, as_of)
        after = report_of(new, workspace, backend.value, lang.value, as_of)
        result = replace(classify(before, after), lang=lang.value)
        emit(render_diff(result, fmt.value, fail_on.value), output)
        return exit_code(result.failing(fail_on.value))

    guarded(body, lang=lang)
