"""A dossier's timeline: dated, sourced events that rules may refer to by name."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from compliance.errors import Text as Both
from compliance.model.common import DateStr, DossierName, Kamerstuk, Name, Source, Strict, Text

EventKind = Literal["letter_sent", "letter_discussed", "written_consultation", "debate",
                    "council_meeting", "coreper_meeting", "vote", "other"]


class Event(Strict):
    id: Name
    kind: EventKind
    title: Text
    date: DateStr | None = Field(default=None, description="when it happened (YYYY-MM-DD, or YYYY-MM "
                                 "when only the month is known); absent when not known")
    not_happened_by: DateStr | None = Field(
        default=None, description="a date by which a source shows the event had not yet happened "
        "(use when the date itself is unknown)")
    kamerstuk: Kamerstuk | None = None
    tags: list[Name] = Field(default_factory=list, description="names a recurring duty counts "
                             "events by (e.g. a periodic report)")
    sources: list[Source] = Field(min_length=1)
    notes: Text | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Event:
        if self.date is not None and self.not_happened_by is not None:
            raise ValueError(Both("give either 'date' or 'not_happened_by', not both",
                              "geef 'date' of 'not_happened_by', niet beide"))
        return self


class Timeline(Strict):
    dossier: DossierName
    events: list[Event] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique(self) -> Timeline:
        ids = [e.id for e in self.events]
        if len(set(ids)) != len(ids):
            raise ValueError(Both("event ids must be unique",
                              "id's van gebeurtenissen moeten uniek zijn"))
        return self
