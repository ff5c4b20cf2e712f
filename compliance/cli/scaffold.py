"""`compliance init` and `compliance new dossier|motion|position`: start a workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import Lang, LangOpt, WorkspaceOpt, app, guarded

new = typer.Typer(help="Create a dossier, a motion (record, rule skeleton, failing rule test) "
                  "or a position to fill in.", no_args_is_help=True)
app.add_typer(new, name="new")


def _done(paths: list[Path]) -> int:
    for p in paths:
        typer.echo(f"wrote {p}")
    return 0


@app.command()
def init(directory: Annotated[Path, typer.Argument(help="the workspace folder")] = Path("."),
         lang: LangOpt = Lang.nl) -> None:
    """Make an empty workspace (motions/, rules/, examples/, a README, a CI snippet)."""
    from compliance.scaffold import init as run

    guarded(lambda: _done(run(directory)), lang=lang)


@new.command("dossier")
def new_dossier(name: Annotated[str, typer.Argument(help="dossier name, e.g. energy-prices")],
                workspace: WorkspaceOpt = Path("."), lang: LangOpt = Lang.nl) -> None:
    """rules/NAME/: a vocabulary to fill in, an empty timeline, a tests/ folder."""
    from compliance.scaffold import new_dossier as run

    guarded(lambda: _done(run(workspace, name)), lang=lang)


@new.command("motion")
def new_motion(kamerstuk: Annotated[str, typer.Argument(help="DOSSIER-NUMBER, e.g. 36848-66")],
               dossier: Annotated[str, typer.Option("--dossier", "-d", help="the dossier")],
               from_open_data: Annotated[Path | None, typer.Option(
                   "--from-open-data", help="a JSON file from the House's open data (a Zaak)")] = None,
               draft_rule: Annotated[bool, typer.Option(
                   "--draft-rule", help="draft the rule from the dictum (compliance draft-rule): written "
                   "in place of the skeleton when it loads and its tests pass")] = False,
               dictum: Annotated[Path | None, typer.Option(
                   "--dictum", help="with --draft-rule: a text file with the dictum")] = None,
               workspace: WorkspaceOpt = Path("."),
               lang: LangOpt = Lang.en) -> None:
    """The motion record, a rule skeleton (each clause a TODO) and a rule test that fails;
    with --draft-rule, the drafted rule and its tests instead when nothing blocks them."""
    from compliance.scaffold import new_motion as run

    def body() -> int:
        text = None
        if dictum is not None:
            from compliance.loading.textfile import read_text_file

            text = read_text_file(dictum, max_bytes=1_000_000)
        report: list[str] = []
        written = run(workspace, kamerstuk, dossier, from_open_data, draft=draft_rule or dictum is not None,
                      dictum=text, lang=lang.value, report=report)
        if report:
            typer.echo(report[0], nl=False)
        return _done(written)

    guarded(body, lang=lang)


@new.command("position")
def new_position(dossier: Annotated[str, typer.Option("--dossier", "-d", help="the dossier")],
                 position_id: Annotated[str | None, typer.Option("--id", help="the position id")] = None,
                 workspace: WorkspaceOpt = Path("."), lang: LangOpt = Lang.nl) -> None:
    """A position listing every fact of the dossier as a comment with its description."""
    from compliance.scaffold import new_position as run

    guarded(lambda: _done(run(workspace, dossier, position_id)), lang=lang)
