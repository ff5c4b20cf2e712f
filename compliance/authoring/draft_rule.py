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
"""

from __future__ import annotations

import copy
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import simplemma
import yaml

from compliance.drafting import letter as letter_mod
from compliance.drafting.match import find, value_of_match
from compliance.errors import InputError, InputErrors, Text, msg, one_of
from compliance.model.vocabulary import FactDef, Vocabulary

_NOT_RECORD = Text("not a motion record", "geen motierecord")
_NOT_RECORD_FIX = Text("give a motions/*.yaml file or a motion id",
                       "geef een bestand motions/*.yaml of een motie-id")


Kind = Literal["vote", "effort", "result", "inform", "recurring", "standstill", "statement",
               "not_addressed"]
KINDS: tuple[str, ...] = ("vote", "effort", "result", "inform", "recurring", "standstill",
                          "statement", "not_addressed")
NO_RULE = ("statement", "not_addressed")

MONTHS = {m: i for i, m in enumerate(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
     "november", "december"], 1)}
NUMBER_WORDS = {w: i for i, w in enumerate(
    ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "elf", "twaalf"])}
NUMBER_WORDS["één"] = 1


@dataclass
class FactUse:
    fact: str
    op: str  # equals, le, lt, ge, gt, contains
    value: Any
    words: str
    how: str  # cue | description | number
    role: str = "object"  # object | exception | while | context | event | ambiguous
    new: bool = False
    negated: bool = False  # the value came from a negated match

    def atom(self) -> dict[str, Any]:
        return {"fact": self.fact, self.op: self.value}


@dataclass
class NewEntry:
    kind: str  # fact | event | tag
    name: str
    type: str
    nl: str
    en: str
    words: str
    values: list[str] | None = None
    subjects: list[str] | None = None  # a dossier with subjects needs them on every fact


@dataclass
class TimePart:
    kind: str  # date | within | period | until | vague
    value: Any
    words: str
    confirmed: bool = True
    note: str = ""


@dataclass
class ClauseDraft:
    number: int
    text: str
    kind: str
    kind_words: str
    addressee: str
    addressee_words: str
    polarity: str = "positive"  # vote: not_for | against | for | only_if
    time: TimePart | None = None
    subjects: list[tuple[str, str]] = field(default_factory=list)
    facts: list[FactUse] = field(default_factory=list)
    new_entries: list[NewEntry] = field(default_factory=list)
    rule: dict[str, Any] | None = None
    alt_rule: dict[str, Any] | None = None  # the 'result' reading of an effort on a text
    words_nl: str = ""
    words_en: str = ""
    todos: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)  # timeline events of the vocabulary it names
    # what the template was given, so that an edited clause is rebuilt the same way
    args: dict[str, Any] = field(default_factory=dict)


@dataclass
class RuleDraft:
    motion: str
    dossier: str
    clauses: list[ClauseDraft]
    rule_text: str | None = None
    tests_text: str | None = None
    blockers: list[str] = field(default_factory=list)
    # one code per blocker (nothing, clause, entries, invalid, test): what a caller sorts them by,
    # never their words, which are in the draft's language
    blocker_codes: list[str] = field(default_factory=list)
    tests: list[dict[str, Any]] = field(default_factory=list)
    interpretation: str = "drafted"  # the name of the drafted reading (the adviser may rename it)

    @property
    def new_entries(self) -> list[NewEntry]:
        return [e for c in self.clauses for e in c.new_entries]


# --- reading the dictum ----------------------------------------------------------------

_OPERATIVE = re.compile(
    r"(?:^|(?<=[;\n]))\s*(?=(verzoekt|roept|draagt|vraagt|spreekt|stemt|constateert|besluit|"
    r"is van mening|betreurt|veroordeelt|dringt)\b)", re.I)
_STATEMENT = re.compile(r"^(spreekt\s+(?:\w+\s+){0,3}?uit\b|spreekt\b|stemt\s+(niet\s+)?in\b|constateert|"
                        r"besluit|is\s+van\s+mening|"
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
                     r"voortgangsrapportage|te\s+laten\s+weten)\b", re.I)
_INFORM_EN = re.compile(r"\b(inform|report|keep)\b.{0,40}\bhouse\b|\bhouse\b.{0,20}\binformed\b", re.I)
_PERIOD = re.compile(r"\b(halfjaarlijks\w*|jaarlijks\w*|(?:elk|ieder)(?:e)?\s+(?:jaar|half\s+jaar|"
                     r"kwartaal|maand)|per\s+kwartaal|driemaandelijks\w*|maandelijks\w*|met\s+regelmaat|"
                     r"regelmatig|periodiek\w*|every\s+(?:six\s+months|year|quarter)|annually|"
                     r"regularly|every\s+half\s+year|half-yearly|each\s+year)\b", re.I)
_STANDSTILL = re.compile(r"\b(onomkeerbare\s+stappen|onomkeerbare|geen\s+(?:\w+\s+){0,3}stappen\s+te\s+"
                         r"zetten|irreversible)\b", re.I)
_VOTE_NEG = re.compile(r"\b((?:niet|geen)\s+(?:\w+\s+){0,6}?(?:in\s+te\s+stemmen|instemmen|steun\w*)|"
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
_VOTE_FOR = re.compile(r"\b(voor\s+(?:\w+\s+){0,6}?te\s+stemmen|in\s+te\s+stemmen|instemmen|"
                       r"stem\w*\s+(?:\w+\s+){0,2}?voor\b|stem\w*\s+(?:\w+\s+){0,2}?in\s+met|"
                       r"steun\s+te\s+(?:geven|verlenen)|vote\s+for|agree\s+to)\b", re.I)
_VOTE_ANY = re.compile(r"\b(te\s+stemmen|in\s+te\s+stemmen|instemmen|stemming|vote|"
                       r"zich\s+te\s+onthouden)\b", re.I)
_EFFORT = re.compile(r"\b(zet\s+(?:je|zich|u)\s+(?:\w+\s+){0,2}?in\b|"
                     r"zich\s+(?:\w+\s+){0,4}?in\s+te\s+zetten|in\s+te\s+zetten\s+(?:voor|op|om)|"
                     r"(?:hulp|druk)\w*\s+(?:\w+\s+){0,3}in\s+te\s+zetten|in\s+te\s+zetten|"
                     r"alles\s+op\s+alles|te\s+bevorderen|te\s+streven|te\s+pleiten|"
                     r"zich\s+(?:\w+\s+){0,3}(?:sterk|hard)\s+te\s+maken|aan\s+te\s+dringen|"
                     r"druk\s+uit\s+te\s+oefenen|te\s+bepleiten|in\s+(?:europees\s+verband|de\s+raad|"
                     r"brussel)|te\s+stimuleren|dialo\w+\s+te\s+(?:starten|voeren|openen)|in\s+(?:overleg|gesprek|dialoog)\s+"
                     r"te\s+(?:gaan|treden)|overleg\s+te\s+(?:voeren|starten)|te\s+overleggen|strive|push\s+for|advocate|work\s+towards?|"
                     r"do\s+everything|seek\s+to)\b", re.I)
_EU = re.compile(r"\b(?:[\w-]*verordening|richtlijn|(?:eu|europese)\s+(?:regels|wetgeving|voorstel\w*)|"
                 r"regulation|directive)\b[^,;]{0,40}?\bte\s+\w+|"
                 r"\b(?:in|uit)\s+te\s+voeren\b[^,;]{0,5}$", re.I)
_PIECE = re.compile(r",\s*(?:waarbij|maar|en|met|zodat)\b|,\s*(?=zonder\b)|\s(?:waarbij|maar)\s|"
                    r"\s+en\s+(?=voor|met|om|de|het|een)", re.I)
_LEADING_CONDITION = re.compile(r"^\s*(?:lukt\s+dat\s+niet|als\s+dat\s+niet\s+lukt|indien\b[^,]*|"
                                r"mocht\b[^,]*|als\b[^,]*|if\b[^,]*),", re.I)
_TEXT_WORDS = re.compile(r"\b(verordening\w*|voorstel\w*|tekst\w*|compromis\w*|richtlijn\w*|"
                         r"regulation|proposal|text|compromise)\b", re.I)
_EXCEPTION = re.compile(r"\b(tenzij|behalve\s+als|unless)\b", re.I)
_WHILE = re.compile(r"\b(zolang|so\s+long\s+as|as\s+long\s+as)\b", re.I)
_UNTIL = re.compile(r"\b(totdat|tot\s+(?:het\s+moment\s+)?dat|zolang|voordat|until|before)\b", re.I)
_DATE = re.compile(r"\b(?P<pre>vóór|voor|uiterlijk|before|by)\s+(?P<d>\d{1,2})\s+(?P<m>[a-z]+)\s+"
                   r"(?P<y>\d{4})\b", re.I)
_WITHIN = re.compile(r"\b(?:binnen|within)\s+(?P<n>\d+|[a-zé]+)\s+(?P<u>dagen|dag|weken|week|maanden|maand|"
                     r"jaar|jaren|days?|weeks?|months?|years?)\b", re.I)
_YEAR_END = re.compile(r"\b(nog\s+dit\s+(?:kalender)?jaar|"
                       r"(?:vóór|voor)\s+het\s+eind(?:e)?\s+van\s+(?:dit|het)\s+(?:kalender)?jaar|(?:vóór|voor)\s+(?:het\s+)?jaareinde|(?:uiterlijk\s+)?eind\s+dit\s+jaar|"
                       r"(?:vóór|voor)\s+het\s+eind(?:e)?\s+van\s+(?P<y1>\d{4})|eind\s+(?P<y2>\d{4})|"
                       r"this\s+(?:calendar\s+)?year)\b", re.I)
_SEASON = re.compile(r"\b(in\s+het\s+najaar|in\s+het\s+voorjaar|(?:vóór|voor)\s+de\s+zomer(?:reces)?|"
                     r"(?:vóór|voor)\s+het\s+(?:zomer|kerst)reces|(?:vóór|voor)\s+de\s+begrotings\w+|"
                     r"in\s+the\s+(?:autumn|spring)|before\s+the\s+summer)\b", re.I)
_VAGUE = re.compile(r"\b(met\s+(?:zeer\s+)?(?:grote\s+)?spoed|"
                    r"op\s+zo\s+kort\s+mogelijke\s+termijn|zo\s+snel\s+mogelijk|op\s+korte\s+termijn|"
                    r"spoedig|zo\s+spoedig\s+mogelijk|per\s+direct|direct|nu|as\s+soon\s+as\s+possible|"
                    # outside a report, "met regelmaat" times nothing the rule can test
                    r"met\s+regelmaat|regelmatig|"
                    r"at\s+once|now)\b", re.I)
_NUMBER = re.compile(r"\b(?P<q>maximaal|ten\s+hoogste|hooguit|niet\s+meer\s+dan|minder\s+dan|minimaal|"
                     r"ten\s+minste|tenminste|meer\s+dan|circa|ongeveer|rond|at\s+most|no\s+more\s+than|"
                     r"at\s+least|more\s+than|less\s+than|about)\s+(?P<n>\d+(?:[.,]\d+)?)\s+"
                     r"(?P<u>[\w³]+(?:\s+[\w³]+)?)", re.I)
_QUAL_OP = {"maximaal": "le", "ten hoogste": "le", "hooguit": "le", "niet meer dan": "le",
            "minder dan": "lt", "minimaal": "ge", "ten minste": "ge", "tenminste": "ge",
            "meer dan": "gt", "circa": "le", "ongeveer": "le", "rond": "le", "at most": "le",
            "no more than": "le", "at least": "ge", "more than": "gt", "less than": "lt", "about": "le"}
# verbs that ask for the absence of what follows ("te voorkomen dat ... detectiebevelen bevat")
_NEGATING_VERB = re.compile(r"\b(te\s+voorkomen|te\s+verhinderen|tegen\s+te\s+(?:gaan|houden)|"
                            r"uit\s+te\s+sluiten|"
                            r"af\s+te\s+zien|te\s+schrappen|te\s+verbieden|te\s+weren|te\s+stoppen|"
                            r"te\s+beëindigen|te\s+blokkeren|prevent|avoid|stop|ban|exclude|oppose)\b", re.I)
_NEGATORS = {"niet", "geen", "nooit", "zonder", "not", "no", "never", "without"}
_STOP = frozenset("""de het een en of van in op te om voor met aan tot bij door over uit naar als dat
    die dit deze zijn haar hun is wordt worden kan kunnen moet moeten zal zullen heeft hebben regering
    kabinet kamer verzoekt roept verder ook nog wel er hier daar waarbij waarin welke the a an of
    to in on for with and or that this is are be by as from at it its cabinet government house te
    zich alle wat hoe niet geen houden geven nemen maken stellen zetten komen gaan laten blijven
    krijgen doen mogelijk nodig""".split())  # noqa: SIM905


def _norm_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("[", "").replace("]", "")).strip()


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


def _split_items(chunk: str) -> list[str]:
    if len(_INLINE_ITEM.findall(chunk)) >= 2:
        chunk = _INLINE_ITEM.sub("\n", chunk)
    lines = chunk.splitlines()
    items = [i for i, ln in enumerate(lines) if re.match(r"^\s*(?:[-•*–]|\d+[.)]|[a-z]\))\s+", ln)]
    if len(items) < 2:
        return [chunk]
    head = " ".join(lines[:items[0]]).strip().rstrip(":")
    out = []
    for k, i in enumerate(items):
        j = items[k + 1] if k + 1 < len(items) else len(lines)
        body = re.sub(r"^\s*(?:[-•*–]|\d+[.)]|[a-z]\))\s+", "", " ".join(lines[i:j])).strip().rstrip(",;. ")
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
        if (re.search(r"\bte\s+\w+", head) and re.search(r"\bte\s+\w+", tail) and not _NOT_AN_ACT.match(tail)
                and (_asks_to_inform(tail) or (not _SUBORDINATE.search(head)
                                               and (_ACT_END.search(head) or not _PREPOSITION.match(tail))))):
            pieces.append(head.strip())
            begin = m.end()
    pieces.append(body[begin:].strip())
    if len(pieces) == 1:
        return [text]
    return [f"{prefix} {p}".strip() for p in pieces if p]


def _asks_to_inform(tail: str) -> bool:
    """'(en) de Kamer hierover ... te informeren': the next request is to inform the House."""
    verb = re.search(r"\bte\s+\w+", tail)
    return bool(verb and _INFORM.match(tail[verb.start():])
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
    main = _EXCEPTION.split(body)[0]
    for kind, rx in (("standstill", _STANDSTILL), ("vote", _VOTE_NEG), ("vote", _VOTE_FOR),
                     ("vote", _VOTE_ANY)):
        m = rx.search(main)
        if m and not (kind == "vote" and _vote_is_object(main, m)):
            return kind, m.group(0), who, who_words
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


def _vote_is_object(main: str, m: re.Match[str]) -> bool:
    # "de stemming over ... uit te stellen" names a vote without being a vote instruction
    return m.group(0).lower() == "stemming"


def _year(motion_date: str | None) -> int | None:
    return int(motion_date[:4]) if motion_date and motion_date[:4].isdigit() else None


def find_time(text: str, kind: str, motion_date: str | None) -> tuple[TimePart | None, list[str]]:
    todos: list[str] = []
    if kind == "recurring":
        m = _PERIOD.search(text)
        if m is None:
            return None, todos
        w = m.group(0).lower()
        every: dict[str, int] | None = None
        if w.startswith("halfjaar") or "half jaar" in w or "six months" in w:
            every = {"months": 6}
        elif "kwartaal" in w or "driemaand" in w or "quarter" in w:
            every = {"months": 3}
        elif w.startswith("maand") or w.endswith("maand"):
            every = {"months": 1}
        elif "jaar" in w or "annual" in w or "year" in w:
            every = {"years": 1}
        if every is None:
            todos.append(f"'{m.group(0)}' gives no period: six months proposed as an interpretation — "
                         "confirm it")
            return TimePart("period", {"months": 6}, m.group(0), confirmed=False,
                            note="no period in the dictum; six months proposed"), todos
        return TimePart("period", every, m.group(0)), todos
    if kind == "standstill":
        m = _UNTIL.search(text)
        if m:
            return TimePart("until", text[m.end():].strip(" ,;."), m.group(0) + text[m.end():]), todos
        todos.append("the standstill names no event that ends it: write until: by hand")
        return None, todos
    m = _DATE.search(text)
    if m and m.group("m").lower() in MONTHS:
        from datetime import date, timedelta

        d = date(int(m.group("y")), MONTHS[m.group("m").lower()], int(m.group("d")))
        if m.group("pre").lower() in ("vóór", "voor", "before"):
            d -= timedelta(days=1)  # 'vóór 1 januari' is by 31 December; the rule's date is inclusive
        return TimePart("date", {"date": d.isoformat()}, m.group(0)), todos
    m = _WITHIN.search(text)
    if m:
        n_raw = m.group("n").lower()
        n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS.get(n_raw)
        unit = m.group("u").lower()
        key = ("days" if unit.startswith("dag") or unit.startswith("day") else
               "weeks" if unit.startswith("we") else "months" if unit.startswith("maand")
               or unit.startswith("month") else "years")
        if n:
            return TimePart("within", {"after": "adoption", "within": {key: n}}, m.group(0)), todos
    m = _YEAR_END.search(text)
    if m:
        y = m.group("y1") or m.group("y2") or _year(motion_date)
        if y:
            return TimePart("date", {"date": f"{y}-12-31"}, m.group(0)), todos
        todos.append(f"'{m.group(0)}': the motion's year is not known — write the date by hand")
        return TimePart("vague", None, m.group(0), confirmed=False), todos
    m = _SEASON.search(text)
    if m:
        y = _year(motion_date)
        w = m.group(0).lower()
        ends = {"najaar": "12-21", "autumn": "12-21", "voorjaar": "06-20", "spring": "06-20",
                "zomer": "06-30", "summer": "06-30", "kerst": "12-20"}
        md = next((v for k, v in ends.items() if k in w), None)
        if y and md and motion_date and motion_date[5:10] > md:
            y += 1  # "voor de zomer" in a motion of September is next year's summer
        if y and md:
            todos.append(f"'{m.group(0)}' is a window, not a date: {y}-{md} (its last day) proposed — "
                         "confirm")
            return TimePart("date", {"date": f"{y}-{md}"}, m.group(0), confirmed=False,
                            note="the last day of the period named"), todos
        todos.append(f"'{m.group(0)}' names no date the rule can test: write the deadline by hand")
        return TimePart("vague", None, m.group(0), confirmed=False), todos
    m = _VAGUE.search(text)
    if m:
        todos.append(f"'{m.group(0)}' gives no testable deadline: left to the rationale, not made a conflict")
        return TimePart("vague", None, m.group(0), confirmed=False), todos
    return None, todos


# --- facts ------------------------------------------------------------------------------

def _join_particles(text: str) -> str:
    # "in te stemmen" -> "instemmen": the cues name the verb, a dictum splits it
    return re.sub(r"\b(in|tegen|voor|uit|op|aan|af|mee|bij|toe|vast|na)\s+te\s+(\w+)", r"\1\2", text,
                  flags=re.I)


def lemmas(text: str) -> list[str]:
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
    out = (simplemma.lemmatize(w, lang="nl").lower() for w in words if w not in _STOP and len(w) > 2)
    return [w for w in out if w not in _STOP]


def _related(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 5 and (long_.startswith(short) or long_.endswith(short))


def _cue_facts(text: str, vocab: Vocabulary, role: str) -> list[FactUse]:
    let = letter_mod.read(_join_particles(text))
    out: list[FactUse] = []
    for name, fact in vocab.facts.items():
        if fact.cues is None or fact.deprecated:
            continue
        found: list[tuple[int, Any, str, bool]] = []
        for key, vc in fact.cues.values.items():
            cued: Any = (key == "true") if fact.type == "bool" else key
            for phrase in vc.all():
                for m in find(let, phrase):
                    # a dictum is a request throughout: its conditional words are the request's own
                    v = value_of_match(fact.type, cued, vc.negated, m.negated)
                    if v is None:
                        continue
                    quote = let.text[let.start[m.first]:let.end[m.last]]
                    found.append((m.first, v, quote, m.negated))
        if not found:
            continue
        found.sort(key=lambda x: x[0])
        values = list(dict.fromkeys(v for _, v, _, _ in found))
        if fact.type == "set":
            out.extend(FactUse(name, "contains", v, q, "cue", role, negated=n) for _, v, q, n in
                       {v: (0, v, q, n) for _, v, q, n in found}.values())
            continue
        if len(values) > 1:
            continue  # two values named: an ambiguity the adviser resolves, never a guess
        out.append(FactUse(name, "equals", values[0], found[0][2], "cue", role, negated=found[0][3]))
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


def _description_facts(text: str, vocab: Vocabulary, role: str, taken: set[str]) -> list[FactUse]:
    have = lemmas(text)
    out: list[FactUse] = []
    words = text.split()
    for name, distinct in _idf_ok(vocab).items():
        fact = vocab.facts[name]
        if name in taken or fact.cues is not None or fact.type not in ("bool",):
            continue
        hits = [w for w in distinct if len(w) >= 6 and any(_related(w, h) for h in have)]
        if len(hits) < 2 or len(hits) < 0.34 * len(distinct):
            continue
        first = min((i for i, w in enumerate(words) if any(_related(h, lem) for h in hits
                                                          for lem in lemmas(w))), default=0)
        before = {w.lower().strip(",.") for w in words[max(0, first - 6):first]}
        value = not bool(before & _NEGATORS)
        out.append(FactUse(name, "equals", value, " ".join(words[max(0, first - 6):first + 6]),
                           "description", role, negated=not value))
    return out


_YEAR_WORDS = {"jaar", "jaren", "year", "years"}


def _number_facts(text: str, vocab: Vocabulary, role: str, key: str, new: list[NewEntry]) -> list[FactUse]:
    out: list[FactUse] = []
    for m in _NUMBER.finditer(text):
        q = re.sub(r"\s+", " ", m.group("q").lower())
        op = _QUAL_OP[q]
        n = float(m.group("n").replace(",", "."))
        value: int | float = int(n) if n.is_integer() else n
        unit = m.group("u").lower()
        unit_words = set(re.findall(r"\w+", unit))
        best = None
        # "2 jaar" is a duration, "2032" a calendar year: a fact counted in years (unit "jaar")
        # holds a year, so a number below 1000 in years never names it
        duration = bool(unit_words & _YEAR_WORDS) and value < 1000
        for name, fact in vocab.facts.items():
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


def _key(text: str) -> str:
    words = [w for w in lemmas(_ADDRESSEE.sub("", text)) if len(w) > 4][:3]
    return "_".join(re.sub(r"[^a-z0-9]", "", w) for w in words)[:40] or "request"


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
    rule: dict[str, Any] = {"clause": c.number}
    applies: list[dict[str, Any]] = []
    if exc:
        applies.append(_not(_all(exc)))
    if whl:
        applies.append(_all(whl))
    if c.kind == "vote":
        if vote_fact is None:
            return None
        votes_for: dict[str, Any] = {"fact": vote_fact, "equals": "for"}
        if support and c.polarity in ("not_for", "only_if"):
            votes_for = {"concept": support}
        if c.polarity == "not_for":
            if obj:
                rule["conflicts_when"] = _all([votes_for, *obj])
                rule["complies_when"] = _any([_not(votes_for), *(_not(o) for o in obj)])
            else:
                rule["conflicts_when"] = votes_for
                rule["complies_when"] = _not(votes_for)
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
    elif c.kind == "standstill":
        if event is None or not steps:
            return None
        ss: dict[str, Any] = {"steps": steps, "until": {"all": c.events or [event]}}
        if support:
            ss["when"] = {"concept": support}
        rule["standstill"] = ss
    elif c.kind == "recurring":
        if tag is None or c.time is None:
            return None
        rule["recurring"] = {"events": {"tag": tag}, "every": c.time.value, "from": "adoption"}
    else:
        if c.time is not None and c.time.kind in ("date", "within") and event is not None:
            rule["duty"] = "once"
            rule["deadline"] = {"event": event, "by": c.time.value}
        if obj:
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


# --- drafting ---------------------------------------------------------------------------

def draft_clause(number: int, text: str, vocab: Vocabulary | None, motion_date: str | None,
                 text_en: str | None = None, events: dict[str, str] | None = None) -> ClauseDraft:
    kind, kind_words, who, who_words = classify(text)
    deciding = text
    if kind == "result" and text_en:
        k2, w2, _, _ = classify(text_en)
        if k2 not in ("result", "statement", "not_addressed"):
            kind, kind_words, deciding = k2, w2, text_en
    c = ClauseDraft(number, text, kind, kind_words, who, who_words)
    if kind in NO_RULE:
        return c
    if kind == "vote":
        low = deciding.lower()
        c.polarity = ("only_if" if _VOTE_ONLY.search(low) else
                      "against" if _VOTE_AGAINST.search(low) else
                      "not_for" if _VOTE_NEG.search(_EXCEPTION.split(low)[0]) else "for")
    c.time, c.todos = find_time(text, kind, motion_date)
    cond = _LEADING_CONDITION.match(_ADDRESSEE.sub("", text, count=1))
    if cond:
        c.todos.append(f"the request holds under a condition ('{cond.group(0).strip(' ,')}'): the "
                       "template reads it unconditionally — add the condition as applies_when if it matters")
    key = _key(text)
    body = _ADDRESSEE.sub("", text, count=1)
    pieces: list[tuple[str, str]] = []
    exc = _EXCEPTION.search(body)
    main, tail = (body[:exc.start()], body[exc.end():]) if exc else (body, "")
    if kind == "standstill":
        u = _UNTIL.search(main)
        if u:
            main = main[:u.start()]
    else:
        w = _WHILE.search(main)
        if w:
            pieces.append(("while", main[w.end():]))
            main = main[:w.start()]
    pieces.insert(0, ("object", main))
    if tail:
        pieces.append(("exception", tail))
    vote_fact = _vote_fact(vocab)
    support = None
    if vocab is not None:
        support = next((n for n in vocab.concepts if "support" in n and "open" not in n), None)
    deadline_kinds = ("result", "inform", "effort")
    needs_event = (kind in deadline_kinds and c.time is not None and c.time.kind in ("date", "within")) \
        or kind == "standstill"
    uncovered: list[str] = []
    for role, piece in pieces:
        subs = _pieces(piece) if role == "object" else [piece]
        for sub in subs:
            uses: list[FactUse] = []
            if vocab is not None:
                uses = _cue_facts(sub, vocab, role)
                uses += _description_facts(sub, vocab, role, {u.fact for u in uses})
            uses += _number_facts(sub, vocab or _EMPTY, role, key, c.new_entries)
            # the vote fact is the template's own
            uses = [u for u in uses if u.fact != vote_fact and u.fact not in {f.fact for f in c.facts}]
            _unclaimed_negation(sub, uses, kind_words if kind == "vote" else "", c)
            c.facts.extend(uses)
            if not uses and role == "object":
                uncovered.append(sub)
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
    if kind == "recurring":
        tag = f"{key}_report"
        c.new_entries.append(NewEntry("tag", tag, "tag", f"Brief aan de Kamer over: '{_short(body)}'",
                                      f"Letter to the House on: '{_short(body)}'", c.kind_words))
    if kind in deadline_kinds and event is None:
        for k, sub in enumerate(uncovered):
            skey = _key(sub) if k else key
            prefix = {"inform": "house_informed", "effort": "cabinet_pursues"}.get(kind, "cabinet")
            name = f"{prefix}_{skey}"[:60]
            if any(e.name == name for e in c.new_entries):
                continue
            c.new_entries.append(NewEntry("fact", name, "bool", f"Het kabinet doet wat de motie vraagt: "
                                          f"'{_short(sub)}'", f"TODO (translate): the cabinet does what the "
                                          f"motion asks: '{_short(sub)}'", _short(sub)))
            c.facts.append(FactUse(name, "equals", True, _short(sub), "new", "object", new=True))
    steps: list[str] = []
    if kind == "standstill" and vocab is not None:
        steps = _irreversible_steps(vocab) or sorted(vocab.step_kinds)
        c.todos.append("the barred step kinds are proposed: confirm which are irreversible")
        if not steps:
            c.todos.append("the vocabulary has no step kinds: a standstill cannot be drafted")
    c.args = {"vote_fact": vote_fact, "support": support, "event": event, "tag": tag, "steps": steps}
    c.rule = template(c, vote_fact, support, event, tag, steps)
    context = [f.atom() for f in c.facts if f.role == "context" and f.op != "qualifies"]
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


_EMPTY = Vocabulary.model_construct(dossier="none", title=None, facts={}, concepts={}, step_kinds={})


def _unclaimed_negation(piece: str, uses: list[FactUse], vote_words: str, c: ClauseDraft) -> None:
    """A negation no matched fact took ("geen voorstel met X te steunen" read as a result): the
    drafter cannot tell whether X is asked or forbidden, so X leaves the conditions with a TODO
    rather than risk an inverted rule."""
    rest = piece.lower()
    for words in [vote_words, *(u.words for u in uses)]:
        if words:
            rest = rest.replace(words.lower(), " ")
    rest = _NUMBER.sub(" ", rest)
    left = sum(1 for w in re.findall(r"[\w']+", rest) if w in _NEGATORS) + len(_NEGATING_VERB.findall(rest))
    left -= sum(1 for u in uses if u.negated and u.how in ("cue", "description"))
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


def _reads_any(node: Any) -> bool:
    """Whether a drafted rule (nested mappings and lists) names a fact or a concept anywhere."""
    if isinstance(node, dict):
        return any(k in ("fact", "concept") or _reads_any(v) for k, v in node.items())
    if isinstance(node, list):
        return any(_reads_any(v) for v in node)
    return False


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


def _clause_fields() -> set[str]:
    from compliance.model.rules import ClauseRule

    return set(ClauseRule.model_fields)


def _one_line(text: str) -> str:
    """Text safe inside a `#` comment: control and format characters dropped, every run of
    whitespace (newlines, U+0085, U+2028 included: YAML breaks lines there) one space."""
    import unicodedata

    return " ".join("".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in text).split())


def _comment_line(line: str) -> str:
    body = line.lstrip("#")
    indent = body[: len(body) - len(body.lstrip(" "))]
    return "#" * (len(line) - len(body)) + indent + _one_line(body)


def _short(text: str, n: int = 90) -> str:
    text = text.strip(" ,;.")
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


def draft_dictum(dictum: str, vocab: Vocabulary | None, motion_id: str, dossier: str, *,
                 motion_date: str | None = None, english: list[str] | None = None,
                 events: dict[str, str] | None = None) -> RuleDraft:
    texts = split_clauses(dictum)
    clauses = [draft_clause(i, t, vocab, motion_date, (english or [])[i - 1] if english and
                            len(english) >= i else None, events) for i, t in enumerate(texts, 1)]
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
                    else:
                        extra["open_steps"] = {evs[0]: []}
                    if when is not None and verdict != "complies":
                        ok = ok and _sat(when, True, vocab, facts, new)
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
    for e in d.new_entries:
        if e.kind == "fact":
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


def iter_facts(d: RuleDraft) -> Iterable[str]:
    for c in d.clauses:
        for f in c.facts:
            yield f.fact


def fact_def(vocab: Vocabulary | None, name: str) -> FactDef | None:
    return vocab.facts.get(name) if vocab else None
