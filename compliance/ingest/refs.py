"""Parliamentary references in the plain text of a letter: Kamerstuk citations, motion
mentions (resolved through the letter's footnotes) and dates.

Pure functions over a string. The text usually comes out of a PDF, so every pattern
allows line breaks wherever a space may stand, soft hyphens, and words split by
hyphenation at a line end ("Kamer-\\nstuk"). Footnotes are the numbered lines that a
PDF extractor leaves at the end of each page; the footnote marker is the number glued
to the word it annotates ("c.s.7").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

KamerstukRef = tuple[str, int]  # (dossier, number); dossier "26643", "36200-VI" or "26643/34843"
Role = Literal["motion", "letter"]

# -- Kamerstuk citations -------------------------------------------------------------------

_SOFT = "\u00ad"
_BRK = rf"[\s{_SOFT}]"  # any whitespace, newlines included, or a soft hyphen
# bounded runs of it: unbounded ones next to each other backtrack quadratically on
# long blank stretches, and a PDF line break with indentation stays well under 40
_S0 = rf"{_BRK}{{0,40}}"
_S1 = rf"{_BRK}{{1,40}}"
_KEYWORD = rf"[Kk]amer(?:-?{_S0})stuk(?:ken|nummers?)?"  # "Kamerstuknummer 35 561, nr. 37" too
# official style "Kamerstukken II 2022/23, 26 643, nr. 885": chamber and session year
_SESSION = rf"(?:{_S1}I{{1,2}})?(?:{_S1}\d{{4}}(?:/|–|-)\d{{2,4}},?)?"
_DOSSIER = (
    rf"(?:\d{{2,3}}{_BRK}{{1,3}}\d{{3}}|\d{{4,6}})(?![\d])"
    rf"(?:(?:{_BRK}|-)(?:[IVXLC]{{1,6}}|[A-Z])(?![\w]))?"
)
_DSEP = rf"(?:{_S0}[,/&]{_S0}|{_S1}(?:en|and){_S1})"
_NUM = r"\d{1,5}(?!\d)"
_NSEP = rf"(?:{_S0}[,&]{_S0}|{_S1}(?:en|and|t/m|tot en met){_S1}|{_S0}[–-]{_S0})"
_NRWORD = r"(?:nrs?\.?|nummers?|nos?\.)"

_CITATION = re.compile(
    rf"""
    (?P<kw>{_KEYWORD}{_SESSION}{_S1}
        (?:
            (?P<kdos>{_DOSSIER}(?:{_DSEP}{_DOSSIER})*){_S0},?{_S0}{_NRWORD}{_S0}
            (?P<knums>{_NUM}(?:{_NSEP}{_NUM})*)
          | (?P<kcd>\d{{4,6}})-(?P<kcn>\d{{1,5}})(?![\d\w-])
        )
    )
    | (?P<kst>kst-(?P<kstd>\d{{4,6}}(?:-[A-Z]{{1,6}})?)-(?P<kstn>\d{{1,5}})(?![\d]))
    | (?<![\w/.,-])(?P<bare>(?P<bd>\d{{5}})-(?P<bn>\d{{1,5}}))(?![\d\w-])
    """,
    re.VERBOSE,
)
_DIGITS = re.compile(r"\d+")
_MAX_RANGE = 50  # "nrs. 845-848" is expanded; a longer span is more likely a misreading


def _dossier_key(raw: str) -> str:
    m = re.match(rf"^([\d{_BRK[1:-1]}]+?)(?:{_BRK}|-)*([IVXLC]{{1,6}}|[A-Z])?$", raw.strip())
    if not m:  # pragma: no cover - _DOSSIER only matches this shape
        return re.sub(r"\D", "", raw)
    digits = re.sub(r"\D", "", m.group(1))
    return f"{digits}-{m.group(2)}" if m.group(2) else digits


def _numbers(raw: str) -> tuple[int, ...]:
    out: list[int] = []
    pos = 0
    for m in _DIGITS.finditer(raw):
        n = int(m.group(0))
        between = raw[pos:m.start()]
        if out and re.search(r"[–-]|t/m|tot en met", between) and 0 < n - out[-1] <= _MAX_RANGE:
            out.extend(range(out[-1] + 1, n + 1))
        else:
            out.append(n)
        pos = m.end()
    return tuple(dict.fromkeys(out))


@dataclass(frozen=True, order=True)
class Citation:
    line: int
    column: int
    raw: str
    dossiers: tuple[str, ...]
    numbers: tuple[int, ...]
    footnote: int | None = None  # the footnote whose text holds this citation

    @property
    def kamerstukken(self) -> tuple[KamerstukRef, ...]:
        # several dossiers and one number is a joint paper ("26 643 en 34 843, nr. 1022"),
        # so the dossiers are joined; several numbers are separate papers
        dossier = "/".join(self.dossiers)
        return tuple((dossier, n) for n in self.numbers)

    @property
    def text(self) -> str:
        return " ".join(self.raw.replace("-\n", "").replace(_SOFT, "").split())


# -- footnotes -----------------------------------------------------------------------------

_FOOTNOTE_LINE = re.compile(r"^(\d{1,3})[ \t\u00a0]+(\S.*)$")
_FOOTNOTE_MAX_LINES = 8
_FOOTNOTE_MAX_GAP = 3  # a footnote lost by the extractor must not stop the numbering


@dataclass(frozen=True, order=True)
class Footnote:
    number: int
    line: int
    last_line: int
    text: str
    marker_line: int | None = None  # where its number is glued to the annotated word
    marker_column: int | None = None


def _find_footnotes(lines: list[str]) -> list[Footnote]:
    found: list[Footnote] = []
    last = 0
    i = 0
    while i < len(lines):
        m = _FOOTNOTE_LINE.match(lines[i])
        n = int(m.group(1)) if m else 0
        if not m or not last < n <= last + _FOOTNOTE_MAX_GAP:
            i += 1
            continue
        body = [m.group(2)]
        j = i + 1
        while j < len(lines) and j - i < _FOOTNOTE_MAX_LINES:
            nxt = lines[j]
            nm = _FOOTNOTE_LINE.match(nxt)
            # a page's running text resumes with a leading space in extracted PDFs
            if not nxt.strip() or nxt[:1].isspace() or (nm and last < int(nm.group(1)) <= n + 1):
                break
            body.append(nxt)
            j += 1
        found.append(Footnote(n, i + 1, j, " ".join(" ".join(body).split())))
        last = n
        i = j
    return found


_MARKER = re.compile(r"(?<=[^\s\d])(\d{1,3})(?!\d)")


def _marker_ok(text: str, start: int, digits: str) -> bool:
    before = text[start - 1]
    if before in ".,":
        # "1.000" and "3,6" are numbers, "2025.2" is a marker after a year
        prev = text[start - 2] if start >= 2 else " "
        return not (prev.isdigit() and (before == "," or len(digits) == 3))
    return before.isalpha() or before in ")]’”'\"»:;"


def _attach_markers(text: str, notes: list[Footnote], pos: _Positions) -> list[Footnote]:
    in_note = {ln for f in notes for ln in range(f.line, f.last_line + 1)}
    by_number: dict[int, list[int]] = {}
    for m in _MARKER.finditer(text):
        if pos.line(m.start()) in in_note or not _marker_ok(text, m.start(), m.group(1)):
            continue
        by_number.setdefault(int(m.group(1)), []).append(m.start())
    out: list[Footnote] = []
    floor = 0
    for f in notes:
        # the marker precedes its footnote, after the previous footnote's marker
        limit = pos.offset(f.line)
        cands = [o for o in by_number.get(f.number, []) if floor <= o < limit]
        if cands:
            floor = cands[-1]
            line, col = pos.line_col(cands[-1])
            out.append(Footnote(f.number, f.line, f.last_line, f.text, line, col))
        else:
            out.append(f)
    return out


# -- motion mentions -----------------------------------------------------------------------

_UP = "A-ZÀ-ÖØ-Þ"
_PARTICLE = r"(?:[Vv]an|[Dd]e[nr]?|[Tt]e[rn]?|[Ii]n|['’]t|[Ll][ae]|[Ee]l|[Dd][aiu])"
_WORD = rf"[{_UP}][^\W\d_]*(?:['’][^\W\d_]+)*"
_NAME = rf"(?:{_PARTICLE}{_S1}){{0,3}}{_WORD}(?:-{_S0}{_WORD})*"
_INTRO = (
    rf"(?:(?:van|door){_S1}(?:het{_S1}(?:Kamer)?lid|de{_S1}leden|mevrouw|de{_S1}heer)"
    rf"{_S1})?"
)
_MENTION = re.compile(
    rf"(?<![^\W\d_])(?P<word>[Mm]oties?|[Mm]otion)(?:{_S1}|-)(?P<intro>{_INTRO})"
    rf"(?P<name>{_NAME})(?P<cs>{_S0}c\.{_BRK}?s\.)?(?P<marker>\d{{1,3}}(?!\d))?"
)
_INLINE_GAP = re.compile(rf"^[{_SOFT}\s,(:;–-]{{0,12}}$")


@dataclass(frozen=True, order=True)
class MotionMention:
    line: int
    column: int
    raw: str
    name: str
    marker: int | None = None
    kamerstukken: tuple[KamerstukRef, ...] = ()
    resolved_by: str | None = None  # "footnote 7", "inline citation", "same name as line 150"
    candidates: tuple[KamerstukRef, ...] = ()  # when a footnote gives several papers

    @property
    def text(self) -> str:
        return " ".join(self.raw.replace(_SOFT, "").split())


def _name_key(name: str) -> str:
    return " ".join(re.sub(rf"-{_S1}", "-", name).split()).casefold()


# -- dates ---------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [("januari", "january", "jan."), ("februari", "february", "feb."), ("maart", "march", "mrt."),
     ("april", "apr."), ("mei", "may"), ("juni", "june", "jun."), ("juli", "july", "jul."),
     ("augustus", "august", "aug."), ("september", "sept.", "sep."), ("oktober", "october", "okt.",
     "oct."), ("november", "nov."), ("december", "dec.")], start=1):
    for _n in _names:
        _MONTHS[_n] = _i
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DATE = re.compile(
    rf"(?<![\w.])(?:"
    rf"(?P<d1>\d{{1,2}})(?:{_S0}[–-]{_S0}(?P<d2>\d{{1,2}}))?{_S1}(?P<m1>{_MONTH})"
    rf"(?![^\W\d_])(?:{_S1}(?P<y1>\d{{4}})(?!\d))?"
    rf"|(?P<m2>{_MONTH})(?<![.]){_S1}(?P<y2>\d{{4}})(?!\d)"
    rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}})(?![\d-])"
    rf")",
    re.IGNORECASE,
)


@dataclass(frozen=True, order=True)
class DateMention:
    line: int
    column: int
    raw: str
    year: int | None
    month: int
    day: int | None = None
    last_day: int | None = None  # "20–21 juli"

    @property
    def iso(self) -> str:
        """YYYY-MM-DD or YYYY-MM; --MM-DD when the letter leaves the year implicit."""
        tail = f"-{self.day:02d}" if self.day else ""
        head = f"{self.year:04d}-" if self.year else "--"
        return f"{head}{self.month:02d}{tail}"


def _dates(text: str, pos: _Positions) -> list[DateMention]:
    out = []
    y: int | None
    for m in _DATE.finditer(text):
        if m.group("iy"):
            y, mo, d, d2 = int(m["iy"]), int(m["im"]), int(m["id"]), None
        elif m.group("m1"):
            y = int(m["y1"]) if m["y1"] else None
            mo, d = _MONTHS[m["m1"].lower()], int(m["d1"])
            d2 = int(m["d2"]) if m["d2"] else None
        else:
            y, mo, d, d2 = int(m["y2"]), _MONTHS[m["m2"].lower()], None, None
        try:  # a day that does not exist (31 juni) is not a date
            for day in (d, d2):
                if day is not None:
                    date(y or 2000, mo, day)
        except ValueError:
            continue
        if d2 is not None and d is not None and d2 <= d:
            continue
        line, col = pos.line_col(m.start())
        out.append(DateMention(line, col, m.group(0), y, mo, d, d2))
    return out


# -- positions -----------------------------------------------------------------------------


class _Positions:
    def __init__(self, text: str) -> None:
        self._starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, offset)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = self.line(offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int) -> int:
        return self._starts[min(line, len(self._starts)) - 1]


# -- the whole extraction ------------------------------------------------------------------


@dataclass(frozen=True)
class CitedPaper:
    """One Kamerstuk with everything the letter says about it."""

    dossier: str
    number: int
    role: Role
    lines: tuple[int, ...]
    mentioned_as: tuple[str, ...] = ()  # motion names that resolve to this paper

    @property
    def id(self) -> str:
        return paper_id(self.dossier, self.number)

    def cite(self) -> str:
        return cite(self.dossier, self.number)


@dataclass(frozen=True)
class Refs:
    citations: list[Citation] = field(default_factory=list)
    motions: list[MotionMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)

    def papers(self) -> list[CitedPaper]:
        """Every distinct Kamerstuk cited, sorted by dossier and number. A paper is a
        motion when a motion mention resolves to it, otherwise a cited letter."""
        lines: dict[KamerstukRef, list[int]] = {}
        for c in self.citations:
            for ref in c.kamerstukken:
                lines.setdefault(ref, []).append(c.line)
        names: dict[KamerstukRef, dict[str, str]] = {}  # first spelling of each name
        for m in self.motions:
            for ref in m.kamerstukken:
                lines.setdefault(ref, [m.line])
                names.setdefault(ref, {}).setdefault(m.name.casefold(), m.name)
        return [
            CitedPaper(d, n, "motion" if (d, n) in names else "letter", tuple(sorted(set(ls))),
                       tuple(sorted(names.get((d, n), {}).values())))
            for (d, n), ls in sorted(lines.items(), key=lambda kv: (_sort_key(kv[0][0]), kv[0][1]))
        ]


def _sort_key(dossier: str) -> tuple[int, str]:
    m = re.match(r"\d+", dossier)
    return (int(m.group(0)) if m else 0, dossier)


def paper_id(dossier: str, number: int) -> str:
    """The project's motion id for a paper: first dossier's digits, dash, number."""
    return f"{dossier.split('/')[0]}-{number}"


def cite(dossier: str, number: int) -> str:
    parts = []
    for d in dossier.split("/"):
        digits, _, suffix = d.partition("-")
        spaced = f"{digits[:-3]} {digits[-3:]}" if len(digits) > 3 else digits
        parts.append(f"{spaced} {suffix}".strip())
    return f"Kamerstuk {' en '.join(parts)}, nr. {number}"


def _citations(text: str, pos: _Positions, notes: list[Footnote]) -> list[Citation]:
    out = []
    for m in _CITATION.finditer(text):
        if m.group("kdos"):
            dossiers = tuple(
                dict.fromkeys(_dossier_key(d.group(0))
                              for d in re.finditer(_DOSSIER, m.group("kdos")))
            )
            numbers = _numbers(m.group("knums"))
        elif m.group("kcd"):
            dossiers, numbers = (m.group("kcd"),), (int(m.group("kcn")),)
        elif m.group("kst"):
            dossiers, numbers = (m.group("kstd"),), (int(m.group("kstn")),)
        else:
            dossiers, numbers = (m.group("bd"),), (int(m.group("bn")),)
        numbers = tuple(n for n in numbers if n > 0)
        if not numbers:
            continue
        line, col = pos.line_col(m.start())
        note = next((f.number for f in notes if f.line <= line <= f.last_line), None)
        out.append(Citation(line, col, m.group(0), dossiers, numbers, note))
    return out


def _mentions(text: str, pos: _Positions, notes: list[Footnote],
              citations: list[Citation]) -> list[MotionMention]:
    by_number = {f.number: f for f in notes}
    starts = {pos.offset(c.line) + c.column - 1: c for c in citations}
    offsets = sorted(starts)
    found: list[MotionMention] = []
    for m in _MENTION.finditer(text):
        marker = int(m["marker"]) if m["marker"] else None
        line, col = pos.line_col(m.start())
        refs: tuple[KamerstukRef, ...] = ()
        how: str | None = None
        candidates: tuple[KamerstukRef, ...] = ()
        i = bisect.bisect_left(offsets, m.end())
        inline = next((starts[s] for s in offsets[i:i + 2]
                       if s <= m.end() + 12 and _INLINE_GAP.match(text[m.end():s])), None)
        if inline is not None:
            refs, how = inline.kamerstukken, "inline citation"
        elif marker is not None and marker in by_number:
            note = by_number[marker]
            in_note = tuple(r for c in citations if note.line <= c.line <= note.last_line
                            for r in c.kamerstukken)
            in_note = tuple(dict.fromkeys(in_note))
            if len(in_note) == 1 or (in_note and m["word"].lower() == "moties"):
                refs, how = in_note, f"footnote {marker}"
            else:
                candidates = in_note
        name = " ".join(re.sub(rf"-{_S1}", "-", m["name"]).split())
        found.append(MotionMention(line, col, m.group(0), name, marker, refs, how, candidates))
    # a later "de motie Van Raan" means the motion the letter already cited by that name
    known: dict[str, set[tuple[tuple[KamerstukRef, ...], int]]] = {}
    for f in found:
        if f.kamerstukken:
            known.setdefault(_name_key(f.name), set()).add((f.kamerstukken, f.line))
    out = []
    for f in found:
        options = known.get(_name_key(f.name), set())
        if not f.kamerstukken and len({r for r, _ in options}) == 1:
            refs, first = min(options, key=lambda o: o[1])
            f = MotionMention(f.line, f.column, f.raw, f.name, f.marker, refs,
                              f"same name as line {first}", f.candidates)
        out.append(f)
    return sorted(out)


def extract(text: str) -> Refs:
    """All references in ``text``; never raises on any input string."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    pos = _Positions(text)
    notes = _attach_markers(text, _find_footnotes(text.split("\n")), pos)
    citations = _citations(text, pos, notes)
    return Refs(
        citations=sorted(citations),
        motions=_mentions(text, pos, notes, citations),
        dates=sorted(_dates(text, pos)),
        footnotes=notes,
    )

