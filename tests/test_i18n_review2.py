"""What a Dutch (or English) user sees where review round two found English or Python
values in the other language: rule drafting, workbench pages, the API, schema messages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.web_support import client


def test_the_rule_editor_says_lint_in_the_pages_language(workspace_copy: Path) -> None:
    record = workspace_copy / "motions" / "26643-1047.yaml"
    record.write_text(re.sub(r"(?m)^result: .*$", "result: rejected", record.read_text(encoding="utf-8")),
                      encoding="utf-8")
    c = client(workspace_copy)
    for lang, words in (("nl", "regels voor motie 26643-1047, die niet is aangenomen (uitkomst: rejected) — "
                               "verwijder de regels"),
                        ("en", "rules for motion 26643-1047, which was not adopted (result: rejected) — "
                               "remove the rules")):
        page = c.get("/rules/draft", params={"motion": "26643-1047", "lang": lang})
        assert page.status_code == 200
        lint = page.text.split('id="rule-lint"', 1)[1].split("</ul>", 1)[0]
        assert re.search(r"rules/csam-regulation/26643-1047\.yaml:\d+:\d+: ", lint), lint
        assert words in lint, lint
        assert "LintIssue(" not in lint


def test_a_drafted_rule_that_does_not_load_is_said_in_dutch() -> None:
    from compliance.authoring.draft_rule import draft_motion, verify

    d = draft_motion(ROOT, "26643-1047")
    d.rule_text = "id: [x\n"
    for lang, words in (("nl", "de verwachte ',' of ']' ontbreekt"), ("en", "expected ',' or ']'")):
        ((code, text),) = verify(d, ROOT, None, lang)
        assert code == "invalid"
        assert text.startswith("rules/csam-regulation/26643-1047.yaml:2:1: "), text
        assert words in text
    assert "fout in de YAML-syntaxis" in verify(d, ROOT, None, "nl")[0][1]


def test_workbench_page_errors_in_the_pages_language(workspace_copy: Path) -> None:
    from tests.web_support import csrf

    (workspace_copy / "examples" / "positions" / "a-list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    c = client(workspace_copy)
    nl = c.get("/motions/nope", params={"lang": "nl"})
    en = c.get("/motions/nope", params={"lang": "en"})
    assert nl.status_code == en.status_code == 404
    assert "geen motie &#39;nope&#39;" in nl.text and "no motion" not in nl.text
    assert "no motion &#39;nope&#39;" in en.text
    nl = c.get("/editor", params={"file": "examples/positions/a-list.yaml", "lang": "nl"})
    en = c.get("/editor", params={"file": "examples/positions/a-list.yaml", "lang": "en"})
    assert nl.status_code == en.status_code == 400
    assert "a-list.yaml: geen positiebestand" in nl.text and "not a position record" not in nl.text
    assert "a-list.yaml: not a position record" in en.text
    # open data that is not a Kamerstuk's: the temporary file is named in the page's language
    tok = csrf(c)
    for lang, name in (("nl", "opendata"), ("en", "open data")):
        r = c.post(f"/rules/new?lang={lang}", headers={"Origin": "http://testserver"}, data={
            "_csrf": tok, "_lang": lang, "kamerstuk": "36999-12", "dossier": "csam-regulation",
            "opendata": "{not json"})
        assert r.status_code == 400
        assert f"{name}:" in r.text, r.text
    assert "open data" not in c.post("/rules/new?lang=nl", headers={"Origin": "http://testserver"}, data={
        "_csrf": tok, "_lang": "nl", "kamerstuk": "36999-12", "dossier": "csam-regulation",
        "opendata": "{not json"}).text


def test_the_api_says_errors_in_the_bodys_language_else_the_requests() -> None:
    c = client(ROOT)  # the workbench's language: nl
    bad = {"text": "id: [unclosed\n", "file": "examples/positions/x.yaml"}
    en = c.post("/api/v1/check", json={**bad, "lang": "en"}).json()["errors"][0]
    assert en["problem"].startswith("YAML syntax error"), en
    nl = c.post("/api/v1/check", json={**bad, "lang": "nl"}, params={"lang": "en"}).json()["errors"][0]
    assert nl["problem"].startswith("fout in de YAML-syntaxis"), nl  # the body's lang first
    assert c.post("/api/v1/check", json=bad, params={"lang": "en"}).json()["errors"][0]["problem"] \
        .startswith("YAML syntax error")
    assert c.post("/api/v1/check", json=bad).json()["errors"][0]["problem"].startswith("fout in de YAML")
    explained = c.post("/api/v1/explain", json={**bad, "lang": "en", "motion": "1011"}).json()
    assert explained["errors"][0]["problem"].startswith("YAML syntax error"), explained
    # the GET routes: ?lang=, else the workbench's language
    assert c.get("/api/v1/motions/nope").json()["errors"][0]["problem"] == "geen motie 'nope'"
    assert c.get("/api/v1/motions/nope", params={"lang": "en"}).json()["errors"][0]["problem"] == \
        "no motion 'nope'"
    assert c.get("/api/v1/timeline", params={"dossier": "nope"}).json()["errors"][0]["problem"] == \
        "geen dossier 'nope' in rules/"
    en = c.get("/api/v1/timeline", params={"dossier": "nope", "lang": "en"}).json()["errors"][0]
    assert en["problem"] == "no dossier 'nope' in rules/"
    en_app = client(ROOT, lang="en")  # serve --lang en
    assert en_app.get("/api/v1/motions/nope").json()["errors"][0]["problem"] == "no motion 'nope'"
    assert en_app.post("/api/v1/check", json={**bad, "lang": "nl"}).json()["errors"][0]["problem"] \
        .startswith("fout in de YAML-syntaxis")


def test_schema_messages_show_values_as_yaml_writes_them(workspace_copy: Path, tmp_path: Path) -> None:
    position = ROOT / "examples" / "positions" / "2018-02-schadeprotocol.yaml"
    text = re.sub(r"(?m)^actor: .*$", "actor: true", position.read_text(encoding="utf-8"))
    path = tmp_path / "p.yaml"
    path.write_text(text, encoding="utf-8")
    nl = run_cli("check", str(path), "--workspace", str(workspace_copy), "--lang", "nl")
    en = run_cli("check", str(path), "--workspace", str(workspace_copy), "--lang", "en")
    assert nl.returncode == en.returncode == 2
    assert "'actor': tekst verwacht, gevonden: true — schrijf hier tekst: zet het tussen aanhalingstekens, " \
           "'true'" in nl.stderr, nl.stderr
    assert "'actor': expected string, found true — write a string here: quote it, 'true'" in en.stderr
    assert "True" not in nl.stderr + en.stderr


def test_a_boolean_is_asked_for_as_true_or_false() -> None:
    from compliance.loading.validate import check_schema
    from compliance.loading.yaml_safe import load_text

    record = (ROOT / "motions" / "26643-1047.yaml").read_text(encoding="utf-8")
    assert "first: true}" in record
    errors = check_schema(load_text(record.replace("first: true}", "first: 5}", 1), "m.yaml"), "motion")
    (nl,) = [e.render("nl") for e in errors]
    assert "'first': true of false verwacht, gevonden: geheel getal 5 — schrijf hier true of false" in nl, nl


def test_dutch_wording_of_input_errors(workspace_copy: Path, tmp_path: Path) -> None:
    rule = workspace_copy / "rules" / "groningen-gas" / "32849-275.yaml"
    text = rule.read_text(encoding="utf-8")
    old = "{fact: new_sodm_advice_requested, equals: false}"
    assert old in text
    cases = {  # the edit, what Dutch says, what it must no longer say
        "{fact: new_sodm_advice_requested, equals: maybe}":
            ("feit 'new_sodm_advice_requested' is waar of onwaar (true/false); 'maybe' is dat niet",
             "een bool"),
        "{all: []}": ("noem ten minste één voorwaarde, of verwijder 'all: []'", "verwijder haar"),
        "{all: [{fact: new_sodm_advice_requested, equals: true}], "
        "not: {fact: new_sodm_advice_requested, equals: true}}":
            ("'all' moet de enige sleutel in zijn mapping zijn", "hoort alleen"),
        "{fact: new_sodm_advice_requested}":
            ("een voorwaarde op een feit heeft precies één operator", "atoom"),
    }
    for new, (words, gone) in cases.items():
        rule.write_text(text.replace(old, new, 1), encoding="utf-8")
        r = run_cli("validate", "--workspace", str(workspace_copy), "--lang", "nl")
        assert r.returncode == 2, r.stdout + r.stderr
        assert words in r.stderr and gone not in r.stderr, r.stderr
    rule.write_text(text, encoding="utf-8")
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes("id: caf\xe9\n".encode("latin-1"))
    r = run_cli("check", str(bad), "--workspace", str(workspace_copy))
    assert r.returncode == 2 and "sla het bestand op in UTF-8" in r.stderr, r.stderr
    r = run_cli("import-motions", "--kamerstuk", "abc", "--workspace", str(workspace_copy))
    assert r.returncode == 2 and "'abc' is geen Kamerstuknummer" in r.stderr, r.stderr
    r = run_cli("serve", "--host", "0.0.0.0", "--workspace", str(workspace_copy))
    assert r.returncode == 2 and "zodat elke aanvraag het moet meesturen" in r.stderr, r.stderr


def test_cli_usage_errors_and_success_lines_in_the_command_lines_language() -> None:
    cases = [  # (arguments, Dutch, English)
        (("check", "--format", "jsn"),
         "gebruiksfout: ongeldige waarde voor '--format' / '-f': 'jsn' is niet een van 'text', 'json'",
         "usage error: Invalid value for '--format' / '-f': 'jsn' is not one of 'text', 'json'"),
        (("analyze",), "gebruiksfout: optie '--dossier' / '-d' ontbreekt (zie 'compliance analyze --help')",
         "usage error: Missing option '--dossier' / '-d'"),
        (("check", "--bogus"), "gebruiksfout: onbekende optie: --bogus",
         "usage error: No such option: --bogus"),
        (("frobnicate",), "gebruiksfout: onbekende opdracht 'frobnicate'", "usage error: No such command"),
    ]
    for args, nl, en in cases:
        r_nl, r_en = run_cli(*args), run_cli(*args, "--lang", "en")
        assert r_nl.returncode == 2 and nl in r_nl.stderr, r_nl.stderr
        assert r_en.returncode == 2 and en in r_en.stderr, r_en.stderr
    r = run_cli("check", "--format", "jsn")
    assert "bedoelde u 'json'?" in r.stderr and "did you mean" not in r.stderr
    # an unknown --lang: said in Dutch, the default
    r = run_cli("check", "", "--lang", "xx")
    assert r.returncode == 2 and "het pad is leeg" in r.stderr, r.stderr
    r = run_cli("timeline", "--lang", "xx")
    assert r.returncode == 2 and "'xx' is niet een van 'nl', 'en'" in r.stderr, r.stderr
    nl, en = run_cli("validate"), run_cli("validate", "--lang", "en")
    n = len(list((ROOT / "motions").glob("*.yaml")))
    assert nl.returncode == 0 and nl.stdout.startswith(f"ok: {n} moties, ") and "posities" in nl.stdout
    assert en.returncode == 0 and en.stdout.startswith(f"ok: {n} motions, ") and "positions" in en.stdout


def test_a_network_error_is_said_in_the_commands_language(monkeypatch: pytest.MonkeyPatch,
                                                           capsys: pytest.CaptureFixture[str],
                                                           workspace_copy: Path) -> None:
    import httpx

    import compliance.cli.ingest as ingest
    from compliance.cli.app import main
    from compliance.ingest.client import OpenDataClient

    def failing() -> OpenDataClient:
        return OpenDataClient(transport=httpx.MockTransport(lambda request: httpx.Response(503)),
                              max_retries=0, sleep=lambda s: None)

    monkeypatch.setattr(ingest, "_client", failing)
    for lang, words in (("nl", "fout: "), ("en", "error: ")):
        with pytest.raises(SystemExit) as done:
            main(["import-motions", "--kamerstuk", "26643-1011", "--workspace", str(workspace_copy),
                      "--lang", lang])
        assert done.value.code == 1
        err = capsys.readouterr().err
        assert err.startswith(words), err
        assert ("na 1 pogingen — probeer het later opnieuw" in err) == (lang == "nl"), err
