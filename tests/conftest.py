"""Shared fixtures: the repository root and a runner for the installed CLI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = "examples/positions/2023-09-18-geannoteerde-agenda-jbz.yaml"


def compliance_exe() -> list[str]:
    exe = Path(sys.executable).parent / "compliance"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("compliance")
    return [found] if found else [sys.executable, "-m", "compliance"]


def run_cli(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None,
            timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed `compliance` command as a user would."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("COMPLIANCE_DEBUG", None)
    return subprocess.run([*compliance_exe(), *args], cwd=cwd, env=full_env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@pytest.fixture
def workspace_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled motions, rules and examples."""
    for name in ("motions", "rules", "examples"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def read_report(text: str) -> dict:
    """A JSON report (schema_version 2, normalised) as its findings in full, with every
    field in each, as consumers that want v1's shape read it."""
    import json

    from compliance.reports.json_report import decode

    return decode(json.loads(text))
