"""The normalised JSON report (schema_version 2): the same bytes as json.dumps where
orjson writes them, written once per table entry, and read back to the same findings."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance import parallel
from compliance.api import run_check
from compliance.model.output import Report
from compliance.reports import render
from compliance.reports.json_report import decode, dumps
from tests.conftest import ROOT

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                    st.text())
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)


@settings(max_examples=400, deadline=None)
@given(values)
def test_dumps_writes_what_json_dumps_writes(value: object) -> None:
    assert dumps(value) == json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def test_every_control_character_is_escaped_as_json_does() -> None:
    text = "".join(chr(i) for i in range(0x2100)) + "\ud800 lone"
    assert dumps(text) == json.dumps(text, ensure_ascii=False)
    assert dumps([1.0e-7, 2**70]) == "[1e-07,1180591620717411303424]"


def _altered(report: Report) -> Report:
    """Findings that say otherwise than their tables: each difference must survive."""
    fs = list(report.findings)
    fs[-1] = fs[-1].model_copy(update={"request": "another request", "sources": ["only this"],
                                       "position_file": "elsewhere.yaml"})
    fs[1] = fs[1].model_copy(update={"facts": [u.model_copy(update={"value": 0.00001, "line": 999})
                                               for u in fs[1].facts]})
    return report.model_copy(update={"findings": fs})


def test_what_a_finding_says_otherwise_reads_back() -> None:
    report = _altered(run_check(ROOT, lang="en"))
    doc = json.loads(render(report, "json"))
    assert Report.model_validate(decode(doc)) == report
    last = doc["findings"][-1]
    assert last["request"] == "another request" and last["sources"] == ["only this"]
    assert last["position_file"] == "elsewhere.yaml"
    assert "request" not in doc["findings"][2] and "sources" not in doc["findings"][2]


def test_tables_hold_each_entry_once_and_findings_refer_to_them() -> None:
    report = run_check(ROOT, lang="en")
    text = render(report, "json")
    doc = json.loads(text)
    assert set(doc) == {"schema_version", "lang", "as_of", "interpretations", "counts", "motion_records",
                        "rules", "messages", "positions", "motions", "findings", "duties"}
    # the duties of conduct of the checked dossiers (compliance duties), each with its state
    assert {d["state"] for d in doc["duties"]} <= {"not_yet_due", "met", "overdue", "unknown", "ended"}
    assert len(doc["messages"]) == len(set(doc["messages"].values()))
    ids = {f["message"] for f in doc["findings"]} | {r[2] for f in doc["findings"] for r in f["reasons"]}
    assert ids <= set(doc["messages"])
    assert {f["position"] for f in doc["findings"]} == set(doc["positions"])
    assert len(doc["findings"]) == len(report.findings)
    # every finding on one line: the v1 keys consumers read are there with v1's values
    for f, g in zip(doc["findings"], report.findings, strict=True):
        assert (f["position"], f["motion"], f["clause"], f["verdict"], f["declared"], f["missing_facts"]) \
            == (g.position, g.motion, g.clause, g.verdict, g.declared, g.missing_facts)


def test_a_streamed_report_in_small_chunks_is_the_whole_report(tmp_path: Path) -> None:
    """Tables recur across chunks; the streamed report writes each entry once, in the order
    the whole report does: the same bytes, whatever the chunk size."""
    whole = render(parallel.run(ROOT, [ROOT / "examples" / "positions"], lang="en"), "json")
    for chunk in (1, 2, 3):
        out: list[bytes] = []
        parallel.run_streamed("json", ROOT, [ROOT / "examples" / "positions"], out.extend,
                              lang="en", chunk=chunk)
        assert b"".join(out).decode() == whole, chunk
