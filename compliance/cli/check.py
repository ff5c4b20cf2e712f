"""`compliance check`: positions against the adopted motions, as a report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import (
    OVERDUE_DUTY,
    TEXT,
    AsOfOpt,
    BackendName,
    BackendOpt,
    CheckFailOn,
    FailOn,
    Fmt,
    InterpretationOpt,
    Lang,
    LangOpt,
    OutputOpt,
    WorkspaceOpt,
    app,
    bad_option,
    check_as_of,
    check_output,
    emit,
    finding_level,
    guarded,
    interpretations,
)
from compliance.errors import Text
from compliance.i18n import t


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="position files or folders "
                                                      "(default: examples/positions)")] = None,
    workspace: WorkspaceOpt = Path("."),
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="output format")] = TEXT,
    lang: LangOpt = Lang.nl,
    backend: BackendOpt = BackendName.durable,
    fail_on_given: Annotated[list[CheckFailOn] | None, typer.Option(
        "--fail-on", help="exit 1 when a finding reaches this level (undeclared, the default; "
        "conflict; undetermined; never), or with overdue-duty when a duty of conduct of a checked "
        "dossier is overdue (compliance duties); repeat to combine")] = None,
    as_of: AsOfOpt = None,
    interpretation: InterpretationOpt = None,
    output: OutputOpt = None,
    baseline: Annotated[Path | None, typer.Option(help="JSON report of the base revision: fail "
                                                  "only on new findings")] = None,
    suggest: Annotated[bool, typer.Option("--suggest", help="add to conflicting and undetermined "
                                          "findings the smallest fact changes that would comply")] = False,
    compare_interpretations: Annotated[bool, typer.Option(
        "--compare-interpretations", help="show each clause's verdict under every interpretation")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="check positions in this many "
                                      "processes (0: one per processor); same output")] = 1,
    require_confirmed: Annotated[bool, typer.Option("--require-confirmed", help="an unconfirmed "
                                                    "fact (confirmed: false) is an input error")] = False,
    standing: Annotated[bool, typer.Option("--standing", help="judge each position as it stands: "
                                           "with the facts it does not state carried from the latest "
                                           "earlier position that states them (a text's facts only "
                                           "while it is the same text)")] = False,
) -> None:
    """Check positions against the adopted motions. Exit 0: nothing reaches --fail-on;
    1: something does (with --baseline: something new does); 2: bad input."""

    levels = [v.value for v in fail_on_given] if fail_on_given else ["undeclared"]
    fail_on = FailOn(finding_level(levels))
    duty_gate = OVERDUE_DUTY in levels

    def body() -> int:
        code = checked()
        if duty_gate:
            from compliance.api import DEFAULT_POSITIONS, load_positions, load_workspace
            from compliance.duties import overdue
            from compliance.evaluate.duty_list import with_duties
            from compliance.model.output import Report

            ws = load_workspace(workspace)
            positions = load_positions(ws, paths or [workspace / DEFAULT_POSITIONS])
            empty = Report(lang=lang.value, as_of=as_of, interpretations={}, counts={}, motions=[],
                           findings=[])
            late = overdue(with_duties(empty, ws, positions, as_of, lang.value,
                                       interpretations(interpretation)).duties)
            if late:
                typer.echo(t("duty_gate_fail", lang.value, n=len(late), duties=", ".join(
                    f"{d.motion}#{d.clause} ({d.due})" for d in late)), err=True)
                return 1
        return code

    def checked() -> int:
        from compliance.api import DEFAULT_POSITIONS, get_backend, load_positions, load_workspace
        from compliance.gate import exit_code
        from compliance.reports import SHOWS_CONDITIONS, STREAMED, RenderOptions, render

        check_as_of(as_of)
        check_output(output, [workspace / "motions", workspace / "rules",
                              *(paths or [workspace / DEFAULT_POSITIONS]),
                              *([baseline] if baseline is not None else [])])
        chosen = interpretations(interpretation)
        if require_confirmed:
            from compliance.evaluate.confirmation import require_confirmed as confirmed_only

            every = paths or [workspace / DEFAULT_POSITIONS]
            confirmed_only(load_positions(load_workspace(workspace), every), lang.value)
        if compare_interpretations and fmt.value not in ("text", "json"):
            raise bad_option("--format",
                             Text(f"--compare-interpretations writes text or json, not {fmt.value}",
                                              "--compare-interpretations schrijft text of json, niet "
                                              f"{fmt.value}"),
                             Text("use --format text or --format json",
                                  "gebruik --format text of --format json"))
        # a comparison is no baseline diff and proposes no changes: refused, never ignored
        for given, option in ((standing, "--standing"),):
            if given and (suggest or compare_interpretations):
                raise bad_option(option, Text(f"{option} does not combine with --suggest or "
                                              "--compare-interpretations",
                                              f"{option} gaat niet samen met --suggest of "
                                              "--compare-interpretations"),
                                 Text("run them separately", "voer ze apart uit"))
        for given, option in ((baseline is not None, "--baseline"), (suggest, "--suggest")):
            if compare_interpretations and given:
                raise bad_option(option, Text(f"{option} does not combine with --compare-interpretations",
                                              f"{option} gaat niet samen met --compare-interpretations"),
                                 Text("run the comparison and the check separately",
                                      "voer de vergelijking en de toets apart uit"))
        ws = load_workspace(workspace) if chosen or suggest or compare_interpretations else None
        if ws is not None:
            ws.check_interpretations(chosen)
        if ws is not None and (suggest or compare_interpretations):
            positions = load_positions(ws, paths or [workspace / DEFAULT_POSITIONS])
            engine = get_backend(backend.value, lang=lang.value)
            if compare_interpretations:
                from compliance.api import check as check_positions
                from compliance.authoring import compare as cmp

                data = cmp.compare(ws, positions, engine, lang=lang.value, as_of=as_of)
                emit(cmp.render_json(data) if fmt.value == "json" else cmp.render_text(data, lang.value),
                     output)
                # the gate is the check's own, under the chosen (or default) interpretations
                gated = check_positions(ws, positions, engine, lang=lang.value, as_of=as_of,
                                        interpretations=chosen)
                options = RenderOptions(fail_on=fail_on.value)
                return exit_code(f for f in gated.findings if options.failing(f))
            from compliance.authoring.suggest import checked_with_suggestions

            report = checked_with_suggestions(ws, positions, engine, lang=lang.value, as_of=as_of,
                                              interpretations=chosen)
            options = RenderOptions(fail_on=fail_on.value)
            emit(render(report, fmt.value, options), output)
            return exit_code(f for f in report.findings if options.failing(f))

        from compliance.api import run_check
        from compliance.parallel import cpu_count, gc_paused
        from compliance.progress import TerminalProgress

        with gc_paused():
            if fmt.value in STREAMED and baseline is None and not standing:
                # the report is never held whole, and with --jobs the workers render it
                from compliance.parallel import run_streamed

                with TerminalProgress() as bar:
                    reached = run_streamed(fmt.value, workspace, paths or [workspace / DEFAULT_POSITIONS],
                                           lambda text: emit(text, output), jobs=jobs or cpu_count(),
                                           backend=backend.value, lang=lang.value, as_of=as_of,
                                           interpretations=chosen,
                                           progress=bar if bar.enabled else None)
                return exit_code(fail_on.value in reached)
            with TerminalProgress() as bar:
                report = run_check(workspace, paths, backend=backend.value, lang=lang.value,
                                   as_of=as_of, interpretations=chosen,
                                   jobs=jobs or cpu_count(), progress=bar if bar.enabled else None,
                                   conditions=fmt.value in SHOWS_CONDITIONS, standing=standing)
            options = RenderOptions(fail_on=fail_on.value)
            if baseline is not None:
                from compliance.baseline import classify, load_report

                options = classify(load_report(baseline), report).options(fail_on.value)
            emit(render(report, fmt.value, options), output)
            return exit_code(f for f in report.findings if options.failing(f))

    guarded(body, lang=lang)
