"""The score tells a set proposed in part (incomplete, not contradicted) from a flip (a value
the reference contradicts): only a flip is a defect, and neither counts as right."""

from __future__ import annotations

from functools import cache
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.drafting import Draft, draft_letter
from compliance.drafting.draft import Evidence, Proposal
from compliance.drafting.score import Tally, folder_table, score
from compliance.loading.workspace import Workspace, load_workspace
from tests.conftest import ROOT

TEXT = "CONSTRUCTED LETTER\n\nDe tekst ligt voor.\n"
MEMBERS = st.sets(st.sampled_from(["a", "b", "c", "d", "e", "f"]), min_size=1)


@cache
def ws() -> Workspace:
    return load_workspace(ROOT)


@cache
def empty() -> Draft:
    return draft_letter(TEXT, ws(), "csam-regulation", letter_name="x.txt")


def scored(proposed: Any, reference: Any) -> Any:
    ev = Evidence(value=proposed, line=3, column=1, end_line=3, end_column=5, quote="De tekst", cue="tekst")
    p = Proposal(fact="f", value=proposed, line=3, column=1, end_line=3, end_column=5, quote="De tekst",
                 cue="tekst", evidence=[ev])
    ref = SimpleNamespace(facts={"f": reference}, fact_where=lambda _: None,
                          model=SimpleNamespace(declarations=[], planned_steps=[], date=None))
    return score(empty().model_copy(update={"proposals": [p]}), TEXT, ref)


def tally(s: Any) -> Tally:
    t = Tally()
    t.add(s)
    return t


@settings(deadline=None)
@given(st.sets(st.sampled_from(["a", "b", "c", "d", "e", "f"]), min_size=2), st.data())
def test_a_proper_subset_is_partial_not_a_flip_and_not_right(reference: set[str], data: Any) -> None:
    part = data.draw(st.sets(st.sampled_from(sorted(reference)), min_size=1, max_size=len(reference) - 1))
    s = scored(sorted(part), sorted(reference))
    assert [f.outcome for f in s.facts] == ["partial"]
    assert s.right == 0 and not s.flips and len(s.partials) == 1
    t = tally(s)
    assert (t.right, t.flips, t.partial, t.precision) == (0, 0, 1, 0.0)
    table = folder_table([("x", s)])
    assert "PART   x: f" in table and "FLIP" not in table


@st.composite
def _not_within(draw: Any) -> tuple[set[str], set[str]]:
    """A reference and a proposed set with at least one member the reference lacks."""
    reference = draw(MEMBERS)
    extra = draw(st.sets(st.sampled_from(["g", "h", "i"]), min_size=1))
    return reference, draw(st.sets(st.sampled_from(sorted(reference)))) | extra


@settings(deadline=None)
@given(_not_within())
def test_a_set_with_a_member_the_reference_lacks_is_a_flip(case: tuple[set[str], set[str]]) -> None:
    reference, proposed = case
    s = scored(sorted(proposed), sorted(reference))
    assert [f.outcome for f in s.facts] == ["wrong"] and len(s.flips) == 1 and not s.partials
    assert tally(s).flips == 1 and "FLIP   x: f" in folder_table([("x", s)])


@settings(deadline=None)
@given(st.one_of(st.booleans(), st.integers(0, 9), st.sampled_from(["for", "against", "abstain"])),
       st.one_of(st.booleans(), st.integers(0, 9), st.sampled_from(["for", "against", "abstain"])))
def test_another_scalar_is_a_flip_the_same_is_right(proposed: Any, reference: Any) -> None:
    s = scored(proposed, reference)
    same = type(proposed) is type(reference) and proposed == reference
    assert [f.outcome for f in s.facts] == ["right" if same else "wrong"]
    assert (s.right, len(s.flips), len(s.partials)) == ((1, 0, 0) if same else (0, 1, 0))


@settings(deadline=None)
@given(MEMBERS)
def test_the_whole_set_is_right_and_an_empty_one_no_partial(reference: set[str]) -> None:
    assert [f.outcome for f in scored(sorted(reference), sorted(reference)).facts] == ["right"]
    assert [f.outcome for f in scored([], sorted(reference)).facts] == ["wrong"]
