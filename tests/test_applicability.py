"""Issue 24 through both backends: the subject gate, duties of conduct, effort duties.

On a CONSTRUCTED workspace (tests/data/duties-workspace/): two subjects (budget, housing), a
duty to inform the House by 1 March 2024 (a source shows the letter had not come by the end
of 2024), a housing motion, a budget motion and an effort duty to build by 1 June 2024.
Positions are written here as YAML text, as a user would write them.
"""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend
from compliance.dates import PartialDate
from compliance.evaluate import check
from compliance.evaluate.duties import letters_of
from compliance.evaluate.duty_list import duties
from compliance.loading.workspace import LoadedPosition, load_position_text, load_workspace
from compliance.model.output import Finding
from tests.conftest import ROOT, run_cli

WS_DIR = ROOT / "tests/data/duties-workspace"
WS = load_workspace(WS_DIR)
BACKENDS = (DirectBackend(), DurableBackend())
INFORM, HOUSING, BUDGET, BUILD = (f"provisional-constructed-{n}"
                                  for n in ("inform", "housing", "budget", "build"))
DEADLINE = date(2024, 3, 1)
FACTS = {"budget_level": "5", "housing_plan": "true", "housing_effort": "true", "plan_version": "v1",
         "plan_protects_tenants": "true"}
SUBJECTS = {"budget_level": {"budget"}, "housing_plan": {"housing"}, "housing_effort": {"housing"},
            "plan_version": {"housing"}, "plan_protects_tenants": {"housing"}}


def position(day: str, facts: dict[str, str] | None = None, subjects: list[str] | None = None,
             executed: list[str] | None = None, pid: str = "p") -> LoadedPosition:
    lines = [f"id: {pid}", "dossier: constructed-duties", f"date: {day}", "actor: Constructed",
             "source: {title: constructed letter}"]
    if subjects:
        lines.append(f"subjects: [{', '.join(subjects)}]")
    lines.append("facts:" + ("" if facts else " {}"))
    lines += [f"  {k}: {v}" for k, v in (facts or {}).items()]
    if executed:
        lines.append("declarations:")
        lines += [f"  - {{motion: {m}, statement: executed}}" for m in executed]
    return load_position_text(WS, "\n".join(lines) + "\n", f"{pid}.yaml")


def findings(pos: LoadedPosition, as_of: str | None = None) -> dict[tuple[str, int], Finding]:
    """The findings of one position, the same through both backends (else the test fails)."""
    got = []
    for backend in BACKENDS:
        report = check(WS, [pos], backend, lang="en", as_of=as_of)
        got.append({(f.motion, f.clause): f for f in report.findings})
    assert got[0] == got[1]
    return got[0]


# --- subjects ------------------------------------------------------------------------------

def test_a_clause_on_housing_is_not_applicable_to_a_budget_letter() -> None:
    found = findings(position("2024-02-01", {"budget_level": "5"}))
    f = found[(HOUSING, 1)]
    assert f.verdict == "not_applicable"
    assert f.reasons[0].part == "subject"
    assert f.message.startswith("This position is not about the housing plan")
    assert found[(BUDGET, 1)].verdict == "complies"
    nl = check(WS, [position("2024-02-01", {"budget_level": "5"})], BACKENDS[0], lang="nl")
    assert any(x.message.startswith("Deze positie gaat niet over het woningbouwplan") for x in nl.findings)


def test_subjects_the_engine_derived_are_called_derived_declared_ones_are_not() -> None:
    derived = findings(position("2024-02-01", {"budget_level": "5"}))[(HOUSING, 1)]
    assert "(it declares no subjects itself; judging by the facts it states, it addresses: " \
        in derived.message
    nl = check(WS, [position("2024-02-01", {"budget_level": "5"})], BACKENDS[0], lang="nl")
    assert any("(zij noemt zelf geen onderwerpen; afgaande op de feiten die zij stelt, gaat zij over: "
               in x.message for x in nl.findings)
    declared = findings(position("2024-02-01", {"budget_level": "5"}, subjects=["budget"]))[(HOUSING, 1)]
    assert declared.verdict == "not_applicable"
    assert "(it addresses " in declared.message and "declares no subjects" not in declared.message


def test_derived_subjects_are_listed_with_commas_and_a_final_and() -> None:
    # one semicolon level only: the subjects joined by commas, the last by "and" / "en"
    position_file = "examples/positions/2025-11-18-herzien-deens-voorstel.yaml"
    for lang, head in (
            ("en", "(it declares no subjects itself; judging by the facts it states, it addresses: "),
            ("nl", "(zij noemt zelf geen onderwerpen; afgaande op de feiten die zij stelt, gaat zij over: ")):
        r = run_cli("check", position_file, "--lang", lang, "--format", "json")
        assert r.returncode in (0, 1), r.stderr
        (line,) = {x for x in r.stdout.splitlines() if head in x}
        listed = line.split(head, 1)[1].split(").", 1)[0]
        assert ";" not in listed and listed.count(", ") >= 2, listed
        assert (" en " if lang == "nl" else " and ") in listed.rsplit(", ", 1)[1]
        if lang == "en":
            assert listed.startswith("detection orders, voluntary detection by providers, age verification "
                                     "and ")


def test_a_position_whose_subjects_cannot_be_told_is_undetermined_never_not_applicable() -> None:
    found = findings(position("2024-02-01"))
    for key in ((HOUSING, 1), (BUDGET, 1)):
        assert found[key].verdict == "undetermined"
        assert found[key].reasons[0].part == "subject"


def test_declared_subjects_decide_without_facts() -> None:
    found = findings(position("2024-02-01", subjects=["budget"]))
    assert found[(HOUSING, 1)].verdict == "not_applicable"
    assert found[(BUDGET, 1)].verdict == "undetermined"  # about the budget, the level unstated
    assert found[(BUDGET, 1)].missing_facts == ["budget_level"]


@settings(max_examples=60, deadline=None)
@given(st.sets(st.sampled_from(sorted(FACTS))),
       st.one_of(st.none(), st.sets(st.sampled_from(["budget", "housing"]), min_size=1)))
def test_subject_gate_property(stated: set[str], declared: set[str] | None) -> None:
    pos = position("2024-02-01", {k: FACTS[k] for k in sorted(stated)},
                   sorted(declared) if declared else None)
    addressed = declared if declared else set().union(*(SUBJECTS[k] for k in stated))
    found = findings(pos)
    # the duties of conduct and the facts they read: a position bears on one only when it
    # states such a fact (or gives effect to the motion)
    duty_reads = {INFORM: set(), BUILD: {"housing_effort"}}
    for (motion, clause), f in found.items():
        about = {BUDGET: {"budget"}}.get(motion, {"housing"})
        if addressed and not about & addressed:
            assert f.verdict == "not_applicable" and f.reasons[0].part == "subject", (motion, clause)
        elif motion in duty_reads and not duty_reads[motion] & stated:
            # a shut gate after one that cannot tell still shuts (false and unknown is false)
            assert f.verdict == "not_applicable" and f.reasons[0].part == "duty", (motion, clause)
        elif not addressed:
            assert f.verdict == "undetermined" and f.reasons[0].part == "subject", (motion, clause)
        else:
            assert f.reasons[0].part not in ("subject", "duty"), (motion, clause)


def test_unknown_subject_id_is_refused_with_a_did_you_mean(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(WS_DIR, ws)
    pos = ws / "examples/positions/budget-letter.yaml"
    pos.write_text(pos.read_text(encoding="utf-8").replace("facts:", "subjects: [budgte]\nfacts:"),
                   encoding="utf-8")
    out = run_cli("check", "--lang", "en", "-w", str(ws), str(pos))
    assert out.returncode == 2
    assert "budget-letter.yaml:7:12: unknown subject 'budgte'" in out.stderr
    assert "did you mean 'budget'?" in out.stderr


# --- duties of conduct -----------------------------------------------------------------------

def _state(as_of: date, letters: list[LoadedPosition] = ()) -> str:  # type: ignore[assignment]
    found = duties(WS, ["constructed-duties"], {"constructed-duties": PartialDate.parse(as_of.isoformat())},
                   letters_of(letters, "en"), "en")
    return next(d.state for d in found if d.motion == INFORM)


def test_a_duty_turns_from_not_yet_due_to_overdue_the_day_after_the_deadline() -> None:
    assert _state(DEADLINE) == "not_yet_due"
    assert _state(DEADLINE + timedelta(days=1)) == "overdue"


@settings(max_examples=40, deadline=None)
@given(st.dates(date(2024, 1, 20), date(2024, 6, 30)), st.dates(date(2024, 1, 20), date(2024, 6, 30)))
def test_a_letter_giving_effect_fulfils_the_duty_on_its_date(sent: date, as_of: date) -> None:
    letter = position(sent.isoformat(), executed=[INFORM], pid="letter")
    state = _state(as_of, [letter])
    if as_of < sent:  # the letter does not count before its own date
        assert state == ("not_yet_due" if as_of <= DEADLINE else "overdue")
    elif sent <= DEADLINE:
        assert state == "met"
    else:
        assert state == "overdue"  # met late


@settings(max_examples=30, deadline=None)
@given(st.dates(date(2024, 1, 20), date(2024, 6, 30)))
def test_the_letter_that_gives_effect_is_judged_on_the_duty(sent: date) -> None:
    found = findings(position(sent.isoformat(), executed=[INFORM], pid="letter"))
    f = found[(INFORM, 1)]
    assert f.verdict == ("complies" if sent <= DEADLINE else "conflicts")
    assert f.due == ("due" if sent <= DEADLINE else "overdue")


def test_an_unrelated_letter_is_not_charged_with_an_overdue_duty() -> None:
    # a housing letter that neither fulfils the duty nor states a fact it reads
    found = findings(position("2024-07-01", {"housing_plan": "true"}))
    f = found[(INFORM, 1)]
    assert f.verdict == "not_applicable" and f.reasons[0].part == "duty"
    assert "overdue" in f.message


def test_duties_overview_lists_state_and_evidence() -> None:
    letter = position("2024-02-20", executed=[INFORM], pid="letter")
    found = duties(WS, ["constructed-duties"], {"constructed-duties": PartialDate.parse("2024-07-01")},
                   letters_of([letter], "en"), "en")
    inform = next(d for d in found if d.motion == INFORM)
    assert inform.state == "met"
    assert [(e.kind, e.ref, e.date) for e in inform.evidence] == [("letter", "letter", "2024-02-20")]
    build = next(d for d in found if d.motion == BUILD)
    assert build.state == "overdue" and build.obligation == "effort"


# --- effort or result -----------------------------------------------------------------------

def test_an_effort_duty_with_effort_shown_and_the_result_missed_is_not_a_conflict() -> None:
    found = findings(position("2024-07-01", {"housing_effort": "true"}))
    f = found[(BUILD, 1)]
    assert f.verdict == "complies"
    assert f.due == "overdue"  # the outcome was missed, and that is reported
    effort = next(r for r in f.reasons if r.part == "effort")
    assert effort.result == "true" and "outcome was missed" in effort.text


def test_an_effort_duty_without_effort_and_the_result_missed_conflicts() -> None:
    assert findings(position("2024-07-01", {"housing_effort": "false"}))[(BUILD, 1)].verdict == "conflicts"
    # a letter on the duty that does not say whether the effort was made: undetermined, naming it
    f = findings(position("2024-07-01", {"housing_plan": "true"}, executed=[BUILD]))[(BUILD, 1)]
    assert f.verdict == "undetermined" and "housing_effort" in f.missing_facts
    # one that neither gives effect to it nor speaks of the effort is not judged on it
    f = findings(position("2024-07-01", {"housing_plan": "true"}))[(BUILD, 1)]
    assert f.verdict == "not_applicable" and f.reasons[0].part == "duty"


# --- CI: an overdue duty blocks a run only when asked ----------------------------------------

def test_overdue_duty_and_a_changed_unrelated_letter_exit_0_by_default_and_1_with_the_gate(
        tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(WS_DIR, ws)
    letter = ws / "examples/positions/budget-letter.yaml"
    letter.write_text(letter.read_text(encoding="utf-8").replace("value: 5", "value: 6"), encoding="utf-8")
    default = run_cli("check", "-w", str(ws), str(ws / "examples/positions"))
    assert default.returncode == 0, default.stdout + default.stderr
    gated = run_cli("check", "-w", str(ws), str(ws / "examples/positions"), "--fail-on", "overdue-duty",
                    "--lang", "en")
    assert gated.returncode == 1
    assert "overdue" in gated.stderr and INFORM in gated.stderr
    both = run_cli("check", "-w", str(ws), str(ws / "examples/positions"), "--fail-on", "undeclared",
                   "--fail-on", "overdue-duty")
    assert both.returncode == 1
    out = run_cli("duties", "-w", str(ws), "--format", "json")
    assert out.returncode == 0
    assert '"state": "overdue"' in out.stdout


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "html"])
def test_duties_command_lists_every_groningen_duty_with_state_and_evidence(fmt: str) -> None:
    out = run_cli("duties", "--dossier", "groningen-gas", "--format", fmt, "--lang", "en")
    assert out.returncode == 0, out.stderr
    for motion in ("33529-635", "34957-30", "35561-37", "provisional-2022-01-paternotte"):
        assert motion in out.stdout
    if fmt == "json":
        import json

        doc = json.loads(out.stdout)
        states = {(d["motion"], d["clause"]): d for d in doc["duties"]}
        assert states[("34957-30", 2)]["state"] == "ended"
        assert states[("33529-635", 1)]["adoption"] == "unknown"
        assert all(d["evidence"] or d["decides"] for d in doc["duties"])
        # executed by a letter dated only to the month (2022-03) against a deadline of 2 March:
        # whether it came in time cannot be told, so the duty is not "met"
        paternotte = states[("provisional-2022-01-paternotte", 2)]
        assert paternotte["state"] == "unknown" and paternotte["due"] == "2022-03-02"
        assert paternotte["decides"] == ["statement:executed"]
        assert [e["kind"] for e in paternotte["evidence"]] == ["statement"]


# --- the standing position -------------------------------------------------------------------

def _standing(positions: list[LoadedPosition], pid: str) -> dict[tuple[str, int], Finding]:
    got = []
    for backend in BACKENDS:
        report = check(WS, positions, backend, lang="en", standing=True)
        got.append({(f.motion, f.clause): f for f in report.findings if f.position == pid})
    assert got[0] == got[1]
    return got[0]


def test_the_standing_position_carries_a_stance_fact_forward_with_its_origin() -> None:
    earlier = position("2024-02-01", {"housing_plan": "false", "plan_version": "v1"}, pid="earlier")
    later = position("2024-05-01", {"plan_version": "v1"}, pid="later")
    assert findings(later)[(HOUSING, 1)].verdict == "undetermined"  # the document as it stands
    f = _standing([earlier, later], "later")[(HOUSING, 1)]
    assert f.verdict == "conflicts"
    use = next(u for u in f.facts if u.name == "housing_plan")
    assert use.carried_from == "carried from earlier, 2024-02-01, line 7"
    assert (use.file, use.line) == ("earlier.yaml", 7)
    assert any(r.part == "standing" and "carried from earlier" in r.text for r in f.reasons)
    # a later position's own statement wins, and a later position never reaches back
    assert _standing([earlier, later], "earlier")[(HOUSING, 1)].facts[0].carried_from is None


@pytest.mark.parametrize(("first_day", "second_day", "carried"), [
    ("2024-02", "2024-02-10", None),        # the month may end after the day: order unknown
    ("2024-01", "2024-02-10", "false"),     # surely earlier: the later statement stands
    ("2024-02-10", "2024-02", None),
])
def test_a_fact_is_carried_only_from_a_statement_surely_later_than_those_that_disagree(
        first_day: str, second_day: str, carried: str | None) -> None:
    one = position(first_day, {"housing_plan": "true", "plan_version": "v1"}, pid="one")
    two = position(second_day, {"housing_plan": "false", "plan_version": "v1"}, pid="two")
    later = position("2024-05-01", {"plan_version": "v1"}, pid="later")
    f = _standing([one, two, later], "later")[(HOUSING, 1)]
    use = next((u for u in f.facts if u.name == "housing_plan"), None)
    if carried is None:
        assert use is None or use.carried_from is None
        assert f.verdict == "undetermined"  # never the newer-looking value guessed
    else:
        assert use is not None and use.carried_from is not None and "two" in use.carried_from
        assert f.verdict == "conflicts"


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["v1", "v2", None]), st.sampled_from(["v1", "v2", None]), st.booleans())
def test_a_text_fact_carries_only_while_it_is_the_same_text(first: str | None, second: str | None,
                                                            protects: bool) -> None:
    facts = {"plan_protects_tenants": str(protects).lower()}
    if first:
        facts["plan_version"] = first
    earlier = position("2024-02-01", facts, pid="earlier")
    later = position("2024-05-01", {"plan_version": second} if second else {"housing_plan": "true"},
                     pid="later")
    f = _standing([earlier, later], "later")[(HOUSING, 2)]
    use = next(u for u in f.facts if u.name == "plan_protects_tenants")
    # the identity is carried as a whole when the later letter names none of it
    same = first is not None and (second is None or second == first)
    assert (use.carried_from is not None) == same
    assert f.verdict == (("conflicts" if not protects else "complies") if same else "undetermined")


def test_check_standing_in_json_says_where_a_carried_fact_comes_from(tmp_path: Path) -> None:
    import json

    ws = tmp_path / "ws"
    shutil.copytree(WS_DIR, ws)
    folder = ws / "examples/positions"
    (folder / "a.yaml").write_text(
        "# CONSTRUCTED position (test)\nid: constructed-a\ndossier: constructed-duties\ndate: 2024-02-01\n"
        "actor: Constructed\nsource: {title: constructed}\nfacts:\n  housing_plan: {value: true}\n",
        encoding="utf-8")
    (folder / "b.yaml").write_text(
        "# CONSTRUCTED position (test)\nid: constructed-b\ndossier: constructed-duties\ndate: 2024-05-01\n"
        "actor: Constructed\nsource: {title: constructed}\nsubjects: [housing]\nfacts: {}\n",
        encoding="utf-8")
    plain = json.loads(run_cli("check", "-w", str(ws), str(folder), "-f", "json").stdout)
    out = run_cli("check", "-w", str(ws), str(folder), "-f", "json", "--standing", "--lang", "en")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    cell = [f for f in doc["findings"] if f["position"] == "constructed-b" and f["motion"] == HOUSING
            and f["clause"] == 1]
    assert cell[0]["verdict"] == "complies"
    carried = [u for u in cell[0]["facts"] if isinstance(u, dict)]
    assert carried[0]["carried_from"] == "carried from constructed-a, 2024-02-01, line 8"
    assert carried[0]["file"] == "examples/positions/a.yaml"
    before = [f for f in plain["findings"] if f["position"] == "constructed-b" and f["motion"] == HOUSING
              and f["clause"] == 1]
    assert before[0]["verdict"] == "undetermined"


def test_draft_proposes_the_subjects_the_letter_addresses() -> None:
    out = run_cli("draft", "tests/data/seed/geannoteerde-agenda-jbz-raad-2023-09-28.txt",
                  "--dossier", "csam-regulation", "--lang", "en")
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.startswith("# subjects"))
    # derived from the facts the draft proposes: the text, the vote, encryption, the letter
    for subject in ("detection_orders", "encryption", "council_negotiation"):
        assert subject in line
    assert "alternatives" not in line  # the letter says nothing on alternatives with experts


def test_lint_and_analyze_reason_with_subjects(tmp_path: Path) -> None:
    import json

    ws = tmp_path / "ws"
    shutil.copytree(WS_DIR, ws)
    inform = ws / "rules/constructed-duties/provisional-constructed-inform.yaml"
    inform.write_text(inform.read_text(encoding="utf-8").replace("        subjects: [housing]\n", ""),
                      encoding="utf-8")
    housing = ws / "rules/constructed-duties/provisional-constructed-housing.yaml"
    housing.write_text(housing.read_text(encoding="utf-8").replace(
        "      - clause: 1\n", "      - clause: 1\n        subjects: [budget]\n"), encoding="utf-8")
    out = run_cli("lint", "-w", str(ws), "--format", "json", "--lang", "en")
    codes = {(i["code"], i["rule"]) for i in json.loads(out.stdout)["issues"]}
    assert ("clause-without-subject", f"{INFORM}#1@literal") in codes
    assert ("subject-not-read", f"{HOUSING}#1@literal") in codes
    plain = json.loads(run_cli("analyze", "-w", str(WS_DIR), "--dossier", "constructed-duties",
                               "--format", "json").stdout)
    assert plain["subjects"][f"{HOUSING}#1"] == ["housing"] and plain["subjects"][f"{BUDGET}#1"] == ["budget"]
