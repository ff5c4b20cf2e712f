"""One template per request kind and the rule in words, for the rule drafter (draft_rule.py)."""

from __future__ import annotations

from typing import Any

from compliance.authoring.draft_rule_clauses import _STANDSTILL
from compliance.authoring.draft_rule_model import NO_RULE, ClauseDraft, NewEntry
from compliance.model.vocabulary import Vocabulary

# --- templates --------------------------------------------------------------------------

def _vote_fact(vocab: Vocabulary | None) -> str | None:
    if vocab is None:
        return None
    cands = [n for n, f in vocab.facts.items() if f.type == "enum" and f.values
             and {"for", "against"} <= set(f.values) and not f.deprecated]
    return sorted(cands, key=lambda n: ("vote" not in n, n))[0] if cands else None


def _all(conds: list[dict[str, Any]]) -> dict[str, Any]:
    return conds[0] if len(conds) == 1 else {"all": conds}


def _any(conds: list[dict[str, Any]]) -> dict[str, Any]:
    return conds[0] if len(conds) == 1 else {"any": conds}


def _not(c: dict[str, Any]) -> dict[str, Any]:
    return c["not"] if set(c) == {"not"} else {"not": c}


def template(c: ClauseDraft, vote_fact: str | None, support: str | None, event: str | None,
             tag: str | None, steps: list[str]) -> dict[str, Any] | None:
    """The clause rule (without messages) from the one template of its kind."""
    obj = [f.atom() for f in c.facts if f.role == "object"]
    exc = [f.atom() for f in c.facts if f.role == "exception"]
    whl = [f.atom() for f in c.facts if f.role == "while"]
    gate = [f.atom() for f in c.facts if f.role == "gate"]
    rule: dict[str, Any] = {"clause": c.number}
    applies: list[dict[str, Any]] = []
    if exc:
        applies.append(_not(_all(exc)))
    if whl:
        applies.append(_all(whl))
    if c.gate and not gate:
        return None  # what the request waits for is not read: no rule rather than an unconditional one
    if c.kind == "vote":
        if vote_fact is None:
            return None
        votes_for: dict[str, Any] = {"fact": vote_fact, "equals": "for"}
        if support and (c.polarity in ("not_for", "only_if") or gate):
            votes_for = {"concept": support}
        if gate and c.polarity != "against":
            # "(niet) in te stemmen (met X) totdat / pas nadat G": support for X before G conflicts
            rule["conflicts_when"] = _all([votes_for, *obj, _not(_all(gate))])
            rule["complies_when"] = _any([_not(votes_for), *(_not(o) for o in obj), _all(gate)])
        elif gate:
            return None
        elif c.polarity == "not_for":
            if obj:
                rule["conflicts_when"] = _all([votes_for, *obj])
                rule["complies_when"] = _any([_not(votes_for), *(_not(o) for o in obj)])
            else:
                rule["conflicts_when"] = votes_for
                rule["complies_when"] = _not(votes_for)
        elif c.polarity == "not_against":  # only a vote against is barred; abstaining complies
            against = {"fact": vote_fact, "equals": "against"}
            if obj:
                applies.append(_all(obj))
            rule["conflicts_when"] = against
            rule["complies_when"] = _not(against)
        elif c.polarity == "only_if":
            rule["conflicts_when"] = _all([votes_for, _not(_all(obj))]) if obj else None
            rule["complies_when"] = _any([_not(votes_for), _all(obj)]) if obj else None
            if not obj:
                return None
        else:
            want = {"fact": vote_fact, "equals": "against" if c.polarity == "against" else "for"}
            if obj:
                applies.append(_all(obj))
            rule["conflicts_when"] = _not(want)
            rule["complies_when"] = want
    elif c.kind == "standstill" and (steps or _STANDSTILL.search(c.text)):
        if event is None or not steps:
            return None
        ss: dict[str, Any] = {"steps": steps, "until": {"all": c.events or [event]}}
        if support:
            ss["when"] = {"concept": support}
        rule["standstill"] = ss
    elif c.kind == "recurring":
        if tag is None or c.time is None or c.time.value is None:
            return None
        rule["recurring"] = {"events": {"tag": tag}, "every": c.time.value, "from": "adoption"}
    elif gate:
        if not obj:
            return None
        if c.gate == "precondition":  # the act is allowed only once G holds
            rule["conflicts_when"] = _all([_all(obj), _not(_all(gate))])
            rule["complies_when"] = _any([_not(_all(obj)), _all(gate)])
        else:  # the act (as asked, its negation carried) is asked until G
            rule["conflicts_when"] = _all([_not(_all(obj)), _not(_all(gate))])
            rule["complies_when"] = _any([_all(obj), _all(gate)])
    elif c.kind == "standstill" and not steps:
        # a standstill told by its structure ("zolang W, geen X"): the act as asked, under W
        if not obj:
            return None
        rule["conflicts_when"] = _any([_not(o) for o in obj])
        rule["complies_when"] = _all(obj)
    else:
        if c.time is not None and c.time.kind in ("date", "within") and event is not None:
            rule["duty"] = "once"
            rule["deadline"] = {"event": event, "by": c.time.value}
        if obj and c.time is not None and c.time.kind == "moment":
            # due at a moment of the timeline: not done once it has come conflicts; done complies
            rule["conflicts_when"] = _all([{"event": c.time.value["event"], "happened": True},
                                           _any([_not(o) for o in obj])])
            rule["complies_when"] = _all(obj)
        elif obj:
            rule["conflicts_when"] = _any([_not(o) for o in obj])
            rule["complies_when"] = _all(obj)
        elif "deadline" not in rule:
            return None
    if applies:
        rule["applies_when"] = _all(applies)
    order = ["clause", "applies_when", "duty", "deadline", "recurring", "standstill",
             "conflicts_when", "complies_when"]
    return {k: rule[k] for k in order if k in rule and rule[k] is not None}


# --- the rule in words --------------------------------------------------------------------

def _value_words(vocab: Vocabulary | None, fact: str, value: Any, lang: str,
                 new: dict[str, NewEntry]) -> str:
    f = vocab.facts.get(fact) if vocab else None
    if f is not None and f.values and isinstance(value, str) and value in f.values:
        return getattr(f.values[value], lang)
    return str(value).lower()


def _fact_words(vocab: Vocabulary | None, fact: str, lang: str, new: dict[str, NewEntry]) -> str:
    f = vocab.facts.get(fact) if vocab else None
    if f is not None:
        return getattr(f.description, lang).rstrip(".")
    e = new.get(fact)
    return (e.nl if lang == "nl" else e.en).rstrip(".") if e else fact


OPS = {"nl": {"equals": "is", "le": "is ten hoogste", "lt": "is minder dan", "ge": "is ten minste",
              "gt": "is meer dan", "contains": "omvat", "one_of": "is een van"},
       "en": {"equals": "is", "le": "is at most", "lt": "is less than", "ge": "is at least",
              "gt": "is more than", "contains": "includes", "one_of": "is one of"}}


def in_words(cond: dict[str, Any] | None, vocab: Vocabulary | None, lang: str,
             new: dict[str, NewEntry]) -> str:
    if cond is None:
        return "—"
    if "all" in cond:
        joined = " en " if lang == "nl" else " and "
        return joined.join(f"({in_words(c, vocab, lang, new)})" for c in cond["all"])
    if "any" in cond:
        joined = " of " if lang == "nl" else " or "
        return joined.join(f"({in_words(c, vocab, lang, new)})" for c in cond["any"])
    if "not" in cond:
        return ("niet: " if lang == "nl" else "not: ") + in_words(cond["not"], vocab, lang, new)
    if "concept" in cond:
        cd = vocab.concepts.get(cond["concept"]) if vocab else None
        return getattr(cd.description, lang).rstrip(".") if cd else cond["concept"]
    if "event" in cond:
        e = new.get(cond["event"])
        what = (e.nl if lang == "nl" else e.en).rstrip(".") if e else cond["event"]
        return (f"'{what}' heeft plaatsgevonden" if lang == "nl" else f"'{what}' has happened")
    fact = cond["fact"]
    op = next(k for k in cond if k != "fact")
    value = cond[op]
    if isinstance(value, bool):
        text = _fact_words(vocab, fact, lang, new)
        return text if value else ("niet waar: " if lang == "nl" else "not so: ") + text
    return f"{_fact_words(vocab, fact, lang, new)} {OPS[lang].get(op, op)} " \
           f"'{_value_words(vocab, fact, value, lang, new)}'"


def rule_in_words(rule: dict[str, Any] | None, c: ClauseDraft, vocab: Vocabulary | None,
                  new: dict[str, NewEntry], lang: str) -> str:
    nl = lang == "nl"
    if c.kind in NO_RULE:
        return ("Geen regel: het dictum vraagt de regering niets" if nl else
                "No rule: the dictum asks nothing of the government") + f" ('{c.kind_words}')."
    if rule is None:
        return ("Nog geen regel: " if nl else "No rule yet: ") + "; ".join(c.todos)
    parts = []
    if "applies_when" in rule:
        parts.append(("geldt als " if nl else "applies when ")
                     + in_words(rule["applies_when"], vocab, lang, new))
    if "deadline" in rule:
        by = rule["deadline"]["by"]
        when = by.get("date") or f"{by['within']} {'na aanneming' if nl else 'after adoption'}"
        parts.append(f"vraagt '{rule['deadline']['event']}' uiterlijk {when}" if nl else
                      f"asks for '{rule['deadline']['event']}' by {when}")
    if "recurring" in rule:
        r = rule["recurring"]
        parts.append(f"vraagt '{r['events']['tag']}' elke {r['every']}" if nl else
                      f"asks for '{r['events']['tag']}' every {r['every']}")
    if "standstill" in rule:
        s = rule["standstill"]
        until = "', '".join(s["until"]["all"])
        parts.append(f"geen stap {', '.join(s['steps'])} voordat '{until}' (alle)" if nl else
                     f"no step {', '.join(s['steps'])} before all of '{until}'")
    if "conflicts_when" in rule:
        parts.append(("strijdig als " if nl else "conflicts when ")
                     + in_words(rule["conflicts_when"], vocab, lang, new))
    if "complies_when" in rule:
        parts.append(("in lijn als " if nl else "complies when ")
                     + in_words(rule["complies_when"], vocab, lang, new))
    parts.append("anders onbepaald" if nl else "otherwise undetermined")
    return "; ".join(parts) + "."


def _reads_any(node: Any) -> bool:
    """Whether a drafted rule (nested mappings and lists) names a fact or a concept anywhere."""
    if isinstance(node, dict):
        return any(k in ("fact", "concept") or _reads_any(v) for k, v in node.items())
    if isinstance(node, list):
        return any(_reads_any(v) for v in node)
    return False


def _clause_fields() -> set[str]:
    from compliance.model.rules import ClauseRule

    return set(ClauseRule.model_fields)
