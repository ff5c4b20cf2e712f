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


def check_extras(paths: list[Path] | None, workspace: Path, fmt: Fmt, lang: str, backend: str,
                 as_of: str | None, interpretations: dict[str, str] | None, output: Path | None,
                 suggest: bool, compare_interpretations: bool, fail_on: str) -> int:
    """`check --suggest` and `check --compare-interpretations`."""
    from compliance.api import DEFAULT_POSITIONS, check, get_backend, load_positions, load_workspace
    from compliance.reports import RenderOptions, render

    ws = load_workspace(workspace)
    positions = load_positions(ws, paths or [workspace / DEFAULT_POSITIONS])
    engine = get_backend(backend, lang=lang)
    if compare_interpretations:
        from compliance.authoring import compare as cmp

        data = cmp.compare(ws, positions, engine, lang=lang, as_of=as_of)
        emit(cmp.render_json(data) if fmt is Fmt.json else cmp.render_text(data, lang), output)
        return 0
    from compliance.authoring.suggest import add_suggestions

    report = check(ws, positions, engine, lang=lang, as_of=as_of,  # type: ignore[arg-type]
                   interpretations=interpretations)
    report = add_suggestions(ws, positions, report, interpretations)
    options = RenderOptions(fail_on=fail_on)
    emit(render(report, fmt.value, options), output)
    return 1 if any(options.failing(f) for f in report.findings) else 0


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

    @app.command("test")
    def test_(workspace: WorkspaceOpt = Path("."), fmt: FormatOpt = Fmt.text,
              coverage: Annotated[bool, typer.Option("--coverage", help="report which verdicts the "
                                                     "tests exercise per clause")] = False,
              min_coverage: Annotated[float | None, typer.Option(
                  "--min-coverage", help="exit 1 when coverage (percent) is below this")] = None,
              backend: Annotated[str, typer.Option(help="rule engine: durable or direct")] = "durable",
              ) -> None:
        """Run the rule tests in rules/<dossier>/tests/*.yaml. Exit 1 when a test fails or
        coverage is below --min-coverage."""

        def body() -> int:
            from compliance.api import load_workspace
            from compliance.authoring import ruletests as rt

            ws = load_workspace(workspace)
            results = rt.run_cases(ws, rt.load_all(ws), backend)
            cov = rt.coverage(ws, results) if coverage or min_coverage is not None else None
            emit(rt.render_json(results, cov) if fmt is Fmt.json else rt.render_text(results, cov), None)
            low = cov is not None and min_coverage is not None and cov.percent < min_coverage
            return 1 if low or not all(r.ok for r in results) else 0

        guarded(body)

    @app.command()
    def explain(position: Annotated[Path, typer.Argument(help="the position file")],
                motion: Annotated[str, typer.Argument(help="motion id (26643-1011) or number (1011)")],
                clause: Annotated[int | None, typer.Option("--clause", help="only this clause")] = None,
                workspace: WorkspaceOpt = Path("."), fmt: FormatOpt = Fmt.text, lang: LangOpt = LangEnum.nl,
                interpretation: InterpretationOpt = None,
                backend: Annotated[str, typer.Option(help="rule engine: durable or direct")] = "durable",
                ) -> None:
        """Explain a verdict: the request, the reasoning tree with every condition's result
        and the facts it read (file:line), and the smallest changes that would comply."""

        def body() -> int:
            from compliance.api import get_backend, load_positions, load_workspace
            from compliance.authoring import explain as ex
            from compliance.cli import _interpretations

            ws = load_workspace(workspace)
            (pos,) = load_positions(ws, [position])
            data = ex.explain(ws, pos, ex.resolve_motion(ws, motion), get_backend(backend), clause=clause,
                              lang=lang.value, interpretations=_interpretations(interpretation))
            emit(ex.render_json(data) if fmt is Fmt.json else ex.render_text(data), None)
            return 0

        guarded(body)

    @app.command()
    def analyze(dossier: Annotated[str, typer.Option("--dossier", "-d", help="the dossier to analyse")],
                workspace: WorkspaceOpt = Path("."), fmt: FormatOpt = Fmt.text, lang: LangOpt = LangEnum.nl,
                interpretation: InterpretationOpt = None, method: MethodOpt = "auto",
                near: Annotated[Path | None, typer.Option(
                    "--near", help="a position file: give the example position closest to it")] = None,
                ) -> None:
        """Are the adopted motions of a dossier jointly satisfiable? Exit 0: yes (with an
        example position); 1: no (with each minimal conflicting set of clauses)."""

        def body() -> int:
            from compliance.api import load_positions, load_workspace
            from compliance.authoring import analyze as an
            from compliance.cli import _interpretations

            ws = load_workspace(workspace)
            near_facts = load_positions(ws, [near])[0].facts if near else None
            data = an.analyze(ws, dossier, lang=lang.value, interpretations=_interpretations(interpretation),
                              near=near_facts, method=_method(method))  # type: ignore[arg-type]
            emit(an.render_json(data) if fmt is Fmt.json else an.render_text(data, lang.value), None)
            return 0 if data["satisfiable"] else 1

        guarded(body)

    del lint, test_, explain, analyze
