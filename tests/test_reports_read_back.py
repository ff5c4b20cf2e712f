"""Reports read back (--baseline, diff) as JSON, sized for real repositories (issue 12).

The YAML loader and its 2 MiB limit are for records; a baseline of a thousand positions
runs to megabytes, JSON may be indented with tabs and hold a raw DEL, and a report of an
unknown schema version is refused in words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from compliance.model.output import READABLE_VERSIONS
from tests.conftest import ROOT, SEED, run_cli
from tests.report_cases import make_workspace


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A synthetic workspace of 1,000 positions and its JSON report."""
    root = tmp_path_factory.mktemp("big")
    ws = root / "ws"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(ws), "--dossiers", "1",
                    "--motions", "4", "--clauses", "1", "--positions", "1000"], check=True,
                   capture_output=True)
    report = root / "base.json"
    r = run_cli("check", "-w", str(ws), str(ws / "positions"), "--format", "json", "-o", str(report))
    assert r.returncode in (0, 1), r.stderr
    return ws, report


def test_a_baseline_of_1000_positions_is_read_and_compared(big: tuple[Path, Path], tmp_path: Path) -> None:
    ws, report = big
    data = json.loads(report.read_bytes())
    assert len({m["position"] for m in data["motions"]}) >= 1000
    assert report.stat().st_size > 2 * 1024 * 1024  # over the YAML loader's limit
    open_findings = [f for f in data["findings"] if f["verdict"] in ("conflicts", "undetermined")]
    assert open_findings

    gated = run_cli("check", "-w", str(ws), str(ws / "positions"), "--baseline", str(report),
                    "--format", "sarif")
    assert gated.returncode == 0, gated.stderr  # nothing is new
    results = json.loads(gated.stdout)["runs"][0]["results"]
    assert {r["baselineState"] for r in results} <= {"unchanged"}

    diff = run_cli("diff", str(report), str(report), "--format", "json")
    assert diff.returncode == 0, diff.stderr
    counts = json.loads(diff.stdout)["counts"]
    assert counts == {"new": 0, "unchanged": len(open_findings), "resolved": 0, "new_failing": 0}

    # one finding fewer in the new report: exactly that one is resolved
    smaller = dict(data, findings=[f for f in data["findings"] if f is not open_findings[0]])
    after = tmp_path / "after.json"
    after.write_text(json.dumps(smaller), encoding="utf-8")
    diff = run_cli("diff", str(report), str(after), "--format", "json")
    assert json.loads(diff.stdout)["counts"]["resolved"] == 1, diff.stderr


def _seed_report(tmp_path: Path) -> tuple[Path, dict]:
    ws = make_workspace(tmp_path / "ws", variants=False)
    r = run_cli("check", "-w", str(ws), str(ws / SEED), "--format", "json")
    return ws, json.loads(r.stdout)


def test_tab_indented_json_and_a_raw_del_are_read(tmp_path: Path) -> None:
    ws, data = _seed_report(tmp_path)
    mid = data["findings"][0]["message"]
    data["messages"][mid] += " \x7f deleted"
    tabbed = tmp_path / "tabbed.json"
    tabbed.write_text(json.dumps(data, indent="\t", ensure_ascii=False), encoding="utf-8")
    assert "\t" in tabbed.read_text(encoding="utf-8") and "\x7f" in tabbed.read_text(encoding="utf-8")
    r = run_cli("diff", str(tabbed), str(tabbed), "--format", "json")
    assert r.returncode == 0, r.stderr
    gated = run_cli("check", "-w", str(ws), str(ws / SEED), "--baseline", str(tabbed))
    assert gated.returncode == 0, gated.stderr


@pytest.mark.parametrize(("text", "expect"), [
    ('{"schema_version": "9.9", "findings": []}', "unknown report schema_version '9.9'"),
    ('{"findings": []}', "unknown report schema_version None"),
    ("[" * 100_000 + "]" * 100_000, "not a JSON report"),
    ('{"schema_version": "1.0", "findings": [], "n": ' + "9" * 5000 + "}", "not a JSON report"),
    ('{"schema_version": "1.0", "findings": [NaN]}', "not a JSON report"),
    ('{"schema_version": "1.0",\n "findings": [}', "not a JSON report"),
    ('{"schema_version": "1.0", "lang": "en", "counts": 3, "findings": []}', "counts"),
])
def test_a_report_that_is_not_one_is_refused_in_one_located_line(tmp_path: Path, text: str,
                                                                  expect: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(text, encoding="utf-8")
    for args in (("check", SEED, "--baseline", str(bad)), ("diff", str(bad), str(bad))):
        r = run_cli(*args, "--lang", "en")
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr
        first = r.stderr.splitlines()[0]
        assert first.startswith(f"{bad}:") and expect in r.stderr, r.stderr
        assert len(r.stderr.splitlines()) <= 10
        if "schema_version" in expect:
            assert f"this version of compliance reads {' and '.join(READABLE_VERSIONS)}" in first


def test_sarif_with_a_baseline_keeps_unchanged_results(tmp_path: Path) -> None:
    from tests.test_baseline import baseline_report, two_revisions

    base, head = two_revisions(tmp_path, change=True)
    baseline = baseline_report(base, tmp_path)
    r = run_cli("check", "-w", str(head), "--baseline", str(baseline), "--format", "sarif",
                "--fail-on", "conflict")
    assert r.returncode == 1, r.stderr
    states = sorted((x["ruleId"], x["baselineState"]) for x in json.loads(r.stdout)["runs"][0]["results"])
    # the declared 1011 conflicts were in the baseline: still open alerts, not fixed ones
    assert states == [("26643-1011/1", "unchanged"), ("26643-1011/2", "unchanged"),
                      ("26643-1047/1", "new")]


def test_a_v1_baseline_is_still_read(tmp_path: Path) -> None:
    """Reports written before schema_version 2 hold every field in every finding: a diff
    of such a report against the v2 report of the same check finds nothing new or gone."""
    from compliance.api import run_check
    from compliance.baseline import load_report

    ws = make_workspace(tmp_path / "ws", variants=False)
    report = run_check(ws, [ws / SEED], lang="en")
    v1 = report.model_dump(mode="json") | {"schema_version": "1.0"}
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(v1, indent=2, ensure_ascii=False), encoding="utf-8")
    new = tmp_path / "v2.json"
    r = run_cli("check", "-w", str(ws), str(ws / SEED), "--format", "json", "--lang", "en", "-o", str(new))
    assert r.returncode in (0, 1), r.stderr
    assert json.loads(new.read_text(encoding="utf-8"))["schema_version"] == "2.0"
    assert load_report(old).findings == load_report(new).findings == report.findings
    diff = run_cli("diff", str(old), str(new), "--format", "json")
    assert diff.returncode == 0, diff.stderr
    counts = json.loads(diff.stdout)["counts"]
    assert counts["new"] == counts["resolved"] == 0 and counts["unchanged"] > 0


def test_a_v2_report_reads_back_to_the_findings_it_was_written_from(tmp_path: Path) -> None:
    from compliance.api import run_check
    from compliance.baseline import load_report
    from compliance.reports import render

    report = run_check(ROOT, lang="en", as_of="2025-12-01")
    path = tmp_path / "r.json"
    path.write_text(render(report, "json"), encoding="utf-8")
    assert load_report(path).model_dump() == report.model_dump()


def test_a_template_that_multiplies_a_long_value_is_refused_in_one_line(tmp_path: Path) -> None:
    # A reason template is text from a file: one repeating the placeholder of a long fact
    # value would fill to far more than the report holds. It is refused, not filled.
    from compliance.api import run_check
    from compliance.reports import render

    report = run_check(ROOT, lang="en", as_of="2025-12-01")
    doc = json.loads(render(report, "json"))
    finding = next(f for f in doc["findings"] if any(len(r) == 4 for r in f["reasons"]) and f.get("facts"))
    reason = next(r for r in finding["reasons"] if len(r) == 4)
    fact = next(u for u in finding["facts"] if isinstance(u, str))
    doc["positions"][finding["position"]]["facts"][fact].update(present=True, value="x" * 4096)
    doc["messages"][reason[2]] = "{" + fact + "}" * 1 + ("{" + fact + "}") * 20_000
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    out = run_cli("check", "--baseline", str(path))
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "longer than" in lines[0] and "Traceback" not in out.stderr


def test_the_filled_reasons_of_a_whole_report_stay_within_the_budget() -> None:
    from compliance.api import run_check
    from compliance.reports import render
    from compliance.reports.json_report import decode

    doc = json.loads(render(run_check(ROOT, lang="nl"), "json"))
    reasons = [r for f in decode(json.loads(json.dumps(doc)))["findings"] for r in f["reasons"]]
    whole = sum(len(r["text"]) for r in reasons)
    decode(json.loads(json.dumps(doc)), budget=whole)  # enough: every reason, filled or not
    # only filled (templated) reasons count against the budget: half of them is too little,
    # however many plain reasons the workspace's positions add
    filled = sum(len(r["text"]) for r in reasons if "params" in r)
    assert filled > 0
    with pytest.raises(ValueError, match="longer than"):
        decode(doc, budget=filled // 2)
