"""Drafting from a letter in the workbench: the letter's text made safe to show, an
uploaded file read as text, and the letter pane (numbered lines, each proposed fact's
passages marked) built from a draft of :mod:`compliance.drafting`.

The letter is hostile text: it reaches the page only through the template engine's
escaping, and characters that could hide or reorder what a reader sees (controls, bidi
overrides) are replaced one for one, so lines and columns stay those the draft gives."""

from __future__ import annotations

import itertools
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.drafting import Draft
from compliance.drafting.reading import html_text, pdf_text
from compliance.errors import InputErrors
from compliance.loading.textfile import decode_text
from compliance.text_safety import BIDI

# Tab and line feed stay (the letter's layout); everything else text_safety calls unsafe
# becomes U+FFFD, one character for one so that columns still match.
_HIDDEN = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{BIDI}\ud800-\udfff\ufffe\uffff]")
_NAME = re.compile(r"[^A-Za-z0-9._ -]+")
MAX_LINES = 50_000  # the pane shows this many lines at most (a letter has hundreds)


def clean_letter(text: str) -> str:
    """The letter as drafted and shown: line breaks as LF (a browser posts CRLF), hidden
    characters replaced."""
    return _HIDDEN.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def clean_name(name: str) -> str:
    """A letter's file name as a harmless label (no folders, no markup, bounded)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    return _NAME.sub("_", base).strip(" .")[:80] or "brief.txt"


def read_upload(data: bytes, filename: str) -> str:
    """An uploaded letter's text: PDF through pypdf, HTML through the stdlib parser, else
    UTF-8 text. InputErrors when a PDF cannot be read or the text is not UTF-8."""
    name = clean_name(filename)
    if name.lower().endswith(".pdf") or data[:5] == b"%PDF-":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "letter.pdf"
            path.write_bytes(data)
            return pdf_text(path, name)
    # as `compliance draft` reads a file: a NUL byte or latin-1 is refused, not drafted as U+FFFD
    text = decode_text(data, name, "text, HTML or PDF letter")
    if name.lower().endswith((".html", ".htm", ".xhtml")) or \
            text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        return html_text(text)
    return text


@dataclass
class Segment:
    text: str
    facts: list[str] = field(default_factory=list)


@dataclass
class Line:
    number: int
    segments: list[Segment]
    facts: list[str]  # every fact with a passage on this line (a mark, or the whole line)
    other: bool = False  # a declaration, planned step, ambiguity or mention starts here


@dataclass
class Found:
    """What else the draft read in the letter, for the adviser to check: a statement on a
    motion, a planned step, an ambiguity (two values cued), a fact spoken of without a value."""
    kind: str  # declaration | step | ambiguity | addressed
    subject: str  # the motion, step kind or fact
    detail: str  # the statement, the date, the values cued
    lines: list[int]


@dataclass
class Pane:
    name: str
    lines: list[Line]
    passages: dict[str, list[int]]  # fact -> the lines its passages start on
    found: list[Found]
    counts: dict[str, int]
    cut: bool  # the letter is longer than the pane shows


def pane(text: str, name: str, draft: Draft) -> Pane:
    """The letter pane of ``draft`` (drafted from ``text``, already cleaned)."""
    rows = text.split("\n")
    marks: dict[int, list[tuple[int, int, str]]] = {}  # line -> (first col, end col, fact)
    whole: dict[int, set[str]] = {}
    passages: dict[str, list[int]] = {}
    for p in draft.proposals:
        for e in p.evidence or []:
            passages.setdefault(p.fact, [])
            if e.line not in passages[p.fact]:
                passages[p.fact].append(e.line)
            if (e.line, e.column) == (e.end_line, e.end_column):
                whole.setdefault(e.line, set()).add(p.fact)  # a point (a declaration's): the line
                continue
            for n in range(e.line, min(e.end_line, len(rows)) + 1):
                a = e.column if n == e.line else 1
                b = e.end_column if n == e.end_line else len(rows[n - 1]) + 1
                if b > a:
                    marks.setdefault(n, []).append((a, b, p.fact))
    found = [Found("declaration", d.motion, d.statement, [d.line]) for d in draft.declarations]
    found += [Found("step", s.kind, s.date or "", [s.line]) for s in draft.planned_steps]
    found += [Found("ambiguity", a.fact, " / ".join(_shown(c.value) for c in a.candidates),
                    sorted({n for c in a.candidates for n in c.lines})) for a in draft.ambiguities]
    found += [Found("addressed", a.fact, "", [a.line]) for a in draft.addressed]
    other = {n for f in found for n in f.lines}
    lines = []
    for i, row in enumerate(rows[:MAX_LINES], start=1):
        spans = marks.get(i, [])
        cuts = sorted({1, len(row) + 1, *(min(max(a, 1), len(row) + 1) for a, _, _ in spans),
                       *(min(max(b, 1), len(row) + 1) for _, b, _ in spans)})
        segs = []
        for a, b in itertools.pairwise(cuts):
            facts = sorted({f for x, y, f in spans if x <= a and b <= y})
            segs.append(Segment(row[a - 1:b - 1], facts))
        if not segs:
            segs = [Segment("")]
        on_line = sorted({f for _, _, f in spans} | whole.get(i, set()))
        lines.append(Line(i, segs, on_line, i in other))
    for lst in passages.values():
        lst.sort()
    counts = {"proposals": len(draft.proposals), "ambiguities": len(draft.ambiguities),
              "unstated": len(draft.unstated), "declarations": len(draft.declarations),
              "steps": len(draft.planned_steps)}
    return Pane(clean_name(name), lines, passages, found, counts, len(rows) > MAX_LINES)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(map(str, value)) + "]"
    return str(value)


def draft_or_errors(text: str, workspace: Any, dossier: str, name: str,
                    lang: str = "en") -> tuple[Draft | None, list[str]]:
    """The draft, or the located messages of why there is none (an unknown dossier)."""
    from compliance.drafting import draft_letter

    try:
        return draft_letter(text, workspace, dossier, letter_name=clean_name(name)), []
    except InputErrors as e:
        return None, [x.render(lang) for x in e.errors]
