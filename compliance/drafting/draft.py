"""From a letter's text to a draft position: every proposal tied to the passage that cues it.

Never invents a value: a fact gets a value only where a cue of the vocabulary occurs in
the letter (or a declaration the letter makes implies it, as the vocabulary says), and
a fact cued with two values is listed as an ambiguity, not resolved.
"""

from __future__ import annotations

import bisect
import re
from datetime import date as _date
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

from compliance.drafting.letter import Letter, _words, read
from compliance.drafting.match import Match, compile_phrase, find, starts, value_of_match
from compliance.drafting.quantity import value_in
from compliance.drafting.scope import (
    ACCORDING,
    ACTORS,
    CABINET,
    FORMER,
    HISTORY,
    OTHERS,
    REMOVAL,
    asked_from,
    match_scope,
    old_date,
    positions,
    questions,
    sentence_scope,
    sorted_positions,
)
from compliance.errors import InputError, InputErrors, Text, one_of
from compliance.ingest.refs import paper_id
from compliance.loading.cues import value_key
from compliance.model.cues import Element, Phrases, ValueCues
from compliance.model.vocabulary import FactDef, Vocabulary

DeclStatement = Literal["will_execute", "will_not_execute", "gives_effect", "will_inform"]
# A cue's "negated" is a plain string in the vocabulary (checked at load time); this maps it back.
_STATEMENTS: dict[str, DeclStatement] = {s: s for s in get_args(DeclStatement)}
_V = TypeVar("_V")
MAX_EVIDENCE = 5  # passages kept per value of a fact
TITLE_WORDS = 80  # a scope cue among the letter's first words: the whole letter is about the dossier
HEADING_WORDS = 15  # a paragraph of one sentence this short is a heading


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(Out):
    """One cue match (or implying declaration) behind a proposed value."""

    value: Any
    line: int
    column: int
    end_line: int
    end_column: int
    quote: str
    cue: str = Field(description="the cue phrase, or 'declaration MOTION STATEMENT'")
    negated: bool = False


class Proposal(Out):
    fact: str
    value: Any
    line: int = Field(description="line of the first evidence in the letter")
    column: int
    end_line: int
    end_column: int
    quote: str
    cue: str
    evidence: list[Evidence]


class Candidate(Out):
    value: Any
    lines: list[int]
    quotes: list[str]


class Ambiguity(Out):
    fact: str
    candidates: list[Candidate]


class Addressed(Out):
    """A fact the letter speaks of without a cue for any of its values."""

    fact: str
    line: int
    quote: str
    cue: str


class KamerstukOut(Out):
    dossier: str
    number: int
    cite: str


class CitationOut(Out):
    id: str
    cite: str
    role: Literal["motion", "letter"]
    lines: list[int]
    mentioned_as: list[str] = Field(default_factory=list)


class FoundDeclaration(Out):
    motion: str
    statement: DeclStatement
    line: int
    column: int
    quote: str
    cue: str
    source: KamerstukOut | None = Field(default=None, description="a letter cited in a footnote "
                                        "of the same sentence (e.g. the refusal letter)")
    known: bool = Field(description="the workspace has a record of this motion")


class FoundStep(Out):
    date: str
    kind: str
    line: int
    column: int
    quote: str
    cue: str
    date_from: Literal["sentence", "meeting"] = Field(description="the date stands in the sentence, "
                                                      "or the sentence refers to the meeting")


class Draft(Out):
    letter_name: str
    dossier: str
    letter_date: str | None
    letter_date_line: int | None = None
    own_kamerstuk: KamerstukOut | None = None
    title: str | None = None
    actor: str | None = None
    meeting_date: str | None = None
    passages: list[str] = Field(default_factory=list, description="'first-last line' of each passage "
                                "read for facts (the sections about the dossier)")
    citations: list[CitationOut] = Field(default_factory=list)
    declarations: list[FoundDeclaration] = Field(default_factory=list)
    planned_steps: list[FoundStep] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    ambiguities: list[Ambiguity] = Field(default_factory=list)
    addressed: list[Addressed] = Field(default_factory=list)
    unstated: list[str] = Field(default_factory=list, description="facts the letter gives no value for")
    warnings: list[str] = Field(default_factory=list)
    descriptions: dict[str, dict[str, str]] = Field(default_factory=dict, description=(
        "fact -> its description {nl, en}, for showing what the letter leaves unsaid"))
    subjects: list[str] = Field(default_factory=list, description="the dossier subjects the letter "
                                "addresses: those of the facts it proposes, leaves ambiguous or "
                                "speaks of without a value (docs/applicability.md)")
    stated_subjects: list[str] = Field(default_factory=list, description="those of the proposed "
                                       "facts alone: what a position without 'subjects' addresses")

    def proposal(self, fact: str) -> Proposal | None:
        return next((p for p in self.proposals if p.fact == fact), None)


# -- the parts ------------------------------------------------------------------------------


class _Reader:
    def __init__(self, letter: Letter, vocab: Vocabulary) -> None:
        self.letter = letter
        self.vocab = vocab
        self.relevant: list[tuple[int, int]] = [(0, len(letter.norm))]
        self.paragraphs: set[int] | None = None  # when set: only these paragraphs are about the dossier

    def on_subject(self, sid: int) -> bool:
        return self.paragraphs is None or self.letter.paragraph(sid) in self.paragraphs

    def matches(self, phrases: Phrases | None, *, relevant: bool = True, across: bool = False) -> list[Match]:
        if phrases is None:
            return []
        out: list[Match] = []
        for phrase in phrases.all():
            out.extend(find(self.letter, phrase, self.relevant if relevant else None, across=across))
        return out

    def set_relevant(self, ranges: list[tuple[int, int]]) -> None:
        self.relevant = sorted(ranges)

    def span(self, m: Match) -> tuple[int, int, int, int]:
        lt = self.letter
        a = lt.line_col(lt.start[m.first])
        b = lt.line_col(lt.end[m.last])
        return a[0], a[1], b[0], b[1]

    def quote(self, m: Match) -> str:
        q = self.letter.sentence_quote(m.sentence, m.first)
        if m.end_sentence != m.sentence:  # a cue running on into the next sentence
            q += " " + self.letter.sentence_quote(m.end_sentence, m.last)
        return q


def _scope(r: _Reader, vocab: Vocabulary, warnings: list[str]) -> None:
    letter = r.letter
    cues = vocab.cues.scope if vocab.cues else None
    if cues is None or not letter.norm:
        return
    hits = r.matches(cues, relevant=False)
    if not hits:
        # a letter that never names the dossier is about something else: its "algemene
        # oriëntatie" is another file's
        warnings.append("no passage names the dossier (scope cues): no fact, step or declaration read")
        r.paragraphs = set()
        return
    if len(letter.sections) <= 1:
        if any(m.first < TITLE_WORDS for m in hits):
            return  # named in the title: the whole letter is about the dossier
        # no numbered items: a paragraph naming the dossier and those after it, up to a
        # heading or a bulleted item (a report's bullets on other files stay out)
        first_of: dict[int, int] = {}
        for sid in range(len(letter.sentences)):
            first_of.setdefault(letter.paragraph(sid), sid)
        last_para = letter.paragraph(len(letter.sentences) - 1) if letter.sentences else -1
        near: set[int] = set()
        for p in sorted({letter.paragraph(m.sentence) for m in hits}):
            near.add(p)
            q = p + 1
            while q <= last_para and q not in near and not _breaks_subject(letter, first_of[q]):
                near.add(q)
                q += 1
        r.paragraphs = near
        return
    preamble = letter.sections[0][1] if letter.sections[0][2] == 1 else 0
    if any(m.first < min(TITLE_WORDS, preamble) for m in hits):
        return  # named in the title: the whole letter is about the dossier
    keep = [(a, b) for a, b, _ in letter.sections if any(a <= m.first < b for m in hits)]
    r.set_relevant(keep)


BEFORE_DATE = 60  # characters before a date read for what it dates
_ANSWERED = re.compile(r"(?i)(ontvangen|beantwoord|antwoord\w*|received|answered)\W{0,3}(op\W{1,3})?$")
_ASKED = re.compile(r"(?i)(ingezonden|gesteld|submitted|asked)\W{0,3}(op\W{1,3})?$")


_BULLET = re.compile(r"[•\-*–·▪]\s")


def _breaks_subject(letter: Letter, sid: int) -> bool:
    """A paragraph starting with a heading (a one-sentence paragraph this short) or a bullet."""
    a, b = letter.sentences[sid]
    if b <= a:
        return False
    line_start = letter.text.rfind("\n", 0, letter.start[a]) + 1
    if _BULLET.match(letter.text[line_start:letter.start[a]].lstrip() + " "):
        return True
    return b - a <= HEADING_WORDS and not letter.continues(sid)


def _letter_date(letter: Letter) -> tuple[str | None, int | None]:
    full = [d for d in letter.refs.dates if d.year and d.day]

    def before(d: Any) -> str:  # the words just before the date on its line (bounded: linear)
        off = letter.offset(d.line, d.column)
        return letter.text[max(0, off - BEFORE_DATE):off].split("\n")[-1]

    # answers to written questions: the answer's date ("(ontvangen 28 oktober 2024)"), never
    # the questions' ("(ingezonden 2 oktober 2024)")
    for d in full:
        if d.line <= 40 and _ANSWERED.search(before(d)):
            return d.iso, d.line
    full = [d for d in full if not _ASKED.search(before(d))]
    for d in full:
        if re.search(r"(?i)(den haag|'s-gravenhage|’s-gravenhage|datum|the hague|date)\W*$", before(d)):
            return d.iso, d.line
    early = [d for d in full if d.line <= 30]
    if early:
        return early[0].iso, early[0].line
    return None, None


_OWN_HEADER = re.compile(r"(?m)^\s*(\d{2} \d{3}|\d{5})\b[^\n]{0,80}\n(?:[^\n]*\n){0,3}?\s*Nr\.\s*(\d{1,5})\b")


# a line that names the letter's own Kamerstuk holds that citation and little else
_HEADER_LINE_MAX = 300


def _own_kamerstuk(letter: Letter) -> KamerstukOut | None:
    from compliance.ingest.refs import cite

    head = "\n".join(letter.text.split("\n")[:25])
    m = _OWN_HEADER.search(head)
    if m:
        d, n = m.group(1).replace(" ", ""), int(m.group(2))
        return KamerstukOut(dossier=d, number=n, cite=cite(d, n))
    for c in letter.refs.citations:
        if c.line > 25 or c.footnote is not None or len(c.kamerstukken) != 1:
            continue
        line = letter.line_text(c.line)
        if len(line) > _HEADER_LINE_MAX:  # not a header; and replacing in it per citation is quadratic
            continue
        rest = line.replace(c.raw.split("\n")[0], "").strip(" \t.,;:()")
        if not rest:
            d, n = c.kamerstukken[0]
            return KamerstukOut(dossier=d, number=n, cite=cite(d, n))
    return None


_TITLE = re.compile(r"(?mi)^[ \t]*(?:betreft:?[ \t]+|onderwerp:?[ \t]+|subject:?[ \t]+)?"
                    r"((?:geannoteerde agenda|annotated agenda|fiche|verslag|kamerbrief)\b[^\n]{0,200})$")
_BETREFT = re.compile(r"(?mi)^[ \t]*(?:betreft|onderwerp|subject):?[ \t]+(\S[^\n]{0,200})$")


def _title_span(letter: Letter) -> tuple[int, int] | None:
    """The title's first word and the end of its sentence ("Betreft: ...")."""
    m = _BETREFT.search(letter.text) or _TITLE.search(letter.text)
    if not m:
        return None
    k = letter.word_at(m.start(1))
    if k >= len(letter.norm):
        return None
    return k, letter.sentences[letter.sentence[k]][1]


def _title(letter: Letter) -> str | None:
    span = _title_span(letter)
    return None if span is None else letter.quote(span[0], span[1], 200) or None


def _title_lines(letter: Letter) -> tuple[int, int] | None:
    """The first and last line of the title's sentence."""
    span = _title_span(letter)
    if span is None:
        return None
    k, b = span
    return letter.line_col(letter.start[k])[0], letter.line_col(letter.end[b - 1])[0]


_ACTOR = re.compile(r"(?m)^[ \t]*((?:De|Het|The)[ \t]+(?:Minister|Staatssecretaris|Minister-president|"
                    r"Prime Minister|State Secretary)\b[^,\n]{0,90})")


# "Antwoord van Staatssecretaris Coenradie (Justitie en Veiligheid)": the answering minister
_ANSWERER = re.compile(r"(?i)antwoord(?:en)?\s+van\s+(?:de\s+)?(minister|staatssecretaris|minister-president)"
                       r"\b[^()\n]{0,60}\(([A-Z][\w ,'-]{2,80})\)")
# an office's name: capitalised words, "en", "van", "voor", a bracketed portfolio; not a sentence
_OFFICE_TAIL = re.compile(r"^((?:De|Het|The)\s+(?:Minister|Staatssecretaris|Minister-president|"
                          r"Prime Minister|State Secretary)"
                          r"(?:\s+(?:van|voor|of|for|en|and|[A-Z][\w'-]*|\([A-Z][\w ]{1,40}\)))*)")


def _actor(letter: Letter) -> str | None:
    answer = _ANSWERER.search(letter.text[:6000])
    if answer:
        office = answer.group(1).capitalize()
        portfolio = " ".join(answer.group(2).split())
        return f"{office} {'voor' if portfolio.startswith('Klimaat en Energie') else 'van'} {portfolio}"
    found = []
    for m in _ACTOR.finditer(letter.text):
        office = _OFFICE_TAIL.match(" ".join(m.group(1).split()))
        if office:
            found.append(office.group(1).rstrip(" ,"))
    found = [f for f in dict.fromkeys(found) if len(f.split()) >= 3][:4]
    return "; ".join(found) or None


_FIRST_DAY = re.compile(r"(\d{1,2})\s*(?:en|tot en met|t/m|and|[-–])\s*$")


# a day named without a year is the next such day on or after the letter's (a meeting or step
# ahead: "de JBZ-raad van 12 en 13 december" in a June letter is December's), unless its sentence
# speaks in the past ("zoals toegezegd in het commissiedebat van 9 oktober"): then the last before
PAST_TENSE = frozenset({"was", "waren", "werd", "werden", "had", "hadden", "vond", "vonden", "plaatsgevonden",
                        "gehouden", "toegezegd", "besproken", "gesproken", "afgelopen", "jongstleden", "jl",
                        "held", "took", "promised", "discussed", "last"})


def _days(letter: Letter, a: int, b: int, letter_date: str | None) -> list[tuple[str, int]]:
    """(ISO date, offset) of each date with a day in words a..b-1; a date without a year is
    the next such day on or after the letter's date ("de JBZ-raad van 12 en 13 december":
    the 12th, of the letter's year or the next), or the last before it when the sentence
    speaks in the past (PAST_TENSE)."""
    key = ("days", a, b, letter_date)
    got: list[tuple[str, int]] | None = letter.scopes.get(key)
    if got is None:
        got = letter.scopes[key] = _days_in(letter, a, b, letter_date)
    return got


def _days_in(letter: Letter, a: int, b: int, letter_date: str | None) -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    past = not PAST_TENSE.isdisjoint(letter.norm[a:b])
    for d in letter.dates_in(a, b):
        if not d.day:
            continue
        off = letter.offset(d.line, d.column)
        day = d.day
        if d.last_day is None:
            first = _FIRST_DAY.search(letter.text[max(0, off - 16):off])
            if first and int(first.group(1)) < day:
                day = int(first.group(1))
        year = d.year
        if year is None:
            if letter_date is None or len(letter_date) < 10:
                continue
            ly, lm, ld = int(letter_date[:4]), int(letter_date[5:7]), int(letter_date[8:10])
            ahead = (d.month, day) >= (lm, ld)
            year = (ly if ahead else ly + 1) if not past else (ly if (d.month, day) <= (lm, ld) else ly - 1)
        try:
            out.append((_date(year, d.month, day).isoformat(), off))
        except ValueError:
            continue  # a day the month does not have ("30 februari")
    return out


def _meeting_date(r: _Reader, vocab: Vocabulary, letter_date: str | None = None) -> str | None:
    cues = vocab.cues.meeting if vocab.cues else None
    letter = r.letter
    for m in sorted(r.matches(cues, relevant=False), key=lambda m: m.first):
        a, b = letter.sentences[m.sentence]
        for iso, _ in _days(letter, a, b, letter_date):
            return iso
    return None


# -- motions and declarations ---------------------------------------------------------------

_ANAPHORA_BEFORE = _words("deze die de genoemde bovengenoemde voornoemde this that the said")
CITATION_NEAR = 12  # words between "motie" and its Kamerstuk citation


def _name_key(name: str) -> str:
    bare = re.sub(r"(?i)\b(c\.s\.|cs|het lid|de leden|van het lid|motie)\b", " ", name)
    return " ".join(bare.split()).casefold()


def _motion_refs(letter: Letter, by_name: dict[str, str] | None = None,
                 known: set[str] | None = None) -> list[tuple[int, str]]:
    """(word position, motion id) of every motion the letter names or points back to. A
    mention without a Kamerstuk number ("in de titel: uitvoering motie Van Raan c.s.") takes
    the number the letter gives that name elsewhere, else the one motion of the dossier
    whose first submitter bears it (``by_name``). A citation in the running text that no
    mention covers ("de motie over een tijdpad naar nul (Kamerstuk 34 957, nr. 30)") is a
    motion when the dossier knows it as one (``known``) or "motie" stands just before it."""
    named: list[tuple[int, int, str]] = []
    letter_names = {_name_key(mm.name): paper_id(*mm.kamerstukken[0])
                    for mm in letter.refs.motions if mm.kamerstukken and mm.name}
    for mm in letter.refs.motions:
        if mm.kamerstukken:
            d, n = mm.kamerstukken[0]
            mid = paper_id(d, n)
        else:
            key = _name_key(mm.name or "")
            found = letter_names.get(key) or (by_name or {}).get(key)
            if not key or found is None:
                continue
            mid = found
        start = letter.word_at(letter.offset(mm.line, mm.column))
        end = letter.word_at(letter.offset(mm.line, mm.column) + len(mm.raw))
        named.append((start, max(start, end - 1), mid))
    covered = sorted(a for a, _, _ in named)
    for c in letter.refs.citations:
        if c.footnote is not None or len(c.kamerstukken) != 1:
            continue
        mid = paper_id(*c.kamerstukken[0])
        start = letter.word_at(letter.offset(c.line, c.column))
        i = bisect.bisect_left(covered, start - CITATION_NEAR)
        if start >= len(letter.norm) or (i < len(covered) and covered[i] <= start + CITATION_NEAR):
            continue  # the citation of a named mention (a bisection: linear in the letter)
        sid = letter.sentence[start]
        before = [letter.norm[k] for k in range(max(0, start - CITATION_NEAR), start)
                  if letter.sentence[k] == sid]
        if mid in (known or set()) or "motie" in before or "motion" in before:
            named.append((start, start, mid))
    named.sort()
    out = [(a, mid) for a, _, mid in named]
    spans = [(a, b) for a, b, _ in named]
    firsts = [a for a, _, _ in named]
    for k in letter.index.get("motie", []) + letter.index.get("motion", []):
        if k == 0 or letter.norm[k - 1] not in _ANAPHORA_BEFORE:
            continue
        j = bisect.bisect_right(firsts, k)
        if j < len(firsts) and firsts[j] - k <= CITATION_NEAR \
                and letter.sentence[firsts[j]] == letter.sentence[k]:
            continue  # "de motie over ... (Kamerstuk 34 957, nr. 50)": the motion cited, not an anaphor
        i = bisect.bisect_right(firsts, k) - 1
        if i >= 0 and spans[i][0] <= k <= spans[i][1]:
            continue  # the word of a named mention
        if i >= 0:
            out.append((k, named[i][2]))  # the motion named last before it
    return sorted(out)


def _declarations(r: _Reader, vocab: Vocabulary, known: set[str],
                  by_name: dict[str, str] | None = None,
                  letter_date: str | None = None) -> list[FoundDeclaration]:
    letter = r.letter
    decl = vocab.cues.declarations if vocab.cues else None
    if decl is None:
        return []
    refs = _motion_refs(letter, by_name, known)
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for k, mid in refs:
        by_sentence.setdefault(letter.sentence[k], []).append((k, mid))
    found: list[tuple[Match, DeclStatement, str]] = []  # match, statement, motion
    for statement in _STATEMENTS.values():
        cues: ValueCues | None = getattr(decl, statement)
        asked = questions(letter)
        for m in r.matches(cues, relevant=False):
            if (m.hypothetical and not m.negated) or m.sentence in asked or _topic(letter, m.first):
                continue
            said = statement
            if m.negated:
                opposite = _STATEMENTS.get(cues.negated or "") if cues is not None else None
                if opposite is None:
                    continue
                said = opposite
            cands = by_sentence.get(m.sentence)
            if not cands:
                continue
            sc = match_scope(letter, m.sentence, m.first, letter_date)
            if sc.reported and sc.voice in ("other", "author", "party"):
                continue  # "sommige leden hebben gesuggereerd dat de motie ... wordt uitgevoerd"
            if _within(letter, m.sentence, FORMER) or (
                    sc.history and not _within(letter, m.sentence, IN_FORCE)):
                # "in 2022 werd de motie uitgevoerd", "het vorige kabinet heeft ... uitgevoerd":
                # not this cabinet's word today, unless it says it stands ("zoals eerder gemeld, ...")
                continue
            asking = asked_from(letter, m.sentence)
            if asking is not None and asking < m.first:
                continue  # "gevraagd of de motie wordt uitgevoerd": asked, not declared
            found.append((m, said, ""))  # the motion is chosen below, per sentence
    statements = _drop_contained([(m, said) for m, said, _ in found])
    # given effect is the more specific: "wordt uitvoering gegeven" is not also "wordt uitgevoerd"
    effect_in = {m.sentence for m, said in statements if said == "gives_effect"}
    statements = [(m, said) for m, said in statements
                  if not (said == "will_execute" and m.sentence in effect_in)]
    said_in: dict[int, set[str]] = {}
    for m, said in statements:
        said_in.setdefault(m.sentence, set()).add(said)
    chosen: list[tuple[Match, DeclStatement, str]] = []
    for m, said in statements:
        cands = by_sentence[m.sentence]
        k0, mid = min(cands, key=lambda c: (_distance(c[0], m), c[0] > m.first))
        chosen.append((m, said, mid))
        if len(said_in[m.sentence]) == 1:
            # one statement in the sentence: it holds for the motions enumerated with its
            # nearest one ("geeft uitvoering aan de motie X en aan de motie Y")
            order = sorted(cands)
            i = order.index((k0, mid))
            for step in (1, -1):
                j = i
                while 0 <= j + step < len(order) and _enumerated(letter, order[j][0], order[j + step][0]):
                    j += step
                    chosen.append((m, said, order[j][1]))
    kept = _drop_contained([(m, (said, mid)) for m, said, mid in chosen])
    notes = {f.number: f for f in letter.refs.footnotes}
    papers = {p.id: p for p in letter.refs.papers()}
    out: dict[tuple[str, str], FoundDeclaration] = {}
    for m, (said, mid) in sorted(kept, key=lambda x: x[0].first):
        line, col, _, _ = r.span(m)
        key = (mid, said)
        if key in out:
            continue
        out[key] = FoundDeclaration(motion=mid, statement=said, line=line, column=col, quote=r.quote(m),
                                    cue=m.phrase, source=_source(letter, m.sentence, notes, papers, mid),
                                    known=mid in known)
    # the most specific: a motion the letter gives effect to is not also one it will execute
    effected = {mid for mid, said in out if said == "gives_effect"}
    return sorted((d for (mid, said), d in out.items() if not (said == "will_execute" and mid in effected)),
                  key=lambda d: (d.line, d.column, d.motion))


_SO_FAR = ("sinds", "tot nu toe", "tot op heden", "tot dusver", "so far", "since")


def _so_far(letter: Letter, sid: int) -> bool:
    """Whether sentence ``sid`` opens with how things have stood so far ("Sinds 1 oktober
    2023 ...", "Tot nu toe ...")."""
    a, b = letter.sentences[sid]
    opening = " ".join(letter.norm[a:min(b, a + 3)])
    return any(opening.startswith(w) for w in _SO_FAR)


# talk about a topic, not a statement of it ("over de ereschuld is veel gezegd")
TALK = _words("""zeggen gezegd spreken gesproken praten gepraat debatteren gedebatteerd discussieren
    gediscussieerd discussie debat schrijven geschreven opmerken opgemerkt said spoken discussed debated""")
_ABOUT = _words("over inzake omtrent betreffende aangaande about regarding on")


def _topic(letter: Letter, k: int) -> bool:
    """Whether word ``k`` opens a phrase a preposition makes the topic ("over de uitvoering
    van de motie wordt uw Kamer geïnformeerd"): spoken about, not declared."""
    j = k - 1
    while j >= 0 and letter.norm[j] in ("de", "het", "the") and letter.sentence[j] == letter.sentence[k]:
        j -= 1
    return j >= 0 and letter.sentence[j] == letter.sentence[k] and letter.norm[j] in _ABOUT


_AND = _words("en and")
ENUMERATION_GAP = 24  # words from a motion's mention to the next: "de motie X (Kamerstuk ...) en de motie Y"


def _enumerated(letter: Letter, a: int, b: int) -> bool:
    """Whether the motions named at words ``a`` and ``b`` are enumerated together: near,
    joined by "en" or a comma, no full stop between."""
    lo, hi = min(a, b), max(a, b)
    if hi - lo > ENUMERATION_GAP or letter.sentence[lo] != letter.sentence[hi]:
        return False
    between = letter.text[letter.end[lo]:letter.start[hi]]
    joined = any(letter.norm[k] in _AND for k in range(lo + 1, hi))
    return joined and re.search(r"[.!?]\d{0,3}\s+[A-Z]", between) is None


def _distance(k: int, m: Match) -> int:
    return m.first - k if k < m.first else k - m.last if k > m.last else 0


def _source(letter: Letter, sid: int, notes: dict[int, Any], papers: dict[str, Any],
            motion: str) -> KamerstukOut | None:
    from compliance.ingest.refs import cite

    a, b = letter.sentences[sid]
    lo, hi = letter.start[a], letter.end[b - 1]
    for f in notes.values():
        if f.marker_line is None:
            continue
        off = letter.offset(f.marker_line, f.marker_column or 1)
        if not lo <= off <= hi:
            continue
        for c in letter.refs.citations:
            if c.footnote != f.number:
                continue
            for d, n in c.kamerstukken:
                pid = paper_id(d, n)
                if pid != motion and (pid not in papers or papers[pid].role == "letter"):
                    return KamerstukOut(dossier=d, number=n, cite=cite(d, n))
    return None


def _drop_contained(items: list[tuple[Match, _V]]) -> list[tuple[Match, _V]]:
    """A match inside a longer one of another value in the same sentence, or spanning the same
    words with fewer of them its own, gives way to it: 'gedeeltelijke algemene oriëntatie' is
    not also an 'algemene oriëntatie', 'noch voorgeschreven noch verboden' not 'niet verboden'."""
    by_sentence: dict[int, list[tuple[Match, _V]]] = {}
    for item in items:
        by_sentence.setdefault(item[0].sentence, []).append(item)
        if item[0].end_sentence != item[0].sentence:
            by_sentence.setdefault(item[0].end_sentence, []).append(item)
    out = []
    for m, v in items:
        group = by_sentence[m.sentence] + (
            by_sentence[m.end_sentence] if m.end_sentence != m.sentence else [])
        if len(group) < 2:
            out.append((m, v))
            continue
        one = m.end_sentence == m.sentence
        inside = any(
            o is not m and ov != v and o.first <= m.first and m.last <= o.last
            and ((o.last - o.first) > (m.last - m.first)
                 or len(o.literals) > len(m.literals))  # the same words, a cue naming more of them
            and not (one and o.end_sentence != o.sentence)  # a reading within one sentence stands
            for o, ov in group)
        # a cue run on into the next sentence gives way to one read within a sentence it spans
        outer = not one and any(o is not m and ov != v and o.first <= m.last and m.first <= o.last
                                and o.end_sentence == o.sentence for o, ov in group)
        if not (inside or outer):
            out.append((m, v))
    return out


# -- facts ----------------------------------------------------------------------------------


def _typed(fact: FactDef, key: str) -> Any:
    k = value_key(key)
    return k == "true" if fact.type == "bool" else k


REMOVAL_BEFORE, REMOVAL_AFTER = 4, 10  # "schrapping van X"; "X uit de tekst te schrappen"


# a past decision the sentence says still holds ("het besluit van juni 2023 ... blijft staan")
IN_FORCE = frozenset({"zoals", "blijft", "blijven", "nog", "steeds", "as", "remains", "still"})


def _within(letter: Letter, sid: int, words: frozenset[str]) -> bool:
    """Whether a word of the sentence is, or stands for, one of ``words``."""
    a, b = letter.sentences[sid]
    found = sorted_positions(letter, words)
    i = bisect.bisect_left(found, a)
    return i < len(found) and found[i] < b


def _according(letter: Letter, sid: int) -> bool:
    """Whether the sentence says whose view it gives ("volgens de Commissie")."""
    return _within(letter, sid, ACCORDING)


def _stance(fact: FactDef) -> str:
    if fact.cues is not None and fact.cues.stance is not None:
        return fact.cues.stance
    return {"text": "text", "cabinet": "cabinet"}.get(fact.group, "any")


class _Context:
    """What the fact cues need to know of the letter beyond the match: its date (what is
    history) and the sentences naming the text (the text's facts stay near them)."""

    def __init__(self, r: _Reader, vocab: Vocabulary, letter_date: str | None) -> None:
        self.r, self.letter_date = r, letter_date
        cues = vocab.cues.text_subject if vocab.cues else None
        self.subject: set[int] | None = None
        if cues is not None:
            letter = r.letter
            self.subject = set()
            for phrase in cues.all():
                elements = compile_phrase(phrase)
                if len(elements) == 1:  # one word: its positions will do, no match objects
                    self.subject.update(letter.sentence[k] for k in starts(letter, elements[0]))
                else:
                    self.subject.update(m.sentence for m in find(letter, phrase))

    def about_text(self, sid: int) -> bool:
        if self.subject is None:
            return True
        letter = self.r.letter
        for back in range(3):  # the sentence, or one of the two before it in its paragraph
            s = sid - back
            if s < 0 or (back and not letter.continues(s)):
                return False
            if s in self.subject:
                return True
        return False

    def holds(self, m: Match, stance: str, value: Any, describes_text: bool = False) -> bool:
        """Whether the match is evidence for a fact of this stance, by its sentence's scope."""
        letter = self.r.letter
        if not self.r.on_subject(m.sentence):
            return False  # a paragraph that does not name the dossier (another file)
        asked = questions(letter)
        if m.sentence in asked or m.end_sentence in asked:
            return False  # a question states nothing; the asker's words are not the cabinet's
        asking = asked_from(letter, m.sentence)
        if asking is not None and asking < m.first:
            return False  # "hebben gevraagd of het kabinet bereid is ...": asked, not stated
        if m.sentence in letter.headings and m.end_sentence == m.sentence:
            return False  # "Versterking en verduurzaming": a heading names a subject, states nothing
        if stance == "any":
            here = match_scope(letter, m.sentence, m.first, self.letter_date)
            if here.reported and (here.voice in ("other", "party") or _according(letter, m.sentence)):
                return False  # "Duitsland stelt dat ...", "volgens de Commissie ...": a claim
            # what is up at a meeting is today's, not what was up before ("streefde aanvankelijk
            # naar een algemene oriëntatie")
            return not (describes_text and any(sentence_scope(letter, s, self.letter_date).history
                                               for s in range(m.sentence, m.end_sentence + 1)))
        scopes = [match_scope(letter, m.sentence, m.first, self.letter_date)] + [
            sentence_scope(letter, s, self.letter_date) for s in range(m.sentence + 1, m.end_sentence + 1)]
        if any(sc.history for sc in scopes) and not (stance == "cabinet" and self._own_history(m)):
            return False  # an earlier text or decision, not today's
        sc = scopes[0]
        if stance == "cabinet":
            if sc.reported and sc.voice != "cabinet":
                return False  # "de Commissie verwacht dat Nederland instemt"
            # a cue naming its actor says what it is about ("de NAM heeft geen rol meer",
            # "Nederland ... instemmen"); otherwise the cabinet must be the one speaking
            own = any(letter.norm[k] in ACTORS for k in m.literals)
            return own or sc.voice in ("cabinet", "none", "party")
        # the text's facts; a cue that names the actor says what it is about ("onder leiding van
        # het Cypriotische voorzitterschap", "de Raad en het Europees Parlement ... akkoord")
        named = any(letter.norm[k] in ACTORS - CABINET for k in m.literals)
        if sc.reported and (sc.voice in ("other", "party") or _according(letter, m.sentence)):
            return False  # "Duitsland stelt dat ...", "volgens de Commissie ...": a claim about the text
        if sc.stance:
            # "het kabinet is bereid X te aanvaarden", "het kabinet wil dat de Raad en het
            # Europees Parlement een akkoord bereiken": its stance or wish, not the text, even
            # when the cue names another actor
            return False
        if named and not sc.proposal and not any(x.removal for x in scopes):
            return self.about_text(m.sentence) or self.about_text(m.end_sentence)
        if sc.voice in ("other", "party") or sc.reported:
            return False  # a member state's, the House's, the Parliament's wish or view
        if sc.proposal and sc.voice != "author":
            return False  # someone proposes a change: not (yet) the text
        if any(x.removal for x in scopes) and value is not False and self._removed(m):
            return False  # "voorstel om X te schrappen", "X is verwijderd": X is leaving
        return self.about_text(m.sentence) or self.about_text(m.end_sentence)

    def _own_history(self, m: Match) -> bool:
        """Whether the only word that makes the sentence history is the cue's own ("eerder
        versterkingsadvies": the fact is about an earlier advice, stated today)."""
        letter = self.r.letter
        if m.sentence != m.end_sentence:
            return False
        a, b = letter.sentences[m.sentence]
        if self.letter_date and old_date(letter, a, b, self.letter_date):
            return False
        marked = positions(letter, HISTORY)
        words = [k for k in range(a, b) if k in marked]
        return bool(words) and all(k in m.literals for k in words)

    def _removed(self, m: Match) -> bool:
        """A removal word in the clause of the match, just before it or after it, that is not
        one of the cue's own words (a cue written for the removal holds)."""
        letter = self.r.letter

        removals = positions(letter, REMOVAL)

        def removal(k: int) -> bool:
            return k in removals

        if any(removal(k) for k in m.literals):
            return False
        lo, hi = max(0, m.first - REMOVAL_BEFORE), min(len(letter.norm), m.last + 1 + REMOVAL_AFTER)
        clauses = {letter.clause[m.first], letter.clause[m.last]}
        return any(letter.clause[k] in clauses and letter.sentence[k] in (m.sentence, m.end_sentence)
                   and removal(k) for k in range(lo, hi) if k not in m.literals)


def _facts(r: _Reader, vocab: Vocabulary, declarations: list[FoundDeclaration],
           draft: dict[str, Any], letter_date: str | None = None) -> None:
    ctx = _Context(r, vocab, letter_date)
    title_lines = _title_lines(r.letter)
    for name, fact in vocab.facts.items():
        cues = fact.cues
        if cues is None:
            draft["unstated"].append(name)
            continue
        stance = _stance(fact)
        if fact.type in ("number", "date") and not cues.values:
            _quantity(r, ctx, name, fact, stance, draft)
            continue
        across = cues.window == "two_sentences"
        items: list[tuple[Match, Any]] = []
        implied: list[Evidence] = []
        for key, vc in cues.values.items():
            cued = _typed(fact, key)
            hypothetical = vc.hypothetical or cues.hypothetical
            for m in r.matches(vc, across=across):
                # a negation under a condition ("tenzij ... niet") still states; not in an opening "als"
                if hypothetical == "ignore" and ((m.hypothetical and not m.negated)
                                                 or m.conditional_clause):
                    continue
                if _topic(r.letter, m.first) and _within(r.letter, m.sentence, TALK):
                    # "over het ruimhartig vergoeden is veel gezegd": talked about, not stated; a
                    # topic the sentence then states something of stays ("over het scannen op het
                    # toestel bevat de tekst geen bepaling", "over de voortgang blijf ik rapporteren")
                    continue
                v = value_of_match(fact.type, cued, vc.negated, m.negated)
                if v is None:
                    continue
                if not ctx.holds(m, stance, v, fact.describes == "text"):
                    continue
                items.append((m, v))
            for imp in vc.implied_by:
                for d in declarations:
                    if d.motion == imp.motion and d.statement == imp.statement:
                        implied.append(Evidence(value=cued, line=d.line, column=d.column, end_line=d.line,
                                                end_column=d.column, quote=d.quote,
                                                cue=f"declaration {d.motion} {d.statement}"))
        if fact.type == "set":
            items = [(m, v) for m, v in items if not _spans_other(r.letter, m)]
            items.extend(_enumeration(r.letter, fact, items))
        evidence: list[Evidence] = []
        shown: dict[Any, int] = {}
        # a set's values stand side by side ("bekend materiaal, nieuw materiaal en grooming"):
        # no value gives way to a longer match of another
        # a plain reading never swallows the qualified one inside it ("op maximaal 12 miljard"
        # is at most, not exact): it stands aside from the longest-match rule
        plain = {_typed(fact, key) for key, vc in cues.values.items() if vc.yields}
        kept = items if fact.type == "set" else \
            _drop_contained([x for x in items if x[1] not in plain]) + [x for x in items if x[1] in plain]
        for m, v in sorted(kept, key=lambda x: (x[0].first, x[0].phrase)):
            seen = tuple(v) if isinstance(v, list) else v
            shown[seen] = shown.get(seen, 0) + 1
            if shown[seen] > MAX_EVIDENCE:
                continue  # a long letter repeating itself: the first passages are enough
            line, col, eline, ecol = r.span(m)
            evidence.append(Evidence(value=v, line=line, column=col, end_line=eline, end_column=ecol,
                                     quote=r.quote(m), cue=m.phrase, negated=m.negated))
        if evidence or fact.type != "set":
            # a declaration completes the list of conditions the letter gives in its own words;
            # alone it makes none (what a motion asks is not the letter's list)
            evidence.extend(sorted(implied, key=lambda e: e.line))
        if not evidence:
            hit = next(iter(sorted(r.matches(cues.addressed), key=lambda m: m.first)), None)
            if hit is not None:
                draft["addressed"].append(Addressed(fact=name, line=r.span(hit)[0], quote=r.quote(hit),
                                                    cue=hit.phrase))
            draft["unstated"].append(name)
            continue
        values = list(dict.fromkeys(e.value for e in evidence))
        if fact.type != "set" and len(values) > 1:
            # the most specific of values that imply each other: "kan niet instemmen ... zal
            # daarom tegenstemmen" is against (which implies not_for), not an ambiguity
            implied_values = {_typed(fact, i) for key, vc in cues.values.items()
                              if _typed(fact, key) in values for i in vc.implies}
            values = [v for v in values if v not in implied_values] or values
            # a plain reading ("een winningsniveau van 2,8 miljard": exact) gives way to any
            # qualified one ("ten hoogste 2,8 miljard")
            values = [v for v in values if v not in plain] or values
            evidence = [e for e in evidence if e.value in values] if len(values) == 1 else evidence
        if fact.type != "set" and len(values) > 1:
            # the state so far ("Sinds 1 oktober 2023 staat het veld op de waakvlam") gives way
            # to what the letter changes it to ("Met dit wetsvoorstel wordt het veld gesloten")
            so_far = {v for v in values if all(_so_far(r.letter, m.sentence) for m, mv in kept if mv == v)}
            if so_far and len(set(values) - so_far) == 1:
                values = [v for v in values if v not in so_far]
                evidence = [e for e in evidence if e.value in values]
        if fact.type != "set" and len(values) > 1 and title_lines is not None:
            # the letter's title names what it is about ("Betreft: Vaststellingsbesluit
            # gasjaar 2022-2023"): of conflicting values, the one it names
            titled = {e.value for e in evidence if title_lines[0] <= e.line <= title_lines[1]}
            if len(titled) == 1:
                values = list(titled)
                evidence = [e for e in evidence if e.value in titled]
        if fact.type == "set":
            order = list(fact.values or {})
            value: Any = sorted(values, key=order.index)
        elif len(values) == 1:
            value = values[0]
        else:
            draft["ambiguities"].append(Ambiguity(fact=name, candidates=[
                Candidate(value=v, lines=sorted({e.line for e in evidence if e.value == v}),
                          quotes=list(dict.fromkeys(e.quote for e in evidence if e.value == v)))
                for v in values]))
            continue
        first = evidence[0]
        quotes = list(dict.fromkeys(e.quote for e in evidence))
        draft["proposals"].append(Proposal(
            fact=name, value=value, line=first.line, column=first.column, end_line=first.end_line,
            end_column=first.end_column, quote=" … ".join(quotes)[:600], cue=first.cue, evidence=evidence))


# words an enumeration repeats or carries between members ("op bekend materiaal, op nieuw
# materiaal en op ...", "tot aanbieders van X en tot aanbieders van Y")
ENUM_GLUE = frozenset({"en", "of", "ook", "als", "van", "de", "het", "op", "aan", "voor", "tot", "bij",
                       "reeds", "and", "or", "also", "the", "to", "on", "for"})
ENUM_SEP = frozenset({"en", "of", "and", "or"})
TAIL_GAP = 3  # a cue's elements after its last gap of this size name the member itself


def _spans_other(letter: Letter, m: Match) -> bool:
    """A set member's cue that runs through another's words ("het compromis omvat bekend
    materiaal; enkele lidstaten willen ook nieuw materiaal", "omvat, anders dan de eerdere
    tekst, ook grooming"): the member is not stated for the current text by the cabinet."""
    for k in range(m.first + 1, m.last + 1):
        if k not in m.literals and (letter.norm[k] in OTHERS or letter.norm[k] in HISTORY):
            return True
        if ";" in letter.text[letter.end[k - 1]:letter.start[k]]:
            return True  # (a colon introduces the list: "voldoet aan drie voorwaarden: ...")
    return False


def _tails(fact: FactDef) -> list[tuple[Any, tuple[Element, ...]]]:
    """Per set value, the end of each of its cues that names the member ("bekend ~1
    materiaal" of "... omvat ~8 bekend ~1 materiaal"): what an enumeration repeats."""
    out = []
    assert fact.cues is not None
    for key, vc in fact.cues.values.items():
        for phrase in vc.all():
            elements = compile_phrase(phrase)
            cut = max((i for i, el in enumerate(elements) if el.gap >= TAIL_GAP), default=0)
            out.append((_typed(fact, key), elements[cut:]))
    return out


def _enumeration(letter: Letter, fact: FactDef, items: list[tuple[Match, Any]]) -> list[tuple[Match, Any]]:
    """A set's member cued in an enumeration brings the members listed after it ("omvat
    bekend materiaal, nieuw materiaal en grooming"): each joined by a comma, "en" or "of",
    each named as its own cue ends; a word that is neither ends the list."""
    tails = _tails(fact)
    out: list[tuple[Match, Any]] = []
    for m, v in items:
        if m.negated:
            continue
        end = letter.sentences[m.end_sentence][1]
        k, had = m.last + 1, {v}
        # an enumeration may repeat the first member's own words ("tot aanbieders van X en tot
        # aanbieders van Y"): no domain's nouns in a general list
        glue = ENUM_GLUE | {letter.norm[x] for x in m.literals}
        while k < end:
            sep = "," in letter.text[letter.end[k - 1]:letter.start[k]]
            while k < end and letter.norm[k] in glue:
                gap = letter.text[letter.end[k - 1]:letter.start[k]]
                sep = sep or letter.norm[k] in ENUM_SEP or "," in gap
                k += 1
            if not sep or k >= end:
                break
            hit = None
            for value, tail in tails:
                j, ok = k, True
                for i, el in enumerate(tail):
                    if i:
                        nxt = next((x for x in range(j, min(j + el.gap + 1, end))
                                    if el.matches(letter.norm[x])), None)
                        if nxt is None:
                            ok = False
                            break
                        j = nxt
                    elif j >= end or not el.matches(letter.norm[j]):
                        ok = False
                        break
                    j += 1
                if ok and tail:
                    hit = (value, j)
                    break
            if hit is None:
                break
            if hit[0] not in had:
                had.add(hit[0])
                out.append((m, hit[0]))
            k = hit[1]
    return out


def _quantity(r: _Reader, ctx: _Context, name: str, fact: FactDef, stance: str,
              draft: dict[str, Any]) -> None:
    """A number or date fact: its cues find the passage, the value is the number (in the
    fact's unit) or date in the clause of the cue, else in its sentence; two different
    values are an ambiguity, never a choice."""
    letter = r.letter
    cues = fact.cues
    assert cues is not None
    evidence: list[Evidence] = []
    competing: list[tuple[Match, None]] = []
    hits = sorted(r.matches(cues.addressed, across=cues.window == "two_sentences"),
                  key=lambda m: (m.first, m.phrase))
    for m in hits:
        if (m.hypothetical and cues.hypothetical == "ignore") or not ctx.holds(m, stance, None):
            continue
        a = letter.sentences[m.sentence][0]
        b = letter.sentences[m.end_sentence][1]
        lo = letter.start[a]
        sentence = letter.text[lo:letter.end[b - 1]]
        what, v = value_in(sentence, letter.start[m.first] - lo, fact.type, fact.unit)
        if what == "ambiguous":
            competing.append((m, None))
        elif what == "value" and sum(1 for e in evidence if e.value == v) < MAX_EVIDENCE:
            line, col, eline, ecol = r.span(m)
            evidence.append(Evidence(value=v, line=line, column=col, end_line=eline, end_column=ecol,
                                     quote=r.quote(m), cue=m.phrase, negated=m.negated))
    values = list(dict.fromkeys(e.value for e in evidence))
    if len(values) > 1 or (competing and not values):
        if len(values) > 1:
            draft["ambiguities"].append(Ambiguity(fact=name, candidates=[
                Candidate(value=v, lines=sorted({e.line for e in evidence if e.value == v}),
                          quotes=list(dict.fromkeys(e.quote for e in evidence if e.value == v)))
                for v in values]))
        else:  # numbers compete in the passage: spoken of, no value
            m = competing[0][0]
            draft["addressed"].append(Addressed(fact=name, line=r.span(m)[0], quote=r.quote(m), cue=m.phrase))
            draft["unstated"].append(name)
        return
    if not values:
        if hits:
            draft["addressed"].append(Addressed(fact=name, line=r.span(hits[0])[0], quote=r.quote(hits[0]),
                                                cue=hits[0].phrase))
        draft["unstated"].append(name)
        return
    first = evidence[0]
    quotes = list(dict.fromkeys(e.quote for e in evidence))
    draft["proposals"].append(Proposal(
        fact=name, value=values[0], line=first.line, column=first.column, end_line=first.end_line,
        end_column=first.end_column, quote=" … ".join(quotes)[:600], cue=first.cue, evidence=evidence))


# -- planned steps ----------------------------------------------------------------------------


FORUM_SUFFIX = "_meeting"  # step kinds that name where (council_meeting), not what is decided


_PERIOD_START = re.compile(
    r"\d{1,2}\s+[a-z]+(?:\s+\d{4})?\s+(?:begint|ingaat|aanvangt|start|begins|starts)\b")


# "het gasjaar, dat loopt van 1 oktober 2022 tot en met 30 september 2023": a period's bounds
_PERIOD_BOUND = re.compile(r"(?i)(?:\b(?:loopt|lopen|duurt|duren|runs|lasts)\s+van|\btot\s+en\s+met)\s+$")


def _steps(r: _Reader, vocab: Vocabulary, letter_date: str | None, meeting: str | None,
           date_line: int | None = None) -> list[FoundStep]:
    letter = r.letter
    cues = vocab.cues
    if cues is None:
        return []
    this_meeting = {m.sentence for m in r.matches(cues.this_meeting)}
    titled = _title_lines(letter)  # "Betreft: verslag van een schriftelijk overleg over ...": no step
    items: list[tuple[Match, str]] = []
    for kind, phrases in cues.steps.items():
        items.extend((m, kind) for m in r.matches(phrases) if not m.negated)
    kept = _drop_contained(items)
    # an undated decision cue next to a dated meeting gives that meeting its kind:
    # "Op 12 september vergadert Coreper. Het voorzitterschap wil dan een algemene oriëntatie."
    undated: dict[int, str] = {}
    for m, kind in kept:
        a, b = letter.sentences[m.sentence]
        if not kind.endswith(FORUM_SUFFIX) and not _days(letter, a, b, letter_date):
            undated.setdefault(m.sentence, kind)
    out: dict[tuple[str, str], FoundStep] = {}
    for m, kind in sorted(kept, key=lambda x: x[0].first):
        if not r.on_subject(m.sentence) or (date_line is not None and r.span(m)[0] < date_line) \
                or (titled is not None and titled[0] <= r.span(m)[0] <= titled[1]):
            continue  # another file's, or the document's own heading ("verslag van een schriftelijk overleg")
        a, b = letter.sentences[m.sentence]
        # "het gasjaar dat op 1 oktober 2022 begint": when a period starts, not a step
        dates = [d for d in _days(letter, a, b, letter_date)
                 if not _PERIOD_START.match(letter.text, d[1], d[1] + 40)
                 and not _PERIOD_BOUND.search(letter.text, max(0, d[1] - 24), d[1])]
        date_, origin = None, "sentence"
        if dates:
            here = letter.start[m.first]
            date_ = min(dates, key=lambda d: abs(d[1] - here))[0]
        elif m.sentence in this_meeting and meeting:
            date_, origin = meeting, "meeting"
        if date_ is None or (letter_date is not None and date_ <= letter_date):
            continue  # undated, or not after the letter was written: not planned
        if kind.endswith(FORUM_SUFFIX):
            near = [undated[s] for s in (m.sentence + 1, m.sentence - 1) if s in undated
                    and letter.continues(min(s, m.sentence))]
            kind = near[0] if near else kind
        line, col, _, _ = r.span(m)
        out.setdefault((date_, kind), FoundStep(date=date_, kind=kind, line=line, column=col,
                                                quote=r.quote(m), cue=m.phrase, date_from=origin))  # type: ignore[arg-type]
    # a meeting is the forum of what is decided there that day: one step, the decision
    decided = {d for d, k in out if not k.endswith(FORUM_SUFFIX)}
    return sorted((s for (d, k), s in out.items() if not (k.endswith(FORUM_SUFFIX) and d in decided)),
                  key=lambda s: (s.date, s.kind))


# -- the whole draft ------------------------------------------------------------------------


def draft_letter(text: str, workspace: Any, dossier: str, *, letter_name: str) -> Draft:
    """Draft a position of ``dossier`` from a letter's plain ``text``.

    ``workspace``: a loaded :class:`~compliance.loading.workspace.Workspace` or the path
    of one. Raises InputErrors only for an unknown dossier; never on the letter's text."""
    from compliance.loading.workspace import Workspace, load_workspace

    ws = workspace if isinstance(workspace, Workspace) else load_workspace(Path(workspace))
    loaded = ws.vocabularies.get(dossier)
    if loaded is None:
        from compliance.conditions.parse import did_you_mean

        raise InputErrors([InputError("--dossier", 1, 1, Text(f"unknown dossier '{dossier}'",
                                                              f"onbekend dossier '{dossier}'"),
                                      did_you_mean(dossier, ws.vocabularies) or one_of(ws.vocabularies))])
    vocab = loaded.model
    letter = read(text)
    r = _Reader(letter, vocab)
    warnings: list[str] = []
    _scope(r, vocab, warnings)
    date, date_line = _letter_date(letter)
    if date is None:
        warnings.append("no date of the letter found")
    meeting = _meeting_date(r, vocab, date)
    by_name: dict[str, list[str]] = {}
    for mid, lm in ws.motions.items():
        if dossier in lm.record.dossiers:
            first = next((x for x in lm.record.submitters if x.first), lm.record.submitters[0])
            by_name.setdefault(_name_key(first.name), []).append(mid)
    unique = {k: v[0] for k, v in by_name.items() if len(v) == 1}
    declarations = _declarations(r, vocab, set(ws.motions), unique, date)
    parts: dict[str, Any] = {"proposals": [], "ambiguities": [], "addressed": [], "unstated": []}
    _facts(r, vocab, declarations, parts, date)
    passages = []
    for a, b in r.relevant:
        if b > a:
            passages.append(f"{letter.line_col(letter.start[a])[0]}-{letter.line_col(letter.end[b - 1])[0]}")
    return Draft(
        letter_name=letter_name, dossier=dossier, letter_date=date, letter_date_line=date_line,
        own_kamerstuk=_own_kamerstuk(letter), title=_title(letter), actor=_actor(letter),
        meeting_date=meeting, passages=passages,
        citations=[CitationOut(id=p.id, cite=p.cite(), role=p.role, lines=list(p.lines),
                               mentioned_as=list(p.mentioned_as)) for p in letter.refs.papers()],
        declarations=declarations, planned_steps=_steps(r, vocab, date, meeting, date_line),
        warnings=warnings,
        descriptions={n: {"nl": f.description.nl, "en": f.description.en} for n, f in vocab.facts.items()},
        subjects=list(loaded.subjects_of_facts(
            [p.fact for p in parts["proposals"]] + [a.fact for a in parts["ambiguities"]]
            + [a.fact for a in parts["addressed"]])),
        stated_subjects=list(loaded.subjects_of_facts([p.fact for p in parts["proposals"]])),
        **parts)
