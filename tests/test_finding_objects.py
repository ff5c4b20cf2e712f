"""The findings a check builds are the ones validation would build, however they are shared.

``check`` memoises what repeats across findings (motion texts, reasons, a fact's use per
branch, locations) and shares those frozen objects between findings. These tests guard
that a finding is still exactly what validating its own fields gives, and that it does
not depend on which other positions were checked in the same run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.backends import get_backend
from compliance.evaluate import check
from compliance.loading.workspace import LoadedPosition, Workspace, load_positions, load_workspace
from compliance.model.output import Finding, MotionVerdict, Report
from tests.conftest import ROOT

GENERATE = ROOT / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def synthetic() -> tuple[Workspace, list[LoadedPosition]]:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(GENERATE), tmp, "--dossiers", "2", "--motions", "8",
                        "--positions", "24", "--seed", "5"], check=True, capture_output=True)
        ws = load_workspace(Path(tmp))
        return ws, load_positions(ws, [Path(tmp) / "positions"])


@pytest.fixture(scope="module")
def bundled() -> tuple[Workspace, list[LoadedPosition]]:
    ws = load_workspace(ROOT)
    return ws, load_positions(ws, [ROOT / "examples" / "positions", ROOT / "examples" / "scenarios"])


def _assert_validated(report: Report) -> None:
    assert report.findings
    for finding in report.findings:
        assert Finding.model_validate(finding.model_dump()) == finding
    for summary in report.motions:
        assert MotionVerdict.model_validate(summary.model_dump()) == summary
    assert Report.model_validate(report.model_dump()) == report


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("as_of", [None, "2022", "2025-01-01"])
def test_bundled_findings_equal_their_validated_copies(bundled, lang, as_of) -> None:
    ws, positions = bundled
    for interpretations in (None, {"*": "strict-reading"}):
        report = check(ws, positions, get_backend("direct"), lang=lang, as_of=as_of,
                       interpretations=interpretations)
        assert any(f.branches for f in report.findings)  # the conditional example is covered
        _assert_validated(report)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_synthetic_findings_equal_their_validated_copies(synthetic, lang) -> None:
    ws, positions = synthetic
    report = check(ws, positions, get_backend("direct"), lang=lang)
    assert {f.verdict for f in report.findings} >= {"not_applicable", "undetermined", "complies"}
    _assert_validated(report)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_a_finding_does_not_depend_on_the_other_positions_checked(synthetic, data) -> None:
    ws, positions = synthetic
    chosen = data.draw(st.lists(st.sampled_from(positions), min_size=1, max_size=6,
                                unique_by=lambda p: p.file))
    lang = data.draw(st.sampled_from(["nl", "en"]))
    as_of = data.draw(st.sampled_from([None, "2023", "2030-01-01"]))
    together = check(ws, chosen, get_backend("direct"), lang=lang, as_of=as_of)
    alone = [f for p in sorted(chosen, key=lambda p: (p.file, p.model.id))
             for f in check(ws, [p], get_backend("direct"), lang=lang, as_of=as_of).findings]
    assert [f.model_dump() for f in together.findings] == [f.model_dump() for f in alone]
