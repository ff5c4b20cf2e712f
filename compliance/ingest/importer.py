"""Reading letters for `refs` and merging open-data answers into motion records for
`import-motions`: the work of those commands, callable without the CLI.

Every bad input is an InputErrors (``file:line:col: problem — how to fix``); a failed
download is the client's FetchError.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.errors import InputError, InputErrors, Text, msg, same
from compliance.loading.textfile import read_text_file
from compliance.text_safety import excerpt

REFS_FORMATS = ("text", "json", "markdown")

MAX_BYTES = 20 * 1024 * 1024


def read_text(path: Path) -> str:
    """A UTF-8 letter, or InputErrors that say where and why it cannot be read."""
    return read_text_file(path, max_bytes=MAX_BYTES, what=Text("plain text (extract PDF text with pdftotext)",
                                                               "platte tekst (haal de tekst uit een pdf met "
                                                               "pdftotext)"))


def _known(workspace: Path) -> Any:
    from compliance.ingest.crossref import Known

    if not (workspace / "motions").is_dir():
        return Known()
    from compliance.loading.workspace import load_workspace

    ws = load_workspace(workspace)
    return Known.from_records([m.record for m in ws.motions.values()], set(ws.rules))


def refs(files: list[Path], workspace: Path, fmt: str = "text") -> str:
    """The Kamerstuk citations, motion mentions and dates of letters, cross-referenced with
    the workspace (record and rules, record only, or neither), in a format of REFS_FORMATS."""
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
    render = {"text": crossref.render_text, "json": crossref.render_json,
              "markdown": crossref.render_markdown}[fmt]
    return render(items)


def _parse_kamerstuk(value: str) -> tuple[str, int]:
    from compliance.ingest.refs import extract

    text = value if any(c.isalpha() for c in value) else f"Kamerstuk {value}"
    found = {k for c in extract(text).citations for k in c.kamerstukken}
    if len(found) != 1:
        raise InputErrors([InputError("--kamerstuk", 1, 1, Text(f"{value!r} is not one Kamerstuk",
                                                                f"{value!r} is geen Kamerstuknummer"),
                                      Text("write DOSSIER-NR, e.g. 26643-1011",
                                           "schrijf DOSSIER-NR, bijv. 26643-1011"))])
    return found.pop()


def _load_json(path: Path) -> list[dict[str, Any]]:
    from compliance.ingest.opendata import ShapeError, zaken_from_json

    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise InputErrors([InputError(str(path), e.lineno, e.colno, Text(f"invalid JSON: {e.msg}",
                                                                         f"ongeldige JSON: {e.msg}"),
                                      Text("fix the JSON near here; save the API's answer unchanged",
                                           "herstel de JSON hier; bewaar het antwoord van de API "
                                           "ongewijzigd"))
                           ]) from None
    except (RecursionError, ValueError) as e:  # nesting too deep, a 5,000-digit integer
        from compliance.text_safety import excerpt

        problem = msg("e_nesting_too_deep") if isinstance(e, RecursionError) else same(excerpt(e, 120))
        raise InputErrors([InputError(str(path), 1, 1, Text(f"not an OData answer: {problem}",
                                                            f"geen OData-antwoord: {problem.nl}"),
                                      Text("save the API's answer unchanged",
                                           "bewaar het antwoord van de API ongewijzigd"))]) from None
    try:
        return zaken_from_json(data)
    except ShapeError as e:
        where = f" at {e.where}" if e.where else ""
        raise InputErrors([InputError(str(path), 1, 1, same(f"{e.problem}{where}"),
                                      Text("give an OData answer about Zaak rows (a JSON object with a "
                                           "'value' list)", "geef een OData-antwoord over Zaak-rijen (een "
                                           "JSON-object met een lijst 'value')"))]) from None


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
        raise InputErrors([doc.error((), Text("a motion record must be a mapping",
                                              "een motierecord moet een mapping zijn"),
                                     Text("fix or remove the file", "herstel of verwijder het bestand"))])
    return path, read_text(path), doc.data


@dataclass
class ImportRun:
    """What an import did: the diff of every record it touched, notices, counts per action."""

    diffs: list[str] = field(default_factory=list)
    notices: list[Any] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: {"create": 0, "update": 0, "unchanged": 0,
                                                            "refused": 0})

    @property
    def failed(self) -> bool:
        """Something was not imported, or the API failed for a motion."""
        return self.counts["refused"] > 0 or any(n.level == "error" for n in self.notices)


DOSSIER_NAME = re.compile(r"[a-z][a-z0-9-]{0,62}")  # DossierName (compliance.model.common)


def import_motions(from_files: list[Path], kamerstukken: list[str], workspace: Path, *,
                   dossier: str = "unassigned", dry_run: bool = False, force: bool = False,
                   client: Callable[[], Any] | None = None) -> ImportRun:
    """Create or update motion records from saved OData answers and live look-ups.

    Merges: clauses, execution statements, notes, titles and dossiers are never
    overwritten. ``client`` makes the live API client (only called for --kamerstuk)."""
    from compliance.ingest import opendata
    from compliance.schemas import load as load_schema

    if not from_files and not kamerstukken:
        raise InputErrors([InputError("import-motions", 1, 1, Text("nothing to import",
                                                                   "niets te importeren"),
                                      Text("give --from FILE or --kamerstuk DOSSIER-NR",
                                           "geef --from BESTAND of --kamerstuk DOSSIER-NR"))])
    jobs: list[tuple[dict[str, Any], tuple[str, int] | None]] = []
    errors: list[InputError] = []
    if not DOSSIER_NAME.fullmatch(dossier):  # bad input (exit 2), not a record refused later (exit 1)
        shown = excerpt(repr(dossier), 60)
        errors.append(InputError("--dossier", 1, 1, Text(f"{shown} is not a dossier name",
                                                         f"{shown} is geen dossiernaam"),
                                 Text("write a folder name under rules/: lower-case letters, digits and '-', "
                                      "e.g. my-dossier", "schrijf de naam van een map onder rules/: kleine "
                                      "letters, cijfers en '-', bijv. mijn-dossier")))
    for f in from_files:
        try:
            jobs += [(z, None) for z in _load_json(f)]
        except InputErrors as e:
            errors += e.errors
    wanted = []
    for k in kamerstukken:
        try:
            wanted.append(_parse_kamerstuk(k))
        except InputErrors as e:
            errors += e.errors
    if errors:
        raise InputErrors(errors)
    run = ImportRun()
    if wanted:
        if client is None:
            from compliance.ingest.client import OpenDataClient

            client = OpenDataClient
        api = client()
        try:
            for asked in wanted:
                rows = api.motions_by_kamerstuk(*asked)
                if not rows:
                    run.notices.append(opendata.Notice(f"{asked[0]}-{asked[1]}", "error",
                                                       "no motion with this number in open data"))
                jobs += [(z, asked) for z in rows]
        finally:
            api.close()

    schema = load_schema("motion")
    motions = workspace / "motions"
    pending: dict[Path, tuple[str | None, dict[str, Any] | None]] = {}
    for zaak, ref in jobs:
        imported = opendata.map_zaak(zaak, dossier_name=dossier, kamerstuk=ref)
        run.notices += imported.notices
        if imported.record is None:
            run.counts["refused"] += 1
            continue
        path, text, data = _existing(motions, imported.record["id"], imported.kamerstuk)
        if path in pending:  # the same motion twice in one run: build on the first
            text, data = pending[path]
        display = path.relative_to(workspace).as_posix() if path.is_relative_to(workspace) \
            else str(path)
        update = opendata.plan(imported.record, display, text, data, schema=schema, force=force)
        run.notices += update.notices
        run.counts[update.action] += 1
        if update.diff:
            run.diffs.append(update.diff)
        if update.new_text is not None and update.action in ("create", "update"):
            from compliance.loading.yaml_safe import load_text

            pending[path] = (update.new_text, load_text(update.new_text, display).data)
            if not dry_run:
                from compliance.reports import write_atomically

                write_atomically(path, update.new_text)
    run.notices = sorted(set(run.notices))
    return run
