"""`compliance test`: the rule tests in rules/<dossier>/tests/*.yaml, with coverage."""

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


@app.command("test")
def test_(workspace: WorkspaceOpt = Path("."), fmt: TextJsonOpt = TextJson.text,
          coverage: Annotated[bool, typer.Option("--coverage", help="report which verdicts the "
                                                 "tests exercise per clause")] = False,
          min_coverage: Annotated[float | None, typer.Option(
              "--min-coverage", min=0, max=100,
              help="exit 1 when coverage (percent, 0 to 100) is below this")] = None,
          backend: BackendOpt = BackendName.durable,
          lang: LangOpt = Lang.nl,
          ) -> None:
    """Run the rule tests in rules/<dossier>/tests/*.yaml. Exit 1 when a test fails or
    coverage is below --min-coverage."""

    def body() -> int:
        from compliance.api import load_workspace
        from compliance.authoring import ruletests as rt
        from compliance.gate import exit_code

        ws = load_workspace(workspace)
        results = rt.run_cases(ws, rt.load_all(ws), backend.value)
        cov = rt.coverage(ws, results) if coverage or min_coverage is not None else None
        emit(rt.render_json(results, cov) if fmt is TextJson.json else rt.render_text(results, cov), None)
        # no clause to cover is no coverage: a gate on it must not pass vacuously
        low = cov is not None and min_coverage is not None and (
            cov.required == 0 or cov.percent < min_coverage)
        if low and cov is not None and cov.required == 0:
            typer.echo("coverage: no rule clauses to cover in this workspace, below --min-coverage",
                       err=True)
        return exit_code(low or not all(r.ok for r in results))

    guarded(body, lang=lang)
