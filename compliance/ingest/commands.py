"""The `refs` and `import-motions` commands: read files, call the pure core, print.

Exit codes: 0 done; 1 the import could not complete (the API failed, or a record
would not validate or was refused); 2 bad input (unreadable file, bad JSON, a bad
option value), reported as ``file:line:col: problem — how to fix``.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from compliance.errors import InputError, InputErrors
from compliance.loading.textfile import read_text_file

MAX_BYTES = 20 * 1024 * 1024


class RefsFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"


WorkspaceOpt = Annotated[Path, typer.Option("--workspace", "-w", help="folder with motions/ and "
                                            "rules/ (default: the current folder)")]


def _run(fn: Callable[[], int]) -> None:
    """The CLI's error handling, with a failed download as exit 1."""
    from compliance.cli import guarded
    from compliance.ingest.client import FetchError

    guarded(fn, (FetchError,))


def read_text(path: Path) -> str:
    """A UTF-8 letter, or InputErrors that say where and why it cannot be read."""
    return read_text_file(path, max_bytes=MAX_BYTES, what="plain text (extract PDF text with pdftotext)")


def _known(workspace: Path) -> Any:
    from compliance.ingest.crossref import Known

    if not (workspace / "motions").is_dir():
        return Known()
    from compliance.loading.workspace import load_workspace

    ws = load_workspace(workspace)
    return Known.from_records([m.record for m in ws.motions.values()], set(ws.rules))


def refs(
    files: Annotated[list[Path], typer.Argument(help="plain-text letters (e.g. from pdftotext)")],
    workspace: WorkspaceOpt = Path("."),
    fmt: Annotated[RefsFormat, typer.Option("--format", "-f", help="output format")]
    = RefsFormat.text,
) -> None:
    """List the Kamerstuk citations, motion mentions and dates in letters.

    Cited motions are checked against the workspace: record and rules, record only, or
    neither. Exit 0: done; 2: a file cannot be read."""

    def body() -> int:
        from compliance.ingest import crossref
        from compliance.ingest.refs import extract

        texts: list[tuple[str, str]] = []
        errors: list[InputError] = []
        for f in files:
            try:
                texts.append((str(f), read_text(f)))
            except InputErrors as e:
                errors += e.errors
        if errors:
            raise InputErrors(errors)
        known = _known(workspace)
        items = []
        for name, text in texts:
            found = extract(text)
            items.append(crossref.as_data(name, found, crossref.cross_reference(found, known)))
        render = {RefsFormat.text: crossref.render_text, RefsFormat.json: crossref.render_json,
                  RefsFormat.markdown: crossref.render_markdown}[fmt]
        sys.stdout.write(render(items))
        return 0

    _run(body)


def _client() -> Any:
    """The live API client; tests replace this to inject a stub transport."""
    from compliance.ingest.client import OpenDataClient

    return OpenDataClient()


def _parse_kamerstuk(value: str) -> tuple[str, int]:
    from compliance.ingest.refs import extract

    text = value if any(c.isalpha() for c in value) else f"Kamerstuk {value}"
    found = {k for c in extract(text).citations for k in c.kamerstukken}
    if len(found) != 1:
        raise InputErrors([InputError("--kamerstuk", 1, 1, f"{value!r} is not one Kamerstuk",
                                      "write DOSSIER-NR, e.g. 26643-1011")])
    return found.pop()


def _load_json(path: Path) -> list[dict[str, Any]]:
    from compliance.ingest.opendata import ShapeError, zaken_from_json

    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputErrors([InputError(str(path), e.lineno, e.colno, f"invalid JSON: {e.msg}",
                                      "fix the JSON near here; save the API's answer unchanged")
                           ]) from None
    try:
        return zaken_from_json(data)
    except ShapeError as e:
        where = f" at {e.where}" if e.where else ""
        raise InputErrors([InputError(str(path), 1, 1, f"{e.problem}{where}",
                                      "give an OData answer about Zaak rows "
                                      "(a JSON object with a 'value' list)")]) from None


def _existing(motions: Path, record_id: str,
              kamerstuk: tuple[str, int] | None) -> tuple[Path, str | None, dict[str, Any] | None]:
    """The record file this import updates: same id, else same Kamerstuk, else a new file."""
    from compliance.loading.yaml_safe import load_file

    target = motions / f"{record_id}.yaml"
    candidates = [target] if target.is_file() else []
    if not candidates and kamerstuk and motions.is_dir():
        for p in sorted(motions.glob("*.yaml")):
            data = load_file(p).data
            ks = data.get("kamerstuk") if isinstance(data, dict) else None
            if isinstance(ks, dict) and (str(ks.get("dossier")), ks.get("number")) == kamerstuk:
                candidates = [p]
                break
    if not candidates:
        return target, None, None
    path = candidates[0]
    doc = load_file(path)
    if not isinstance(doc.data, dict):
        raise InputErrors([doc.error((), "a motion record must be a mapping",
                                     "fix or remove the file")])
    return path, read_text(path), doc.data


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
) -> None:
    """Create or update motion records from the House's open data.

    Shows the diff first and merges: clauses, execution statements, notes, titles and
    dossiers are never overwritten. Exit 0: done; 1: something was not imported or the
    API failed; 2: bad input."""

    def body() -> int:
        from compliance.ingest import opendata
        from compliance.schemas import load as load_schema

        if not from_files and not kamerstuk:
            raise InputErrors([InputError("import-motions", 1, 1, "nothing to import",
                                          "give --from FILE or --kamerstuk DOSSIER-NR")])
        jobs: list[tuple[dict[str, Any], tuple[str, int] | None]] = []
        errors: list[InputError] = []
        for f in from_files or []:
            try:
                jobs += [(z, None) for z in _load_json(f)]
            except InputErrors as e:
                errors += e.errors
        wanted = []
        for k in kamerstuk or []:
            try:
                wanted.append(_parse_kamerstuk(k))
            except InputErrors as e:
                errors += e.errors
        if errors:
            raise InputErrors(errors)
        notices: list[opendata.Notice] = []
        if wanted:
            client = _client()
            try:
                for ref in wanted:
                    rows = client.motions_by_kamerstuk(*ref)
                    if not rows:
                        notices.append(opendata.Notice(f"{ref[0]}-{ref[1]}", "error",
                                                       "no motion with this number in open data"))
                    jobs += [(z, ref) for z in rows]
            finally:
                client.close()

        schema = load_schema("motion")
        motions = workspace / "motions"
        pending: dict[Path, tuple[str | None, dict[str, Any] | None]] = {}
        counts = {"create": 0, "update": 0, "unchanged": 0, "refused": 0}
        for zaak, ref in jobs:
            imported = opendata.map_zaak(zaak, dossier_name=dossier, kamerstuk=ref)
            notices += imported.notices
            if imported.record is None:
                counts["refused"] += 1
                continue
            path, text, data = _existing(motions, imported.record["id"], imported.kamerstuk)
            if path in pending:  # the same motion twice in one run: build on the first
                text, data = pending[path]
            display = path.relative_to(workspace).as_posix() if path.is_relative_to(workspace) \
                else str(path)
            update = opendata.plan(imported.record, display, text, data, schema=schema,
                                   force=force)
            notices += update.notices
            counts[update.action] += 1
            if update.diff:  # texts from the open data: shown as safe lines
                from compliance.text_safety import line

                sys.stdout.write("".join(line(x) + "\n" for x in update.diff.splitlines()))
            if update.new_text is not None and update.action in ("create", "update"):
                from compliance.loading.yaml_safe import load_text

                pending[path] = (update.new_text, load_text(update.new_text, display).data)
                if not dry_run:
                    from compliance.reports import write_atomically

                    write_atomically(path, update.new_text)
        for n in sorted(set(notices)):
            typer.echo(str(n))
        mode = " (dry run: nothing written)" if dry_run else ""
        typer.echo(f"created {counts['create']}, updated {counts['update']}, unchanged "
                   f"{counts['unchanged']}, not imported {counts['refused']}{mode}")
        return 1 if any(n.level == "error" for n in notices) else 0

    _run(body)


def register(app: typer.Typer) -> None:
    """Add `refs` and `import-motions` to the main CLI."""
    app.command("refs")(refs)
    app.command("import-motions")(import_motions)
