"""Set facts on constructed sentences (not government documents): an enumeration after a
cued member brings its other members; a cue running through another actor's or an earlier
text's words states no member."""

from __future__ import annotations

from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.drafting import draft_letter
from compliance.loading.workspace import Workspace, load_workspace
from tests.conftest import ROOT

HEAD = ("CONSTRUCTED LETTER - written for this test.\n\nDen Haag, 18 september 2023\n\n"
        "Betreft: verordening seksueel kindermisbruik\n\n")
MEMBERS = {"known_material": "bekend materiaal", "new_material": "nieuw misbruikmateriaal",
           "grooming": "grooming"}


@cache
def _ws() -> Workspace:
    return load_workspace(ROOT)


def _scope(body: str) -> list[str] | None:
    d = draft_letter(HEAD + body + "\n", _ws(), "csam-regulation", letter_name="constructed.txt")
    return next((p.value for p in d.proposals if p.fact == "text_detection_scope"), None)


@given(st.permutations(["new_material", "grooming"]), st.sampled_from([", ", " en ", " of "]))
@settings(max_examples=6, deadline=None)
def test_an_enumeration_collects_every_member(rest: list[str], sep: str) -> None:
    named = [MEMBERS[v] for v in ["known_material", *rest]]
    listed = named[0] + sep + named[1] + " en " + named[2]
    # the first member is cued ("beperkt tot bekend materiaal"); the others follow in the list, further than
    # the cues' own gaps reach
    body = ("De detectiebevelen in het compromisvoorstel van het voorzitterschap richten zich op "
            "detectie door aanbieders van chatdiensten en andere interpersoonlijke diensten "
            f"beperkt tot {listed}.")
    got = _scope(body)
    assert got is not None and set(got) == set(MEMBERS)


def test_a_member_wished_by_others_is_not_the_texts() -> None:
    got = _scope("Het compromis omvat bekend materiaal; enkele lidstaten willen ook nieuw materiaal "
                 "en grooming.")
    assert got == ["known_material"]
