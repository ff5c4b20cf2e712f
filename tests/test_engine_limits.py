"""Rule packs at and beyond durable-rules' limits: sharded and split so they run,
or refused with a located message, and never a hang or a crash.

Each check runs the real CLI in a subprocess with a timeout, so a hang in the
engine's C core fails the test instead of blocking the suite.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli

T = {"nl": "Synthetisch", "en": "Synthetic"}
VALUES = [f"v{i:03d}" for i in range(600)]


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # JSON is YAML, and unlike yaml.safe_dump it writes no aliases for shared values
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def workspace(root: Path, clauses: list[dict[str, Any]], facts: dict[str, Any]) -> Path:
    """A synthetic workspace: one dossier, one motion whose clauses carry ``clauses``."""
    _write(root / "rules" / "limits" / "dossier.yaml", {
        "dossier": "limits", "title": T,
        "facts": {
            "e": {"type": "enum", "group": "text", "description": T, "values": {v: T for v in VALUES}},
            **{f"b{i}": {"type": "bool", "group": "text", "description": T} for i in range(40)},
        },
    })
    _write(root / "motions" / "99001-1.yaml", {
        "id": "99001-1", "short_name": "Synthetisch", "title": T,
        "submitters": [{"name": "S", "party": "S", "first": True}], "dates": {"voted": "2023-01-01"},
        "result": "adopted", "clauses": [{"number": i + 1, "request": T} for i in range(len(clauses))],
        "dossiers": ["limits"], "sources": [{"title": "synthetic"}],
    })
    _write(root / "rules" / "limits" / "99001-1.yaml", {
        "motion": "99001-1", "dossier": "limits",
        "interpretations": [{"name": "only", "title": T, "rationale": T, "clauses": [
            {"clause": i + 1, "conflicts_when": c, "messages": {"conflicts": T, "complies": T}}
            for i, c in enumerate(clauses)]}],
    })
    _write(root / "positions" / "p.yaml", {
        "id": "p", "dossier": "limits", "date": "2024-01-01", "actor": "S",
        "source": {"title": "synthetic"}, "facts": facts,
    })
    return root


def check(root: Path, backend: str) -> Any:
    return run_cli("check", "positions", "--format", "json", "--fail-on", "never", "--lang", "en",
                   "--backend", backend, cwd=root, timeout=120)


def test_more_than_512_sibling_tests_are_sharded_and_agree_with_direct(tmp_path: Path) -> None:
    # 600 clauses each testing one value of the same fact: 1,200 distinct tests
    # under one engine node, where one ruleset would hang.
    root = workspace(tmp_path, [{"fact": "e", "equals": v} for v in VALUES], {"e": "v123"})
    durable, direct = check(root, "durable"), check(root, "direct")
    assert durable.returncode == 0, durable.stderr
    assert durable.stdout == direct.stdout
    assert '"conflicts": 1,' in durable.stdout and '"complies": 599,' in durable.stdout


def _nested(depth: int) -> dict[str, Any]:
    cond: dict[str, Any] = {"fact": "b0", "equals": True}
    for i in range(1, depth + 1):
        cond = {"all" if i % 2 else "any": [cond, {"fact": f"b{i}", "equals": i % 3 == 0}]}
    return cond


@pytest.mark.parametrize("facts", [
    {f"b{i}": i % 2 == 0 for i in range(40)},
    {f"b{i}": i % 5 != 0 for i in range(0, 40, 3)},
    {},
])
def test_rule_over_the_expression_limit_is_split_and_agrees_with_direct(tmp_path: Path,
                                                                       facts: dict[str, bool]) -> None:
    # 24 nested all/any: far over the 15 $and/$or nodes one engine rule may hold
    root = workspace(tmp_path, [_nested(24), _nested(16)], facts)
    durable, direct = check(root, "durable"), check(root, "direct")
    assert durable.returncode == 0, durable.stderr
    assert durable.stdout == direct.stdout


def test_rule_too_large_for_the_engine_is_refused_with_its_location(tmp_path: Path) -> None:
    # one_of 600 values: its negation is one conjunction of 600 engine tests
    root = workspace(tmp_path, [{"fact": "e", "equals": "v001"}, {"fact": "e", "one_of": VALUES}],
                     {"e": "v002"})
    durable = check(root, "durable")
    assert durable.returncode == 2
    assert "Traceback" not in durable.stderr
    line = durable.stderr.strip().splitlines()[0]
    assert line.startswith("rules/limits/99001-1.yaml:")
    assert "99001-1#2" in line and "too large for durable-rules" in line and "--backend direct" in line
    direct = check(root, "direct")
    assert direct.returncode == 0, direct.stderr
