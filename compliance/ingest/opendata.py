"""From the Tweede Kamer's open data (OData v4 JSON) to motion records, and merging an
import into a record that a person has already edited.

Pure: no files, no network. The House's data is authoritative for who submitted a
motion, its number, the vote, the result and the cabinet's appraisal; people are
authoritative for everything the data cannot know (what the motion asks, in the
project's own words; execution statements; notes; the project dossier; the titles
once written). Open data holds rows marked ``Verwijderd`` and enum values newer than
this program: both are reported and skipped, never fatal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml

from compliance.model.motion import MotionRecord
from compliance.text_safety import excerpt

BASE_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
SCHEMA_HEADER = "# yaml-language-server: $schema=../compliance/schemas/motion.schema.json"
FIELD_ORDER = tuple(f.alias or name for name, f in MotionRecord.model_fields.items())

Level = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Notice:
    subject: str  # zaak number or record id
    level: Level
    message: str

    def __str__(self) -> str:
        return f"{self.subject}: {self.level}: {self.message}"


class ShapeError(ValueError):
    """The JSON is valid but is not an OData answer about cases (zaken)."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where, self.problem = where, problem


@dataclass
class Imported:
    zaak: str
    record: dict[str, Any] | None  # None when the case cannot become a record
    notices: list[Notice] = field(default_factory=list)
    kamerstuk: tuple[str, int] | None = None


# -- reading the OData answer --------------------------------------------------------------


def zaken_from_json(data: Any) -> list[dict[str, Any]]:
    """The case rows of an OData answer: ``{"value": [...]}``, a list, or one case."""
    if isinstance(data, dict) and "value" in data:
        rows = data["value"]
        where = "value"
    elif isinstance(data, dict):
        rows, where = [data], ""
    elif isinstance(data, list):
        rows, where = data, ""
    else:
        raise ShapeError("", "expected a JSON object with a 'value' list of Zaak objects")
    if not isinstance(rows, list):
        raise ShapeError(where, "expected a list of Zaak objects")
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise ShapeError(f"{where}[{i}]" if where else f"[{i}]", "expected a Zaak object")
    return rows


def _rows(parent: dict[str, Any], name: str, subject: str,
          notices: list[Notice]) -> list[dict[str, Any]]:
    """Live related rows; deleted rows are counted in a notice, odd values skipped."""
    raw = parent.get(name)
    if raw is None:
        return []
    items = raw if isinstance(raw, list) else [raw]
    live = []
    deleted = 0
    for item in items:
        if not isinstance(item, dict):
            notices.append(Notice(subject, "warning",
                                  f"{name}: skipped a value that is not an object"))
        elif item.get("Verwijderd") is True:
            deleted += 1
        else:
            live.append(item)
    if deleted:
        notices.append(Notice(subject, "info",
                              f"{name}: skipped {deleted} row(s) marked Verwijderd (deleted)"))
    return live


def _norm(value: Any) -> str:
    return " ".join(str(value).replace(".", " ").split()).casefold() if value is not None else ""


# -- appraisal -----------------------------------------------------------------------------

APPRAISALS: dict[str, str] = {
    "overgenomen": "overgenomen",
    "ontraden": "ontraden",
    "ontraden tenzij gewijzigd": "ontraden_tenzij_gewijzigd",
    "oordeel kamer": "oordeel_kamer",
    "oordeel aan de kamer": "oordeel_kamer",
    "verzocht motie aan te houden": "verzocht_aan_te_houden",
    "verzocht aan te houden": "verzocht_aan_te_houden",
    "geen (expliciete) appreciatie": "geen_appreciatie",
    "geen expliciete appreciatie": "geen_appreciatie",
    "geen appreciatie": "geen_appreciatie",
}
# documented values that say the appraisal is not (yet) known: onbekend, without alarm
NOT_KNOWN = {"nog niet bekend", "nog te ontvangen", "niet beschikbaar"}


def map_appraisal(value: Any, subject: str, notices: list[Notice]) -> str | None:
    if value is None or not str(value).strip():
        return None
    key = _norm(value)
    if key in APPRAISALS:
        return APPRAISALS[key]
    if key in NOT_KNOWN:
        notices.append(Notice(subject, "info",
                              f"Kabinetsappreciatie {value!r}: recorded as onbekend"))
    else:
        notices.append(Notice(subject, "warning",
                              f"unknown Kabinetsappreciatie {value!r}: recorded as onbekend; "
                              "check the appraisal by hand"))
    return "onbekend"


# -- decisions and votes -------------------------------------------------------------------

_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("aangenomen", "adopted"), ("verworpen", "rejected"), ("ingetrokken", "withdrawn"),
    ("aangehouden", "held"),
)
_RANK = {"adopted": 2, "rejected": 2, "withdrawn": 2, "held": 1}


@dataclass(frozen=True)
class Tally:
    for_: int
    against: int
    not_voting: int
    mistakes: tuple[str, ...]  # "PVV (Voor, 17 seats)"
    uncounted: int = 0  # rows left out (no seat count, unknown Soort): the tally is partial


def _outcome(besluit: dict[str, Any]) -> str | None:
    kind = _norm(besluit.get("BesluitSoort"))
    return next((result for word, result in _OUTCOMES if word in kind), None)


def _decisive(besluiten: list[dict[str, Any]], subject: str,
              notices: list[Notice]) -> tuple[str, dict[str, Any] | None]:
    """The result and the decision it comes from. A final decision beats holding the
    motion; among equals the later row wins, so a re-vote replaces the first vote."""
    best: tuple[int, int, str, dict[str, Any]] | None = None
    for i, b in enumerate(besluiten):
        status = _norm(b.get("Status"))
        if "voorstel" in status:  # a proposed decision on the agenda, not taken
            continue
        result = _outcome(b)
        if result is None:
            kind = _norm(b.get("BesluitSoort"))
            if "gewijzigd" in kind or "vervangen" in kind:
                notices.append(Notice(subject, "warning",
                                      f"Besluit {b.get('BesluitSoort')!r}: the motion was changed; "
                                      "the changed version has its own number. Set result "
                                      "'replaced' and 'replaced_by' by hand"))
            continue
        if best is None or (_RANK[result], i) >= (best[0], best[1]):
            best = (_RANK[result], i, result, b)
    return ("submitted", None) if best is None else (best[2], best[3])


def tally(stemmingen: list[dict[str, Any]], roll_call: bool, subject: str,
          notices: list[Notice]) -> Tally:
    """Seats for and against: the sum of FractieGrootte per Soort (one row per party;
    one row per member, worth one seat, in a roll-call vote)."""
    seats = {"voor": 0, "tegen": 0, "niet deelgenomen": 0}
    mistakes = []
    uncounted = 0
    for s in stemmingen:
        kind = _norm(s.get("Soort"))
        who = s.get("ActorFractie") or s.get("ActorNaam") or "?"
        size = s.get("FractieGrootte")
        if size is None and roll_call:
            size = 1
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            notices.append(Notice(subject, "warning",
                                  f"Stemming of {who}: FractieGrootte {size!r} is not a seat "
                                  "count; row not counted"))
            uncounted += 1
            continue
        if kind not in seats:
            notices.append(Notice(subject, "warning",
                                  f"Stemming of {who}: unknown Soort {s.get('Soort')!r}; "
                                  "row not counted"))
            uncounted += 1
            continue
        seats[kind] += size
        if s.get("Vergissing") is True:
            mistakes.append(f"{who} ({s.get('Soort')}, {size} seats)")
    for m in sorted(mistakes):
        notices.append(Notice(subject, "warning",
                              f"vote marked as a mistake (Vergissing) by {m}; counted as cast, "
                              "as the House does"))
    return Tally(seats["voor"], seats["tegen"], seats["niet deelgenomen"], tuple(sorted(mistakes)),
                 uncounted)


# -- the mapping ---------------------------------------------------------------------------


def _date(value: Any) -> str | None:
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", str(value)) if value else None
    return m.group(1) if m else None


def _dossier(rows: list[dict[str, Any]], subject: str, notices: list[Notice]) -> str | None:
    parts = []
    for d in rows:
        nummer = str(d.get("Nummer", "")).strip()
        if not re.fullmatch(r"\d{4,6}", nummer):
            notices.append(Notice(subject, "warning",
                                  f"Kamerstukdossier Nummer {d.get('Nummer')!r} is not a dossier "
                                  "number; ignored"))
            continue
        suffix = str(d.get("Toevoeging") or "").strip().upper()
        parts.append(f"{nummer}-{suffix}" if re.fullmatch(r"[A-Z]+", suffix) else nummer)
    parts = sorted(set(parts), key=lambda p: (int(p.split("-")[0]), p))
    return "/".join(parts) or None


def _motion_document(docs: list[dict[str, Any]], number: int | None, subject: str,
                     notices: list[Notice]) -> dict[str, Any] | None:
    motions = [d for d in docs if _norm(d.get("Soort")).startswith("motie")]
    plain = [d for d in motions if _norm(d.get("Soort")) == "motie"]
    if number is not None:
        chosen = next((d for d in motions if d.get("Volgnummer") == number), None)
    else:
        chosen = min(plain or motions, key=lambda d: (d.get("Volgnummer") or 0), default=None)
    for d in motions:
        if d is not chosen and d.get("Volgnummer"):
            notices.append(Notice(subject, "info",
                                  f"the case also holds document {d.get('Soort')!r} nr. "
                                  f"{d.get('Volgnummer')}; the vote may concern that version"))
    return chosen


def _motion_id(dossier: str | None, number: int | None, zaak: str) -> str:
    first = dossier.split("/")[0] if dossier else ""
    if number and re.fullmatch(r"\d{4,6}", first):
        return f"{first}-{number}"
    if number and first:
        return f"provisional-{first.lower()}-{number}"
    return f"provisional-zaak-{re.sub(r'[^a-z0-9]+', '-', zaak.lower()).strip('-') or 'unknown'}"


PLACEHOLDER_CLAUSE = {
    "number": 1,
    "request": {
        "nl": "Nog te schrijven: vat de verzoeken van deze motie met de hand samen, in eigen "
              "woorden (de open data bevat de tekst niet en die wordt niet overgenomen).",
        "en": "To be written: summarise this motion's requests by hand, in the project's own "
              "words (open data does not hold the text, and it is not reproduced).",
    },
}
EN_TITLE_PREFIX = "[English title to be written] "


def map_zaak(zaak: dict[str, Any], *, dossier_name: str = "unassigned",
             kamerstuk: tuple[str, int] | None = None) -> Imported:
    """A motion record (MotionRecord by-alias dict, not yet validated) from one Zaak."""
    subject = excerpt(zaak.get("Nummer") or zaak.get("Id") or "zaak ?", 40)  # shown in notices
    notices: list[Notice] = []
    out = Imported(subject, None, notices)
    if zaak.get("Verwijderd") is True:
        notices.append(Notice(subject, "warning", "the case is marked Verwijderd (deleted) in "
                                                  "open data; no record made or changed"))
        return out
    if _norm(zaak.get("Soort")) != "motie":
        notices.append(Notice(subject, "warning",
                              f"Soort is {zaak.get('Soort')!r}, not 'Motie'; case skipped"))
        return out

    dossier = _dossier(_rows(zaak, "Kamerstukdossier", subject, notices), subject, notices)
    docs = _rows(zaak, "Document", subject, notices)
    doc = _motion_document(docs, kamerstuk[1] if kamerstuk else None, subject, notices)
    number = doc.get("Volgnummer") if doc else None
    number = number if isinstance(number, int) and not isinstance(number, bool) and number > 0 \
        else None
    if dossier is None or number is None:
        notices.append(Notice(subject, "warning", "no Kamerstuk number in the data; the record "
                                                  "gets a provisional id"))
    out.kamerstuk = (dossier, number) if dossier and number else None

    actors = _rows(zaak, "ZaakActor", subject, notices)
    for a in actors:
        relation = _norm(a.get("Relatie"))
        if "indien" in relation and relation not in ("indiener", "medeindiener"):
            notices.append(Notice(subject, "warning",
                                  f"ZaakActor {a.get('ActorNaam')!r}: unknown Relatie "
                                  f"{a.get('Relatie')!r}; not taken as a submitter"))
    firsts = [a for a in actors if _norm(a.get("Relatie")) == "indiener"]
    others = [a for a in actors if _norm(a.get("Relatie")) == "medeindiener"]
    firsts = sorted(firsts, key=lambda a: str(a.get("ActorNaam")))
    people = [*firsts, *sorted(others, key=lambda a: str(a.get("ActorNaam")))]
    submitters = []
    for i, a in enumerate(people):
        name = str(a.get("ActorNaam") or "").strip()
        party = str(a.get("ActorFractie") or "").strip()
        if not name:
            notices.append(Notice(subject, "warning", "a ZaakActor without ActorNaam; skipped"))
            continue
        if not party:
            notices.append(Notice(subject, "warning", f"{name} has no ActorFractie; party "
                                                      "recorded as 'onbekend'"))
            party = "onbekend"
        submitters.append({"name": name, "party": party, "first": i == 0 and bool(firsts)})
    if not firsts:
        notices.append(Notice(subject, "error", "no ZaakActor with Relatie 'Indiener': a record "
                                                "needs its first submitter"))
        return out

    besluiten = _rows(zaak, "Besluit", subject, notices)
    result, decision = _decisive(besluiten, subject, notices)

    source: dict[str, Any] = {"title": f"Tweede Kamer open data, zaak {subject}"}
    if out.kamerstuk:
        source["kamerstuk"] = {"dossier": dossier, "number": number}
    if zaak.get("Id"):
        source["url"] = f"{BASE_URL}/Zaak({zaak['Id']})"

    vote = None
    voted = None
    if decision is not None:
        agendapunt = decision.get("Agendapunt")
        activiteit = agendapunt.get("Activiteit") if isinstance(agendapunt, dict) else None
        voted = _date(activiteit.get("Aanvangstijd")) if isinstance(activiteit, dict) else None
        stemmingen = _rows(decision, "Stemming", subject, notices)
        if stemmingen and result in ("adopted", "rejected"):
            roll_call = "hoofdelijk" in _norm(decision.get("StemmingsSoort"))
            t = tally(stemmingen, roll_call, subject, notices)
            if t.uncounted:
                # a partial tally is no tally: it must not replace a complete one in the record
                notices.append(Notice(subject, "warning",
                                      f"{t.uncounted} Stemming row(s) not counted, so the tally is "
                                      "partial; vote left out (the record's vote stays as it is)"))
            elif t.for_ > 150 or t.against > 150 or t.for_ + t.against > 150:
                notices.append(Notice(subject, "error",
                                      f"tally {t.for_}-{t.against} exceeds the House's 150 seats; "
                                      "vote left out"))
            else:
                vote = {"for": t.for_, "against": t.against, "source": source}
                if (result == "adopted") != (t.for_ > t.against):
                    notices.append(Notice(subject, "warning",
                                          f"result {result} but tally {t.for_}-{t.against}"))

    first = submitters[0]["name"]
    short_name = f"Motie {first} c.s." if len(submitters) > 1 else f"Motie {first}"
    title_nl = str(zaak.get("Titel") or zaak.get("Onderwerp") or short_name).strip()
    onderwerp = str(zaak.get("Onderwerp") or "").strip()
    if onderwerp and onderwerp != title_nl:
        title_nl = f"{title_nl} — {onderwerp}"
    record: dict[str, Any] = {
        "id": _motion_id(dossier, number, subject),
        "kamerstuk": {"dossier": dossier, "number": number} if out.kamerstuk else None,
        "short_name": short_name,
        "title": {"nl": title_nl, "en": EN_TITLE_PREFIX + title_nl},
        "submitters": submitters,
        "dates": {"proposed": _date((doc or {}).get("Datum")) or _date(zaak.get("GestartOp")),
                  "voted": voted},
        "result": result,
        "vote": vote,
        "clauses": [PLACEHOLDER_CLAUSE],
        "appraisal": None,
        "execution": [],
        "dossiers": [dossier_name],
        "sources": [source],
    }
    value = map_appraisal(zaak.get("Kabinetsappreciatie"), subject, notices)
    if value is not None:
        record["appraisal"] = {"value": value, "source": source}
    out.record = canonical(record)
    return out


def canonical(record: dict[str, Any]) -> dict[str, Any]:
    """Keys in the model's order, empty optional values dropped, so files stay stable."""
    def clean(v: Any) -> Any:
        if isinstance(v, dict):
            return {k: clean(x) for k, x in v.items() if x is not None}
        if isinstance(v, list):
            return [clean(x) for x in v]
        return v
    out = {k: clean(record[k]) for k in FIELD_ORDER if record.get(k) is not None}
    if out.get("execution") == []:
        del out["execution"]
    extra = {k: v for k, v in record.items() if k not in FIELD_ORDER}
    return {**out, **extra}  # unknown keys stay visible, so validation reports them


# -- merging into an existing record -------------------------------------------------------

HUMAN_FIELDS = ("short_name", "title", "clauses", "execution", "notes", "dossiers", "replaced_by")


def merge(existing: dict[str, Any], fresh: dict[str, Any]) -> tuple[dict[str, Any], list[Notice]]:
    """``existing`` updated with what open data knows; whatever a person wrote stays."""
    subject = str(existing.get("id", fresh.get("id")))
    notices: list[Notice] = []
    merged = dict(existing)
    for key in ("kamerstuk", "submitters"):
        if fresh.get(key) is not None:
            merged[key] = fresh[key]
    old_vote, new_vote = existing.get("vote"), fresh.get("vote")
    if new_vote is not None and not (
        isinstance(old_vote, dict)
        and (old_vote.get("for"), old_vote.get("against")) == (new_vote["for"], new_vote["against"])
    ):  # the same tally keeps the person's source for it
        merged["vote"] = new_vote
    dates = dict(existing.get("dates") or {})
    for k, v in (fresh.get("dates") or {}).items():
        if v is not None:
            dates[k] = v
    merged["dates"] = {k: dates[k] for k in ("proposed", "voted") if k in dates} | dates

    old_result, new_result = existing.get("result"), fresh.get("result")
    if old_result == "replaced" or (new_result == "submitted" and old_result not in (None,
                                                                                    "submitted")):
        if old_result != new_result:
            notices.append(Notice(subject, "info", f"result kept as {old_result!r} (open data "
                                                   f"says {new_result!r})"))
    elif new_result is not None:
        merged["result"] = new_result

    old_app, new_app = existing.get("appraisal"), fresh.get("appraisal")
    if new_app is not None:
        if old_app is None:
            merged["appraisal"] = new_app
        elif old_app.get("value") == new_app.get("value") or new_app.get("value") == "onbekend":
            pass  # same value: keep the person's 'by', 'date' and 'source'
        else:
            merged["appraisal"] = new_app
            notices.append(Notice(subject, "warning",
                                  f"appraisal changed from {old_app.get('value')!r} to "
                                  f"{new_app.get('value')!r}; check its 'by' and 'date'"))

    sources = list(existing.get("sources") or [])
    seen = {(s.get("url") or s.get("title")) for s in sources if isinstance(s, dict)}
    for s in fresh.get("sources") or []:
        if (s.get("url") or s.get("title")) not in seen:
            sources.append(s)
    merged["sources"] = sources
    for key in HUMAN_FIELDS:
        if key in existing:
            merged[key] = existing[key]
        elif key in fresh:
            merged[key] = fresh[key]
    return canonical(merged), notices


def has_placeholder(record: dict[str, Any]) -> bool:
    return any(c == PLACEHOLDER_CLAUSE for c in record.get("clauses") or [])


# -- validation and output -----------------------------------------------------------------


def validate(record: dict[str, Any], schema: dict[str, Any] | None = None) -> list[str]:
    """Problems with ``record`` against MotionRecord and, when given, the JSON schema."""
    from pydantic import ValidationError

    problems: list[str] = []
    try:
        MotionRecord.model_validate(record)
    except ValidationError as e:
        for err in e.errors():
            where = ".".join(str(p) for p in err["loc"]) or "record"
            problems.append(f"{where}: {err['msg']}")
    if schema is not None:
        import jsonschema

        validator = jsonschema.Draft202012Validator(schema)
        for err in sorted(validator.iter_errors(record), key=lambda e: list(e.absolute_path)):
            where = ".".join(str(p) for p in err.absolute_path) or "record"
            problems.append(f"{where}: {err.message} (JSON schema)")
    return problems


def dump(record: dict[str, Any]) -> str:
    body = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=1000)
    return f"{SCHEMA_HEADER}\n{body}"


# -- planning a file update ----------------------------------------------------------------


@dataclass
class Update:
    record_id: str
    action: Literal["create", "update", "unchanged", "refused"]
    new_text: str | None
    diff: str
    notices: list[Notice]


def _comment_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.splitlines(), start=1)
            if line.lstrip().startswith("#") and line.strip() != SCHEMA_HEADER]


def plan(imported: dict[str, Any], path: str, existing_text: str | None,
         existing: dict[str, Any] | None, *, schema: dict[str, Any] | None = None,
         force: bool = False) -> Update:
    """What writing ``imported`` to ``path`` would do: the merged text and its diff."""
    import difflib

    record_id = str((existing or imported).get("id"))
    notices: list[Notice] = []
    if existing is None:
        record = imported
        notices.append(Notice(record_id, "info",
                              "new record: its clauses must still be written by hand (open data "
                              "does not give them); the placeholder clause says so"))
        notices.append(Notice(record_id, "info", "new record: write title.en and check "
                                                 "short_name and dossiers"))
    else:
        record, notices = merge(existing, imported)
        if canonical(dict(existing)) == record:
            return Update(record_id, "unchanged", existing_text, "", notices)
        comments = _comment_lines(existing_text or "")
        if comments and not force:
            notices.append(Notice(record_id, "error",
                                  f"{path} has comments (line {comments[0]}) that rewriting would "
                                  "lose; move them into 'notes', or pass --force"))
            return Update(record_id, "refused", None, "", notices)
    if has_placeholder(record):
        notices.append(Notice(record_id, "warning", "clauses are still the placeholder: write "
                                                    "the motion's requests by hand"))
    problems = validate(record, schema)
    if problems:
        notices += [Notice(record_id, "error", f"record would not validate: {p}")
                    for p in problems]
        return Update(record_id, "refused", None, "", notices)
    new_text = dump(record)
    diff = "".join(difflib.unified_diff(
        (existing_text or "").splitlines(keepends=True), new_text.splitlines(keepends=True),
        fromfile=f"a/{path}" if existing_text is not None else "/dev/null", tofile=f"b/{path}"))
    return Update(record_id, "create" if existing is None else "update", new_text, diff, notices)
