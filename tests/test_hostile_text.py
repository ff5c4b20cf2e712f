"""Hostile text in every free-text field of a position, a motion and a rule, rendered in
every format: each output stays what it claims to be (issue 12).

JUnit parses with xml.etree and lxml, SARIF validates against the 2.1.0 schema, the HTML
page runs no payload in Chromium, Markdown renders no element the tool did not write,
and the text outputs hold no control character and no line starting with ``::`` that
the tool did not mean.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import run_cli
from tests.hostile import HOSTILE_FILE, MARK, make_hostile_workspace

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# a control character (other than the line feed ending each line), a bidi control, DEL, C1
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029"
                         "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
TOOL_COMMAND = re.compile(r"^::(error|warning|notice) file=[^,:\n]+(,line=\d+,col=\d+)?,title=[^:\n]*::")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_hostile_workspace(tmp_path_factory.mktemp("hostile"))


def check(ws: Path, fmt: str, *extra: str) -> str:
    r = run_cli("check", "-w", str(ws), str(ws / "examples" / "positions"), "--format", fmt,
                "--lang", "en", "--fail-on", "conflict", *extra)
    assert r.returncode == 1, r.stderr  # the undeclared conflict is there, and fails
    assert "Traceback" not in r.stderr
    return r.stdout


def assert_plain_lines(out: str, *, commands: int = 0) -> None:
    """No raw control character; no workflow command but the ``commands`` the tool wrote."""
    assert MARK in out, "the hostile text did not reach this output: the test would prove nothing"
    assert not RAW_CONTROL.search(out), repr(RAW_CONTROL.search(out))
    starting = [x for x in out.split("\n") if x.lstrip().startswith("::")]
    assert len(starting) == commands, starting
    assert all(TOOL_COMMAND.match(x) for x in starting), starting


def test_text_report_is_one_line_per_line_the_tool_wrote(ws: Path) -> None:
    assert_plain_lines(check(ws, "text"))


def test_github_annotations_are_only_the_tools_own(ws: Path) -> None:
    out = check(ws, "github")
    report = json.loads(check(ws, "json"))
    open_findings = [f for f in report["findings"] if f["verdict"] in ("conflicts", "undetermined")]
    assert open_findings
    assert_plain_lines(out, commands=len(open_findings))
    # the hostile file name is a property, escaped so it ends neither the line nor the property
    assert any("pwnedfile" in x and x.startswith("::error file=") for x in out.split("\n"))


def test_command_outputs_are_plain_lines(ws: Path) -> None:
    for args in (("motions", "-w", str(ws), "--lang", "en"),
                 ("timeline", "-w", str(ws), "--dossier", "csam-regulation", "--lang", "en"),
                 ("explain", str(ws / "examples" / "positions" / HOSTILE_FILE), "26643-1047",
                  "-w", str(ws), "--lang", "en")):
        r = run_cli(*args)
        assert r.returncode in (0, 1), (args, r.stderr)
        if args[0] == "timeline":  # the timeline shows dates and verdicts, no free text: no mark
            assert not RAW_CONTROL.search(r.stdout) and "\n::" not in r.stdout
            continue
        assert_plain_lines(r.stdout)


def test_diff_text_and_markdown_escape_file_names_and_texts(ws: Path, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    empty = tmp_path / "none"
    (empty / "examples" / "positions").mkdir(parents=True)
    for name in ("motions", "rules"):
        shutil.copytree(ws / name, empty / name)
    text = run_cli("diff", str(empty), str(ws), "--lang", "en", "--fail-on", "conflict")
    assert text.returncode == 1, text.stderr
    assert_plain_lines(text.stdout)
    md = run_cli("diff", str(empty), str(ws), "--lang", "en", "--format", "markdown")
    assert md.returncode == 1, md.stderr
    assert "pwnedfile" in md.stdout  # the file name is shown …
    html = MarkdownIt("commonmark").render(md.stdout)
    assert "<img" not in html and "<script" not in html and "href=\"javascript" not in html  # … as text


def test_markdown_report_renders_no_element_from_the_input(ws: Path) -> None:
    from markdown_it import MarkdownIt

    out = check(ws, "markdown")
    assert MARK in out and not RAW_CONTROL.search(out)
    html = MarkdownIt("commonmark", {"html": True}).render(out)
    assert "<img" not in html and "<script" not in html and 'href="javascript:' not in html


def test_junit_is_well_formed_for_both_parsers(ws: Path) -> None:
    from lxml import etree

    out = check(ws, "junit")
    root = ET.fromstring(out.encode())
    strict = etree.fromstring(out.encode(), etree.XMLParser(recover=False))
    assert root.tag == strict.tag == "testsuites"
    failures = root.findall(".//failure")
    assert failures and any(MARK in (f.text or "") for f in failures)
    # the failure text keeps the tool's line structure and no input line starts a command
    assert not any(x.startswith("::") for f in failures for x in (f.text or "").split("\n"))


def test_sarif_validates_against_the_2_1_0_schema(ws: Path) -> None:
    out = check(ws, "sarif")
    doc = json.loads(out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(doc, schema, cls=jsonschema.Draft7Validator)
    results = doc["runs"][0]["results"]
    assert results and any(MARK in r["message"]["text"] for r in results)
    for r in results:
        assert not RAW_CONTROL.search(r["message"]["text"])
        uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert not uri.startswith("/") and "\n" not in uri


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium")
def test_html_report_runs_no_payload_in_chromium(ws: Path, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "report.html"
    page_file.write_text(check(ws, "html"), encoding="utf-8")
    dialogs: list[str] = []
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.on("request", lambda req: requests.append(req.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(page_file.as_uri())
            # open every explanation, so every text is shown (a script click: with texts this
            # long the panel overlaps the matrix, which is not what this test is about)
            for button in page.locator("#matrix button").all():
                button.dispatch_event("click")
            page.wait_for_timeout(200)
            assert page.locator("img").count() == 0
            assert page.locator("script").count() == 1  # the report's own
            assert page.locator("a[href^='javascript']").count() == 0
            assert MARK in page.locator("body").inner_text()
            page.screenshot(path=str(tmp_path / "hostile.png"), full_page=False)
        finally:
            browser.close()
    assert dialogs == [] and errors == []
    assert all(u.startswith("file:") for u in requests), requests
