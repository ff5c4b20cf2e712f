"""The editor form's repeatable rows (planned steps, declarations, scenarios) are read by
one helper: per row the keys the form shows in schema order, bilingual texts, a
scenario's facts, the hidden `_keep` keys, and removed or empty rows dropped."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from compliance.api import load_workspace
from compliance.web.forms import ROWS, Form, position_from_form, rows_from_form
from tests.conftest import ROOT

VOCAB = load_workspace(ROOT).vocabularies["groningen-gas"].model


def test_each_section_keeps_its_rows_in_order_and_drops_removed_and_empty_ones() -> None:
    form = Form([
        ("id", "x"), ("dossier", "groningen-gas"), ("date", "2024-01-01"), ("actor", "A"),
        ("planned_steps.0.date", "2024-02-01"), ("planned_steps.0.kind", "letter_to_house"),
        ("planned_steps.0.description.nl", "Brief"), ("planned_steps.0.description.en", "Letter"),
        ("planned_steps.0._keep", json.dumps({"extra": 1, "date": "ignored"})),
        ("planned_steps.1.date", "2024-03-01"), ("planned_steps.1.remove", "1"),
        ("planned_steps.2.where", ""),                       # left empty: no row
        ("declarations.0.motion", "34957-30"), ("declarations.0.statement", "will_execute"),
        ("declarations.0.where", "p. 2"),
        ("scenarios.0.name", "stop"), ("scenarios.0.description.nl", "Stop"),
        ("scenarios.0.facts.field_status.value", "closed_reserve"),
    ])
    out = position_from_form(VOCAB, form)
    assert out["planned_steps"] == [{"date": "2024-02-01", "kind": "letter_to_house",
                                     "description": {"nl": "Brief", "en": "Letter"}, "extra": 1}]
    assert out["declarations"] == [{"motion": "34957-30", "statement": "will_execute", "where": "p. 2"}]
    assert out["scenarios"] == [{"name": "stop", "description": {"nl": "Stop", "en": ""},
                                 "facts": {"field_status": "closed_reserve"}}]
    assert list(out) == ["id", "dossier", "date", "actor", "source", "facts", "planned_steps",
                         "declarations", "scenarios"]


def test_a_scenario_without_facts_has_no_facts_key() -> None:
    rows = rows_from_form(VOCAB, Form([("scenarios.0.name", "s")]), "scenarios")
    assert rows == [{"name": "s"}]


@given(section=st.sampled_from(sorted(ROWS)), data=st.data())
def test_a_row_holds_exactly_the_filled_keys_in_schema_order(section: str, data: st.DataObject) -> None:
    keys = [(k, kind) for k, kind in ROWS[section] if kind != "facts"]
    filled = data.draw(st.lists(st.sampled_from(keys), unique=True, min_size=1))
    items = []
    for key, kind in filled:
        if kind == "text":
            items.append((f"{section}.0.{key}.en", f"{key} text"))
        else:
            items.append((f"{section}.0.{key}", f"{key} value"))
    rows = rows_from_form(VOCAB, Form(items), section)
    want = [k for k, kind in keys if (k, kind) in filled]
    assert len(rows) == 1 and list(rows[0]) == want


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@given(st.integers(min_value=1, max_value=10**6), st.sampled_from(["nl", "en"]))
def test_confirming_drops_only_the_awaiting_part_of_a_drafted_note(line: int, lang: str) -> None:
    from compliance.i18n import t
    from compliance.web.forms import confirmed_note

    note = t("draft_proposed", lang, line=line)
    kept = confirmed_note(note)
    assert kept != note and note.startswith(kept) and str(line) in kept
    assert confirmed_note(kept) == kept  # once is enough


@given(st.text(max_size=60))
def test_a_note_the_adviser_wrote_is_never_changed(note: str) -> None:
    from compliance.web.forms import confirmed_note

    if "bevestiging" not in note and "confirmation" not in note:
        assert confirmed_note(note) == note


@settings(deadline=None)  # the first example loads the workspace
@given(st.text(min_size=1, max_size=20).filter(str.strip), st.sampled_from(["nl", "en"]),
       st.sampled_from(["nl", "en"]))
def test_half_a_bilingual_text_is_an_error_at_the_other_half(text: str, filled: str, lang: str) -> None:
    from compliance.web.forms import form_errors

    vocab = _vocab()
    other = "en" if filled == "nl" else "nl"
    data = {"id": "x", "date": "2024-01-01", "actor": "a", "source": {"title": "t"},
            "summary": {filled: text, other: ""}, "facts": {}}
    errors = form_errors(data, vocab, lang)
    assert list(errors) == [f"summary.{other}"]
    assert "expected" not in errors[f"summary.{other}"][0]


_VOCAB: list = []


def _vocab():
    if not _VOCAB:
        from compliance.loading.workspace import load_workspace
        from tests.conftest import ROOT

        _VOCAB.append(load_workspace(ROOT).vocabularies["csam-regulation"].model)
    return _VOCAB[0]
