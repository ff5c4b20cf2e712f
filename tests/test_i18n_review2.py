"""What a Dutch (or English) user sees where review round two found English or Python
values in the other language: rule drafting, workbench pages, the API, schema messages."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import ROOT
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
