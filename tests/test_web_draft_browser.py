"""Drafting from a letter in the workbench, in a real browser (Debian's Chromium through
Playwright, one browser for the module): paste the seed letter, see the draft beside it
with its passages marked, confirm every fact, save, and check the saved file with the
command line. Screenshots are left in tests/artifacts/ for a person to look at."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import run_cli
from tests.test_web_browser import (  # noqa: F401  (browser and page are fixtures used here)
    CHROMIUM,
    browser,
    page,
    serving,
    shot,
    shown_verdicts,
    workspace_copy,
)

SEED_LETTER = Path(__file__).parent / "data" / "seed" / "geannoteerde-agenda-jbz-raad-2023-09-28.txt"
HOSTILE_LETTER = ("Den Haag, 18 september 2023\n"
                  "<script>alert(1)</script><img src=x onerror=alert(2)> \x1b[2J\x00 \u202eevil\n"
                  "Het kabinet kan niet instemmen met detectiebevelen.</textarea><b>x</b>\n")

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium at /usr/bin/chromium")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    ws = workspace_copy(tmp_path_factory, "wbdraft")
    with serving(ws) as url:
        yield url, ws


def _paste_and_draft(page, url: str, text: str, name: str) -> None:
    page.goto(f"{url}/editor")
    if page.locator("#letter-in").get_attribute("open") is None:
        page.click("#letter-in summary")
    page.fill("#f-letter", text)
    page.fill("#f-letter-name", name)
    page.select_option("#f-draft-dossier", "csam-regulation")
    page.click("#draft-letter")
    page.wait_for_selector("#letter-pane")


def test_paste_the_seed_letter_confirm_every_fact_save_and_check(page, server) -> None:
    url, ws = server
    _paste_and_draft(page, url, SEED_LETTER.read_text(encoding="utf-8"), "geannoteerde-agenda-jbz.txt")
    assert "Concept opgesteld" in page.locator(".notice").inner_text()
    shot(page, "workbench-draft-letter-top", focus="h1")
    # the letter beside the editor, one numbered line per line of the file
    lines = SEED_LETTER.read_text(encoding="utf-8").split("\n")
    assert page.locator("#letter-lines > li").count() == len(lines)
    assert page.locator("#L12 .lt").inner_text().strip() == lines[11].strip()
    drafted = page.locator("fieldset.fact.drafted")
    n = drafted.count()
    assert n >= 8
    # every proposed fact unconfirmed, its passages marked in the letter
    assert page.locator("fieldset.fact.drafted.unconfirmed").count() == n
    assert page.locator("fieldset.fact.drafted [data-confirm]:checked").count() == 0
    for name in ("cabinet_vote_intention", "agenda_decision", "text_detection_orders"):
        assert page.locator(f'#letter-lines mark[data-facts~="{name}"]').count() >= 1
    # the live verdicts say which findings rest on unconfirmed facts
    page.wait_for_selector('#verdicts section.mv[data-motion="26643-885"] [data-role="unconfirmed"]')
    assert page.locator("#verdicts p.unconfirmed").count() >= 1
    # a fact's passage link scrolls the letter to its line
    link = page.locator("#fact-f-facts--cabinet_vote_intention a.passage").first
    line = link.get_attribute("data-line")
    link.click()
    target = page.locator(f"#L{line}")
    assert "current" in (target.get_attribute("class") or "")
    box = page.locator("#letter-lines").bounding_box()
    tb = target.bounding_box()
    # the line is in view in the scrolling letter
    assert box and tb and box["y"] <= tb["y"] and tb["y"] + tb["height"] <= box["y"] + box["height"]
    assert "<mark" in target.inner_html()
    shot(page, "workbench-draft-letter", (1024, 1280), focus="#fact-f-facts--cabinet_vote_intention")
    # confirm each proposed fact, one by one, as an adviser does
    for i in range(n):
        drafted.nth(i).locator("[data-confirm]").check()
    page.wait_for_function("() => !document.querySelector('#verdicts p.unconfirmed') && "
                           "document.getElementById('live-status').textContent.includes('bijgewerkt')",
                           timeout=10_000)
    assert page.locator("fieldset.fact.unconfirmed").count() == 0
    live = shown_verdicts(page)
    page.click("#save")
    page.wait_for_url("**/editor?file=*saved=1*")
    saved_rel = page.url.split("file=")[1].split("&")[0].replace("%2F", "/")
    saved = ws / saved_rel
    facts = yaml.safe_load(saved.read_text(encoding="utf-8"))["facts"]
    assert len(facts) == n and all(e["confirmed"] is True for e in facts.values())
    out = run_cli("check", "-w", str(ws), str(saved), "--format", "json", "--require-confirmed")
    cli = {m["motion"]: (m["verdict"], m.get("declared")) for m in json.loads(out.stdout)["motions"]}
    assert cli["26643-885"][0] == "complies"
    assert cli["26643-1011"] == ("conflicts", True)
    assert cli["26643-1047"][0] == "complies"
    assert {m: v for m, (v, _) in cli.items()} == live == shown_verdicts(page)
    shot(page, "workbench-draft-saved", focus=".notice")


def test_a_hostile_letter_renders_inert(page, server) -> None:
    url, _ = server
    _paste_and_draft(page, url, HOSTILE_LETTER, "<b>evil</b>.txt")
    assert page.locator("#letter-pane script, #letter-pane img, #letter-pane b").count() == 0
    text = page.locator("#L2 .lt").inner_text()
    assert "<script>alert(1)</script>" in text and "\x1b" not in text and "\u202e" not in text
    assert "\ufffd" in text
    assert "&lt;" not in text  # escaped once, shown as written
    assert "<b>" not in page.locator("#letter-h").inner_text()
    shot(page, "workbench-draft-hostile", focus="#letter-pane")


def test_upload_an_html_letter_and_switch_to_english_keeping_it(page, server, tmp_path: Path) -> None:
    url, _ = server
    text = SEED_LETTER.read_text(encoding="utf-8")
    html = tmp_path / "agenda.html"
    html.write_text("<!DOCTYPE html><html><head><script>alert(1)</script></head><body><pre>"
                    + text.replace("&", "&amp;").replace("<", "&lt;") + "</pre></body></html>",
                    encoding="utf-8")
    page.goto(f"{url}/editor")
    page.set_input_files("#f-letter-file", str(html))
    page.click("#draft-letter")
    page.wait_for_selector("#letter-pane")
    assert "agenda.html" in page.locator("#letter-h").inner_text()
    n = page.locator("fieldset.fact.drafted").count()
    assert n >= 8 and page.locator("#letter-lines mark").count() >= n
    page.locator("fieldset.fact.drafted [data-confirm]").first.check()
    page.click("#lang-switch")
    page.wait_for_selector("#letter-pane")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#letter-h").inner_text().startswith("Letter")
    assert page.locator("fieldset.fact.drafted").count() == n
    assert page.locator("fieldset.fact.drafted [data-confirm]:checked").count() == 1
    page.click("#confirm-all")
    page.wait_for_function("() => !document.querySelector('#verdicts p.unconfirmed') && "
                           "document.getElementById('live-status').textContent.includes('updated')",
                           timeout=10_000)
    assert page.locator("fieldset.fact.unconfirmed").count() == 0
