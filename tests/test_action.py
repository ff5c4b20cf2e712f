"""The composite GitHub Action (action.yml): its shell steps run here as the runner runs
them (bash --noprofile --norc -eo pipefail, inputs through env:), against the repository's
own motions, rules and positions. The install step installs this checkout with pip,
offline (--no-index, the dependencies are the test environment's); `uses:` steps (the
SARIF upload) need GitHub and are left out."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from tests.conftest import ROOT

ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def _value(expr: str, inputs: dict[str, str], context: dict[str, str]) -> str:
    if expr.startswith("inputs."):
        return inputs[expr[len("inputs."):]]
    return context[expr]


def _resolve(text: str, inputs: dict[str, str], context: dict[str, str]) -> str:
    return EXPR.sub(lambda m: _value(m.group(1), inputs, context), text)


def run_action(workdir: Path, given: dict[str, str], context: dict[str, str],
               extra_env: dict[str, str]) -> list[tuple[str, subprocess.CompletedProcess[str]]]:
    """Each shell step in order, as a runner would, until one fails."""
    inputs = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    assert set(given) <= set(inputs), set(given) - set(inputs)
    inputs.update(given)
    out = []
    for step in ACTION["runs"]["steps"]:
        if "uses" in step:
            continue
        assert step["shell"] == "bash"
        env = {**os.environ, **extra_env, "GITHUB_OUTPUT": context["github_output"]}
        env.pop("COMPLIANCE_DEBUG", None)
        env.update({k: _resolve(str(v), inputs, context) for k, v in step.get("env", {}).items()})
        script = workdir / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                           cwd=workdir, env=env, capture_output=True, text=True, timeout=600,
                           stdin=subprocess.DEVNULL)
        out.append((step["name"], r))
        if r.returncode:
            break
    return out


def test_no_expression_is_spliced_into_a_script() -> None:
    # an input holding `"; rm -rf ~; "` must stay a value: expressions go through env: only
    for step in ACTION["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step["name"]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The install step, run once: this checkout (copied, as the runner checks an action out)
    installed into a fresh folder; the dependencies come from the test environment."""
    try:  # an offline build (--no-build-isolation) builds with the test environment's own tools
        import setuptools
        import wheel  # noqa: F401
    except ImportError:
        pytest.skip("the offline build needs setuptools and wheel (the [test] extra)")
    if int(setuptools.__version__.split(".")[0]) < 68:
        pytest.skip("the offline build needs setuptools>=68 (the [test] extra)")
    base = tmp_path_factory.mktemp("action")
    checkout = base / "action-checkout"
    checkout.mkdir()
    for name in ("pyproject.toml", "setup.py", "README.md", "action.yml"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, checkout / name)
    shutil.copytree(ROOT / "compliance", checkout / "compliance",
                    ignore=shutil.ignore_patterns("__pycache__"))
    target = base / "site"
    work = base / "repo"
    for name in ("motions", "rules", "examples"):
        shutil.copytree(ROOT / name, work / name)
    context = {"github.action_path": str(checkout), "github_output": str(base / "github_output")}
    path = f"{target / 'bin'}{os.pathsep}{os.environ['PATH']}"
    # --target installs beside the test environment, which stays as it is; what it installed
    # comes first on the path
    pythonpath = os.pathsep.join(p for p in (str(target), os.environ.get("PYTHONPATH", "")) if p)
    install = ACTION["runs"]["steps"][0]
    assert install["name"] == "Install motion-compliance"
    return {"work": work, "context": context, "path": path, "target": target,
            "python": sys.executable, "pythonpath": pythonpath,
            "pip_args": f"--no-deps --no-build-isolation --no-index --target {target}"}


def _run(installed: dict[str, Any], **given: str) -> list[tuple[str, subprocess.CompletedProcess[str]]]:
    return run_action(installed["work"], {"python": installed["python"],
                                          "pip-args": installed["pip_args"], **given},
                      installed["context"], {"PATH": installed["path"],
                                             "PYTHONPATH": installed["pythonpath"]})


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.suffix == ".yaml"}


def test_the_action_annotates_writes_sarif_and_gates(installed: dict[str, Any]) -> None:
    work: Path = installed["work"]
    before = _snapshot(work)
    steps = _run(installed)
    names = [name for name, _ in steps]
    assert steps[0][1].returncode == 0, (steps[0][1].stdout, steps[0][1].stderr)
    assert names == ["Install motion-compliance", "SARIF report", "Annotations and the gate"]
    for name, r in steps[:2]:
        assert r.returncode == 0, (name, r.stdout, r.stderr)
    # the tool the step installed is the one that ran: from the install folder, not this checkout
    exe = shutil.which("compliance", path=installed["path"])
    assert exe is not None and Path(exe).parent == installed["target"] / "bin"

    sarif = json.loads((work / "compliance.sarif").read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    assert sarif["runs"][0]["results"], "the bundled examples hold undeclared conflicts"
    assert "sarif-file=compliance.sarif" in Path(installed["context"]["github_output"]).read_text()

    gate = steps[2][1]
    assert gate.returncode == 1, (gate.stdout, gate.stderr)  # the bundled undeclared conflicts
    errors = [line for line in gate.stdout.splitlines() if line.startswith("::error ")]
    assert errors and all(re.match(r"::error file=[^,]+,line=\d+", e) for e in errors), gate.stdout
    assert "Traceback" not in gate.stderr
    assert _snapshot(work) == before  # inputs unchanged


def test_the_gate_follows_fail_on_and_positions(installed: dict[str, Any]) -> None:
    steps = _run(installed, **{"fail-on": "never", "positions": "examples/positions",
                               "sarif-file": "never.sarif", "lang": "en"})
    assert [r.returncode for _, r in steps] == [0, 0, 0], [r.stderr for _, r in steps]
    assert (installed["work"] / "never.sarif").is_file()


def test_a_typo_in_the_workspace_fails_the_job(installed: dict[str, Any]) -> None:
    steps = _run(installed, workspace="nonexistent", **{"fail-on": "never", "lang": "en"})
    name, r = steps[-1]
    assert name == "SARIF report" and r.returncode == 2, (r.stdout, r.stderr)
    assert "no such folder 'nonexistent'" in r.stderr
