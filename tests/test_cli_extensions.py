"""The extension commands are reachable from the installed `compliance` command."""

from __future__ import annotations

import json

from tests.conftest import ROOT, run_cli

SEED_TEXT = ROOT / "tests" / "data" / "seed" / "geannoteerde-agenda-jbz-raad-2023-09-28.txt"


def test_refs_on_seed_letter_as_subprocess() -> None:
    r = run_cli("refs", str(SEED_TEXT), "--format", "json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    text = json.dumps(data)
    for motion in ("26643-885", "26643-1011", "26643-1047"):
        assert motion in text
    assert "26643-1043" in text


def test_refs_missing_file_exit_2() -> None:
    r = run_cli("refs", "no-such-letter.txt")
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "no-such-letter.txt" in r.stderr
