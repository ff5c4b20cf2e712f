"""Time, events, standstill and scenarios on the encoded CSAM data (issue 3)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.api import load_positions, load_workspace
from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend
from compliance.dates import PartialDate
from compliance.evaluate import check
from tests.conftest import ROOT, run_cli

WS = load_workspace(ROOT)
POSITIONS = load_positions(WS, [ROOT / "examples/positions"])
SCENARIO = load_positions(WS, [ROOT / "examples/scenarios"])[0]
DIRECT = DirectBackend()
DURABLE = DurableBackend()

# Every encoded position x every encoded motion, as of the position's date.
# Justifications per cell: examples/verdict-matrix.md.
MATRIX = {
    "nl-2022-06-17-bnc-fiche": dict.fromkeys(
        ["26643-885", "26643-1011", "26643-1047", "32317-856", "32317-891",
         "provisional-2023-10-van-haga", "provisional-2025-11-kathmann"], "not_applicable"),
    "nl-2023-09-18-geannoteerde-agenda-jbz": {
        "26643-885": "complies", "26643-1011": "conflicts", "26643-1047": "complies",
        "32317-856": "not_applicable", "32317-891": "not_applicable",
        "provisional-2023-10-van-haga": "not_applicable", "provisional-2025-11-kathmann": "not_applicable"},
    # 16 Sept 2024: no position taken yet on the Hungarian text, so whether the cabinet
    # accepts its detection orders is open: 1011 and 856 stay undetermined (matrix file).
    "nl-2024-09-16-kabinetsstandpunt": {
        "26643-885": "complies", "26643-1011": "undetermined", "26643-1047": "complies",
        "32317-856": "undetermined", "32317-891": "not_applicable",
        "provisional-2023-10-van-haga": "complies", "provisional-2025-11-kathmann": "not_applicable"},
    "nl-2024-10-01-actieve-onthouding": {
        "26643-885": "complies", "26643-1011": "complies", "26643-1047": "complies",
        "32317-856": "complies", "32317-891": "not_applicable",
        "provisional-2023-10-van-haga": "complies", "provisional-2025-11-kathmann": "not_applicable"},
    # Abstaining on a text with untargeted detection orders on chat services, while the
    # letter is presented as executing the motion: an undeclared conflict with 891.
    "nl-2024-11-29-uitvoering-motie-kathmann": {
        "26643-885": "complies", "26643-1011": "complies", "26643-1047": "complies",
        "32317-856": "complies", "32317-891": "conflicts",
        "provisional-2023-10-van-haga": "complies", "provisional-2025-11-kathmann": "not_applicable"},
    "nl-2025-09-29-deens-voorstel": {
        "26643-885": "complies", "26643-1011": "complies", "26643-1047": "complies",
        "32317-856": "complies", "32317-891": "conflicts",
        "provisional-2023-10-van-haga": "complies", "provisional-2025-11-kathmann": "not_applicable"},
    "nl-2025-11-18-herzien-deens-voorstel": {
        "26643-885": "complies", "26643-1011": "complies", "26643-1047": "complies",
        "32317-856": "complies", "32317-891": "complies",
        "provisional-2023-10-van-haga": "complies", "provisional-2025-11-kathmann": "not_applicable"},
    # 891's clause 2 (alternatives with experts) is not about what these letters address
    "nl-2025-11-25-tegenstem-coreper": {
        "26643-885": "complies", "26643-1011": "complies", "26643-1047": "complies",
        "32317-856": "complies", "32317-891": "complies",
        "provisional-2023-10-van-haga": "complies", "provisional-2025-11-kathmann": "complies"},
}

# The second dossier (groningen-gas): its positions x its motions, same source of truth
# (examples/verdict-matrix.md, also pinned cell by cell by tests/test_groningen.py). The
# rejected and the replaced motion never apply; the three of unknown outcome apply
# (undetermined) from their proposal on: 33529-635 from 2019-05, 35561-37 from 2023-06-07,
# 36848-66 only from 2026-02-26.
_NA, _UN = "not_applicable", "undetermined"


def _groningen(m34957: str = _NA, m35561: str = _NA, *, paternotte: str = _NA, m34957_50: str = _NA
               ) -> dict[str, str]:
    # since issue 24 a motion applies only to positions about its subjects, and a duty of
    # conduct only to a position that bears on it (docs/applicability.md)
    return {"34957-30": m34957, "provisional-2022-01-paternotte": paternotte, "35561-37": m35561,
            "36848-66": _NA, "provisional-2023-06-van-haga": _NA, "32849-275": _NA,
            "provisional-2025-12-beckerman-warffum": _NA, "33529-594": _NA,
            "33529-635": _NA, "34957-50": m34957_50}


MATRIX.update({
    # the new-build scheme of December 2018: 34957-50 adopted that month (cannot be placed
    # before or after the position)
    "nl-2018-12-verlenging-nieuwbouwregeling": _groningen(m34957_50=_UN),
    "nl-2022-01-verhoging-gasjaar-2021-2022": _groningen(_UN, paternotte=_UN),
    "nl-2022-09-26-waakvlam": _groningen("complies", paternotte=_UN),
    # the source of the timeline event extraction_stopped: it bears on 35561-37 (vote unknown)
    "nl-2023-06-sluiting-groningenveld": _groningen("complies", _UN, paternotte=_UN),
    "nl-2024-04-19-wet-beeindiging": _groningen("complies"),
    "nl-2025-03-warffum-hervat": _groningen(),  # a small field: no Groningen-field motion
})


def _verdicts(report):
    return {(m.position, m.motion): m.verdict for m in report.motions}


def _same_dossier(position_id: str, motion_id: str) -> bool:
    dossier = next(p.model.dossier for p in POSITIONS if p.model.id == position_id)
    return dossier in WS.motions[motion_id].record.dossiers


def test_verdict_matrix_as_of_each_position_date_both_backends() -> None:
    want = {(p, m): v for p, row in MATRIX.items() for m, v in row.items()}
    for backend in (DIRECT, DURABLE):
        got = _verdicts(check(WS, POSITIONS, backend, lang="en"))
        assert {k: v for k, v in got.items() if _same_dossier(*k)} == want
        # a motion of another dossier never applies to a position
        assert {v for k, v in got.items() if not _same_dossier(*k)} == {"not_applicable"}


def test_old_warffum_position_conflicts_from_the_day_the_motion_is_adopted() -> None:
    pos = [p for p in POSITIONS if p.model.id == "nl-2025-03-warffum-hervat"]
    key = ("nl-2025-03-warffum-hervat", "provisional-2025-12-beckerman-warffum")
    for backend in (DIRECT, DURABLE):
        assert _verdicts(check(WS, pos, backend, as_of="2025-12-08"))[key] == "not_applicable"
        on = check(WS, pos, backend, as_of="2025-12-09")
        assert _verdicts(on)[key] == "conflicts"
        finding = next(f for f in on.findings if f.motion == key[1])
        assert finding.declared is False


def test_matrix_document_lists_every_cell() -> None:
    doc = (ROOT / "examples/verdict-matrix.md").read_text(encoding="utf-8")
    for pos, row in MATRIX.items():
        for motion, verdict in row.items():
            assert f"| {pos} | {motion} | {verdict} |" in doc, (pos, motion)


def test_later_motion_not_applicable_the_day_before_and_conflicts_on_adoption_day() -> None:
    pos = [p for p in POSITIONS if p.model.id == "nl-2025-11-18-herzien-deens-voorstel"]
    before = _verdicts(check(WS, pos, DURABLE, as_of="2025-11-24"))
    on = check(WS, pos, DURABLE, as_of="2025-11-25")
    key = ("nl-2025-11-18-herzien-deens-voorstel", "provisional-2025-11-kathmann")
    assert before[key] == "not_applicable"
    assert _verdicts(on)[key] == "conflicts"
    finding = next(f for f in on.findings if f.motion == "provisional-2025-11-kathmann")
    assert finding.declared is False  # an old position still held: an undeclared conflict


def test_month_precision_adoption_is_undetermined_within_the_month() -> None:
    seed = [p for p in POSITIONS if p.model.id == "nl-2023-09-18-geannoteerde-agenda-jbz"]
    v = _verdicts(check(WS, seed, DIRECT, as_of="2023-10-05"))
    assert v[("nl-2023-09-18-geannoteerde-agenda-jbz", "32317-856")] == "undetermined"
    v = _verdicts(check(WS, seed, DIRECT, as_of="2023-11-01"))
    assert v[("nl-2023-09-18-geannoteerde-agenda-jbz", "32317-856")] != "not_applicable"


def test_seed_scenarios_text_unchanged_complies_scope_narrowed_conflicts() -> None:
    for backend in (DIRECT, DURABLE):
        report = check(WS, [SCENARIO], backend, lang="en")
        finding = next(f for f in report.findings if f.motion == "26643-1047")
        branches = {b.name: b.verdict for b in finding.branches or []}
        assert branches == {"text_unchanged": "complies", "scope_narrowed": "conflicts"}
        assert finding.verdict == "conflicts" and finding.conditional is True
        assert finding.scenario == "scope_narrowed"
        narrowed = next(b for b in finding.branches or [] if b.name == "scope_narrowed")
        assert "substantiation_letter_discussed" in narrowed.message  # names the outstanding event
        summary = next(m for m in report.motions if m.motion == "26643-1047")
        assert summary.conditional is True and summary.branches == branches


def test_positions_without_scenarios_keep_their_json_shape() -> None:
    r = run_cli("check", "--format", "json")
    data = json.loads(r.stdout)
    assert all("branches" not in f and "conditional" not in f for f in data["findings"])


def test_standstill_step_dated_after_the_events_complies(workspace_copy: Path) -> None:
    path = workspace_copy / "examples/scenarios/2023-09-18-geannoteerde-agenda-jbz-voorwaardelijk.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "substantiation_letter_sent: {not_happened_by: 2023-09-28}",
        "substantiation_letter_sent: {date: 2023-09-20}",
    ).replace("substantiation_letter_discussed: {not_happened_by: 2023-09-28}",
              "substantiation_letter_discussed: {date: 2023-09-27}")
    path.write_text(text, encoding="utf-8")
    ws = load_workspace(workspace_copy)
    report = check(ws, load_positions(ws, [path]), DURABLE)
    finding = next(f for f in report.findings if f.motion == "26643-1047")
    assert {b.name: b.verdict for b in finding.branches or []}["scope_narrowed"] == "complies"


def test_timeline_command_text_and_json() -> None:
    r = run_cli("timeline", "--dossier", "csam-regulation", "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    rows = {row["date"]: row for row in data["rows"]}
    # On 25 Nov 2025 the motion is adopted and the cabinet commits to voting against the
    # same day: the position in force is that commitment, which complies.
    assert rows["2025-11-25"]["position"] == "nl-2025-11-25-tegenstem-coreper"
    assert rows["2025-11-25"]["verdicts"]["provisional-2025-11-kathmann"] == "complies"
    assert rows["2025-11-18"]["verdicts"]["provisional-2025-11-kathmann"] == "not_applicable"
    # From the abstention of 1 Oct 2024 on, every verdict of 885, 1011 and 856 is decided.
    later = [row for d, row in rows.items() if d >= "2024-10-01"]
    assert later and all(row["verdicts"][m] in ("complies", "conflicts")
                         for row in later for m in ("26643-885", "26643-1011", "32317-856"))
    assert rows["2023-09-18"]["position"] == "nl-2023-09-18-geannoteerde-agenda-jbz"
    text = run_cli("timeline", "--dossier", "csam-regulation")
    assert text.returncode == 0 and "2025-11-25" in text.stdout


def test_unknown_event_in_rule_is_a_located_error(workspace_copy: Path) -> None:
    rule = workspace_copy / "rules/csam-regulation/26643-1047.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace(
        "all: [substantiation_letter_sent,", "all: [substantiation_leter_sent,"), encoding="utf-8")
    r = run_cli("check", "-w", str(workspace_copy))
    assert r.returncode == 2
    assert "26643-1047.yaml:" in r.stderr and "substantiation_letter_sent" in r.stderr
    assert "Traceback" not in r.stderr


days = st.dates(min_value=date(2022, 1, 1), max_value=date(2026, 12, 31))


def _settled_before(motion: str, when: date) -> bool:
    """The motion's adoption and every event its rules read lie surely before ``when``."""
    from compliance.conditions.ast import flags_of

    d = PartialDate.parse(when.isoformat())
    voted = WS.motions[motion].record.dates.voted
    if voted is None or PartialDate.parse(voted).last >= d.first:
        return False
    dossier = WS.motions[motion].record.dossiers[0]
    pack = WS.pack(dossier)
    if any(c.clock is not None for c in pack.clauses if c.motion == motion):
        return False  # a deadline or recurring duty moves with the date by design
    events = {f.event for c in pack.clauses if c.motion == motion
              for cond in (c.applies, c.conflicts, c.complies, *c.notes) if cond is not None
              for f in flags_of(cond, dict(pack.concepts))}
    tl = WS.timelines[dossier]
    return all(tl.events[e].date is not None and PartialDate.parse(tl.events[e].date).last < d.first
               for e in events)


@settings(max_examples=40, deadline=None)
@given(a=days, b=days)
def test_moving_as_of_never_changes_a_settled_verdict(a: date, b: date) -> None:
    for pos in POSITIONS:
        ra = _verdicts(check(WS, [pos], DIRECT, as_of=a.isoformat()))
        rb = _verdicts(check(WS, [pos], DIRECT, as_of=b.isoformat()))
        for (p, m), v in ra.items():
            if _settled_before(m, a) and _settled_before(m, b):
                assert rb[(p, m)] == v


@settings(max_examples=40, deadline=None)
@given(when=days)
def test_motion_adopted_after_as_of_is_never_applicable(when: date) -> None:
    d = PartialDate.parse(when.isoformat())
    report = check(WS, [*POSITIONS, SCENARIO], DIRECT, as_of=when.isoformat())
    for f in report.findings:
        voted = WS.motions[f.motion].record.dates.voted
        if voted and PartialDate.parse(voted).first > d.last:
            assert f.verdict == "not_applicable"


@settings(max_examples=30, deadline=None)
@given(when=days, sent=st.one_of(st.none(), days), discussed=st.one_of(st.none(), days),
       step=days, vote=st.sampled_from(["for", "against", "abstain", "not_for", "undecided"]))
def test_durable_and_direct_agree_on_events_and_standstill(when: date, sent: date | None,
                                                           discussed: date | None, step: date,
                                                           vote: str) -> None:
    from compliance.evaluate import branches
    from compliance.loading.timeline import LoadedTimeline
    from compliance.model.position import PlannedStep

    pack = WS.pack("csam-regulation")
    tl = WS.timelines["csam-regulation"]
    events = dict(tl.events)
    for name, d in (("substantiation_letter_sent", sent), ("substantiation_letter_discussed", discussed)):
        events[name] = events[name].model_copy(update={"date": d.isoformat() if d else None,
                                                      "not_happened_by": None})
    timeline = LoadedTimeline(tl.dossier, tl.file, tl.doc, events)
    seed = next(p for p in POSITIONS if p.model.id == "nl-2023-09-18-geannoteerde-agenda-jbz")
    pos = type(seed)(seed.model.model_copy(update={"planned_steps": [PlannedStep(
        date=step.isoformat(), kind="partial_general_approach",
        description=seed.model.planned_steps[0].description)]}), seed.file, seed.doc,
        {**seed.facts, "cabinet_vote_intention": vote})
    records = [b.facts for b in branches(pos, pack, timeline, PartialDate.parse(when.isoformat()), "en")]
    assert DIRECT.evaluate(pack, records) == DURABLE.evaluate(pack, records)
