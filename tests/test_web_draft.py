"""Drafting from a letter in the workbench, through FastAPI's test client: the draft the
editor shows is the library's draft (compliance.drafting), every proposed fact unconfirmed,
the letter beside it with its passages marked; the confirmation is saved as set; the
guards of every other write hold; a hostile letter reaches the page escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from compliance.drafting import draft_letter, position_data
from tests.conftest import ROOT, run_cli
from tests.web_support import client, form_of, post_form, replace

SEED_LETTER = Path(__file__).parent / "data" / "seed" / "geannoteerde-agenda-jbz-raad-2023-09-28.txt"
LETTER = SEED_LETTER.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def c():  # the bundled workspace, read only
    return client(ROOT)


def _draft(c, text: str, name: str = "agenda.txt", dossier: str = "csam-regulation", **kw):
    fields = form_of(c.get("/editor").text)
    fields = replace(fields, "_letter", text)
    fields = replace(fields, "_letter_name", name)
    fields = replace(fields, "_draft_dossier", dossier)
    return post_form(c, "/editor/draft", replace(fields, "_action", "draft"), **kw)


def _facts_shown(fields: list[tuple[str, str]]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for k, v in fields:
        m = re.fullmatch(r"facts\.([a-z0-9_]+)\.([a-z_]+)", k)
        if m:
            out.setdefault(m[1], {}).setdefault(m[2], []).append(v)
    return out


def test_the_seed_letter_gives_the_librarys_draft_in_the_editor_every_fact_unconfirmed(c) -> None:
    r = _draft(c, LETTER)
    assert r.status_code == 200, r.text[:2000]
    expected = position_data(draft_letter(LETTER, ROOT, "csam-regulation", letter_name="agenda.txt"))
    fields = form_of(r.text)
    shown = _facts_shown(fields)
    assert expected["facts"]
    for name, entry in expected["facts"].items():
        value = entry["value"]
        want = [str(v) for v in value] if isinstance(value, list) else \
            [("true" if value else "false") if isinstance(value, bool) else str(value)]
        assert shown[name]["value"] == want, name
        assert shown[name]["confirmed_shown"] == ["keyed"]
        assert "confirmed" not in shown[name], f"{name} is shown confirmed"
        # the fact's passage links lead to numbered lines of the letter pane, marked there
        links = re.findall(rf'href="#L(\d+)" class="passage" data-line="\d+" data-fact="{name}"', r.text)
        assert links, name
        for n in links:
            assert re.search(rf'<li id="L{n}" class="hl[^"]*" data-facts="[^"]*\b{name}\b', r.text), (name, n)
    assert not {n for n, f in shown.items() if "confirmed_shown" in f} - set(expected["facts"])
    assert r.text.count('<li id="L') == len(LETTER.split("\n"))
    # the live verdicts name the unconfirmed facts the findings rest on
    assert 'data-role="unconfirmed"' in r.text
    assert re.search(r'class="unconfirmed" data-unconfirmed="[^"]*cabinet_vote_intention', r.text)
    assert dict(fields)["_filename"] == f"{expected['id']}.yaml"
    # the statements on motions and the planned step, each linked to its line
    found = re.search(r'<ul id="letter-found">(.*?)</ul>', r.text, re.S)[1]
    for d in expected["declarations"]:
        assert f"<code>{d['motion']}</code>" in found
    step = expected["planned_steps"][0]
    assert f"<code>{step['kind']}</code> {step['date']}" in found
    for n in re.findall(r'href="#L(\d+)"', found):
        assert re.search(rf'<li id="L{n}" class="[^"]*\bother\b', r.text)


def test_confirmation_is_saved_as_set_and_a_language_switch_keeps_the_letter(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    r = _draft(c, LETTER)
    fields = form_of(r.text)
    names = sorted(_facts_shown(fields))
    drafted = [n for n in names if dict(fields).get(f"facts.{n}.confirmed_shown") == "keyed"]
    left = drafted[0]
    for n in drafted[1:]:
        fields.append((f"facts.{n}.confirmed", "true"))
    # switch the language: the form as edited and the letter pane come back
    again = post_form(c, "/editor", [*fields, ("_switch_lang", "en")])
    assert again.status_code == 200 and 'id="letter-pane"' in again.text and "Letter" in again.text
    shown = _facts_shown(form_of(again.text))
    assert all(shown[n].get("confirmed") == ["true"] for n in drafted[1:])
    assert "confirmed" not in shown[left]
    saved = post_form(c, "/editor/save", form_of(again.text), follow_redirects=False)
    assert saved.status_code == 303, saved.text[:3000]
    rel = re.search(r"file=([^&]+)", saved.headers["location"])[1].replace("%2F", "/")
    facts = yaml.safe_load((workspace_copy / rel).read_text(encoding="utf-8"))["facts"]
    assert facts[left]["confirmed"] is False
    assert all(facts[n]["confirmed"] is True for n in drafted[1:])
    # a confirmed fact no longer says it awaits confirmation; the unticked one still does
    assert all("bevestiging" not in facts[n].get("note", "")
               and "confirmation" not in facts[n].get("note", "") for n in drafted[1:])
    assert any(w in facts[left].get("note", "") for w in ("wacht op bevestiging", "awaits confirmation"))
    # the letter is kept in the workspace, the position names it, and the editor shows it again
    kept = yaml.safe_load((workspace_copy / rel).read_text(encoding="utf-8"))["source"]["file"]
    assert kept.startswith("letters/")
    assert (workspace_copy / kept).read_text(encoding="utf-8") == LETTER.replace("\r\n", "\n")
    reopened = c.get("/editor", params={"file": rel})
    assert 'id="letter-pane"' in reopened.text
    strict = run_cli("check", "-w", str(workspace_copy), str(workspace_copy / rel), "--require-confirmed")
    assert strict.returncode == 2 and f"feit '{left}' is nog niet bevestigd" in strict.stderr
    assert len(strict.stderr.strip().splitlines()) == 1  # only the fact left unticked


def test_an_unticked_fact_of_a_plain_position_becomes_unconfirmed_a_ticked_one_stays_as_written(c) -> None:
    from tests.conftest import SEED

    fields = form_of(c.get(f"/editor?file={SEED}").text)
    shown = _facts_shown(fields)
    name = "cabinet_vote_intention"
    assert shown[name]["confirmed_shown"] == ["1"] and shown[name]["confirmed"] == ["true"]
    # the live panel: nothing unconfirmed, then the unticked fact is named
    r = post_form(c, "/editor/verdicts", fields)
    assert "data-unconfirmed" not in r.text
    unticked = [f for f in fields if f[0] != f"facts.{name}.confirmed"]
    r = post_form(c, "/editor/verdicts", unticked)
    assert re.search(rf'data-unconfirmed="[^"]*{name}', r.text)


def test_a_hostile_letter_is_escaped_and_its_hidden_characters_replaced(c) -> None:
    hostile = ("Den Haag, 18 september 2023\r\n<script>alert(1)</script><img src=x onerror=alert(2)>"
               "\x1b]8;;http://evil\x07 \u202eevil\x00\r\n</textarea></li></ol><b>x</b>\r\n"
               "Het kabinet kan niet instemmen met de verordening.\n")
    r = _draft(c, hostile, name="../../<svg onload=alert(3)>.txt")
    assert r.status_code == 200
    pane = r.text[r.text.index('id="letter-pane"'):]
    assert "<script>alert" not in r.text and "<img src=x" not in r.text and "<svg" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pane
    assert "&lt;/textarea&gt;&lt;/li&gt;&lt;/ol&gt;&lt;b&gt;" in pane
    for bad in ("\x1b", "\x07", "\x00", "\u202e", "\r"):
        assert bad not in r.text
    assert pane.count('<li id="L') == 5  # CRLF read as one break: lines as the draft counts them
    textarea = re.search(r'<textarea name="_letter"[^>]*>\n(.*?)</textarea>', r.text, re.S)
    assert textarea and "&lt;/textarea&gt;" in textarea[1]


def test_an_uploaded_html_letter_is_read_as_its_text(c) -> None:
    from tests.web_support import ORIGIN, csrf

    html = ("<!DOCTYPE html><html><head><script>alert(1)</script><title>Brief</title></head><body>"
            f"<pre>{LETTER.replace('<', '&lt;')}</pre></body></html>").encode()
    token = csrf(c)
    r = c.post("/editor/draft", data={"_csrf": token, "_draft_dossier": "csam-regulation", "_lang": "nl"},
               files={"_letter_file": ("agenda.html", html, "text/html")}, headers={"Origin": ORIGIN})
    assert r.status_code == 200, r.text[:2000]
    assert 'id="letter-pane"' in r.text and "alert(1)" not in r.text
    assert "agenda.html" in r.text
    assert "cabinet_vote_intention" in re.findall(r'data-fact="([a-z_]+)"', r.text)


def test_drafting_is_guarded_like_every_write(c) -> None:
    fields = replace(form_of(c.get("/editor").text), "_letter", LETTER)
    assert post_form(c, "/editor/draft", [f for f in fields if f[0] != "_csrf"]).status_code == 403
    assert post_form(c, "/editor/draft", fields, origin="http://evil.example").status_code == 403
    assert post_form(c, "/editor/draft", fields, origin=None).status_code == 403
    big = replace(fields, "_letter", "x" * (1024 * 1024 + 1))
    assert post_form(c, "/editor/draft", big).status_code == 413


def test_an_empty_letter_or_an_unknown_dossier_is_said_at_the_letter_field(c) -> None:
    r = _draft(c, "  \n ")
    assert r.status_code == 400 and "de brief is leeg" in r.text and 'id="letter-pane"' not in r.text
    r = _draft(c, LETTER, dossier="csam-regulatoin")
    assert r.status_code == 400 and "onbekend dossier" in r.text and "csam-regulation" in r.text  # nl page


def test_an_unreadable_pdf_is_said_at_the_letter_field(c) -> None:
    from tests.web_support import ORIGIN, csrf

    r = c.post("/editor/draft", data={"_csrf": csrf(c), "_draft_dossier": "csam-regulation"},
               files={"_letter_file": ("brief.pdf", b"%PDF-1.4 not really a pdf", "application/pdf")},
               headers={"Origin": ORIGIN})
    assert r.status_code == 400 and 'id="letter-pane"' not in r.text
    # the page's language, nl: said in Dutch
    assert "brief.pdf:1:1:" in r.text and ("kan de pdf niet lezen" in r.text or "geen tekstlaag" in r.text)


def test_the_letter_pane_keeps_every_character_of_every_line_and_marks_only_passages() -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from compliance.loading.workspace import load_workspace
    from compliance.web.letter import clean_letter, pane

    ws = load_workspace(ROOT)
    words = st.sampled_from(["kabinet", "kan", "niet", "instemmen", "met", "de", "verordening",
                             "detectiebevelen", "end-to-end", "versleuteling", "tenzij", "<b>", "\x1b",
                             "\u202e", "\r\n", "\n", " ", "Den Haag, 18 september 2023", "."])

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(words, max_size=80).map(" ".join))
    def check(raw: str) -> None:
        text = clean_letter(raw)
        p = pane(text, "x.txt", draft_letter(text, ws, "csam-regulation", letter_name="x.txt"))
        rows = text.split("\n")
        assert [ln.number for ln in p.lines] == list(range(1, len(rows) + 1))
        for ln, row in zip(p.lines, rows, strict=True):
            assert "".join(s.text for s in ln.segments) == row
            for s in ln.segments:
                assert set(s.facts) <= set(ln.facts)
        marked = {f for ln in p.lines for s in ln.segments for f in s.facts}
        assert marked <= set(p.passages)

    check()


def test_an_undated_letter_drafts_with_the_date_empty_and_no_verdicts_until_it_is_given(c) -> None:
    r = _draft(c, "Het kabinet steunt detectiebevelen niet.\n", name="brief.txt")
    assert r.status_code == 200, r.text[:2000]
    fields = dict(form_of(r.text))
    assert fields["date"] == ""  # never a made-up date
    panel = post_form(c, "/editor/verdicts", list(form_of(r.text)))
    assert "date" in panel.text and "not_applicable" not in panel.text and "complies" not in panel.text
    dated = post_form(c, "/editor/verdicts", replace(form_of(r.text), "date", "2024-05-01"))
    assert dated.status_code == 200 and "26643-885" in dated.text


def test_a_where_quote_links_to_its_line_in_the_kept_letter(workspace_copy: Path) -> None:
    c = client(workspace_copy)
    fields = form_of(_draft(c, LETTER).text)
    fields = [*fields, *((k.removesuffix("_shown"), "true") for k, v in fields
                         if k.endswith(".confirmed_shown"))]
    saved = post_form(c, "/editor/save", fields, follow_redirects=False)
    assert saved.status_code == 303, saved.text[:2000]
    rel = re.search(r"file=([^&]+)", saved.headers["location"])[1].replace("%2F", "/")
    position = yaml.safe_load((workspace_copy / rel).read_text(encoding="utf-8"))
    motion = "26643-1011"
    page = c.get("/finding", params={"file": rel, "motion": motion}).text
    links = re.findall(r'class="where-link" href="/source\?file=([^&]+)&amp;line=(\d+)', page)
    assert links, "no where quote linked to the letter"
    letter_lines = (workspace_copy / position["source"]["file"]).read_text(encoding="utf-8").split("\n")
    for file, line in links:
        assert file.replace("%2F", "/") == position["source"]["file"]
        # the linked line holds the start of one of the quotes
        starts = [" ".join(str(e.get("where", "")).split()[:3]) for e in position["facts"].values()
                  if isinstance(e, dict)]
        assert any(s and s in " ".join(letter_lines[int(line) - 1].split()) for s in starts), line
        view = c.get("/source", params={"file": position["source"]["file"], "line": line})
        assert view.status_code == 200 and f'<li id="L{line}" class="marked"' in view.text


def test_the_file_view_stays_in_the_workspaces_position_rule_motion_and_letter_files(c) -> None:
    for bad in ("../pyproject.toml", "/etc/passwd", "compliance/web/app.py", ".git/config",
                "examples/positions/../../pyproject.toml", "letters/../pyproject.toml"):
        assert c.get("/source", params={"file": bad}).status_code in (400, 404), bad
    ok = c.get("/source", params={"file": "rules/csam-regulation/dossier.yaml", "line": 3})
    assert ok.status_code == 200
