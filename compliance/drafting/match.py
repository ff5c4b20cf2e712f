"""Matching cue phrases on a tokenised letter, with negation and conditional clauses.

A phrase is matched from the positions of its first word (looked up in the letter's
word index), element by element within one sentence; each gap is bounded, so the work
is at most (occurrences of the first word) x (elements) x (largest gap): linear in the
letter, whatever the phrase. No regular expression is built from a cue.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from compliance.drafting.lemma import keys
from compliance.drafting.letter import Letter, _words
from compliance.model.cues import Element, parse_phrase

# Negation words, Dutch and English; "niet langer", "kan niet instemmen" and "geen" hold one
# of them. A match is negated by an odd number of them in its gaps, in the four words
# before it or (for the words that follow a verb in Dutch: "steunt het voorstel niet")
# the three words after it, within its clause.
NEGATORS = _words("""niet geen nooit noch zonder nergens niemand allerminst
    not no never without cannot can't won't don't doesn't isn't aren't wasn't nor neither""")
POST_NEGATORS = _words("niet nooit onmogelijk not never impossible")
# Words that make what follows (or, for the second set, what precedes) a condition, a
# supposition or a request reported ("de motie vraagt om ... totdat ..."), not a statement.
# "als" is also "as" in Dutch: it counts only before a clause with a finite verb (FINITE).
HYPOTHETICAL_BEFORE = _words("""als indien mits tenzij totdat zodra zolang mocht mochten wanneer
    ingeval vraagt verzoekt vragen verzoeken verzocht if unless until before provided once should asks
    requests""")
HYPOTHETICAL_AFTER = _words("""als indien mits tenzij wanneer zodra if unless provided
    when once""")
# A preposition right before a match ("instemmen met [de] detectiebevelen") puts it in a
# phrase governed by a word before it: a negation further back belongs to that word.
PREPOSITIONS = _words("""met voor van op over aan tot in bij naar uit door om tegen with for of on to
    about in at from by against""")
PREPOSITION_REACH = 2
BEFORE_WINDOW, AFTER_WINDOW = 4, 3
CLOSING_WINDOW = 8
HYPOTHETICAL_BEFORE_WINDOW, HYPOTHETICAL_AFTER_WINDOW = 12, 4


class Match:
    """One match of a cue; whether it is negated or conditional is worked out when asked."""

    __slots__ = ("_hyp", "_literals", "_neg", "end_sentence", "first", "last", "letter", "phrase", "sentence")

    def __init__(self, phrase: str, first: int, last: int, sentence: int, letter: Letter,
                 literals: set[int]) -> None:
        self.phrase, self.first, self.last, self.sentence = phrase, first, last, sentence
        self.letter, self._literals = letter, literals
        self.end_sentence = letter.sentence[last]  # the next sentence when a cue runs on into it
        self._neg: bool | None = None
        self._hyp: bool | None = None

    @property
    def negated(self) -> bool:
        if self._neg is None:
            self._neg = _negated(self.letter, self.first, self.last, self._literals)
        return self._neg

    @property
    def literals(self) -> set[int]:
        """The positions of the words the cue's elements matched (not its gaps)."""
        return self._literals

    @property
    def conditional_clause(self) -> bool:
        """In a condition opening the sentence (negated or not)."""
        return leading_condition(self.letter, self.first, self.last, self._literals)

    @property
    def hypothetical(self) -> bool:
        if self._hyp is None:
            self._hyp = _hypothetical(self.letter, self.first, self.last, self._literals)
        return self._hyp


@lru_cache(maxsize=4096)
def compile_phrase(text: str) -> tuple[Element, ...]:
    return parse_phrase(text)


def starts(letter: Letter, el: Element) -> list[int]:
    """The sorted positions of the words ``el`` matches (cached per letter)."""
    cached = letter.starts_cache.get(el)
    if cached is None:
        cached = letter.starts_cache[el] = _lookup(letter, el)
    return cached


def element_keys(el: Element) -> frozenset[str]:
    """Every form the element's whole words stand for (their lemmas, a verb's noun)."""
    out = set(el.words)
    for w in el.raw:
        out |= keys(w)
    return frozenset(out)


def _lookup(letter: Letter, el: Element) -> list[int]:
    out: list[int] = []
    forms = element_keys(el)
    lemmas = letter.lemma_index()
    for w in forms:
        out.extend(letter.index.get(w, ()))
        out.extend(lemmas.get(w, ()))
    if el.prefixes:
        vocab = letter.vocabulary()
        for prefix in el.prefixes:
            i = bisect.bisect_left(vocab, prefix)
            while i < len(vocab) and vocab[i].startswith(prefix):
                if vocab[i] not in el.words:
                    out.extend(letter.index[vocab[i]])
                i += 1
    return sorted(set(out))


def find(letter: Letter, phrase: str, ranges: list[tuple[int, int]] | None = None, *,
         across: bool = False) -> list[Match]:
    """Every match of ``phrase`` (at most one per starting word), optionally only those
    starting in one of the sorted word ranges ``ranges``; ``across``: a match may run on
    into the next sentence of the same paragraph."""
    elements = compile_phrase(phrase)
    lists = [starts(letter, el) for el in elements]
    if any(not positions for positions in lists):
        return []  # a word of the phrase does not occur in the letter
    out: list[Match] = []
    sentence = letter.sentence
    if len(elements) == 1:
        return [Match(phrase, s, s, sentence[s], letter, {s}) for s in _within(lists[0], ranges)]
    # the rarest later element bounds where a match can start: a start with none of its
    # words within reach is skipped by one bisection (the result is the same)
    j = min(range(1, len(elements)), key=lambda i: len(lists[i]))
    rare, near, far = lists[j], j, j + sum(el.gap for el in elements[1:j + 1])
    for s in _within(lists[0], ranges):
        i = bisect.bisect_left(rare, s + near)
        if i == len(rare) or rare[i] > s + far:
            continue
        sid = sentence[s]
        end_sid = sid + 1 if across and letter.continues(sid) else sid
        # chain[i]: position matched by element i -> the position element i-1 matched
        chain: list[dict[int, int]] = [{s: -1}]
        for el, positions in zip(elements[1:], lists[1:], strict=True):
            nxt: dict[int, int] = {}
            for q in chain[-1]:
                i = bisect.bisect_right(positions, q)
                limit = q + 1 + el.gap
                while i < len(positions) and positions[i] <= limit:
                    p = positions[i]
                    if sentence[p] > end_sid:
                        break
                    nxt.setdefault(p, q)
                    i += 1
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
        out.append(Match(phrase, s, last, sid, letter, literals))
    return out


def _within(positions: list[int], ranges: list[tuple[int, int]] | None) -> list[int]:
    if ranges is None:
        return positions
    out: list[int] = []
    for a, b in ranges:
        out.extend(positions[bisect.bisect_left(positions, a):bisect.bisect_left(positions, b)])
    return out


@dataclass(frozen=True)
class _Marks:
    """Prefix counts of negations and conditional markers: a window is counted in O(1)."""

    neg: list[int]
    before: list[int]
    after: list[int]


# "als" is "if" only before a clause with a finite verb ("als de tekst wordt aangepast");
# without one it is "as" ("blijft beschikbaar als reservemiddel", "zowel A als B")
FINITE = _words("""is zijn wordt worden kan kunnen heeft hebben blijft blijven zal zullen moet moeten
    mag mogen was waren werd werden gaat gaan komt komen blijkt blijken staat staan ligt liggen
    wil willen doet doen krijgt krijgen lukt toelaat toelaten toestaat toestaan""")
AS_AFTER = 12  # words of the clause after "als" looked at for its verb
AS_PREDICATE = _words("""voorwaarde voorwaarden uitgangspunt gevolg eerste
    laatste onderdeel basis volgt zodanig geheel voorbeeld aanvulling alternatief doel doelstelling
    uitzondering maatregel optie middel reactie toelichting""")


def _participle(letter: Letter, k: int) -> bool:
    """A past participle ("uitgevoerd", "verdacht", "gesloten"): a form of a verb in -en
    ending in d, t or en (not a finite form: those are in FINITE)."""
    w = letter.norm[k]
    return w not in FINITE and w[-1:] in ("d", "t", "n") and any(
        key != w and key.endswith("en") for key in letter.keys_at(k))


_AS_BEFORE = _words("zowel zo net even evenals ook zelfs")  # "ook als": even if, a concession


def _conditional_als(letter: Letter, k: int) -> bool:
    norm, clause, sentence = letter.norm, letter.clause, letter.sentence
    if k and norm[k - 1] in _AS_BEFORE:
        return False
    if k + 1 < len(norm) and sentence[k + 1] == sentence[k]:
        nxt = norm[k + 1]
        if nxt in FINITE:
            return True  # "als blijkt dat ...", "als is gebleken ..."
        one_of = nxt in ("een", "één", "one") and k + 2 < len(norm) and norm[k + 2] == "van"
        if nxt in AS_PREDICATE or one_of or _participle(letter, k + 1):
            return False  # "als voorwaarde", "als uitgevoerd beschouwen", "als verdacht aangemerkt"
    if any(norm[j] == "zowel" for j in range(max(0, k - 10), k) if sentence[j] == sentence[k]):
        return False
    for j in range(k + 1, min(len(norm), k + 1 + AS_AFTER)):
        # up to a punctuation mark, not a clause word ("als Duitsland dat ook doet")
        if sentence[j] != sentence[k] or (clause[j] != clause[k] and any(
                c in letter.text[letter.end[j - 1]:letter.start[j]] for c in ",;:()")):
            break
        w = norm[j]
        if w in FINITE:
            return True
        # a finite form of another verb: "-t" where its lemma is an infinitive ("toelaat")
        if len(w) > 3 and w.endswith("t") and any(
                key != w and key.endswith("en") for key in letter.keys_at(j)):
            return True
    return False


def _conjunct(letter: Letter, k: int, nxt: int) -> bool:
    """Whether the negation at ``k`` closes a conjunct with its own verb before an "en"/"of"
    that still comes before the cue word at ``nxt``."""
    norm = letter.norm
    for j in range(k + 1, nxt):
        if norm[j] in ("en", "of", "and", "or"):
            return any(norm[i] in FINITE or _participle(letter, i) for i in range(k + 1, j))
    return False


def _marks(letter: Letter) -> _Marks:
    if letter.marks is None:
        as_not_if = [k for k in letter.index.get("als", ()) if not _conditional_als(letter, k)]

        def prefix(words: frozenset[str]) -> list[int]:
            hits = list(map(words.__contains__, letter.norm))
            if "als" in words:
                for k in as_not_if:
                    hits[k] = False
            return list(itertools.accumulate(hits, initial=0))

        letter.marks = _Marks(prefix(NEGATORS), prefix(HYPOTHETICAL_BEFORE), prefix(HYPOTHETICAL_AFTER))
    marks: _Marks = letter.marks
    return marks


NOCH_REACH = 6
# the particle of a separable verb, closing its clause after the negation ("houdt ... niet open",
# "voert de motie niet uit")
PARTICLES = _words("open uit voor in op aan af mee toe door vast terug over")


def _closes(letter: Letter, k: int) -> bool:
    """Whether word ``k`` is the last of its clause."""
    return k + 1 >= len(letter.norm) or letter.clause[k + 1] != letter.clause[k] \
        or letter.sentence[k + 1] != letter.sentence[k]


def _second_noch(letter: Letter, k: int, lo: int) -> bool:
    """The second "noch" of "noch A noch B" (neither A nor B): the pair is one negation."""
    norm = letter.norm
    return norm[k] in ("noch", "nor") and any(
        norm[j] in ("noch", "neither") and letter.sentence[j] == letter.sentence[k]
        for j in range(max(0, lo, k - NOCH_REACH), k))


def _negated(letter: Letter, first: int, last: int, literals: set[int]) -> bool:
    norm, clause, sentence = letter.norm, letter.clause, letter.sentence
    neg = _marks(letter).neg
    # negations in the gaps, less the cue's own words, each in the clause of the cue word it
    # stands before ("Nederland is niet het enige land dat ... niet kan instemmen": one)
    count = 0
    if neg[last] - neg[first + 1]:
        lits = sorted(literals)
        for k in range(first + 1, last):
            if norm[k] in NEGATORS and k not in literals and not _second_noch(letter, k, first):
                nxt = lits[bisect.bisect_right(lits, k)]
                # "om de motie niet uit te voeren heeft uw Kamer ontvangen": the negation
                # is the infinitive's ("niet ... te VERB"), not the cue's
                own_verb = any(norm[j] in ("te", "to") for j in range(k + 1, min(nxt, k + 4)))
                # "als versleuteling niet wordt doorbroken en er geen ...": a negation whose
                # verb comes before an "en" is the earlier conjunct's
                own_verb = own_verb or _conjunct(letter, k, nxt)
                count += clause[k] == clause[nxt] and not own_verb
    for k in range(first - 1, max(-1, first - 1 - BEFORE_WINDOW), -1):
        if clause[k] != clause[first] or sentence[k] != sentence[first]:
            break
        if norm[k] in NEGATORS and not _second_noch(letter, k, k - BEFORE_WINDOW):
            count += 1
        elif norm[k] in PREPOSITIONS and first - k <= PREPOSITION_REACH:
            break
    for k in range(last + 1, min(len(norm), last + 1 + CLOSING_WINDOW)):
        if clause[k] != clause[last] or sentence[k] != sentence[last] or norm[k] in ("en", "of", "and", "or"):
            break  # "niet ontmanteld en niet afgedicht": the next conjunct's negation is its own
        # "steunt het voorstel niet." - a negation closing the clause; not "niet tot ..."; one
        # before a separable verb's particle closes it too, further on ("houdt heropening van
        # het veld dan ook niet open")
        particle = k + 1 < len(norm) and (norm[k + 1] in PARTICLES or _participle(letter, k + 1)) \
            and _closes(letter, k + 1)  # "... wordt daar niet genomen": the clause's verb negated
        closes = particle or (k <= last + AFTER_WINDOW and (
            _closes(letter, k) or norm[k + 1] in ("langer", "meer", "longer")))
        count += norm[k] in POST_NEGATORS and closes
    return count % 2 == 1


# "kan alleen instemmen met een tekst waarin ...": a condition, not a vote
ONLY = _words("alleen slechts uitsluitend only")


# a sentence opening with one of these opens with a condition, up to its first comma
OPENERS = _words("als indien wanneer mits zodra ingeval tenzij zolang if unless provided once")


def _first_comma(letter: Letter, a: int, b: int) -> int:
    """The last word of a leading condition in sentence a..b-1: before the comma the main
    clause's verb follows ("..., zal ik"), else before the first comma (b when there is none)."""
    key = ("condition_end", a)
    got: int | None = letter.scopes.get(key)
    if got is None:
        commas = [k for k in range(a, b - 1) if "," in letter.text[letter.end[k]:letter.start[k + 1]]]
        main = [k for k in commas if letter.norm[k + 1] in FINITE or letter.norm[k + 1] in ("dan", "then")]
        got = letter.scopes[key] = main[0] if main else commas[0] if commas else b
    return got


def leading_condition(letter: Letter, first: int, last: int, literals: set[int]) -> bool:
    """Whether the match lies in a condition that opens its sentence ("Als uit de nieuwe tekst
    blijkt dat ... niet ..., zal ..."): negated or not, nothing in it is stated."""
    a, b = letter.sentences[letter.sentence[first]]
    # cheap tests first: most sentences open otherwise
    return _opens_with_condition(letter, a, literals) and last <= _first_comma(letter, a, b)


def _opens_with_condition(letter: Letter, a: int, literals: set[int]) -> bool:
    """Whether the sentence starting at ``a`` opens with a condition that is not the cue's own word."""
    norm = letter.norm
    return norm[a] in OPENERS and a not in literals and (norm[a] != "als" or _conditional_als(letter, a))


def _hypothetical(letter: Letter, first: int, last: int, literals: set[int]) -> bool:
    norm, sentence = letter.norm, letter.sentence
    if any(norm[k] in ONLY and sentence[k] == sentence[last] and k not in literals
           for k in (last - 1, last - 2) if k >= 0):
        return True
    marks = _marks(letter)
    before = marks.before
    inside = before[last] - before[first + 1]
    if inside and inside > sum(1 for k in literals if first < k < last and norm[k] in HYPOTHETICAL_BEFORE):
        return True  # "compromistekst, tenzij ... beperkt tot bekend materiaal"
    a, b = letter.sentences[sentence[first]]
    # a positive match anywhere in a sentence that opens with a condition ("Als ..., zal het
    # kabinet tegenstemmen"): the condition and what hangs on it. (leading_condition, the match
    # inside the condition itself, is the narrower test a negated match needs: draft's filter asks
    # for it as Match.conditional_clause.)
    if _opens_with_condition(letter, a, literals):
        return True
    lo = max(a, first - HYPOTHETICAL_BEFORE_WINDOW)
    if before[first] - before[lo]:
        return True
    hi = min(b, last + 1 + HYPOTHETICAL_AFTER_WINDOW)
    return hi > last + 1 and marks.after[hi] - marks.after[last + 1] > 0


def value_of_match(fact_type: str, cued: Any, negated_value: Any, negated: bool) -> Any:
    """The value a cue's match gives: the cued value, or under a negation the bool's opposite
    or the cue's declared ``negated`` value; None when a negated match says nothing (an enum
    or set cue without a ``negated`` value: "not X" does not tell which value holds)."""
    if not negated:
        return cued
    if fact_type == "bool":
        return not cued
    return negated_value
