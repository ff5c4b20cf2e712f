"""The cheap ones of issue 12's low list, each through the installed CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, run_cli
from tests.report_cases import make_workspace, seed_text, supports_text


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws", variants=False)


def edit_seed(ws: Path, old: str, new: str) -> Path:
    seed = ws / SEED
    text = seed.read_text(encoding="utf-8")
    assert old in text
    seed.write_text(text.replace(old, new, 1), encoding="utf-8")
    return seed


def one_error(ws: Path, *paths: Path) -> str:
    r = run_cli("check", "-w", str(ws), *(str(p) for p in paths or [ws / SEED]), "--lang", "en")
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    (line,) = r.stderr.splitlines()
    assert re.match(r".+:\d+:\d+: ", line), line
    return line


@pytest.mark.parametrize(("written", "reading"), [
    ("0x413", "is read as the number 1043 (YAML 1.1)"),
    ("1:2:3", "is read as the number 3723 (YAML 1.1)"),
    ("yes", "is read as the boolean true (YAML 1.1)"),
])
def test_yaml_1_1_readings_are_refused_with_the_reading_spelled_out(ws: Path, written: str,
                                                                     reading: str) -> None:
    edit_seed(ws, "    value: true\n", f"    value: {written}\n")
    line = one_error(ws)
    assert reading in line and f"quote it to keep it as text: '{written}'" in line


def test_a_key_is_named_as_written(ws: Path) -> None:
    edit_seed(ws, "actor:", "yes: 1\nactor:")
    assert "unknown key 'yes'" in one_error(ws)


def test_a_number_where_text_is_expected_says_quote_it(ws: Path) -> None:
    edit_seed(ws, "actor: Minister en Staatssecretaris van Justitie en Veiligheid", "actor: 2023")
    line = one_error(ws)
    assert "expected string, found integer 2023" in line and "quote it, '2023'" in line


def test_a_list_for_a_record_says_an_object(ws: Path) -> None:
    (ws / SEED).write_text("- a\n- b\n", encoding="utf-8")
    line = one_error(ws)
    assert "write an object here" in line and "a object" not in line


def test_a_set_value_listed_twice_is_refused(ws: Path) -> None:
    edit_seed(ws, "value: [known_material, new_material, grooming]",
              "value: [known_material, new_material, known_material]")
    line = one_error(ws)
    assert "set fact 'text_detection_scope' lists known_material more than once" in line


@pytest.mark.parametrize("op", ["all", "any"])
def test_an_empty_all_or_any_is_refused(ws: Path, op: str) -> None:
    rule = ws / "rules" / "csam-regulation" / "26643-1011.yaml"
    text = rule.read_text(encoding="utf-8")
    old = "        conflicts_when: {concept: cabinet_would_accept_css}\n"
    assert old in text
    line_no = text[: text.index(old)].count("\n") + 1
    rule.write_text(text.replace(old, f"        conflicts_when: {{{op}: []}}\n", 1), encoding="utf-8")
    line = one_error(ws)
    assert line.startswith(f"rules/csam-regulation/26643-1011.yaml:{line_no}:")
    assert f"empty '{op}: []'" in line


def test_schemas_help_writes_nothing() -> None:
    folder = ROOT / "compliance" / "schemas"
    before = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.json")}
    r = subprocess.run([sys.executable, "-m", "compliance.schemas", "--help"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0 and "wrote" not in r.stdout and "no arguments" in r.stdout
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("*.json")} == before


def test_a_declaration_from_the_motion_record_cites_its_date_once(ws: Path) -> None:
    # without its own declaration the position's 1011 conflict is declared by the motion record
    edit_seed(ws, "  - motion: 26643-1011\n    statement: will_not_execute\n",
              "  - motion: 26643-885\n    statement: will_not_execute\n")
    text = (ws / SEED).read_text(encoding="utf-8")
    own = "  - motion: 26643-885\n    statement: will_execute\n    where: punt I\n"
    (ws / SEED).write_text(text.replace(own, ""), encoding="utf-8")
    r = run_cli("check", "-w", str(ws), str(ws / SEED), "--format", "github", "--lang", "en")
    lines = [x for x in r.stdout.splitlines() if "The cabinet has stated" in x]
    assert lines, r.stdout + r.stderr
    for x in lines:
        stated = x.split("The cabinet has stated")[1].split("%0A")[0]
        assert stated.count("2023-06") == 1, stated


def test_no_absolute_paths_in_sarif_and_github_for_a_position_outside_the_workspace(
        ws: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    pos = outside / "p.yaml"
    pos.write_text(supports_text(seed_text()), encoding="utf-8")
    sarif = run_cli("check", "-w", str(ws), str(pos), "--format", "sarif", cwd=tmp_path)
    assert sarif.returncode == 1, sarif.stderr
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(sarif.stdout)["runs"][0]["results"] for loc in r["locations"]}
    assert uris == {"outside/p.yaml"}
    github = run_cli("check", "-w", str(ws), str(pos), "--format", "github", cwd=tmp_path)
    assert "file=outside/p.yaml," in github.stdout and str(tmp_path) not in github.stdout
