"""A letter as the drafter reads it: words, sentences, clauses and numbered sections.

The text usually comes out of a PDF: words split at a line end ("onderhan-\\ndelingen")
are joined, footnote lines (found by ``compliance refs``) are left out of the running
text, and a footnote marker glued to a full stop ("c.s.9 In reactie ...") still ends a
sentence. Everything is a single pass over the text with bounded regular expressions.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from compliance.ingest.refs import Refs, extract
from compliance.model.cues import normalise


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_HEADING = re.compile(r"(?m)^[ \t]{0,3}(?P<h>(?:[IVXLC]{1,6}|\d{1,2})\.[ \t]+[A-ZÀ-ÖØ-Þ][^\n]{0,150})$")
_BLANK = re.compile(r"\n[ \t\u00a0]*\n")
# an unnumbered heading: a short line without punctuation after a blank line, the text going
# on with a capital on the next line ("Het pad naar nul" / "Het kabinet houdt ..."): the
# line after it starts a new sentence
_SHORT_HEADING = re.compile(
    r"(?:\A|\n[ \t]*\n)[ \t]{0,3}[A-ZÀ-ÖØ-Þ][^\n!?;:,()]{0,58}(?:[^\W_.]|c\.s\.)\n"
    r"[ \t]{0,3}(?P<next>[A-ZÀ-ÖØ-Þ])")
# abbreviations after which a full stop does not end a sentence
_ABBREV = _words("""nr nrs jl c s o a bijv vgl zgn art blz p e g i ca dhr mr drs prof no nos
    resp incl excl etc mevr ir dr st vs cf fig ibid al""")
# clause boundaries: a negation does not reach across them (the word starts the new clause)
# (a relative "waarin ..." and a consequence "... en zal daarom ..." start one too: "kan niet
# instemmen en zal daarom tegenstemmen" does not negate the vote against)
CLAUSE_WORDS = _words("""maar tenzij als indien mits omdat doordat terwijl dat die welke wanneer
    zodat hoewel zodra totdat voordat waar waarin waarbij waarmee waardoor waarop daarom derhalve
    but unless if because while that which whereas although whether until before once where
    therefore""")
SHORT_HEADING_WORDS = 7
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
    _vocabulary: list[str] | None = field(default=None, repr=False)
    _lemma_index: dict[str, list[int]] | None = field(default=None, repr=False)
    scopes: dict[Any, Any] = field(default_factory=dict, repr=False)  # compliance.drafting.scope's
    _all_dates: list[tuple[tuple[int, int], Any]] | None = field(default=None, repr=False)
    _paragraphs: list[int] | None = field(default=None, repr=False)
    marks: Any = field(default=None, repr=False)  # compliance.drafting.match's per-word tables
    headings: set[int] = field(default_factory=set)  # sentences that are an unnumbered heading line
    # ((offset, k), mention), sorted: k keeps equal offsets apart without comparing mentions
    _date_offsets: list[tuple[tuple[int, int], Any]] | None = field(default=None, repr=False)

    def continues(self, sid: int) -> bool:
        """Whether sentence ``sid + 1`` exists and follows ``sid`` in the same paragraph."""
        if sid + 1 >= len(self.sentences):
            return False
        a, _ = self.sentences[sid + 1]
        between = self.text[self.end[a - 1]:self.start[a]] if a > 0 else ""
        return _BLANK.search(between) is None and a not in self.after_skip

    def paragraph(self, sid: int) -> int:
        """The number of the paragraph sentence ``sid`` stands in (blank lines separate them)."""
        if self._paragraphs is None:
            paras, p = [], 0
            for s in range(len(self.sentences)):
                if s and not self.continues(s - 1):
                    p += 1
                paras.append(p)
            self._paragraphs = paras
        return self._paragraphs[sid]

    def raw_word(self, k: int) -> str:
        """Word ``k`` as the letter writes it (a word split at a line end joined)."""
        return self.joined.get(k) or self.text[self.start[k]:self.end[k]]

    def keys_at(self, k: int) -> frozenset[str]:
        """The forms word ``k`` stands for (compliance.drafting.lemma.keys)."""
        from compliance.drafting.lemma import keys

        return keys(self.raw_word(k))

    def lemma_index(self) -> dict[str, list[int]]:
        """Each other form (lemma, a noun's verb) -> the positions of the words standing for it;
        built once per letter, one lemma look-up per distinct word."""
        if self._lemma_index is None:
            from compliance.drafting.lemma import keys

            out: dict[str, list[int]] = {}
            for word, positions in self.index.items():
                for key in keys(self.raw_word(positions[0])):
                    if key != word:
                        out.setdefault(key, []).extend(positions)
            self._lemma_index = out
        return self._lemma_index

    def vocabulary(self) -> list[str]:
        """The distinct words, sorted (for prefix look-ups)."""
        if self._vocabulary is None:
            self._vocabulary = sorted(self.index)
        return self._vocabulary

    def full_dates(self, a: int, b: int) -> list[Any]:
        """Dates with day, month and year written in words a..b-1."""
        if self._date_offsets is None:
            self._date_offsets = sorted(
                ((self.offset(d.line, d.column), k), d) for k, d in enumerate(self.refs.dates)
                if d.year and d.day)
        return self._between(self._date_offsets, a, b)

    def dates_in(self, a: int, b: int) -> list[Any]:
        """Every date mention (with or without day or year) in words a..b-1."""
        if self._all_dates is None:
            self._all_dates = sorted(((self.offset(d.line, d.column), k), d)
                                     for k, d in enumerate(self.refs.dates))
        return self._between(self._all_dates, a, b)

    def _between(self, offs: list[tuple[tuple[int, int], Any]], a: int, b: int) -> list[Any]:
        """The items of a list sorted by offset that stand in words a..b-1 (by bisection: a
        long letter asks this per match)."""
        if b <= a:
            return []
        lo, hi = self.start[a], self.end[b - 1]
        i = bisect.bisect_left(offs, (lo, -1), key=lambda x: x[0])
        out = []
        while i < len(offs) and offs[i][0][0] <= hi:
            out.append(offs[i][1])
            i += 1
        return out

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


_WORD_RE = r"[^\W_](?:[^\W_]|\u00ad)*(?:['’][^\W_]+)*"
# words separated by one space or one line break: read as one run, since nothing between
# them can end a sentence or a clause (a run is cut where a heading or footnote line starts)
_RUN = re.compile(rf"{_WORD_RE}(?:[ \n]{_WORD_RE})*")
_JOIN = re.compile(r"[-\u00ad][ \t]*\n\s*")  # a word split at a line end
_STOPS = re.compile(r"[.!?]")
_CLAUSE_MARKS = re.compile(r"[,;:()\[\]=]")


def read(text: str) -> Letter:
    """Tokenise ``text``; never raises on any string.

    Only words are tokens; what stands between two words (usually one space) decides
    sentence and clause boundaries, so the common case costs a string comparison."""
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
    short = [m for m in _SHORT_HEADING.finditer(text)
             if len(text[m.start():m.start("next")].split()) <= SHORT_HEADING_WORDS]
    after_heading = {m.start("next") for m in short}
    heading_words = {m.start() + len(h) - len(h.lstrip())
                     for m in short for h in [text[m.start():m.start("next")]]}

    norm, start, end = letter.norm, letter.start, letter.end
    sentence, clause = letter.sentence, letter.clause
    sid = cid = s_first = 0
    pending_break = False  # a full stop: the next word ends the sentence if it has a capital
    heading_number = False  # the "II" of a heading: its full stop ends nothing
    section_starts: list[tuple[int, int]] = []  # (first word, line)
    cache: dict[str, str] = {}
    size = len(text)
    skip_i = 0
    next_skip = skip[0] if skip else (size + 1, size + 1)
    prev_end = last_end = 0
    held: str | None = None
    cuts = sorted({*headings, *after_heading, *(a for a, _ in skip)})
    i = 0
    while True:
        run = _RUN.search(text, i)
        if run is None:
            break
        pos, i = run.span()
        chunk = run.group()
        if "\n" in chunk:
            c = bisect.bisect_right(cuts, pos)
            if c < len(cuts) and cuts[c] < i:  # a heading or a footnote starts inside the run
                i = cuts[c]
                chunk = text[pos:i]
        words = chunk.split()
        word = words[0]
        e = pos + len(word)
        gap = None
        if pos >= next_skip[0]:
            # footnote lines: left out; the running text around them is joined
            if held is None:
                held = text[prev_end:next_skip[0]]
            while skip_i < len(skip) and pos >= skip[skip_i][1]:
                last_end = skip[skip_i][1]
                skip_i += 1
            next_skip = skip[skip_i] if skip_i < len(skip) else (size + 1, size + 1)
            if pos >= next_skip[0]:
                continue  # words of a footnote (a run never leaves its line)
            gap = held + text[max(last_end, prev_end):pos]
            held = None
            letter.after_skip.add(len(norm))
        n = cache.get(word)
        if n is None:
            n = cache[word] = _norm(word)
        if gap is None:
            gap = text[prev_end:pos]
        new_sentence = joined = False
        if norm and gap != " " and _JOIN.fullmatch(gap) and word[:1].islower() \
                and text[e:e + 1] != "-":
            # "onderhan-" + "delingen": one word, starting where the first half starts
            # (but "end-\nto-end" is a compound broken at its own hyphen)
            k = len(norm) - 1
            first = letter.joined.get(k) or text[start[k]:end[k]]
            letter.joined[k] = first + word
            norm[k] = _norm(first + word)
            end[k] = e
            prev_end = e
            joined = True
        if norm and not joined and (gap != " " or pending_break):
            upper = word[:1].isupper()
            stop = _STOPS.search(gap)
            if stop:
                after_abbrev = stop.group() == "." and (norm[-1] in _ABBREV or heading_number)
                if gap.endswith(".") and word.isdigit():
                    pending_break = True  # "c.s.9 In ...": a footnote marker, then the next sentence
                elif not after_abbrev:
                    pending_break = True
            if _CLAUSE_MARKS.search(gap):
                cid += 1
                if "=" in gap:
                    pending_break = True
            # "...; mocht dit zo blijven ...": a new statement; a full stop, then a capital;
            # a blank line, then a capital or a number
            if ";" in gap or (pending_break and upper) \
                    or ("\n" in gap and _BLANK.search(gap) and (upper or not word[:1].isalpha())):
                new_sentence = True
            if not (gap.endswith(".") and word.isdigit()):
                pending_break = False
        if pos in after_heading and not joined:
            new_sentence = bool(norm)
        is_heading = pos in headings and not joined
        if is_heading:
            section_starts.append((len(norm), bisect.bisect_right(letter._line_starts, pos)))
            new_sentence = bool(norm)
        heading_number = is_heading
        if norm and (new_sentence or len(norm) - s_first >= MAX_SENTENCE):
            letter.sentences.append((s_first, len(norm)))
            s_first = len(norm)
            sid += 1
            cid += 1
        if not joined:
            if n in CLAUSE_WORDS:
                cid += 1
            norm.append(n)
            start.append(pos)
            end.append(e)
            sentence.append(sid)
            clause.append(cid)
            prev_end = e
        if len(words) > 1:
            heading_number = False
            # an index, not `rest = rest[room:]`: slicing the tail copies it each time,
            # quadratic on a megabyte without punctuation
            w, at = 1, e + 1
            while w < len(words):
                room = MAX_SENTENCE - (len(norm) - s_first)
                if room <= 0:  # a long run without a full stop (a list, a table): cut it
                    letter.sentences.append((s_first, len(norm)))
                    s_first = len(norm)
                    sid += 1
                    cid += 1
                    room = MAX_SENTENCE
                at = _bulk(letter, words[w:w + room], at, sid, cid, cache)
                w += room
                cid = clause[-1]
            prev_end = end[-1]
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
    for off in heading_words:
        k = bisect.bisect_left(start, off)
        if k < len(start) and start[k] == off:
            letter.headings.add(sentence[k])
    return letter


def _bulk(letter: Letter, words: list[str], at: int, sid: int, cid: int, cache: dict[str, str]) -> int:
    """Append words that follow each other with one space, starting at offset ``at``; return
    the offset after the last one's space. (Mapped in C: this is the tokeniser's hot path.)"""
    norms = list(map(_norm, words))
    lens = list(map(len, words))
    starts = list(itertools.accumulate(map((1).__add__, lens[:-1]), initial=at))
    letter.norm.extend(norms)
    letter.start.extend(starts)
    letter.end.extend(map(operator.add, starts, lens))
    letter.sentence.extend([sid] * len(words))
    if CLAUSE_WORDS.isdisjoint(norms):
        letter.clause.extend([cid] * len(words))
    else:
        for n in norms:
            if n in CLAUSE_WORDS:
                cid += 1
            letter.clause.append(cid)
    return starts[-1] + lens[-1] + 1
