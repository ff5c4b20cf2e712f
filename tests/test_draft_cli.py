"""`compliance draft` and checking a draft, run as a user runs them (subprocess)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED, read_report, run_cli

SEED_TEXT = ROOT / "tests" / "data" / "seed" / "geannoteerde-agenda-jbz-raad-2023-09-28.txt"


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with the lines in Helvetica (a text layer, as ministries publish)."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    body = "BT /F1 11 Tf 50 800 Td 14 TL " + " ".join(f"({esc(line)}) Tj T*" for line in lines) + " ET"
    stream = body.encode("latin-1")
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def test_pdf_and_html_letters(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    lines = ["Den Haag, 3 november 2025", "",
             "Nederland kan niet instemmen met de compromistekst, tenzij de",
             "detectiebevelen worden beperkt tot reeds bekend materiaal."]
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(make_pdf(lines))
    html = tmp_path / "brief.html"
    html.write_text("<html><body><p>" + "</p><p>".join(lines) + "</p><script>x</script></body></html>",
                    encoding="utf-8")
    for letter in (pdf, html):
        r = run_cli("draft", str(letter), "--dossier", "csam-regulation", "--format", "draft-json")
        assert r.returncode == 0, r.stderr
        d = json.loads(r.stdout)
        got = {p["fact"]: p["value"] for p in d["proposals"]}
        assert got["cabinet_vote_intention"] == "not_for"
        assert got["cabinet_agreement_conditions"] == ["detection_known_material_only"]
        assert d["letter_date"] == "2025-11-03"
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.4 not really")
    r = run_cli("draft", str(broken), "--dossier", "csam-regulation")
    assert r.returncode == 2 and "kapot.pdf:1:1:" in r.stderr and "Traceback" not in r.stderr



@pytest.fixture(scope="module")
def drafted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("draft") / "seed-draft.yaml"
    r = run_cli("draft", str(SEED_TEXT), "--dossier", "csam-regulation", "--output", str(out))
    assert r.returncode == 0, r.stderr
    return out


def test_the_draft_confirmed_as_proposed_gives_the_seed_verdicts(drafted: Path, tmp_path: Path) -> None:
    confirmed = tmp_path / "confirmed.yaml"
    text = drafted.read_text(encoding="utf-8")
    assert text.count("confirmed: false") == 10
    confirmed.write_text(text.replace("confirmed: false", "confirmed: true"), encoding="utf-8")
    r = run_cli("check", str(confirmed), "--format", "json", "--require-confirmed")
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    verdicts = {m["motion"]: (m["verdict"], m["declared"]) for m in report["motions"]}
    assert verdicts["26643-885"] == ("complies", None)
    assert verdicts["26643-1011"] == ("conflicts", True)
    assert verdicts["26643-1047"] == ("complies", None)
    assert not any("unconfirmed_facts" in f for f in report["findings"])
    # the same verdicts as the hand-encoded seed position
    r = run_cli("check", SEED, "--format", "json")
    seed = {m["motion"]: (m["verdict"], m["declared"]) for m in json.loads(r.stdout)["motions"]}
    assert {k: seed[k] for k in verdicts} == verdicts


def test_findings_on_unconfirmed_facts_say_so(drafted: Path) -> None:
    r = run_cli("check", str(drafted), "--format", "json", "--lang", "en")
    assert r.returncode == 0, r.stderr
    findings = {(f["motion"], f["clause"]): f for f in read_report(r.stdout)["findings"]}  # texts in full
    f = findings[("26643-1047", 1)]
    assert f["unconfirmed_facts"] == ["cabinet_vote_intention"]
    assert "rests on unconfirmed facts: cabinet_vote_intention" in f["notes"]
    assert "cabinet_accepts_detection_on_interpersonal" in findings[("26643-1011", 1)]["unconfirmed_facts"]
    # a finding that reads no stated fact rests on nothing unconfirmed
    assert all("unconfirmed_facts" not in f for k, f in findings.items() if f["verdict"] == "not_applicable")
    text = run_cli("check", str(drafted), "--lang", "nl").stdout
    assert "berust op niet-bevestigde feiten: cabinet_vote_intention" in text
    html = run_cli("check", str(drafted), "--format", "html", "--lang", "en").stdout
    assert "rests on unconfirmed facts: cabinet_vote_intention" in html


def test_require_confirmed_refuses_a_draft_with_located_errors(drafted: Path) -> None:
    r = run_cli("check", str(drafted), "--require-confirmed", "--lang", "en")
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 10
    text = drafted.read_text(encoding="utf-8").splitlines()
    for line in lines:
        m = re.match(rf"{re.escape(str(drafted))}:(\d+):(\d+): fact '(\w+)' is not confirmed yet", line)
        assert m, line
        row, col = int(m.group(1)), int(m.group(2))
        assert text[row - 1][col - 1:].startswith("false")  # the position of the flag itself
    assert "Traceback" not in r.stderr


def test_score_prints_the_figures() -> None:
    r = run_cli("draft", str(SEED_TEXT), "--dossier", "csam-regulation", "--score", SEED)
    assert r.returncode == 0, r.stderr
    m = re.search(r"precision (\d+\.\d)%  recall (\d+\.\d)%", r.stdout)
    assert m and float(m.group(1)) >= 90 and float(m.group(2)) >= 80
    assert "ok      26643-1011 will_not_execute" in r.stdout
    assert "ok      2023-09-28 partial_general_approach" in r.stdout


def test_draft_json_and_stdout() -> None:
    r = run_cli("draft", str(SEED_TEXT), "--dossier", "csam-regulation", "--format", "draft-json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert d["letter_date"] == "2023-09-18"
    assert {(x["motion"], x["statement"]) for x in d["declarations"]} == {
        ("26643-885", "will_execute"), ("26643-1011", "will_not_execute")}
    r = run_cli("draft", str(SEED_TEXT), "-d", "csam-regulation", "--format", "json", "--lang", "en")
    note = json.loads(r.stdout)["facts"]["agenda_decision"]["note"]
    assert note.startswith("proposed from the letter at line")


@pytest.mark.parametrize(("args", "says"), [
    (["draft", "nope.txt", "--dossier", "csam-regulation"], "nope.txt:1:1: cannot read file"),
    (["draft", str(SEED_TEXT), "--dossier", "csam"], "--dossier:1:1: unknown dossier 'csam'"),
])
def test_bad_input_is_exit_2(args: list[str], says: str) -> None:
    r = run_cli(*args, "--lang", "en")
    assert r.returncode == 2 and says in r.stderr and "Traceback" not in r.stderr
