"""A dictum cut into clauses and each clause's request kind, for the rule drafter (draft_rule.py):
the operative verbs, the addressee, several requests in one sentence, lists, conditions."""

from __future__ import annotations

import re

from compliance.authoring.draft_rule_time import _PERIOD
from compliance.authoring.draft_rule_words import _norm_space, lemmas

# --- reading the dictum ----------------------------------------------------------------

_OPERATIVE = re.compile(
    r"(?:^|(?<=[;\n]))\s*(?=(verzoekt|roept|draagt|vraagt|spreekt|stemt|constateert|besluit|"
    r"is van mening|is van oordeel|is de mening toegedaan|vindt|meent|acht|erkent|verklaart|"
    r"betreurt|veroordeelt|dringt)\b)", re.I)
_STATEMENT = re.compile(r"^(spreekt\s+(?:\w+\s+){0,3}?uit\b|spreekt\b|stemt\s+(niet\s+)?in\b|constateert|"
                        r"besluit|is\s+van\s+(?:mening|oordeel)|is\s+de\s+mening\s+toegedaan|vindt\b|meent\b|"
                        r"acht\b|erkent\b|verklaart\b|"
                        r"betreurt|veroordeelt)", re.I)
_ADDRESSEE = re.compile(r"^(verzoekt|roept|draagt|vraagt|dringt)\s+(?:er\s+)?(?:bij\s+)?"
                        r"(?P<who>(?:de|het|alle)\s+[\w-]+"
                        # a minister's portfolio is a run of capitalised words ("van Justitie en Veiligheid")
                        r"(?:\s+(?:van|voor)\s+(?-i:[A-Z][\w-]*(?:\s+(?:(?:en|van|voor)\s+)?[A-Z][\w-]*)*)|"
                        r"\s+(?:van|voor)\s+[\w-]+(?:\s+en\s+[\w-]+)?)?)"
                        r"(?:\s+op(?:\s+aan)?)?\s*(?:om\b)?\s*,?", re.I)
_GOVERNMENT = re.compile(r"regering|kabinet|minister|staatssecretaris|premier", re.I)
_INFORM = re.compile(r"\b(rapporteer\w*|informeer\s+de\s+kamer|bericht\s+de\s+kamer|"
                     r"te\s+informeren|te\s+rapporteren|te\s+berichten|op\s+de\s+hoogte\s+te\s+"
                     r"(?:houden|stellen)|een\s+brief\s+te\s+(?:sturen|zenden)|te\s+melden|"
                     r"voortgangsrapportage|te\s+laten\s+weten|"
                     # "een brief aan de Kamer te sturen", "dat de Kamer wordt geïnformeerd"
                     r"brief\s+(?:[\w-]+\s+){0,4}?te\s+(?:sturen|zenden|schrijven)|"
                     r"(?:naar|aan)\s+de\s+kamer\s+(?:\w+\s+){0,2}?te\s+(?:sturen|zenden)|"
                     r"kamer\s+(?:\w+\s+){0,4}?te\s+doen\s+toekomen|"
                     r"kamer\s+(?:[\w-]+\s+){0,5}?(?:wordt|worden|te\s+worden)\s+(?:geïnformeerd|ingelicht)|"
                     r"(?:geïnformeerd|ingelicht)\s+(?:\w+\s+){0,3}?(?:wordt|te\s+worden))\b", re.I)
_INFORM_EN = re.compile(r"\b(inform|report|keep)\b.{0,40}\bhouse\b|\bhouse\b.{0,20}\binformed\b", re.I)
_STANDSTILL = re.compile(r"\b(onomkeerbare\s+stappen|onomkeerbare|geen\s+(?:\w+\s+){0,3}stappen\s+te\s+"
                         r"zetten|irreversible)\b", re.I)
_VOTE_NEG = re.compile(r"\b((?:niet|geen)\s+(?:\w+\s+){0,6}?(?:in\s+te\s+stemmen|instemmen|steun\w*|"
                       r"voor\s+te\s+stemmen|voorstemmen)|"
                       # "zich te onthouden van steun aan": to withhold support, not to abstain
                       r"(?:zich\s+)?(?:\w+\s+){0,3}?te\s+onthouden\s+van\s+(?:\w+\s+){0,2}?(?:steun|instemming)|"
                       r"stem\w*\s+(?:\w+\s+){0,2}?niet\s+in\b|steun\w*\s+geen|steun\w*\s+(?:\w+\s+){0,4}?niet\b|"
                       r"stem\w*\s+(?:\w+\s+){0,2}?tegen\b|verzet\s+(?:je|zich|u)\s+(?:\w+\s+){0,5}?tegen|"
                       r"do\s+not\s+(?:support|approve|agree)|agree\s+to\s+no|oppose|"
                       r"tegen\s+(?:\w+\s+){0,6}?te\s+stemmen|tegenstemmen|"
                       r"not\s+(?:to\s+)?(?:agree|support|vote\s+for))\b", re.I)
_VOTE_AGAINST = re.compile(r"\b(tegen\s+(?:\w+\s+){0,6}?te\s+stemmen|tegenstemmen|vote\s+against|"
                           r"stem\w*\s+(?:\w+\s+){0,2}?tegen\b|"
                           # to oppose is more than not to support: the reading that asks a vote against
                           r"verzet\s+(?:je|zich|u)\s+(?:\w+\s+){0,5}?tegen|zich\s+te\s+verzetten|"
                           r"oppose)", re.I)
_VOTE_ONLY = re.compile(r"\b(uitsluitend|alleen|slechts|only)\b(?:\s+\w+){0,4}?\s+(in\s+te\s+stemmen|"
                        r"instemmen|voor\s+te\s+stemmen|agree|support)\b", re.I)
# opposition itself negated ("zich niet te verzetten tegen", "niet tegen te stemmen"): only a vote
# against is barred, an abstention complies — never read as a vote for
_VOTE_NOT_AGAINST = re.compile(r"\b(?:niet|geen|nooit)\s+(?:\w+\s+){0,4}?"
                               r"(?:tegen\s+(?:\w+\s+){0,6}?te\s+stemmen|"
                               r"tegenstemmen|te\s+verzetten|verzet\w*)\b|\bzich\s+niet\s+(?:\w+\s+){0,4}?te\s+verzetten\b|"
                               r"\bnot\s+(?:to\s+)?(?:vote\s+against|oppose)\b", re.I)
# "niet X te doen zonder (dat) G" and "niet zonder G X te doen": a double negation, X allowed only
# when G — read as "alleen X te doen als G" (the condition kept, never "no X")
_NOT_WITHOUT_AFTER = re.compile(r"\bniet\s+(?P<act>(?:[\w-]+\s+){0,10}?te\s+[\w-]+(?:\s+[^,;]*?)?)\s*,?\s*"
                                r"\bzonder\s+(?:dat\s+)?(?P<cond>[^,;]+)", re.I)
_NOT_WITHOUT_BEFORE = re.compile(r"\bniet\s+zonder\s+(?:dat\s+)?(?P<cond>[^,;]+?)\s+(?P<act>"
                                 r"(?:(?:in|tegen|voor|uit|op|aan|af|over|toe)\s+)?te\s+[\w-]+[^,;]*)", re.I)


def read_not_without(text: str) -> tuple[str, str]:
    """The text with "niet … zonder …" read as "alleen … als …", and the words it rests on ('')."""
    m = _NOT_WITHOUT_BEFORE.search(text) or _NOT_WITHOUT_AFTER.search(text)
    if m is None:
        return text, ""
    act, cond = m.group("act").strip(), m.group("cond").strip()
    return f"{text[:m.start()]}alleen {act} als {cond}{text[m.end():]}", m.group(0)


_VOTE_FOR = re.compile(r"\b(voor\s+(?:\w+\s+){0,6}?te\s+stemmen|in\s+te\s+stemmen|instemmen|"
                       r"stem\w*\s+(?:\w+\s+){0,2}?voor\b|stem\w*\s+(?:\w+\s+){0,2}?in\s+met|"
                       r"steun\s+te\s+(?:geven|verlenen)|vote\s+for|agree\s+to)\b", re.I)
_VOTE_ANY = re.compile(r"\b(te\s+stemmen|in\s+te\s+stemmen|instemmen|stemming|vote|"
                       r"zich\s+te\s+onthouden)\b", re.I)
_EFFORT = re.compile(r"\b(zet\s+(?:je|zich|u)\s+(?:\w+\s+){0,2}?in\b|"
                     r"zich\s+(?:\w+\s+){0,4}?in\s+te\s+zetten|in\s+te\s+zetten\s+(?:voor|op|om)|"
                     r"(?:hulp|druk|middelen)\w*\s+(?:\w+\s+){0,3}in\s+te\s+zetten|"
                     # a request that asks only what can be done is an effort
                     r"waar\s+(?:dat\s+|het\s+)?(?:mogelijk|kan)|zo\s*veel\s+mogelijk|voor\s+zover\s+mogelijk|"
                     r"alles\s+op\s+alles|te\s+bevorderen|te\s+streven|te\s+pleiten|"
                     r"zich\s+(?:\w+\s+){0,3}(?:sterk|hard)\s+te\s+maken|aan\s+te\s+dringen|"
                     r"druk\s+uit\s+te\s+oefenen|te\s+bepleiten|in\s+(?:europees\s+verband|de\s+raad|"
                     r"brussel)|te\s+stimuleren|dialo\w+\s+te\s+(?:starten|voeren|openen)|in\s+(?:overleg|gesprek|dialoog)\s+"
                     r"te\s+(?:gaan|treden)|overleg\s+te\s+(?:voeren|starten)|te\s+overleggen|strive|push\s+for|advocate|work\s+towards?|"
                     r"do\s+everything|seek\s+to)\b", re.I)
_EU = re.compile(r"\b(?:[\w-]*verordening|richtlijn|(?:eu|europese)\s+(?:regels|wetgeving|voorstel\w*)|"
                 r"regulation|directive)\b[^,;]{0,40}?\bte\s+\w+|"
                 r"\bin\s+te\s+voeren\b[^,;]{0,5}$", re.I)
_LEADING_CONDITION = re.compile(r"^\s*(?:lukt\s+dat\s+niet|als\s+dat\s+niet\s+lukt|indien\b[^,]*|"
                                r"mocht\b[^,]*|als\b[^,]*|if\b[^,]*),", re.I)
_TEXT_WORDS = re.compile(r"\b(verordening\w*|voorstel\w*|tekst\w*|compromis\w*|richtlijn\w*|"
                         r"regulation|proposal|text|compromise)\b", re.I)
# "behalve (als) E", "met uitzondering van E": E (a condition or what the request leaves out) is
# the exception, never part of what is asked
_EXCEPTION = re.compile(r"\b(tenzij|behalve(?:\s+(?:als|wanneer|indien))?|met\s+uitzondering\s+van|"
                        r"uitgezonderd|unless|except(?:\s+(?:if|when|for))?)\b", re.I)
def split_exception(body: str) -> tuple[str, str]:
    """(the request, its exception): "X te doen, tenzij E" and "tenzij E, X te doen" alike."""
    m = _EXCEPTION.search(body)
    if m is None:
        return body, ""
    before, after = body[:m.start()], body[m.end():]
    if not re.search(r"\bte\s+\w+", before) and "," in after \
            and re.search(r"\bte\s+\w+", after.split(",", 1)[1]):
        exc, rest = after.split(",", 1)
        return _norm_space(f"{before} {rest}"), exc.strip(" ,;.")
    return before, after


_WHILE = re.compile(r"\b(zolang|so\s+long\s+as|as\s+long\s+as)\b", re.I)
# what binds an act to a condition or a moment: the act is allowed only once G holds
_GATE_UNTIL = re.compile(r"\b(totdat|tot\s+(?:het\s+moment\s+)?(?:dat|waarop)|voordat|"
                         r"niet\s+eerder\s+dan(?:\s+(?:na|nadat|dat|op|in|wanneer|als))?|"
                         r"not\s+before|until)\b", re.I)
_GATE_PRE = re.compile(r"\b(pas\s+(?:na|nadat|als|wanneer|zodra|indien|op\s+het\s+moment\s+dat)|mits|"
                       r"op\s+voorwaarde\s+dat|onder\s+(?:de\s+)?voorwaarde\s+dat|"
                       r"(?:alleen|uitsluitend|slechts)\s+(?:als|indien|wanneer|nadat|na|zodra)|"
                       r"only\s+(?:if|after|when)|provided\s+that)\b", re.I)
# "pas in te stemmen met X als G": the adverb and the conjunction around the act
_ONLY_THEN = re.compile(r"\b(?P<only>pas|alleen|slechts|uitsluitend|enkel|niet\s+eerder)\b"
                        r"(?P<act>[^,;]*?\bte\s+\w+[^,;]*?)"
                        r"(?P<conj>\b(?:dan\s+)?(?:als|nadat|wanneer|zodra|indien|na|op\s+het\s+moment\s+dat)\b|"
                        r"\bdan\b)", re.I)
# an act asked not to be done: "geen X te verlenen", "X niet te ..."
_NEG_ACT = re.compile(r"\b(?:geen|niet|nooit)\b(?:\s+[\w-]+){0,8}?\s+te\s+\w+|\bniet\s+(?:meer\s+)?te\s+\w+"
                      r"|\b(?:geen|niet)\s+(?:\w+\s+){0,3}over\s+te\s+gaan", re.I)


# the considerations before the operative part ("De Kamer, gehoord de beraadslaging, constaterende
# dat ...; overwegende dat ...") ask nothing: they are context, never a clause
_PREAMBLE = re.compile(r"^\s*(?:de\s+kamer\b|gehoord\b|constaterende\b|overwegende\b|van\s+mening\b|"
                       r"menende\b|tevens\s+constaterende\b|erkennende\b|wijzende\b|gelet\s+op\b|"
                       r"concluderende\b|the\s+house\b|noting\b|considering\b|having\s+heard\b)", re.I)
_CLOSING = re.compile(r",?\s*en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag\.?\s*$", re.I)
# an operative verb in mid-sentence: "spreekt uit dat ..., en verzoekt de regering ..."
_MID_OPERATIVE = re.compile(r"(?:\s*[,;]\s*(?:en\s+)?|\s+en\s+)(?=(?:verzoekt|roept|draagt|vraagt|dringt)\s+"
                            r"(?:er\s+bij\s+)?(?:de|het|alle)\b|spreekt\s+(?:\w+\s+){0,3}?uit\b|"
                            r"stemt\s+(?:niet\s+)?in\b)", re.I)
# between two infinitive requests: "A te onderzoeken, B te publiceren en C te herzien"
_ACT_SEP = re.compile(r"\s*[,;]\s*(?:en\s+|alsmede\s+)?|\s+(?:en|alsmede)\s+", re.I)
_ACT_END = re.compile(r"\bte\s+[\w-]+\s*$", re.I)
_PREPOSITION = re.compile(r"^(?:voor|met|op|aan|tot|bij|over|van|naar|in|uit|tegen|onder|na|via|zonder)\b",
                          re.I)
# what follows an infinitive without being a request of its own: a purpose or a manner
# or the other branch of a condition ("in te stemmen, mits ..., en anders tegen te stemmen")
_NOT_AN_ACT = re.compile(r"^(?:om|zodat|opdat|waarbij|waardoor|door|dat|zonder|teneinde|in\s+plaats|anders|"
                         r"zo\s+niet|indien|als|mits|tenzij|of|dan\s+wel|lukt|mocht)\b", re.I)
# once a subordinate clause is open ("dialogen te starten waarbij A en B ..."), an 'en' joins its
# parts, not two requests: such a request is kept whole (only a turn to inform the House splits it)
_SUBORDINATE = re.compile(r"\b(?:waarbij|waarin|waardoor|waarmee|waarvan|waarop|dat|die|welke|wat|hoe|of|"
                          r"zodat|opdat|omdat|wanneer|indien|mits|tenzij|om)\b", re.I)
# an enumeration on one line: "verzoekt de regering: 1) ...; 2) ..."
_INLINE_ITEM = re.compile(r"(?<=[:;])\s*(?:en\s+|of\s+)?(?=(?:\d+|[a-z])\)\s)")


def split_clauses(dictum: str) -> list[str]:
    """The operative parts of a dictum, one per request: the preamble is dropped, a statement
    and a request in one sentence are two clauses, so is each infinitive request under one
    'verzoekt' ("... te onderzoeken en de Kamer hierover te informeren") and each item of a list."""
    lines = [re.sub(r"^\s*>\s?", "", ln) for ln in dictum.splitlines()]
    text = _CLOSING.sub("", "\n".join(lines).strip())
    text = _MID_OPERATIVE.sub("\n", text)
    parts: list[str] = []
    starts = [m.start() for m in _OPERATIVE.finditer(text)]
    if not starts and _PREAMBLE.match(text) and not re.search(
            r"\b(?:verzoekt|roept|dringt|draagt|vraagt|spreekt|stemt)\b", text, re.I):
        return []  # considerations only: nothing is asked
    if not starts or (starts[0] > 0 and text[:starts[0]].strip() and not _PREAMBLE.match(text)):
        starts = [0, *starts]
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        chunk = text[a:b].strip()
        if chunk:
            parts.extend(_split_items(chunk))
    out: list[str] = []
    for p in parts:
        out.extend(_split_acts(_norm_space(p).rstrip(",;. ")))
    return [p for p in out if p]


def preamble(dictum: str) -> list[str]:
    """The considerations before the operative part ("constaterende dat ...; overwegende dat
    ..."), one per part: what "zulke bevelen" in a request refers to."""
    lines = [re.sub(r"^\s*>\s?", "", ln) for ln in dictum.splitlines()]
    text = "\n".join(lines).strip()
    first = _OPERATIVE.search(text)
    mid = _MID_OPERATIVE.search(text)
    ends = [m.start() for m in (first, mid) if m]
    if not ends or not _PREAMBLE.match(text):
        return []
    head = text[:min(ends)]
    parts = [_norm_space(p) for p in re.split(r"[;\n]", head)]
    return [p for p in parts if len(lemmas(p)) >= 3]


# a word pointing back at the considerations: "zulke bevelen", "dergelijke verplichtingen"
_ANAPHOR = re.compile(r"\b(?:zulke|zulk|dergelijke|dergelijk|deze|bovengenoemde|genoemde|bedoelde)"
                      r"\s+([\w-]+)", re.I)


def _split_items(chunk: str) -> list[str]:
    if len(_INLINE_ITEM.findall(chunk)) >= 2:
        chunk = _INLINE_ITEM.sub("\n", chunk)
    lines = chunk.splitlines()
    items = [i for i, ln in enumerate(lines) if re.match(r"^\s*(?:[-•*–]|\d+[.)]|[a-z][.)])\s+", ln)]
    if len(items) < 2:
        return [chunk]
    head = " ".join(lines[:items[0]]).strip().rstrip(":")
    out = []
    for k, i in enumerate(items):
        j = items[k + 1] if k + 1 < len(items) else len(lines)
        body = re.sub(r"^\s*(?:[-•*–]|\d+[.)]|[a-z][.)])\s+", "", " ".join(lines[i:j])).strip().rstrip(",;. ")
        body = re.sub(r"[,;]?\s+(?:en|of)$", "", body)  # "- A;\n- B; en\n- C"
        out.append(f"{head} {body}".strip())
    return out


def _split_acts(text: str) -> list[str]:
    """'A te doen en B te doen' under one addressee -> one request each, the addressee repeated.
    Dutch puts the infinitive last, so a request ends where 'te <verb>' meets a separator and
    more infinitive follows; a statement or a request to someone else is never split."""
    if _STATEMENT.match(text):
        return [text]
    am = _ADDRESSEE.match(text)
    prefix = am.group(0).strip() if am else ""
    body = text[am.end():] if am else text
    pieces: list[str] = []
    begin = 0
    for m in _ACT_SEP.finditer(body):
        head, tail = body[begin:m.start()], body[m.end():]
        # "zich in te zetten voor A en B te steunen": a phrase may follow the infinitive, but then
        # the next request must open with its own object, not with a preposition continuing the first
        inf = re.search(r"\bte\s+\w+", tail)
        if inf and re.search(r"[,;]", tail[:inf.start()]) and not _ACT_END.search(head):
            # "A te doen bij X en Y totdat Z, en B te doen": the 'en' before Y joins two objects;
            # the request ends at the comma before the next infinitive, not here
            continue
        if (re.search(r"\bte\s+\w+", head) and re.search(r"\bte\s+\w+", tail) and not _NOT_AN_ACT.match(tail)
                and (_asks_to_inform(tail) or _own_request(m.group(0), head, tail)
                     or (not _SUBORDINATE.search(head)
                         and (_ACT_END.search(head) or not _PREPOSITION.match(tail))))):
            pieces.append(head.strip())
            begin = m.end()
    pieces.append(body[begin:].strip())
    if len(pieces) == 1:
        return [text]
    return [f"{prefix} {p}".strip() for p in pieces if p]


def _own_request(sep: str, head: str, tail: str) -> bool:
    """", en B te doen": after a comma, an 'en' that opens a phrase closed by its own infinitive
    starts a new request even when a subordinate clause ("ervoor te zorgen dat A ...") came
    before — the comma closed it. The head must itself hold a request ("te <verb>")."""
    if "," not in sep or not re.search(r"\ben\b", sep, re.I):
        return False
    first = re.search(r"[^,;]*?\bte\s+[\w-]+", tail)
    return bool(first and not _SUBORDINATE.match(tail) and re.search(r"\bte\s+\w+", head)
                and not re.match(r"(?:met|om|door|via|zonder|in\s+plaats)\b", tail, re.I))


def _asks_to_inform(tail: str) -> bool:
    """'(en) de Kamer hierover ... te informeren': the next request is to inform the House."""
    verb = re.search(r"\bte\s+\w+", tail)
    return bool(verb and (_INFORM.match(tail[verb.start():])
                          or re.match(r"te\s+(?:sturen|zenden)\b", tail[verb.start():], re.I))
                and re.search(r"\bkamer\b|\bhierover\b|\bdaarover\b", tail[:verb.start()], re.I))


def classify(text: str) -> tuple[str, str, str, str]:
    """(kind, the words it rests on, addressee, its words)."""
    low = text.lower()
    st = _STATEMENT.match(low)
    if st:
        return "statement", text[:st.end()], "house", text[:st.end()]
    am = _ADDRESSEE.match(text)
    who, who_words, body = "government", "", text
    if am:
        who_words = am.group("who")
        who = "government" if _GOVERNMENT.search(who_words) else "other"
        body = text[am.end():]
    if who != "government":
        return "not_addressed", who_words, who, who_words
    main = split_exception(body)[0]
    for kind, rx in (("standstill", _STANDSTILL), ("vote", _VOTE_NEG), ("vote", _VOTE_FOR),
                     ("vote", _VOTE_ANY)):
        m = rx.search(main)
        if m and not (kind == "vote" and _vote_is_object(main, m)):
            return kind, m.group(0), who, who_words
    oppose = re.search(r"\bzich\s+(?:\w+\s+){0,4}?te\s+verzetten\b", main, re.I)
    if oppose:
        # to oppose a text is a vote against it; to oppose a policy or a practice is an effort
        sort = "vote" if _TEXT_WORDS.search(main[oppose.end():]) else "effort"
        return sort, oppose.group(0), who, who_words
    gated = _gated_standstill(main)
    if gated:
        return "standstill", gated, who, who_words
    period = _PERIOD.search(body)
    inform = _INFORM.search(body) or _INFORM_EN.search(body)
    if period and inform:
        return "recurring", f"{inform.group(0)} … {period.group(0)}", who, who_words
    if inform and inform.start() < 80:
        return "inform", inform.group(0), who, who_words
    m = _EFFORT.search(main)
    if m:
        return "effort", m.group(0), who, who_words
    eu = _EU.search(main)
    if eu:
        # the Netherlands cannot adopt or introduce an EU act alone: its part is the negotiation
        return "effort", eu.group(0), who, who_words
    verb = re.search(r"\bte\s+\w+", main) or re.search(r"\b\w{4,}en\b", main)
    return "result", verb.group(0) if verb else main[:40], who, who_words


def split_gate(main: str) -> tuple[str, str, str, str] | None:
    """(gate kind, its words, the condition, the act) of a request bound to a condition:
    "geen X te verlenen totdat G" / "zolang W, geen X" / "pas X nadat G" / "niet eerder dan G X".
    The condition runs from its word to a comma when it opens the request, else to the end."""
    found = [(m.start(), k, m) for k, rx in (("while", _WHILE), ("until", _GATE_UNTIL),
                                             ("precondition", _GATE_PRE))
             for m in [rx.search(main)] if m]
    only = _ONLY_THEN.search(main)
    if not found and only:
        # "pas / alleen X te doen als G": the adverb before the act, its condition after it
        cond = main[only.end():]
        act = main[:only.start("only")] + main[only.end("only"):only.start("conj")]
        return ("precondition", f"{only.group('only')} … {only.group('conj')}", cond.strip(" ,;."),
                _norm_space(act).strip(" ,;."))
    if not found:
        return None
    _, kind, m = min(found, key=lambda x: x[0])
    before = main[:m.start()]
    after = main[m.end():]
    if not re.search(r"\bte\s+\w+", before) and "," in after \
            and re.search(r"\bte\s+\w+", after.split(",", 1)[1]):
        # "zolang W, X te doen" / "pas als G, X te doen": the condition opens the request
        cond, rest = after.split(",", 1)
        act = f"{before} {rest}"
    elif (date := re.match(r"\s*(?:(?:op|in)\s+)?(?:\d{1,2}\s+[a-z]+\s+)?\d{4}\b", after, re.I)) \
            and re.search(r"\bte\s+\w+", after[date.end():]):
        # "niet eerder dan 1 januari 2027 een besluit te nemen": the condition is the date
        cond, act = date.group(0), f"{before} {after[date.end():]}"
    elif re.search(r"\bte\s+\w+", after) and not re.search(r"\bte\s+\w+", before):
        # "niet eerder dan na G in te stemmen met X": the act's infinitive closes the sentence
        verb = list(re.finditer(r"\b(?:(?:in|tegen|voor|uit|op|aan|af|over|toe)\s+)?te\s+\w+", after))[-1]
        head = after[:verb.start()]
        # the condition is the part before the verb's own object: G ends at its last noun before the verb
        cond, act = head, f"{before} {after[verb.start():]}"
    else:
        cond, act = after, before
    return kind, m.group(0), cond.strip(" ,;."), _norm_space(act).strip(" ,;.")


def _awaits_moment(kind: str, words: str, cond: str) -> bool:
    """Whether a request's condition is a moment to wait for ("nadat de Kamer heeft gedebatteerd",
    "totdat", "zolang er geen onderzoek is gepubliceerd") rather than a state of the text."""
    if kind == "while":
        return bool(re.match(r"(?:er\s+)?(?:nog\s+)?(?:geen|niet)\b", cond, re.I))
    return bool(re.search(r"\b(?:nadat|totdat|voordat|zodra|tot\s+het\s+moment|niet\s+eerder|na|until|after|"
                          r"before)\b", words, re.I))


def _gated_standstill(main: str) -> str | None:
    """The words of a standstill told by its structure: an act asked not to be done until or
    while something ("geen X te verlenen totdat G", "zolang W, geen X", "niet eerder dan G X")."""
    g = split_gate(main)
    if g is None or g[0] == "precondition":
        return None
    kind, words, _cond, act = g
    if kind == "until" and re.match(r"(?:niet\s+eerder|not\s+before)", words, re.I):
        return words
    neg = _NEG_ACT.search(act)
    return f"{neg.group(0)} … {words}" if neg else None


def _vote_is_object(main: str, m: re.Match[str]) -> bool:
    # "de stemming over ... uit te stellen" names a vote without being a vote instruction
    return m.group(0).lower() == "stemming"
