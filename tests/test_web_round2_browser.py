"""The workbench's second round in a real browser (Debian's Chromium through Playwright):
axe-core on every page in both languages, screenshots at three widths, a shared link to
an unsaved draft opened in a fresh browser context, diff, export, links and error
messages used as an adviser uses them. axe-core's script ships in the
axe-playwright-python wheel: nothing is downloaded at test time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED
from tests.test_web_browser import (  # noqa: F401  (browser and page are fixtures used here)
    ARTIFACTS,
    CHROMIUM,
    browser,
    page,
    serving,
    workspace_copy,
)

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium at /usr/bin/chromium")
WIDTHS = (1024, 1280, 1920)
DANISH = "examples/positions/2025-09-29-deens-voorstel.yaml"
DANISH_REVISED = "examples/positions/2025-11-18-herzien-deens-voorstel.yaml"
PAGES = {
    "overview-csam": "/?dossier=csam-regulation",
    "overview-groningen": "/?dossier=groningen-gas",
    "motion": "/motions/26643-1011",
    "finding": f"/finding?file={SEED}&motion=26643-1047",
    "editor": f"/editor?file={SEED}",
    "editor-new": "/editor",
    "editor-standing": "/editor?file=examples/positions/2024-04-19-wet-beeindiging.yaml",
    "diff": f"/diff?old={DANISH}&new={DANISH_REVISED}",
    "source": "/source?file=rules/csam-regulation/26643-1047.yaml&line=23#L23",
    "api": "/api/v1/docs",
    "duties": "/duties?dossier=groningen-gas",
}


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    ws = workspace_copy(tmp_path_factory, "wbround2")
    with serving(ws) as url:
        yield url, ws


def axe_problems(pg) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(pg)
    return [f"{v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
                        for n in v["nodes"][:4])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_has_no_serious_accessibility_violation_and_is_shot_at_three_widths(page, server,
                                                                                     lang) -> None:
    url, _ = server
    found = {}
    ARTIFACTS.mkdir(exist_ok=True)
    for name, path in PAGES.items():
        sep = "&" if "?" in path.split("#")[0] else "?"
        base, _, anchor = path.partition("#")
        page.goto(f"{url}{base}{sep}lang={lang}" + (f"#{anchor}" if anchor else ""))
        assert page.locator("html").get_attribute("lang") == lang
        problems = axe_problems(page)
        if problems:
            found[name] = problems
        for w in WIDTHS:
            page.set_viewport_size({"width": w, "height": 900})
            if name.startswith("overview"):
                # the page fits the window: no sideways scroll of the page itself
                assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), \
                    (name, w)
                if w == 1920:  # and at full width the tables fit without scrolling sideways
                    assert page.evaluate("Array.from(document.querySelectorAll('.table-frame'))"
                                         ".every(f => f.scrollWidth <= f.clientWidth + 1)"), name
            if lang == "nl" or name.startswith("overview"):
                page.screenshot(path=str(ARTIFACTS / f"round2-{name}-{lang}-{w}.png"), full_page=False)
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not found, found


def test_a_shared_link_opens_the_same_unsaved_state_in_a_fresh_browser(browser, page, server) -> None:
    url, ws = server
    before = (ws / SEED).read_text(encoding="utf-8")
    page.goto(f"{url}/editor?file={SEED}")
    page.fill("#f-actor", "Bewerkt en gedeeld, niet opgeslagen")
    page.locator("#fact-f-facts--cabinet_accepts_detection_on_interpersonal").get_by_label("nee").check()
    page.fill("#f-as-of", "2024-12-01")
    page.click("#share-draft")
    page.wait_for_url(re.compile(r"/editor\?draft="))
    link = page.input_value("#f-share-link")
    assert link.startswith(url + "/editor?draft=")
    mine = {s.get_attribute("data-motion"): s.get_attribute("data-verdict")
            for s in page.locator("#verdicts section.mv").all()}
    # a colleague: another browser context, no cookies, only the link
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        theirs = other.new_page()
        theirs.goto(link)
        assert theirs.input_value("#f-actor") == "Bewerkt en gedeeld, niet opgeslagen"
        assert theirs.input_value("#f-as-of") == "2024-12-01"
        assert theirs.locator("#f-facts--cabinet_accepts_detection_on_interpersonal-false").is_checked()
        assert {s.get_attribute("data-motion"): s.get_attribute("data-verdict")
                for s in theirs.locator("#verdicts section.mv").all()} == mine
        assert mine["26643-1011"] == "complies"
        # switching the language keeps the state, at an address again
        theirs.click("#lang-switch")
        theirs.wait_for_url(re.compile(r"lang=en"))
        assert theirs.input_value("#f-actor") == "Bewerkt en gedeeld, niet opgeslagen"
        assert "draft=" in theirs.url
    finally:
        other.close()
    assert (ws / SEED).read_text(encoding="utf-8") == before  # nothing saved


def test_diff_of_an_unsaved_edit_and_of_two_positions(page, server) -> None:
    url, _ = server
    page.goto(f"{url}/editor?file={SEED}")
    page.locator("#fact-f-facts--cabinet_accepts_detection_on_interpersonal").get_by_label("nee").check()
    page.click("#diff-saved")
    page.wait_for_url(re.compile(r"/diff\?draft="))
    rows = page.locator("#diff-facts tbody tr")
    assert rows.count() == 1
    assert rows.first.get_attribute("data-fact") == "cabinet_accepts_detection_on_interpersonal"
    assert "nee" in rows.first.locator("td").nth(1).inner_text()
    changed = page.locator('#diff-verdicts tr[data-changed="1"]')
    assert changed.count() >= 1
    van_ginneken = page.locator('#diff-verdicts tr[data-motion="26643-1011"]')
    assert van_ginneken.locator("td").nth(0).locator("[data-verdict]").get_attribute("data-verdict") \
        .startswith("conflicts")
    assert van_ginneken.locator("td").nth(1).locator("[data-verdict]").get_attribute("data-verdict") \
        == "complies"
    assert "opgelost" in page.locator("#diff-findings-h ~ h3").first.inner_text() or \
        page.locator('ul[data-group="resolved"] li').count() >= 1
    page.screenshot(path=str(ARTIFACTS / "round2-diff-unsaved-1280.png"), full_page=True)
    # any two positions, chosen in the form (an address again)
    page.goto(f"{url}/diff")
    page.select_option("#f-old", DANISH)
    page.select_option("#f-new", DANISH_REVISED)
    page.click("#diff-go")
    assert "old=" in page.url and "new=" in page.url
    assert page.locator("#diff-facts tbody tr").count() >= 1
    assert page.locator("#diff-verdicts tbody tr").count() >= 3


def test_export_the_yaml_a_finding_and_the_report(page, server) -> None:
    url, ws = server
    page.goto(f"{url}/editor?file={SEED}")
    with page.expect_download() as d:
        page.click("#export-yaml")
    assert Path(d.value.path()).read_text(encoding="utf-8") == (ws / SEED).read_text(encoding="utf-8")
    page.goto(f"{url}/finding?file={SEED}&motion=26643-1011")  # a conflict: the report lists it
    with page.expect_download() as d:
        page.click("#export-md")
    md = Path(d.value.path()).read_text(encoding="utf-8")
    assert d.value.suggested_filename.endswith(".md") and "Ginneken" in md and "Weerdenburg" not in md
    page.goto(f"{url}/?dossier=csam-regulation")
    with page.expect_download() as d:
        page.click("#export-html")
    html = Path(d.value.path()).read_text(encoding="utf-8")
    assert html.lstrip().lower().startswith("<!doctype html") and "26643-1047" in html


def test_links_lead_to_the_file_line_the_rule_and_the_official_paper(page, server) -> None:
    url, _ = server
    page.goto(f"{url}/finding?file={SEED}&motion=26643-1047")
    assert page.get_attribute("#kamerstuk-link", "href") == \
        "https://zoek.officielebekendmakingen.nl/kst-26643-1047.html"  # built, not followed
    link = page.locator("a.file-line").first
    target = link.inner_text().rsplit(":", 1)
    link.click()
    page.wait_for_url(re.compile(r"/source\?file=examples"))
    marked = page.locator("#source-lines li.marked")
    assert marked.count() == 1 and marked.get_attribute("id") == f"L{target[1]}"
    page.go_back()
    page.locator("a.rule-link").first.click()
    page.wait_for_url(re.compile(r"/source\?file=rules"))
    assert page.locator("#source-lines li.marked").count() == 1
    page.screenshot(path=str(ARTIFACTS / "round2-source-rule-1280.png"))


def test_errors_are_said_at_their_field_in_the_pages_language_and_keep_the_verdicts(page, server) -> None:
    url, _ = server
    page.goto(f"{url}/editor?file={SEED}&lang=en")
    page.fill("#f-summary-en", "")
    page.wait_for_selector("#verdicts .panel-errors")
    assert "Fill in the English text as well" in page.locator("#verdicts .panel-errors").inner_text()
    # at the field itself, and the last verdicts stay (marked as the last valid ones)
    assert "Fill in the English text" in page.locator("#f-summary-en + .live-error").inner_text()
    assert page.locator("#verdicts section.mv").count() >= 5
    assert page.locator("#verdicts.stale").count() == 1
    for schema_word in ("expected null", "found mapping", "write a null"):
        assert schema_word not in page.locator("main").inner_text()
    page.screenshot(path=str(ARTIFACTS / "round2-editor-error-en-1280.png"))
    page.fill("#f-summary-en", "The Netherlands cannot agree.")
    page.wait_for_function("() => !document.querySelector('#verdicts .panel-errors')")
    assert page.locator(".live-error").count() == 0
    # a new empty form greets with what to do, not with schema errors
    page.goto(f"{url}/editor?lang=en")
    assert "missing required key" not in page.locator("main").inner_text()
    assert page.locator("#fresh-hint").is_visible()


def test_keyboard_shortcuts_skip_links_and_undo_of_a_suggestion(page, server) -> None:
    url, _ = server
    page.goto(f"{url}/editor?file={SEED}")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the skip link to the verdicts (after "to the content")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#verdicts-h"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "verdicts-h"
    section = page.locator('#verdicts section.mv[data-motion="26643-1011"]')
    assert section.get_attribute("data-verdict") == "conflicts"
    section.locator("button.apply").first.click()
    page.wait_for_selector('#verdicts section.mv[data-motion="26643-1011"][data-verdict="complies"]')
    page.click("#undo-apply")
    page.wait_for_selector('#verdicts section.mv[data-motion="26643-1011"][data-verdict="conflicts"]')
    assert page.locator("#fact-f-facts--cabinet_accepts_detection_on_interpersonal.changed").count() == 0
    # Alt+R checks again (the status says so)
    page.evaluate("document.getElementById('live-status').textContent = ''")
    page.keyboard.press("Alt+r")
    page.wait_for_function("() => document.getElementById('live-status').textContent.length > 0")
    # targets are at least 24 px high
    small = page.evaluate("""() => Array.from(document.querySelectorAll('button:not([hidden]), select'))
        .filter(e => e.offsetParent && e.getBoundingClientRect().height < 24)
        .map(e => e.outerHTML.slice(0, 80))""")
    assert not small, small


def test_the_editor_with_a_drafted_letter_has_no_serious_violation_in_either_language(page, server) -> None:
    url, _ = server
    letter = (Path(__file__).parent / "data" / "seed" / "geannoteerde-agenda-jbz-raad-2023-09-28.txt")
    page.goto(f"{url}/editor")
    if page.locator("#letter-in").get_attribute("open") is None:
        page.click("#letter-in summary")
    page.fill("#f-letter", letter.read_text(encoding="utf-8"))
    page.fill("#f-letter-name", "agenda.txt")
    page.click("#draft-letter")
    page.wait_for_selector("#letter-pane")
    assert page.locator("#letter-lines").get_attribute("tabindex") == "0"  # scrolls by keyboard
    assert not axe_problems(page)
    for w in WIDTHS:
        page.set_viewport_size({"width": w, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"round2-editor-letter-nl-{w}.png"))
    page.set_viewport_size({"width": 1280, "height": 900})
    # Alt+N goes to the first unconfirmed fact
    page.keyboard.press("Alt+n")
    assert page.evaluate("document.activeElement.closest('fieldset.fact.unconfirmed') !== null")
    # the language switch keeps the draft and its letter, at an address
    page.click("#lang-switch")
    page.wait_for_url(re.compile(r"/editor\?draft=.*lang=en"))
    assert page.locator("#letter-pane").count() == 1
    assert not axe_problems(page)
