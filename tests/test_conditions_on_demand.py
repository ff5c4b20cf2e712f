"""A check for a format that shows no condition reasons need not render them (issue 16).

compliance.reports.SHOWS_CONDITIONS names the formats that show a clause's conditions with
each part's result; for the others check(conditions=False) leaves those reasons out. These
tests hold the registry to what the formats render: without them the others give the same
bytes and the same gate, and each listed format does show them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compliance.backends import get_backend
from compliance.evaluate import check
from compliance.gate import reaches
from compliance.loading.workspace import load_positions, load_workspace
from compliance.reports import FORMATS, SHOWS_CONDITIONS, RenderOptions, render
from tests.conftest import ROOT, run_cli

CONDITIONS = ("applies_when", "conflicts_when", "complies_when")


def _cases(tmp: Path) -> list[tuple]:
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(tmp), "--dossiers", "2",
                    "--motions", "6", "--positions", "12", "--seed", "3"], check=True, capture_output=True)
    out = []
    for root, paths in ((ROOT, [ROOT / "examples" / "positions", ROOT / "examples" / "scenarios"]),
                        (tmp, [tmp / "positions"])):
        ws = load_workspace(root)
        out.append((ws, load_positions(ws, paths)))
    return out


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> list[tuple]:
    return _cases(tmp_path_factory.mktemp("synthetic"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_formats_that_show_no_conditions_are_the_same_without_them(cases, lang) -> None:
    assert set(FORMATS) > SHOWS_CONDITIONS
    for ws, positions in cases:
        full = check(ws, positions, get_backend("direct"), lang=lang)
        lean = check(ws, positions, get_backend("direct"), lang=lang, conditions=False)
        assert not any(r.part in CONDITIONS for f in lean.findings for r in f.reasons)
        assert any(r.part in CONDITIONS for f in full.findings for r in f.reasons)
        for fail_on in ("undeclared", "undetermined", "conflicts"):
            gate = [reaches(f, fail_on) for f in full.findings]
            assert [reaches(f, fail_on) for f in lean.findings] == gate
            options = RenderOptions(fail_on=fail_on)
            for fmt in sorted(set(FORMATS) - SHOWS_CONDITIONS):
                assert render(lean, fmt, options) == render(full, fmt, options), fmt
            for fmt in sorted(SHOWS_CONDITIONS):
                assert render(lean, fmt, options) != render(full, fmt, options), fmt


def test_the_cli_gives_the_same_output_with_one_job_or_two(tmp_path: Path) -> None:
    # one job: check() without the conditions; two: the workers' full check
    for fmt in sorted(set(FORMATS) - SHOWS_CONDITIONS - {"text"}):
        outs = [run_cli("check", "-w", str(ROOT), "--format", fmt, "--jobs", jobs) for jobs in ("1", "2")]
        assert outs[0].returncode == outs[1].returncode and outs[0].returncode in (0, 1), outs[0].stderr
        assert outs[0].stdout == outs[1].stdout, fmt
