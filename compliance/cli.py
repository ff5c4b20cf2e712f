"""The command line: parse arguments, call the library, print. Nothing else."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from compliance.errors import InputErrors, InternalError

app = typer.Typer(
    name="compliance",
    help="Check cabinet positions against motions adopted by the Tweede Kamer. "
    "Toetst kabinetsposities aan aangenomen moties.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


class Lang(StrEnum):
    nl = "nl"
    en = "en"


class Fmt(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"
    junit = "junit"
    sarif = "sarif"
    github = "github"


class FailOn(StrEnum):
    undeclared = "undeclared"
    conflict = "conflict"
    undetermined = "undetermined"
    never = "never"


class BackendName(StrEnum):
    durable = "durable"
    direct = "direct"


WorkspaceOpt = Annotated[Path, typer.Option("--workspace", "-w", help="folder with motions/ and "
                                            "rules/ (default: the current folder)")]
LangOpt = Annotated[Lang, typer.Option("--lang", help="language of the output: nl or en")]


def guarded(fn: Callable[[], int], failures: tuple[type[Exception], ...] = ()) -> None:
    """Run a command body; input errors become exit 2 and ``failures`` (e.g. a network
    error) exit 1, each as a message, never a traceback."""
    try:
        code = fn()
    except InputErrors as e:
        typer.echo(e.render(), err=True)
        raise typer.Exit(2) from None
    except failures as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1) from None
    except InternalError as e:
        typer.echo(f"internal error: {e}", err=True)
        raise typer.Exit(3) from None
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    except Exception as e:
        if os.environ.get("COMPLIANCE_DEBUG"):
            raise
        typer.echo(f"internal error: {type(e).__name__}: {e} (set COMPLIANCE_DEBUG=1 for details)",
                   err=True)
        raise typer.Exit(3) from None
    raise typer.Exit(code)


def _interpretations(values: list[str] | None) -> dict[str, str] | None:
    out: dict[str, str] = {}
    for v in values or []:
        motion, _, name = v.rpartition("=")
        out[motion or "*"] = name
    return out or None


def emit(content: str | Iterable[bytes], output: Path | None) -> None:
    """Print or write a report: its text, or its UTF-8 bytes in parts (streamed)."""
    from compliance.reports import write_atomically

    if output is not None:
        write_atomically(output, content)
    elif isinstance(content, str):
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        sys.stdout.flush()
        for part in content:
            sys.stdout.buffer.write(part)
        sys.stdout.buffer.flush()


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="position files or folders "
                                                      "(default: examples/positions)")] = None,
    workspace: WorkspaceOpt = Path("."),
    fmt: Annotated[Fmt, typer.Option("--format", "-f", help="output format")] = Fmt.text,
    lang: LangOpt = Lang.nl,
    backend: Annotated[BackendName, typer.Option(help="rule engine")] = BackendName.durable,
    fail_on: Annotated[FailOn, typer.Option(help="exit 1 when a finding reaches this level")]
    = FailOn.undeclared,
    as_of: Annotated[str | None, typer.Option("--as-of", help="evaluate as of YYYY-MM-DD "
                                              "(default: each position's own date)")] = None,
    interpretation: Annotated[list[str] | None, typer.Option(
        help="NAME or MOTION=NAME: choose a rule interpretation")] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="write the report to "
                                                "this file (atomically)")] = None,
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
) -> None:
    """Check positions against the adopted motions. Exit 0: nothing reaches --fail-on;
    1: something does (with --baseline: something new does); 2: bad input."""
    from compliance.confirmation import require_confirmed as confirmed_only

    if suggest or compare_interpretations:
        from compliance.authoring.commands import check_extras

        guarded(lambda: (require_confirmed and confirmed_only(workspace, paths, lang.value)) or
                check_extras(paths, workspace, fmt, lang.value, backend.value, as_of,
                             _interpretations(interpretation), output, suggest,
                             compare_interpretations, fail_on.value))

    def body() -> int:
        if require_confirmed:
            confirmed_only(workspace, paths, lang.value)
        from compliance.api import DEFAULT_POSITIONS, run_check
        from compliance.dates import PartialDate
        from compliance.errors import InputError
        from compliance.reports import STREAMED, RenderOptions, render

        if as_of is not None:
            try:
                PartialDate.parse(as_of)
            except ValueError as e:
                raise InputErrors([InputError("--as-of", 1, 1, str(e), "write YYYY-MM-DD")]) from None
        from compliance.parallel import cpu_count, gc_paused
        from compliance.progress import TerminalProgress

        with gc_paused():
            if fmt.value in STREAMED and baseline is None:
                # the report is never held whole, and with --jobs the workers render it
                from compliance.parallel import run_streamed

                with TerminalProgress() as bar:
                    reached = run_streamed(fmt.value, workspace, paths or [workspace / DEFAULT_POSITIONS],
                                           lambda text: emit(text, output), jobs=jobs or cpu_count(),
                                           backend=backend.value, lang=lang.value, as_of=as_of,
                                           interpretations=_interpretations(interpretation),
                                           progress=bar if bar.enabled else None)
                return 1 if fail_on.value in reached else 0
            with TerminalProgress() as bar:
                report = run_check(workspace, paths, backend=backend.value, lang=lang.value,
                                   as_of=as_of, interpretations=_interpretations(interpretation),
                                   jobs=jobs or cpu_count(), progress=bar if bar.enabled else None)
            options = RenderOptions(fail_on=fail_on.value)
            if baseline is not None:
                from compliance.baseline import classify, load_report

                options = classify(load_report(baseline), report).options(fail_on.value)
            emit(render(report, fmt.value, options), output)
            return 1 if any(options.failing(f) for f in report.findings) else 0

    guarded(body)


@app.command()
def validate(
    paths: Annotated[list[Path] | None, typer.Argument(help="position files or folders")] = None,
    workspace: WorkspaceOpt = Path("."),
) -> None:
    """Check motions, rules and positions against the schemas and vocabularies only."""

    def body() -> int:
        from compliance.api import DEFAULT_POSITIONS, load_positions, load_workspace

        ws = load_workspace(workspace)
        positions = load_positions(ws, paths or [workspace / DEFAULT_POSITIONS])
        typer.echo(f"ok: {len(ws.motions)} motions, {len(ws.vocabularies)} dossiers, "
                   f"{len(ws.rules)} rule files, {len(positions)} positions")
        return 0

    guarded(body)


@app.command()
def motions(workspace: WorkspaceOpt = Path("."), lang: LangOpt = Lang.nl) -> None:
    """List the motion records, one line each."""

    def body() -> int:
        from compliance.api import load_workspace
        from compliance.model.motion import motion_sort_key

        ws = load_workspace(workspace)
        for motion_id in sorted(ws.motions, key=motion_sort_key):
            r = ws.motions[motion_id].record
            cite = r.kamerstuk.cite(lang.value) if r.kamerstuk else motion_id
            rules = "rules" if motion_id in ws.rules else "-"
            voted = r.dates.voted or "?"
            typer.echo(f"{motion_id:<14} {cite:<34} {r.short_name:<32} {r.result:<9} {voted:<10} "
                       f"{','.join(r.dossiers)} {rules}")
        return 0

    guarded(body)


def main() -> None:
    app()



def _register_extensions() -> None:
    """Commands that live in their own modules; each adds itself to ``app``."""
    from compliance import cli_diff
    from compliance.authoring.commands import register as register_authoring
    from compliance.drafting.command import draft_command
    from compliance.ingest import commands as ingest
    from compliance.timeline_cmd import register as register_timeline

    app.command("draft")(draft_command)
    ingest.register(app)
    register_timeline(app)
    cli_diff.register(app)
    register_authoring(app)


_register_extensions()
