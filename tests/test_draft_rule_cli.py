"""`compliance draft-rule` and `compliance new motion --draft-rule`, run as a user runs them.

The motion record, dicta and scoring corpus in tests/data/draft-rule/ are CONSTRUCTED."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, run_cli

DATA = ROOT / "tests" / "data" / "draft-rule"


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.as_posix().encode() + p.read_bytes())
    return h.hexdigest()


def test_draft_rule_of_a_bundled_motion_is_valid_and_names_its_words() -> None:
    r = run_cli("draft-rule", "26643-1047", "--lang", "en")
    assert r.returncode == 0, r.stderr + r.stdout
    assert "kind standstill — rests on 'onomkeerbare stappen'" in r.stdout
    assert "substantiation_letter_sent" in r.stdout and "Valid rule" in r.stdout
    r = run_cli("draft-rule", "26643-1047", "--format", "json")
    data = json.loads(r.stdout)
    assert data["clauses"][0]["kind"] == "standstill" and data["blockers"] == []


def test_draft_rule_writes_a_rule_and_tests_that_check_and_test_accept(workspace_copy: Path) -> None:
    shutil.copy(DATA / "provisional-constructed-vote.yaml", workspace_copy / "motions")
    rules = workspace_copy / "rules" / "csam-regulation"
    r = run_cli("draft-rule", "provisional-constructed-vote", "-w", str(workspace_copy), "-o",
                str(rules / "provisional-constructed-vote.yaml"), "--tests-output",
                str(rules / "tests" / "provisional-constructed-vote.yaml"))
    assert r.returncode == 0, r.stderr + r.stdout
    rule = (rules / "provisional-constructed-vote.yaml").read_text(encoding="utf-8")
    assert "against" in rule and "text_detection_orders" in rule
    t = run_cli("test", "--coverage", "-w", str(workspace_copy))
    assert t.returncode == 0, t.stdout + t.stderr
    assert "provisional-constructed-vote" in t.stdout
    lint = run_cli("lint", "-w", str(workspace_copy))
    assert "provisional-constructed-vote.yaml" not in lint.stdout, lint.stdout  # no gap, no overlap
    # nothing is overwritten
    again = run_cli("draft-rule", "provisional-constructed-vote", "-w", str(workspace_copy), "-o",
                    str(rules / "provisional-constructed-vote.yaml"))
    assert again.returncode == 2 and "already exists" in again.stderr


def test_missing_facts_are_listed_as_blockers_and_never_added(workspace_copy: Path) -> None:
    before = _digest(workspace_copy / "rules")
    shutil.copy(DATA / "provisional-constructed-vote.yaml", workspace_copy / "motions")
    r = run_cli("draft-rule", "provisional-constructed-vote", "-w", str(workspace_copy),
                "--dictum", str(DATA / "dictum-new-fact.txt"), "--lang", "nl")
    assert r.returncode == 1, r.stderr + r.stdout
    assert "Wat de regel nog blokkeert:" in r.stdout
    assert "NIEUW voorgesteld: fact" in r.stdout and "NIEUW voorgesteld: event" in r.stdout
    assert "soort statement" in r.stdout  # 'spreekt uit' asks nothing: no rule
    assert "binnen drie maanden" in r.stdout
    assert _digest(workspace_copy / "rules") == before


def test_new_motion_with_draft_rule_writes_the_drafted_rule(workspace_copy: Path) -> None:
    r = run_cli("new", "motion", "36999-7", "--dossier", "csam-regulation", "--draft-rule",
                "--dictum", str(DATA / "dictum-vote.txt"), "-w", str(workspace_copy))
    assert r.returncode == 0, r.stderr + r.stdout
    rule = workspace_copy / "rules" / "csam-regulation" / "36999-7.yaml"
    assert "wrote" in r.stdout and rule.is_file()
    text = rule.read_text(encoding="utf-8")
    assert "todo_fact" not in text and "cabinet_supports_text" in text and "excluded" in text
    t = run_cli("test", "-w", str(workspace_copy))
    assert t.returncode == 0, t.stdout + t.stderr


def test_new_motion_keeps_the_skeleton_when_the_draft_is_blocked(workspace_copy: Path) -> None:
    r = run_cli("new", "motion", "36999-8", "--dossier", "csam-regulation", "--draft-rule",
                "--dictum", str(DATA / "dictum-new-fact.txt"), "-w", str(workspace_copy))
    assert r.returncode == 0, r.stderr + r.stdout
    assert "What still blocks the rule:" in r.stdout
    rule = (workspace_copy / "rules" / "csam-regulation" / "36999-8.yaml").read_text(encoding="utf-8")
    assert "todo_fact" in rule  # the skeleton, to fill in once the entries are accepted


def test_score_prints_kinds_facts_and_inversions_per_motion_and_in_total() -> None:
    r = run_cli("draft-rule", "--score", str(DATA / "corpus"), "--half", "tune")
    assert r.returncode == 0, r.stderr + r.stdout
    assert "constructed-vote: kinds 1/1, facts 3/3, inversions 0" in r.stdout
    # constructed-vote, the twelve written without the drafter, and d16 (moved from the held-out half)
    assert "total (14 motions)" in r.stdout
    r = run_cli("draft-rule", "--score", str(DATA / "corpus"))
    assert r.returncode == 1  # the corpus holds an inverted expectation on purpose
    assert "constructed-mixed: kinds 3/3" in r.stdout
    assert "constructed-inverted: kinds 1/1, facts 1/1, inversions 4" in r.stdout
    assert "inversions 4" in r.stdout.splitlines()[-1]


def test_the_tune_corpus_keeps_its_floors() -> None:
    """Pinned floors for the constructed tune corpus (constructed-vote and the twelve dicta a
    colleague wrote without seeing the drafter, and d16, moved here from the held-out half after
    its inversion was seen): a change that loses a kind or a fact, or
    inverts a condition, fails here. Raise the floors when the drafter improves."""
    r = run_cli("draft-rule", "--score", str(DATA / "corpus"), "--half", "tune")
    assert r.returncode == 0, r.stdout
    m = re.search(r"kinds right (\d+)/(\d+) .*facts right (\d+)/(\d+) .*inversions (\d+)$",
                  r.stdout.splitlines()[-1])
    assert m, r.stdout
    kinds, kinds_total, facts, facts_total, inversions = map(int, m.groups())
    assert (kinds_total, facts_total) == (32, 53)
    assert kinds >= 32 and facts >= 44 and inversions == 0, r.stdout.splitlines()[-1]


def test_the_heldout_dicta_keep_their_floors() -> None:
    """The held-out constructed dicta (tests/data/draft-rule/heldout, never read while changing
    the drafter): totals pinned as measured when they were added (docs/authoring.md, "Held-out
    constructed dicta"); kinds and facts may only rise, and no inversion, ever."""
    r = run_cli("draft-rule", "--score", str(DATA / "heldout"))
    assert r.returncode == 0, r.stdout.splitlines()[-1]
    m = re.search(r"kinds right (\d+)/(\d+) .*facts right (\d+)/(\d+) .*inversions (\d+)$",
                  r.stdout.splitlines()[-1])
    assert m, r.stdout.splitlines()[-1]
    kinds, kinds_total, facts, facts_total, inversions = map(int, m.groups())
    assert (kinds_total, facts_total) == (24, 44)
    assert kinds >= 23 and facts >= 33 and inversions == 0, r.stdout.splitlines()[-1]


def test_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    r = run_cli("draft-rule", "--lang", "en", "99999-1")
    assert r.returncode == 2 and "no motion '99999-1'" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("draft-rule", "--lang", "en", "--score", str(tmp_path))
    assert r.returncode == 2 and "no motion files" in r.stderr
    r = run_cli("draft-rule", "--lang", "en")
    assert r.returncode == 2 and "no motion given" in r.stderr
