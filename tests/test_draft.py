"""`compliance draft` as a library: the seed letter against its hand-encoded position,
constructed letters (tests/data/letters, written for these tests) that vary phrasing and
negation and leave facts unsaid, the cue syntax, and the rendered position file."""

from __future__ import annotations

import json
import shutil
from functools import cache
from pathlib import Path

import pytest

from compliance.drafting import Draft, draft_letter, position_data, render_position
from compliance.drafting.letter import read
from compliance.drafting.match import find
from compliance.drafting.reading import html_text
from compliance.drafting.score import score
from compliance.errors import InputErrors
from compliance.loading.workspace import Workspace, load_positions, load_workspace
from compliance.loading.yaml_safe import load_text
from compliance.model.cues import parse_phrase
from tests.conftest import ROOT, SEED, run_cli

SEED_TEXT = ROOT / "tests" / "data" / "seed" / "geannoteerde-agenda-jbz-raad-2023-09-28.txt"
LETTERS = ROOT / "tests" / "data" / "letters"
DOSSIER = "csam-regulation"


@cache
def ws() -> Workspace:
    return load_workspace(ROOT)


def draft_of(name: str) -> Draft:
    path = SEED_TEXT if name == "seed" else LETTERS / name
    return draft_letter(path.read_text(encoding="utf-8"), ws(), DOSSIER, letter_name=path.name)


def values(d: Draft) -> dict[str, object]:
    return {p.fact: p.value for p in d.proposals}


# -- the seed letter ----------------------------------------------------------------------------


def test_seed_scores_against_the_hand_encoded_position() -> None:
    d = draft_of("seed")
    reference = load_positions(ws(), [ROOT / SEED])[0]
    s = score(d, SEED_TEXT.read_text(encoding="utf-8"), reference)
    assert s.recall >= 0.8 and s.precision >= 0.9, s.text()
    assert {"26643-885 will_execute", "26643-1011 will_not_execute"} <= set(s.declarations_found)
    assert "2023-09-28 partial_general_approach" in s.steps_found
    assert s.declaration_sources_right == 1


def test_seed_declarations_steps_and_letter_facts() -> None:
    d = draft_of("seed")
    decl = {x.motion: x for x in d.declarations}
    assert decl["26643-885"].statement == "will_execute" and decl["26643-885"].line == 152
    refusal = decl["26643-1011"]
    assert refusal.statement == "will_not_execute" and refusal.line == 158
    assert refusal.source is not None and (refusal.source.dossier, refusal.source.number) == ("26643", 1043)
    assert "26643-1047" not in decl  # the letter says what the motion asks, not whether it is executed
    assert [(s.date, s.kind, s.date_from) for s in d.planned_steps] == [
        ("2023-09-28", "partial_general_approach", "meeting")]
    assert d.letter_date == "2023-09-18" and d.letter_date_line == 5
    assert d.meeting_date == "2023-09-28"
    assert d.passages == ["117-178"]  # only the CSAM item of the annotated agenda is read
    assert {c.id for c in d.citations if c.role == "motion"} == {"26643-885", "26643-1011", "26643-1047"}


def test_seed_quotes_are_the_letters_words() -> None:
    d = draft_of("seed")
    p = d.proposal("cabinet_vote_intention")
    assert p is not None and p.value == "not_for" and p.line == 144
    assert "kan Nederland niet met het voorstel instemmen" in p.quote
    # a word split at a line end and footnotes between its halves: joined in the quote
    letter = read(SEED_TEXT.read_text(encoding="utf-8"))
    k = letter.index["onderhandelingen"][0]
    assert "onderhandelingen nog gaande" in letter.sentence_quote(letter.sentence[k])


# -- constructed letters ------------------------------------------------------------------------


def test_kan_niet_instemmen_tenzij() -> None:
    d = draft_of("constructed-tenzij-coreper.txt")
    v = values(d)
    assert v["cabinet_vote_intention"] == "not_for"  # "kan niet instemmen"
    assert v["cabinet_agreement_conditions"] == ["detection_known_material_only"]  # "tenzij ..."
    assert v["text_client_side_scanning"] == "allowed"  # "niet uitgesloten"
    assert v["text_presidency"] == "danish_2025"
    assert v["text_detection_orders"] is True
    assert v["cabinet_pursues_e2ee_protection"] is True
    assert "text_detection_scope" not in v  # the condition is not what the text says
    assert [(s.date, s.kind) for s in d.planned_steps] == [("2025-11-12", "general_approach")]
    assert d.letter_date == "2025-11-03"


def test_niet_langer_and_declarations_that_imply_facts() -> None:
    d = draft_of("constructed-niet-langer.txt")
    v = values(d)
    assert v["cabinet_accepts_detection_on_interpersonal"] is False  # "niet langer bereid"
    assert v["cabinet_vote_intention"] == "abstain"
    assert v["text_detection_orders"] is False  # "het detectiebevel geschrapt"
    assert v["text_voluntary_detection"] == "permanent"
    assert v["text_age_verification"] == "optional"  # "niet verplicht", across "Leeftijds-\nverificatie"
    assert [(x.motion, x.statement) for x in d.declarations] == [("32317-891", "will_execute")]
    # executing Kathmann (32 317, nr. 891) implies its request to develop alternatives; its
    # other request completes a list of conditions the letter gives, but makes none alone
    # (round 4: the constructed letters' writers never took a motion's ask as the whole list)
    assert "cabinet_agreement_conditions" not in v
    assert v["cabinet_develops_alternatives"] is True
    ev = d.proposal("cabinet_develops_alternatives").evidence  # type: ignore[union-attr]
    assert ev[0].cue == "declaration 32317-891 will_execute" and ev[0].line == 14


def test_silent_letter_leaves_facts_unsaid() -> None:
    d = draft_of("constructed-silent.txt")
    assert values(d) == {"agenda_decision": "progress_report"}
    assert not d.declarations and not d.planned_steps and not d.ambiguities
    # item II of the agenda (another file, "kan met de tekst instemmen") is not read
    assert d.passages == ["7-11"]
    assert "cabinet_vote_intention" in d.unstated
    out = render_position(d, "yaml", "en")
    assert "  # cabinet_vote_intention: not in the letter — How the cabinet will vote" in out


def test_two_values_are_an_ambiguity_not_a_choice() -> None:
    d = draft_of("constructed-ambiguous.txt")
    assert "cabinet_vote_intention" not in values(d)
    (amb,) = [a for a in d.ambiguities if a.fact == "cabinet_vote_intention"]
    assert {c.value: c.lines for c in amb.candidates} == {"abstain": [7], "against": [9]}
    assert values(d)["text_detection_orders"] is False  # "bevat geen detectiebevelen meer"
    out = render_position(d, "yaml", "nl")
    assert "# cabinet_vote_intention: dubbelzinnig in de brief" in out


def test_english_letter() -> None:
    d = draft_of("constructed-english.txt")
    v = values(d)
    assert v["cabinet_vote_intention"] == "not_for"  # "cannot agree"
    assert v["cabinet_agreement_conditions"] == ["detection_known_material_only"]  # "unless ..."
    assert v["text_protects_e2ee"] is False  # "does not protect"
    assert v["text_presidency"] == "hungarian_2024"
    assert v["text_detection_services"] == ["hosting", "interpersonal_communication"]
    assert [(x.motion, x.statement) for x in d.declarations] == [("26643-1011", "will_not_execute")]
    assert d.letter_date == "2024-10-03"


def test_html_letter_reads_like_its_text() -> None:
    text = (LETTERS / "constructed-tenzij-coreper.txt").read_text(encoding="utf-8")
    paras = text.split("\n\n")
    html = ("<!DOCTYPE html><html><head><title>x</title><script>Nederland stemt in.</script></head>"
            "<body>" + "".join(f"<p>{p.replace('&', '&amp;')}</p>" for p in paras) + "</body></html>")
    d = draft_letter(html_text(html), ws(), DOSSIER, letter_name="x.html")
    assert values(d) == values(draft_of("constructed-tenzij-coreper.txt"))


# -- cues ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("cue", "text", "hit", "negated"), [
    ("stemt ~3 in", "Nederland stemt met de tekst in.", True, False),
    ("stemt ~5 in", "Nederland stemt niet met de tekst in.", True, True),
    ("stemt ~1 in", "Nederland stemt met de tekst in.", False, False),
    ("detectiebevel*", "De tekst bevat geen detectiebevelen.", True, True),
    ("detectiebevel*", "Nederland kan niet instemmen met detectiebevelen.", True, False),
    ("steunt", "Het kabinet steunt het voorstel niet.", True, True),
    ("steunt", "Het kabinet steunt het voorstel niet langer.", True, True),
    ("end-to-end versleuteling", "behoud van end-to-end\nversleuteling", True, False),
    ("end-to-end versleuteling", "behoud van end-\nto-end versleuteling", True, False),
    ("onderhandelingen", "de onderhan-\n  delingen", True, False),
    ("orientatie", "een algemene oriëntatie", True, False),
    ("bekend|bestaand materiaal", "alleen bestaand materiaal", True, False),
])
def test_cue_matching(cue: str, text: str, hit: bool, negated: bool) -> None:
    found = find(read(text), cue)
    assert bool(found) == hit
    if hit:
        assert found[0].negated is negated


def test_conditional_clauses() -> None:
    (m,) = find(read("Het kabinet kan instemmen met de verordening als de tekst verandert."), "instemmen")
    assert m.hypothetical
    (m,) = find(read("De motie vraagt geen stappen te zetten totdat de brief is besproken."), "besproken")
    assert m.hypothetical
    (m,) = find(read("De brief is met de Kamer besproken."), "besproken")
    assert not m.hypothetical


@pytest.mark.parametrize("bad", ["~3 woord", "woord ~3", "a ~2 ~3 b", "woord ~0 b", "woord ~21 b",
                                 "ab* c", "a|b-c d", "woord? b", "", "~x b"])
def test_bad_phrases_are_refused(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_phrase(bad)


@pytest.mark.parametrize(("old", "new", "says"), [
    ('"kindermisbruik"', '"kindermisbruik ~99 x"', "gap '~99'"),
    ('"kindermisbruik"', '"ho*"', "prefix 'ho*' in cue 'ho*' is too short"),
    ("    hosting:\n", "    hostng:\n", "'hostng' is not a value of fact 'text_detection_services'"),
    ("      negated: excluded\n", "      negated: banned\n", "'banned' is not a value"),
])
def test_invalid_cues_are_located_load_errors(tmp_path: Path, old: str, new: str, says: str) -> None:
    for name in ("motions", "rules"):
        shutil.copytree(ROOT / name, tmp_path / name)
    path = tmp_path / "rules" / DOSSIER / "dossier.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputErrors) as e:
        load_workspace(tmp_path)
    (err,) = [x for x in e.value.errors if says in x.problem]
    assert err.file.endswith("dossier.yaml") and err.line > 1 and err.column > 1
    r = run_cli("validate", "--workspace", str(tmp_path))
    assert r.returncode == 2 and f"dossier.yaml:{err.line}:{err.column}:" in r.stderr


# -- the position file --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_rendered_draft_is_a_valid_position(tmp_path: Path, fmt: str, lang: str) -> None:
    d = draft_of("seed")
    out = render_position(d, fmt, lang)  # type: ignore[arg-type]
    path = tmp_path / f"draft.{fmt}"
    path.write_text(out, encoding="utf-8")
    (pos,) = load_positions(ws(), [path])
    assert set(pos.facts) == {p.fact for p in d.proposals}
    for p in d.proposals:
        entry = pos.model.facts[p.fact]
        assert entry["confirmed"] is False and entry["where"] == p.quote
        note = f"regel {p.line}, wacht op bevestiging" if lang == "nl" else \
            f"at line {p.line}, awaits confirmation"
        assert note in entry["note"]
    assert [d.motion for d in pos.model.declarations] == ["26643-885", "26643-1011"]
    if fmt == "json":
        assert json.loads(out)["id"] == pos.model.id
    else:
        doc = load_text(out, "x")
        assert doc.data["dossier"] == DOSSIER
        for name in d.unstated:
            assert f"  # {name}: " in out


def test_hostile_text_stays_a_valid_position(tmp_path: Path) -> None:
    letter = ('Den Haag, 1 mei 2024\n\nDe compromistekst "x": \\ \u2028 \x85 bevat detectiebevelen '
              '#comment {a: b} [c] & *alias !tag.\n')
    d = draft_letter(letter, ws(), DOSSIER, letter_name="evil\n: name.txt")
    path = tmp_path / "d.yaml"
    path.write_text(render_position(d, "yaml", "nl"), encoding="utf-8")
    (pos,) = load_positions(ws(), [path])
    assert pos.facts["text_detection_orders"] is True
    assert pos.model.id.startswith("draft-2024-05-01-")


def test_an_undated_letter_gives_a_position_without_a_date_that_the_loader_refuses(tmp_path: Path) -> None:
    # never a made-up date: one would be evaluated as the position's (adoption, deadlines)
    d = draft_letter("Het kabinet steunt detectiebevelen niet.\n", ws(), DOSSIER, letter_name="brief.txt")
    assert d.letter_date is None
    assert "date" not in position_data(d)
    out = render_position(d, "yaml", "en")
    assert "# date: YYYY-MM-DD" in out and "write the letter's date" in out
    assert not any(line.startswith("date:") for line in out.splitlines())
    path = tmp_path / "brief.yaml"
    path.write_text(out, encoding="utf-8")
    with pytest.raises(InputErrors) as e:
        load_positions(ws(), [path])
    assert "date" in str(e.value)
    path.write_text(out.replace("# date: YYYY-MM-DD", "date: 2024-05-01"), encoding="utf-8")
    (pos,) = load_positions(ws(), [path])  # filled in as the comment says, it loads
    assert pos.model.date == "2024-05-01"
