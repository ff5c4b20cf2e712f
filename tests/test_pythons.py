"""Python 3.12 (durable-rules warns on every fired action) and 3.13 (durable-rules' engine
loads only with the project's C-API shim, docs/pycompat.md): the real engine runs on both
and gives the same report. Where those interpreters are installed (pyenv on the project's
machines) the real thing is tested in a venv (for 3.13 the one scripts/test.sh made, named
by COMPLIANCE_VENV_3_13, else a fresh one); the 3.12 warning path is also simulated here
on any Python."""

from __future__ import annotations

import datetime as real_datetime
import json
import os
import shutil
import subprocess
import sys
import types
import warnings
from pathlib import Path

import pytest

from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend
from compliance.loading.workspace import load_positions, load_workspace
from tests.conftest import ROOT, run_cli


def _py312_datetime() -> types.ModuleType:
    """The datetime module as durable-rules sees it on 3.12: utcfromtimestamp warns."""

    class Datetime(real_datetime.datetime):
        @classmethod
        def utcfromtimestamp(cls, t: float) -> real_datetime.datetime:  # type: ignore[override]
            warnings.warn("datetime.datetime.utcfromtimestamp() is deprecated", DeprecationWarning,
                          stacklevel=2)
            return real_datetime.datetime(1970, 1, 1) + real_datetime.timedelta(seconds=t)

    shim = types.ModuleType("datetime")
    shim.datetime = Datetime  # type: ignore[attr-defined]
    return shim


def test_durable_evaluations_never_reach_the_hosts_deprecated_clock_under_warnings_as_errors(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import durable.engine

    monkeypatch.setattr(durable.engine, "datetime", _py312_datetime())
    with pytest.raises(DeprecationWarning), warnings.catch_warnings():
        warnings.simplefilter("error")
        durable.engine._unix_now()  # the simulation does warn
    ws = load_workspace(ROOT)
    positions = load_positions(ws, [ROOT / "examples" / "positions"])
    pack = ws.pack("csam-regulation")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        got = DurableBackend().evaluate(pack, [p.facts for p in positions])
    assert got == DirectBackend().evaluate(pack, [p.facts for p in positions])


def _interpreter(version: str) -> str | None:
    found = shutil.which(f"python{version}")
    pyenv = sorted(Path("/root/.pyenv/versions").glob(f"{version}.*/bin/python{version}"))
    candidates = [found] if found else []
    candidates += [str(p) for p in pyenv]
    for exe in candidates:
        probe = subprocess.run([exe, "-c", "import sys, venv, ensurepip; print(sys.version_info[:2])"],
                               capture_output=True, text=True)
        if probe.returncode == 0 and probe.stdout.strip() == str(tuple(map(int, version.split(".")))):
            return exe
    return None


def _venv_with_project(version: str, exe: str, where: Path) -> Path:
    ready = os.environ.get(f"COMPLIANCE_VENV_{version.replace('.', '_')}")
    if ready:  # made and installed by scripts/test.sh, which runs more of the suite in it
        return Path(ready).resolve() / "bin" / "compliance"
    subprocess.run([exe, "-m", "venv", str(where)], check=True, capture_output=True, timeout=300)
    pip = subprocess.run([str(where / "bin" / "python"), "-m", "pip", "install", "--quiet",
                          "--disable-pip-version-check", str(ROOT)], capture_output=True, text=True,
                         timeout=900)
    assert pip.returncode == 0, pip.stderr[-3000:]
    return where / "bin" / "compliance"


@pytest.mark.slow
@pytest.mark.parametrize("version", ["3.12", "3.13"])
def test_check_on_other_pythons_runs_the_engine_and_gives_the_same_report(tmp_path: Path,
                                                                           version: str) -> None:
    exe = _interpreter(version)
    if exe is None:
        pytest.skip(f"Python {version} is not installed here; the simulated tests cover it")
    compliance = _venv_with_project(version, exe, tmp_path / "venv")
    args = ("check", "--backend", "durable", "--format", "json")
    ours = run_cli(*args)
    theirs = subprocess.run([str(compliance), *args], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, env={"PATH": "/usr/bin:/bin", "PYTHONWARNINGS": "error"})
    assert theirs.returncode == ours.returncode, theirs.stderr
    assert theirs.stderr == ""  # no fallback notice: durable-rules ran (on 3.13 with the shim)
    assert theirs.stdout == ours.stdout
    # and every C-API symbol the engine's extension needs resolves there
    python = compliance.parent / "python"
    symbols = subprocess.run([str(python), str(ROOT / "scripts" / "capi_symbols.py"), "--json"], cwd=ROOT,
                             capture_output=True, text=True, timeout=120)
    assert symbols.returncode == 0, symbols.stdout + symbols.stderr
    [result] = json.loads(symbols.stdout)
    assert result["python"].startswith(f"{version}.") and result["engine_loads"]
    shimmed = [s["name"] for s in result["symbols"] if s["shim"]]
    assert shimmed == (["PyEval_CallObject"] if version == "3.13" else [])


def test_simulated_missing_durable_falls_back_with_one_notice() -> None:
    # as where durable-rules is not installed: a fresh interpreter with the import blocked
    code = ("import sys; sys.modules['durable'] = sys.modules['durable_rules_engine'] = None; "
            "sys.argv = ['compliance', 'check', '--format', 'json']; "
            "from compliance.cli import main; main()")
    blocked = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
    ours = run_cli("check", "--format", "json")
    assert blocked.returncode == ours.returncode
    assert blocked.stdout == ours.stdout
    lines = blocked.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("let op:") and "directe evaluator" in lines[0]
