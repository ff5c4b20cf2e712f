"""Drafting a rule from a motion's own words (compliance/authoring/draft_rule.py, issue 28).

Every dictum here is CONSTRUCTED for these tests (written by us, in the style of a Dutch
motion); none is a real motion's text. The inversion properties build dicta from a small
grammar whose meaning we know, and check that a drafted rule never calls compliant what the
dictum forbids, nor conflicting what it asks — with negations, "tenzij", "zolang" and
"uitsluitend".
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.authoring.draft_rule import (
    draft_dictum,
    draft_from_record,
    finish,
    new_entries_yaml,
    split_clauses,
    timeline_events,
)
from compliance.conditions.kleene import truth
from compliance.conditions.parse import ConditionParser
from compliance.loading.workspace import load_workspace
from compliance.loading.yaml_safe import Document
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth
from compliance.verdict import decide
from tests.conftest import ROOT

WS = load_workspace(ROOT)
CSAM = WS.vocabularies["csam-regulation"]
GAS = WS.vocabularies["groningen-gas"]


def draft(text: str, vocab: Any = CSAM, date: str | None = "2024-03-01") -> Any:
    return draft_dictum(text, vocab.model if vocab else None, "provisional-constructed-1",
                        vocab.model.dossier if vocab else "other", motion_date=date)


# --- kinds (constructed dicta) --------------------------------------------------------------

KINDS = [
    ("verzoekt de regering niet in te stemmen met een voorstel met detectiebevelen", "vote", "not_for"),
    ("verzoekt de regering tegen het compromisvoorstel te stemmen", "vote", "against"),
    ("verzoekt de regering in de Raad voor de verordening te stemmen", "vote", "for"),
    ("verzoekt de regering uitsluitend in te stemmen met een voorstel zonder detectiebevelen", "vote",
     "only_if"),
    ("Stem niet in met een voorstel met detectiebevelen.", "vote", "not_for"),
    ("verzoekt de regering zich in te zetten voor het behoud van versleuteling", "effort", None),
    ("verzoekt de regering alles op alles te zetten om de winning te beëindigen", "effort", None),
    ("verzoekt de regering de bescherming van klokkenluiders te bevorderen", "effort", None),
    ("verzoekt de regering vóór 1 januari 2020 een wetsvoorstel in te dienen", "result", None),
    ("verzoekt de regering de Kamer binnen zes weken te informeren over de gevolgen", "inform", None),
    ("verzoekt de regering halfjaarlijks aan de Kamer te rapporteren over de voortgang", "recurring", None),
    ("verzoekt de regering geen onomkeerbare stappen te zetten totdat de Kamer het advies heeft besproken",
     "standstill", None),
    ("spreekt uit dat de gaswinning moet stoppen", "statement", None),
    ("verzoekt het Presidium voorstellen te doen over een onderzoek", "not_addressed", None),
]


@pytest.mark.parametrize(("text", "kind", "polarity"), KINDS)
def test_request_kind_of_constructed_dicta(text: str, kind: str, polarity: str | None) -> None:
    c = draft(text).clauses[0]
    assert c.kind == kind, (c.kind, c.kind_words)
    assert c.kind_words and (c.kind_words.lower() in text.lower() or "…" in c.kind_words)
    if polarity:
        assert c.polarity == polarity
    if kind in ("statement", "not_addressed"):
        assert c.rule is None  # asks nothing of the government: no rule


def test_deadlines_periods_and_events_name_their_words() -> None:
    c = draft("verzoekt de regering vóór 1 januari 2020 een wetsvoorstel in te dienen").clauses[0]
    assert c.time is not None and c.time.value == {"date": "2019-12-31"}
    assert c.time.words == "vóór 1 januari 2020"
    assert c.rule is not None and c.rule["deadline"]["by"] == {"date": "2019-12-31"}
    c = draft("verzoekt de regering de Kamer binnen zes weken te informeren over de gevolgen").clauses[0]
    assert c.time is not None and c.time.value == {"after": "adoption", "within": {"weeks": 6}}
    c = draft("verzoekt de regering halfjaarlijks aan de Kamer te rapporteren over de voortgang").clauses[0]
    assert c.rule is not None and c.rule["recurring"]["every"] == {"months": 6}
    assert c.time is not None and c.time.confirmed
    c = draft("verzoekt de regering de Kamer met regelmaat te informeren over de gesprekken").clauses[0]
    assert c.kind == "recurring" and c.time is not None and not c.time.confirmed  # a proposal, flagged
    assert any("no period" in t for t in c.todos)
    c = draft("verzoekt de regering op zo kort mogelijke termijn de winning te beperken tot 12 miljard m3",
              GAS).clauses[0]
    assert c.rule is not None and "deadline" not in c.rule  # vague timing is never a deadline
    assert any("no testable deadline" in t for t in c.todos)


def test_one_request_with_a_second_verb_to_inform_the_house_is_two_clauses() -> None:
    parts = split_clauses("verzoekt de regering om de mogelijkheden te onderzoeken en de Kamer hierover "
                          "voor de zomer te informeren,\n\nspreekt uit dat dit dringend is")
    assert len(parts) == 3
    d = draft("verzoekt de regering om de mogelijkheden te onderzoeken en de Kamer hierover voor de "
              "zomer te informeren")
    assert [c.kind for c in d.clauses] == ["result", "inform"]
    assert d.clauses[1].time is not None and d.clauses[1].time.value == {"date": "2024-06-30"}
    assert not d.clauses[1].time.confirmed


def test_numbers_name_a_number_fact_or_propose_one() -> None:
    c = draft("verzoekt de regering een besluit te nemen voor maximaal 9 miljard m3 en voor maximaal "
              "2 jaar", GAS).clauses[0]
    uses = {(f.fact, f.op, f.value) for f in c.facts}
    assert ("production_level_bcm", "le", 9) in uses
    years = [e for e in c.new_entries if e.type == "number"]
    assert years and "maximaal 2 jaar" in years[0].words


def test_missing_facts_are_proposed_never_added(tmp_path: Path) -> None:
    before = hashlib.sha256((ROOT / "rules/groningen-gas/dossier.yaml").read_bytes()).hexdigest()
    d = draft("verzoekt de regering met de gemeenten een plan voor warmtenetten op te stellen", GAS)
    d = finish(d, ROOT, GAS.model)
    assert d.new_entries and d.new_entries[0].type == "bool"
    assert any("accept the proposed new entries" in b for b in d.blockers)
    assert d.rule_text is not None and d.tests_text is not None
    # the drafted files load and their tests pass once the entries are accepted (in a copy)
    assert not [b for b in d.blockers if "accept" not in b], d.blockers
    after = hashlib.sha256((ROOT / "rules/groningen-gas/dossier.yaml").read_bytes()).hexdigest()
    assert before == after


def test_bundled_standstill_is_drafted_as_the_hand_written_rule() -> None:
    record = yaml.safe_load((ROOT / "motions/26643-1047.yaml").read_text(encoding="utf-8"))
    d = draft_from_record(record, CSAM.model, "csam-regulation",
                          events=timeline_events(WS, "csam-regulation"))
    d = finish(d, ROOT, CSAM.model)
    hand = yaml.safe_load((ROOT / "rules/csam-regulation/26643-1047.yaml").read_text(encoding="utf-8"))
    want = hand["interpretations"][0]["clauses"][0]["standstill"]
    got = d.clauses[0].rule
    assert got is not None and got["standstill"]["until"] == want["until"]
    assert sorted(got["standstill"]["steps"]) == sorted(want["steps"])
    assert d.blockers == []  # loads through the loader, its drafted tests pass


def test_unclaimed_negation_leaves_a_todo_not_a_guess() -> None:
    c = draft("verzoekt de regering te zorgen dat er geen voorstel met detectiebevelen komt").clauses[0]
    assert c.rule is None or "text_detection_orders" not in str(c.rule)
    assert any("negation" in t for t in c.todos)


# --- inversion properties --------------------------------------------------------------------

# object phrases with their meaning on the CSAM vocabulary (fact, value)
OBJECTS = [
    ("een voorstel met detectiebevelen", ("text_detection_orders", True)),
    ("een voorstel zonder detectiebevelen", ("text_detection_orders", False)),
    ("een voorstel dat detectie op end-to-end versleutelde diensten toestaat",
     ("text_covers_e2ee_services", True)),
    ("een voorstel met verplichte leeftijdsverificatie", ("text_age_verification", "mandatory")),
]
EXCEPTIONS = [
    ("client-side scanning is uitgesloten", ("text_client_side_scanning", "excluded")),
    ("het voorstel end-to-end versleuteling niet mag verzwakken", ("text_protects_e2ee", True)),
]
VOTES = ["for", "against", "abstain"]
PARSE_DOC = Document("drafted.yaml", {}, value_locs={(): (1, 1)})


def judge(rule: dict[str, Any], facts: dict[str, Any]) -> str:
    def t(key: str, default: Truth) -> Truth:
        if key not in rule:
            return default
        errors: list[Any] = []
        cond = ConditionParser(CSAM.model, PARSE_DOC, errors).parse(rule[key], (key,))
        assert cond is not None, errors
        return truth(cond, facts, CSAM.concepts)

    conflicts = t("conflicts_when", UNKNOWN)
    complies = t("complies_when", UNKNOWN)
    return decide(t("applies_when", TRUE), conflicts, complies)


def value_of(fact: str) -> st.SearchStrategy[Any]:
    f = CSAM.model.facts[fact]
    if f.type == "bool":
        return st.booleans()
    return st.sampled_from(sorted(f.values or {}))


def holds(spec: tuple[str, Any], facts: dict[str, Any]) -> bool | None:
    fact, value = spec
    return None if fact not in facts else facts[fact] == value


@st.composite
def vote_cases(draw: st.DrawFn) -> tuple[str, str, dict[str, Any]]:
    """A constructed vote dictum, its meaning as a judge, and a world (facts, some left out)."""
    obj_text, obj = draw(st.sampled_from(OBJECTS))
    form = draw(st.sampled_from(["niet", "imperative", "steun_geen", "uitsluitend", "tenzij", "zolang"]))
    exc_text, exc = draw(st.sampled_from(EXCEPTIONS))
    text = {
        "niet": f"verzoekt de regering niet in te stemmen met {obj_text}",
        "imperative": f"Stem niet in met {obj_text}.",
        "steun_geen": f"verzoekt de regering geen steun te geven aan {obj_text}",
        "uitsluitend": f"verzoekt de regering uitsluitend in te stemmen met {obj_text}",
        "tenzij": f"verzoekt de regering niet in te stemmen met {obj_text}, tenzij {exc_text}",
        "zolang": f"verzoekt de regering niet in te stemmen met {obj_text} zolang {exc_text}",
    }[form]
    facts: dict[str, Any] = {}
    for fact in {"cabinet_vote_intention", obj[0], exc[0]}:
        if draw(st.booleans()) or fact == "cabinet_vote_intention":
            facts[fact] = draw(st.sampled_from(VOTES)) if fact == "cabinet_vote_intention" else \
                draw(value_of(fact))
    return form, text, {"facts": facts, "obj": obj, "exc": exc}


def meaning(form: str, w: dict[str, Any]) -> str | None:
    """'forbidden' / 'fine' / None (unknown) — what the dictum says of this world."""
    facts = w["facts"]
    supports = facts["cabinet_vote_intention"] == "for"
    o, e = holds(w["obj"], facts), holds(w["exc"], facts)
    if not supports:
        return "fine"
    if form == "uitsluitend":  # only a text as named may be supported
        return None if o is None else ("fine" if o else "forbidden")
    if o is False:
        return "fine"
    if form == "tenzij":
        if e is True:
            return "fine"
        return None if o is None or e is None else "forbidden"
    if form == "zolang":
        if e is False:
            return "fine"
        return None if o is None or e is None else "forbidden"
    return None if o is None else "forbidden"


@settings(max_examples=300, deadline=None)
@given(vote_cases())
def test_a_drafted_vote_rule_never_inverts_the_dictum(case: tuple[str, str, dict[str, Any]]) -> None:
    form, text, world = case
    c = draft(text).clauses[0]
    assert c.kind == "vote"
    if c.rule is None:
        return  # not drafted (a TODO) is never an inversion
    got = judge(c.rule, world["facts"])
    want = meaning(form, world)
    if want == "forbidden":
        assert got != "complies", (text, world, c.rule)
    if want == "fine":
        assert got != "conflicts", (text, world, c.rule)


RESULT_OBJECTS = [
    ("te zorgen dat de verordening geen detectiebevelen bevat", ("text_detection_orders", False)),
    ("zich in te zetten voor een verordening zonder detectiebevelen", ("text_detection_orders", False)),
    ("te zorgen dat de verordening detectiebevelen bevat", ("text_detection_orders", True)),
    ("te zorgen dat er geen voorstel met detectiebevelen komt", ("text_detection_orders", False)),
    ("te voorkomen dat de verordening detectiebevelen bevat", ("text_detection_orders", False)),
]


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(RESULT_OBJECTS), st.sampled_from([True, False, None]))
def test_a_drafted_result_rule_never_inverts_the_dictum(obj: tuple[str, tuple[str, Any]],
                                                         value: bool | None) -> None:
    text, (fact, asked) = obj
    c = draft(f"verzoekt de regering {text}").clauses[0]
    facts = {} if value is None else {fact: value}
    rules = [r for r in (c.rule, c.alt_rule) if r is not None]
    for rule in rules:
        if fact not in str(rule):
            continue
        got = judge(rule, facts)
        if value is not None and value != asked:
            assert got != "complies", (text, facts, rule)
        if value is not None and value == asked:
            assert got != "conflicts", (text, facts, rule)


def test_judge_sees_both_verdicts() -> None:
    # the property above can fail: a rule from the grammar does give both verdicts
    c = draft("verzoekt de regering niet in te stemmen met een voorstel met detectiebevelen").clauses[0]
    assert c.rule is not None
    assert judge(c.rule, {"cabinet_vote_intention": "for", "text_detection_orders": True}) == "conflicts"
    assert judge(c.rule, {"cabinet_vote_intention": "against"}) == "complies"
    assert judge(c.rule, {"text_detection_orders": True}) == "undetermined"
    assert FALSE is not TRUE


@pytest.mark.slow
def test_drafts_of_the_bundled_motions_never_turn_a_verdict_around_unflagged() -> None:
    """Must show 2: every bundled motion, its rule set aside, drafted and confirmed as
    proposed. Where the draft and the hand-written rule disagree in direction (complies vs
    conflicts), the draft must have flagged that clause for the adviser (a TODO)."""
    from compliance.authoring.draft_rule_compare import compare

    rows = compare(ROOT)
    assert rows and all(r.drafted for r in rows), [(r.motion, r.blockers) for r in rows]
    assert sum(r.same for r in rows) > sum(len(r.differ) for r in rows)
    for r in rows:
        for position, clause, hand, drafted in r.differ:
            if {hand, drafted} == {"complies", "conflicts"}:
                assert r.todos.get(clause), (r.motion, position, clause, hand, drafted)
    standstill = next(r for r in rows if r.motion == "26643-1047")
    assert standstill.differ == [] and standstill.same > 0


def test_subjects_come_from_the_facts_read_and_the_words_when_the_dossier_has_them() -> None:
    from types import SimpleNamespace

    from compliance.authoring.draft_rule import _subjects

    class Name:
        def __init__(self, nl: str) -> None:
            self.nl = nl

    vocab = SimpleNamespace(
        subjects={"encryption": Name("versleuteling"), "age_checks": Name("leeftijdsverificatie"),
                  "fisheries": Name("visserij")},
        facts={"text_detection_orders": SimpleNamespace(subjects=["encryption"])})
    c = draft("verzoekt de regering niet in te stemmen met een voorstel met detectiebevelen en "
              "verplichte leeftijdsverificatie").clauses[0]
    got = dict(_subjects(c, vocab))
    assert set(got) == {"encryption", "age_checks"}  # one by its fact, one by its words
    assert got["encryption"] == "detectiebevelen"
    # without a vocabulary (hence no subjects): the clause's own long words, never invented ids
    bare = draft("verzoekt de regering niet in te stemmen met een voorstel met detectiebevelen en "
                 "verplichte leeftijdsverificatie", None).clauses[0]
    assert bare.subjects and all(s == w for s, w in bare.subjects)
    # with the dossier's subjects: only its own ids
    assert {s for s, _ in c.subjects} <= set(CSAM.model.subjects)


# --- the structure of a whole dictum (constructed, our own words) ----------------------------

STRUCTURE = [
    # preamble dropped; a statement and a request in one sentence are two clauses
    ("De Kamer, gehoord de beraadslaging, constaterende dat de bodem blijft bewegen; overwegende dat "
     "bewoners lang wachten, spreekt uit dat het wachten moet stoppen, en verzoekt de regering een "
     "vaste termijn voor de afhandeling vast te leggen, en gaat over tot de orde van de dag.",
     ["statement", "result"]),
    ("spreekt uit dat de winning een aflopende zaak is en verzoekt de regering de winning jaarlijks te "
     "verlagen", ["statement", "result"]),
    # several infinitive requests under one 'verzoekt': one clause each
    ("verzoekt de regering de gevolgen te onderzoeken en de Kamer hierover voor de zomer te informeren",
     ["result", "inform"]),
    ("roept de regering op om de procedures te vereenvoudigen, een loket te openen en halfjaarlijks aan "
     "de Kamer te rapporteren over de voortgang", ["result", "result", "recurring"]),
    ("verzoekt het kabinet zich in Europees verband in te zetten voor open standaarden en de Kamer "
     "binnen drie maanden te informeren", ["effort", "inform"]),
    # an infinitive with its purpose is one request; so is one verb with two objects
    ("verzoekt de regering alles op alles te zetten om de schade te beperken", ["effort"]),
    ("verzoekt de regering de gemeenten en de provincies te betrekken bij het plan", ["result"]),
    # lists
    ("verzoekt de regering:\n- een onafhankelijke commissie in te stellen;\n- de bewoners te horen; en\n"
     "- jaarlijks aan de Kamer te rapporteren over de uitkomsten", ["result", "result", "recurring"]),
    ("verzoekt de regering:\n1. de regeling te verlengen;\n2. geen onomkeerbare stappen te zetten "
     "totdat de evaluatie is besproken", ["result", "standstill"]),
    ("verzoekt de regering: 1) een register op te zetten; 2) de toezichthouder te versterken; en 3) "
     "jaarlijks aan de Kamer te rapporteren", ["result", "result", "recurring"]),
    # an 'en' inside an open subordinate clause joins its parts, not two requests ...
    ("verzoekt de regering een overleg te beginnen waarbij gemeenten en bewoners kunnen meepraten en "
     "zelf voorstellen kunnen doen en daarvoor ruimte te bieden", ["result"]),
    # ... unless what follows is to inform the House
    ("verzoekt de regering te onderzoeken of een fonds haalbaar is en de Kamer hierover te informeren",
     ["result", "inform"]),
    # the other branch of a condition is not a request of its own
    ("verzoekt de regering in te stemmen met het voorstel, mits het geen detectiebevelen bevat, en anders "
     "tegen te stemmen", ["vote"]),
    # who is asked
    ("verzoekt de minister van Justitie en Veiligheid een wetsvoorstel in te dienen", ["result"]),
    ("dringt er bij de regering op aan de uitvoering te versnellen", ["result"]),
    ("verzoekt het Presidium een parlementaire enquête voor te bereiden", ["not_addressed"]),
    ("verzoekt de Griffie een overzicht van de toezeggingen bij te houden", ["not_addressed"]),
    ("verzoekt de Kamer zelf een rondetafelgesprek te organiseren", ["not_addressed"]),
    ("spreekt uit dat het kabinet de winning moet beëindigen en de Kamer moet informeren", ["statement"]),
    # a statement and a request to someone else: nothing asked of the government
    ("spreekt uit dat een enquête nodig is, en verzoekt het Presidium deze voor te bereiden",
     ["statement", "not_addressed"]),
]


@pytest.mark.parametrize(("dictum", "kinds"), STRUCTURE)
def test_a_dictum_is_split_into_its_requests_each_with_its_kind(dictum: str, kinds: list[str]) -> None:
    d = draft(dictum, GAS)
    assert [c.kind for c in d.clauses] == kinds, [(c.kind, c.text) for c in d.clauses]
    for c in d.clauses:
        assert (c.rule is None) == (c.kind in ("statement", "not_addressed"))
        assert not re.match(r"(?i)de kamer,|gehoord|constaterende|overwegende", c.text)
        assert "orde van de dag" not in c.text


TIMES = [
    # (words in the dictum, motion date, time kind, value, confirmed, todo fragment)
    ("voor 1 juli 2025", "2025-02-01", "date", {"date": "2025-06-30"}, True, None),
    ("binnen drie maanden", "2025-02-01", "within", {"after": "adoption", "within": {"months": 3}}, True,
     None),
    ("voor het eind van het jaar", "2025-02-01", "date", {"date": "2025-12-31"}, True, None),
    ("uiterlijk in 2026", "2025-02-01", "date", {"date": "2026-12-31"}, True, None),
    ("vóór 2027", "2025-02-01", "date", {"date": "2026-12-31"}, True, None),
    ("voor het einde van dit jaar", "2023-10-05", "date", {"date": "2023-12-31"}, True, None),
    ("voor de zomer", "2025-02-01", "date", {"date": "2025-06-30"}, False, "confirm"),
    ("voor de zomer", "2025-09-15", "date", {"date": "2026-06-30"}, False, "confirm"),
    ("in het najaar", "2025-02-01", "date", {"date": "2025-12-21"}, False, "confirm"),
    ("op zo kort mogelijke termijn", "2025-02-01", "vague", None, False, "no testable deadline"),
    ("zo spoedig mogelijk", "2025-02-01", "vague", None, False, "no testable deadline"),
    ("nu", "2025-02-01", "vague", None, False, "no testable deadline"),
    ("met regelmaat", "2025-02-01", "vague", None, False, "no testable deadline"),
]


@pytest.mark.parametrize(("words", "date", "kind", "value", "confirmed", "todo"), TIMES)
def test_timing_words_become_a_deadline_or_a_flag_for_the_adviser(
        words: str, date: str, kind: str, value: Any, confirmed: bool, todo: str | None) -> None:
    c = draft(f"verzoekt de regering {words} een herstelplan op te stellen", GAS, date).clauses[0]
    assert c.kind == "result" and c.time is not None
    assert (c.time.kind, c.time.value, c.time.confirmed) == (kind, value, confirmed)
    assert c.time.words.lower() == words
    assert c.rule is not None and (("deadline" in c.rule) == (kind != "vague"))  # vague is never a deadline
    if todo:
        assert any(todo in t and words in t for t in c.todos), c.todos


# a small grammar of requests whose words we know: the splitter must hand each back exactly once
_ADDRESSEES = ["verzoekt de regering", "verzoekt het kabinet", "roept de regering op om",
               "verzoekt de minister van Economische Zaken"]
_OBJECTS = ["een plan", "de regeling", "de bewoners", "een loket", "het toezicht", "de schade"]
_VERBS = ["op te stellen", "te verlengen", "te compenseren", "te openen", "te versterken", "te herstellen"]
_STATEMENTS = ["spreekt uit dat de regering de winning moet stoppen en de schade moet herstellen",
               "spreekt uit dat het kabinet een plan te maken heeft en de Kamer te informeren heeft",
               "spreekt als haar mening uit dat de bewoners voorop staan"]


@st.composite
def _dicta(draw: Any) -> tuple[str, list[str], list[str]]:
    acts = draw(st.lists(st.tuples(st.sampled_from(_OBJECTS), st.sampled_from(_VERBS)), min_size=1,
                         max_size=4))
    bodies = [f"{o} {v}" for o, v in acts]
    how = draw(st.sampled_from(["en", "comma", "list"]))
    who = draw(st.sampled_from(_ADDRESSEES))
    if how == "list":
        request = who.removesuffix(" om") + ":\n" + "\n".join(f"- {b};" for b in bodies)
    elif how == "comma" and len(bodies) > 1:
        request = f"{who} {', '.join(bodies[:-1])} en {bodies[-1]}"
    else:
        request = f"{who} {' en '.join(bodies)}"
    statements = draw(st.lists(st.sampled_from(_STATEMENTS), max_size=1))
    glue = draw(st.sampled_from([",\n", ", en ", "\n\n", "; "]))
    dictum = glue.join([*statements, request]) if statements else request
    return dictum, bodies, statements


@settings(max_examples=150, deadline=None)
@given(_dicta())
def test_splitting_never_loses_or_duplicates_a_request_nor_makes_a_statement_a_duty(
        case: tuple[str, list[str], list[str]]) -> None:
    dictum, bodies, statements = case
    parts = split_clauses(dictum)
    requests = [p for p in parts if not p.startswith("spreekt")]
    # every request comes back once, whole, under its addressee
    assert len(requests) == len(bodies), parts
    for body, part in zip(bodies, requests, strict=True):
        assert part.endswith(body), (part, body)
        assert re.match(r"(verzoekt|roept)", part)
    # a statement stays one clause, whatever infinitives it holds, and asks nothing
    said = [p for p in parts if p.startswith("spreekt")]
    assert said == statements
    d = draft_dictum(dictum, GAS.model, "provisional-constructed-2", "groningen-gas",
                     motion_date="2025-01-01")
    for c in d.clauses:
        if c.text.startswith("spreekt"):
            assert c.kind == "statement" and c.rule is None
        else:
            assert c.kind != "statement" and c.rule is not None


# --- round 3: requests bound to a condition, constructions MPs use (constructed dicta) --------

def kleene(cond: dict[str, Any], world: dict[str, Any], concepts: Any = None) -> bool | None:
    """A small three-valued reading of a drafted condition over a world that also says which
    events happened ({event: E, happened: true}); the engine's own judge cannot parse events
    the draft only proposes."""
    if "all" in cond:
        vals = [kleene(c, world) for c in cond["all"]]
        return False if False in vals else None if None in vals else True
    if "any" in cond:
        vals = [kleene(c, world) for c in cond["any"]]
        return True if True in vals else None if None in vals else False
    if "not" in cond:
        v = kleene(cond["not"], world)
        return None if v is None else not v
    if "concept" in cond:
        assert cond["concept"] == "cabinet_supports_text"
        vote = world.get("cabinet_vote_intention")
        return None if vote is None else vote == "for"
    if "event" in cond:
        v = world.get(f"event:{cond['event']}")
        return None if v is None else v == cond.get("happened", True)
    fact = cond["fact"]
    if fact not in world:
        return None
    if "equals" in cond:
        return bool(world[fact] == cond["equals"])
    if "contains" in cond:
        return cond["contains"] in world[fact]
    if "one_of" in cond:
        return world[fact] in cond["one_of"]
    raise AssertionError(cond)


def verdict(rule: dict[str, Any], world: dict[str, Any]) -> str:
    applies = kleene(rule["applies_when"], world) if "applies_when" in rule else True
    if applies is False:
        return "not_applicable"
    conflicts = kleene(rule["conflicts_when"], world) if "conflicts_when" in rule else None
    complies = kleene(rule["complies_when"], world) if "complies_when" in rule else None
    if applies is None:
        return "undetermined"
    return "conflicts" if conflicts else "complies" if complies else "undetermined"


STATES = [  # a state of the text, a fact of the vocabulary, as the condition of a vote
    ("client-side scanning is uitgesloten", ("text_client_side_scanning", "excluded")),
    ("de tekst end-to-end versleuteling uitdrukkelijk beschermt", ("text_protects_e2ee", True)),
]


@st.composite
def gated_votes(draw: st.DrawFn) -> tuple[str, str, dict[str, Any], tuple[str, Any], tuple[str, Any]]:
    obj_text, obj = draw(st.sampled_from(OBJECTS))
    cond_text, cond = draw(st.sampled_from(STATES))
    form = draw(st.sampled_from(["pas_als", "alleen_als", "onthouden_zolang", "onthouden_tenzij",
                                 "zolang_eerst", "niet_tenzij_eerst"]))
    text = {
        "pas_als": f"verzoekt de regering pas in te stemmen met {obj_text} als {cond_text}",
        "alleen_als": f"verzoekt de regering alleen in te stemmen met {obj_text} als {cond_text}",
        "onthouden_zolang": f"verzoekt de regering zich te onthouden van steun aan {obj_text} zolang "
                            f"{cond_text}",
        "onthouden_tenzij": f"verzoekt de regering zich te onthouden van steun aan {obj_text}, tenzij "
                            f"{cond_text}",
        "zolang_eerst": f"verzoekt de regering, zolang {cond_text}, niet in te stemmen met {obj_text}",
        "niet_tenzij_eerst": f"verzoekt de regering, tenzij {cond_text}, geen steun te geven aan {obj_text}",
    }[form]
    world: dict[str, Any] = {"cabinet_vote_intention": draw(st.sampled_from(VOTES))}
    for fact, _ in (obj, cond):
        if draw(st.booleans()):
            world[fact] = draw(value_of(fact))
    return form, text, world, obj, cond


def gated_meaning(form: str, world: dict[str, Any], obj: tuple[str, Any],
                  cond: tuple[str, Any]) -> str | None:
    supports = world["cabinet_vote_intention"] == "for"
    o, k = holds(obj, world), holds(cond, world)
    if not supports:
        return "fine"
    if form in ("pas_als", "alleen_als"):  # support for such a text only once the condition holds
        if o is False or k is True:
            return "fine"
        return None if o is None or k is None else "forbidden"
    if form in ("onthouden_zolang", "zolang_eerst"):  # no support while the condition holds
        if o is False or k is False:
            return "fine"
        return None if o is None or k is None else "forbidden"
    # tenzij: no support unless the condition holds
    if o is False or k is True:
        return "fine"
    return None if o is None or k is None else "forbidden"


@settings(max_examples=300, deadline=None)
@given(gated_votes())
def test_a_vote_bound_to_a_condition_never_inverts(case: tuple[str, str, dict[str, Any], Any, Any]) -> None:
    """'pas / alleen ... als', 'zich te onthouden van steun ... zolang / tenzij', the condition
    before the act: the drafted rule never calls compliant what the dictum forbids, nor
    conflicting what it allows, and it reads the condition (it is never dropped)."""
    form, text, world, obj, cond = case
    c = draft(text).clauses[0]
    assert c.kind == "vote", (text, c.kind)
    assert c.rule is not None, (text, c.todos)
    # the condition is read, never dropped: the vocabulary's fact, or a proposed one standing for it
    waits = [f for f in c.facts if f.role in ("gate", "while", "exception")]
    assert waits and all(f.fact in str(c.rule) for f in waits), (text, c.rule)
    k = holds(cond, world)
    for f in waits:
        if f.new and k is not None:
            world[f.fact] = f.value if k else not f.value
    got = verdict(c.rule, world)
    want = gated_meaning(form, world, obj, cond)
    if want == "forbidden":
        assert got != "complies", (text, world, c.rule)
    if want == "fine":
        assert got != "conflicts", (text, world, c.rule)


# results bound to a condition, in the groningen vocabulary: (dictum, the fact asked, its value)
GATED_ACTS = [
    ("geen nieuwe vergunningen voor gaswinning op land te verlenen op basis van oude SodM-adviezen",
     ("new_onshore_permits_on_old_advice", False)),
    ("de putten en productielocaties van het Groningenveld niet definitief af te sluiten of te ontmantelen",
     None),  # a negation no fact claims: read as a proposed fact, never as the vocabulary's
]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["totdat", "niet_eerder_dan", "pas_nadat", "zolang_geen", "tenzij"]),
       st.sampled_from([True, False, None]), st.sampled_from([True, False, None]))
def test_an_act_held_back_until_an_event_never_inverts(form: str, act_done: bool | None,
                                                        happened: bool | None) -> None:
    """'geen X totdat G', 'niet eerder dan nadat G X', 'pas nadat G X', 'zolang er geen G is, geen
    X', 'geen X, tenzij G': before G (or without it) X conflicts; after G, or without X, it does not."""
    g = "SodM een nieuw advies over de kleine velden heeft uitgebracht"
    act = "nieuwe vergunningen voor gaswinning op land op basis van oude SodM-adviezen te verlenen"
    text = {
        "totdat": f"verzoekt de regering geen {act} totdat {g}",
        "niet_eerder_dan": f"verzoekt de regering niet eerder {act} dan nadat {g}",
        "pas_nadat": f"verzoekt de regering pas {act} nadat {g}",
        "zolang_geen": f"verzoekt de regering, zolang er geen nieuw SodM-advies over de kleine velden is, "
                       f"geen {act}",
        "tenzij": f"verzoekt de regering geen {act}, tenzij {g}",
    }[form]
    c = draft(text, GAS).clauses[0]
    assert c.kind in ("standstill", "result"), (text, c.kind)
    assert c.rule is not None, (text, c.todos)
    waits = [f for f in c.facts if f.role in ("gate", "while", "exception")]
    assert waits, (text, c.facts)  # the condition is read, never dropped
    world: dict[str, Any] = {}
    if act_done is not None:
        world["new_onshore_permits_on_old_advice"] = act_done
    if happened is not None:
        for f in waits:
            if f.op == "event":
                world[f"event:{f.fact}"] = happened
            else:  # a proposed state: its value as the draft reads the words (negation carried)
                world[f.fact] = f.value if happened != (form == "zolang_geen") else not f.value
    got = verdict(c.rule, world)
    if act_done is True and happened is False:
        assert got != "complies", (text, world, c.rule)
    if act_done is False or happened is True:
        assert got != "conflicts", (text, world, c.rule)


def test_a_vote_held_back_until_an_event_is_a_standstill_on_the_named_step() -> None:
    for text in ("verzoekt de regering niet eerder in te stemmen met een algemene oriëntatie dan nadat de "
                 "Kamer daarover een debat heeft gevoerd",
                 "verzoekt de regering niet in te stemmen met een algemene oriëntatie totdat de Kamer "
                 "daarover een debat heeft gevoerd",
                 "verzoekt de regering, zolang er geen onafhankelijk onderzoek naar versleuteling is "
                 "gepubliceerd, niet in te stemmen met een algemene oriëntatie"):
        c = draft(text).clauses[0]
        assert c.kind == "standstill", (text, c.kind)
        assert c.rule is not None and c.rule["standstill"]["steps"] == ["general_approach"], c.rule
        assert c.rule["standstill"].get("when") == {"concept": "cabinet_supports_text"}
        ev = c.rule["standstill"]["until"]["all"]
        assert ev and all(any(e.name == x and e.kind == "event" for e in c.new_entries) for x in ev)
    # the condition is a state of the text, not a moment: it stays a vote with applies_when
    c = draft("verzoekt de regering zich te onthouden van steun aan elk compromis zolang daarin "
              "detectiebevelen zijn opgenomen").clauses[0]
    assert c.kind == "vote" and c.rule is not None
    assert c.rule["applies_when"] == {"fact": "text_detection_orders", "equals": True}


def test_a_step_the_dossier_lacks_is_proposed_and_the_draft_loads_once_accepted() -> None:
    d = draft("verzoekt de regering geen onomkeerbare stappen te zetten bij het slopen van de "
              "meetstations totdat de Kamer het advies heeft besproken", GAS)
    c = d.clauses[0]
    step = next(e for e in c.new_entries if e.kind == "step")
    assert c.rule is not None and c.rule["standstill"]["steps"] == [step.name]
    assert f"step_kinds:\n  {step.name}:" in new_entries_yaml(d)
    finish(d, ROOT, GAS.model)
    assert all("accept the proposed" in b for b in d.blockers), d.blockers  # loads, its tests pass


def test_a_vote_on_a_text_with_a_property_no_fact_names_proposes_it_rather_than_forbid_every_text(
        ) -> None:
    c = draft("verzoekt de regering niet in te stemmen met een tekst die meldplichten voor "
              "cloudopslag invoert").clauses[0]
    assert c.kind == "vote" and c.rule is not None
    prop = next(f for f in c.facts if f.role == "object")
    assert prop.new and prop.fact.startswith("text_")
    # supporting a text without that property is no conflict (the rule is not stricter than the motion)
    assert verdict(c.rule, {"cabinet_vote_intention": "for", prop.fact: False}) == "complies"
    assert verdict(c.rule, {"cabinet_vote_intention": "for", prop.fact: True}) == "conflicts"


def test_a_negation_in_the_gap_of_a_cue_is_never_read_as_the_cue_s_value() -> None:
    # the cue names the NAM as who reinforces; "niet langer" lies between its words: asking the
    # NAM to stop is not asking the NAM to do it — the fact leaves the conditions, a new one is proposed
    for text in ("verzoekt de regering de NAM niet langer te laten meebeslissen over versterking",
                 "verzoekt de regering de NAM niet langer te laten meebeslissen over de versterking"):
        c = draft(text, GAS).clauses[0]
        assert c.rule is not None and "reinforcement_executor" not in str(c.rule), (text, c.rule)
        assert any(f.role == "object" and f.new for f in c.facts)
        if any(f.fact == "reinforcement_executor" for f in c.facts):
            assert any("negation" in t for t in c.todos)


def test_an_effort_toward_an_outcome_proposes_the_outcome_as_evidence_not_as_the_test() -> None:
    c = draft("verzoekt de regering alles op alles te zetten om samen met andere lidstaten een "
              "meerderheid tegen het voorstel te vormen").clauses[0]
    assert c.kind == "effort" and c.rule is not None
    aim = next(e for e in c.new_entries if e.name.endswith("_achieved"))
    assert aim.name not in str(c.rule)  # evidence for the adviser, not a condition
    assert any(f.fact == aim.name and f.role == "context" for f in c.facts)


def test_not_before_a_date_waits_for_that_day() -> None:
    c = draft("verzoekt de regering niet eerder dan 1 januari 2027 een besluit te nemen over het "
              "sluiten van de loketten", GAS).clauses[0]
    assert c.kind == "standstill" and c.gate == "precondition"
    gate = [f for f in c.facts if f.role == "gate"]
    assert [(f.fact, f.op) for f in gate] == [("date_2027_01_01_reached", "event")]
    assert c.rule is not None and "date_2027_01_01_reached" in str(c.rule["conflicts_when"])


def test_a_condition_no_fact_names_is_proposed_never_dropped() -> None:
    c = draft("verzoekt de regering de winning uit het Groningenveld niet te hervatten, tenzij de "
              "leveringszekerheid in gevaar komt", GAS).clauses[0]
    exc = [f for f in c.facts if f.role == "exception"]
    assert exc and exc[0].new and any(e.name == exc[0].fact and e.type == "bool" for e in c.new_entries)
    assert c.rule is not None and c.rule["applies_when"] == {"not": exc[0].atom()}


ROUND3_STRUCTURE = [
    # lists lettered "a.", a comma closing a subordinate clause before the next request
    ("verzoekt de regering:\na. een loket te openen;\nb. de vergoeding te verhogen naar 7.500 euro;\n"
     "c. niet langer te procederen tegen bewoners", ["result", "result", "result"]),
    ("verzoekt de regering ervoor te zorgen dat de schade vóór 1 juli 2026 is hersteld, en de NAM niet "
     "langer bij de afhandeling te betrekken", ["result", "result"]),
    ("verzoekt de regering te bevorderen dat gemeenten meer sociale huurwoningen bouwen, en daartoe binnen "
     "drie maanden een wetsvoorstel in consultatie te brengen", ["effort", "result"]),
    # what can be done, a letter, a minister by title, an effort against a practice
    ("roept de regering op bij de versterking waar mogelijk meteen te isoleren", ["effort"]),
    ("verzoekt de minister van Klimaat en Groene Groei een brief aan de Kamer te sturen over de planning",
     ["inform"]),
    ("verzoekt de regering zich te verzetten tegen elke vorm van massasurveillance", ["effort"]),
    ("verzoekt de regering zich in de Raad te verzetten tegen elk voorstel met detectiebevelen", ["vote"]),
    ("verzoekt de regering reservisten niet in te zetten bij missies buiten het bondgenootschap, tenzij zij "
     "zich vrijwillig hebben aangemeld", ["result"]),
    ("verzoekt de regering zolang er geen nieuw advies is, geen nieuwe boringen toe te staan",
     ["standstill"]),
    ("verzoekt de regering de Kamer voorafgaand aan elke Raad te informeren over de inzet", ["recurring"]),
    ("verzoekt de regering de Kamer twee keer per jaar te informeren over de voortgang", ["recurring"]),
    ("is van oordeel dat de uitvoering tekortschiet", ["statement"]),
    ("verzoekt de regering te onderzoeken hoe de regeling eenvoudiger kan en de uitkomsten voor de "
     "begrotingsbehandeling naar de Kamer te sturen", ["result", "inform"]),
    ("verzoekt de regering:\n1. de adviezen vóór 1 januari 2027 uit te voeren;\n2. de Kamer jaarlijks te "
     "informeren", ["result", "recurring"]),
    # an 'en' joining two objects is no split; the comma before the next infinitive is
    ("verzoekt de regering geen onomkeerbare stappen te zetten bij het sluiten van loketten en "
     "steunpunten totdat de evaluatie is besproken, en tot dat moment de noodopvang open te houden",
     ["standstill", "result"]),
]


def test_considerations_alone_ask_nothing() -> None:
    assert split_clauses("De Kamer, gehoord de beraadslaging, constaterende dat de schade groeit;") == []
    assert len(split_clauses("De Kamer, gehoord de beraadslaging verzoekt de regering een plan op te "
                             "stellen")) == 1


@pytest.mark.parametrize(("dictum", "kinds"), ROUND3_STRUCTURE)
def test_constructions_of_round_three_get_their_clauses_and_kinds(dictum: str, kinds: list[str]) -> None:
    d = draft(dictum, GAS)
    assert [c.kind for c in d.clauses] == kinds, [(c.kind, c.text) for c in d.clauses]


def test_numbers_read_dutch_thousands_and_a_target_after_a_verb_of_raising() -> None:
    c = draft("verzoekt de regering het vaste bedrag voor schade dat bewoners kunnen aanvragen te verhogen "
              "naar 7.500 euro", GAS).clauses[0]
    num = [f for f in c.facts if f.how == "number"]
    assert [(f.fact, f.op, f.value) for f in num] == [("fixed_damage_payment_eur", "ge", 7500)]
    # without a verb that says which way, a bare "naar N" is no bound
    c = draft("verzoekt de regering het bedrag te wijzigen naar 7.500 euro", GAS).clauses[0]
    assert not [f for f in c.facts if f.how == "number"]


def test_a_quantity_no_number_fact_names_is_proposed_as_a_number_fact() -> None:
    c = draft("verzoekt de regering ervoor te zorgen dat het aantal handhavers vóór 1 juli 2026 is "
              "verdubbeld", None).clauses[0]
    entry = next(e for e in c.new_entries if e.kind == "fact")
    assert (entry.name, entry.type) == ("handhaver_count", "number")
    assert any(f.fact == entry.name and f.role == "context" for f in c.facts)  # the bound is the adviser's
    assert c.rule is not None and "deadline" in c.rule


def test_facts_named_in_other_words_are_named_and_values_never_guessed() -> None:
    c = draft("verzoekt de regering de uitvoering van de versterking volledig bij de Nationaal Coördinator "
              "Groningen te leggen", GAS).clauses[0]
    named = {f.fact: f for f in c.facts}
    executor = named["reinforcement_executor"]
    assert executor.value == "ncg"
    if executor.how == "cue":  # the dossier's cues say it: a reading, and a condition on it
        assert c.rule is not None and c.rule["complies_when"] == {"fact": "reinforcement_executor",
                                                                  "equals": "ncg"}
    else:  # found by its description only: named for the adviser, not a condition by guess
        assert executor.role == "context" and "reinforcement_executor" not in str(c.rule)
    # a value word no cue holds is never made a condition by its description alone
    c = draft("verzoekt de regering de uitvoering van de versterking volledig bij een nieuwe publieke "
              "dienst te leggen", GAS).clauses[0]
    assert "reinforcement_executor" not in str(c.rule)
    # what "zulke verplichtingen" refers to is read in the considerations
    d = draft("De Kamer, gehoord de beraadslaging, constaterende dat het compromis aanbieders van "
              "chatdiensten verplicht berichten te doorzoeken met detectiebevelen; verzoekt de regering "
              "niet in te stemmen met een tekst met zulke verplichtingen, "
              "en gaat over tot de orde van de dag.")
    c = d.clauses[0]
    assert any(f.fact == "text_detection_orders" for f in c.facts), c.facts
    assert any("considerations" in t for t in c.todos)


# a metamorphic property: a request and its negation never ask the same thing
_ACTS = [
    "de winning uit het Groningenveld te beëindigen",
    "de putten en productielocaties van het Groningenveld te ontmantelen",
    "de NAM te laten meebeslissen over de versterking",
    "nieuwe boringen bij kleine gasvelden op land toe te staan",
    "de mogelijkheid open te houden om de winning uit het Groningenveld te hervatten",
    "de juridische strijd met gedupeerden over schadeclaims te stoppen",
    "de versterking door de Nationaal Coördinator Groningen te laten uitvoeren",
    "nieuwe vergunningen voor gaswinning op land te verlenen op basis van oude adviezen",
    "de gaswinning bij Warffum voort te zetten",
    "schade zonder onderzoek naar de oorzaak te herstellen",
]


def _negate(act: str, how: str) -> str:
    m = re.search(r"\b(?:(?:toe|open|af|uit|in|op|aan|mee|voort)\s+)?te\s+\w+", act)
    assert m is not None
    return act[:m.start()] + f"{how} " + act[m.start():]


def _asked(c: Any) -> set[tuple[str, str, str]]:
    """What a drafted result rule asks of the vocabulary's facts: the atoms its complies_when
    requires (a new fact proposed for the clause asks nothing of the vocabulary)."""
    rule = c.rule or {}
    out: set[tuple[str, str, str]] = set()

    def walk(node: Any, sign: bool) -> None:
        if isinstance(node, dict):
            if "not" in node:
                walk(node["not"], not sign)
            elif "fact" in node and node["fact"] in GAS.model.facts:
                op = next(k for k in node if k != "fact")
                out.add((node["fact"], f"{op}={node[op]!r}", "+" if sign else "-"))
            else:
                for v in node.values():
                    walk(v, sign)
        elif isinstance(node, list):
            for v in node:
                walk(v, sign)

    walk(rule.get("complies_when"), True)
    return out


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(_ACTS), st.sampled_from(["niet", "niet langer", "niet meer"]),
       st.sampled_from(["verzoekt de regering", "roept de regering op", "verzoekt de minister van Klimaat en "
                        "Groene Groei"]))
def test_a_request_and_its_negation_never_ask_the_same(act: str, neg: str, who: str) -> None:
    yes = draft(f"{who} {act}", GAS).clauses[0]
    no = draft(f"{who} {_negate(act, neg)}", GAS).clauses[0]
    both = _asked(yes) & _asked(no)
    assert not both, (act, neg, yes.rule, no.rule)


# --- round 4: a fact forbidden by a verb, a noun or an idiom rather than by "niet" ------------

# a cue that itself says stop, end, close or forbid ("stoppen met de juridische strijd",
# "onomkeerbaar", which with "te sluiten" is the cue "onomkeerbare sluiting") means what it says
# under any frame; the probes name a fact by a cue that does not
_NEG_WORDS = {"niet", "geen", "nooit", "zonder", "noch", "stoppen", "stopt", "gestopt", "beeindigen",
              "beeindigd", "voorkomen", "verboden", "uitgesloten", "uitgezonderd", "afgezien", "geweigerd",
              "weigeren", "afbouwen", "afgebouwd", "afbouw", "gesloten", "afgesloten", "afsluiten", "dicht",
              "sluiting", "sluiten", "onomkeerbaar", "onomkeerbare"}


def _cue_text(phrase: str) -> str:
    """A cue phrase as words a dictum could use: gaps dropped, the first of alternatives, stems whole."""
    words = [w.split("|")[0].rstrip("*") for w in phrase.split() if not w.startswith("~")]
    return " ".join(words)


def _cued_values() -> list[tuple[str, str, Any, str]]:
    """Per fact of both vocabularies (bool and enum, the vote fact aside) and per value, the
    first Dutch cue without a negation of its own: (dossier, fact, value, words)."""
    out = []
    for dossier, v in sorted(WS.vocabularies.items()):
        for name, f in sorted(v.model.facts.items()):
            if f.cues is None or f.deprecated or f.type not in ("bool", "enum") or "vote" in name:
                continue
            for key, vc in sorted(f.cues.values.items()):
                phrase = next((p for p in vc.nl if not (set(_cue_text(p).lower().split()) & _NEG_WORDS)
                               and len(_cue_text(p)) > 3), None)
                if phrase is not None:
                    out.append((dossier, name, (key == "true") if f.type == "bool" else key,
                                _cue_text(phrase)))
    return out


CUED = _cued_values()
FORBID = ["te voorkomen dat {x}", "uit te sluiten dat {x}", "af te zien van {x}",
          "een einde te maken aan {x}", "te stoppen met {x}", "niet langer toe te staan dat {x}",
          "{x} te verbieden", "{x} onmogelijk te maken",
          "de mogelijkheid van {x} te schrappen", "de achterdeur voor {x} te sluiten",
          "geen ruimte te laten voor {x}", "te verhinderen dat {x}",
          "een andere weg te kiezen in plaats van {x}"]
PERMIT = ["te zorgen dat {x}", "toe te staan dat {x}", "de mogelijkheid van {x} open te houden",
          "{x} mogelijk te maken"]


def _other_values(dossier: str, rule: dict[str, Any], fact: str, data: Any) -> dict[str, Any]:
    model = WS.vocabularies[dossier].model
    world: dict[str, Any] = {}
    for name in sorted(set(re.findall(r"'fact': '(\w+)'", str(rule))) - {fact}):
        f = model.facts.get(name)
        if f is None or data.draw(st.booleans()):
            continue  # unknown (or a proposed fact): left out
        world[name] = data.draw(st.booleans() if f.type == "bool" else st.sampled_from(sorted(f.values or {}))
                                if f.type == "enum" else st.integers(0, 100))
    return world


def test_every_fact_of_both_vocabularies_has_a_cued_value_to_probe() -> None:
    facts = {(d, f) for d, f, _, _ in CUED}
    assert {d for d, _ in facts} == {"csam-regulation", "groningen-gas"}
    assert len(facts) >= 35, sorted(facts)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(CUED), st.sampled_from(FORBID), st.sampled_from(["verzoekt de regering",
       "roept de regering op"]), st.data())
def test_a_request_to_forbid_a_fact_never_drafts_its_value_as_compliant(
        case: tuple[str, str, Any, str], frame: str, who: str, data: Any) -> None:
    dossier, fact, value, words = case
    text = f"{who} {frame.format(x=words)}"
    c = draft(text, WS.vocabularies[dossier]).clauses[0]
    if c.rule is None or fact not in str(c.rule):
        return  # not drafted, or the fact not read: never an inversion
    world = _other_values(dossier, c.rule, fact, data) | {fact: value}
    assert verdict(c.rule, world) != "complies", (text, world, c.rule)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(CUED), st.sampled_from(PERMIT), st.data())
def test_a_request_to_allow_a_fact_never_drafts_its_value_as_conflicting(
        case: tuple[str, str, Any, str], frame: str, data: Any) -> None:
    dossier, fact, value, words = case
    text = f"verzoekt de regering {frame.format(x=words)}"
    c = draft(text, WS.vocabularies[dossier]).clauses[0]
    if c.rule is None or fact not in str(c.rule):
        return
    others = _other_values(dossier, c.rule, fact, data)
    # naming the allowed value never makes the verdict a conflict (another fact read may)
    if verdict(c.rule, others) != "conflicts":
        assert verdict(c.rule, others | {fact: value}) != "conflicts", (text, others, c.rule)


def test_the_back_door_closed_is_the_restart_forbidden() -> None:
    # constructed: the dictum of corpus d16 in other words; the cue "definitief ... sluiten" holds
    # the closing verb itself and keeps its value, the restart it governs is turned round
    c = draft("verzoekt de regering de achterdeur om de winning uit het Groningenveld weer op te starten "
              "definitief te sluiten", GAS).clauses[0]
    assert verdict(c.rule, {"restart_kept_open": True, "field_status": "closed_permanent"}) == "conflicts"
    assert verdict(c.rule, {"restart_kept_open": False, "field_status": "closed_permanent"}) == "complies"
    for idiom in ("een einde te maken aan de nieuwbouwregeling van de NAM",
                  "de nieuwbouwregeling van de NAM te schrappen"):
        c = draft(f"verzoekt de regering {idiom}", GAS).clauses[0]
        assert verdict(c.rule, {"nam_building_costs_scheme": True}) == "conflicts", (idiom, c.rule)
        assert verdict(c.rule, {"nam_building_costs_scheme": False}) == "complies", (idiom, c.rule)
    # an enum forbidden is any of its other values, an unknown value stays undetermined
    c = draft("verzoekt de regering te voorkomen dat de versterking door de gemeenten met regie wordt "
              "versterkt", GAS).clauses[0]
    if c.rule is not None and "reinforcement_executor" in str(c.rule):
        assert verdict(c.rule, {"reinforcement_executor": "municipalities"}) != "complies", c.rule


@settings(max_examples=150, deadline=None)
@given(st.sampled_from([
    ("verzoekt de regering niet zonder waarborgen voor versleuteling in te stemmen met de verordening",
     "vote"),
    ("verzoekt de regering niet in te stemmen met de verordening zonder waarborgen voor versleuteling",
     "vote"),
    ("verzoekt de regering de putten niet af te sluiten zonder dat de Kamer is gehoord", "result"),
    ("verzoekt de regering niet zonder dat de Kamer is gehoord nieuwe vergunningen te verlenen", "result"),
]), st.sampled_from([True, False, None]), st.sampled_from([True, False, None]))
def test_not_without_is_allowed_only_with_never_forbidden_outright(case: tuple[str, str], act: bool | None,
                                                                     cond: bool | None) -> None:
    """ "niet X zonder G" (a double negation) allows X once G holds: X with G never conflicts, X
    without G never complies; never drafted as "no X" (stricter than the motion)."""
    text, kind = case
    c = draft(text, CSAM if kind == "vote" else GAS).clauses[0]
    assert c.rule is not None, c.todos
    acts = [f for f in c.facts if f.role == "object" and f.op == "equals"]
    gates = [f for f in c.facts if f.role == "gate"]
    assert gates, (text, c.facts)
    world: dict[str, Any] = {}
    if kind == "vote" and act is not None:
        world["cabinet_vote_intention"] = "for" if act else "against"
    for f in acts if kind != "vote" else []:
        if act is not None:
            world[f.fact] = f.value if act else not f.value
    for g in gates:
        if cond is not None:
            world[g.fact] = g.value if cond else not g.value
    got = verdict(c.rule, world)
    if act and cond:
        assert got != "conflicts", (text, world, c.rule)
    if act and cond is False:
        assert got != "complies", (text, world, c.rule)
    if act is False:
        assert got != "conflicts", (text, world, c.rule)


@pytest.mark.parametrize("text", [
    "verzoekt de regering zich niet te verzetten tegen een verordening met detectiebevelen",
    "verzoekt de regering niet tegen de verordening te stemmen",
    "verzoekt de regering niet langer tegen te stemmen als de verordening detectiebevelen bevat",
])
def test_opposition_negated_bars_only_a_vote_against(text: str) -> None:
    c = draft(text).clauses[0]
    assert c.kind == "vote" and c.polarity == "not_against", (c.kind, c.polarity)
    facts = {"text_detection_orders": True}
    assert judge(c.rule, facts | {"cabinet_vote_intention": "abstain"}) != "conflicts"
    assert judge(c.rule, facts | {"cabinet_vote_intention": "for"}) != "conflicts"
    assert judge(c.rule, facts | {"cabinet_vote_intention": "against"}) != "complies"


# probes of our own (constructed): each once drafted the wrong way round
PROBES = [  # (dictum, dossier, world, a verdict it must never get)
    ("verzoekt de regering uitsluitend nieuwe boringen bij kleine gasvelden toe te staan als het afbouwpad "
     "is vastgesteld", "gas", {"new_wells_small_fields": False}, "conflicts"),
    ("verzoekt de regering uitsluitend nieuwe boringen bij kleine gasvelden toe te staan als het afbouwpad "
     "is vastgesteld", "gas", {"new_wells_small_fields": True, "timeline_to_zero_given": False}, "complies"),
    ("verzoekt de regering niet in te stemmen met een verordening, behalve een verordening zonder "
     "detectiebevelen", "csam", {"cabinet_vote_intention": "for", "text_detection_orders": False},
     "conflicts"),
    ("verzoekt de regering niet voor te stemmen tenzij detectiebevelen zijn uitgesloten", "csam",
     {"cabinet_vote_intention": "for", "text_detection_orders": True}, "complies"),
    ("verzoekt de regering niet voor te stemmen tenzij detectiebevelen zijn uitgesloten", "csam",
     {"cabinet_vote_intention": "abstain", "text_detection_orders": False}, "conflicts"),
    ("verzoekt de regering het weer opstarten van de winning niet langer uit te sluiten", "gas",
     {"restart_kept_open": True}, "conflicts"),
    ("verzoekt de regering de NAM geen rol te geven in de schadeafhandeling in plaats van de NAM te laten "
     "beoordelen", "gas", {"nam_role_in_damage_handling": False}, "conflicts"),
    ("verzoekt de regering zich niet te verzetten tegen een verordening met detectiebevelen", "csam",
     {"cabinet_vote_intention": "abstain", "text_detection_orders": True}, "conflicts"),
    ("verzoekt de regering de putten niet af te sluiten zonder dat de Kamer is gehoord", "gas",
     {"wells_dismantled": True, "horen_holds": True}, "conflicts"),
    # two facts forbidden together: not(A and B) — A alone is no breach
    ("verzoekt de regering te voorkomen dat detectiebevelen ook gelden voor end-to-end versleutelde "
     "diensten", "csam", {"text_detection_orders": True, "text_covers_e2ee_services": False}, "conflicts"),
]


@pytest.mark.parametrize(("text", "dossier", "world", "never"), PROBES)
def test_probes_of_our_own_never_invert(text: str, dossier: str, world: dict[str, Any], never: str) -> None:
    c = draft(text, GAS if dossier == "gas" else CSAM).clauses[0]
    if c.rule is None:
        return  # a TODO is never an inversion
    got = verdict(c.rule, world)  # the support concept is read from cabinet_vote_intention
    assert got != never, (text, world, c.rule)


@pytest.mark.parametrize("text, world", [
    # the frame in one of the cue's gaps governs the cue ("kiezen ~6 eerder* ~4 versterkingsadvies")
    ("verzoekt de regering een andere weg te kiezen in plaats van het eerdere versterkingsadvies uit "
     "te voeren", {"earlier_reinforcement_advice_honoured": True}),
    # the cue holds the frame's verb, but that verb's object is itself an act: not the cue's value
    ("verzoekt de regering te stoppen met Warffum af te bouwen", {"warffum_extraction": "ending"}),
])
def test_a_frame_the_cue_does_not_own_still_forbids(text: str, world: dict[str, object]) -> None:
    c = draft(text, GAS).clauses[0]
    assert c.rule is None or verdict(c.rule, world) != "complies", (text, c.rule)
