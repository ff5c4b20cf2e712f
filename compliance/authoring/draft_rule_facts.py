"""Facts a clause names and new entries it needs, for the rule drafter (draft_rule.py): cues,
descriptions, values, numbers, events, steps and the conditions no fact names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from compliance.authoring.draft_rule_clauses import _ADDRESSEE, _ANAPHOR
from compliance.authoring.draft_rule_model import ClauseDraft, FactUse, NewEntry
from compliance.authoring.draft_rule_time import _DATE, _MOMENT, _PERIOD, _SEASON, _VAGUE, _WITHIN, _YEAR_END
from compliance.authoring.draft_rule_words import (
    _NEGATORS,
    MONTHS,
    _join_particles,
    _norm_space,
    _related,
    _short,
    lemmas,
)
from compliance.drafting import letter as letter_mod
from compliance.drafting.match import find, value_of_match
from compliance.model.vocabulary import Vocabulary

_PIECE = re.compile(r",\s*(?:waarbij|maar|en|met|zodat)\b|,\s*(?=zonder\b)|\s(?:waarbij|maar)\s|"
                    r"\s+en\s+(?=voor|met|om|de|het|een)", re.I)
_NUMBER = re.compile(r"\b(?P<q>maximaal|ten\s+hoogste|hooguit|niet\s+meer\s+dan|minder\s+dan|minimaal|"
                     r"ten\s+minste|tenminste|meer\s+dan|circa|ongeveer|rond|at\s+most|no\s+more\s+than|"
                     r"at\s+least|more\s+than|less\s+than|about|"
                     # a target after a verb of raising or lowering: "te verhogen naar 7.500 euro"
                     r"(?<=\s)(?:naar|tot|op)(?=\s+(?:€\s*)?\d))\s+(?:€\s*)?"
                     r"(?P<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)\s+"
                     r"(?P<u>[\w³]+(?:\s+[\w³]+)?)", re.I)
_QUAL_OP = {"maximaal": "le", "ten hoogste": "le", "hooguit": "le", "niet meer dan": "le",
            "minder dan": "lt", "minimaal": "ge", "ten minste": "ge", "tenminste": "ge",
            "meer dan": "gt", "circa": "le", "ongeveer": "le", "rond": "le", "at most": "le",
            "no more than": "le", "at least": "ge", "more than": "gt", "less than": "lt", "about": "le"}
# words that ask for the absence of what they govern: a verb ("te voorkomen dat X", "X te
# verbieden", "af te zien van X", "een einde te maken aan X", "X onmogelijk te maken", "niet langer
# toe te staan dat X"), or closing a possibility ("de achterdeur om X te sluiten", "de mogelijkheid
# tot X te schrappen", "geen ruimte voor X"). A particle verb is matched split ("uit te sluiten")
# and joined ("uitsluiten", as the cue matcher reads it).
def _pv(particle: str, verb: str) -> str:
    return rf"{particle}\s*(?:te\s+)?{verb}"


_ENGLISH_VERBS = r"prevent|avoid|stop|ban|exclude|rule\s+out|put\s+an\s+end|abolish|prohibit|forbid"
_FORBID_VERBS = "|".join([
    r"te\s+(?:voorkomen|verhinderen|beletten|verbieden|schrappen|weren|stoppen|staken|beëindigen|"
    r"blokkeren|ontmoedigen)", _pv("uit", "sluiten"), _pv("tegen", "(?:gaan|houden)"), _pv("af", "zien"),
    _pv("af", "schaffen"), _pv("in", "trekken"), _pv("uit", "bannen"), r"terug\s+te\s+draaien",
    r"een\s+(?:eind|einde|halt)\s+te\s+(?:maken|roepen|stellen)", r"onmogelijk\s+te\s+maken",
    r"(?:niet|nooit)\s+(?:langer\s+|meer\s+)?(?:" + _pv("toe", "staan") + r"|te\s+(?:accepteren|"
    r"tolereren|dulden|faciliteren))",
    _ENGLISH_VERBS, r"in\s+plaats\s+van|instead\s+of|rather\s+than"])
_POSSIBILITY = (r"(?:achter)?deur|mogelijkheid|mogelijkheden|optie|opties|ruimte|uitweg|weg|route|"
                r"loophole|door|option")
_FORBID_FRAME = re.compile(
    rf"\b(?:{_FORBID_VERBS}|geen\s+(?:{_POSSIBILITY})|"
    rf"(?P<poss>{_POSSIBILITY})\b[^,;]{{0,160}}?\b(?P<close>te\s+sluiten|dicht\s+te\s+(?:doen|zetten|gooien)|"
    rf"op\s+slot\s+te\s+(?:doen|zetten)|weg\s+te\s+nemen|close|shut))\b|"
    # a participle of absence after what it governs: "(tenzij) detectiebevelen zijn uitgesloten"
    r"\b(?P<part>(?:is|zijn|wordt|worden)\s+(?:\w+\s+)?(?:uitgesloten|verboden|geschrapt|geweerd|"
    r"afgeschaft|onmogelijk\s+gemaakt))\b", re.I)
# a frame followed by its complement governs what follows, otherwise (Dutch verb last) what precedes
_COMPLEMENT = re.compile(r"\s*(?:dat|van|aan|met|om|op|tot|voor|that|from|to|on|any|all|the|a)\b", re.I)
_INSTEAD = re.compile(r"in\s+plaats|instead|rather", re.I)
_ENGLISH_FRAME = re.compile(_ENGLISH_VERBS, re.I)


def _named_steps(text: str, vocab: Vocabulary) -> list[str]:
    """The vocabulary's step kinds the words name in full ("een algemene oriëntatie")."""
    have = lemmas(text)
    out = []
    for k, sk in vocab.step_kinds.items():
        want = [w for w in lemmas(getattr(sk, "nl", "") or "") if len(w) >= 5]
        if want and all(any(_related(w, h) for h in have) for w in want):
            out.append(k)
    return sorted(out)


_STEP_OBJECT = re.compile(r"\bstappen\s+(?:te\s+zetten\s+|te\s+nemen\s+)?"
                          r"(?:bij|rond|in|met\s+betrekking\s+tot|"
                          r"ten\s+aanzien\s+van|naar)\s+(?P<what>(?:(?:de|het|een)\s+)?[^,;]+?)"
                          r"(?=\s+(?:te\s+zetten|te\s+nemen)\b|$)", re.I)


def _new_step(main: str, c: ClauseDraft) -> list[str]:
    """The step a standstill bars when the vocabulary has no step kind for it ("geen onomkeerbare
    stappen te zetten bij het afsluiten van putten"): proposed as a new step kind."""
    m = _STEP_OBJECT.search(main)
    if m is None:
        return []
    what = _norm_space(m.group("what"))
    name = "_".join(re.sub(r"[^a-z0-9]", "", w) for w in [x for x in lemmas(what) if len(x) > 3][:3])[:50]
    if not name:
        return []
    c.new_entries.append(NewEntry("step", name, "step", what, f"TODO (translate): {what}", m.group(0)))
    c.todos.append(f"the step '{what}' is not a step kind of the dossier: a new one is proposed")
    return [name]


def _cue_facts(text: str, vocab: Vocabulary, role: str) -> list[FactUse]:
    let = letter_mod.read(_join_particles(text))
    out: list[FactUse] = []
    for name, fact in vocab.facts.items():
        if fact.cues is None or fact.deprecated:
            continue
        found: list[tuple[int, Any, str, bool, str]] = []
        for key, vc in fact.cues.values.items():
            cued: Any = (key == "true") if fact.type == "bool" else key
            for phrase in vc.all():
                for m in find(let, phrase):
                    # a dictum is a request throughout: its conditional words are the request's own
                    v = value_of_match(fact.type, cued, vc.negated, m.negated)
                    if v is None:
                        continue
                    quote = let.text[let.start[m.first]:let.end[m.last]]
                    found.append((m.first, v, quote, m.negated, phrase))
        if not found and fact.cues.addressed is not None:
            # the vocabulary's own words for the fact without a value: named, as context
            hit = next((m for phrase in fact.cues.addressed.all() for m in find(let, phrase)), None)
            if hit is not None:
                quote = let.text[let.start[hit.first]:let.end[hit.last]]
                out.append(FactUse(name, "named", None, quote, "cue", "context"))
            continue
        if not found:
            continue
        found.sort(key=lambda x: x[0])
        values = list(dict.fromkeys(v for _, v, _, _, _ in found))
        if fact.type == "set":
            out.extend(FactUse(name, "contains", v, q, "cue", role, negated=n, cue=ph) for _, v, q, n, ph in
                       {v: (0, v, q, n, ph) for _, v, q, n, ph in found}.values())
            continue
        if len(values) > 1:
            continue  # two values named: an ambiguity the adviser resolves, never a guess
        out.append(FactUse(name, "equals", values[0], found[0][2], "cue", role, negated=found[0][3],
                           cue=found[0][4]))
    return out


def _idf_ok(vocab: Vocabulary) -> dict[str, set[str]]:
    """Per fact its distinctive description lemmas (those in at most a quarter of the facts)."""
    per = {n: set(lemmas(f.description.nl)) for n, f in vocab.facts.items() if not f.deprecated}
    counts: dict[str, int] = {}
    for ls in per.values():
        for lem in ls:
            counts[lem] = counts.get(lem, 0) + 1
    limit = max(1, len(per) // 4)
    return {n: {lem for lem in ls if counts[lem] <= limit} for n, ls in per.items()}


_NEGATION_WORDS = re.compile(r"\b(?:niet|geen|nooit|zonder|langer|stop\w*|beëindig\w*|af\s+te\s+zien|"
                             r"not|no|never|without|stops?)\b", re.I)


def _description_facts(text: str, vocab: Vocabulary, role: str, taken: set[str]) -> list[FactUse]:
    """Facts the words name in the MPs' own words, by the lemmas of the fact's description
    (two distinctive ones, a third of them). A bool fact named without any negation on either
    side is read as asked (true); with a negation in the words or in the description the
    drafter cannot tell which way it goes, and a fact of another type needs its value or
    number: these are named as context with the value left to the adviser, never guessed."""
    have = lemmas(text)
    out: list[FactUse] = []
    words = text.split()
    for name, distinct in _idf_ok(vocab).items():
        fact = vocab.facts[name]
        if name in taken:
            continue
        hits = [w for w in distinct if len(w) >= 6 and any(_related(w, h) for h in have)]
        if len(hits) < 2 or len(hits) < 0.34 * len(distinct):
            continue
        first = min((i for i, w in enumerate(words) if any(_related(h, lem) for h in hits
                                                          for lem in lemmas(w))), default=0)
        quote = " ".join(words[max(0, first - 6):first + 6])
        before = {w.lower().strip(",.") for w in words[max(0, first - 6):first]}
        if fact.type != "bool" or fact.cues is not None:
            # a fact with cues that did not fire, or one with values: named, its value to confirm
            out.append(FactUse(name, "named", None, quote, "description", "context"))
            continue
        if _NEGATION_WORDS.search(fact.description.nl) and (before & _NEGATORS):
            out.append(FactUse(name, "named", None, quote, "description", "context"))
            continue
        value = not bool(before & _NEGATORS)
        out.append(FactUse(name, "equals", value, quote, "description", role, negated=not value))
    return out


def _referred_facts(c: ClauseDraft, body: str, vocab: Vocabulary, considerations: list[str]) -> None:
    """Facts a request names by pointing back ("zulke bevelen"): read in the consideration the
    pointer refers to (the one sharing the noun's lemma), named as context for the adviser."""
    have = {f.fact for f in c.facts}
    for m in _ANAPHOR.finditer(body):
        noun = lemmas(m.group(1))
        if not noun:
            continue
        for part in considerations:
            if not any(_related(noun[0], w) for w in lemmas(part)):
                continue
            uses = _cue_facts(part, vocab, "context")
            uses += _description_facts(part, vocab, "context", {u.fact for u in uses})
            uses += _value_facts(part, vocab, "context", {u.fact for u in uses})
            for u in uses:
                if u.fact in have:
                    continue
                have.add(u.fact)
                c.facts.append(FactUse(u.fact, "named", u.value, f"{m.group(0)} → {_short(part, 60)}",
                                       u.how, "context"))
            c.todos.append(f"'{m.group(0)}' refers to the considerations ('{_short(part, 60)}'): the facts "
                           "read there are named, not made conditions — confirm")


def _value_facts(text: str, vocab: Vocabulary, role: str, taken: set[str]) -> list[FactUse]:
    """Enum and set facts whose value the words name by the value's own description ("bij de
    Nationaal Coördinator Groningen" names the coordinator as who carries out): named as
    context with that value for the adviser, never a condition by guess."""
    have = lemmas(text)
    out: list[FactUse] = []
    for name, fact in vocab.facts.items():
        if name in taken or fact.deprecated or fact.type not in ("enum", "set") or not fact.values:
            continue
        best: tuple[float, str] | None = None
        for value, vt in fact.values.items():
            want = [w for w in dict.fromkeys(lemmas(re.sub(r"[()]", " ", getattr(vt, "nl", "") or "")))
                    if len(w) >= 4]
            # a short value word may head a compound of the dictum ("e-mail" in "e-maildiensten")
            # (the lemmatiser may read the short word as a verb: "mail" -> "mailen")
            hits = [w for w in want if any(
                _related(w, h) or (len(h) >= len(w) + 4 and h.startswith(w))
                or (w.endswith("en") and len(w) >= 6 and len(h) >= len(w) + 2 and h.startswith(w[:-2]))
                for h in have)]
            if want and len(hits) >= 2 and len(hits) >= 0.5 * len(want):
                score = len(hits) / len(want)
                if best is None or score > best[0]:
                    best = (score, value)
        if best is not None:
            out.append(FactUse(name, "named", best[1], getattr(fact.values[best[1]], "nl", best[1]),
                               "value", "context"))
    return out


_YEAR_WORDS = {"jaar", "jaren", "year", "years"}


_RAISE = re.compile(r"\b(?:verhog\w*|op\s+te\s+hogen|verdubbel\w*|uit\s+te\s+breiden|te\s+laten\s+stijgen|"
                    r"raise|increase)\b", re.I)
_LOWER = re.compile(r"\b(?:verlag\w*|te\s+verlagen|beperk\w*|te\s+beperken|terug\s+te\s+brengen|"
                    r"af\s+te\s+bouwen|lower|reduce|limit)\b", re.I)


def _number_facts(text: str, vocab: Vocabulary, role: str, key: str, new: list[NewEntry],
                  prefer: Iterable[str] = ()) -> list[FactUse]:
    out: list[FactUse] = []
    for m in _NUMBER.finditer(text):
        q = re.sub(r"\s+", " ", m.group("q").lower())
        if q in ("naar", "tot", "op"):
            # the direction is the verb's: raising to N asks at least N, lowering to N at most N
            op = "ge" if _RAISE.search(text) else "le" if _LOWER.search(text) else ""
            if not op:
                continue
        else:
            op = _QUAL_OP[q]
        raw = m.group("n")
        # Dutch writes thousands with dots ("10.000 euro") and decimals with a comma
        raw = raw.replace(".", "") if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", raw) else raw
        n = float(raw.replace(",", "."))
        value: int | float = int(n) if n.is_integer() else n
        unit = m.group("u").lower()
        unit_words = set(re.findall(r"\w+", unit))
        best = None
        # "2 jaar" is a duration, "2032" a calendar year: a fact counted in years (unit "jaar")
        # holds a year, so a number below 1000 in years never names it
        duration = bool(unit_words & _YEAR_WORDS) and value < 1000
        preferred = list(prefer)
        for name, fact in sorted(vocab.facts.items(), key=lambda kv: kv[0] not in preferred):
            if fact.type != "number" or fact.deprecated:
                continue
            known = set(re.findall(r"\w+", f"{fact.unit or ''}".lower()))
            if duration and known & _YEAR_WORDS:
                continue
            if unit_words & known - {"van", "de"}:
                best = name
                break
        if best is None:
            unit_name = "years" if unit.split()[0] in ("jaar", "jaren", "year", "years") else \
                re.sub(r"\W+", "_", unit.split()[0])
            fname = f"{key}_{unit_name}"[:60]
            best = fname
            if not any(e.name == fname for e in new):
                new.append(NewEntry("fact", fname, "number",
                                    f"TODO: het getal in '{m.group(0)}' (eenheid: {unit})",
                                    f"TODO: the number in '{m.group(0)}' (unit: {unit})", m.group(0)))
        use = FactUse(best, op, value, m.group(0), "number", role, new=best not in vocab.facts)
        out.append(use)
    return out


# a quantity the request is about: "het aantal reservisten", "het aandeel sociale huur"
_QUANTITY = re.compile(r"\b(?:het\s+|de\s+)?(?P<q>aantal|aandeel|percentage|bedrag|niveau|hoeveelheid|omvang)"
                       r"\s+(?:van\s+(?:de\s+|het\s+)?)?(?P<what>[^\W\d_][\w-]*)", re.I)
_QUANTITY_NAME = {"aantal": "count", "aandeel": "share_pct", "percentage": "pct", "bedrag": "eur",
                  "niveau": "level", "hoeveelheid": "amount", "omvang": "size"}


def _quantity_entry(text: str, c: ClauseDraft) -> list[FactUse]:
    """A quantity the words ask about that no number fact of the vocabulary names: proposed as a
    number fact, named as context (the bound — doubled, raised, at least — is the adviser's)."""
    m = _QUANTITY.search(text)
    if m is None:
        return []
    what = [w for w in lemmas(m.group("what")) if len(w) >= 4]
    if not what:
        return []
    name = f"{re.sub(r'[^a-z0-9]', '', what[0])}_{_QUANTITY_NAME[m.group('q').lower()]}"[:60]
    if not any(e.name == name for e in c.new_entries):
        c.new_entries.append(NewEntry("fact", name, "number",
                                      f"TODO: {m.group(0)} (het getal waar de motie over gaat)",
                                      f"TODO (translate): {m.group(0)} (the number the motion is about)",
                                      m.group(0)))
        c.todos.append(f"'{m.group(0)}': a number fact is proposed; write the bound the motion asks for")
    return [FactUse(name, "named", None, m.group(0), "number", "context", new=True)]


def _pieces(text: str) -> list[str]:
    """The requirements of one request ("X te beperken tot A, waarbij B, maar tot C"): a piece
    too short to name anything joins the one before it."""
    out: list[str] = []
    for p in _PIECE.split(text):
        p = p.strip(" ,;.")
        if not p:
            continue
        if out and len(lemmas(p)) < 3 and not _NUMBER.search(p):
            out[-1] += " " + p
        else:
            out.append(p)
    return out or [text]


_KEY_NOISE = re.compile(r"\b(?:de\s+kamer|informeren|te\s+informeren|te\s+rapporteren|te\s+berichten|"
                        r"hierover|daarover|termijn|uiterlijk|binnen|jaarlijks\w*|halfjaarlijks\w*|totdat|zolang|"
                        r"voordat|nadat|eerder)\b", re.I)


# a negation of the act ("de vergunning niet te verlengen"): kept in the name, or true would read
# as its opposite; a negated moment ("niet eerder dan", "niet later dan") times, it does not negate
_NEGATION = re.compile(r"\b(?:niet|geen|nooit|not|no|never)\b(?!\s+(?:eerder|later|voordat|na|vóór|voor|"
                       r"earlier|later|before|after)\b)", re.I)


def _key(text: str) -> str:
    text = _ADDRESSEE.sub("", text)
    negated = _NEGATION.search(text) is not None
    for rx in (_MOMENT, _DATE, _WITHIN, _SEASON, _YEAR_END, _PERIOD, _VAGUE, _KEY_NOISE):
        text = rx.sub(" ", text)  # a request is named after what it asks, not when
    words = [w for w in lemmas(text) if len(w) > 4][:3]
    key = "_".join(re.sub(r"[^a-z0-9]", "", w) for w in words)[:40] or "request"
    return f"not_{key}" if negated else key


def _gate_entries(c: ClauseDraft, cond: str, events: dict[str, str], key: str, role: str) -> None:
    """What a gated request waits for, when no fact of the vocabulary names it: a timeline event
    of the vocabulary, else a proposed one (a moment: "totdat", "nadat", "niet eerder dan"), else
    a proposed bool fact (a state: "pas als", "alleen als")."""
    if not cond:
        return
    found = _match_events(cond, events) if events and role == "gate" else []
    if found:
        c.facts.extend(FactUse(e, "event", True, cond, "timeline", "gate") for e in found)
        return
    negated = bool(re.search(r"\b(?:geen|niet|not|no)\b", cond, re.I))
    # a moment is an event of the timeline; a negated one ("totdat er geen X meer is") is a state
    moment = role == "gate" and not negated and (c.gate == "until" or bool(re.search(
        r"\b(?:na|nadat|zodra|eerder|after|before)\b|\d{4}", c.text, re.I)))
    words = _norm_space(re.sub(r"\b(?:geen|niet|not|no)\b", "", cond, flags=re.I))
    name = f"{_key(words) or key}_{'happened' if moment else 'holds'}"[:60]
    day = re.fullmatch(r"(?:(?:op|in)\s+)?(?:(\d{1,2})\s+([a-z]+)\s+)?(\d{4})", words, re.I)
    if moment and day:
        # a date as the condition: the day itself, as an event of the timeline dated that day
        month = MONTHS.get((day.group(2) or "").lower())
        name = f"date_{day.group(3)}_{month or 1:02d}_{int(day.group(1) or 1):02d}_reached"
        c.todos.append(f"'{words}' is a date: the proposed event {name} is that day on the timeline")
    if any(e.name == name for e in c.new_entries):
        name = f"{name[:52]}_{role}"
    if moment:
        c.new_entries.append(NewEntry("event", name, "event",
                                      f"TODO: waarop de motie wacht: '{_short(words)}'",
                                      f"TODO: what the motion waits for: '{_short(words)}'", cond))
    else:
        c.new_entries.append(NewEntry("fact", name, "bool",
                                      f"De voorwaarde van de motie geldt: '{_short(words)}'",
                                      f"TODO (translate): the motion's condition holds: '{_short(words)}'",
                                      cond))
    use = FactUse(name, "event" if moment else "equals", True if moment else not negated, cond,
                  "new", role, new=True, negated=negated)
    c.facts.append(use)


_EMPTY = Vocabulary.model_construct(dossier="none", title=None, facts={}, concepts={}, step_kinds={})


def _cue_holds(cue: str | None, frame: str) -> bool:
    """Does the cue's own text hold a word of the frame (its verb, or "plaats" of "in plaats
    van"), rather than the frame falling in one of the cue's gaps?"""
    if not cue:
        return False
    words = {w for w in re.findall(r"\w+", frame.lower()) if len(w) > 3}
    stems = [w.rstrip("*") for w in re.findall(r"[\w*]+", cue.lower())]
    # one stem, two endings ("sluiten" / "sluiting"): a shared beginning of five letters
    return any(s and (w.startswith(s) or s.startswith(w) or (len(s) >= 5 and w[:5] == s[:5]))
               for w in words for s in stems)


def _forbidden(piece: str, uses: list[FactUse], vocab: Vocabulary, c: ClauseDraft) -> None:
    """A fact governed by words that ask for its absence ("te voorkomen dat X", "de achterdeur om X
    te sluiten") is asked with its value turned round: a bool negated, an enum as any of its other
    values (unknown stays unknown); a cue whose own words hold the frame ("definitief te sluiten")
    already means what it says, and what cannot be turned (a number, a value already negated)
    is left to the adviser rather than drafted the wrong way round."""
    joined = _join_particles(piece)
    turned: set[int] = set()
    for m in _FORBID_FRAME.finditer(joined):
        lo, hi = m.span()
        word = m.group(0)
        verb_first = bool(_COMPLEMENT.match(joined, hi) or _ENGLISH_FRAME.fullmatch(word)
                          or _INSTEAD.match(word) or word.lower().startswith("geen"))
        if m.group("poss") is None and m.group("part") is None and verb_first:
            # what follows, to the next comma ("in plaats van X, Y te doen": Y is asked)
            end = joined.find(",", hi)
            scope = (hi, len(joined) if end < 0 else end)
        elif m.group("part") is not None:  # what precedes, from the clause's own start
            opener = list(re.finditer(r",|\b(?:die|dat|waarin|als|tenzij|zolang|mits|behalve)\b",
                                      joined[:lo], re.I))
            scope = (opener[-1].end() if opener else 0, lo)
        else:
            scope = (0, lo) if m.group("poss") is None else (m.start("poss"), m.start("close"))
        if m.group("poss") is not None:
            lo = m.start("close")  # the cue holding the closing verb itself means what it says
        # a frame itself negated ("niet langer uit te sluiten", "niet te voorkomen"): a double
        # negation the drafter does not resolve — what it governs is left to the adviser
        undone = bool(re.search(r"\b(?:niet|geen|nooit|not|no)\s+(?:(?:langer|meer|longer)\s+)?$",
                                joined[:lo], re.I)) and not re.match(r"niet|geen|nooit", word, re.I)
        governed = []
        for u in uses:
            if u.how not in ("cue", "description", "value") or u.op == "named" or u.role == "ambiguous" \
                    or id(u) in turned:
                continue
            at = joined.find(u.words)
            if at < 0:
                at = piece.find(u.words)
            if at < 0:
                continue
            overlap = at < hi and at + len(u.words) > lo
            if overlap and _cue_holds(u.cue, word):
                # the cue holds the frame's verb; but when that verb's object is itself an act
                # ("te stoppen met Warffum af te bouwen") or another frame, the cue's value may be
                # the act stopped, the reverse of what it says: left to the adviser
                at_piece = piece.find(u.words)
                rest = (piece[at_piece + len(u.words):] if at_piece >= 0 else "").split(",", 1)[0]
                if re.search(r"\bte\s+\w+", rest, re.I) or _FORBID_FRAME.search(rest) \
                        or re.search(r"\b(?:beeindig|beëindig|stop|schrap|verbied)\w*", rest, re.I):
                    u.role = "ambiguous"
                continue
            if not overlap and not (scope[0] <= at < scope[1]):
                continue  # a frame in one of the cue's gaps governs it; otherwise only its scope
            governed.append(u)
        # two facts forbidden together ("te voorkomen dat detectiebevelen gelden voor versleutelde
        # diensten") are not(A and B): turning each would forbid A alone — left to the adviser,
        # unless the words join them by "of" / "noch" (not(A or B) is not-A and not-B)
        together = len(governed) > 1 and not re.search(r"\b(?:of|noch|nor|or)\b", joined[scope[0]:scope[1]],
                                                       re.I)
        for u in governed:
            f = vocab.facts.get(u.fact)
            if u.negated or f is None or undone or together:
                u.role = "ambiguous"
            elif f.type == "bool" and u.op == "equals" and isinstance(u.value, bool):
                u.value, u.negated = not u.value, True
            elif f.type == "enum" and u.op == "equals" and f.values and u.value in f.values:
                u.op, u.value, u.negated = "one_of", sorted(v for v in f.values if v != u.value), True
            else:
                u.role = "ambiguous"
            turned.add(id(u))
            if u.role == "ambiguous":
                c.todos.append(f"'{m.group(0)}' asks for the absence of {u.fact} = {u.value!r}: how to "
                               "turn it round is left to you")
            else:
                c.todos.append(f"'{m.group(0)}' asks for the absence of what it governs: {u.fact} is "
                               f"read as {u.value!r} — confirm")


def _unclaimed_negation(piece: str, uses: list[FactUse], vote_words: str, c: ClauseDraft) -> None:
    """A negation no matched fact took ("geen voorstel met X te steunen" read as a result): the
    drafter cannot tell whether X is asked or forbidden, so X leaves the conditions with a TODO
    rather than risk an inverted rule."""
    rest = piece.lower()
    for words in [vote_words, *(u.words for u in uses)]:
        if words:
            rest = rest.replace(words.lower(), " ")
    rest = _NUMBER.sub(" ", rest)
    # one negation each, its own 'niet' or 'geen' included; "in plaats van X" negates only X
    frames = sum(1 for m in _FORBID_FRAME.finditer(rest) if not _INSTEAD.match(m.group(0)))
    rest = _FORBID_FRAME.sub(" ", rest)
    left = sum(1 for w in re.findall(r"[\w']+", rest) if w in _NEGATORS) + frames
    left -= sum(1 for u in uses if u.negated and u.how in ("cue", "description"))
    # a negation inside a cue's own span that is not a word of the cue ("de NAM niet langer te laten
    # meebeslissen": the cue names NAM and reinforcement, the 'niet' lies in its gap) is unclaimed too
    for u in uses:
        if u.how == "cue" and not u.negated:
            own = set(re.findall(r"[\w']+", u.cue.lower()))
            left += sum(1 for w in re.findall(r"[\w']+", u.words.lower()) if w in _NEGATORS and w not in own)
    if left <= 0:
        return
    for u in uses:
        if not u.negated and u.how in ("cue", "description"):
            u.role = "ambiguous"
            c.todos.append(f"a negation in '{_short(piece, 60)}' belongs to no fact the drafter found: "
                           f"whether {u.fact} = {u.value!r} is asked or forbidden is left to you")


def _match_events(text: str, events: dict[str, str]) -> list[str]:
    """Timeline events the words name (each part of 'verstuurd én besproken' on its own)."""
    out: list[str] = []
    parts = [p for p in re.split(r"\s+(?:en|én|and)\s+", text) if p.strip()] or [text]
    whole = set(lemmas(text))
    for part in parts:
        have = set(lemmas(part)) or whole
        best, score = None, 0.0
        for eid, title in sorted(events.items()):
            want = {w for w in lemmas(f"{title} {eid.replace('_', ' ')}") if len(w) >= 5}
            if not want:
                continue
            hits = sum(1 for w in want if any(_related(w, h) for h in have | whole))
            own = sum(1 for w in want if any(_related(w, h) for h in have))
            sc = hits / len(want) + own
            if hits >= 2 and own >= 1 and hits / len(want) >= 0.4 and sc > score:
                best, score = eid, sc
        if best is not None and best not in out:
            out.append(best)
    return out


def _irreversible_steps(vocab: Vocabulary) -> list[str]:
    """Step kinds the vocabulary itself calls irreversible: those named by the values of a
    concept about irreversibility (by their first word: 'trilogue' for 'trilogue_agreement')."""
    values: set[str] = set()

    def walk(c: Any) -> None:
        if isinstance(c, dict):
            for k, v in c.items():
                if k in ("one_of", "equals") and isinstance(v, (list, str)):
                    values.update([v] if isinstance(v, str) else v)
                else:
                    walk(v)
        elif isinstance(c, list):
            for x in c:
                walk(x)

    for name, cd in vocab.concepts.items():
        if "irreversib" in name or "irreversib" in cd.description.en.lower():
            walk(cd.when)
    heads = {v.split("_")[0] for v in values} | values
    return sorted(k for k in vocab.step_kinds if k in values or k.split("_")[0] in heads)


def _qualifiers(c: ClauseDraft, vocab: Vocabulary) -> None:
    """A fact read 'for that gas year' needs the fact that says which: named as context,
    with a TODO, never made a condition by guess."""
    for f in list(c.facts):
        fd = vocab.facts.get(f.fact)
        if fd is None:
            continue
        m = re.search(r"\bfor that ([a-z]+(?: [a-z]+)?)", fd.description.en.lower())
        if not m:
            continue
        for name, other in vocab.facts.items():
            head = " ".join(other.description.en.lower().split()[:4])
            if name != f.fact and m.group(1) in head and name not in {u.fact for u in c.facts}:
                c.facts.append(FactUse(name, "qualifies", f.fact, f.words, "description", "context"))
                c.todos.append(f"{f.fact} is read for one {m.group(1)}: say which in the rule "
                               f"({name}), or in the rationale")


def _subjects(c: ClauseDraft, vocab: Any) -> list[tuple[str, str]]:
    """The dossier's subjects (``subjects: {id: {nl, en}}`` in dossier.yaml, when it has them)
    this clause concerns: those of the facts it reads (a fact's own ``subjects``), then those
    whose name the dictum's words name."""
    subjects = getattr(vocab, "subjects", None) or {}
    out: dict[str, str] = {}
    for f in c.facts:
        fd = vocab.facts.get(f.fact)
        for sid in getattr(fd, "subjects", None) or []:
            if sid in subjects:
                out.setdefault(sid, f.words)
    have = lemmas(c.text)
    for sid, name in subjects.items():
        words = lemmas(f"{sid.replace('_', ' ')} {getattr(name, 'nl', '')}")
        hit = [w for w in words if len(w) >= 5 and any(_related(w, h) for h in have)]
        if hit:
            out.setdefault(sid, hit[0])
    return sorted(out.items())
