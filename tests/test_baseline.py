"""Baseline gating on two revisions of the examples: only what is new fails the run."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from compliance.gate import fingerprint, identity
from compliance.model.output import Finding
from tests.conftest import SEED, run_cli
from tests.report_cases import make_workspace, seed_text, supports_text


def two_revisions(tmp_path: Path, *, change: bool) -> tuple[Path, Path]:
    base = make_workspace(tmp_path / "base", variants=False)
    head = make_workspace(tmp_path / "head", variants=False)
    if change:
        (head / SEED).write_text(supports_text(seed_text()), encoding="utf-8")
    return base, head


def baseline_report(base: Path, tmp_path: Path) -> Path:
    out = tmp_path / "base-report.json"
    r = run_cli("check", "-w", str(base), "--format", "json", "--output", str(out))
    assert r.returncode == 0, r.stderr
    return out


def test_a_revision_introducing_a_conflict_has_exactly_one_new_finding(tmp_path: Path) -> None:
    base, head = two_revisions(tmp_path, change=True)
    baseline = baseline_report(base, tmp_path)

    gated = run_cli("check", "-w", str(head), "--baseline", str(baseline), "--format", "sarif")
    assert gated.returncode == 1, gated.stderr
    results = json.loads(gated.stdout)["runs"][0]["results"]
    assert [(r["ruleId"], r["baselineState"]) for r in results] == [("26643-1047/1", "new")]

    diff = run_cli("diff", str(baseline), str(head), "-w", str(head), "--format", "json")
    assert diff.returncode == 1, diff.stderr
    doc = json.loads(diff.stdout)
    assert doc["counts"] == {"new": 1, "unchanged": 2, "resolved": 0, "new_failing": 1}
    (new,) = doc["new"]
    assert (new["motion"], new["clause"], new["verdict"], new["declared"]) == \
        ("26643-1047", 1, "conflicts", False)

    # the same through two folders, without a report file in between
    folders = run_cli("diff", str(base), str(head), "--format", "markdown", "--lang", "en")
    assert folders.returncode == 1, folders.stderr
    assert "### new (1)" in folders.stdout and "### unchanged (2)" in folders.stdout


def test_without_the_change_nothing_is_new_and_the_run_passes(tmp_path: Path) -> None:
    base, head = two_revisions(tmp_path, change=False)
    baseline = baseline_report(base, tmp_path)
    gated = run_cli("check", "-w", str(head), "--baseline", str(baseline), "--fail-on", "conflict")
    # the declared 1011 conflicts reach --fail-on conflict, but they are not new
    assert gated.returncode == 0, gated.stdout + gated.stderr
    plain = run_cli("check", "-w", str(head), "--fail-on", "conflict")
    assert plain.returncode == 1
    diff = run_cli("diff", str(base), str(head), "--format", "json")
    assert diff.returncode == 0, diff.stderr
    assert json.loads(diff.stdout)["counts"] == {"new": 0, "unchanged": 2, "resolved": 0,
                                                 "new_failing": 0}


def test_reverting_the_change_resolves_the_finding(tmp_path: Path) -> None:
    head, base = two_revisions(tmp_path, change=True)  # the conflict is in the old revision
    diff = run_cli("diff", str(base), str(head), "--format", "json")
    assert diff.returncode == 0
    doc = json.loads(diff.stdout)
    assert [(f["motion"], f["verdict"]) for f in doc["resolved"]] == [("26643-1047", "conflicts")]


def test_a_broken_baseline_is_an_input_error_with_a_location(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema_version": "1.0", "lang": "en", "counts": 3}\n', encoding="utf-8")
    r = run_cli("check", SEED, "--baseline", str(bad))
    assert r.returncode == 2
    assert f"{bad}:1:" in r.stderr and "Traceback" not in r.stderr
    missing = run_cli("check", SEED, "--baseline", str(tmp_path / "nope.json"), "--lang", "en")
    assert missing.returncode == 2 and "no such report file" in missing.stderr


def _finding(**kw: object) -> Finding:
    base: dict = dict(position="p", position_file="f.yaml", dossier="d", motion="1-2",
                      motion_name="M", kamerstuk=None, clause=1, request="r", rule=None,
                      rule_file=None, rule_line=None, interpretation=None, verdict="conflicts",
                      declared=False, message="m", missing_facts=[], reasons=[], facts=[], notes=[],
                      sources=[])
    return Finding(**(base | kw))


texts = st.text(min_size=1, max_size=30)


@given(texts, texts, st.integers(1, 9), texts, texts)
def test_fingerprint_ignores_wording_and_place(position: str, motion: str, clause: int,
                                                message: str, file: str) -> None:
    a = _finding(position=position, motion=motion, clause=clause)
    b = _finding(position=position, motion=motion, clause=clause, message=message, position_file=file)
    assert fingerprint(a) == fingerprint(b)


@given(st.sampled_from(["conflicts", "undetermined", "complies"]), st.sampled_from([True, False, None]))
def test_losing_a_declaration_makes_a_new_finding(verdict: str, declared: bool | None) -> None:
    a = _finding(verdict=verdict, declared=declared)
    b = _finding(verdict=verdict, declared=True)
    same = verdict != "conflicts" or declared is True
    assert (fingerprint(a) == fingerprint(b)) is same
    assert identity(a)[:3] == ("p", "1-2", 1)
