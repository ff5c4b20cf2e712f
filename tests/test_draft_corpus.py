"""The constructed letters of tests/data/letters with an -expected.yaml (written from the
vocabularies' fact descriptions before the cues of issue 25 were read) scored as a folder,
through the CLI as a user runs it: the figures are pinned, a flip is a failure; and a
constructed Groningen letter drafted with a quote per fact, through the CLI and the workbench."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from compliance.drafting import draft_letter
from compliance.drafting.score import Tally, score
from compliance.loading.workspace import Workspace, load_positions, load_workspace
from tests.conftest import ROOT, run_cli
from tests.web_support import client, form_of, post_form, replace

LETTERS = ROOT / "tests" / "data" / "letters"
GRONINGEN = LETTERS / "constructed-groningen-warffum.txt"


@cache
def ws() -> Workspace:
    return load_workspace(ROOT)


def _pairs() -> list[tuple[Path, Path]]:
    return [(p, p.with_name(p.stem + "-expected.yaml")) for p in sorted(LETTERS.glob("*.txt"))
            if p.with_name(p.stem + "-expected.yaml").is_file()]


@cache
def tallies() -> dict[str, Tally]:
    out = {"all": Tally(), "csam-regulation": Tally(), "groningen-gas": Tally()}
    for letter, expected in _pairs():
        ref = load_positions(ws(), [expected])[0]
        text = letter.read_text(encoding="utf-8")
        s = score(draft_letter(text, ws(), ref.model.dossier, letter_name=letter.name), text, ref)
        for key in ("all", ref.model.dossier):
            out[key].add(s)
    return out


def test_at_least_twelve_constructed_letters_each_labelled() -> None:
    pairs = _pairs()
    assert len(pairs) >= 12
    for letter, _ in pairs:
        assert letter.read_text(encoding="utf-8").startswith("CONSTRUCTED LETTER"), letter.name
    dossiers = {load_positions(ws(), [e])[0].model.dossier for _, e in pairs}
    assert dossiers == {"csam-regulation", "groningen-gas"}


def test_no_flip_and_precision_on_the_constructed_letters() -> None:
    t = tallies()["all"]
    assert t.flips == 0
    assert t.precision >= 0.95, t


def test_csam_constructed_letters_recall_and_precision_pinned() -> None:
    # pinned at what the drafter reaches (issue 25 asks >= 80% recall, >= 95% precision); the
    # tune folder grew in rounds 3 and 4 with letters by writers who never saw the cues
    t = tallies()["csam-regulation"]
    assert (t.stated, t.flips) == (153, 0)
    assert t.right >= 138 and t.precision >= 0.96 and t.recall >= 0.90, t
    assert t.partial <= 2, t
    # 8 since fix2: a decision sent months before ("het besluit om de motie niet uit te voeren heeft
    # uw Kamer op 3 oktober 2023 ontvangen") is history, no declaration of the letter's own
    assert t.decl_found >= 8 and t.decl_extra <= 2, t
    assert t.steps_found >= 16 and t.steps_extra <= 3, t


def test_groningen_constructed_letters_pinned() -> None:
    t = tallies()["groningen-gas"]
    assert (t.stated, t.flips, t.partial) == (108, 0, 0)
    assert t.right >= 105 and t.precision >= 0.98 and t.recall >= 0.97, t
    assert t.decl_found >= 10 and t.steps_found >= 11 and t.steps_extra == 0, t


HELDOUT = ROOT / "tests" / "data" / "letters-heldout"


def test_heldout_constructed_letters_regression_floor() -> None:
    # The HELD-OUT measure half of the constructed letters. Nobody may tune to this folder:
    # never read its letters, expected positions or drafts when writing cues or drafting
    # code; only run the folder score, once, at the end of a piece of work, and report the
    # totals. This pins the totals as measured (docs/drafting.md, "Held-out constructed
    # letters" and "Round 3") as a floor: right may only rise, flips may only fall.
    t = Tally()
    pairs = [(p, p.with_name(p.stem + "-expected.yaml")) for p in sorted(HELDOUT.glob("*.txt"))
             if p.with_name(p.stem + "-expected.yaml").is_file()]
    for letter, expected in pairs:
        ref = load_positions(ws(), [expected])[0]
        text = letter.read_text(encoding="utf-8")
        t.add(score(draft_letter(text, ws(), ref.model.dossier, letter_name=letter.name), text, ref))
    assert (t.letters, t.stated) == (24, 175), t
    # the first twelve (81 stated) as at round 4's second total: 56 right, 67 proposed, 3 flips,
    # 2 sets in part; with the twelve written on 2026-12-07 (94 stated), scored by the lead as
    # totals only after round 4 (docs/drafting.md, "Held-out, second set"): 112 right, 130
    # proposed, 5 flips, 2 in part; after the review fixes (a past tense is no history, a
    # declaration of a former cabinet is none, cues tied to verbs): 110 right, 128 proposed, 5
    # flips, 2 in part. Right may only rise; flips and partial sets only fall.
    assert t.right >= 110 and t.flips <= 5 and t.partial <= 2, t


def test_the_cli_scores_a_folder_per_letter_and_in_total() -> None:
    r = run_cli("draft", str(LETTERS))
    assert r.returncode == 0, r.stderr
    rows = {line.split()[0]: line.split() for line in r.stdout.splitlines()[1:]
            if line.startswith("constructed")}
    assert set(rows) == {p.stem for p, _ in _pairs()}
    total = next(line for line in r.stdout.splitlines() if line.startswith("TOTAL"))
    t = tallies()["all"]
    nums = total.split(")")[1].split()
    assert nums[:5] == [str(t.stated), str(t.right), str(t.proposed), str(t.flips), str(t.partial)]
    assert "FLIP" not in r.stdout
    # one dossier only
    r = run_cli("draft", str(LETTERS), "--dossier", "csam-regulation")
    assert "constructed-groningen" not in r.stdout and "TOTAL (19 letters)" in r.stdout
    # a folder without expected positions is refused, located
    r = run_cli("draft", str(ROOT / "tests" / "data" / "seed"))
    assert r.returncode == 2 and "-expected.yaml" in r.stderr and "Traceback" not in r.stderr


def test_a_groningen_letter_is_drafted_with_a_quote_per_fact_through_the_cli() -> None:
    r = run_cli("draft", str(GRONINGEN), "--dossier", "groningen-gas", "--format", "draft-json")
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    text = GRONINGEN.read_text(encoding="utf-8")
    flat = " ".join(text.split())
    assert d["proposals"]
    for p in d["proposals"]:
        for e in p["evidence"]:
            if e["cue"].startswith("declaration "):
                continue
            assert e["quote"] and " ".join(e["quote"].split()).rstrip(".") in flat, (p["fact"], e["quote"])
    values = {p["fact"]: p["value"] for p in d["proposals"]}
    assert values.get("warffum_extraction") == "ending"


@pytest.fixture(scope="module")
def c():
    return client(ROOT)


def test_a_groningen_letter_is_drafted_with_a_quote_per_fact_in_the_workbench(c) -> None:
    text = GRONINGEN.read_text(encoding="utf-8")
    fields = form_of(c.get("/editor").text)
    for key, value in (("_letter", text), ("_letter_name", GRONINGEN.name),
                       ("_draft_dossier", "groningen-gas"), ("_action", "draft")):
        fields = replace(fields, key, value)
    r = post_form(c, "/editor/draft", fields)
    assert r.status_code == 200, r.text[:2000]
    keys = " ".join(k for k, _ in form_of(r.text))
    shown = {m[1] for m in re.finditer(r"facts\.([a-z0-9_]+)\.value", keys)}
    drafted = draft_letter(text, ROOT, "groningen-gas", letter_name=GRONINGEN.name)
    assert drafted.proposals and {p.fact for p in drafted.proposals} <= set(shown)
    for p in drafted.proposals:  # each proposed fact's passage is linked and marked in the letter pane
        assert re.search(rf'class="passage" data-line="\d+" data-fact="{p.fact}"', r.text), p.fact
