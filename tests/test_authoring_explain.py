"""`compliance explain`, `check --suggest` (what would comply) and `check --compare-interpretations`."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.authoring.suggest import would_comply
from compliance.backends.direct import clause_outcome
from compliance.loading.workspace import load_workspace
from compliance.loading.yaml_safe import load_file
from tests.conftest import ROOT, SEED, run_cli


def test_explain_van_ginneken_text_reads_request_reasoning_evidence() -> None:
    r = run_cli("explain", SEED, "1011", "--clause", "1", "--lang", "en")
    assert r.returncode == 0, r.stderr
    out = r.stdout
    order = [out.index(s) for s in ("Request: ", "Reasoning:", "Evidence:", "What would comply")]
    assert order == sorted(order)
    assert "Verdict: CONFLICTS (declared)" in out
    assert ("        cabinet_accepts_detection_on_interpersonal equals true: true — read: true, "
            f"{SEED}:42:5") in out
    assert "concept conditions_exclude_css: false" in out
    assert "(defined in rules/csam-regulation/dossier.yaml:" in out
    assert "  1. cabinet_accepts_detection_on_interpersonal: true → false" in out
    assert "cabinet_agreement_conditions: +no_client_side_scanning" in out
    nl = run_cli("explain", SEED, "26643-1011", "--clause", "1")
    assert "Verzoek: " in nl.stdout and "Redenering:" in nl.stdout and "Bewijs:" in nl.stdout


def test_explain_json_tree_and_undetermined_missing_facts() -> None:
    r = run_cli("explain", SEED, "26643-885", "--interpretation", "26643-885=strict-reading",
                "--format", "json", "--lang", "en")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert [c["finding"]["verdict"] for c in data["clauses"]] == ["conflicts", "conflicts"]
    tree = data["clauses"][0]["tree"]["conflicts_when"]
    assert tree["kind"] == "any" and tree["result"] == "true"
    pursues = tree["children"][0]
    assert pursues == {"result": "false", "kind": "fact", "fact": "cabinet_pursues_e2ee_protection",
                       "op": "equals", "value": False, "present": True, "read": True,
                       "at": f"{SEED}:45:5", "where": pursues["where"]}
    bad = run_cli("explain", SEED, "26643-999", "--lang", "en")
    assert bad.returncode == 2 and "no motion '26643-999'" in bad.stderr


def test_van_ginneken_what_would_comply_and_changed_position_complies(tmp_path: Path) -> None:
    r = run_cli("check", SEED, "--suggest", "--format", "json", "--fail-on", "never")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    ginneken = [f for f in report["findings"] if f["motion"] == "26643-1011"]
    assert [f["verdict"] for f in ginneken] == ["conflicts", "conflicts"]
    first = ginneken[0]["would_comply"]
    assert first[0] == [{"fact": "cabinet_accepts_detection_on_interpersonal", "value": False, "was": True}]
    named = {c["fact"] for s in first for c in s}
    assert named == {"cabinet_accepts_detection_on_interpersonal", "cabinet_agreement_conditions"}
    # The JSON report leaves out absent suggestions, so complying findings carry no key at all.
    assert all("would_comply" not in f for f in report["findings"] if f["verdict"] == "complies")
    # apply each suggestion to the seed position and check it again, as a user would
    seed = load_file(ROOT / SEED).data
    for suggestion in first:
        data = json.loads(json.dumps(seed, default=str))
        for change in suggestion:
            data["facts"][change["fact"]] = change["value"]
        path = tmp_path / "changed.yaml"
        path.write_text(json.dumps(data), encoding="utf-8")  # JSON is YAML
        after = json.loads(run_cli("check", str(path), "--format", "json", "--fail-on", "never").stdout)
        verdict = next(f for f in after["findings"] if f["motion"] == "26643-1011" and f["clause"] == 1)
        assert verdict["verdict"] == "complies", suggestion


def test_text_report_lists_suggestions_only_with_suggest() -> None:
    r = run_cli("check", SEED, "--suggest", "--lang", "en", "--fail-on", "never")
    assert r.returncode == 0, r.stderr
    block = ("      would comply after (smallest changes):\n"
             "        1. cabinet_accepts_detection_on_interpersonal: true → false\n"
             "        2. cabinet_agreement_conditions: +no_client_side_scanning\n")
    assert block in r.stdout
    nl = run_cli("check", SEED, "--suggest", "--fail-on", "never")
    assert "zou in lijn zijn na (kleinste wijzigingen):" in nl.stdout
    plain = run_cli("check", SEED, "--lang", "en", "--fail-on", "never")
    assert "would comply" not in plain.stdout
    # without --suggest the JSON report keeps its shape: no would_comply key at all
    assert '"would_comply"' not in run_cli("check", SEED, "--format", "json", "--fail-on", "never").stdout


_ws = load_workspace(ROOT)
_vocab = _ws.vocabularies["csam-regulation"]
_clauses = _ws.pack("csam-regulation").clauses + _ws.pack("csam-regulation", {"*": "strict-reading"}).clauses


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(_clauses), st.data())
def test_suggestions_comply_and_are_minimal(clause, data) -> None:  # type: ignore[no-untyped-def]
    from compliance.authoring.space import Space

    space = Space.for_clauses(_vocab.model, _vocab.concepts, [clause])
    facts = {f: data.draw(st.sampled_from([None, *space.domains[f]])) for f in space.facts}
    facts = {k: v for k, v in facts.items() if v is not None}
    if clause_outcome(clause, facts, _vocab.concepts).verdict == "complies":
        return
    sets = would_comply(clause, facts, _vocab.model, _vocab.concepts)
    for s in sets:
        changed = {**facts, **{c.fact: c.value for c in s}}
        assert clause_outcome(clause, changed, _vocab.concepts).verdict == "complies"
        # minimal: undoing any one changed fact no longer complies
        for c in s:
            undone = dict(changed)
            if c.fact in facts:
                undone[c.fact] = facts[c.fact]
            else:
                undone.pop(c.fact)
            assert clause_outcome(clause, undone, _vocab.concepts).verdict != "complies"


def test_compare_interpretations_shows_van_raan_readings_diverge() -> None:
    r = run_cli("check", SEED, "--compare-interpretations", "--lang", "en")
    assert r.returncode == 0, r.stderr
    # The other dossier's motions with readings are listed too (they do not differ here).
    lines = [x for x in r.stdout.splitlines(keepends=True)
             if not x.startswith(("Motion ", "  ")) or x.startswith(("Motion 26643-", "  26643-"))]
    assert "".join(lines) == (
        "Motion 26643-885: cabinet-reading*, strict-reading\n"
        "Position nl-2023-09-18-geannoteerde-agenda-jbz\n"
        "  26643-885#1: cabinet-reading: complies | strict-reading: CONFLICTS  <- differs\n"
        "  26643-885#2: cabinet-reading: complies | strict-reading: CONFLICTS  <- differs\n"
        "2 verdicts differ between readings\n")
    data = json.loads(run_cli("check", SEED, "--compare-interpretations", "--format", "json").stdout)
    assert data["diverging"] == 2
    assert data["rows"][0]["verdicts"] == {"cabinet-reading": "complies", "strict-reading": "conflicts"}
