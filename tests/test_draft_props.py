"""Properties of drafting: it never crashes on any text, never proposes a fact without
its cue in the text, renders a valid position, and its matcher agrees with brute force."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.drafting import Draft, draft_letter, render_position
from compliance.drafting.lemma import keys
from compliance.drafting.letter import read
from compliance.drafting.match import element_keys, find
from compliance.errors import InputErrors
from compliance.loading.workspace import Workspace, load_positions, load_workspace
from compliance.model.cues import Element, normalise, parse_phrase
from tests.conftest import ROOT

DOSSIER = "csam-regulation"
# words of the debate, negations, conditions, motion and date parts, and layout
_PIECES = """Nederland kabinet het kan niet geen langer instemmen stemt in met de
    compromistekst tenzij als mits detectiebevelen detectiebevel beperkt tot bekend bestaand nieuw materiaal
    grooming motie Van Raan Ginneken c.s. c.s.7 zal worden uitgevoerd uit te voeren Kamerstuk 26
    643, nr. 885 1011 1043 . , ; : ( ) = I. II. gedeeltelijke algemene oriëntatie 28 september
    2023 Den Haag, hostingdiensten interpersoonlijke communicatiediensten end-to-end
    versleuteling client-side scanning uitgesloten onthouden tegenstemmen voorwaarde
    onderbouwing komt separaat toe besproken totdat deze Raad vrijwillige permanent
    leeftijdsverificatie verplicht seksueel misbruik van kinderen Spaanse voorzitterschap
    compromis not cannot agree unless limited to known detection orders will implement"""
PIECES = _PIECES.split()
LAYOUT = [" ", " ", " ", "\n", "\n\n", "-\n", "\n7 Kamerstuk 26 643, nr. 885.\n"]


@cache
def ws() -> Workspace:
    return load_workspace(ROOT)


letters = st.one_of(
    st.text(max_size=400),
    st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(LAYOUT)), max_size=160).map(
        lambda parts: "".join(w + sep for w, sep in parts)),
)
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _text_words(text: str) -> set[str]:
    """Every word of the text, and every run of words split at line ends ("onderhan-\ndelingen")
    joined: a superset of the words the drafter can read there."""
    words = {normalise(w) for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text)}
    for chain in re.findall(r"[^\W_]+(?:[-\u00ad][ \t]*\n\s*[^\W_]+)+", text):
        parts = [normalise(p) for p in re.split(r"[-\u00ad][ \t]*\n\s*", chain)]
        for i in range(len(parts)):
            for j in range(i + 2, min(len(parts), i + 12) + 1):
                words.add("".join(parts[i:j]))
    return words


def _forms(text: str) -> set[str]:
    """Every form the text's words stand for (lemmas, a verb's noun: compliance.drafting.lemma)."""
    out: set[str] = set()
    for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", text):
        out |= keys(w)
    return out


def _occurs(el: Element, words: set[str], forms: set[str]) -> bool:
    return bool(element_keys(el) & (words | forms)) or any(
        w.startswith(p) for p in el.prefixes for w in words)


def _check_evidence(d: Draft, text: str) -> None:
    words = _text_words(text)
    forms = _forms(text) | {f for w in words for f in keys(w)}
    vocab = ws().vocabularies[DOSSIER].model
    declared = {(x.motion, x.statement) for x in d.declarations}
    for p in d.proposals:
        fact = vocab.facts[p.fact]
        if fact.type == "set":
            assert set(p.value) <= set(fact.values or {})
        elif fact.type == "enum":
            assert p.value in (fact.values or {})
        else:
            assert isinstance(p.value, bool)
        assert p.evidence
        for e in p.evidence:
            if e.cue.startswith("declaration "):
                _, motion, statement = e.cue.split()
                assert (motion, statement) in declared
                continue
            # every word of the cue stands in the letter, and so does the quoted passage
            for el in parse_phrase(e.cue):
                assert _occurs(el, words, forms), (e.cue, text)
            quoted = {normalise(w) for w in re.findall(r"[^\W_]+(?:['’][^\W_]+)*", e.quote)}
            assert quoted <= words | {""}, (quoted - words, text)
            assert 1 <= e.line <= text.count("\n") + 1


@SETTINGS
@given(letters)
def test_draft_never_crashes_and_never_proposes_without_its_cue(text: str) -> None:
    d = draft_letter(text, ws(), DOSSIER, letter_name="letter.txt")
    _check_evidence(d, text)
    assert not {p.fact for p in d.proposals} & set(d.unstated)
    assert not {p.fact for p in d.proposals} & {a.fact for a in d.ambiguities}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(letters)
def test_every_draft_renders_a_valid_position(tmp_path: Path, text: str) -> None:
    # valid as drafted when the letter is dated; an undated one has no date (never a
    # made-up one) and is refused at that key until the date is written in
    d = draft_letter(text, ws(), DOSSIER, letter_name="letter.txt")
    for fmt in ("yaml", "json"):
        path = tmp_path / f"d.{fmt}"
        out = render_position(d, fmt, "nl")
        if d.letter_date is None:
            path.write_text(out, encoding="utf-8")
            with pytest.raises(InputErrors, match="'date'"):
                load_positions(ws(), [path])
            out = out.replace("# date: YYYY-MM-DD", "date: 2024-05-01") if fmt == "yaml" \
                else json.dumps({**json.loads(out), "date": "2024-05-01"})
        path.write_text(out, encoding="utf-8")
        (pos,) = load_positions(ws(), [path])
        assert set(pos.facts) == {p.fact for p in d.proposals}


def _brute(letter: object, phrase: str) -> set[int]:
    """Starts of matches by trying every choice of gap lengths (the oracle)."""
    els = parse_phrase(phrase)
    norm, sentence = letter.norm, letter.sentence  # type: ignore[attr-defined]

    def hit(i: int, p: int) -> bool:  # the word itself, a prefix, or a form of the same lemma
        return els[i].matches(norm[p]) or not element_keys(els[i]).isdisjoint(
            letter.keys_at(p))  # type: ignore[attr-defined]

    def rest(i: int, q: int) -> bool:
        if i == len(els):
            return True
        for p in range(q + 1, min(len(norm), q + 2 + els[i].gap)):
            if sentence[p] == sentence[q] and hit(i, p) and rest(i + 1, p):
                return True
        return False

    return {s for s in range(len(norm)) if hit(0, s) and rest(1, s)}


phrases = st.lists(st.tuples(st.sampled_from(["de", "niet", "kan", "instemmen", "tekst", "met", "inz*",
                                               "verwijderd", "schrapping|instemt",
                                               "tot|met", "detectiebevel*", "kabinet|nederland"]),
                             st.integers(0, 4)), min_size=1, max_size=4).map(
    lambda parts: " ".join((f"~{g} " if g and i else "") + w for i, (w, g) in enumerate(parts)))


@SETTINGS
@given(phrases, st.lists(st.sampled_from(["de", "niet", "kan", "instemmen", "tekst", "met", "in",
                                          "tot", "inzet", "detectiebevelen", "Nederland", "kabinet",
                                          "verwijdering", "verwijderen", "schrappen", "instemming",
                                          ".", ",", "Het"]), max_size=60))
def test_matcher_agrees_with_brute_force(phrase: str, words: list[str]) -> None:
    letter = read(" ".join(words))
    assert {m.first for m in find(letter, phrase)} == _brute(letter, phrase)
