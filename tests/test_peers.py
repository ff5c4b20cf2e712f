"""benchmarks/peers.py at a tiny size: it prints every peer's line (or the note that the peer
is not installed), the end-to-end figure and the target, and every peer's verdicts agree with
the direct evaluator's on every position x rule. Timings are printed, never checked."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PEERS = {"python closures": None, "direct": None, "durable": "durable", "cedarpy": "cedarpy",
         "rule-engine": "rule_engine"}


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict]:
    work = tmp_path_factory.mktemp("peers")
    figures = work / "figures.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "peers.py"), "--positions", "5",
                           "--motions", "8", "--repeat", "1", "--workdir", str(work), "--json", str(figures)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout, json.loads(figures.read_text())


def test_every_peer_agrees_with_the_direct_evaluator_or_is_skipped(run: tuple[str, dict]) -> None:
    out, fig = run
    # 5 positions over 2 dossiers, 8 motions x 2 clauses: 3 x 8 + 2 x 8 position x rule pairs
    assert fig["pairs"] == 40
    for name, module in PEERS.items():
        line = next(x for x in out.splitlines() if x.startswith(f"{name}:"))
        if module is not None and importlib.util.find_spec(module) is None:
            assert "skipped" in line and "pip install" in line
            continue
        got = re.search(r"([\d.]+) us per position x rule; agrees with the direct evaluator on (\d+) / (\d+)",
                        line)
        assert got, line
        assert int(got[2]) == int(got[3]) == fig["pairs"]
        assert fig["peers"][name]["agree"] == fig["pairs"]


def test_the_reference_has_more_than_one_verdict(run: tuple[str, dict]) -> None:
    out, _ = run
    line = next(x for x in out.splitlines() if x.startswith("reference verdicts"))
    assert len(re.findall(r"(conflicts|undetermined|complies|not_applicable) \d+", line)) >= 3


def test_end_to_end_and_target_are_printed(run: tuple[str, dict]) -> None:
    out, fig = run
    assert re.search(r"^end to end \(compliance check --format json, durable\): [\d.]+ s, 80 findings, "
                     r"[\d.]+ us per finding", out, re.M)
    assert fig["end_to_end"]["findings"] == 80  # 5 positions x 16 clause rules
    target = next(x for x in out.splitlines() if x.startswith("target end to end per finding"))
    if importlib.util.find_spec("cedarpy") is None:
        assert target.endswith("not measured (cedarpy is not installed)")
    else:
        assert re.search(r": [\d.]+ -> (met|missed \([\d.]+x\))$", target)


def test_an_absent_peer_is_skipped_with_a_note(tmp_path: Path) -> None:
    # as on a machine without the `bench` extra: the imports of both peers fail
    script = ("import runpy, sys; sys.modules['cedarpy'] = sys.modules['rule_engine'] = None; "
              f"sys.argv = ['peers.py', '--positions', '3', '--motions', '4', '--repeat', '1', "
              f"'--workdir', {str(tmp_path)!r}]; "
              f"runpy.run_path({str(ROOT / 'benchmarks' / 'peers.py')!r}, run_name='__main__')")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    for name, module in (("cedarpy", "cedarpy"), ("rule-engine", "rule_engine")):
        assert f"{name}: skipped ({module} is not installed: pip install -e '.[bench]')" in lines
    assert any(x.startswith("python closures:") and "agrees" in x for x in lines)
    assert "target end to end per finding <= 2x cedarpy's evaluation-only cost: not measured " \
           "(cedarpy is not installed)" in lines
