"""Running the CLI inside a longer-lived process leaves the garbage collector as it was.

The check pauses the cyclic collector for speed; a test runner or notebook that calls
the CLI in-process must get it back, or later work there grows without bound."""

from __future__ import annotations

import gc

from typer.testing import CliRunner

from compliance.cli import app
from tests.conftest import ROOT


def test_check_in_process_restores_the_collector(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    assert gc.isenabled()
    result = CliRunner().invoke(app, ["check", "--format", "json", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    assert gc.isenabled()
