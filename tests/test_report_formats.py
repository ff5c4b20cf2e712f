"""Each report format read back by a real consumer of that format, on real findings."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from junitparser import Failure, JUnitXml, Skipped
from markdown_it import MarkdownIt
from sarif import loader as sarif_loader

from tests.conftest import read_report, run_cli
from tests.report_cases import (
    SEED_ID,
    UNDECLARED_ID,
    UNDETERMINED_ID,
    make_workspace,
)

DATA = Path(__file__).parent / "data"
FORMATS = ("text", "json", "markdown", "html", "junit", "sarif", "github")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_workspace(tmp_path_factory.mktemp("reports"))


def report(ws: Path, fmt: str, *args: str, code: int | None = None) -> str:
    r = run_cli("check", "-w", str(ws), str(ws / "examples" / "positions"), "--format", fmt, *args)
    assert r.returncode in ((0, 1) if code is None else (code,)), r.stderr
    assert r.stderr == ""
    return r.stdout


@pytest.fixture(scope="module")
def findings(ws: Path) -> list[dict]:
    return read_report(report(ws, "json", "--lang", "en"))["findings"]  # findings in full


def test_the_cases_give_every_kind_of_open_finding(findings: list[dict]) -> None:
    kinds = {(f["position"], f["motion"], f["verdict"], f["declared"]) for f in findings}
    assert (UNDECLARED_ID, "26643-1047", "conflicts", False) in kinds
    assert (UNDETERMINED_ID, "26643-1047", "undetermined", None) in kinds
    assert (SEED_ID, "26643-1011", "conflicts", True) in kinds


def test_sarif_is_valid_2_1_0_and_read_by_sarif_tools(ws: Path, findings: list[dict],
                                                      tmp_path: Path) -> None:
    text = report(ws, "sarif", "--lang", "en", "--fail-on", "undetermined", code=1)
    doc = json.loads(text)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(doc), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]

    path = tmp_path / "report.sarif"
    path.write_text(text, encoding="utf-8")
    sarif = sarif_loader.load_sarif_file(str(path))
    assert sarif.get_distinct_tool_names() == ["motion-compliance"]
    failing = [f for f in findings if f["verdict"] == "undetermined" or f["verdict"] == "conflicts"]
    assert sarif.get_result_count() == len(failing)
    records = sarif.get_records()
    by_code = {(r["Code"], r["Line"]) for r in records}
    # each result sits on the line of the deciding fact, under the rule of its motion clause
    for f in failing:
        assert (f"{f['motion']}/{f['clause']}", f["location"]["line"]) in by_code
    rule = sarif.get_rules_by_id("26643-1047/1")
    assert rule and "irreversible" in rule[0]["fullDescription"]["text"]
    assert rule[0]["help"]["text"]
    # one rule per motion clause, each result points at its rule
    run = doc["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert len(rules) == len({(f["motion"], f["clause"]) for f in findings})
    for res in run["results"]:
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        assert len(res["partialFingerprints"]["motionComplianceFinding/v1"]) == 32


def test_sarif_result_is_on_the_line_of_the_changed_fact(ws: Path) -> None:
    doc = json.loads(report(ws, "sarif", "--lang", "en", code=1))
    results = doc["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["26643-1047/1"]
    loc = results[0]["locations"][0]["physicalLocation"]
    file = ws / loc["artifactLocation"]["uri"]
    line = file.read_text(encoding="utf-8").splitlines()[loc["region"]["startLine"] - 1]
    assert line.strip() == "value: for"  # the very fact the variant changed


def test_junit_is_read_by_junitparser(ws: Path, findings: list[dict], tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    path.write_text(report(ws, "junit", "--lang", "en", code=1), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    cases = {(s.name, c.classname, c.name): c for s in xml for c in s}
    pairs = {(f["position"], f["motion"]) for f in findings}
    assert len(cases) == len(pairs)  # one test case per position x motion
    failed = {(k[0], k[2]) for k, c in cases.items() if any(isinstance(r, Failure) for r in c.result)}
    assert failed == {(UNDECLARED_ID, "Motie Van Weerdenburg c.s. (Kamerstuk 26 643, nr. 1047)")}
    assert xml.failures == 1 and xml.tests == len(pairs)
    # not-applicable motions are reported as skipped cases, and nothing else is
    skipped = [k for k, c in cases.items() if any(isinstance(r, Skipped) for r in c.result)]
    not_applicable = {pair for pair in pairs
                      if all(f["verdict"] == "not_applicable" for f in findings
                             if (f["position"], f["motion"]) == pair)}
    assert len(skipped) == len(not_applicable)
    case = cases[(UNDECLARED_ID, UNDECLARED_ID,
                  "Motie Van Weerdenburg c.s. (Kamerstuk 26 643, nr. 1047)")]
    failure = case.result[0]
    assert "NOT declared" in failure.message and "irreversible step" in failure.text


def test_junit_fail_on_undetermined_adds_the_undetermined_case(ws: Path, tmp_path: Path) -> None:
    path = tmp_path / "junit.xml"
    path.write_text(report(ws, "junit", "--fail-on", "undetermined", code=1), encoding="utf-8")
    xml = JUnitXml.fromfile(str(path))
    failed = {c.classname for s in xml for c in s if c.result}
    assert failed == {UNDECLARED_ID, UNDETERMINED_ID, SEED_ID}  # seed: its declared conflicts


def test_markdown_parses_with_counts_sections_and_details(ws: Path, findings: list[dict]) -> None:
    n_conf = sum(f["verdict"] == "conflicts" for f in findings)
    n_und = sum(f["verdict"] == "undetermined" for f in findings)
    text = report(ws, "markdown", "--lang", "en", code=1)
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    types = [t.type for t in tokens]
    assert "table_open" in types
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[0].startswith("Motion compliance: ❌ 1 finding(s)")
    assert headings[1:] == [f"Conflicts ({n_conf})", f"Undetermined ({n_und})"]
    cells = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "td_open"]
    assert cells[:4] == ["conflicts", str(n_conf), "— of which not declared", "1"]
    html_blocks = "".join(t.content for t in tokens if t.type == "html_block")
    assert html_blocks.count("<details>") == n_conf + n_und  # every open finding has its explanation
    assert "cabinet_vote_intention" in html_blocks  # the missing fact is named
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    assert "<strong>conflicts (NOT declared)</strong>" in rendered


def test_github_annotations_point_at_the_fact(ws: Path, findings: list[dict]) -> None:
    lines = report(ws, "github", "--lang", "en", code=1).splitlines()
    errors = [x for x in lines if x.startswith("::error ")]
    assert len(errors) == 1
    m = re.match(r"::error file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.*)", errors[0])
    assert m, errors[0]
    assert m[1] == "examples/positions/2023-11-20-variant-supports-text.yaml"
    text = (ws / m[1]).read_text(encoding="utf-8").splitlines()[int(m[2]) - 1]
    assert text.strip() == "value: for"
    assert "%0A" in m[5] and "\n" not in m[5]  # multi-line message escaped as the runner expects
    undetermined = {(f["position"], f["motion"], f["clause"]) for f in findings
                    if f["verdict"] == "undetermined"}
    assert sum(x.startswith("::notice ") for x in lines) == len(undetermined)
    declared = sum(f["verdict"] == "conflicts" and f["declared"] is True for f in findings)
    assert sum(x.startswith("::warning ") for x in lines) == declared


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_byte_identical_on_rerun(ws: Path, fmt: str, tmp_path: Path) -> None:
    outs = []
    for i in range(2):
        out = tmp_path / f"{i}.{fmt}"
        r = run_cli("check", "-w", str(ws), str(ws / "examples" / "positions"), "--format", fmt,
                    "--output", str(out))
        assert r.returncode == 1, r.stderr
        assert r.stdout == ""
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert outs[0]
    assert str(ws).encode() not in outs[0]  # no absolute paths: same bytes in another checkout
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"0.{fmt}", f"1.{fmt}"]  # no temp files


def test_html_has_no_external_references(ws: Path) -> None:
    page = report(ws, "html", code=1)
    assert not re.search(r"(?:src|href|action)\s*=", page, re.I)
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}", page, re.I)
    assert not re.search(r"@import|url\(", page, re.I)
    assert "default-src 'none'" in page
    assert '<th scope="col">' in page and '<th scope="row">' in page
    assert '<html lang="nl">' in page and "Tijdlijn" in page
    english = report(ws, "html", "--lang", "en", code=1)
    assert '<html lang="en">' in english and "Timeline" in english
