"""`compliance test`: YAML rule tests, their coverage, and their collection by pytest."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_cli

TESTS = Path("rules/csam-regulation/tests")


def totals(workspace: Path = ROOT) -> tuple[int, int, int]:
    """(rule tests, of them in the CSAM folder, coverage items) of a workspace, as the JSON
    output counts them: the other assertions are relative to these, so that a dossier
    growing its tests does not change what they prove."""
    j = json.loads(run_cli("test", "--workspace", str(workspace), "--coverage", "--format",
                           "json").stdout)
    csam = sum(1 for t in j["tests"] if t["file"].startswith(TESTS.as_posix()))
    return len(j["tests"]), csam, j["coverage"]["required"]


def test_bundled_rule_tests_pass_with_full_coverage() -> None:
    r = run_cli("test", "--coverage", "--min-coverage", "100")
    assert r.returncode == 0, r.stdout + r.stderr
    n, _, items = totals()
    assert f"{n} tests, {n} passed, 0 failed" in r.stdout
    assert f"coverage: {items}/{items} = 100.0%" in r.stdout
    rows = {" ".join(line.split()) for line in r.stdout.splitlines()}
    assert ("provisional-2025-11-kathmann#1@vote-against 4/4 complies conflicts undetermined "
            "not_applicable") in rows
    assert "26643-885#1@strict-reading 3/3 complies conflicts undetermined" in rows
    j = json.loads(run_cli("test", "--coverage", "--format", "json", "--backend", "direct").stdout)
    assert j["coverage"]["percent"] == 100.0 and j["failed"] == 0
    assert set(j["coverage"]["rules"]) >= {
        "26643-885#1@cabinet-reading", "26643-885#2@cabinet-reading", "26643-885#1@strict-reading",
        "26643-885#2@strict-reading", "26643-1011#1@literal", "26643-1011#2@literal",
        "26643-1047#1@standstill", "32317-856#1@as-van-ginneken", "32317-891#1@floor",
        "32317-891#2@floor", "provisional-2023-10-van-haga#1@no-css-orders",
        "provisional-2025-11-kathmann#1@vote-against"}


def test_removing_a_test_file_lowers_coverage_and_fails_threshold(workspace_copy: Path) -> None:
    _, _, items = totals(workspace_copy)
    (workspace_copy / TESTS / "26643-1047.yaml").unlink()
    r = run_cli("test", "--workspace", str(workspace_copy), "--coverage", "--min-coverage", "100")
    assert r.returncode == 1
    assert f"coverage: {items - 3}/{items} = {100 * (items - 3) / items:.1f}%" in r.stdout
    rows = {" ".join(line.split()) for line in r.stdout.splitlines()}
    assert "26643-1047#1@standstill 0/3 -complies -conflicts -undetermined" in rows
    ok = run_cli("test", "--workspace", str(workspace_copy), "--coverage", "--min-coverage",
                 str(int(100 * (items - 3) / items)))
    assert ok.returncode == 0, ok.stdout


def test_a_wrong_expectation_fails_and_does_not_count(workspace_copy: Path) -> None:
    _, _, items = totals(workspace_copy)
    path = workspace_copy / TESTS / "26643-1047.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      26643-1047#1: undetermined", "      26643-1047#1: complies"),
                    encoding="utf-8")
    r = run_cli("test", "--workspace", str(workspace_copy), "--coverage")
    assert r.returncode == 1
    assert ("FAIL rules/csam-regulation/tests/26643-1047.yaml:34: agreeing while it is unknown whether "
            "the letter was discussed before the step — undetermined") in r.stdout
    assert "       26643-1047#1@standstill: expected complies, got undetermined" in r.stdout
    assert f"coverage: {items - 1}/{items} = {100 * (items - 1) / items:.1f}%" in r.stdout


def test_bad_test_file_is_an_input_error(workspace_copy: Path) -> None:
    path = workspace_copy / TESTS / "26643-1047.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cabinet_vote_intention: for", "cabinet_vote_intenton: for", 1),
                    encoding="utf-8")
    r = run_cli("test", "--lang", "en", "--workspace", str(workspace_copy))
    assert r.returncode == 2
    assert ("rules/csam-regulation/tests/26643-1047.yaml:9:7: fact 'cabinet_vote_intenton' is not in "
            "the vocabulary of dossier 'csam-regulation' — did you mean 'cabinet_vote_intention'?"
            ) in r.stderr
    assert "Traceback" not in r.stderr


def test_pytest_collects_rule_tests(workspace_copy: Path) -> None:
    n, csam, _ = totals(workspace_copy)
    path = workspace_copy / TESTS / "26643-1011.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      26643-1011#2: conflicts\n  - name: no detection",
                                 "      26643-1011#2: complies\n  - name: no detection"), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "rules"],
                       cwd=workspace_copy, capture_output=True, text=True, timeout=300)
    assert f"1 failed, {n - 1} passed" in r.stdout, r.stdout + r.stderr
    assert ("rules/csam-regulation/tests/26643-1011.yaml:4: 26643-1011#2@literal: expected complies, "
            "got conflicts") in r.stdout
    clean = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            str(ROOT / TESTS)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert f"{csam} passed" in clean.stdout, clean.stdout + clean.stderr
