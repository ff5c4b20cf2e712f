"""Load a dossier's timeline (rules/<dossier>/timeline.yaml) and answer, three-valued,
whether an event had happened by a given (possibly partial) date."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.dates import PartialDate
from compliance.errors import InputError, InputErrors, Text, msg
from compliance.loading.validate import load_checked
from compliance.loading.yaml_safe import Document, load_file
from compliance.logic import FALSE, UNKNOWN, Truth
from compliance.model.timeline import Event, Timeline

TIMELINE_FILE = "timeline.yaml"


@dataclass
class LoadedTimeline:
    dossier: str
    file: str | None = None
    doc: Document | None = None
    events: dict[str, Event] = field(default_factory=dict)

    def happened(self, name: str, when: PartialDate) -> Truth:
        """Had the event happened by ``when``? Unknown when the dates overlap or the
        event's date is not known; false only where a source shows it had not."""
        event = self.events[name]
        if event.date is not None:
            return PartialDate.parse(event.date).on_or_before(when)
        if event.not_happened_by is not None \
                and when.last <= PartialDate.parse(event.not_happened_by).first:
            return FALSE
        return UNKNOWN

    def line(self, name: str) -> int | None:
        if self.doc is None:
            return None
        index = list(self.events).index(name)
        return self.doc.loc(("events", index))[0]

    def sorted_events(self) -> list[Event]:
        """Events in date order (undated last), ties in file order."""
        def key(item: tuple[int, Event]) -> tuple[int, Any, Any, int]:
            i, e = item
            if e.date is None:
                return (1, None, None, i)
            d = PartialDate.parse(e.date)
            return (0, d.first, d.last, i)
        return [e for _, e in sorted(enumerate(self.events.values()), key=key)]


def load_timeline(folder: Path, display: str, dossier: str, errors: list[InputError]) -> LoadedTimeline:
    """The dossier's timeline; an empty one when the file is absent (every event unknown)."""
    path = folder / TIMELINE_FILE
    if not path.is_file():
        return LoadedTimeline(dossier)
    try:
        doc = load_file(path, display)
    except InputErrors as e:
        errors.extend(e.errors)
        return LoadedTimeline(dossier)
    if doc.data is None:
        errors.append(InputError(doc.file, 1, 1, msg("e_file_empty"),
                                 Text("write 'dossier:' and 'events:'", "schrijf 'dossier:' en 'events:'")))
        return LoadedTimeline(dossier)
    model, errs = load_checked(doc, "timeline", Timeline)
    errors.extend(errs)
    if model is None:
        return LoadedTimeline(dossier)
    if model.dossier != dossier:
        errors.append(doc.error(("dossier",), msg("e_dossier_mismatch", what=Text("timeline", "de tijdlijn"),
                                                  said=model.dossier, dossier=dossier),
                                msg("e_write_dossier_fix", dossier=dossier)))
    return LoadedTimeline(dossier, doc.file, doc, {e.id: e for e in model.events})
