"""The authoring commands: explain, lint, test, analyze. Parse, call the library, print."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compliance.cli import Fmt, LangOpt, WorkspaceOpt, emit, guarded
from compliance.cli import Lang as LangEnum

InterpretationOpt = Annotated[list[str] | None, typer.Option(
    "--interpretation", help="NAME or MOTION=NAME: choose a rule interpretation")]
FormatOpt = Annotated[Fmt, typer.Option("--format", "-f", help="output format")]
MethodOpt = Annotated[str, typer.Option(
    "--method", help="auto (enumerate small spaces, solver beyond), enumerate or solver")]


def _method(value: str) -> str:
    from compliance.errors import InputError, InputErrors

    if value not in ("auto", "enumerate", "solver"):
        raise InputErrors([InputError("--method", 1, 1, f"unknown method {value!r}",
                                      "use auto, enumerate or solver")])
    return value


def register(app: typer.Typer) -> None:
    @app.command()
    def lint(workspace: WorkspaceOpt = Path("."), fmt: FormatOpt = Fmt.text,
             lang: LangOpt = LangEnum.en, method: MethodOpt = "auto") -> None:
        """Find errors and suspect spots in motions/ and rules/: unknown names, type
        mismatches, concept cycles, overlaps, gaps, motions without rules. Exit 1 on
        errors, 0 with warnings only."""

        def body() -> int:
            from compliance.authoring import lint as lint_mod

            issues = lint_mod.lint(workspace, lang=lang.value, method=_method(method))  # type: ignore[arg-type]
            emit(lint_mod.render_json(issues) if fmt is Fmt.json
                 else lint_mod.render_text(issues, lang.value), None)
            return 1 if lint_mod.counts(issues)[0] else 0

        guarded(body)

    del lint
