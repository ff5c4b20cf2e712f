"""The workbench in a real browser: Debian's headless Chromium driven by Playwright
(never a downloaded browser), against `compliance serve` started as a user starts it.
Screenshots are left in tests/artifacts/ for a person to look at."""

from __future__ import annotations

import contextlib
import json
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, SEED, compliance_exe, run_cli

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ABSTENTION = "examples/positions/2024-10-01-actieve-onthouding.yaml"
HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>\"' & </textarea>"

pytestmark = pytest.mark.skipif(CHROMIUM is None and shutil.which("apt-get") is None,
                                reason="no chromium and no apt-get to install Debian's package")


@contextlib.contextmanager
def serving(ws: Path) -> Iterator[str]:
    """`compliance serve` on ``ws`` as a user starts it, on a free port; its URL."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = (ws / "serve.log").open("wb")
    proc = subprocess.Popen([*compliance_exe(), "serve", "-w", str(ws), "--port", str(port)],
                            stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/api/v1/motions", timeout=2)
            break
        except OSError:
            time.sleep(0.2)
    else:
        proc.kill()
        log.close()
        pytest.fail(f"the workbench did not start: {(ws / 'serve.log').read_text()}")
    yield url
    proc.terminate()
    proc.wait(timeout=10)
    log.close()
    assert "Traceback" not in (ws / "serve.log").read_text(), (ws / "serve.log").read_text()


def workspace_copy(tmp_path_factory: pytest.TempPathFactory, name: str) -> Path:
    ws = tmp_path_factory.mktemp(name)
    for folder in ("motions", "rules", "examples"):
        shutil.copytree(ROOT / folder, ws / folder)
    return ws


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    ws = workspace_copy(tmp_path_factory, "wb")
    (ws / ABSTENTION).unlink()  # (b) builds it again from an empty form
    with serving(ws) as url:
        yield url, ws


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


@pytest.fixture
def page(browser, server) -> Iterator[object]:
    url, _ = server
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.problems = []  # type: ignore[attr-defined]
    pg.on("pageerror", lambda e: pg.problems.append(f"error: {e}"))
    pg.on("dialog", lambda d: (pg.problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("console", lambda m: pg.problems.append(f"console: {m.text}") if m.type == "error" else None)
    pg.on("request", lambda r: None if r.url.startswith(url) else pg.problems.append(f"outside: {r.url}"))
    yield pg
    problems = pg.problems
    context.close()
    assert not problems, problems  # no script error, no dialog, no CSP violation, nothing fetched outside


def shot(pg, name: str, widths: tuple[int, ...] = (1280,), focus: str | None = None) -> None:
    """Screenshots at each width: the whole page, or (editor) the window scrolled to ``focus``."""
    ARTIFACTS.mkdir(exist_ok=True)
    for w in widths:
        pg.set_viewport_size({"width": w, "height": 900})
        path = ARTIFACTS / (f"{name}-{w}.png" if len(widths) > 1 else f"{name}.png")
        if focus:
            pg.locator(focus).scroll_into_view_if_needed()
        pg.screenshot(path=str(path), full_page=focus is None)
        assert path.stat().st_size > 10_000


def verdict(pg, motion: str) -> str:
    return pg.locator(f'#verdicts section.mv[data-motion="{motion}"]').get_attribute("data-verdict")


def wait_verdict(pg, motion: str, expected: str) -> None:
    pg.wait_for_selector(f'#verdicts section.mv[data-motion="{motion}"][data-verdict="{expected}"]',
                         timeout=10_000)


def shown_verdicts(pg) -> dict[str, str]:
    return {s.get_attribute("data-motion"): s.get_attribute("data-verdict")
            for s in pg.locator("#verdicts section.mv").all()}


def test_a_edit_the_seed_and_see_van_ginneken_comply_without_saving(page, server) -> None:
    url, ws = server
    before = (ws / SEED).read_text(encoding="utf-8")
    page.goto(f"{url}/editor?file={SEED}")
    assert verdict(page, "26643-1011") == "conflicts"
    box = page.locator("#fact-f-facts--cabinet_accepts_detection_on_interpersonal")
    box.get_by_label("nee").check()
    wait_verdict(page, "26643-1011", "complies")
    section = page.locator('#verdicts section.mv[data-motion="26643-1011"]')
    assert "in lijn" in section.locator("h3").inner_text()
    assert "niet opgeslagen" in page.locator("#live-status").inner_text()
    page.locator('#verdicts section.mv[data-motion="26643-1011"]').scroll_into_view_if_needed()
    shot(page, "workbench-a-van-ginneken-complies", (1024, 1280),
         focus="#fact-f-facts--cabinet_accepts_detection_on_interpersonal")
    assert (ws / SEED).read_text(encoding="utf-8") == before  # nothing saved


def test_b_build_the_abstention_from_an_empty_form_save_and_check(page, server) -> None:
    url, ws = server
    page.goto(f"{url}/editor")
    page.fill("#f-id", "nl-2024-10-01-actieve-onthouding")
    page.fill("#f-date", "2024-10-01")
    page.fill("#f-actor", "Minister van Justitie en Veiligheid")
    page.fill("#f-source--title",
              "Kabinetsinzet over het Hongaarse compromisvoorstel voor de CSAM-verordening")
    page.fill("#f-source--kamerstuk--dossier", "34843")
    page.fill("#f-source--kamerstuk--number", "113")
    page.fill("#f-source--date", "2024-10-01")
    page.fill("#f-summary-nl", "Nederland onthoudt zich actief van stemming over het Hongaarse compromis.")
    page.fill("#f-summary-en", "The Netherlands actively abstains on the Hungarian compromise.")
    # every fact the bundled file states, entered through its widget: the form must rebuild it
    stated = yaml.safe_load((ROOT / ABSTENTION).read_text(encoding="utf-8"))["facts"]
    assert len(stated) >= 3
    for fact, entry in stated.items():
        box = f"#f-facts--{fact}"
        value = entry["value"]
        if isinstance(value, bool):
            page.check(f"{box}-{str(value).lower()}")
        elif isinstance(value, list):
            for v in value:
                page.check(f"{box}-{v}")
            page.uncheck(f"{box}-unset")
        else:
            page.select_option(f"{box}-value", str(value))
        page.fill(f"{box}-where", entry["where"])
        if entry.get("note"):
            page.fill(f"{box}-note", entry["note"])
    page.fill("#f-filename", "2024-10-01-actieve-onthouding.yaml")
    page.wait_for_function("() => document.querySelector('#verdicts .mv') && "
                           "!document.querySelector('#verdicts .panel-errors')")
    page.wait_for_timeout(600)  # the last edit's check has answered
    page.wait_for_function("() => document.getElementById('live-status').textContent.includes('bijgewerkt')")
    live = shown_verdicts(page)
    assert live["26643-1047"] == "complies"
    shot(page, "workbench-b-new-position", focus="#fact-f-facts--cabinet_vote_intention")
    page.click("#save")
    page.wait_for_url("**/editor?file=*saved=1*")
    assert "Opgeslagen" in page.locator(".notice").inner_text()
    after_save = shown_verdicts(page)
    saved = ws / ABSTENTION
    cli = json.loads(run_cli("check", "-w", str(ws), str(saved), "--format", "json").stdout)
    assert {m["motion"]: m["verdict"] for m in cli["motions"]} == live == after_save
    # the form rebuilt the bundled example: the same facts and verdicts as the hand-written file
    assert yaml.safe_load(saved.read_text(encoding="utf-8"))["facts"] == stated
    original = json.loads(run_cli("check", str(ROOT / ABSTENTION), "--format", "json").stdout)
    assert {m["motion"]: m["verdict"] for m in original["motions"]} == live
    shot(page, "workbench-b-saved", focus=".notice")


def test_c_apply_a_suggestion_with_one_click(page, server) -> None:
    url, _ = server
    page.goto(f"{url}/editor?file={SEED}")
    assert verdict(page, "26643-1011") == "conflicts"
    section = page.locator('#verdicts section.mv[data-motion="26643-1011"]')
    section.locator("button.apply").first.click()
    wait_verdict(page, "26643-1011", "complies")
    assert page.locator("#fact-f-facts--cabinet_accepts_detection_on_interpersonal.changed").count() == 1
    page.locator('#verdicts section.mv[data-motion="26643-1011"]').scroll_into_view_if_needed()
    shot(page, "workbench-c-suggestion-applied",
         focus="#fact-f-facts--cabinet_accepts_detection_on_interpersonal")


def test_d_switch_to_english_and_back(page, server) -> None:
    url, _ = server
    page.goto(f"{url}/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text().startswith("Posities × moties")
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text().startswith("Positions × motions")
    shot(page, "workbench-d-overview-en", (1024, 1280))
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "nl"
    # in the editor the switch keeps an unsaved edit
    page.goto(f"{url}/editor?file={SEED}")
    page.fill("#f-actor", "Bewerkt maar niet opgeslagen")
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.input_value("#f-actor") == "Bewerkt maar niet opgeslagen"
    assert "Verdicts" in page.locator("#verdicts-h").inner_text()
    shot(page, "workbench-d-editor-en", (1024, 1280), focus="h1")
    page.click("#lang-switch")
    assert page.locator("html").get_attribute("lang") == "nl"


def test_e_a_hostile_where_text_renders_inert(page, server) -> None:
    url, ws = server
    hostile = HOSTILE + "\x07\x1b"  # markup, script, quotes and control characters
    page.goto(f"{url}/editor?file={SEED}")
    page.fill("#f-facts--cabinet_vote_intention-where", hostile)
    page.wait_for_function("() => document.getElementById('live-status').textContent.includes('bijgewerkt')")
    page.click("#save")
    page.wait_for_url("**saved=1**")
    assert page.input_value("#f-facts--cabinet_vote_intention-where") == hostile  # kept as text, both ways
    cli = run_cli("check", "-w", str(ws), str(ws / SEED), "--format", "json")
    report = json.loads(cli.stdout)  # v2: findings name their facts, the position holds them
    used = [report["positions"][m["position"]]["facts"][name] for m in report["findings"]
            for name in m.get("facts", []) if name == "cabinet_vote_intention"]
    assert used and all(f["where"] == hostile for f in used)
    page.goto(f"{url}/finding?file={SEED}&motion=26643-1047")
    assert HOSTILE.split("<script>")[0] in page.locator("main").inner_text()  # shown, as text
    assert "<script>alert(2)</script>" in page.locator("main").inner_text()
    shot(page, "workbench-e-hostile-where", focus="main")
    for target in (f"/finding?file={SEED}&motion=26643-1047", f"/editor?file={SEED}", "/"):
        page.goto(url + target)
        assert page.locator("script").count() == 1  # ours only
        assert page.locator("img").count() == 0
    # the page's problems list (checked after the test) holds no dialog: nothing ran


def test_f_the_timeline_chart_has_one_row_per_motion(page, server) -> None:
    url, _ = server
    page.goto(f"{url}/")
    motions = json.loads(urllib.request.urlopen(f"{url}/api/v1/timeline?dossier=csam-regulation")
                         .read())["motions"]
    rows = page.locator('svg.timeline[data-dossier="csam-regulation"] g.tl-row')
    assert [r.get_attribute("data-motion") for r in rows.all()] == motions
    for r in rows.all():
        assert r.locator("rect.band").count() >= 1
    assert page.locator("svg.timeline g.event").count() >= 1
    assert page.locator("svg.timeline g.adopted").count() >= 1
    # each matrix cell leads to its finding
    cell = page.locator("#matrix tbody tr").nth(1).locator("td.cell a").nth(1)
    cell.click()
    assert "Uitleg" in page.locator("h1").inner_text()
    page.go_back()
    shot(page, "workbench-f-overview", (1024, 1280))
