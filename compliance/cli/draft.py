"""`compliance draft LETTER --dossier D`: propose a position from a cabinet letter."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import Lang, LangOpt, OutputOpt, WorkspaceOpt, app, check_output, emit, guarded


class DraftFormat(StrEnum):
    yaml = "yaml"
    json = "json"
    draft_json = "draft-json"


@app.command()
def draft(
    letter: Annotated[Path, typer.Argument(help="the letter: plain text, HTML, or PDF (with pypdf)")],
    dossier: Annotated[str, typer.Option("--dossier", "-d", help="the dossier whose vocabulary is used")],
    workspace: WorkspaceOpt = Path("."),
    output: OutputOpt = None,
    fmt: Annotated[DraftFormat, typer.Option("--format", "-f", help="yaml or json: a position file; "
                                             "draft-json: everything found, with quotes and lines")]
    = DraftFormat.yaml,
    lang: LangOpt = Lang.nl,
    score_against: Annotated[Path | None, typer.Option("--score", help="a hand-encoded position of the "
                                                       "same letter: print precision and recall")] = None,
) -> None:
    """Propose a position from a cabinet letter: each fact with the passage that cues it,
    unconfirmed. Exit 0: done; 2: bad input."""

    def body() -> int:
        from compliance.drafting import draft_letter, render_position
        from compliance.drafting.reading import read_letter
        from compliance.loading.workspace import load_workspace

        # a draft is meant to become a new position file; never one of the files it reads
        check_output(output, [letter, workspace / "motions", workspace / "rules",
                              *([score_against] if score_against is not None else [])])
        ws = load_workspace(workspace)
        text = read_letter(letter)
        draft = draft_letter(text, ws, dossier, letter_name=letter.as_posix())
        if score_against is not None:
            from compliance.drafting.score import score
            from compliance.loading.workspace import load_positions

            reference = load_positions(ws, [score_against])[0]
            typer.echo(score(draft, text, reference).text(), nl=False)
            if output is None:
                return 0
        if fmt is DraftFormat.draft_json:
            content = draft.model_dump_json(indent=2) + "\n"
        else:
            content = render_position(draft, fmt.value, lang.value)
        emit(content, output)
        return 0

    guarded(body)
