"""The HTML report's layout at common screen widths, in Debian's headless Chromium: with the
explanation panel open, every matrix column can be seen and clicked (the panel covered the
last columns at 1280 px). Screenshots go to tests/artifacts/ for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.test_html_browser import ARTIFACTS, CHROMIUM, FLAGS

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("layout") / "report.html"
    r = run_cli("check", "--format", "html", "--lang", "en", "--fail-on", "never", "--output", str(out))
    assert r.returncode == 0, r.stderr
    return out


# where the centre of a cell is, what the browser would hit there: the cell, or the panel
HIT = """(el) => {
  el.scrollIntoView({block: 'nearest', inline: 'nearest'});
  const r = el.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {inside: el.contains(hit), hit: hit ? hit.tagName + '#' + hit.id : null,
          left: r.left, right: r.right, panel: document.getElementById('panel').getBoundingClientRect().left};
}"""


@pytest.mark.parametrize("width", [1024, 1280, 1920])
def test_the_panel_never_covers_the_matrix(report: Path, width: int) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(report.as_uri())
            heads = page.locator("#matrix thead th")
            assert heads.count() > 4
            # open an explanation from the last column, as a reader does
            last_row_cells = page.locator("#matrix tbody tr").first.locator("td.cell button")
            last_row_cells.last.click()
            assert page.locator("#panel .finding-detail:not([hidden])").count() == 1
            for i in range(heads.count()):
                seen = heads.nth(i).evaluate(HIT)
                assert seen["inside"], (width, i, seen)
            cell = last_row_cells.last.evaluate(HIT)
            assert cell["inside"], (width, cell)
            ARTIFACTS.mkdir(exist_ok=True)
            page.evaluate("window.scrollTo(0, 0)")
            page.screenshot(path=str(ARTIFACTS / f"html-layout-{width}.png"))
        finally:
            browser.close()
