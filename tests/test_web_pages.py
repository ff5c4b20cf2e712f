"""The workbench's pages through the test client: the overview per dossier (conflicts
first, not applicable a count), addresses that carry the view's state, the links built
from Kamerstuk numbers. What a person sees in a browser is in tests/test_web_*_browser.py."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tests.conftest import ROOT, run_cli
from tests.web_support import client


@pytest.fixture(scope="module")
def c():  # the bundled workspace, read only
    return client(ROOT)


class Rows(HTMLParser):
    """The findings table's groups and rows: (kind, motion, position) per row."""

    def __init__(self) -> None:
        super().__init__()
        self.kind = ""
        self.rows: list[tuple[str, str, str]] = []
        self.in_table = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table" and a.get("id") == "findings":
            self.in_table = True
        elif tag == "tbody" and self.in_table:
            self.kind = a.get("data-kind") or ""
        elif tag == "tr" and self.in_table and a.get("data-motion"):
            self.rows.append((self.kind, a["data-motion"] or "", a.get("data-position") or ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.in_table = False


def findings(html: str) -> list[tuple[str, str, str]]:
    p = Rows()
    p.feed(html)
    return p.rows


def cli_verdicts(dossier: str) -> dict[tuple[str, str], str]:
    import json

    folder = [str(ROOT / "examples" / d) for d in ("positions", "scenarios")]
    report = json.loads(run_cli("check", *folder, "--format", "json").stdout)
    out = {}
    for m in report["motions"]:
        pos = report["positions"][m["position"]]
        if pos.get("dossier", dossier) == dossier:
            k = m["verdict"]
            if k == "conflicts":
                k = "conflicts-declared" if m["declared"] is True else "conflicts-undeclared"
            out[(m["position"], m["motion"])] = k
    return out


@pytest.mark.parametrize("dossier", ["csam-regulation", "groningen-gas"])
def test_the_overview_shows_one_dossier_conflicts_first_and_not_applicable_as_a_count(c, dossier) -> None:
    html = c.get("/", params={"dossier": dossier}).text
    rows = findings(html)
    order = ["conflicts-undeclared", "conflicts-declared", "undetermined", "complies"]
    kinds = [k for k, _, _ in rows]
    assert kinds == sorted(kinds, key=order.index), "conflicts first, then undetermined, then complies"
    # the rows are the CLI's verdicts for this dossier's positions, not applicable left out
    cli = cli_verdicts(dossier)
    shown = {(p, m): k for k, m, p in rows}
    assert shown == {key: k for key, k in cli.items() if key in shown}
    assert {key for key, k in cli.items() if k != "not_applicable" and key[0] in {p for _, _, p in rows}} \
        <= set(shown)
    assert "not_applicable" not in kinds
    # the summary splits declared from undeclared conflicts, and counts what is not applicable
    counts = dict(re.findall(r'data-count="([a-z_-]+)">(\d+)<', html))
    for k in order:
        assert int(counts[k]) == kinds.count(k), k
    assert int(counts["not_applicable"]) == len(re.findall(r'<li><a href="/finding', html))
    # only this dossier's positions in the matrix
    assert set(re.findall(r'<tr data-dossier="([^"]+)"', html)) == {dossier}


def test_an_unknown_dossier_is_refused_in_the_pages_language(c) -> None:
    r = c.get("/", params={"dossier": "nope", "lang": "en"})
    assert r.status_code == 404 and "no dossier" in r.text and "groningen-gas" in r.text


def test_the_overview_address_carries_the_as_of_date_and_interpretations(c) -> None:
    r = c.get("/", params={"dossier": "csam-regulation", "as_of": "2024-12-01",
                           "interp.26643-885": "strict-reading", "lang": "en"})
    assert r.status_code == 200
    # each finding link keeps the state, and so does the language switch
    links = re.findall(r'href="(/finding\?[^"]+)"', r.text)
    assert links and all("as_of=2024-12-01" in x and "interp.26643-885=strict-reading" in x for x in links)
    switch = re.search(r'id="lang-switch" href="([^"]+)"', r.text)
    assert switch and "as_of=2024-12-01" in switch[1] and "lang=nl" in switch[1]
    bad = c.get("/", params={"interp.26643-885": "no-such-reading"})
    assert bad.status_code == 400


def test_kamerstuk_links_are_built_from_the_number(c) -> None:
    html = c.get("/", params={"dossier": "groningen-gas"}).text
    assert 'href="https://zoek.officielebekendmakingen.nl/kst-34957-30.html"' in html


def test_the_chart_tells_declared_from_undeclared_conflicts_and_names_rows_and_events(c) -> None:
    html = c.get("/", params={"dossier": "csam-regulation"}).text
    chart = html[html.index('<svg class="timeline"'):html.index("</svg>")]
    assert "<a " not in chart  # no links nested in the graphic
    assert 'data-kind="conflicts-undeclared"' in chart or 'data-kind="conflicts-declared"' in chart
    assert 'fill="url(#hatch-csam-regulation)"' in html  # the declared pattern (legend at least)
    labels = re.findall(r'class="row-label"[^>]*>([^<]+)<', chart)
    assert len(labels) == len(set(labels)), labels  # every row told apart
    assert all(re.match(r"^[0-9]{4}", x) for x in labels), labels
    # events by their names, not their ids
    assert not re.search(r"<title>\d+\. [a-z0-9_]+: ", chart)


def test_an_unsaved_draft_gets_an_address_that_another_client_opens(workspace_copy) -> None:
    from tests.conftest import SEED
    from tests.web_support import csrf, form_of, post_form, replace

    c = client(workspace_copy)
    before = sorted(p.name for p in (workspace_copy / "examples" / "positions").iterdir())
    fields = form_of(c.get("/editor", params={"file": SEED}).text)
    fields = replace(fields, "actor", "Bewerkt, niet opgeslagen")
    fields = replace(fields, "_as_of", "2024-12-01")
    r = post_form(c, "/editor/share", [*fields, ("_csrf", csrf(c))], follow_redirects=False)
    assert r.status_code == 303
    target = r.headers["location"]
    assert target.startswith("/editor?draft=") and "lang=nl" in target
    # another client (no cookies, nothing shared but the address) sees the same state
    other = client(workspace_copy)
    page = other.get(target).text
    assert 'value="Bewerkt, niet opgeslagen"' in page
    assert 'id="f-as-of" value="2024-12-01"' in page
    assert f'name="_file" value="{SEED}"' in page  # saving it still writes into the opened file
    # kept in the drafts folder, never as a position; the same state gives the same address
    assert sorted(p.name for p in (workspace_copy / "examples" / "positions").iterdir()) == before
    assert len(list((workspace_copy / "drafts").glob("*.json"))) == 1
    again = post_form(c, "/editor/share", [*fields, ("_csrf", csrf(c))], follow_redirects=False)
    assert again.headers["location"] == target
    # the language switch goes through the same address, in the other language
    en = post_form(c, "/editor/share", [*fields, ("_csrf", csrf(c)), ("_switch_lang", "en")],
                   follow_redirects=False)
    assert en.headers["location"] == target.replace("lang=nl", "lang=en")
    # ids are checked; posting without the CSRF token is refused
    assert other.get("/editor", params={"draft": "../../etc"}).status_code == 404
    bare = [f for f in fields if f[0] != "_csrf"]
    assert post_form(c, "/editor/share", bare, follow_redirects=False).status_code == 403


def test_an_empty_new_form_does_not_greet_with_schema_errors(c) -> None:
    for lang in ("nl", "en"):
        html = c.get("/editor", params={"lang": lang}).text
        assert "missing required" not in html and "actor" not in html.split('id="verdicts"')[1][:600]
        assert 'id="fresh-hint"' in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_half_a_bilingual_text_is_said_at_the_missing_half_in_the_pages_language(c, lang) -> None:
    from tests.conftest import SEED
    from tests.web_support import form_of, post_form, replace

    fields = form_of(c.get("/editor", params={"file": SEED, "lang": lang}).text)
    r = post_form(c, "/editor/verdicts", replace(fields, "summary.en", ""))
    assert r.status_code == 200
    assert 'data-anchor="f-summary-en"' in r.text  # at the English summary field
    said = {"nl": "Vul ook de Engelse tekst in", "en": "Fill in the English text as well"}[lang]
    assert said in r.text
    for schema_word in ("expected null", "found mapping", "write a null", "summary.nl:"):
        assert schema_word not in r.text
    # a fact's error names the fact by its description, the id only on hover
    r = post_form(c, "/editor/verdicts", replace(fields, "facts.cabinet_vote_intention.value", "maybe"))
    assert 'title="facts.cabinet_vote_intention.value"' in r.text
    assert ">facts.cabinet_vote_intention" not in r.text


@pytest.mark.parametrize(("field", "value", "said"), [
    ("id", "bad id with spaces", "Gebruik kleine letters, cijfers en streepjes"),
    ("source.url", "not a url", "Een adres begint met https://"),
    ("certainty", "maybe", "is hier geen toegestane waarde"),
])
def test_other_form_mistakes_are_said_plainly_in_dutch(c, field, value, said) -> None:
    from tests.conftest import SEED
    from tests.web_support import form_of, post_form, replace

    fields = form_of(c.get("/editor", params={"file": SEED}).text)
    r = post_form(c, "/editor/verdicts", replace(fields, field, value))
    assert said in r.text
    for schema_word in ("match the pattern", "wrong form", "not an allowed value", "use one of"):
        assert schema_word not in r.text


def test_the_explanation_of_an_unsaved_edit_has_an_address(workspace_copy) -> None:
    from tests.conftest import SEED
    from tests.web_support import csrf, form_of, post_form, replace

    c = client(workspace_copy)
    fields = replace(form_of(c.get("/editor", params={"file": SEED}).text),
                     "facts.cabinet_accepts_detection_on_interpersonal.value", "false")
    r = post_form(c, "/editor/explain?motion=26643-1011", [*fields, ("_csrf", csrf(c))],
                  follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/finding?draft=")
    # opened by another client: the unsaved edit's explanation (Van Ginneken complies)
    page = client(workspace_copy).get(r.headers["location"]).text
    assert 'class="badge v-complies"' in page and "v-conflicts" not in page
    assert "/editor?draft=" in page  # back to the same unsaved state


def test_the_duties_page_shows_what_compliance_duties_gives_overdue_first(c) -> None:
    import json

    folders = [str(ROOT / "examples" / d) for d in ("positions", "scenarios")]
    for dossier in ("csam-regulation", "groningen-gas"):
        cli = run_cli("duties", *folders, "--dossier", dossier, "--format", "json")
        assert cli.returncode == 0, cli.stderr
        doc = json.loads(cli.stdout)
        duties = doc["duties"] if isinstance(doc, dict) else doc
        html = c.get("/duties", params={"dossier": dossier}).text
        shown = re.findall(r'<tr data-motion="([^"]+)" data-state="([^"]+)">', html)
        assert sorted(shown) == sorted((d["motion"], d["state"]) for d in duties)
        order = ["overdue", "unknown", "not_yet_due", "met", "ended"]
        assert [s for _, s in shown] == sorted((s for _, s in shown), key=order.index)
    assert c.get("/duties", params={"dossier": "nope"}).status_code == 404


def standing_section(html: str) -> str:
    m = re.search(r'<section class="block standing" id="standing".*?</section>', html, re.S)
    assert m, "no standing-position section on the editor"
    return m[0]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_editor_shows_what_a_letter_changes_against_the_standing_position_and_what_it_leaves(
        c, lang) -> None:
    from compliance.i18n import t
    from compliance.loading.workspace import load_workspace

    vocab = load_workspace(ROOT).vocabularies["groningen-gas"].model
    status = vocab.facts["field_status"]
    html = c.get("/editor", params={"file": "examples/positions/2024-04-19-wet-beeindiging.yaml",
                                    "lang": lang}).text
    section = standing_section(html)
    assert t("wb_standing_h", lang) in section
    changed = re.search(r'<table class="standing-changed".*?</table>', section, re.S)
    kept = re.search(r'<table class="standing-kept".*?</table>', section, re.S)
    assert changed and kept
    row = re.search(r'<tr data-fact="field_status">(.*?)</tr>', changed[0], re.S)
    assert row, "the closure act changes the field's status"
    cells = re.findall(r"<td>(.*?)</td>", row[1], re.S)
    from html import escape

    assert cells[0] == escape(status.values["closed_reserve"].get(lang))  # was (June 2023)
    assert cells[1] == escape(status.values["closed_permanent"].get(lang))  # now
    assert "/source?file=examples/positions/2023-06-sluiting-groningenveld.yaml&amp;line=" in cells[2]
    origin = t("carried_from", lang, position="nl-2023-06-sluiting-groningenveld", date="2023-06", line="")
    assert origin in cells[2]
    assert escape(status.description.get(lang).rstrip("."))[:40] in row[1]
    # what the act does not state stands, with where it was said
    carried = dict(re.findall(r'<tr data-fact="([^"]+)">(.*?)</tr>', kept[0], re.S))
    assert "field_status" not in carried and "closure_date" in carried
    assert origin in carried["closure_date"]
    assert "/source?file=examples/positions/2023-06-sluiting-groningenveld.yaml" in carried["closure_date"]


def test_the_standing_section_escapes_a_hostile_value_saved_or_unsaved(tmp_path) -> None:
    import shutil

    from tests.web_support import csrf, form_of, post_form

    ws = tmp_path / "ws"
    shutil.copytree(ROOT / "tests/data/duties-workspace", ws)
    dossier = ws / "rules/constructed-duties/dossier.yaml"
    dossier.write_text(dossier.read_text(encoding="utf-8") + (
        "  housing_note:\n    type: text\n    group: cabinet\n    subjects: [housing]\n"
        "    description: {nl: Een notitie bij het plan., en: A note on the plan.}\n"), encoding="utf-8")
    folder = ws / "examples/positions"
    hostile = '<script>alert("x")</script>&'
    (folder / "a.yaml").write_text(
        "# CONSTRUCTED position (test)\nid: constructed-a\ndossier: constructed-duties\ndate: 2024-02-01\n"
        "actor: Constructed\nsource: {title: constructed}\nfacts:\n  housing_plan: {value: true}\n"
        f"  housing_note: {{value: '{hostile}'}}\n", encoding="utf-8")
    (folder / "b.yaml").write_text(
        "# CONSTRUCTED position (test)\nid: constructed-b\ndossier: constructed-duties\ndate: 2024-05-01\n"
        "actor: Constructed\nsource: {title: constructed}\nfacts:\n  housing_plan: {value: false}\n",
        encoding="utf-8")
    wc = client(ws)
    saved = wc.get("/editor", params={"file": "examples/positions/b.yaml", "lang": "en"}).text
    fields = form_of(saved)
    unsaved = post_form(wc, "/editor", [*[(k, v) for k, v in fields if k != "_file" and k != "_sha"],
                                        ("_file", ""), ("_csrf", csrf(wc))]).text
    for html in (saved, unsaved):
        section = standing_section(html)
        assert "<script>" not in section
        assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&amp;" in section
        rows = dict(re.findall(r'<tr data-fact="([^"]+)">(.*?)</tr>', section, re.S))
        assert "carried from constructed-a, 2024-02-01, line 9" in rows["housing_note"]
        assert re.search(r"<td>yes</td><td>no</td>", rows["housing_plan"])  # true -> false
        assert "line 8" in rows["housing_plan"]
