"""Regressions of the third review (security and language of the rule editor and sources view).
Records and letters here are CONSTRUCTED."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, run_cli
from tests.web_support import client, csrf

H = {"Origin": "http://testserver"}


def _evil(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    ups = "../" * 12
    rec = folder / "evil.yaml"
    rec.write_text(f'id: "{ups}{folder.as_posix().lstrip("/")}/pwned"\ndossiers: [csam-regulation]\n',
                   encoding="utf-8")
    return rec


def test_the_rule_editor_takes_only_a_motion_id_of_the_workspace(workspace_copy: Path,
                                                                  tmp_path: Path) -> None:
    rec = _evil(tmp_path / "outside")
    c = client(workspace_copy)
    for motion in (str(rec), "/etc/hostname.yaml", "../motions/26643-1047.yaml"):
        r = c.get("/rules/draft", params={"motion": motion})
        assert r.status_code == 400, motion
        assert "Traceback" not in r.text
    tok = csrf(c)
    r = c.post("/rules/draft", headers=H, data={"_csrf": tok, "motion": str(rec), "action": "save"})
    assert r.status_code == 400
    assert not (tmp_path / "outside" / "pwned.yaml").exists()
    assert not list(tmp_path.rglob("pwned.yaml"))


def test_draft_rule_validates_a_record_file_before_using_its_id(tmp_path: Path) -> None:
    rec = _evil(tmp_path / "outside")
    r = run_cli("draft-rule", str(rec), "-w", str(ROOT))
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "id" in r.stderr
    assert not list(tmp_path.rglob("pwned.yaml"))
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: 5\ndossiers: [groningen-gas]\nclauses: 7\n", encoding="utf-8")
    r = run_cli("draft-rule", str(bad), "-w", str(ROOT))
    assert r.returncode == 2, r.stdout + r.stderr
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    assert lines and all(x.startswith(f"{bad}:") for x in lines), r.stderr
    assert "Traceback" not in r.stderr
