"""The second dossier (groningen-gas): its verdict matrix in examples/verdict-matrix.md is
what the engine says, cell by cell, through both backends; and the request kinds give the
verdicts docs/dossier2-design.md specifies per as-of date."""

from __future__ import annotations

from pathlib import Path

import pytest

from compliance.api import load_positions, load_workspace
from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend
from compliance.evaluate import check
from compliance.model.rules import RuleFile
from tests.conftest import ROOT, run_cli

WS = load_workspace(ROOT)
DOSSIER = "groningen-gas"
POSITIONS = [p for p in load_positions(WS, [ROOT / "examples/positions"]) if p.model.dossier == DOSSIER]
BY_ID = {p.model.id: p for p in POSITIONS}


def _matrix_rows() -> list[list[str]]:
    text = (ROOT / "examples/verdict-matrix.md").read_text(encoding="utf-8")
    section = text[text.index(f"## Dossier {DOSSIER}"):]
    return [[c.strip() for c in line.split("|")[1:-1]] for line in section.splitlines()
            if line.startswith("| nl-")]


def test_matrix_file_is_the_engines_output_with_a_justification_per_cell() -> None:
    rows = _matrix_rows()
    motions = sorted(m for m, lm in WS.motions.items() if DOSSIER in lm.record.dossiers)
    assert len(motions) >= 10 and len(POSITIONS) >= 6
    assert sorted((r[0], r[1]) for r in rows) == sorted((p, m) for p in BY_ID for m in motions)
    for backend in (DurableBackend(), DirectBackend()):
        report = check(WS, POSITIONS, backend, lang="en")
        got = {(m.position, m.motion): m.verdict for m in report.motions}
        for position, motion, verdict, justification in rows:
            assert got[(position, motion)] == verdict, (position, motion)
            assert justification.startswith("cl.1 ")


_NA = "not_applicable"
# (motion#clause, as of, the waakvlam letter's verdict, the duty's state in `compliance duties`)
# from docs/dossier2-design.md sections 5.1-5.3. Since issue 24 a duty of conduct is the
# dossier's: the letter of September 2022 (about the level and the pilot flame) does not bear
# on these duties, so it is not charged with them; their states carry the request kinds.
AS_OF = [
    ("provisional-2022-01-paternotte#2", "2022-03-01", _NA, "not_yet_due"),
    ("provisional-2022-01-paternotte#2", "2022-03-10", _NA, "unknown"),  # the window overlaps
    ("provisional-2022-01-paternotte#2", "2022-03-15", _NA, "unknown"),  # the letter is undated
    ("34957-30#2", "2018-12-01", _NA, "not_yet_due"),
    ("34957-30#2", "2019-02-01", _NA, "met"),
    ("34957-30#2", "2019-08-01", _NA, "unknown"),
    ("34957-30#2", "2024-04-19", _NA, "ended"),
    ("35561-37#1", "2023-06-06", _NA, None),  # not yet proposed: no duty
    ("35561-37#1", "2023-06-08", _NA, "not_yet_due"),  # vote unknown: listed, marked
    ("36848-66#1", "2026-02-26", "undetermined", None),
    # the real held and replaced motion: 594 never applies, its replacement 635 (outcome
    # unknown) only from its proposal in May 2019
    ("33529-594#1", "2019-04-15", _NA, None),
    ("33529-594#1", "2025-01-01", _NA, None),
    ("33529-635#1", "2019-04-30", _NA, None),
    ("33529-635#1", "2019-06-01", _NA, "not_yet_due"),
]


@pytest.mark.parametrize(("key", "as_of", "verdict", "state"), AS_OF)
def test_request_kinds_on_the_real_dossier(key: str, as_of: str, verdict: str, state: str | None) -> None:
    from compliance.dates import PartialDate
    from compliance.evaluate.duty_list import duties

    motion, _, clause = key.partition("#")
    pos = [BY_ID["nl-2022-09-26-waakvlam"]]
    reports = [check(WS, pos, b, lang="en", as_of=as_of) for b in (DurableBackend(), DirectBackend())]
    assert reports[0].model_dump() == reports[1].model_dump()
    f = next(f for f in reports[0].findings if f.motion == motion and f.clause == int(clause))
    assert f.verdict == verdict, f.message
    listed = [d.state for d in duties(WS, [DOSSIER], {DOSSIER: PartialDate.parse(as_of)}, [], "en")
              if d.motion == motion and d.clause == int(clause)]
    assert listed == ([state] if state else [])


def test_dossier_validates_lints_clean_and_is_fully_covered() -> None:
    assert run_cli("validate").returncode == 0
    lint = run_cli("lint", "--lang", "en")
    assert lint.returncode == 0 and lint.stdout.strip().endswith("0 errors, 0 warnings"), lint.stdout
    cov = run_cli("test", "--coverage", "--min-coverage", "100", "--format", "json")
    assert cov.returncode == 0, cov.stdout
    import json
    rules = json.loads(cov.stdout)["coverage"]["rules"]
    mine = [k for k in rules if k.split("#")[0] in {m for m, lm in WS.motions.items()
                                                    if DOSSIER in lm.record.dossiers}]
    assert len(mine) >= 8


def test_the_issue_15_minimum_holds_on_real_records_only() -> None:
    """At least 5 adopted motions, a deadline or reporting motion among them, and a real
    (not constructed) held or replaced motion whose replacement is in the dossier."""
    records = [lm.record for lm in WS.motions.values() if DOSSIER in lm.record.dossiers]
    assert all(not r.id.startswith("provisional-constructed") for r in records)
    adopted = {r.id for r in records if r.result == "adopted"}
    assert len(adopted) >= 5, adopted
    clocked = {key.split("#")[0] for lr in WS.rules.values() for key in _clock_clauses(lr.model)}
    assert adopted & clocked, "no adopted deadline or reporting motion"
    replaced = [r for r in records if r.result == "replaced"]
    assert replaced and all(r.replaced_by in WS.motions for r in replaced)
    assert any(step.step == "held" for r in replaced for step in r.history)


def _clock_clauses(rule_file: RuleFile) -> list[str]:
    """The clauses asking for an event by a deadline or every period, in any reading."""
    return [f"{rule_file.motion}#{c.clause}" for i in rule_file.interpretations for c in i.clauses
            if c.deadline is not None or c.recurring is not None]


@pytest.mark.parametrize(("as_of", "verdict", "due"), [
    ("2019-12-31", "complies", "not_yet_due"),   # the deadline day is still in time
    ("2020-01-01", "conflicts", "overdue"),      # claims still open the day after
    ("2020-07-01", "conflicts", "overdue"),      # settled in June 2020: met late
])
def test_amended_damage_motion_would_conflict_for_lateness_if_adopted(
        workspace_copy: Path, as_of: str, verdict: str, due: str) -> None:
    """33 529 nr. 635's outcome is unknown; were it adopted, the timeline's real dates
    decide its deadline: settling the old claims in June 2020 is late for 1 January 2020."""
    record = workspace_copy / "motions/33529-635.yaml"
    text = record.read_text(encoding="utf-8")
    assert "result: unknown\n" in text
    record.write_text(text.replace("result: unknown\n", "result: adopted\n"), encoding="utf-8")
    ws = load_workspace(workspace_copy)
    # a CONSTRUCTED letter on the damage claims that declares it gives effect to the motion:
    # it bears on the duty, so it is judged on it (the timeline dates the settlement)
    from compliance.loading.workspace import load_position_text

    pos = [load_position_text(ws, "id: constructed-damage-letter\ndossier: groningen-gas\n"
                              "date: 2020-09-29\nactor: Constructed\nsource: {title: constructed}\n"
                              "subjects: [damage_handling]\nfacts: {}\ndeclarations:\n"
                              "  - {motion: 33529-635, statement: executed}\n", "constructed.yaml")]
    reports = [check(ws, pos, b, lang="en", as_of=as_of) for b in (DurableBackend(), DirectBackend())]
    assert reports[0].model_dump() == reports[1].model_dump()
    f = next(f for f in reports[0].findings if f.motion == "33529-635")
    assert (f.verdict, f.due) == (verdict, due), f.message
    # a letter on another subject is not charged with it
    other = [p for p in load_positions(ws, [workspace_copy / "examples/positions"])
             if p.model.id == "nl-2018-12-verlenging-nieuwbouwregeling"]
    g = next(f for f in check(ws, other, DirectBackend(), lang="en", as_of=as_of).findings
             if f.motion == "33529-635")
    assert g.verdict == "not_applicable"
