"""Vocabularies grow without breaking positions (issue 15): values are added, and
retired by a 'deprecated' marker; positions using a deprecated value or fact still load
and check, and lint warns at the position's line."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli

POS = "examples/positions/2025-09-29-deens-voorstel.yaml"
VOCAB = "rules/csam-regulation/dossier.yaml"


def _lint(ws: Path) -> list[dict[str, object]]:
    r = run_cli("lint", "-w", str(ws), "--format", "json", "--lang", "en")
    assert r.returncode == 0, r.stdout + r.stderr  # warnings only
    data = json.loads(r.stdout)
    return [i for i in (data["issues"] if isinstance(data, dict) else data)
            if str(i["code"]).startswith("deprecated")]


def test_a_deprecated_value_still_checks_and_lint_warns_at_the_position(workspace_copy: Path) -> None:
    assert _lint(workspace_copy) == []
    vocab = workspace_copy / VOCAB
    text = vocab.read_text(encoding="utf-8")
    old = ("danish_2025: {nl: Deens voorzitterschap 2025 (ook de herziene tekst), "
           "en: Danish Presidency 2025 (the revised text included)}")
    assert old in text
    vocab.write_text(text.replace(old, old[:-1] + ", deprecated: true, use_instead: cypriot_2026}"),
                     encoding="utf-8")
    assert run_cli("check", "-w", str(workspace_copy), str(workspace_copy / POS)).returncode in (0, 1)
    issues = _lint(workspace_copy)
    users = sorted(str(p.relative_to(workspace_copy))
                   for p in (workspace_copy / "examples/positions").glob("*.yaml")
                   if "value: danish_2025" in p.read_text(encoding="utf-8"))
    assert POS in users
    assert sorted((i["file"], i["code"]) for i in issues) == [(u, "deprecated-value") for u in users]
    mine = next(i for i in issues if i["file"] == POS)
    line = next(n for n, s in enumerate((workspace_copy / POS).read_text().splitlines(), 1)
                if "text_presidency:" in s)
    assert mine["line"] == line and "cypriot_2026" in str(mine["fix"])


def test_new_presidencies_are_values(workspace_copy: Path) -> None:
    pos = workspace_copy / POS
    pos.write_text(pos.read_text(encoding="utf-8").replace("value: danish_2025", "value: irish_2026"),
                   encoding="utf-8")
    r = run_cli("validate", "-w", str(workspace_copy), str(pos))
    assert r.returncode == 0, r.stderr
