"""Start a workspace of one's own: ``init`` (an empty workspace that validates and checks
clean), ``new dossier``, ``new motion`` (the record, from the House's open data when
given, a rule skeleton with each clause a TODO and a rule test that fails until the TODOs
are filled in), ``new position`` (every fact of the vocabulary as a comment with its
description). Files are written only where none exists; nothing is overwritten.
Walkthrough: docs/authoring.md, "Your first motion on your own dossier"."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import yaml

from compliance.errors import InputError, InputErrors, Text, msg, one_of
from compliance.loading.workspace import load_workspace_partial
from compliance.reports.writing import write_atomically

TODO = "TODO"
NAME = re.compile(r"^[a-z][a-z0-9-]{0,62}$")
KAMERSTUK = re.compile(r"^(\d{4,6})-(\d{1,5})$")
POSITION_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,80}$")  # as model.position.Position.id

README = """# Motion-compliance workspace

- `motions/`: one record per motion of the House (`compliance new motion DOSSIER-NR --dossier D`)
- `rules/<dossier>/`: the vocabulary (`dossier.yaml`), a `timeline.yaml`, one rule file per
  motion and rule tests under `tests/` (`compliance new dossier D`)
- `examples/positions/`: the cabinet's positions (`compliance new position --dossier D`)

Check everything: `compliance validate && compliance lint && compliance test --coverage
--min-coverage 100 && compliance check examples/positions`. The walkthrough is in the
motion-compliance docs: docs/authoring.md, "Your first motion on your own dossier".
"""

CI = """# CI snippet (GitHub Actions): copy to .github/workflows/compliance.yml
name: compliance
on: [push, pull_request]
jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: {python-version: "3.12"}
      - run: pip install motion-compliance
      - run: compliance validate
      - run: compliance lint
      - run: compliance test --coverage --min-coverage 100
      - run: compliance check examples/positions --fail-on undeclared
"""


def _err(where: str, problem: Text, fix: Text) -> InputErrors:
    return InputErrors([InputError(where, 1, 1, problem, fix)])


def _write(path: Path, text: str, written: list[Path]) -> None:
    # lexists: a link, even a dangling one, is an existing entry and is never written through
    if os.path.lexists(path):
        raise _err(str(path), msg("e_exists"), msg("e_exists_fix"))
    _folder(path.parent)
    write_atomically(path, text)  # a private temporary name: no planted '.tmp' is followed
    written.append(path)


def _folder(path: Path) -> None:
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise _err(str(path), Text(f"cannot make the folder: {e.strerror}",
                                   f"kan de map niet maken: {e.strerror}"),
                   Text("give a folder that can be created (not a file, and writable)",
                        "geef een map die gemaakt kan worden (geen bestand, en beschrijfbaar)")) from None


def init(root: Path) -> list[Path]:
    """An empty workspace: motions/, rules/, examples/positions/, a README, a CI snippet."""
    written: list[Path] = []
    for folder in ("motions", "rules", "examples/positions"):
        _folder(root / folder)
        keep = root / folder / ".gitkeep"
        if not os.path.lexists(keep):
            write_atomically(keep, "")
    _write(root / "README.md", README, written)
    _write(root / "ci" / "compliance.yml", CI, written)
    return written


def _text(nl: str, en: str) -> dict[str, str]:
    return {"nl": nl, "en": en}


def _dump(data: Any, header: str) -> str:
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    return header + body


def new_dossier(root: Path, name: str) -> list[Path]:
    """rules/NAME/: a vocabulary with one placeholder fact, an empty timeline, tests/."""
    if not NAME.match(name):
        raise _err("NAME", Text(f"{name!r} is not a dossier name", f"{name!r} is geen dossiernaam"),
                   Text("use lower case letters, digits and dashes, starting with a letter (e.g. "
                        "energy-prices)",
                        "gebruik kleine letters, cijfers en streepjes, te beginnen met een letter (bijv. "
                        "energieprijzen)"))
    folder = root / "rules" / name
    written: list[Path] = []
    vocab = {
        "dossier": name,
        "title": _text(f"{TODO}: titel van dossier {name}", f"{TODO}: title of dossier {name}"),
        "facts": {"todo_fact": {
            "type": "bool", "group": "cabinet",
            "description": _text(f"{TODO}: vervang dit feit door wat posities zeggen",
                                 f"{TODO}: replace this fact with what positions state")}},
    }
    _write(folder / "dossier.yaml", _dump(vocab, "# yaml-language-server: $schema=../../"
           "compliance/schemas/dossier.schema.json\n# The facts a position of this dossier may "
           "state. TODO: write them (docs/authoring.md).\n"), written)
    _write(folder / "timeline.yaml", _dump({"dossier": name, "events": []},
                                           "# Dated, sourced events that rules may refer to.\n"),
           written)
    (folder / "tests").mkdir(exist_ok=True)
    return written


def _record_from_open_data(path: Path, kamerstuk: tuple[str, int], dossier: str) -> dict[str, Any]:
    from compliance.ingest.opendata import map_zaak, zaken_from_json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise _err(str(path), Text(f"cannot read the open-data JSON: {e}",
                                   f"kan de opendata-JSON niet lezen: {e}"),
                   Text("give a file saved from the House's OData API (a Zaak with its Documents)",
                        "geef een bestand dat is bewaard uit de OData-API van de Kamer (een Zaak met zijn "
                        "Documenten)")) from None
    for zaak in zaken_from_json(data):
        got = map_zaak(zaak, dossier_name=dossier, kamerstuk=kamerstuk)
        if got.record is not None:
            return got.record
    ks = f"{kamerstuk[0]}-{kamerstuk[1]}"
    raise _err(str(path), Text(f"no motion {ks} in the open-data file",
                               f"geen motie {ks} in het opendatabestand"),
               Text("check the Kamerstuk number, or leave out --from-open-data",
                    "controleer het Kamerstuknummer, of laat --from-open-data weg"))


def new_motion(root: Path, kamerstuk: str, dossier: str, open_data: Path | None = None, *,
               draft: bool = False, dictum: str | None = None, lang: str = "en",
               report: list[str] | None = None, rule: bool = True) -> list[Path]:
    """motions/KAMERSTUK.yaml, rules/D/KAMERSTUK.yaml (each clause a TODO) and a rule test
    that fails until the TODOs are filled in. With ``draft``, the rule is drafted from the
    dictum (or the record's requests) and written instead of the skeleton when it loads and
    its tests pass; otherwise the skeleton stays and ``report`` says what blocks the draft."""
    m = KAMERSTUK.match(kamerstuk)
    if not m:
        raise _err("KAMERSTUK", Text(f"{kamerstuk!r} is not a Kamerstuk number",
                                     f"{kamerstuk!r} is geen Kamerstuknummer"),
                   Text("write DOSSIER-NUMBER, e.g. 36848-66", "schrijf DOSSIER-NUMMER, bijv. 36848-66"))
    if int(m[2]) < 1:  # the loader refuses number 0: writing it would break the workspace
        raise _err("KAMERSTUK", Text(f"{kamerstuk!r}: motion number {int(m[2])} does not exist "
                                     "(Kamerstuk numbers start at 1)",
                                     f"{kamerstuk!r}: motienummer {int(m[2])} bestaat niet "
                                     "(Kamerstuknummers beginnen bij 1)"),
                   Text("write DOSSIER-NUMBER with a number of at least 1, e.g. 36848-66",
                        "schrijf DOSSIER-NUMMER met een nummer van ten minste 1, bijv. 36848-66"))
    if not (root / "rules" / dossier / "dossier.yaml").is_file():
        raise _err("--dossier", msg("e_no_dossier", dossier=dossier),
                   Text(f"run 'compliance new dossier {dossier}' first",
                        f"voer eerst 'compliance new dossier {dossier}' uit"))
    motion_id = f"{m[1]}-{int(m[2])}"
    ks = (m[1], int(m[2]))
    if open_data is not None:
        record = _record_from_open_data(open_data, ks, dossier)
        motion_id = record.get("id", motion_id)
    else:
        record = {
            "id": motion_id, "kamerstuk": {"dossier": ks[0], "number": ks[1]},
            "short_name": f"{TODO}: Motie ...",
            "title": _text(f"{TODO}: titel", f"{TODO}: title"),
            "submitters": [{"name": TODO, "party": TODO, "first": True}],
            "dates": {}, "result": "unknown",
            "clauses": [{"number": 1, "request": _text(f"{TODO}: wat het dictum vraagt, in eigen "
                                                       "woorden", f"{TODO}: what the clause asks, "
                                                       "in your own words")}],
            "dossiers": [dossier], "sources": [{"title": f"{TODO}: Kamerstuk {ks[0]}, nr. {ks[1]}"}],
        }
    if draft and dictum is not None and all(
            str((c.get("request") or {}).get("en", "")).startswith(("TODO", "To be written"))
            for c in record.get("clauses") or []):
        # one clause per request of the dictum, each still to be put in the project's own words
        from compliance.authoring.draft_rule import split_clauses

        record["clauses"] = [{"number": n, "request": _text(
            f"{TODO}: wat dictum {n} vraagt, in eigen woorden", f"{TODO}: what clause {n} asks, in "
            "your own words")} for n in range(1, len(split_clauses(dictum)) + 1)] or record["clauses"]
    written: list[Path] = []
    _write(root / "motions" / f"{motion_id}.yaml", _dump(record, "# yaml-language-server: $schema="
           "../compliance/schemas/motion.schema.json\n# TODO: check every field against the "
           "Kamerstuk; encode the clauses in your own words.\n"), written)
    if not rule:  # the record only: the workbench's rule editor drafts and saves the rule
        return written
    if draft:
        from compliance.authoring.draft_rule import draft_motion, render_report

        drafted = draft_motion(root, motion_id, dossier, dictum, lang)
        if report is not None:
            report.append(render_report(drafted, lang))
        if not drafted.blockers and drafted.rule_text and drafted.tests_text:
            _write(root / "rules" / dossier / f"{motion_id}.yaml", drafted.rule_text, written)
            _write(root / "rules" / dossier / "tests" / f"{motion_id}.yaml", drafted.tests_text, written)
            return written
    numbers = [c["number"] for c in record.get("clauses") or []] or [1]
    clauses = "".join(
        f"      - clause: {n}\n"
        f"        # TODO: when does a position conflict with clause {n}? Replace todo_fact by the\n"
        f"        # facts of rules/{dossier}/dossier.yaml (or use deadline:/recurring:).\n"
        f"        conflicts_when: {{fact: todo_fact, equals: false}}\n"
        f"        messages:\n"
        f"          conflicts: {{nl: \"{TODO}: waarom strijdig\", en: \"{TODO}: why it conflicts\"}}\n"
        f"          complies: {{nl: \"{TODO}: waarom in lijn\", en: \"{TODO}: why it complies\"}}\n"
        for n in numbers)
    _write(root / "rules" / dossier / f"{motion_id}.yaml",
           f"# yaml-language-server: $schema=../../compliance/schemas/rules.schema.json\n"
           f"motion: {motion_id}\ndossier: {dossier}\ninterpretations:\n"
           f"  - name: literal\n"
           f"    title: {{nl: \"{TODO}: lezing\", en: \"{TODO}: reading\"}}\n"
           f"    rationale: {{nl: \"{TODO}: waarom deze lezing\", en: \"{TODO}: why this reading\"}}\n"
           f"    clauses:\n{clauses}", written)
    cases = "".join(
        f"  - name: \"{TODO}: fill in the facts of a position that complies with clause {n}, then "
        f"add a case that conflicts\"\n"
        f"    facts: {{}}  # {TODO}: the facts of that position\n"
        f"    expect:\n      {motion_id}#{n}: complies\n"
        for n in numbers)
    _write(root / "rules" / dossier / "tests" / f"{motion_id}.yaml",
           f"# yaml-language-server: $schema=../../../compliance/schemas/rule-tests.schema.json\n"
           f"# Fails until the TODOs are filled in: each case names what to write.\n"
           f"tests:\n{cases}", written)
    return written


def new_position(root: Path, dossier: str, position_id: str | None = None) -> list[Path]:
    """examples/positions/<id>.yaml listing every fact of the vocabulary as a comment."""
    ws, _ = load_workspace_partial(root)  # only the vocabulary matters; rules may be half-done
    vocab = ws.vocabularies.get(dossier)
    if vocab is None:
        raise _err("--dossier", msg("e_no_dossier", dossier=dossier), one_of(ws.vocabularies))
    pid = f"nl-todo-{dossier}" if position_id is None else position_id
    if not POSITION_ID.fullmatch(pid):
        raise _err("--id", Text(f"{pid!r} is not a position id", f"{pid!r} is geen positie-id"),
                   Text("use lower-case letters, digits and '-' (e.g. nl-2026-01-15-kamerbrief)",
                        "gebruik kleine letters, cijfers en '-' (bijv. nl-2026-01-15-kamerbrief)"))
    lines = [
        "# yaml-language-server: $schema=../../compliance/schemas/position.schema.json",
        f"# TODO: a position of the cabinet on {dossier}; state only what the source supports",
        "# (a fact left out is unknown, and the verdict then says which fact would decide).",
        f"id: {pid}", f"dossier: {dossier}", "date: 2026-01-01  # TODO: the date of the letter",
        f"actor: \"{TODO}: minister or state secretary\"",
        f"source: {{title: \"{TODO}: Kamerbrief ...\"}}",
        f"summary: {{nl: \"{TODO}: samenvatting\", en: \"{TODO}: summary\"}}",
        "facts: {}  # TODO: uncomment and fill in the facts below (then remove '{}')",
    ]
    for name, fact in sorted(vocab.model.facts.items()):
        lines.append(f"#  {name}:  # {fact.type}: {fact.description.en}")
        if fact.values:
            lines.append(f"#    # values: {', '.join(fact.values)}")
        lines.append("#    value: ...")
        lines.append("#    where: \"the sentence of the source that says so\"")
    written: list[Path] = []
    _write(root / "examples" / "positions" / f"{pid}.yaml", "\n".join(lines) + "\n", written)
    return written
