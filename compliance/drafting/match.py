"""Matching cue phrases on a tokenised letter, with negation and conditional clauses.

A phrase is matched from the positions of its first word (looked up in the letter's
word index), element by element within one sentence; each gap is bounded, so the work
is at most (occurrences of the first word) x (elements) x (largest gap): linear in the
letter, whatever the phrase. No regular expression is built from a cue.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from compliance.drafting.letter import Letter, _words
from compliance.model.cues import Element, parse_phrase

# Negation words, Dutch and English; "niet langer", "kan niet instemmen" and "geen" hold one
# of them. A match is negated by an odd number of them in its gaps, in the four words
# before it or (for the words that follow a verb in Dutch: "steunt het voorstel niet")
# the three words after it, within its clause.
NEGATORS = _words("""niet geen nooit noch zonder nergens niemand allerminst
    not no never without cannot can't won't don't doesn't isn't aren't wasn't nor neither""")
POST_NEGATORS = _words("niet nooit not never")
# Words that make what follows (or, for the second set, what precedes) a condition, a
# supposition or a request reported ("de motie vraagt om ... totdat ..."), not a statement.
# "als" is also "as" in Dutch: taking it for "if" loses a proposal, never invents one.
HYPOTHETICAL_BEFORE = _words("""als indien mits tenzij totdat voordat zodra mocht mochten wanneer
    ingeval vraagt verzoekt vragen verzoeken if unless until before provided once should asks
    requests""")
HYPOTHETICAL_AFTER = _words("""als indien mits tenzij wanneer zodra if unless provided
    when once""")
# A preposition right before a match ("instemmen met [de] detectiebevelen") puts it in a
# phrase governed by a word before it: a negation further back belongs to that word.
PREPOSITIONS = _words("""met voor van op over aan tot in bij naar uit door om tegen with for of on to
    about in at from by against""")
PREPOSITION_REACH = 2
BEFORE_WINDOW, AFTER_WINDOW = 4, 3
HYPOTHETICAL_BEFORE_WINDOW, HYPOTHETICAL_AFTER_WINDOW = 12, 4


@dataclass(frozen=True)
class Match:
    phrase: str
    first: int  # word positions, inclusive
    last: int
    sentence: int
    negated: bool
    hypothetical: bool


@lru_cache(maxsize=4096)
def compile_phrase(text: str) -> tuple[Element, ...]:
    return parse_phrase(text)


def _starts(letter: Letter, el: Element) -> list[int]:
    cached = letter.starts_cache.get(el)
    if cached is None:
        cached = letter.starts_cache[el] = _lookup(letter, el)
    return cached


def _lookup(letter: Letter, el: Element) -> list[int]:
    out: list[int] = []
    for w in el.words:
        out.extend(letter.index.get(w, ()))
    if el.prefixes:
        for word, where in letter.index.items():
            if word not in el.words and any(word.startswith(p) for p in el.prefixes):
                out.extend(where)
    return sorted(out)


def find(letter: Letter, phrase: str, words: range | None = None) -> list[Match]:
    """Every match of ``phrase`` (at most one per starting word), optionally only those
    starting in the word range ``words``."""
    elements = compile_phrase(phrase)
    out: list[Match] = []
    sentence = letter.sentence
    norm = letter.norm
    for s in _starts(letter, elements[0]):
        if words is not None and s not in words:
            continue
        sid = sentence[s]
        # reach: position -> the position the previous element matched (for the literals)
        chain: list[dict[int, int]] = [{s: -1}]
        for el in elements[1:]:
            nxt: dict[int, int] = {}
            for q in chain[-1]:
                for p in range(q + 1, min(q + 2 + el.gap, len(norm))):
                    if sentence[p] != sid:
                        break
                    if p not in nxt and el.matches(norm[p]):
                        nxt[p] = q
            if not nxt:
                break
            chain.append(nxt)
        if len(chain) < len(elements):
            continue
        last = min(chain[-1])
        literals = {last}
        p = last
        for level in range(len(chain) - 1, 0, -1):
            p = chain[level][p]
            literals.add(p)
        out.append(Match(phrase, s, last, sid, _negated(letter, s, last, literals),
                         _hypothetical(letter, s, last, literals)))
    return out


def _negated(letter: Letter, first: int, last: int, literals: set[int]) -> bool:
    norm, clause, sentence = letter.norm, letter.clause, letter.sentence
    count = sum(1 for k in range(first + 1, last) if k not in literals and norm[k] in NEGATORS)
    for k in range(first - 1, max(-1, first - 1 - BEFORE_WINDOW), -1):
        if clause[k] != clause[first] or sentence[k] != sentence[first]:
            break
        if norm[k] in NEGATORS:
            count += 1
        elif norm[k] in PREPOSITIONS and first - k <= PREPOSITION_REACH:
            break
    for k in range(last + 1, min(len(norm), last + 1 + AFTER_WINDOW)):
        if clause[k] != clause[last] or sentence[k] != sentence[last]:
            break
        # "steunt het voorstel niet." - a negation closing the clause; not "niet tot ..."
        closes = k + 1 >= len(norm) or clause[k + 1] != clause[k] or sentence[k + 1] != sentence[k] \
            or norm[k + 1] in ("langer", "meer", "longer")
        count += norm[k] in POST_NEGATORS and closes
    return count % 2 == 1


def _hypothetical(letter: Letter, first: int, last: int, literals: set[int]) -> bool:
    norm, sentence = letter.norm, letter.sentence
    sid = sentence[first]
    if any(norm[k] in HYPOTHETICAL_BEFORE for k in range(first + 1, last) if k not in literals):
        return True  # "compromistekst, tenzij ... beperkt tot bekend materiaal"
    for k in range(first - 1, max(-1, first - 1 - HYPOTHETICAL_BEFORE_WINDOW), -1):
        if sentence[k] != sid:
            break
        w = norm[k]
        if w in HYPOTHETICAL_BEFORE:
            return True
    for k in range(last + 1, min(len(norm), last + 1 + HYPOTHETICAL_AFTER_WINDOW)):
        if sentence[k] != sid:
            break
        if norm[k] in HYPOTHETICAL_AFTER:
            return True
    return False
