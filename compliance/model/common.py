"""Building blocks shared by every input file: bilingual text, dates, references."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from compliance.dates import DATE_PATTERN, PartialDate

Lang = Literal["nl", "en"]
LANGS: tuple[Lang, ...] = ("nl", "en")


def _check_date(text: str) -> str:
    PartialDate.parse(text)  # raises ValueError with a readable message
    return text


DateStr = Annotated[
    str,
    Field(pattern=DATE_PATTERN, description="YYYY-MM-DD, or YYYY-MM / YYYY when the day is unknown"),
    AfterValidator(_check_date),
]
Name = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,62}$")]
DossierName = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]{0,62}$",
                                   description="the dossier's folder name under rules/")]
MotionId = Annotated[
    str,
    Field(pattern=r"^[0-9]{4,6}-[0-9]{1,5}$|^provisional-[a-z0-9-]+$",
          description="DOSSIER-NR, e.g. 26643-885; 'provisional-...' while the number is unknown"),
]


class Strict(BaseModel):
    # built on first use: a command builds only the models it validates (cold start)
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Text(Strict):
    """The same text in Dutch and in English; both are required."""

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: Lang) -> str:
        return self.nl if lang == "nl" else self.en


class Kamerstuk(Strict):
    """A parliamentary paper: dossier number(s) and sequence number."""

    dossier: str = Field(pattern=r"^[0-9]{4,6}(-[A-Z]+)?(/[0-9]{4,6}(-[A-Z]+)?)*$",
                         description="dossier number without spaces, e.g. 26643 or 26643/34843")
    number: int = Field(ge=1)

    def cite(self, lang: Lang = "nl") -> str:
        dossiers = " / ".join(_spaced(d) for d in self.dossier.split("/"))
        # "Kamerstuk" is the citation form in both languages, as in English-language
        # commentary on Dutch parliamentary papers.
        return f"Kamerstuk {dossiers}, nr. {self.number}"


def _spaced(dossier: str) -> str:
    digits, _, suffix = dossier.partition("-")
    spaced = f"{digits[:-3]} {digits[-3:]}" if len(digits) > 3 else digits
    return f"{spaced} {suffix}".strip()


class Source(Strict):
    """Where something is written down."""

    title: str = Field(min_length=1)
    kamerstuk: Kamerstuk | None = None
    date: DateStr | None = None
    url: str | None = Field(default=None, pattern=r"^https?://")
    where: str | None = Field(default=None, description="section, page or paragraph in the document")
    certainty: Literal["verified", "inferred"] = "verified"

    def cite(self, lang: Lang = "nl") -> str:
        parts = [self.title]
        if self.kamerstuk:
            parts.append(self.kamerstuk.cite(lang))
        if self.date:
            parts.append(self.date)
        if self.where:
            parts.append(self.where)
        return ", ".join(parts)
