"""A letter as the drafter reads it: words, sentences, clauses and numbered sections.

The text usually comes out of a PDF: words split at a line end ("onderhan-\\ndelingen")
are joined, footnote lines (found by ``compliance refs``) are left out of the running
text, and a footnote marker glued to a full stop ("c.s.9 In reactie ...") still ends a
sentence. Everything is a single pass over the text with bounded regular expressions.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from compliance.ingest.refs import Refs, extract
from compliance.model.cues import normalise


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"(?P<w>[^\W_](?:[^\W_]|\u00ad)*(?:['’][^\W_]+)*)|(?P<p>[.,;:!?()=\[\]])")
_HEADING = re.compile(r"(?m)^[ \t]{0,3}(?P<h>(?:[IVXLC]{1,6}|\d{1,2})\.[ \t]+[A-ZÀ-ÖØ-Þ][^\n]{0,150})$")
_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
# abbreviations after which a full stop does not end a sentence
_ABBREV = _words("""nr nrs jl c s o a bijv vgl zgn art blz p e g i ca dhr mr drs prof no nos
    resp incl excl etc mevr ir dr st vs cf fig ibid al""")
# clause boundaries: a negation does not reach across them (the word starts the new clause)
CLAUSE_WORDS = _words("""maar tenzij als indien mits omdat doordat terwijl dat die welke wanneer
    zodat hoewel zodra totdat voordat but unless if because while that which whereas although
    whether until before once""")
MAX_SENTENCE = 150  # words; a longer run without a full stop is cut (a list, a table)


@dataclass
class Letter:
    """The tokenised text. Words are numbered 0..n-1 in reading order, footnotes left out."""

    text: str
    refs: Refs
    norm: list[str] = field(default_factory=list)
    start: list[int] = field(default_factory=list)  # offset of each word
    end: list[int] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)  # sentence number of each word
    clause: list[int] = field(default_factory=list)  # clause number of each word
    sentences: list[tuple[int, int]] = field(default_factory=list)  # word ranges [a, b)
    sections: list[tuple[int, int, int]] = field(default_factory=list)  # (first word, end, line)
    index: dict[str, list[int]] = field(default_factory=dict)  # word -> its positions
    joined: dict[int, str] = field(default_factory=dict)  # words joined across a line end
    after_skip: set[int] = field(default_factory=set)  # words right after left-out footnotes
    _line_starts: list[int] = field(default_factory=list)
    starts_cache: dict[object, list[int]] = field(default_factory=dict, repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        a = self._line_starts[line - 1]
        b = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.text)
        return self.text[a:b]

    def offset(self, line: int, column: int) -> int:
        return self._line_starts[min(max(line, 1), len(self._line_starts)) - 1] + column - 1

    def word_at(self, offset: int) -> int:
        """The first word starting at or after ``offset``."""
        return bisect.bisect_left(self.start, offset)

    def quote(self, a: int, b: int, limit: int = 400) -> str:
        """Words a..b-1 as the letter writes them, hyphenation and line breaks undone."""
        parts: list[str] = []
        total = 0
        for k in range(a, b):
            w = self.joined.get(k) or self.text[self.start[k]:self.end[k]].replace("\u00ad", "")
            sep = ""
            if parts:
                sep = " " if k in self.after_skip else \
                    re.sub(r"\s+", " ", self.text[self.end[k - 1]:self.start[k]])
            parts.append(sep + w)
            total += len(parts[-1])
            if total > limit:
                parts.append(" …")
                break
        return "".join(parts).strip()

    def sentence_quote(self, sid: int, around: int | None = None, limit: int = 320) -> str:
        a, b = self.sentences[sid]
        if around is not None and b - a > 60:  # a long run: the words around the match
            a, b = max(a, around - 25), min(b, around + 35)
        text = self.quote(a, b, limit)
        end = self.end[b - 1] if b > a else 0
        tail = self.text[end:end + 1]
        return text + tail if tail in ".?!" and tail else text



@lru_cache(maxsize=65536)
def _norm(word: str) -> str:
    return normalise(word)


def read(text: str) -> Letter:
    """Tokenise ``text``; never raises on any string."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    refs = extract(text)
    letter = Letter(text, refs)
    letter._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    skip: list[tuple[int, int]] = []  # offset ranges of footnote lines
    for f in refs.footnotes:
        a = letter._line_starts[f.line - 1]
        b = letter._line_starts[f.last_line] if f.last_line < len(letter._line_starts) else len(text)
        skip.append((a, b))
    headings = {m.start("h") for m in _HEADING.finditer(text)}
    blanks = [m.start() for m in _BLANK.finditer(text)]

    norm, start, end = letter.norm, letter.start, letter.end
    sentence, clause = letter.sentence, letter.clause
    sid, cid = 0, 0
    s_first = 0
    pending_break = False  # a full stop that ends the sentence once the next word shows it
    pending_marker = False  # a full stop followed by a glued number: a footnote marker may follow
    last_word = ""
    skip_i = 0
    section_starts: list[tuple[int, int]] = []  # (first word, line)
    hyphen_open = False  # the last word ended in "-" at a line end
    prev_end = 0
    skipped = False
    heading_number = False  # "II." of a heading: its full stop ends nothing
    force_break = False
    for m in _TOKEN.finditer(text):
        pos = m.start()
        while skip_i < len(skip) and skip[skip_i][1] <= pos:
            skip_i += 1
        if skip_i < len(skip) and skip[skip_i][0] <= pos:
            skipped = True
            continue
        word = m.group("w")
        if word is None:
            p = m.group("p")
            if p in ".!?":
                if (last_word not in _ABBREV and not heading_number) or p != ".":
                    pending_break = True
                pending_marker = True
            else:
                cid += 1
                if p == "=":
                    pending_break = True
                elif p == ";":
                    force_break = True  # "...; mocht dit zo blijven ...": a new statement
            hyphen_open = heading_number = False
            prev_end = m.end()
            continue
        n = _norm(word)
        line_start = letter._line_starts[bisect.bisect_right(letter._line_starts, pos) - 1]
        glued = pos == prev_end
        if hyphen_open and word[:1].islower() and norm:
            # "onderhan-" + "delingen": one word, starting where the first half starts
            first = letter.joined.get(len(norm) - 1) or text[start[-1]:end[-1]]
            letter.joined[len(norm) - 1] = first + word
            norm[-1] = _norm(first + word)
            end[-1] = m.end()
            skipped = False
            hyphen_open = _hyphen_at_line_end(text, m.end())
            prev_end = m.end()
            last_word = norm[-1]
            continue
        upper = word[:1].isupper()
        new_sentence = False
        if norm:
            between_blank = _has_blank(blanks, end[-1], pos)
            if (pending_break and upper) or force_break:
                new_sentence = True
            elif pending_marker and glued and word.isdigit():
                pending_break = True  # "c.s.9 In ...": a marker, then a capital, ends the sentence
            elif (between_blank and (upper or not word[:1].isalpha())) \
                    or (pos == line_start and pos in headings) or len(norm) - s_first >= MAX_SENTENCE:
                new_sentence = True
        heading_number = pos in headings
        if pos in headings:
            section_starts.append((len(norm), bisect.bisect_right(letter._line_starts, pos)))
            new_sentence = bool(norm)
        if new_sentence:
            letter.sentences.append((s_first, len(norm)))
            s_first = len(norm)
            sid += 1
            cid += 1
        if not (pending_marker and glued and word.isdigit()):
            pending_break = pending_marker = False
        force_break = False
        if n in CLAUSE_WORDS:
            cid += 1
        if skipped:
            letter.after_skip.add(len(norm))
            skipped = False
        norm.append(n)
        start.append(pos)
        end.append(m.end())
        sentence.append(sid)
        clause.append(cid)
        last_word = n
        hyphen_open = _hyphen_at_line_end(text, m.end())
        prev_end = m.end()
    if len(norm) > s_first:
        letter.sentences.append((s_first, len(norm)))
    bounds = [*section_starts, (len(norm), 0)]
    if not section_starts or section_starts[0][0] > 0:
        bounds = [(0, 1), *bounds]
    for (a, line), (b, _) in itertools.pairwise(bounds):
        if b > a:
            letter.sections.append((a, b, line))
    for k, n in enumerate(norm):
        letter.index.setdefault(n, []).append(k)
    return letter


def _hyphen_at_line_end(text: str, pos: int) -> bool:
    if pos >= len(text) or text[pos] not in "-\u00ad":
        return False
    k = pos + 1
    while k < len(text) and text[k] in " \t":
        k += 1
    return k < len(text) and text[k] == "\n"


def _has_blank(blanks: list[int], a: int, b: int) -> bool:
    i = bisect.bisect_left(blanks, a)
    return i < len(blanks) and blanks[i] < b
