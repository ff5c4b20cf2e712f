"""Draft a rule from a motion's own words (issue 28): per clause the request kind, its
deadline, period or event, the subjects, the facts and values the dictum names (the
vocabulary's cues through the drafting matcher, and the fact descriptions on lemmas),
facts the vocabulary lacks as proposed new entries, the conditions from one template per
request kind, rule tests for every branch and the rule in words. Every part names the
dictum words it rests on; what cannot be drafted stays a TODO with its reason.

Negation is never guessed by the templates: the request's own polarity (niet in te
stemmen / tegen / voor) picks the template, and a named fact's value carries the
negation the matcher found in its own clause ("zonder detectiebevel" -> false). Words
after "tenzij" become an exception (applies_when: not ...), words after "zolang" a
precondition (applies_when: ...), "uitsluitend/alleen ... in te stemmen met" a vote
allowed only for the named text. docs/authoring.md, "Drafting a rule from the dictum".

The parts live by concept, behind the names of this module: draft_rule_words (lemmas,
stems), draft_rule_model (what is proposed), draft_rule_time (deadlines, periods, moments),
draft_rule_clauses (clauses and their kinds, conditions), draft_rule_facts (facts and new
entries), draft_rule_templates (one template per kind, the rule in words); this module
drafts, renders, verifies and applies the adviser's edits.
"""

from __future__ import annotations

import copy
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml

from compliance.authoring.draft_rule_clauses import (
    _ADDRESSEE,
    _LEADING_CONDITION,
    _NEG_ACT,
    _OPERATIVE,
    _STANDSTILL,
    _TEXT_WORDS,
    _VOTE_AGAINST,
    _VOTE_NEG,
    _VOTE_NOT_AGAINST,
    _VOTE_ONLY,
    _awaits_moment,
    classify,
    preamble,
    read_not_without,
    split_clauses,
    split_exception,
    split_gate,
)
from compliance.authoring.draft_rule_facts import (
    _EMPTY,
    _cue_facts,
    _description_facts,
    _forbidden,
    _gate_entries,
    _irreversible_steps,
    _key,
    _match_events,
    _named_steps,
    _new_step,
    _number_facts,
    _pieces,
    _qualifiers,
    _quantity_entry,
    _referred_facts,
    _subjects,
    _unclaimed_negation,
    _value_facts,
)
from compliance.authoring.draft_rule_model import (  # noqa: F401
    KINDS,
    NO_RULE,
    ClauseDraft,
    FactUse,
    Kind,
    NewEntry,
    RuleDraft,
    TimePart,
)
from compliance.authoring.draft_rule_templates import (  # noqa: F401
    OPS,
    _all,
    _any,
    _clause_fields,
    _not,
    _reads_any,
    _vote_fact,
    in_words,
    rule_in_words,
    template,
)
from compliance.authoring.draft_rule_time import (
    _UNTIL,
    find_time,
)
from compliance.authoring.draft_rule_words import (  # noqa: F401
    MONTHS,
    NUMBER_WORDS,
    _comment_line,
    _norm_space,
    _short,
    lemmas,
)
from compliance.errors import InputError, InputErrors, Text, msg, one_of
from compliance.model.vocabulary import FactDef, Vocabulary

_NOT_RECORD = Text("not a motion record", "geen motierecord")
_NOT_RECORD_FIX = Text("give a motions/*.yaml file or a motion id",
                       "geef een bestand motions/*.yaml of een motie-id")

# --- drafting ---------------------------------------------------------------------------

def draft_clause(number: int, text: str, vocab: Vocabulary | None, motion_date: str | None,
                 text_en: str | None = None, events: dict[str, str] | None = None,
                 considerations: list[str] | None = None) -> ClauseDraft:
    original, (text, double) = text, read_not_without(text)
    kind, kind_words, who, who_words = classify(text)
    deciding = text
    if kind == "result" and text_en:
        k2, w2, _, _ = classify(text_en)
        if k2 not in ("result", "statement", "not_addressed"):
            kind, kind_words, deciding = k2, w2, text_en
    c = ClauseDraft(number, original, kind, kind_words, who, who_words)
    if double:
        c.todos.append(f"'{_short(double, 60)}' is read as 'alleen … als …': the act allowed once the "
                       "condition holds — confirm")
    if kind in NO_RULE:
        return c
    if kind == "vote":
        low = deciding.lower()
        c.polarity = ("not_against" if _VOTE_NOT_AGAINST.search(low) else
                      "only_if" if _VOTE_ONLY.search(low) else
                      "against" if _VOTE_AGAINST.search(low) else
                      "not_for" if _VOTE_NEG.search(split_exception(low)[0]) else "for")
    c.time, c.todos = find_time(text, kind, motion_date)
    cond = _LEADING_CONDITION.match(_ADDRESSEE.sub("", text, count=1))
    if cond:
        c.todos.append(f"the request holds under a condition ('{cond.group(0).strip(' ,')}'): the "
                       "template reads it unconditionally — add the condition as applies_when if it matters")
    key = _key(text)
    body = _ADDRESSEE.sub("", text, count=1)
    pieces: list[tuple[str, str]] = []
    main, tail = split_exception(body)
    step_standstill = kind == "standstill" and bool(_STANDSTILL.search(main))
    gate = None if step_standstill or kind in ("inform", "recurring") else split_gate(main)
    if step_standstill:
        u = _UNTIL.search(main)
        if u:
            main = main[:u.start()]
    elif gate is not None and kind == "vote" and c.polarity != "against" and _awaits_moment(*gate[:3]):
        # "niet in te stemmen totdat / niet eerder dan nadat / zolang er geen G is": the vote is the
        # step held back until G happens — a standstill on the vote, waiting for an event
        g_kind, g_words, g_cond, main = gate
        g_cond = _norm_space(re.sub(r"^(?:er\s+)?(?:nog\s+)?(?:geen|niet)\b", "", g_cond, flags=re.I))
        kind = c.kind = "standstill"
        c.kind_words = kind_words = f"{kind_words} … {g_words}"
        c.time = TimePart("until", g_cond, f"{g_words} {g_cond}")
        step_standstill = True
        c.todos.append("the vote is read as the step held back until the event: confirm the step kinds")
    elif gate is not None:
        g_kind, g_words, g_cond, main = gate
        if g_kind == "while" or re.match(r"mits|op\s+voorwaarde|onder\s+(?:de\s+)?voorwaarde|provided",
                                         g_words, re.I):
            # "zolang W" and "mits W": the request holds while W holds (applies_when)
            pieces.append(("while", g_cond))
        else:
            # "X te doen totdat G": X is asked until G; "pas / niet eerder dan / alleen na G X": X is
            # allowed only once G holds. Either way the rule reads G, never drops it.
            c.gate = "precondition" if g_kind == "precondition" or re.match(
                r"niet\s+eerder|not\s+before", g_words, re.I) else "until"
            pieces.append(("gate", g_cond))
            c.todos.append(f"'{g_words} {_short(g_cond, 50)}': the rule reads whether it holds now, not "
                           "in which order it and the act came — confirm")
    if gate is not None:
        key = _key(main) or key  # the new facts are named after the act, not its condition
    pieces.insert(0, ("object", main))
    if tail:
        pieces.append(("exception", tail))
    vote_fact = _vote_fact(vocab)
    support = None
    if vocab is not None:
        support = next((n for n in vocab.concepts if "support" in n and "open" not in n), None)
    deadline_kinds = ("result", "inform", "effort")
    needs_event = (kind in deadline_kinds and c.time is not None and c.time.kind in ("date", "within")) \
        or step_standstill
    uncovered: list[str] = []
    for role, piece in pieces:
        subs = _pieces(piece) if role == "object" else [piece]
        for sub in subs:
            uses: list[FactUse] = []
            if vocab is not None:
                uses = _cue_facts(sub, vocab, role)
                uses += _description_facts(sub, vocab, role, {u.fact for u in uses})
                uses += _value_facts(sub, vocab, role, {u.fact for u in uses if u.op != "named"})
                uses = [u for u in uses if not (u.op == "named" and u.value is None
                                                and any(v.fact == u.fact and v.how == "value" for v in uses))]
            # a number belongs to the number fact the words named, when they named one
            named_here = [u.fact for u in uses if u.op == "named"]
            uses += _number_facts(sub, vocab or _EMPTY, role, key, c.new_entries, named_here)
            numbered = {u.fact for u in uses if u.how == "number"}
            uses = [u for u in uses if not (u.op == "named" and u.fact in numbered)]
            if role == "object" and not any(
                    (vocab is not None and vocab.facts.get(u.fact) is not None
                     and vocab.facts[u.fact].type == "number") or u.how == "number" for u in uses):
                uses += _quantity_entry(sub, c)
            # the vote fact is the template's own
            uses = [u for u in uses if u.fact != vote_fact and u.fact not in {f.fact for f in c.facts}]
            if vocab is not None:
                _forbidden(sub, uses, vocab, c)
            _unclaimed_negation(sub, uses, kind_words if kind == "vote" else "", c)
            c.facts.extend(uses)
            # a fact only named (its value unknown) does not cover the requirement: it is proposed too
            # nor does one whose direction a stray negation leaves open (ambiguous)
            decided = [u for u in uses if u.op != "named" and u.role != "ambiguous"]
            if not decided and role == "object":
                uncovered.append(sub)
            elif not decided and role in ("while", "exception", "gate"):
                # a condition no fact names is proposed, never dropped: dropping "tenzij E" or
                # "zolang W" would make the rule stricter than the motion
                _gate_entries(c, sub, events or {}, key, role)
    if kind == "vote" and not any(f.role == "object" and f.op != "named" for f in c.facts):
        # "niet in te stemmen met een tekst die X": without a fact for X the template would forbid
        # every text — stricter than the motion; the text's property is proposed instead
        tm = _TEXT_WORDS.search(main)
        if tm and re.search(r"\b(?:die|dat|waarin|waarbij|waarmee|met|zonder)\b", main[tm.end():], re.I):
            what = _norm_space(main[tm.start():]).strip(" ,;.")
            name = f"text_{_key(what)}"[:60]
            c.new_entries.append(NewEntry("fact", name, "bool", f"De voorliggende tekst: '{_short(what)}'",
                                          f"TODO (translate): the text on the table: '{_short(what)}'", what))
            c.facts.append(FactUse(name, "equals", True, _short(what), "new", "object", new=True))
    if vocab is not None and considerations:
        _referred_facts(c, body, vocab, considerations)
    if vocab is not None and vocab.facts:
        for use in c.facts:
            use.new = use.fact not in vocab.facts
    if kind in ("result", "inform") and vocab is not None and not _TEXT_WORDS.search(body):
        # a result asked of the cabinet is its own act: facts about the text on the table that
        # the words happen to cue are context unless the request is about that text
        for f in c.facts:
            if f.role == "object" and f.fact in vocab.facts and vocab.facts[f.fact].group == "text":
                f.role = "context"
                if body not in uncovered:
                    uncovered.insert(0, body)
    if kind == "effort" and vocab is not None and not any(
            vocab.facts[f.fact].group == "cabinet" for f in c.facts if f.fact in vocab.facts):
        # an effort is the cabinet's: the text facts it names are context, not the test
        for f in c.facts:
            if f.role == "object" and f.fact in vocab.facts:
                f.role = "context"
        uncovered = uncovered or [body]
    if kind == "effort":
        # an effort toward an outcome ("alles op alles te zetten om X te bereiken"): the outcome is
        # evidence of the effort, never the test of it — proposed and named as context
        aim = re.search(r"\b(?:om|opdat|zodat)\s+(?P<aim>[^,;]*?\bte\s+[\w-]+|[^,;]+)", main, re.I)
        if aim and len(lemmas(aim.group("aim"))) >= 2:
            name = f"{_key(aim.group('aim'))}_achieved"[:60]
            if not any(e.name == name for e in c.new_entries):
                c.new_entries.append(NewEntry("fact", name, "bool",
                                              f"Wat de inzet beoogt is bereikt: '{_short(aim.group('aim'))}'",
                                              f"TODO (translate): what the effort aims at is achieved: "
                                              f"'{_short(aim.group('aim'))}'", aim.group(0)))
                c.facts.append(FactUse(name, "named", True, aim.group(0), "new", "context", new=True))
    if kind == "vote" and vote_fact is None:
        c.new_entries.append(NewEntry("fact", "cabinet_vote_intention", "enum",
                                      "Hoe het kabinet zich over de voorliggende tekst zal uitspreken",
                                      "How the cabinet will vote on the text on the table", kind_words,
                                      values=["for", "against", "abstain"]))
        vote_fact = "cabinet_vote_intention"
    event = tag = None
    known_events: list[str] = []
    if needs_event and events:
        where = c.time.words if c.time and kind == "standstill" else body
        known_events = _match_events(where, events)
    if known_events:
        event = known_events[0]
        c.events = known_events
        c.facts.extend(FactUse(e, "event", True, c.time.words if c.time else body, "timeline", "event")
                       for e in known_events)
    elif needs_event:
        event = f"{key}_{'done' if kind != 'inform' else 'letter_sent'}" if kind != "standstill" else \
            f"{_key(c.time.words if c.time else text)}_happened"
        ev_words = c.time.words if c.time else kind_words
        c.new_entries.append(NewEntry("event", event, "event", f"TODO: wat de motie vraagt: '{_short(body)}'",
                                      f"TODO: what the motion asks for: '{_short(body)}'", ev_words))
    if kind == "inform" and event is None and not c.gate:
        # informing the House is done by a letter, an event of the timeline: proposed so that the
        # adviser can date it and, once a term is known, make the rule a deadline on it
        letter = f"{key}_letter_sent"
        c.new_entries.append(NewEntry("event", letter, "event", f"Brief aan de Kamer: '{_short(body)}'",
                                      f"TODO (translate): letter to the House: '{_short(body)}'", kind_words))
        c.todos.append(f"no term for the letter: the rule reads a fact; with a term it becomes a deadline on "
                       f"the event {letter}")
    if c.time is not None and c.time.kind == "moment" and kind in deadline_kinds:
        ev = c.time.value["event"]
        if not any(e.name == ev for e in c.new_entries) and ev not in (events or {}):
            c.new_entries.append(NewEntry("event", ev, "event", f"Het moment uit de motie: '{c.time.words}'",
                                          f"TODO (translate): the moment the motion names: '{c.time.words}'",
                                          c.time.words))
        c.facts.append(FactUse(ev, "event", True, c.time.words, "timeline", "event"))
    if kind == "recurring":
        tag = f"{key}_report"
        c.new_entries.append(NewEntry("tag", tag, "tag", f"Brief aan de Kamer over: '{_short(body)}'",
                                      f"Letter to the House on: '{_short(body)}'", c.kind_words))
    if (kind in deadline_kinds or (kind == "standstill" and not step_standstill)) and event is None:
        for k, sub in enumerate(uncovered):
            skey = _key(sub) if k else key
            prefix = {"inform": "house_informed", "effort": "cabinet_pursues"}.get(kind, "cabinet")
            if c.gate == "precondition" or (kind == "standstill" and not _NEG_ACT.search(sub)):
                prefix = "cabinet_does"  # the act itself, allowed only under the condition
            name = f"{prefix}_{skey}"[:60]
            if any(e.name == name for e in c.new_entries):
                continue
            c.new_entries.append(NewEntry("fact", name, "bool", f"Het kabinet doet wat de motie vraagt: "
                                          f"'{_short(sub)}'", f"TODO (translate): the cabinet does what the "
                                          f"motion asks: '{_short(sub)}'", _short(sub)))
            c.facts.append(FactUse(name, "equals", True, _short(sub), "new", "object", new=True))
    steps: list[str] = []
    if step_standstill and vocab is not None:
        steps = _named_steps(main, vocab) or _new_step(main, c) or _irreversible_steps(vocab) \
            or sorted(vocab.step_kinds)
        c.todos.append("the barred step kinds are proposed: confirm which are irreversible")
        if not steps:
            c.todos.append("the vocabulary has no step kinds: a standstill cannot be drafted")
    c.args = {"vote_fact": vote_fact, "support": support, "event": event, "tag": tag, "steps": steps}
    c.rule = template(c, vote_fact, support, event, tag, steps)
    context = [f.atom() for f in c.facts if f.role == "context" and f.op not in ("qualifies", "named")]
    if kind == "effort" and context and vote_fact is not None:
        # the effort's result reading: do not support a text that is not as asked
        votes_for: dict[str, Any] = {"concept": support} if support else {"fact": vote_fact, "equals": "for"}
        c.alt_rule = {"clause": c.number, "conflicts_when": _all([votes_for, _not(_all(context))]),
                      "complies_when": _any([_not(votes_for), _all(context)])}
    if vocab is not None:
        _qualifiers(c, vocab)
    if c.rule is None and not c.todos:
        c.todos.append(f"no template fits a {kind} clause without the facts it names")
    if vocab is not None and getattr(vocab, "subjects", None):
        c.subjects = _subjects(c, vocab)
        # a rule that reads facts or concepts gets its subjects from them when loaded, as a
        # hand-written one does (all it reads, the standstill's concept too); only a rule that
        # reads none (a bare deadline) must name them
        if c.rule is not None and c.subjects and "subjects" in _clause_fields() \
                and not _reads_any(c.rule):
            c.rule["subjects"] = [sid for sid, _ in c.subjects]
        # a proposed fact belongs to the clause's subjects; when none can be told, to every
        # subject of the dossier (the clause then applies to more positions, never to fewer)
        # and the adviser is asked to narrow it
        own = [sid for sid, _ in c.subjects] or sorted(vocab.subjects)
        for e in c.new_entries:
            if e.kind == "fact" and e.subjects is None:
                e.subjects = own
                if not c.subjects:
                    c.todos.append(f"say which subjects the new fact {e.name} belongs to")
    else:
        words = [x for x in lemmas(body) if len(x) >= 8 and x.isalpha()]
        c.subjects = [(w, w) for w in dict.fromkeys(words)][:4]
    return c


def draft_dictum(dictum: str, vocab: Vocabulary | None, motion_id: str, dossier: str, *,
                 motion_date: str | None = None, english: list[str] | None = None,
                 events: dict[str, str] | None = None) -> RuleDraft:
    texts = split_clauses(dictum)
    context = preamble(dictum)
    clauses = [draft_clause(i, t, vocab, motion_date, (english or [])[i - 1] if english and
                            len(english) >= i else None, events, context) for i, t in enumerate(texts, 1)]
    d = RuleDraft(motion_id, dossier, clauses)
    new = {e.name: e for e in d.new_entries}
    for c in clauses:
        c.words_nl = rule_in_words(c.rule, c, vocab, new, "nl")
        c.words_en = rule_in_words(c.rule, c, vocab, new, "en")
    return d


def record_dictum(record: dict[str, Any]) -> tuple[str, list[str]]:
    """The Dutch request texts of a motion record (one per clause) and the English ones."""
    clauses = record.get("clauses") or []
    nl = [(c.get("request") or {}).get("nl", "") for c in clauses]
    en = [(c.get("request") or {}).get("en", "") for c in clauses]
    return "\n".join(f"verzoekt de regering {_lower_first(t)}" if not _OPERATIVE.match(t) else t
                     for t in nl), en


def _lower_first(t: str) -> str:
    return t[:1].lower() + t[1:]


def draft_from_record(record: dict[str, Any], vocab: Vocabulary | None, dossier: str,
                      dictum: str | None = None, events: dict[str, str] | None = None) -> RuleDraft:
    """Draft a rule from a motion record's own request texts (or from a dictum given)."""
    motion_date = (record.get("dates") or {}).get("voted") or (record.get("dates") or {}).get("proposed")
    nl, en = record_dictum(record)
    if dictum is not None:
        nl, en = dictum, []
    elif len(split_clauses(nl)) != len(record.get("clauses") or []):
        # the project's own words: one request per record clause, whatever its sentences hold
        texts = [f"verzoekt de regering {_lower_first(str((c.get('request') or {}).get('nl', '')))}"
                 for c in record.get("clauses") or []]
        d = RuleDraft(str(record.get("id")), dossier,
                      [draft_clause(i, _norm_space(t), vocab, str(motion_date) if motion_date else None,
                                    en[i - 1] if i <= len(en) else None, events)
                       for i, t in enumerate(texts, 1)])
        new = {e.name: e for e in d.new_entries}
        for c in d.clauses:
            c.words_nl = rule_in_words(c.rule, c, vocab, new, "nl")
            c.words_en = rule_in_words(c.rule, c, vocab, new, "en")
        return d
    return draft_dictum(nl, vocab, str(record.get("id")), dossier,
                        motion_date=str(motion_date) if motion_date else None, english=en, events=events)


# --- rule file, tests and verification -----------------------------------------------------

def _sat(cond: dict[str, Any], want: bool, vocab: Vocabulary | None, out: dict[str, Any],
         new: dict[str, NewEntry]) -> bool:
    """Extend ``out`` with fact values making ``cond`` ``want`` (Kleene: the rest unknown)."""
    if "all" in cond or "any" in cond:
        kids = cond.get("all") or cond.get("any") or []
        every = ("all" in cond) == want
        if every:
            return all(_sat(k, want, vocab, out, new) for k in kids)
        for k in kids:
            trial = dict(out)
            if _sat(k, want, vocab, trial, new):
                out.clear()
                out.update(trial)
                return True
        return False
    if "not" in cond:
        return _sat(cond["not"], not want, vocab, out, new)
    if "concept" in cond:
        cd = vocab.concepts.get(cond["concept"]) if vocab else None
        return cd is not None and _sat(cd.when, want, vocab, out, new)
    if "event" in cond:  # a rule test states the timeline with `events:`
        evs = out.setdefault(_EVENTS, {})
        happened = bool(cond.get("happened", True)) == want
        if evs.get(cond["event"], happened) != happened:
            return False
        evs[cond["event"]] = happened
        return True
    fact = cond["fact"]
    op = next(k for k in cond if k != "fact")
    v = cond[op]
    fdef = vocab.facts.get(fact) if vocab else None
    values: list[str] = list(fdef.values) if fdef and fdef.values else \
        list(new[fact].values or []) if fact in new else []
    pick: Any
    if op == "equals":
        if isinstance(v, bool):
            pick = v if want else not v
        elif want:
            pick = v
        else:
            others = [x for x in values if x != v]
            if not others:
                return False
            pick = others[0]
    elif op in ("le", "lt", "ge", "gt"):
        inside = {"le": v, "lt": v - 1, "ge": v, "gt": v + 1}[op]
        outside = {"le": v + 1, "lt": v, "ge": v - 1, "gt": v}[op]
        pick = inside if want else outside
    elif op == "contains":
        pick = [v] if want else []
    elif op == "one_of":
        others = [x for x in values if x not in v]
        if not want and not others:
            return False
        pick = v[0] if want else others[0]
    else:
        return False
    if fact in out and out[fact] != pick:
        return False
    out[fact] = pick
    return True


_EVENTS = "\x00events"  # where _sat keeps the timeline a case needs, apart from the facts


def rule_tests(d: RuleDraft, vocab: Vocabulary | None) -> list[dict[str, Any]]:
    new = {e.name: e for e in d.new_entries}
    cases: list[dict[str, Any]] = []
    readings: list[tuple[ClauseDraft, dict[str, Any], str | None]] = [
        (c, c.rule, None) for c in d.clauses if c.rule is not None]
    if any(c.alt_rule is not None for c in d.clauses):
        readings += [(c, c.alt_rule or c.rule, "result-reading") for c in d.clauses
                     if c.rule is not None]
    for c, rule, reading in readings:
        assert rule is not None
        key = f"{d.motion}#{c.number}"
        applies = rule.get("applies_when")
        for verdict in ("complies", "conflicts", "undetermined", "not_applicable"):
            facts: dict[str, Any] = {}
            extra: dict[str, Any] = {}
            ok = True
            if verdict == "not_applicable":
                if applies is None:
                    continue
                ok = _sat(applies, False, vocab, facts, new)
            else:
                if applies is not None:
                    ok = _sat(applies, True, vocab, facts, new)
                target = rule.get("complies_when" if verdict == "complies" else "conflicts_when")
                if "deadline" in rule:
                    flags = {"complies": {"met": True, "late": False, "passed": True, "pending": False},
                             "conflicts": {"met": False, "late": False, "passed": True, "pending": True},
                             "undetermined": {"met": False, "late": False, "passed": True}}[verdict]
                    extra["clocks"] = {key: flags}
                    if verdict == "conflicts":
                        target = None  # the clock alone conflicts
                if "recurring" in rule:
                    extra["clocks"] = {key: {
                        "complies": {"ended": False, "due": True, "done": True, "missed": False},
                        "conflicts": {"ended": False, "due": True, "done": False, "missed": True},
                        "undetermined": {"ended": False, "due": True, "done": False, "missed": False},
                    }[verdict]}
                if "standstill" in rule:
                    evs = rule["standstill"]["until"]["all"]
                    step = rule["standstill"]["steps"][0]
                    when = rule["standstill"].get("when")
                    if verdict == "complies":
                        extra["events"] = {ev: True for ev in evs}
                        extra["open_steps"] = {ev: [] for ev in evs}
                    elif verdict == "conflicts":
                        extra["open_steps"] = {ev: [step] for ev in evs}
                    # undetermined: whether a barred step is open stays unknown (no open_steps)
                    if when is not None and verdict != "complies":
                        ok = ok and _sat(when, True, vocab, facts, new)
                if verdict in ("complies", "conflicts") and target is None \
                        and not {"deadline", "recurring", "standstill"} & set(rule):
                    continue  # a rule without that branch (a letter without a term never conflicts)
                if verdict in ("complies", "conflicts") and target is not None:
                    ok = ok and _sat(target, True, vocab, facts, new)
                if verdict == "complies" and "deadline" in rule and "complies_when" not in rule:
                    pass
            if not ok:
                todo = f"no {verdict} case could be built for clause {c.number}"
                if todo not in c.todos:  # the editor renders a draft more than once
                    c.todos.append(todo)
                continue
            if verdict == "undetermined" and not {"deadline", "recurring", "standstill"} & set(rule):
                facts = {}
                if applies is not None:
                    _sat(applies, True, vocab, facts, new)
            if _EVENTS in facts:
                extra["events"] = {**facts.pop(_EVENTS), **extra.get("events", {})}
            label = f" ({reading})" if reading else ""
            name = f"drafted: clause {c.number}{label} — {verdict.replace('_', ' ')}"
            cases.append({"name": name, **({"interpretations": {d.motion: reading}} if reading else {}),
                          "facts": facts, **extra, "expect": {key: verdict}})
    return cases


def _messages(c: ClauseDraft) -> dict[str, Any]:
    return {
        "conflicts": {"nl": f"Strijdig met wat het dictum vraagt ('{_short(c.kind_words, 60)}').",
                      "en": f"Conflicts with what the dictum asks ('{_short(c.kind_words, 60)}')."},
        "complies": {"nl": "In lijn met wat het dictum vraagt.", "en": "In line with what the dictum asks."},
        "undetermined": {"nl": "Niet te bepalen: de beslissende feiten zijn niet bekend.",
                         "en": "Cannot be told: the deciding facts are not known."},
    }


def render_rule(d: RuleDraft, lang: str = "en") -> str | None:
    clauses = [c for c in d.clauses if c.rule is not None]
    if not clauses:
        return None
    lines = ["# yaml-language-server: $schema=../../compliance/schemas/rules.schema.json",
             f"# DRAFTED by 'compliance draft-rule' from the words of motion {d.motion}: confirm every",
             "# part before relying on it (docs/authoring.md, 'Drafting a rule from the dictum')."]
    for c in d.clauses:
        lines.append(f"# clause {c.number}: kind {c.kind} — rests on '{_short(c.kind_words, 70)}'")
        if c.time:
            lines.append(f"#   time: {c.time.kind} {c.time.value} — '{c.time.words}'"
                         + ("" if c.time.confirmed else " (TO CONFIRM)"))
        for f in c.facts:
            lines.append(f"#   fact {f.fact} {f.op} {f.value!r} ({f.role}, {f.how}{', NEW' if f.new else ''})"
                         f" — '{_short(f.words, 60)}'")
        for t in c.todos:
            lines.append(f"#   TODO: {t}")
        lines.append(f"#   in words: {c.words_en if lang == 'en' else c.words_nl}")
    lines = [_comment_line(x) for x in lines]
    todos = [f"clause {c.number}: {t}" for c in d.clauses for t in c.todos]
    rationale_en = "Drafted from the dictum; every part names its words. " + (
        "To confirm: " + "; ".join(todos) if todos else "Confirm each part.")
    rationale_nl = "Opgesteld uit het dictum; elk deel noemt zijn woorden. " + (
        "Te bevestigen: " + "; ".join(todos) if todos else "Bevestig elk deel.")
    data: dict[str, Any] = {"motion": d.motion, "dossier": d.dossier, "interpretations": [{
        "name": d.interpretation, "title": {"nl": "Concept uit het dictum (te bevestigen)",
                                      "en": "Draft from the dictum (to confirm)"},
        "rationale": {"nl": rationale_nl, "en": rationale_en},
        "clauses": [{**c.rule, "messages": _messages(c)} for c in clauses if c.rule is not None]}]}
    alts = [c for c in clauses if c.alt_rule is not None]
    if alts:
        data["interpretations"][0]["default"] = True
        data["interpretations"].append({
            "name": "result-reading",
            "title": {"nl": "Resultaatlezing (te bevestigen)", "en": "Result reading (to confirm)"},
            "rationale": {"nl": "Een inspanning in de onderhandelingen, gelezen als resultaat: het kabinet "
                                "steunt geen tekst die niet is zoals het dictum vraagt.",
                          "en": "An effort in the negotiations read as a result: the cabinet supports no "
                                "text that is not as the dictum asks."},
            "clauses": [{**(c.alt_rule or c.rule or {}), "messages": _messages(c)} for c in clauses]})
    return "\n".join(lines) + "\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


def render_tests(cases: list[dict[str, Any]]) -> str:
    head = ("# yaml-language-server: $schema=../../../compliance/schemas/rule-tests.schema.json\n"
            "# DRAFTED with the rule: one case per branch (complies, conflicts, undetermined).\n")
    return head + yaml.safe_dump({"tests": cases}, allow_unicode=True, sort_keys=False, width=100)


def new_entries_yaml(d: RuleDraft) -> str:
    """The proposed vocabulary and timeline entries, for the adviser to accept by hand."""
    facts: dict[str, Any] = {}
    events: list[dict[str, Any]] = []
    steps: dict[str, Any] = {}
    for e in d.new_entries:
        if e.kind == "step":
            steps[e.name] = {"nl": e.nl, "en": e.en}
        elif e.kind == "fact":
            f: dict[str, Any] = {"type": e.type, "group": "cabinet", "description": {"nl": e.nl, "en": e.en}}
            if e.subjects:
                f["subjects"] = list(e.subjects)
            if e.values:
                f["values"] = {v: {"nl": v, "en": v} for v in e.values}
            facts[e.name] = f
        else:
            events.append({"id": e.name if e.kind == "event" else f"{e.name}_first", "kind": "letter_sent"
                           if e.kind == "tag" or "letter" in e.name else "other",
                           **({"tags": [e.name]} if e.kind == "tag" else {}),
                           "title": {"nl": e.nl, "en": e.en},
                           "sources": [{"title": f"motion {d.motion}: TODO the source that dates it"}]})
    out = ""
    if facts:
        out += f"# add to rules/{d.dossier}/dossier.yaml under facts:\n" + yaml.safe_dump(
            {"facts": facts}, allow_unicode=True, sort_keys=False, width=100)
    if steps:
        out += f"# add to rules/{d.dossier}/dossier.yaml under step_kinds:\n" + yaml.safe_dump(
            {"step_kinds": steps}, allow_unicode=True, sort_keys=False, width=100)
    if events:
        out += f"# add to rules/{d.dossier}/timeline.yaml under events:\n" + yaml.safe_dump(
            {"events": events}, allow_unicode=True, sort_keys=False, width=100)
    return out


def finish(d: RuleDraft, ws_root: Path | None, vocab: Vocabulary | None, lang: str = "en",
           record: dict[str, Any] | None = None) -> RuleDraft:
    """Render the rule and tests, and verify them through the loader and the rule tests in a
    copy of the workspace with the proposed entries accepted (the real files are untouched)."""
    from compliance.i18n import t

    d.blockers, d.blocker_codes = [], []

    def block(code: str, text: str) -> None:
        d.blockers.append(text)
        d.blocker_codes.append(code)

    d.tests = rule_tests(d, vocab)
    d.rule_text = render_rule(d, lang)
    d.tests_text = render_tests(d.tests) if d.tests else None
    if d.rule_text is None:
        block("nothing", t("dr_block_nothing", lang, clauses="; ".join(
            f"{t('wb_re_clause', lang, n=c.number)}: {c.kind} ('{_short(c.kind_words, 40)}')"
            + (f" — {', '.join(c.todos)}" if c.todos else "") for c in d.clauses)))
        return d
    for c in d.clauses:
        if c.rule is None and c.kind not in NO_RULE:
            block("clause", t("dr_block_clause", lang, n=c.number, kind=c.kind,
                              todos="; ".join(c.todos) or t("dr_not_drafted", lang)))
    if d.new_entries:
        block("entries", t("dr_block_entries_first", lang, names=", ".join(
            f"{e.kind} {e.name}" for e in d.new_entries)))
    if ws_root is not None:
        for code, text in verify(d, ws_root, record, lang):
            block(code, text)
    return d


def verify(d: RuleDraft, ws_root: Path, extra_motion: dict[str, Any] | None = None,
           lang: str = "en") -> list[tuple[str, str]]:
    """Load the drafted rule and its tests in a copy of the workspace (entries accepted) and run
    the tests: what fails (code, words), empty when the draft is valid."""
    from compliance.authoring.ruletests import load_cases, run_cases
    from compliance.i18n import t
    from compliance.loading.workspace import load_workspace

    with tempfile.TemporaryDirectory(prefix="draft-rule-") as tmp:
        root = Path(tmp)
        shutil.copytree(ws_root / "motions", root / "motions")
        shutil.copytree(ws_root / "rules", root / "rules")
        target = root / "motions" / f"{d.motion}.yaml"
        if extra_motion is None and not target.exists():
            extra_motion = _stub_record(d)
        if extra_motion is not None:
            target.write_text(yaml.safe_dump(extra_motion, allow_unicode=True, sort_keys=False),
                              encoding="utf-8")
        folder = root / "rules" / d.dossier
        _accept(folder, d)
        (folder / f"{d.motion}.yaml").write_text(d.rule_text or "", encoding="utf-8")
        tests = folder / "tests" / f"{d.motion}.yaml"
        tests.parent.mkdir(exist_ok=True)
        for stale in tests.parent.glob("*.yaml"):
            if stale.name.startswith(d.motion):
                stale.unlink()
        tests.write_text(d.tests_text or "tests: []\n", encoding="utf-8")
        try:
            ws = load_workspace(root)
            cases = load_cases(ws, tests)
            results = run_cases(ws, cases, backend="direct")
        except InputErrors as e:
            return [("invalid", f"{_rel(er, root, lang)}") for er in e.errors]
        return [("test", t("dr_block_test_fails", lang, name=r.case.model.name, why="; ".join(
            t("dr_expected_got", lang, fact=x.key, expected=x.expected, actual=x.actual)
            for x in r.expectations if not x.ok))) for r in results if not r.ok]


def _stub_record(d: RuleDraft) -> dict[str, Any]:
    """A stand-in record, in the verification copy only, for a dictum drafted without one."""
    return {"id": d.motion, "short_name": "Motie (concept)", "title": {"nl": "concept", "en": "draft"},
            "submitters": [{"name": "-", "party": "-", "first": True}],
            "dates": {"proposed": "2000-01-01", "voted": "2000-01-01"}, "result": "adopted",
            "clauses": [{"number": c.number, "request": {"nl": "-", "en": "-"}} for c in d.clauses],
            "dossiers": [d.dossier], "sources": [{"title": "-"}]}


def _rel(e: InputError, root: Path, lang: str) -> str:
    return e.render(lang).replace(str(root) + "/", "")


def _accept(folder: Path, d: RuleDraft) -> None:
    """Write the proposed entries into the COPY's vocabulary and timeline."""
    vpath = folder / "dossier.yaml"
    vocab: Any = yaml.safe_load(vpath.read_text(encoding="utf-8"))
    tpath = folder / "timeline.yaml"
    timeline: Any = yaml.safe_load(tpath.read_text(encoding="utf-8")) if tpath.is_file() else \
        {"dossier": d.dossier, "events": []}
    proposed: Any = yaml.safe_load(new_entries_yaml(d).replace("# add", "#")) or {}
    for name, f in (proposed.get("facts") or {}).items():
        vocab["facts"].setdefault(name, f)
    for name, st in (proposed.get("step_kinds") or {}).items():
        vocab.setdefault("step_kinds", {}).setdefault(name, st)
    have = {e["id"] for e in timeline.get("events") or []}
    for e in proposed.get("events") or []:
        if e["id"] not in have:
            timeline.setdefault("events", []).append(copy.deepcopy(e))
    vpath.write_text(yaml.safe_dump(vocab, allow_unicode=True, sort_keys=False), encoding="utf-8")
    tpath.write_text(yaml.safe_dump(timeline, allow_unicode=True, sort_keys=False), encoding="utf-8")


def apply_edits(d: RuleDraft, edits: dict[int, dict[str, Any]], vocab: Vocabulary | None) -> RuleDraft:
    """The adviser's changes (the workbench's rule editor): per clause number a ``kind``, the
    object ``facts`` as (fact, op, value) and a deadline ``date``; the clause is rebuilt by the
    same template, and its words and tests with it."""
    for c in d.clauses:
        e = edits.get(c.number)
        if not e:
            continue
        if e.get("kind") in KINDS:
            c.kind = str(e["kind"])
        if "facts" in e:
            kept = [f for f in c.facts if f.role not in ("object", "ambiguous")]
            c.facts = kept + [FactUse(f, op, v, "edited in the workbench", "edited", "object",
                                      new=vocab is not None and f not in vocab.facts)
                              for f, op, v in e["facts"]]
        if e.get("date"):
            c.time = TimePart("date", {"date": str(e["date"])}, "edited in the workbench")
        a = c.args
        if c.kind in NO_RULE:
            c.rule = None
            continue
        event = a.get("event")
        if c.kind in ("result", "inform", "effort") and c.time is not None and c.time.kind == "date" \
                and event is None:
            event = f"{_key(c.text)}_done"
            c.new_entries.append(NewEntry("event", event, "event", f"TODO: '{_short(c.text)}'",
                                          f"TODO: '{_short(c.text)}'", c.time.words))
            a["event"] = event
        c.rule = template(c, a.get("vote_fact"), a.get("support"), event, a.get("tag"), a.get("steps") or [])
    new = {e.name: e for e in d.new_entries}
    for c in d.clauses:
        c.words_nl = rule_in_words(c.rule, c, vocab, new, "nl")
        c.words_en = rule_in_words(c.rule, c, vocab, new, "en")
    d.blockers, d.blocker_codes = [], []
    return d


def timeline_events(ws: Any, dossier: str) -> dict[str, str]:
    """id -> Dutch title of the dossier's timeline events (what a deadline or standstill may name)."""
    tl = ws.timelines.get(dossier)
    return {eid: e.title.nl for eid, e in tl.events.items()} if tl is not None else {}


def render_report(d: RuleDraft, lang: str = "en") -> str:
    """The draft as a person reads it: per clause every part with its words, the blockers,
    then the rule file, its tests and the proposed entries."""
    from compliance.i18n import t

    out = [t("dr_title", lang, motion=d.motion, dossier=d.dossier)]
    for c in d.clauses:
        out.append(t("dr_clause", lang, n=c.number, kind=c.kind, words=_short(c.kind_words, 70)))
        if c.addressee_words:
            out.append(t("dr_addressee", lang, who=c.addressee, words=c.addressee_words))
        if c.time is not None:
            out.append(t("dr_time", lang, kind=c.time.kind, value=c.time.value, words=c.time.words)
                       + ("" if c.time.confirmed else t("dr_unconfirmed", lang)))
        for s, w in c.subjects:
            out.append(t("dr_subject", lang, subject=s, words=w))
        for f in c.facts:
            out.append(t("dr_fact", lang, fact=f.fact, op=f.op, value=f.value, role=f.role, how=f.how,
                         words=_short(f.words, 70)))
        for e in c.new_entries:
            out.append(t("dr_new", lang, kind=e.kind, name=e.name, type=e.type, words=_short(e.words, 60)))
        out.append(t("dr_words", lang, text=c.words_nl if lang == "nl" else c.words_en))
        out += [t("dr_todo", lang, text=x) for x in c.todos]
    if d.blockers:
        out.append(t("dr_blockers", lang))
        out += [f"  - {b}" for b in d.blockers]
    elif d.rule_text is not None:
        out.append(t("dr_ready", lang))
    if d.rule_text is not None:
        out += [t("dr_rule_file", lang), d.rule_text.rstrip()]
    if d.tests_text is not None:
        out += [t("dr_tests_file", lang), d.tests_text.rstrip()]
    entries = new_entries_yaml(d)
    if entries:
        out += [t("dr_entries", lang), entries.rstrip()]
    return "\n".join(out) + "\n"


def draft_motion(ws_root: Path, motion: str, dossier: str | None = None, dictum: str | None = None,
                 lang: str = "en") -> RuleDraft:
    """Draft the rule of a motion of the workspace (an id, or a record file's path), verified."""
    from compliance.loading.workspace import load_workspace_partial

    ws, _ = load_workspace_partial(ws_root)  # the motion's own skeleton may not load yet
    record: dict[str, Any] | None = None
    path = Path(motion)
    if motion.endswith((".yaml", ".yml")):
        from compliance.loading.validate import load_checked
        from compliance.loading.yaml_safe import load_file
        from compliance.model.motion import MotionRecord

        doc = load_file(path, str(path))
        if not isinstance(doc.data, dict):
            raise InputErrors([InputError(str(path), 1, 1, _NOT_RECORD, _NOT_RECORD_FIX)])
        # checked as the loader checks motions/: the id is later a file name, so it must be one
        checked, errs = load_checked(doc, "motion", MotionRecord)
        if errs or checked is None:
            raise InputErrors(errs or [InputError(str(path), 1, 1, _NOT_RECORD, _NOT_RECORD_FIX)])
        record = doc.data
    else:
        found = [m for m in ws.motions if m == motion or m.endswith(f"-{motion}")]
        if len(found) != 1:
            problem = Text(f"no motion {motion!r} in motions/", f"geen motie {motion!r} in motions/") \
                if not found else Text(f"{motion!r} names {len(found)} motions",
                                       f"{motion!r} noemt {len(found)} moties")
            fix = Text("give the motion's id, e.g. 26643-1047, or a record file",
                       "geef het id van de motie, bijv. 26643-1047, of een motierecord")
            raise InputErrors([InputError("MOTION", 1, 1, problem, fix)])
        rec_doc = ws.motions[found[0]].doc
        record = rec_doc.data if isinstance(rec_doc.data, dict) else {}
    assert record is not None
    name = dossier or (record.get("dossiers") or [None])[0]
    vocab = ws.vocabularies.get(str(name)) if name else None
    if vocab is None:
        raise InputErrors([InputError("--dossier", 1, 1, msg("e_no_dossier", dossier=name),
                                      one_of(ws.vocabularies))])
    d = draft_from_record(record, vocab.model, vocab.model.dossier, dictum=dictum,
                          events=timeline_events(ws, vocab.model.dossier))
    in_ws = str(record.get("id")) in ws.motions
    return finish(d, ws_root, vocab.model, lang, record=None if in_ws else record)


def as_data(d: RuleDraft) -> dict[str, Any]:
    return {"motion": d.motion, "dossier": d.dossier, "blockers": d.blockers,
            "clauses": [{"number": c.number, "text": c.text, "kind": c.kind, "kind_words": c.kind_words,
                         "addressee": c.addressee, "addressee_words": c.addressee_words,
                         "polarity": c.polarity,
                         "time": None if c.time is None else {"kind": c.time.kind, "value": c.time.value,
                                                              "words": c.time.words,
                                                              "confirmed": c.time.confirmed},
                         "subjects": [{"subject": s, "words": w} for s, w in c.subjects],
                         "facts": [{"fact": f.fact, "op": f.op, "value": f.value, "role": f.role,
                                    "how": f.how, "new": f.new, "words": f.words} for f in c.facts],
                         "new_entries": [{"kind": e.kind, "name": e.name, "type": e.type,
                                          "nl": e.nl, "en": e.en, "words": e.words} for e in c.new_entries],
                         "rule": c.rule, "in_words": {"nl": c.words_nl, "en": c.words_en},
                         "todos": c.todos} for c in d.clauses],
            "rule": d.rule_text, "tests": d.tests_text, "new_entries": new_entries_yaml(d)}


def fact_def(vocab: Vocabulary | None, name: str) -> FactDef | None:
    return vocab.facts.get(name) if vocab else None
