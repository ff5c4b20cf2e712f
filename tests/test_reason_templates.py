"""A condition's reason written as its rule's template and the results of its parts (issue 16).

The JSON report writes a reason's template once per rule and part, and per finding only the
letters of its results; the values are the finding's facts. These tests hold that the
template, filled, is the very text the finding shows, for any condition and facts, in both
languages; that the report reads back to the same reasons; and that the filler takes
nothing from a report but placeholders."""

from __future__ import annotations

import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.backends import get_backend
from compliance.conditions.kleene import evaluate
from compliance.conditions.values import MISSING, to_json, typed_facts
from compliance.evaluate import check
from compliance.evaluate.findings import describe
from compliance.evaluate.texts import condition_template
from compliance.loading.workspace import load_positions, load_workspace
from compliance.model.output import Report
from compliance.model.template import escape, fill, reader
from compliance.reports import json_report
from tests.conftest import ROOT
from tests.gen import FLAG_KEYS, packs, records


@settings(max_examples=150, deadline=None)
@given(pack=packs(), seed=st.integers(0, 10**6), lang=st.sampled_from(["nl", "en"]))
def test_a_conditions_template_filled_with_its_results_and_facts_is_its_reason(pack, seed, lang) -> None:
    rnd = random.Random(seed)
    for raw in records(rnd, pack.vocab, 3):
        facts = {**typed_facts(raw, pack.vocab.facts, pack.vocab.facts),
                 **{k: raw[k] for k in FLAG_KEYS if k in raw}}
        for clause in pack.clauses:
            for cond in (clause.applies, clause.conflicts, clause.complies, *clause.notes):
                if cond is None:
                    continue
                trace = evaluate(cond, facts, pack.concepts)
                letters: list[str] = []
                text = describe(trace, lang, letters)
                assert text == describe(trace, lang)  # collecting the letters changes nothing
                assert set(letters) <= {"t", "f", "u"}
                read = {a.cond.fact: (a.value is not MISSING,
                                      None if a.value is MISSING else to_json(a.value))
                        for a in trace.atoms()}
                template = condition_template(cond, lang)
                assert fill(template, "".join(letters), reader(read), lang) == text
                # the template is the condition's: another trace of it fills the same template
                other = evaluate(cond, {}, pack.concepts)
                assert condition_template(cond, lang) == template
                more: list[str] = []
                other_text = describe(other, lang, more)
                absent = reader({a.cond.fact: (False, None) for a in other.atoms()})
                assert fill(template, "".join(more), absent, lang) == other_text


@given(st.text())
def test_literal_text_survives_a_template(text: str) -> None:
    assert fill(escape(text), "", reader({}), "en") == text


@pytest.mark.parametrize("template", ["{", "}", "a {0", "{0}", "{1}", "{x.__class__}", "{0:>99999999}",
                                      "{unknown_fact}"])
def test_a_bad_template_is_refused_not_interpreted(template: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        fill(template, "t" if template == "{1}" else "", reader({}), "nl")
    with pytest.raises((ValueError, KeyError)):
        fill(template, "x", reader({}), "nl")


def test_the_result_words_and_an_absent_fact_are_the_report_languages() -> None:
    template = "[{a}: {0}] [{b}: {1}] {2}"
    facts = reader({"a": (True, ["v0", "v1"]), "b": (False, None)})
    assert fill(template, "tfu", facts, "nl") == "[['v0', 'v1']: waar] [niet vermeld: onwaar] onbekend"
    assert fill(template, "tfu", facts, "en") == "[['v0', 'v1']: true] [not stated: false] unknown"


@pytest.fixture(scope="module")
def bundled() -> tuple:
    ws = load_workspace(ROOT)
    return ws, load_positions(ws, [ROOT / "examples" / "positions", ROOT / "examples" / "scenarios"])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_condition_reason_of_a_check_is_written_as_a_template(bundled, lang) -> None:
    ws, positions = bundled
    report = check(ws, positions, get_backend("direct"), lang=lang)
    doc = json.loads(json_report.render(report))
    written = [r for f in doc["findings"] for r in f["reasons"]]
    conditions = [r for r in written if r[0] in ("applies_when", "conflicts_when", "complies_when")]
    assert conditions and all(len(r) == 4 for r in conditions)
    assert all(len(r) == 3 for r in written if r not in conditions)
    # one template per rule and part, whatever the positions' values
    templates = {(f["rule"], r[0], r[2]) for f in doc["findings"] for r in f["reasons"] if len(r) == 4}
    assert len(templates) == len({(rule, part) for rule, part, _ in templates})
    assert Report.model_validate(json_report.decode(doc)) == report


def test_a_reason_whose_template_does_not_give_its_text_reads_back_as_it_was(bundled) -> None:
    ws, positions = bundled
    report = check(ws, positions, get_backend("direct"), lang="en")
    f = next(f for f in report.findings if any(r.template for r in f.reasons))
    i = next(i for i, r in enumerate(f.reasons) if r.template)
    odd = f.reasons[i].model_copy(update={"text": f.reasons[i].text + " (edited)"})
    bad = f.reasons[i].model_copy(update={"template": "{"})
    for reason in (odd, bad):
        changed = f.model_copy(update={"reasons": [*f.reasons[:i], reason, *f.reasons[i + 1:]]})
        one = report.model_copy(update={"findings": [changed], "motions": []})
        doc = json.loads(json_report.render(one))
        assert len(doc["findings"][0]["reasons"][i]) == 5
        assert Report.model_validate(json_report.decode(doc)) == one

