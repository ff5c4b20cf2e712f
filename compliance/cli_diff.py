"""`compliance diff OLD NEW`: what changed between two reports or two folders of positions.

No postponed annotations here: typer reads the option types of the nested command at
registration time, and they come from compliance.cli.
"""


from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class DiffFmt(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


def _side(path: Path, workspace: Path, backend: str, lang: str, as_of: str | None):  # type: ignore[no-untyped-def]
    """A report file is read; a folder is checked (a whole workspace, or positions in --workspace)."""
    from compliance.api import run_check
    from compliance.baseline import load_report

    if path.is_dir():
        if (path / "motions").is_dir() and (path / "rules").is_dir():
            return run_check(path, backend=backend, lang=lang, as_of=as_of)  # type: ignore[arg-type]
        return run_check(workspace, [path], backend=backend, lang=lang, as_of=as_of)  # type: ignore[arg-type]
    return load_report(path)


def register(app: typer.Typer) -> None:
    from compliance.cli import BackendName, FailOn, Lang, LangOpt, WorkspaceOpt, emit, guarded

    @app.command()
    def diff(
        old: Annotated[Path, typer.Argument(help="the base: a JSON report, a workspace or a "
                                            "folder of positions")],
        new: Annotated[Path, typer.Argument(help="the change: same kinds as OLD")],
        workspace: WorkspaceOpt = Path("."),
        fmt: Annotated[DiffFmt, typer.Option("--format", "-f", help="output format")] = DiffFmt.text,
        lang: LangOpt = Lang.nl,
        backend: Annotated[BackendName, typer.Option(help="rule engine")] = BackendName.durable,
        fail_on: Annotated[FailOn, typer.Option(help="exit 1 when a NEW finding reaches this level")]
        = FailOn.undeclared,
        as_of: Annotated[str | None, typer.Option("--as-of", help="evaluate folders as of "
                                                  "YYYY-MM-DD")] = None,
        output: Annotated[Path | None, typer.Option("--output", "-o", help="write to this file "
                                                    "(atomically)")] = None,
    ) -> None:
        """Classify open findings as new, unchanged or resolved. Exit 0: no new finding reaches
        --fail-on; 1: one does; 2: bad input."""

        def body() -> int:
            from dataclasses import replace

            from compliance.baseline import classify, render_diff

            before = _side(old, workspace, backend.value, lang.value, as_of)
            after = _side(new, workspace, backend.value, lang.value, as_of)
            result = replace(classify(before, after), lang=lang.value)
            emit(render_diff(result, fmt.value, fail_on.value), output)
            return 1 if result.failing(fail_on.value) else 0

        guarded(body)
