"""The workbench's JSON API and its guards, through FastAPI's test client; what the API
answers is compared with what the command line says about the same files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, run_cli
from tests.web_support import client, csrf, form_of, post_form, replace

SEED_TEXT = (ROOT / SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def c():  # the bundled workspace, read only
    return client(ROOT)


def test_checking_the_posted_seed_gives_exactly_the_cli_json_report(c) -> None:
    r = c.post("/api/v1/check", json={"text": SEED_TEXT, "file": SEED})
    assert r.status_code == 200, r.text
    cli = run_cli("check", SEED, "--format", "json")
    assert cli.returncode in (0, 1), cli.stderr
    assert r.json() == json.loads(cli.stdout)
    assert r.text == cli.stdout  # byte for byte


def test_as_of_interpretation_and_language_are_those_of_the_cli(c) -> None:
    body = {"text": SEED_TEXT, "file": SEED, "as_of": "2024-12-01", "lang": "en",
            "interpretations": {"26643-885": "strict-reading"}}
    r = c.post("/api/v1/check", json=body)
    assert r.status_code == 200, r.text
    cli = run_cli("check", SEED, "--format", "json", "--as-of", "2024-12-01", "--lang", "en",
                  "--interpretation", "26643-885=strict-reading")
    assert r.json() == json.loads(cli.stdout)
    assert r.json()["interpretations"]["26643-885"] == "strict-reading"


def test_the_workspace_report_is_the_cli_report_also_after_an_edit(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    folders = [str(workspace_copy / "examples" / d) for d in ("positions", "scenarios")]

    def cli() -> str:
        r = run_cli("check", "-w", str(workspace_copy), *folders, "--format", "json", "--lang", "en")
        assert r.returncode in (0, 1), r.stderr
        return r.stdout

    assert c.get("/api/v1/report", params={"lang": "en"}).text == cli()
    # one file changed: only it is checked again, and the whole report is still the CLI's
    path = workspace_copy / SEED
    path.write_text(SEED_TEXT.replace("value: not_for", "value: for"), encoding="utf-8")
    assert c.get("/api/v1/report", params={"lang": "en"}).text == cli()


def test_bad_input_is_400_with_the_loaders_located_messages(c, workspace_copy: Path) -> None:
    bad = SEED_TEXT.replace("text_stage:", "text_stagee:").replace("value: not_for", "value: maybe")
    r = c.post("/api/v1/check", json={"text": bad, "file": SEED})
    assert r.status_code == 400
    errors = r.json()["errors"]
    assert errors and all(set(e) == {"file", "line", "column", "problem", "fix"} for e in errors)
    # the same messages, at the same lines, as the command line gives for the file
    (workspace_copy / SEED).write_text(bad, encoding="utf-8")
    cli = run_cli("check", "-w", str(workspace_copy), str(workspace_copy / SEED))
    assert cli.returncode == 2
    shown = [f"{e['file']}:{e['line']}:{e['column']}: {e['problem']}" + (f" — {e['fix']}" if e["fix"] else "")
             for e in errors]
    assert shown == cli.stderr.strip().splitlines()
    assert any("text_stagee" in e["problem"] and e["line"] == 19 for e in errors)


def test_yaml_syntax_errors_and_empty_texts_are_located_too(c) -> None:
    r = c.post("/api/v1/check", json={"text": "id: [unclosed\n", "file": "examples/positions/x.yaml"})
    assert r.status_code == 400
    (e,) = r.json()["errors"]
    assert e["file"] == "examples/positions/x.yaml" and e["line"] >= 1 and "YAML" in e["problem"]
    assert "Traceback" not in r.text
    empty = {"text": "", "file": "examples/positions/x.yaml"}
    r = c.post("/api/v1/validate", params={"lang": "en"}, json=empty)
    assert r.status_code == 400 and r.json()["errors"][0]["problem"] == "file is empty"
    r = c.post("/api/v1/validate", json=empty)  # nl, the workbench's default
    assert r.status_code == 400 and r.json()["errors"][0]["problem"] == "het bestand is leeg"
    r = c.post("/api/v1/check", params={"lang": "en"}, json={"text": SEED_TEXT, "as_of": "2024-13-01"})
    assert r.status_code == 400 and "month 13" in r.json()["errors"][0]["problem"]
    r = c.post("/api/v1/check", json={"nonsense": 1})
    assert r.status_code == 400 and r.json()["errors"]


def test_validate_explain_suggest_timeline_motions_positions(c) -> None:
    r = c.post("/api/v1/validate", json={"text": SEED_TEXT, "file": SEED})
    assert r.status_code == 200 and r.json()["id"] == "nl-2023-09-18-geannoteerde-agenda-jbz"
    assert c.get("/api/v1/validate").json()["positions"] == len(c.get("/api/v1/positions").json())

    tree = c.post("/api/v1/explain", json={"text": SEED_TEXT, "file": SEED, "motion": "1011"}).json()
    cli = json.loads(run_cli("explain", SEED, "1011", "--format", "json").stdout)
    assert tree == cli

    cli = json.loads(run_cli("check", SEED, "--suggest", "--format", "json").stdout)
    expected = [{"motion": f["motion"], "clause": f["clause"], "changes": changes}
                for f in cli["findings"] for changes in (f.get("would_comply") or [])]
    got = c.post("/api/v1/suggest", json={"text": SEED_TEXT, "file": SEED}).json()
    assert got == expected and any(s["motion"] == "26643-1011" for s in got)

    timeline = c.get("/api/v1/timeline", params={"dossier": "csam-regulation"}).json()
    cli = json.loads(run_cli("timeline", "--dossier", "csam-regulation", "--format", "json").stdout)
    assert timeline["motions"] == cli["motions"] and len(timeline["rows"]) >= len(cli["rows"])
    motions = c.get("/api/v1/motions").json()
    assert [m["record"]["id"] for m in motions][:3] == ["26643-885", "26643-1011", "26643-1047"]
    assert c.get("/api/v1/motions/26643-9999").status_code == 404
    detail = c.get(f"/api/v1/positions/{SEED}").json()
    assert detail["text"] == SEED_TEXT and detail["position"]["id"].startswith("nl-2023-09-18")


def test_openapi_and_its_docs_page_are_served_without_anything_from_elsewhere(c) -> None:
    spec = c.get("/api/v1/openapi.json").json()
    assert {"/api/v1/check", "/api/v1/explain", "/api/v1/suggest", "/api/v1/timeline",
            "/api/v1/validate", "/api/v1/motions", "/api/v1/positions"} <= set(spec["paths"])
    assert "Report" in spec["components"]["schemas"]  # the report's own model
    page = c.get("/api/v1/docs").text
    assert "/api/v1/check" in page and "http" not in page.split("<main", 1)[1].split("openapi.json")[0]


def test_every_response_carries_the_csp_and_security_headers(c) -> None:
    for url in ("/", "/api/v1/motions", "/static/workbench.js", "/nope"):
        h = c.get(url).headers
        csp = h["content-security-policy"]
        assert "unsafe-inline" not in csp and "script-src 'self'" in csp and "default-src 'none'" in csp
        assert h["x-content-type-options"] == "nosniff" and h["x-frame-options"] == "DENY"
        assert h["referrer-policy"] == "same-origin"


def test_a_non_loopback_host_needs_a_token(tmp_path: Path) -> None:
    from compliance.web.app import create_app
    from compliance.web.settings import Settings, SettingsError

    with pytest.raises(SettingsError, match="--token"):
        create_app(Settings(workspace=ROOT, host="0.0.0.0"))
    r = run_cli("serve", "--host", "0.0.0.0", "--port", "8799")
    assert r.returncode == 2 and "--token" in r.stderr and "Traceback" not in r.stderr


def test_with_a_token_every_request_must_carry_it() -> None:
    token = "s3cret-token-0123456789"
    c = client(ROOT, host="192.0.2.1", token=token)
    assert c.get("/").status_code == 401
    assert c.get("/api/v1/motions").status_code == 401
    wrong = {"Authorization": "Bearer wrong-token-0123456789"}
    assert c.get("/api/v1/motions", headers=wrong).status_code == 401
    assert c.get("/api/v1/motions", headers={"Authorization": f"Bearer {token}"}).status_code == 200
    r = c.get(f"/?token={token}", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"  # the token leaves the address
    assert "HttpOnly" in r.headers["set-cookie"] and "SameSite=Strict" in r.headers["set-cookie"]
    assert c.get("/").status_code == 200  # the cookie now carries it
    c.cookies.clear()
    assert c.get("/?token=wrong", follow_redirects=False).status_code == 401


def test_unexpected_host_headers_are_refused(c) -> None:
    assert c.get("/", headers={"Host": "evil.example"}).status_code == 400


def test_path_traversal_and_symlinks_out_are_refused(workspace_copy: Path, tmp_path_factory) -> None:
    c = client(workspace_copy)
    outside = tmp_path_factory.mktemp("outside") / "secret.yaml"
    outside.write_text(SEED_TEXT, encoding="utf-8")
    os.symlink(outside, workspace_copy / "examples" / "positions" / "link.yaml")
    for path in ("../../etc/passwd", "%2e%2e/%2e%2e/etc/hosts.yaml", "/etc/hosts.yaml",
                 "examples/positions/link.yaml", "motions/26643-885.yaml",
                 "examples/positions/../../motions/26643-885.yaml"):
        r = c.get(f"/api/v1/positions/{path}")
        assert r.status_code in (400, 404), (path, r.status_code)
        assert "secret" not in r.text
        assert c.get("/editor", params={"file": path}).status_code in (400, 404), path
    token = csrf(c)
    fields = form_of(c.get("/editor").text)
    fields = replace(fields, "_filename", "../../../outside.yaml")
    r = post_form(c, "/editor/save", fields)
    assert r.status_code == 400, r.text[:500]
    assert not (workspace_copy.parent / "outside.yaml").exists()
    assert token


def _open(c, rel: str) -> list[tuple[str, str]]:
    r = c.get("/editor", params={"file": rel})
    assert r.status_code == 200
    return form_of(r.text)


def test_save_keeps_comments_and_order_and_checks_to_the_verdicts_shown(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    fields = replace(_open(c, SEED), "facts.cabinet_accepts_detection_on_interpersonal.value", "false")
    live = post_form(c, "/editor/verdicts", fields)
    assert live.status_code == 200
    r = post_form(c, "/editor/save", fields, follow_redirects=False)
    assert r.status_code == 303, r.text[:2000]
    saved = (workspace_copy / SEED).read_text(encoding="utf-8")
    before = SEED_TEXT.splitlines()
    after = saved.splitlines()
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert len(after) == len(before) and len(changed) == 1, changed  # one line, comments kept
    assert changed[0][1].strip() == "value: false"
    cli = json.loads(run_cli("check", "-w", str(workspace_copy), str(workspace_copy / SEED),
                             "--format", "json").stdout)
    van_ginneken = next(m for m in cli["motions"] if m["motion"] == "26643-1011")
    assert van_ginneken["verdict"] == "complies"
    shown = {m: v for m, v in _panel_verdicts(live.text).items()}
    assert shown == {m["motion"]: m["verdict"] for m in cli["motions"]}


def _panel_verdicts(html: str) -> dict[str, str]:
    import re

    return dict(re.findall(r'<section class="mv" data-motion="([^"]+)" data-verdict="([^"]+)"', html))


def test_a_stale_save_is_refused(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    fields = replace(_open(c, SEED), "actor", "Someone else")
    path = workspace_copy / SEED
    path.write_text(SEED_TEXT.replace("date: 2023-09-18\nactor", "date: 2023-09-19\nactor"), encoding="utf-8")
    edited = path.read_text(encoding="utf-8")
    r = post_form(c, "/editor/save", fields)
    assert r.status_code == 409 and "is op schijf gewijzigd" in r.text  # the page's language, nl
    assert path.read_text(encoding="utf-8") == edited


def test_save_errors_are_shown_at_their_field(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    opened = _open(c, SEED)
    r = post_form(c, "/editor/save", replace(opened, "date", "2023-02-30"))
    assert r.status_code == 400
    assert (workspace_copy / SEED).read_text(encoding="utf-8") == SEED_TEXT
    import re

    date_field = re.search(r'<div class="field has-error" id="field-f-date">.*?</div>', r.text, re.S)[0]
    # in the page's language, at the field, without schema words
    assert "2023-02-30" in date_field and "geen datum" in date_field
    r = post_form(c, "/editor/save", replace(opened, "facts.agenda_decision.value", "no_such_value"))
    assert r.status_code == 400
    fact = re.search(r'<fieldset class="fact has-error" id="fact-f-facts--agenda_decision".*?</fieldset>',
                     r.text, re.S)[0]
    assert "is geen van de waarden van dit feit" in fact
    assert (workspace_copy / SEED).read_text(encoding="utf-8") == SEED_TEXT


def test_writes_need_the_csrf_token_and_this_origin(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    fields = _open(c, SEED)
    no_token = [f for f in fields if f[0] != "_csrf"]
    assert post_form(c, "/editor/save", no_token).status_code == 403
    wrong = replace(fields, "_csrf", "x" * 43)
    assert post_form(c, "/editor/save", wrong).status_code == 403
    assert post_form(c, "/editor/save", fields, origin="http://evil.example").status_code == 403
    assert post_form(c, "/editor/save", fields, origin=None).status_code == 403  # no Origin at all
    r = c.post("/api/v1/check", content=json.dumps({"text": SEED_TEXT}),
               headers={"Content-Type": "text/plain"})
    assert r.status_code == 403  # a form-like API post, as another site could send
    assert c.request("PUT", "/api/v1/check").status_code == 405
    assert (workspace_copy / SEED).read_text(encoding="utf-8") == SEED_TEXT


def test_request_bodies_are_limited(c) -> None:
    big = "x" * (1024 * 1024 + 1)
    r = c.post("/api/v1/check", content=json.dumps({"text": big}),
               headers={"Content-Type": "application/json"})
    assert r.status_code == 413

    def chunks():
        for _ in range(40):
            yield b"a" * 65536

    r = c.post("/api/v1/check", content=chunks(), headers={"Content-Type": "application/json"})
    assert r.status_code == 413


def test_a_new_position_is_saved_in_the_positions_folder_and_never_overwrites(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    fields = form_of(c.get("/editor").text)
    for name, value in (("id", "nl-2024-10-01-test"), ("date", "2024-10-01"), ("actor", "Minister"),
                        ("source.title", "Brief"), ("facts.cabinet_vote_intention.value", "abstain"),
                        ("_filename", "2024-10-01-test.yaml")):
        fields = replace(fields, name, value)
    r = post_form(c, "/editor/save", fields, follow_redirects=False)
    assert r.status_code == 303, r.text[:3000]
    saved = workspace_copy / "examples" / "positions" / "2024-10-01-test.yaml"
    assert "cabinet_vote_intention: abstain" in saved.read_text(encoding="utf-8")
    again = post_form(c, "/editor/save", fields)
    assert again.status_code == 409  # the file exists now: open it to edit it


def test_a_pasted_position_loads_into_the_editor(c) -> None:
    fields = form_of(c.get("/editor").text)
    fields = replace(fields, "_paste", SEED_TEXT)
    fields = replace(fields, "_action", "paste")
    r = post_form(c, "/editor", fields)
    assert r.status_code == 200
    loaded = dict(form_of(r.text))
    assert loaded["id"] == "nl-2023-09-18-geannoteerde-agenda-jbz"
    assert loaded["facts.cabinet_vote_intention.value"] == "not_for"
    bad = replace(fields, "_paste", "id: [")
    r = post_form(c, "/editor", bad)
    assert r.status_code == 400 and "pasted.yaml:1:" in r.text


@pytest.mark.parametrize("rel", sorted(p.relative_to(ROOT).as_posix()
                                       for d in ("examples/positions", "examples/scenarios")
                                       for p in (ROOT / d).glob("*.yaml")))
def test_opening_and_saving_a_file_unchanged_leaves_it_byte_identical(workspace_copy: Path, rel: str) -> None:
    """The form carries every part of a position (shown or kept hidden) back into the file."""
    c = client(workspace_copy)
    before = (workspace_copy / rel).read_bytes()
    r = post_form(c, "/editor/save", _open(c, rel), follow_redirects=False)
    assert r.status_code == 303, r.text[:3000]
    assert (workspace_copy / rel).read_bytes() == before


def test_the_explanation_of_an_unsaved_edit_points_at_the_lines_of_the_file(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    fields = replace(_open(c, SEED), "facts.cabinet_vote_intention.value", "for")
    r = post_form(c, "/editor/explain?motion=26643-1047", fields)
    assert r.status_code == 200
    assert "niet opgeslagen" in r.text  # marked as a draft
    line = next(i for i, text in enumerate(SEED_TEXT.splitlines(), 1) if "value: not_for" in text)
    # the value by its meaning, the id on hover
    assert f"{SEED}:{line}:" in r.text and 'title="for"' in r.text
    assert (workspace_copy / SEED).read_text(encoding="utf-8") == SEED_TEXT


def test_a_wrong_as_of_date_is_shown_at_the_date_field_of_the_panel(c) -> None:
    fields = replace(_open(c, SEED), "_as_of", "2024-02-30")
    r = post_form(c, "/editor/verdicts", fields)
    assert r.status_code == 200
    assert 'href="#f-as-of"' in r.text and "2024-02-30" in r.text and "geen datum" in r.text
    fields = replace(_open(c, SEED), "facts.text_stage.value", "nonsense")
    r = post_form(c, "/editor/verdicts", fields)
    assert 'href="#fact-f-facts--text_stage"' in r.text and "nonsense" in r.text


def test_the_motion_page_shows_clauses_interpretations_rules_in_words_and_execution(c) -> None:
    import yaml

    record = yaml.safe_load((ROOT / "motions" / "26643-1011.yaml").read_text(encoding="utf-8"))
    rule_file = ROOT / "rules" / "csam-regulation" / "26643-1011.yaml"
    rules = yaml.safe_load(rule_file.read_text(encoding="utf-8"))
    from html import unescape

    for lang in ("nl", "en"):
        page = unescape(c.get("/motions/26643-1011", params={"lang": lang}).text)
        for clause in record["clauses"]:
            assert clause["request"]["nl"] in page and clause["request"]["en"] in page
        for interp in rules["interpretations"]:
            assert " ".join(interp["rationale"][lang].split()) in " ".join(page.split())
        for statement in record["execution"]:
            assert statement["summary"][lang] in page
        assert ("alle volgende:" if lang == "nl" else "all of:") in page
        assert "cabinet_accepts_detection_on_interpersonal" in page and "{" not in page.split("<main")[1]


def test_the_overview_filters_by_verdict_and_dossier(c) -> None:
    import re

    rows = lambda html: re.findall(r'<tr data-dossier="[^"]+">\s*<th scope="row"><a [^>]*>([^<]+)</a>', html)  # noqa: E731
    positions = c.get("/api/v1/positions").json()
    report = c.get("/api/v1/report").json()
    for dossier in ("csam-regulation", "groningen-gas"):  # one dossier a page, chosen in the address
        every = rows(c.get("/", params={"dossier": dossier}).text)
        assert sorted(every) == sorted(p["id"] for p in positions if p["dossier"] == dossier)
        undeclared = {m["position"] for m in report["motions"]
                      if m["verdict"] == "conflicts" and not m["declared"] and m["position"] in every}
        shown = rows(c.get("/", params={"verdict": "conflicts-undeclared", "dossier": dossier}).text)
        assert set(shown) == undeclared
    assert c.get("/", params={"dossier": "no-such"}).status_code == 404
