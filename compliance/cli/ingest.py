"""`compliance refs` and `compliance import-motions`: letters and the House's open data.

Exit codes: 0 done; 1 the import could not complete (the API failed, or a record
would not validate or was refused); 2 bad input (unreadable file, bad JSON, a bad
option value), reported as ``file:line:col: problem — how to fix``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from compliance.cli.app import Lang, LangOpt, WorkspaceOpt, app, guarded
from compliance.ingest.importer import REFS_FORMATS
from compliance.text_safety import line

RefsFormat = StrEnum("RefsFormat", [(name, name) for name in REFS_FORMATS])  # type: ignore[misc]
REFS_TEXT = RefsFormat("text")


def _run(fn: Callable[[], int], lang: str) -> None:
    """The CLI's error handling, with a failed download as exit 1."""
    from compliance.ingest.client import FetchError

    guarded(fn, (FetchError,), lang=lang)


def refs(
    files: Annotated[list[Path], typer.Argument(help="plain-text letters (e.g. from pdftotext)")],
    workspace: WorkspaceOpt = Path("."),
    fmt: Annotated[RefsFormat, typer.Option("--format", "-f", help="output format")]
    = REFS_TEXT,
    lang: LangOpt = Lang.nl,
) -> None:
    """List the Kamerstuk citations, motion mentions and dates in letters.

    Cited motions are checked against the workspace: record and rules, record only, or
    neither. Exit 0: done; 2: a file cannot be read."""

    def body() -> int:
        from compliance.ingest.importer import refs as refs_of

        sys.stdout.write(refs_of(files, workspace, fmt.value))
        return 0

    _run(body, lang)


def _client() -> Any:
    """The live API client; tests replace this to inject a stub transport."""
    from compliance.ingest.client import OpenDataClient

    return OpenDataClient()


def import_motions(
    from_files: Annotated[list[Path] | None, typer.Option(
        "--from", help="saved OData JSON answer with Zaak rows (repeatable)")] = None,
    kamerstuk: Annotated[list[str] | None, typer.Option(
        "--kamerstuk", help="fetch this motion from the live API, e.g. 26643-1011 "
        "(repeatable)")] = None,
    workspace: WorkspaceOpt = Path("."),
    dossier: Annotated[str, typer.Option(help="project dossier of new records (a folder under "
                                         "rules/)")] = "unassigned",
    dry_run: Annotated[bool, typer.Option("--dry-run", help="print the diff and write "
                                          "nothing")] = False,
    force: Annotated[bool, typer.Option("--force", help="rewrite records even when that loses YAML "
                                        "comments")] = False,
    lang: LangOpt = Lang.nl,
) -> None:
    """Create or update motion records from the House's open data.

    Shows the diff first and merges: clauses, execution statements, notes, titles and
    dossiers are never overwritten. Exit 0: done; 1: something was not imported or the
    API failed; 2: bad input."""

    def body() -> int:
        from compliance.gate import exit_code
        from compliance.ingest.importer import import_motions as run_import

        run = run_import(from_files or [], kamerstuk or [], workspace, dossier=dossier,
                         dry_run=dry_run, force=force, client=lambda: _client())
        for diff in run.diffs:  # texts from the open data: shown as safe lines
            sys.stdout.write("".join(line(x) + "\n" for x in diff.splitlines()))
        for n in run.notices:
            typer.echo(str(n))
        c = run.counts
        mode = " (dry run: nothing written)" if dry_run else ""
        typer.echo(f"created {c['create']}, updated {c['update']}, unchanged "
                   f"{c['unchanged']}, not imported {c['refused']}{mode}")
        return exit_code(run.failed)

    _run(body, lang)


def register(target: typer.Typer) -> None:
    """Add `refs` and `import-motions` to a typer app (the main one, or a test's)."""
    target.command("refs")(refs)
    target.command("import-motions")(import_motions)


register(app)
