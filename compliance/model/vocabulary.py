"""A dossier's vocabulary: the facts a position may state and named concepts over them."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, model_validator

from compliance.errors import Text as Both
from compliance.model.common import DossierName, Name, Source, Strict, Text
from compliance.model.cues import DossierCues, FactCues


class ValueText(Text):
    """An enum or set value's meaning; a vocabulary grows by adding values and retires
    them by marking them deprecated (positions that use one still load; lint warns)."""

    deprecated: bool = Field(default=False, description="kept so old positions load; do not use")
    use_instead: Name | None = Field(default=None, description="the value to write instead")


FactType = Literal["bool", "enum", "set", "number", "date", "text"]


class FactDef(Strict):
    type: FactType
    group: Literal["text", "cabinet", "process"] = Field(
        description="text: about the text or proposal on the table (in the standing position it "
        "carries over only while it is the same text, see the dossier's text_identity); cabinet: "
        "what the cabinet will do; process: where the procedure stands")
    description: Text
    values: dict[Name, ValueText] | None = Field(
        default=None, description="allowed values (enum and set only), each with its meaning")
    unit: str | None = None
    deprecated: bool = Field(default=False, description="a fact kept so old positions load: "
                             "rules should no longer read it; lint warns where a position states it")
    cues: FactCues | None = Field(default=None, description="how a letter shows this fact (compliance draft)")
    describes: Literal["text"] | None = Field(
        default=None, description="text: the fact is about one text or proposal on the table (a "
        "vote on it, accepting what it holds) although its group is cabinet or process; facts of "
        "group text always are. In the standing position such a fact carries over only while it "
        "is the same text (the dossier's text_identity)")
    subjects: list[Name] = Field(default_factory=list, description="the dossier's subjects this fact "
                                 "belongs to (ids from the dossier's 'subjects'); one or more when "
                                 "the dossier declares subjects")

    @model_validator(mode="after")
    def _values_iff_enum(self) -> FactDef:
        if (self.type in ("enum", "set")) != bool(self.values):
            raise ValueError(Both("'values' is required for enum and set facts and only for them",
                              "'values' is verplicht voor keuzefeiten (enum) en verzamelingsfeiten (set), "
                              "en alleen voor die"))
        return self


    def about_a_text(self) -> bool:
        return self.group == "text" or self.describes == "text"


class ConceptDef(Strict):
    description: Text
    when: dict[str, Any] = Field(description="a condition over facts and other concepts")


class Vocabulary(Strict):
    dossier: DossierName
    title: Text
    proposal: str | None = None
    subjects: dict[Name, Text] = Field(
        default_factory=dict, description="what the debate of this dossier is about (subject id -> "
        "nl/en name): a motion clause applies only to positions that address one of its subjects "
        "(docs/applicability.md); absent: every clause applies to every position of the dossier")
    text_identity: list[Name] = Field(
        default_factory=list, description="the facts that tell which text or proposal is on the "
        "table (e.g. presidency and stage): in the standing position a fact of group 'text' "
        "carries over only while these facts are the same (docs/applicability.md); absent: text "
        "facts never carry over")
    facts: dict[Name, FactDef] = Field(min_length=1)
    concepts: dict[Name, ConceptDef] = Field(default_factory=dict)
    step_kinds: dict[Name, Text] = Field(
        default_factory=dict, description="kinds of planned steps a position may list")
    sources: list[Source] = Field(default_factory=list)
    cues: DossierCues | None = Field(default=None, description="passages, steps and declarations "
                                     "in letters (compliance draft)")
