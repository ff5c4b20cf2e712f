"""The reference cross-check, paid once (issue 16).

check() traces every clause to explain it; those traces are the reference semantics. With
the direct backend (the reference evaluator) they are the verdicts, so its own pass is not
run again; any other backend is still cross-checked, and a disagreement is an internal
error (exit 3), never a report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compliance.backends import get_backend
from compliance.backends.direct import DirectBackend
from compliance.errors import InternalError
from compliance.evaluate import check
from compliance.loading.workspace import load_positions, load_workspace
from compliance.pack import Outcome
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def bundled() -> tuple:
    ws = load_workspace(ROOT)
    return ws, load_positions(ws, [ROOT / "examples" / "positions", ROOT / "examples" / "scenarios"])


class _Lying:
    """A backend that is not the reference and turns one clause's verdict around."""

    name = "lying"

    def __init__(self, flip: str) -> None:
        self.flip = flip

    def evaluate(self, pack, records):  # type: ignore[no-untyped-def]
        out = DirectBackend().evaluate(pack, records)
        for result in out:
            if self.flip in result:
                o = result[self.flip]
                result[self.flip] = Outcome("complies" if o.verdict != "complies" else "conflicts", o.notes)
        return out


def test_the_direct_backend_is_not_run_besides_the_traces(bundled, monkeypatch) -> None:
    ws, positions = bundled
    durable = check(ws, positions, get_backend("durable"), lang="en")

    def refuse(self, pack, records):  # type: ignore[no-untyped-def]
        raise AssertionError("the reference evaluator ran a second time")

    monkeypatch.setattr(DirectBackend, "evaluate", refuse)
    direct = check(ws, positions, get_backend("direct"), lang="en")
    assert direct == durable


def test_a_backend_that_disagrees_with_the_reference_is_an_internal_error(bundled) -> None:
    ws, positions = bundled
    report = check(ws, positions, get_backend("direct"), lang="en")
    evaluated = next(f for f in report.findings if f.rule is not None)
    key = evaluated.rule.split("@")[0]  # type: ignore[union-attr]
    with pytest.raises(InternalError, match=f"disagree on {key}"):
        check(ws, positions, _Lying(key), lang="en")


def test_a_durable_disagreement_is_exit_3_through_the_cli(tmp_path: Path) -> None:
    script = tmp_path / "run.py"
    script.write_text(
        "import sys\n"
        "from compliance.backends import durable\n"
        "from compliance.pack import Outcome\n"
        "real = durable.DurableBackend.evaluate\n"
        "def lying(self, pack, records):\n"
        "    out = real(self, pack, records)\n"
        "    for result in out:\n"
        "        for key, o in list(result.items())[:1]:\n"
        "            result[key] = Outcome('complies' if o.verdict != 'complies' else 'conflicts', o.notes)\n"
        "    return out\n"
        "durable.DurableBackend.evaluate = lying\n"
        "from compliance.cli import main\n"
        "sys.argv = ['compliance', 'check', '-w', sys.argv[1], '--jobs', '1', '--format', 'json']\n"
        "main()\n", encoding="utf-8")
    r = subprocess.run([sys.executable, str(script), str(ROOT)], capture_output=True, text=True,
                       timeout=120, cwd=tmp_path)
    assert r.returncode == 3, r.stderr
    assert "disagree" in r.stderr and "Traceback" not in r.stderr
    assert r.stdout == ""
