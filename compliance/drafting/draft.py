"""From a letter's text to a draft position: every proposal tied to the passage that cues it.

Never invents a value: a fact gets a value only where a cue of the vocabulary occurs in
the letter (or a declaration the letter makes implies it, as the vocabulary says), and
a fact cued with two values is listed as an ambiguity, not resolved.
"""

from __future__ import annotations

import bisect
import re
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field

from compliance.drafting.letter import Letter, _words, read
from compliance.drafting.match import Match, find
from compliance.errors import InputError, InputErrors
from compliance.ingest.refs import paper_id
from compliance.loading.cues import value_key
from compliance.model.cues import Phrases, ValueCues
from compliance.model.vocabulary import FactDef, Vocabulary

DeclStatement = Literal["will_execute", "will_not_execute", "gives_effect", "will_inform"]
# A cue's "negated" is a plain string in the vocabulary (checked at load time); this maps it back.
_STATEMENTS: dict[str, DeclStatement] = {s: s for s in get_args(DeclStatement)}
_V = TypeVar("_V")
MAX_EVIDENCE = 5  # passages kept per value of a fact
TITLE_WORDS = 80  # a scope cue among the letter's first words: the whole letter is about the dossier


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

    def matches(self, phrases: Phrases | None, *, relevant: bool = True) -> list[Match]:
        if phrases is None:
            return []
        out: list[Match] = []
        for phrase in phrases.all():
            out.extend(find(self.letter, phrase, self.relevant if relevant else None))
        return out

    def set_relevant(self, ranges: list[tuple[int, int]]) -> None:
        self.relevant = sorted(ranges)

    def span(self, m: Match) -> tuple[int, int, int, int]:
        lt = self.letter
        a = lt.line_col(lt.start[m.first])
        b = lt.line_col(lt.end[m.last])
        return a[0], a[1], b[0], b[1]

    def quote(self, m: Match) -> str:
        return self.letter.sentence_quote(m.sentence, m.first)


def _scope(r: _Reader, vocab: Vocabulary, warnings: list[str]) -> None:
    letter = r.letter
    cues = vocab.cues.scope if vocab.cues else None
    if cues is None or not letter.norm:
        return
    hits = r.matches(cues, relevant=False)
    if not hits:
        warnings.append("no passage names the dossier (scope cues): the whole letter is read")
        return
    if len(letter.sections) <= 1:
        return
    preamble = letter.sections[0][1] if letter.sections[0][2] == 1 else 0
    if any(m.first < min(TITLE_WORDS, preamble) for m in hits):
        return  # named in the title: the whole letter is about the dossier
    keep = [(a, b) for a, b, _ in letter.sections if any(a <= m.first < b for m in hits)]
    r.set_relevant(keep)


def _letter_date(letter: Letter) -> tuple[str | None, int | None]:
    full = [d for d in letter.refs.dates if d.year and d.day]
    for d in full:
        before = letter.line_text(d.line)[:d.column - 1]
        if re.search(r"(?i)(den haag|'s-gravenhage|’s-gravenhage|datum|the hague|date)\W*$", before):
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


def _title(letter: Letter) -> str | None:
    m = _BETREFT.search(letter.text) or _TITLE.search(letter.text)
    if not m:
        return None
    k = letter.word_at(m.start(1))
    if k >= len(letter.norm):
        return None
    sid = letter.sentence[k]
    _a, b = letter.sentences[sid]
    return letter.quote(k, b, 200) or None


_ACTOR = re.compile(r"(?m)^[ \t]*((?:De|Het|The)[ \t]+(?:Minister|Staatssecretaris|Minister-president|"
                    r"Prime Minister|State Secretary)\b[^,\n]{0,90})")


def _actor(letter: Letter) -> str | None:
    found = list(dict.fromkeys(" ".join(m.group(1).split()) for m in _ACTOR.finditer(letter.text)))
    found = [f for f in found if len(f.split()) >= 3][:4]
    return "; ".join(found) or None


def _meeting_date(r: _Reader, vocab: Vocabulary) -> str | None:
    cues = vocab.cues.meeting if vocab.cues else None
    letter = r.letter
    for m in sorted(r.matches(cues, relevant=False), key=lambda m: m.first):
        a, b = letter.sentences[m.sentence]
        for d in letter.full_dates(a, b):
            return d.iso
    return None


# -- motions and declarations ---------------------------------------------------------------

_ANAPHORA_BEFORE = _words("deze die de genoemde bovengenoemde voornoemde this that the said")


def _motion_refs(letter: Letter) -> list[tuple[int, str]]:
    """(word position, motion id) of every motion the letter names or points back to."""
    named: list[tuple[int, int, str]] = []
    for mm in letter.refs.motions:
        if not mm.kamerstukken:
            continue
        start = letter.word_at(letter.offset(mm.line, mm.column))
        end = letter.word_at(letter.offset(mm.line, mm.column) + len(mm.raw))
        d, n = mm.kamerstukken[0]
        named.append((start, max(start, end - 1), paper_id(d, n)))
    named.sort()
    out = [(a, mid) for a, _, mid in named]
    spans = [(a, b) for a, b, _ in named]
    firsts = [a for a, _, _ in named]
    for k in letter.index.get("motie", []) + letter.index.get("motion", []):
        if k == 0 or letter.norm[k - 1] not in _ANAPHORA_BEFORE:
            continue
        i = bisect.bisect_right(firsts, k) - 1
        if i >= 0 and spans[i][0] <= k <= spans[i][1]:
            continue  # the word of a named mention
        if i >= 0:
            out.append((k, named[i][2]))  # the motion named last before it
    return sorted(out)


def _declarations(r: _Reader, vocab: Vocabulary, known: set[str]) -> list[FoundDeclaration]:
    letter = r.letter
    decl = vocab.cues.declarations if vocab.cues else None
    if decl is None:
        return []
    refs = _motion_refs(letter)
    by_sentence: dict[int, list[tuple[int, str]]] = {}
    for k, mid in refs:
        by_sentence.setdefault(letter.sentence[k], []).append((k, mid))
    found: list[tuple[Match, DeclStatement, str]] = []  # match, statement, motion
    for statement in _STATEMENTS.values():
        cues: ValueCues | None = getattr(decl, statement)
        for m in r.matches(cues, relevant=False):
            if m.hypothetical and not m.negated:
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
            k, mid = min(cands, key=lambda c: (_distance(c[0], m), c[0] > m.first))
            found.append((m, said, mid))
    kept = _drop_contained([(m, (said, mid)) for m, said, mid in found])
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
    return sorted(out.values(), key=lambda d: (d.line, d.column, d.motion))


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
    """A match inside a longer one of another value in the same sentence gives way to it:
    'gedeeltelijke algemene oriëntatie' is not also an 'algemene oriëntatie'."""
    by_sentence: dict[int, list[tuple[Match, _V]]] = {}
    for item in items:
        by_sentence.setdefault(item[0].sentence, []).append(item)
    out = []
    for group in by_sentence.values():
        for m, v in group:
            inside = len(group) > 1 and any(
                o is not m and ov != v and o.first <= m.first and m.last <= o.last
                and (o.last - o.first) > (m.last - m.first) for o, ov in group)
            if not inside:
                out.append((m, v))
    return out


# -- facts ----------------------------------------------------------------------------------


def _typed(fact: FactDef, key: str) -> Any:
    k = value_key(key)
    return k == "true" if fact.type == "bool" else k


def _facts(r: _Reader, vocab: Vocabulary, declarations: list[FoundDeclaration],
           draft: dict[str, Any]) -> None:
    for name, fact in vocab.facts.items():
        cues = fact.cues
        if cues is None:
            draft["unstated"].append(name)
            continue
        items: list[tuple[Match, Any]] = []
        implied: list[Evidence] = []
        for key, vc in cues.values.items():
            cued = _typed(fact, key)
            for m in r.matches(vc):
                if m.hypothetical and not m.negated and cues.hypothetical == "ignore":
                    continue
                if m.negated:
                    if fact.type == "bool":
                        v: Any = not cued
                    elif vc.negated is not None:
                        v = vc.negated
                    else:
                        continue
                else:
                    v = cued
                items.append((m, v))
            for imp in vc.implied_by:
                for d in declarations:
                    if d.motion == imp.motion and d.statement == imp.statement:
                        implied.append(Evidence(value=cued, line=d.line, column=d.column, end_line=d.line,
                                                end_column=d.column, quote=d.quote,
                                                cue=f"declaration {d.motion} {d.statement}"))
        evidence: list[Evidence] = []
        shown: dict[Any, int] = {}
        for m, v in sorted(_drop_contained(items), key=lambda x: (x[0].first, x[0].phrase)):
            seen = tuple(v) if isinstance(v, list) else v
            shown[seen] = shown.get(seen, 0) + 1
            if shown[seen] > MAX_EVIDENCE:
                continue  # a long letter repeating itself: the first passages are enough
            line, col, eline, ecol = r.span(m)
            evidence.append(Evidence(value=v, line=line, column=col, end_line=eline, end_column=ecol,
                                     quote=r.quote(m), cue=m.phrase, negated=m.negated))
        evidence.extend(sorted(implied, key=lambda e: e.line))
        if not evidence:
            hit = next(iter(sorted(r.matches(cues.addressed), key=lambda m: m.first)), None)
            if hit is not None:
                draft["addressed"].append(Addressed(fact=name, line=r.span(hit)[0], quote=r.quote(hit),
                                                    cue=hit.phrase))
            draft["unstated"].append(name)
            continue
        values = list(dict.fromkeys(e.value for e in evidence))
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


# -- planned steps ----------------------------------------------------------------------------


def _steps(r: _Reader, vocab: Vocabulary, letter_date: str | None, meeting: str | None) -> list[FoundStep]:
    letter = r.letter
    cues = vocab.cues
    if cues is None:
        return []
    this_meeting = {m.sentence for m in r.matches(cues.this_meeting)}
    items: list[tuple[Match, str]] = []
    for kind, phrases in cues.steps.items():
        items.extend((m, kind) for m in r.matches(phrases) if not m.negated)
    out: dict[tuple[str, str], FoundStep] = {}
    for m, kind in sorted(_drop_contained(items), key=lambda x: x[0].first):
        a, b = letter.sentences[m.sentence]
        dates = letter.full_dates(a, b)
        date, origin = None, "sentence"
        if dates:
            here = letter.start[m.first]
            date = min(dates, key=lambda d: abs(letter.offset(d.line, d.column) - here)).iso
        elif m.sentence in this_meeting and meeting:
            date, origin = meeting, "meeting"
        if date is None or (letter_date is not None and date < letter_date):
            continue  # undated, or already past when the letter was written: not planned
        line, col, _, _ = r.span(m)
        out.setdefault((date, kind), FoundStep(date=date, kind=kind, line=line, column=col,
                                               quote=r.quote(m), cue=m.phrase, date_from=origin))  # type: ignore[arg-type]
    return sorted(out.values(), key=lambda s: (s.date, s.kind))


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

        raise InputErrors([InputError("--dossier", 1, 1, f"unknown dossier '{dossier}'",
                                      did_you_mean(dossier, ws.vocabularies) or
                                      f"known dossiers: {', '.join(sorted(ws.vocabularies))}")])
    vocab = loaded.model
    letter = read(text)
    r = _Reader(letter, vocab)
    warnings: list[str] = []
    _scope(r, vocab, warnings)
    date, date_line = _letter_date(letter)
    if date is None:
        warnings.append("no date of the letter found")
    meeting = _meeting_date(r, vocab)
    declarations = _declarations(r, vocab, set(ws.motions))
    parts: dict[str, Any] = {"proposals": [], "ambiguities": [], "addressed": [], "unstated": []}
    _facts(r, vocab, declarations, parts)
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
        declarations=declarations, planned_steps=_steps(r, vocab, date, meeting),
        warnings=warnings,
        descriptions={n: {"nl": f.description.nl, "en": f.description.en} for n, f in vocab.facts.items()},
        subjects=list(loaded.subjects_of_facts(
            [p.fact for p in parts["proposals"]] + [a.fact for a in parts["ambiguities"]]
            + [a.fact for a in parts["addressed"]])),
        stated_subjects=list(loaded.subjects_of_facts([p.fact for p in parts["proposals"]])),
        **parts)
