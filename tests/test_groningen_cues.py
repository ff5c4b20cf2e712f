"""The groningen-gas drafting cues on constructed letters (tests/data/letters, written for
these tests, not government documents): damage handling, reinforcement and who pays; a
level's bound, status and condition and the field's state. Each letter also states what it
must not be read as. The tune letters of the real corpus draft 3 of 3 reference facts right."""

from __future__ import annotations

from functools import cache

from compliance.drafting import Draft, draft_letter
from compliance.loading.workspace import Workspace, load_workspace
from tests.conftest import ROOT

LETTERS = ROOT / "tests" / "data" / "letters"


@cache
def _ws() -> Workspace:
    return load_workspace(ROOT)


def _draft(name: str) -> Draft:
    path = LETTERS / name
    return draft_letter(path.read_text(encoding="utf-8"), _ws(), "groningen-gas", letter_name=path.name)


def _values(d: Draft) -> dict[str, object]:
    return {p.fact: p.value for p in d.proposals}


def test_damage_and_reinforcement_letter() -> None:
    v = _values(_draft("constructed-groningen-schade.txt"))
    assert v["damage_handling_body"] == "img"
    assert v["nam_role_in_damage_handling"] is False  # "geen rol meer"
    assert v["compensation_generous"] is True
    assert v["legal_fight_on_claims_ended"] is True
    assert v["reinforcement_executor"] == "ncg"
    assert v["reinforcement_with_sustainability"] is True
    assert v["costs_recovered_from_nam"] is True
    # nothing in it is about the field, small fields or the new-build scheme
    assert not {"field_status", "warffum_extraction", "nam_building_costs_scheme"} & set(v)


def test_extraction_letter_reads_bound_status_condition_and_state() -> None:
    d = _draft("constructed-groningen-winning.txt")
    v = _values(d)
    assert v["production_level_bound"] == "at_most"
    assert v["production_level_status"] == "intended"  # an ontwerp-vaststellingsbesluit
    assert v["production_conditions"] == ["geopolitical_situation"]  # kept in the 'als' clause
    assert v["timeline_to_zero_given"] is True
    assert v["field_status"] == "pilot_flame"  # the reserve is for the sites, the field goes on the flame
    assert not {"damage_handling_body", "compensation_generous"} & set(v)
    assert d.letter_date == "2022-06-20"
