"""`compliance test`: YAML rule tests, their coverage, and their collection by pytest."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT, run_cli

TESTS = Path("rules/csam-regulation/tests")


def test_bundled_rule_tests_pass_with_full_coverage() -> None:
    r = run_cli("test", "--coverage", "--min-coverage", "100")
    assert r.returncode == 0, r.stdout + r.stderr
    # Counts grow with every dossier: pin that all pass and coverage is complete.
    m = re.search(r"(\d+) tests, (\d+) passed, 0 failed", r.stdout)
    assert m and m[1] == m[2], r.stdout
    assert re.search(r"coverage: (\d+)/\1 = 100.0%", r.stdout), r.stdout
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
    (workspace_copy / TESTS / "26643-1047.yaml").unlink()
    r = run_cli("test", "--workspace", str(workspace_copy), "--coverage", "--min-coverage", "100")
    assert r.returncode == 1
    m = re.search(r"coverage: (\d+)/(\d+) = ", r.stdout)
    assert m and int(m[2]) - int(m[1]) == 3, r.stdout  # the standstill rule's three verdicts
    rows = {" ".join(line.split()) for line in r.stdout.splitlines()}
    assert "26643-1047#1@standstill 0/3 -complies -conflicts -undetermined" in rows
    ok = run_cli("test", "--workspace", str(workspace_copy), "--coverage", "--min-coverage", "90")
    assert ok.returncode == 0, ok.stdout


def test_a_wrong_expectation_fails_and_does_not_count(workspace_copy: Path) -> None:
    path = workspace_copy / TESTS / "26643-1047.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      26643-1047#1: undetermined", "      26643-1047#1: complies"),
                    encoding="utf-8")
    r = run_cli("test", "--workspace", str(workspace_copy), "--coverage")
    assert r.returncode == 1
    assert ("FAIL rules/csam-regulation/tests/26643-1047.yaml:34: agreeing while it is unknown whether "
            "the letter was discussed before the step — undetermined") in r.stdout
    assert "       26643-1047#1@standstill: expected complies, got undetermined" in r.stdout
    m = re.search(r"coverage: (\d+)/(\d+) = ", r.stdout)
    assert m and int(m[2]) - int(m[1]) == 1, r.stdout


def test_bad_test_file_is_an_input_error(workspace_copy: Path) -> None:
    path = workspace_copy / TESTS / "26643-1047.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("cabinet_vote_intention: for", "cabinet_vote_intenton: for", 1),
                    encoding="utf-8")
    r = run_cli("test", "--workspace", str(workspace_copy))
    assert r.returncode == 2
    assert ("rules/csam-regulation/tests/26643-1047.yaml:9:7: fact 'cabinet_vote_intenton' is not in "
            "the vocabulary of dossier 'csam-regulation' — did you mean 'cabinet_vote_intention'?"
            ) in r.stderr
    assert "Traceback" not in r.stderr


def test_pytest_collects_rule_tests(workspace_copy: Path) -> None:
    path = workspace_copy / TESTS / "26643-1011.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      26643-1011#2: conflicts\n  - name: no detection",
                                 "      26643-1011#2: complies\n  - name: no detection"), encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "rules"],
                       cwd=workspace_copy, capture_output=True, text=True, timeout=300)
    assert re.search(r"\b1 failed, \d+ passed", r.stdout), r.stdout + r.stderr
    assert ("rules/csam-regulation/tests/26643-1011.yaml:4: 26643-1011#2@literal: expected complies, "
            "got conflicts") in r.stdout
    clean = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            str(ROOT / TESTS)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert re.search(r"\b\d+ passed", clean.stdout) and "failed" not in clean.stdout, \
        clean.stdout + clean.stderr
