"""Regressions of the third review (security and language of the rule editor and sources view).
Records and letters here are CONSTRUCTED."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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


def test_a_draft_is_not_saved_without_its_record_in_motions(workspace_copy: Path, tmp_path: Path) -> None:
    import yaml

    from compliance.authoring.draft_rule import draft_motion
    from compliance.authoring.draft_rule_session import save_draft
    from compliance.errors import InputErrors
    from compliance.loading.workspace import load_workspace_partial

    data = yaml.safe_load((workspace_copy / "motions" / "26643-1047.yaml").read_text(encoding="utf-8"))
    data["id"], data["kamerstuk"] = "26643-9999", {"dossier": "26643", "number": 9999}
    rec = tmp_path / "elsewhere" / "26643-9999.yaml"
    rec.parent.mkdir()
    rec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    d = draft_motion(workspace_copy, str(rec))
    ws, _ = load_workspace_partial(workspace_copy)
    vocab = ws.vocabularies[d.dossier].model
    for lang, words in (("nl", "staat niet in de werkruimte"), ("en", "is not in the workspace")):
        try:
            save_draft(workspace_copy, d, vocab, lang)
        except InputErrors as e:
            assert any(words in x.render(lang) for x in e.errors), e.errors
        else:
            raise AssertionError("saved without its record")
    assert not (workspace_copy / "rules" / d.dossier / "26643-9999.yaml").exists()
    assert client(workspace_copy).get("/").status_code == 200


def test_saving_never_silently_replaces_a_hand_written_rule(workspace_copy: Path) -> None:
    import hashlib

    from tests.web_support import form_of, post_form, replace

    rule = workspace_copy / "rules" / "csam-regulation" / "26643-1047.yaml"
    tests = rule.parent / "tests" / "26643-1047.yaml"
    before, before_tests = rule.read_bytes(), tests.read_bytes() if tests.exists() else None
    c = client(workspace_copy)
    page = c.get("/rules/draft", params={"motion": "26643-1047", "lang": "nl"})
    assert page.status_code == 200 and 'name="replace_rule"' in page.text
    fields = replace(form_of(page.text), "action", "save")
    r = post_form(c, "/rules/draft", fields)
    assert r.status_code == 400 and "er is al een regelbestand" in r.text
    assert rule.read_bytes() == before and (tests.read_bytes() if tests.exists() else None) == before_tests
    # ticked, but the file changed since the page was drawn: refused too
    stale = replace(replace(fields, "replace_rule", "1"), "rule_sha", "0" * 64)
    r = post_form(c, "/rules/draft", stale)
    assert r.status_code == 400 and rule.read_bytes() == before
    sha = hashlib.sha256(before).hexdigest()
    assert ("rule_sha", sha) in fields
    r = post_form(c, "/rules/draft", replace(fields, "replace_rule", "1"))
    assert r.status_code == 200, r.text[-3000:]
    assert rule.read_bytes() != before


def test_the_sources_view_never_follows_a_symlinked_folder_out_of_the_workspace(
        workspace_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    from compliance.web.service import Workbench

    outside = tmp_path_factory.mktemp("outside")  # workspace_copy is tmp_path itself
    (outside / "secret.txt").write_text("constructed secret\n", encoding="utf-8")
    (workspace_copy / "letters").symlink_to(outside, target_is_directory=True)
    c = client(workspace_copy)
    r = c.get("/source", params={"file": "letters/secret.txt"})
    assert r.status_code != 200 and "constructed secret" not in r.text
    assert Workbench(workspace_copy).read_letter("letters/secret.txt") is None
    # a file of the workspace is still shown
    assert c.get("/source", params={"file": "motions/26643-1047.yaml"}).status_code == 200


@pytest.fixture(scope="module")
def drafted() -> object:
    from compliance.authoring.draft_rule import draft_motion

    return draft_motion(ROOT, "26643-1047")


_TEXT = st.text(max_size=40)


@settings(max_examples=60, deadline=None,
                                   suppress_health_check=list(HealthCheck))
@given(words=_TEXT, kind_words=_TEXT, time_words=_TEXT, todo=_TEXT)
def test_no_text_breaks_out_of_a_comment_of_the_drafted_rule(drafted: object, words: str, kind_words: str,
                                                             time_words: str, todo: str) -> None:
    import copy

    import yaml

    from compliance.authoring.draft_rule import TimePart, render_rule

    base = yaml.safe_load(render_rule(drafted))  # type: ignore[arg-type]
    d = copy.deepcopy(drafted)
    for c in d.clauses:  # type: ignore[attr-defined]
        c.words_en = c.words_nl = words
        c.kind_words = kind_words
        c.time = TimePart("date", "2026-01-01", time_words)
        c.todos = [todo]
    for lang in ("en", "nl"):
        text = render_rule(d, lang)
        assert text is not None
        for line in text.split("\n"):
            if line.startswith("#"):
                assert not any(ch in line for ch in "\r\x85\u2028\u2029\x00\ufeff")
        got = yaml.safe_load(text)
        assert list(got) == list(base)
        assert [list(i) for i in got["interpretations"]] == [list(i) for i in base["interpretations"]]


def test_the_dutch_duties_text_has_no_english_labels() -> None:
    nl = run_cli("duties", "--lang", "nl")
    assert nl.returncode in (0, 1), nl.stderr
    labels = [x.strip() for x in nl.stdout.splitlines() if x.startswith("    ") and ":" in x]
    assert any(x.startswith("regel:") for x in labels)
    assert any(x.startswith("bewijs: gebeurtenis") for x in labels)
    assert not any(x.startswith(("rule:", "evidence:", "bewijs: event", "bewijs: statement")) for x in labels)
    for line in (x for x in labels if x.startswith("regel:")):
        assert not line.endswith((", result", ", effort")) and ", deadline," not in line
        assert ", recurring," not in line
    en = run_cli("duties", "--lang", "en")
    assert any(x.strip().startswith("rule:") for x in en.stdout.splitlines())


def test_the_rule_editor_says_what_blocks_saving_in_the_pages_language(workspace_copy: Path) -> None:
    ZAAK = ROOT / "tests" / "data" / "draft-rule" / "zaak-36999-12.json"
    c = client(workspace_copy)
    tok = csrf(c)
    r = c.post("/rules/new", headers=H, follow_redirects=False, data={
        "_csrf": tok, "kamerstuk": "36999-12", "dossier": "csam-regulation",
        "opendata": ZAAK.read_text(encoding="utf-8")})
    assert r.status_code == 303
    data = {"_csrf": tok, "motion": "36999-12", "action": "save", "_lang": "nl",
            "dictum": "verzoekt de regering met de aanbieders een gedragscode op te stellen,"}
    r = c.post("/rules/draft?lang=nl", headers=H, data=data)
    assert r.status_code == 400
    assert "neem eerst de voorgestelde" in r.text and "accept the proposed" not in r.text
    r = c.post("/rules/draft?lang=en", headers=H, data={**data, "_lang": "en"})
    assert r.status_code == 400 and "accept the proposed" in r.text


def test_every_motion_result_has_words_in_both_languages() -> None:
    from typing import get_args

    from compliance.i18n import t
    from compliance.model.motion import Result

    for result in get_args(Result):
        for lang in ("nl", "en"):
            assert t(f"wb_result_{result}", lang)


def test_a_motion_whose_result_is_unknown_has_a_page(workspace_copy: Path) -> None:
    import yaml

    unknown = [p.stem for p in sorted((workspace_copy / "motions").glob("*.yaml"))
               if yaml.safe_load(p.read_text(encoding="utf-8")).get("result") == "unknown"]
    assert unknown, "the bundled motions have one whose result is unknown (33529-635)"
    c = client(workspace_copy)
    for lang, word in (("nl", "onbekend"), ("en", "unknown")):
        r = c.get(f"/motions/{unknown[0]}", params={"lang": lang})
        assert r.status_code == 200 and word in r.text


def test_a_loose_number_in_the_rule_form_is_refused_at_its_field(workspace_copy: Path) -> None:
    from compliance.web.routes.rule_editor import _typed

    typed = [_typed(x) for x in ("12", "-3", "2.5", "true", "polish_2025")]
    assert typed == [12, -3, 2.5, True, "polish_2025"]
    for loose in ("nan", "inf", "-Infinity", "1_000", "1e3", " NaN "):
        with pytest.raises(ValueError):
            _typed(loose)
    c = client(workspace_copy)
    tok = csrf(c)
    rule = workspace_copy / "rules" / "csam-regulation" / "26643-1047.yaml"
    before = rule.read_bytes()
    r = c.post("/rules/draft?lang=en", headers=H, data={
        "_csrf": tok, "motion": "26643-1047", "action": "save", "_lang": "en", "dictum": "",
        "c1.kind": "vote", "c1.f0.fact": "text_presidency", "c1.f0.op": "equals", "c1.f0.value": "nan"})
    assert r.status_code == 400 and "c1.f0.value: &#39;nan&#39; is no plain number" in r.text
    assert rule.read_bytes() == before


def test_the_drafts_folder_keeps_at_most_max_drafts(workspace_copy: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.web import service

    monkeypatch.setattr(service, "MAX_DRAFTS", 3)
    wb = service.Workbench(workspace_copy)
    keys = []
    for i in range(6):
        keys.append(wb.keep_draft({"data": {"n": i}}))
        time.sleep(0.02)  # the file system's clock orders them
    assert wb.keep_draft({"data": {"n": 0}}) == keys[0]  # same content, same id: kept again
    left = sorted(p.stem for p in (workspace_copy / "drafts").glob("*.json"))
    assert len(left) == 3 and keys[0] in left and keys[5] in left and keys[1] not in left
