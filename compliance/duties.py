"""`compliance duties`: every duty of conduct of a dossier (deadlines, recurring reports,
informing the House) with its state as of a date and the evidence for it: the overview a
ministry keeps of adopted motions and their execution. Also what the JSON report's
``duties`` and `check --fail-on overdue-duty` read.

The evaluation date: ``--as-of``, else the date of the latest position of the dossier
among those read (so the same files give the same overview on any day); the positions are
read for their declarations only ("met deze brief geef ik uitvoering aan ...": evidence of
the event a duty awaits, on the letter's date).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from compliance.api import DEFAULT_POSITIONS, load_positions, load_workspace
from compliance.dates import PartialDate
from compliance.errors import InputError, InputErrors, Text, did_you_mean, msg, one_of
from compliance.evaluate.duties import letters_of, reached_overdue
from compliance.evaluate.duty_list import as_of_dates, dates_of, duties
from compliance.model.common import Lang
from compliance.model.output import Duty


def overview(workspace: Path, dossier: str | None = None, as_of: str | None = None,
             lang: Lang = "nl", paths: list[Path] | None = None,
             interpretations: dict[str, str] | None = None) -> list[Duty]:
    """Every duty of the dossier (or of every dossier) with its state. Raises InputErrors for
    a dossier the workspace does not have."""
    ws = load_workspace(workspace)
    ws.check_interpretations(interpretations)
    if dossier is not None and dossier not in ws.vocabularies:
        raise InputErrors([InputError("--dossier", 1, 1, msg("e_no_dossier", dossier=dossier),
                                      did_you_mean(dossier, ws.vocabularies) or one_of(ws.vocabularies))])
    folder = workspace / DEFAULT_POSITIONS
    given = paths or ([folder] if folder.is_dir() else [])
    positions = load_positions(ws, given) if given else []
    wanted = [dossier] if dossier is not None else sorted(ws.vocabularies)
    positions = [p for p in positions if p.model.dossier in wanted]
    when = as_of_dates(dates_of(positions), as_of)
    if as_of is not None:
        when = {d: PartialDate.parse(as_of) for d in wanted}
    missing = [d for d in wanted if d not in when]
    if missing:
        which = ", ".join(missing)
        problem = Text(f"no position of dossier {which} to take the date from",
                       f"geen positie van dossier {which} om de datum uit te nemen")
        raise InputErrors([InputError("--as-of", 1, 1, problem,
                                      Text("give the date with --as-of YYYY-MM-DD",
                                           "geef de datum met --as-of JJJJ-MM-DD"))])
    return duties(ws, wanted, when, letters_of(positions, lang), lang, interpretations)


def overdue(found: Iterable[Duty]) -> list[Duty]:
    """What `--fail-on overdue-duty` fails on: an overdue duty of an adopted motion."""
    return reached_overdue(found)


__all__ = ["overdue", "overview"]
