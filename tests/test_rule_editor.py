"""The workbench's rule editor through its routes (TestClient): drafting, live tests, lint and
effect, and saving only a green draft, atomically. Dicta here are CONSTRUCTED."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.web_support import client, csrf

H = {"Origin": "http://testserver"}
ZAAK = ROOT / "tests" / "data" / "draft-rule" / "zaak-36999-12.json"


def _new(c, tok: str) -> None:
    r = c.post("/rules/new", headers=H, follow_redirects=False, data={
        "_csrf": tok, "kamerstuk": "36999-12", "dossier": "csam-regulation",
        "opendata": ZAAK.read_text(encoding="utf-8")})
    assert r.status_code == 303 and r.headers["location"].startswith("/rules/draft?motion=36999-12")


def test_a_blocked_draft_is_not_saved_and_says_why(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    tok = csrf(c)
    _new(c, tok)
    r = c.post("/rules/draft", headers=H, data={
        "_csrf": tok, "motion": "36999-12", "action": "save",
        "dictum": "verzoekt de regering met de aanbieders een gedragscode op te stellen,"})
    assert r.status_code == 400 and "neem eerst de voorgestelde woordenschat op" in r.text  # Dutch page
    assert not (workspace_copy / "rules" / "csam-regulation" / "36999-12.yaml").exists()


def test_edits_rebuild_the_rule_and_a_green_draft_is_saved(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    tok = csrf(c)
    _new(c, tok)
    dictum = "verzoekt de regering tegen het compromisvoorstel van het Deense voorzitterschap te stemmen,"
    r = c.post("/rules/draft", headers=H, data={"_csrf": tok, "motion": "36999-12", "dictum": dictum,
                                                  "action": "redraft"})
    assert r.status_code == 200 and 'id="tests-state" class="green"' in r.text
    form = {"_csrf": tok, "motion": "36999-12", "dictum": dictum, "action": "save",
            "c1.kind": "vote", "c1.f0.fact": "text_presidency", "c1.f0.op": "equals",
            "c1.f0.value": "polish_2025"}
    r = c.post("/rules/draft", headers=H, data=form)
    assert r.status_code == 200, r.text[:2000]
    saved = (workspace_copy / "rules" / "csam-regulation" / "36999-12.yaml").read_text(encoding="utf-8")
    assert "polish_2025" in saved and "danish_2025" not in saved
    assert (workspace_copy / "rules" / "csam-regulation" / "tests" / "36999-12.yaml").is_file()


def test_posting_without_the_csrf_token_is_refused(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    r = c.post("/rules/draft", headers=H, data={"motion": "26643-1047", "action": "save"})
    assert r.status_code == 403


def test_the_interpretation_is_named_in_the_form_and_saved_under_that_name(workspace_copy: Path) -> None:
    import yaml

    c = client(workspace_copy)
    tok = csrf(c)
    _new(c, tok)
    dictum = "verzoekt de regering niet in te stemmen met een voorstel met detectiebevelen,"
    r = c.post("/rules/draft", headers=H, data={"_csrf": tok, "motion": "36999-12", "dictum": dictum,
                                                  "action": "redraft"})
    assert 'name="interp_name" value="drafted"' in r.text
    form = {"_csrf": tok, "motion": "36999-12", "dictum": dictum, "action": "save",
            "interp_name": "no-detection-orders", "c1.kind": "vote", "c1.f0.fact": "text_detection_orders",
            "c1.f0.op": "equals", "c1.f0.value": "true"}
    r = c.post("/rules/draft", headers=H, data=form)
    assert r.status_code == 200, r.text[:2000]
    rule_file = workspace_copy / "rules/csam-regulation/36999-12.yaml"
    saved = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    assert [i["name"] for i in saved["interpretations"]] == ["no-detection-orders"]
    tests = (workspace_copy / "rules/csam-regulation/tests/36999-12.yaml").read_text(encoding="utf-8")
    assert "36999-12#1: conflicts" in tests
