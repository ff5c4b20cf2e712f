"""`compliance draft LETTER --dossier D`: propose a position from a cabinet letter."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import (
    Lang,
    LangOpt,
    OutputOpt,
    WorkspaceOpt,
    app,
    bad_option,
    check_output,
    emit,
    guarded,
)
from compliance.errors import Text

LETTER_SUFFIXES = (".txt", ".html", ".htm", ".pdf")


def _without_collector_header(text: str) -> str:
    """A corpus letter's leading "SOURCE: url" / "NOTE: ..." lines (where and how it was
    collected) blanked, line numbers kept: the collector's words are not the letter's."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:4]):
        if line.startswith(("SOURCE:", "NOTE:")):
            lines[i] = ""
    return "\n".join(lines)


def _score_folder(folder: Path, dossier: str | None, workspace: Path, score_against: Path | None) -> int:
    """Draft and score every letter of ``folder`` that has a NAME-expected.yaml beside it."""
    from compliance.drafting import draft_letter
    from compliance.drafting.reading import read_letter
    from compliance.drafting.score import folder_table, score
    from compliance.loading.workspace import load_positions, load_workspace

    if score_against is not None and score_against.resolve() != folder.resolve():
        raise bad_option("--score", Text(f"a folder of letters is scored against its own expected positions, "
                                         f"not {score_against}",
                                         "een map met brieven wordt gescoord tegen de eigen verwachte "
                                         f"posities, niet tegen {score_against}"),
                         Text(f"leave out --score or give the folder: --score {folder}",
                              f"laat --score weg of geef de map: --score {folder}"))
    ws = load_workspace(workspace)
    pairs = []
    for path in sorted(p for p in folder.iterdir() if p.suffix.lower() in LETTER_SUFFIXES):
        expected = path.with_name(path.stem + "-expected.yaml")
        if expected.is_file():
            pairs.append((path, expected))
    if not pairs:
        from compliance.errors import InputError, InputErrors

        raise InputErrors([InputError(str(folder), 1, 1, Text(
            "a folder without a letter that has its NAME-expected.yaml beside it: nothing to draft and score",
            "een map zonder brief met een NAAM-expected.yaml ernaast: niets op te stellen en te scoren"),
            Text("give one letter file, or a folder of letters each with its expected position "
                 "NAME-expected.yaml", "geef één briefbestand, of een map met brieven, elk met de verwachte "
                 "positie NAAM-expected.yaml"))])
    scores = []
    for path, expected in pairs:
        reference = load_positions(ws, [expected])[0]
        own = reference.model.dossier
        if dossier is not None and own != dossier:
            continue
        text = _without_collector_header(read_letter(path))
        drafted = draft_letter(text, ws, own, letter_name=path.as_posix())
        scores.append((path.stem, score(drafted, text, reference)))
    typer.echo(folder_table(scores), nl=False)
    return 0


class DraftFormat(StrEnum):
    yaml = "yaml"
    json = "json"
    draft_json = "draft-json"


@app.command()
def draft(
    letter: Annotated[Path, typer.Argument(help="the letter: plain text, HTML, or PDF (with pypdf); or a "
                                           "folder of letters with their NAME-expected.yaml positions "
                                           "to score them all")],
    dossier: Annotated[str | None, typer.Option("--dossier", "-d", help="the dossier whose vocabulary is "
                                                "used (a folder: each expected position's own)")] = None,
    workspace: WorkspaceOpt = Path("."),
    output: OutputOpt = None,
    fmt: Annotated[DraftFormat, typer.Option("--format", "-f", help="yaml or json: a position file; "
                                             "draft-json: everything found, with quotes and lines")]
    = DraftFormat.yaml,
    lang: LangOpt = Lang.nl,
    score_against: Annotated[Path | None, typer.Option("--score", help="a hand-encoded position of the "
                                                       "same letter: print precision and recall (for a "
                                                       "folder LETTER: that folder)")] = None,
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
        if letter.is_dir():
            return _score_folder(letter, dossier, workspace, score_against)
        if dossier is None:
            raise bad_option("--dossier", Text("missing option --dossier", "optie --dossier ontbreekt"),
                             Text("name the dossier whose vocabulary is used (a folder of rules/)",
                                  "noem het dossier waarvan de woordenlijst wordt gebruikt (een map in "
                                  "rules/)"))
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

    guarded(body, lang=lang)
