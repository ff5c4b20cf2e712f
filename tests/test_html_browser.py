"""The HTML report in a real browser: Debian's headless Chromium, driven by Playwright.

The browser comes from the system (installed by scripts/test.sh), never downloaded by
Playwright. The screenshot is kept in tests/artifacts/ for a person to look at.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import read_report, run_cli
from tests.report_cases import SEED_ID, UNDECLARED_ID, UNDETERMINED_ID, make_workspace

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

# Where apt-get exists, scripts/test.sh installs chromium: a missing browser there is a
# broken install step and must fail, not skip.
pytestmark = pytest.mark.skipif(CHROMIUM is None and shutil.which("apt-get") is None,
                                reason="no chromium and no apt-get to install Debian's package")


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    ws = make_workspace(tmp_path_factory.mktemp("html"))
    out = ws / "report.html"
    r = run_cli("check", "-w", str(ws), str(ws / "examples" / "positions"), "--format", "html",
                "--lang", "en", "--output", str(out))
    assert r.returncode == 1, r.stderr
    data = run_cli("check", "-w", str(ws), str(ws / "examples" / "positions"), "--format", "json",
                   "--lang", "en")
    return out, read_report(data.stdout)


def test_matrix_renders_and_a_click_opens_the_explanation(page_file: tuple[Path, dict]) -> None:
    from playwright.sync_api import sync_playwright

    path, report = page_file
    requests: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.on("request", lambda req: requests.append(req.url))
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(path.as_uri())

            # one row per position, one column per motion, each cell labelled with its verdict
            rows = page.locator("#matrix tbody tr")
            assert rows.count() == 3
            heads = page.locator("#matrix thead th").all_inner_texts()
            motions = len({m["motion"] for m in report["motions"]})
            assert len(heads) == 2 + motions  # position, date, one column per motion
            expected = {(m["position"], m["motion_name"]): m for m in report["motions"]}
            for i in range(rows.count()):
                row = rows.nth(i)
                position = row.locator("th").inner_text().splitlines()[0]
                cells = row.locator("td.cell")
                assert cells.count() == motions
                for j in range(motions):
                    motion_name = heads[2 + j].splitlines()[0]
                    m = expected[(position, motion_name)]
                    label = cells.nth(j).inner_text()
                    assert label.startswith({"conflicts": "conflicts", "complies": "complies",
                                             "undetermined": "undetermined",
                                             "not_applicable": "not applicable"}[m["verdict"]])
            cell = page.locator(f'tr:has(th:text-is("{UNDECLARED_ID}")) td.cell').nth(2)
            assert cell.inner_text() == "conflicts (NOT declared)"
            colour = cell.locator("button").evaluate("b => getComputedStyle(b).backgroundColor")
            assert colour == "rgb(179, 38, 30)"

            # nothing is explained until a cell is chosen; then exactly that explanation shows
            assert page.locator(".finding-detail:visible").count() == 0
            cell.locator("button").click()
            shown = page.locator(".finding-detail:visible")
            assert shown.count() == 1
            text = shown.inner_text()
            assert "Motie Van Weerdenburg c.s." in text
            assert "Take no irreversible steps" in text  # the motion's clause
            assert "cabinet_vote_intention" in text and "for" in text  # the deciding fact
            assert "2023-11-20-variant-supports-text.yaml:35" in text  # with file and line
            assert "Geannoteerde agenda" in text  # the position's source
            assert cell.locator("button").get_attribute("aria-expanded") == "true"

            # the verdict filter hides positions without such a verdict
            page.select_option("#f-verdict", "undetermined")
            visible = page.locator("#matrix tbody tr:visible th").all_inner_texts()
            assert [v.splitlines()[0] for v in visible] == [UNDETERMINED_ID]
            page.select_option("#f-verdict", "")

            ARTIFACTS.mkdir(exist_ok=True)
            shot = ARTIFACTS / "html-report-matrix.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 10_000
            print(f"screenshot: {shot}")

            # the timeline orders positions by date and opens the same explanations
            page.locator('[data-view="timeline"]').click()
            items = page.locator(".timeline li time").all_inner_texts()
            assert items == sorted(items) and len(items) == 3  # positions in date order
            page.locator(f'.timeline li:has-text("{SEED_ID}") .chip').nth(1).click()
            assert "Motie Van Ginneken c.s." in page.locator(".finding-detail:visible").inner_text()
            page.screenshot(path=str(ARTIFACTS / "html-report-timeline.png"), full_page=True)
            assert not errors
        finally:
            browser.close()
    assert all(u.startswith("file://") for u in requests), requests  # no network at all
