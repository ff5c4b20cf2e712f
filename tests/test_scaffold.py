"""A new user's way in (issue 15): `init`, `new dossier`, `new motion`, `new position`,
then the TODOs filled in as docs/authoring.md says, and `check` runs on the result."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, run_cli


def _sub(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_init_new_and_fill_in_the_todos(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert run_cli("init", str(ws)).returncode == 0
    assert {p.name for p in ws.iterdir()} >= {"motions", "rules", "examples", "README.md", "ci"}
    w = ("-w", str(ws))
    assert run_cli("validate", *w).returncode == 0
    assert run_cli("check", *w, str(ws / "examples/positions")).returncode == 0  # clean, empty
    assert run_cli("new", "dossier", "energy-prices", *w).returncode == 0
    assert run_cli("new", "motion", "36000-12", "--dossier", "energy-prices", *w).returncode == 0
    # nothing is overwritten
    again = run_cli("new", "motion", "36000-12", "--dossier", "energy-prices", *w)
    assert again.returncode == 2 and "already exists" in again.stderr
    # the skeleton's rule test fails, saying what to fill in
    t = run_cli("test", *w)
    assert t.returncode == 1 and "TODO: fill in the facts of a position that complies with clause 1" \
        in t.stdout
    # fill in the TODOs as docs/authoring.md says: a fact, the record, the rule, a test, a position
    rules = ws / "rules/energy-prices"
    _sub(rules / "dossier.yaml", "todo_fact:", "price_cap_kept:")
    r = run_cli("new", "position", "--dossier", "energy-prices", "--id", "nl-2026-01-brief", *w)
    assert r.returncode == 0, r.stderr
    position = ws / "examples/positions/nl-2026-01-brief.yaml"
    assert "#  price_cap_kept:  # bool: TODO: replace this fact" in position.read_text(encoding="utf-8")
    _sub(ws / "motions/36000-12.yaml", "result: unknown", "result: adopted")
    _sub(ws / "motions/36000-12.yaml", "dates: {}", "dates: {voted: 2025-12-02}")
    _sub(rules / "36000-12.yaml", "{fact: todo_fact, equals: false}", "{fact: price_cap_kept, equals: false}")
    _sub(rules / "tests/36000-12.yaml", "facts: {}", "facts: {price_cap_kept: true}")
    with (rules / "tests/36000-12.yaml").open("a", encoding="utf-8") as f:
        f.write("  - name: the cap is dropped — conflicts\n    facts: {price_cap_kept: false}\n"
                "    expect:\n      36000-12#1: conflicts\n  - name: nothing said — undetermined\n"
                "    expect:\n      36000-12#1: undetermined\n")
    _sub(position, "facts: {}  #", "facts:  #")
    _sub(position, "#  price_cap_kept:", "  price_cap_kept:")
    _sub(position, "#    value: ...", "    value: false")
    _sub(position, '#    where: "the sentence', '    where: "the sentence')
    _sub(position, "date: 2026-01-01", "date: 2026-01-15")
    assert run_cli("validate", *w).returncode == 0
    lint = run_cli("lint", *w, "--lang", "en")
    assert lint.returncode == 0 and "0 errors" in lint.stdout, lint.stdout
    assert run_cli("test", *w, "--coverage", "--min-coverage", "100").returncode == 0
    c = run_cli("check", *w, str(ws / "examples/positions"), "--format", "json")
    assert c.returncode == 1  # an undeclared conflict: the cap is dropped
    report = json.loads(c.stdout)
    assert [(f["motion"], f["verdict"]) for f in report["findings"]] == [("36000-12", "conflicts")]


def test_new_motion_from_open_data(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    w = ("-w", str(ws))
    assert run_cli("init", str(ws)).returncode == 0
    assert run_cli("new", "dossier", "csam", *w).returncode == 0
    data = ROOT / "tests/ingest/data/zaak-26643-1011.json"
    r = run_cli("new", "motion", "26643-1011", "--dossier", "csam", "--from-open-data", str(data), *w)
    assert r.returncode == 0, r.stderr
    record = (ws / "motions/26643-1011.yaml").read_text(encoding="utf-8")
    assert "26643" in record and "dossiers:\n- csam" in record
    assert run_cli("validate", *w).returncode == 0


def test_bad_names_are_input_errors(tmp_path: Path) -> None:
    assert run_cli("init", "--lang", "en", str(tmp_path)).returncode == 0
    r = run_cli("new", "dossier", "--lang", "en", "Bad Name", "-w", str(tmp_path))
    assert r.returncode == 2 and "not a dossier name" in r.stderr and "Traceback" not in r.stderr
    r = run_cli("new", "motion", "--lang", "en", "nope", "--dossier", "x", "-w", str(tmp_path))
    assert r.returncode == 2 and "not a Kamerstuk number" in r.stderr
