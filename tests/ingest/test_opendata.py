"""Mapping open-data JSON to motion records; merging keeps what people wrote."""

from __future__ import annotations

import copy
from typing import Any

import jsonschema
import pytest

from compliance.ingest import opendata
from compliance.ingest.opendata import Notice, map_zaak, merge, tally, zaken_from_json
from compliance.model.motion import MotionRecord
from compliance.schemas import load as load_schema

from .conftest import load


def test_fixture_motion_maps_to_a_valid_record(zaak_1011: dict[str, Any]) -> None:
    imported = map_zaak(zaak_1011, dossier_name="csam-regulation")
    record = imported.record
    assert record is not None
    model = MotionRecord.model_validate(record)
    jsonschema.validate(record, load_schema("motion"))
    assert model.id == "26643-1011"
    assert (model.kamerstuk.dossier, model.kamerstuk.number) == ("26643", 1011)
    assert (model.vote.for_, model.vote.against) == (92, 56)  # deleted row of 28 not counted
    assert model.result == "adopted"  # the deleted 'verworpen' decision is ignored
    assert model.appraisal.value == "ontraden"
    assert [(s.name, s.first) for s in model.submitters] == \
        [("Van Ginneken", True), ("Lid A", False), ("Lid B", False)]
    assert model.short_name == "Motie Van Ginneken c.s."
    assert model.dates.proposed == "2023-04-04"
    assert len(model.clauses) == 1 and "Nog te schrijven" in model.clauses[0].request.nl
    assert list(record) == [k for k in opendata.FIELD_ORDER if k in record]
    text = [str(n) for n in imported.notices]
    assert any("Vergissing" in t and "Fractie J" in t for t in text)
    assert any("Verwijderd" in t and "ZaakActor" in t for t in text)


def test_tally_counts_seats_and_flags_mistakes() -> None:
    notices: list[Notice] = []
    rows = [
        {"Soort": "Voor", "ActorFractie": "A", "FractieGrootte": 30},
        {"Soort": "Voor", "ActorFractie": "B", "FractieGrootte": 10, "Vergissing": True},
        {"Soort": "Tegen", "ActorFractie": "C", "FractieGrootte": 25},
        {"Soort": "Niet deelgenomen", "ActorFractie": "D", "FractieGrootte": 3},
    ]
    t = tally(rows, False, "z", notices)
    assert (t.for_, t.against, t.not_voting) == (40, 25, 3)
    assert t.mistakes == ("B (Voor, 10 seats)",)
    assert [n.level for n in notices] == ["warning"]


def test_roll_call_counts_members() -> None:
    rows = [{"Soort": "Voor", "ActorNaam": f"lid {i}"} for i in range(76)] + \
           [{"Soort": "Tegen", "ActorNaam": f"lid {i}"} for i in range(74)]
    t = tally(rows, True, "z", [])
    assert (t.for_, t.against) == (76, 74)


@pytest.mark.parametrize(("value", "expected", "level"), [
    ("Oordeel Kamer", "oordeel_kamer", None),
    ("Ontraden tenzij gewijzigd", "ontraden_tenzij_gewijzigd", None),
    ("Verzocht motie aan te houden", "verzocht_aan_te_houden", None),
    ("Geen (expliciete) appreciatie", "geen_appreciatie", None),
    ("Overgenomen", "overgenomen", None),
    ("Nog te ontvangen", "onbekend", "info"),
    ("Positief (nieuwe waarde)", "onbekend", "warning"),
    (None, None, None),
])
def test_appraisal_values(value: str | None, expected: str | None, level: str | None) -> None:
    notices: list[Notice] = []
    assert opendata.map_appraisal(value, "z", notices) == expected
    assert [n.level for n in notices] == ([level] if level else [])


def test_unknown_values_and_deleted_rows_are_reported_not_fatal() -> None:
    zaken = zaken_from_json(load("zaken-odd.json"))
    results = [map_zaak(z) for z in zaken]
    first, deleted, amendment = results
    assert first.record is not None
    MotionRecord.model_validate(first.record)
    assert first.record["appraisal"]["value"] == "onbekend"
    # two rows not counted (a Tegen without a seat count, an unknown Soort): 40-70 would be
    # a partial tally, so the vote is left out rather than recorded wrong
    assert "vote" not in first.record
    messages = " | ".join(str(n) for n in first.notices)
    assert "2 Stemming row(s) not counted, so the tally is partial" in messages
    assert "unknown Kabinetsappreciatie" in messages
    assert "unknown Soort 'Onthouden (nieuw)'" in messages
    assert "FractieGrootte None" in messages
    assert "unknown Relatie 'Mede-indiener-nieuw'" in messages
    assert deleted.record is None and "Verwijderd" in str(deleted.notices[0])
    assert amendment.record is None and "Amendement" in str(amendment.notices[0])


def test_shape_errors() -> None:
    with pytest.raises(opendata.ShapeError):
        zaken_from_json(3)
    with pytest.raises(opendata.ShapeError):
        zaken_from_json({"value": [1]})
    with pytest.raises(opendata.ShapeError):
        zaken_from_json({"value": {"a": 1}})


def test_missing_submitter_is_an_error_notice(zaak_1011: dict[str, Any]) -> None:
    zaak = copy.deepcopy(zaak_1011)
    zaak["ZaakActor"] = []
    imported = map_zaak(zaak)
    assert imported.record is None
    assert any(n.level == "error" for n in imported.notices)


def test_without_number_the_id_is_provisional(zaak_1011: dict[str, Any]) -> None:
    zaak = copy.deepcopy(zaak_1011)
    zaak["Document"] = []
    record = map_zaak(zaak).record
    assert record is not None and record["id"] == "provisional-zaak-2099z00001"
    MotionRecord.model_validate(record)


def test_revote_and_held(zaak_1011: dict[str, Any]) -> None:
    zaak = copy.deepcopy(zaak_1011)
    adopted = zaak["Besluit"][1]
    held = {"BesluitSoort": "Stemmen - aangehouden", "Status": "Besluit", "Verwijderd": False}
    rejected = {**adopted, "BesluitSoort": "Stemmen - verworpen"}
    zaak["Besluit"] = [rejected, held, adopted]
    assert map_zaak(zaak).record["result"] == "adopted"  # the later final vote wins
    zaak["Besluit"] = [held]
    assert map_zaak(zaak).record["result"] == "held"
    zaak["Besluit"] = [{**adopted, "Status": "Voorstel"}]
    assert map_zaak(zaak).record["result"] == "submitted"  # a proposal is no decision


def _hand_edited(record: dict[str, Any]) -> dict[str, Any]:
    edited = copy.deepcopy(record)
    edited["clauses"] = [{"number": 1, "request": {"nl": "eigen woorden", "en": "own words"}}]
    edited["execution"] = [{"date": "2023-06", "statement": "will_not_execute",
                            "summary": {"nl": "niet", "en": "not"},
                            "source": {"title": "brief",
                                       "kamerstuk": {"dossier": "26643", "number": 1043}}}]
    edited["notes"] = {"nl": "notitie", "en": "note"}
    edited["title"] = {"nl": "Eigen titel", "en": "Own title"}
    edited["dossiers"] = ["csam-regulation"]
    edited["appraisal"] = {"value": "ontraden", "by": "Minister van EZK"}
    return edited


def test_merge_keeps_human_fields(zaak_1011: dict[str, Any]) -> None:
    fresh = map_zaak(zaak_1011).record
    existing = _hand_edited(fresh)
    existing["vote"] = {"for": 1, "against": 2}
    existing["result"] = "submitted"
    merged, notices = merge(existing, fresh)
    for key in ("clauses", "execution", "notes", "title", "dossiers", "appraisal"):
        assert merged[key] == existing[key], key
    assert merged["vote"]["for"] == 92 and merged["result"] == "adopted"
    MotionRecord.model_validate(merged)
    assert notices == []


def test_merge_reports_a_changed_appraisal(zaak_1011: dict[str, Any]) -> None:
    fresh = map_zaak(zaak_1011).record
    existing = _hand_edited(fresh)
    existing["appraisal"] = {"value": "oordeel_kamer", "by": "iemand"}
    merged, notices = merge(existing, fresh)
    assert merged["appraisal"]["value"] == "ontraden"
    assert "appraisal changed" in str(notices[0])


def test_merge_never_downgrades_result(zaak_1011: dict[str, Any]) -> None:
    fresh = map_zaak(zaak_1011).record
    fresh_submitted = {**fresh, "result": "submitted", "vote": None}
    existing = _hand_edited(fresh)
    merged, _ = merge(existing, opendata.canonical(fresh_submitted))
    assert merged["result"] == "adopted" and merged["vote"] == existing["vote"]


def test_plan_unchanged_and_refusals(zaak_1011: dict[str, Any]) -> None:
    fresh = map_zaak(zaak_1011).record
    text = opendata.dump(fresh)
    same = opendata.plan(fresh, "motions/x.yaml", text, fresh)
    assert same.action == "unchanged" and same.diff == ""
    older = {**fresh, "result": "submitted"}
    commented = opendata.dump(older).replace("clauses:", "# a person's comment\nclauses:")
    refused = opendata.plan(fresh, "motions/x.yaml", commented, older)
    assert refused.action == "refused" and refused.new_text is None
    forced = opendata.plan(fresh, "motions/x.yaml", commented, older, force=True)
    assert forced.action == "update"
    assert "-result: submitted\n+result: adopted\n" in forced.diff


def test_plan_refuses_an_invalid_record(zaak_1011: dict[str, Any]) -> None:
    fresh = map_zaak(zaak_1011, dossier_name="Not A Name").record
    update = opendata.plan(fresh, "motions/x.yaml", None, None, schema=load_schema("motion"))
    assert update.action == "refused"
    assert any("dossiers" in n.message and n.level == "error" for n in update.notices)


def test_dump_starts_with_schema_line(zaak_1011: dict[str, Any]) -> None:
    text = opendata.dump(map_zaak(zaak_1011).record)
    assert text.startswith("# yaml-language-server: $schema=../compliance/schemas/"
                           "motion.schema.json\n")
    assert "for: 92" in text and "&id" not in text
