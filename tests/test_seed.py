"""The seed position (annotated agenda of 18 Sept 2023) gives the three verdicts of issue 2."""

from __future__ import annotations

import json

from tests.conftest import SEED, run_cli


def test_seed_verdicts_text_and_json_both_backends() -> None:
    outputs = {}
    for backend in ("durable", "direct"):
        r = run_cli("check", SEED, "--format", "json", "--backend", backend)
        assert r.returncode == 0, r.stderr
        outputs[backend] = r.stdout
    assert outputs["durable"] == outputs["direct"]
    report = json.loads(outputs["durable"])
    verdicts = {m["motion"]: (m["verdict"], m["declared"]) for m in report["motions"]
                if m["verdict"] != "not_applicable"}  # motions adopted after 18 Sept 2023
    assert verdicts == {
        "26643-885": ("complies", None),
        "26643-1011": ("conflicts", True),
        "26643-1047": ("complies", None),
    }
    weerdenburg = next(f for f in report["findings"] if f["motion"] == "26643-1047")
    notes = [report["messages"][n] for n in weerdenburg["notes"]]  # notes are message ids
    assert any("substantiation letter" in n or "onderbouwingsbrief" in n for n in notes)
    ginneken = [f for f in report["findings"] if f["motion"] == "26643-1011"]
    assert all("26 643, nr. 1043" in f["declaration"]["source"] for f in ginneken)
    text = run_cli("check", SEED, "--lang", "en")
    assert text.returncode == 0
    assert "CONFLICTS (declared)" in text.stdout
    assert f"{SEED}:" in text.stdout  # facts are cited with file and line
