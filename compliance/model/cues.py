"""Cues: the phrases in a dossier's vocabulary by which a letter shows a fact and its value.

A cue is a plain phrase, matched word by word on the tokenised sentences of a letter
(case, accents and hyphenation ignored). Its elements, separated by spaces:

- ``word``: that word; ``word*``: any word starting with it (at least 3 letters first);
- ``a|b|c``: any one of these words (each may end in ``*``);
- ``~N`` (1 <= N <= 20): a gap of at most N words.

There are no other operators, so a cue is matched in time linear in the letter (every
element is tried once per position, every gap is bounded) and can never hang the tool.
A negation word (niet, geen, not, no, ...) in a gap of the match, or just before or after
it in the same clause, negates the match; the matcher, not the cue, knows these words.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import AfterValidator, Field

from compliance.errors import Text as Both
from compliance.model.common import MotionId, Name, Strict

MAX_GAP = 20
MAX_ELEMENTS = 16
MIN_PREFIX = 3
_ALT = re.compile(r"^[^\W_]+(?:['’-][^\W_]+)*\*?$")
_GAP = re.compile(r"^~(\d{1,3})$")
_SPLIT = re.compile(r"-")  # the tokeniser splits words at hyphens, not at apostrophes


def normalise(word: str) -> str:
    """A word as cues and letters are compared: case-folded, accents and soft hyphens dropped."""
    word = word.replace("\u00ad", "").casefold()
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


@dataclass(frozen=True)
class Element:
    """One word position of a phrase: exact words and word prefixes, after a gap of at most ``gap``."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    gap: int = 0  # words that may stand between the previous element and this one
    # the whole words as the cue writes them (case-folded, accents kept): the drafter matches
    # their other forms too (compliance.drafting.lemma)
    raw: tuple[str, ...] = ()

    def matches(self, word: str) -> bool:
        return word in self.words or any(word.startswith(p) for p in self.prefixes)


def parse_phrase(text: str) -> tuple[Element, ...]:
    """The elements of a cue phrase; ValueError saying what is wrong and how to write it."""
    parts = text.split()
    if not parts:
        raise ValueError(Both("empty cue: write one or more words",
                              "lege cue: schrijf een of meer woorden"))
    out: list[Element] = []
    gap = 0
    pending_gap = False
    for part in parts:
        g = _GAP.match(part)
        if g:
            n = int(g.group(1))
            if not out:
                raise ValueError(Both(f"cue {text!r} starts with a gap: begin with a word",
                              f"cue {text!r} begint met een gat: begin met een woord"))
            if pending_gap:
                raise ValueError(Both(f"cue {text!r} has two gaps in a row: join them into one ~N",
                              f"cue {text!r} heeft twee gaten achter elkaar: voeg ze samen tot één ~N"))
            if not 1 <= n <= MAX_GAP:
                raise ValueError(Both(f"gap {part!r} in cue {text!r}: write ~1 to ~{MAX_GAP}",
                              f"gat {part!r} in cue {text!r}: schrijf ~1 tot ~{MAX_GAP}"))
            gap, pending_gap = n, True
            continue
        if part.startswith("~"):
            raise ValueError(Both(f"{part!r} in cue {text!r} is not a gap: write ~N, e.g. ~3",
                              f"{part!r} in cue {text!r} is geen gat: schrijf ~N, bijv. ~3"))
        alts = part.split("|")
        for alt in alts:
            if not _ALT.match(alt):
                raise ValueError(Both(f"{alt!r} in cue {text!r} is not a word: use letters and digits, "
                                 "'word*' for a prefix, 'a|b' for alternatives, '~N' for a gap",
                              f"{alt!r} in cue {text!r} is geen woord: gebruik letters en cijfers, "
                                      "'woord*' voor een begin, 'a|b' voor alternatieven, '~N' voor een gat"))
            if alt.endswith("*") and len(alt) - 1 < MIN_PREFIX:
                raise ValueError(Both(f"prefix {alt!r} in cue {text!r} is too short: give at least "
                                 f"{MIN_PREFIX} letters before '*'",
                              f"begin {alt!r} in cue {text!r} is te kort: geef ten minste "
                                      f"{MIN_PREFIX} letters voor '*'"))
        if len(alts) == 1 and _SPLIT.search(part.rstrip("*")):
            # "end-to-end" is three words in a letter, as the tokeniser splits it
            pieces = [p for p in _SPLIT.split(part) if p]
            for k, piece in enumerate(pieces):
                out.append(_element([piece], gap if k == 0 else 0))
            gap, pending_gap = 0, False
        else:
            if len(alts) > 1 and any(_SPLIT.search(a) for a in alts):
                raise ValueError(Both(f"alternatives {part!r} in cue {text!r} must be single words "
                                 "(no hyphen): write separate cues instead",
                              f"alternatieven {part!r} in cue {text!r} moeten losse woorden zijn "
                                      "(geen koppelteken): schrijf in plaats daarvan aparte cues"))
            out.append(_element(alts, gap))
            gap, pending_gap = 0, False
        if len(out) > MAX_ELEMENTS:
            raise ValueError(Both(f"cue {text!r} has more than {MAX_ELEMENTS} words: shorten it",
                              f"cue {text!r} heeft meer dan {MAX_ELEMENTS} woorden: maak hem korter"))
    if pending_gap:
        raise ValueError(Both(f"cue {text!r} ends with a gap: end with a word",
                              f"cue {text!r} eindigt met een gat: eindig met een woord"))
    return tuple(out)


def _element(alts: list[str], gap: int) -> Element:
    words = frozenset(normalise(a) for a in alts if not a.endswith("*"))
    prefixes = tuple(sorted(normalise(a[:-1]) for a in alts if a.endswith("*")))
    raw = tuple(sorted({a.replace("\u00ad", "").casefold() for a in alts if not a.endswith("*")}))
    return Element(words, prefixes, gap, raw)


def _check(text: str) -> str:
    parse_phrase(text)
    return text


Phrase = Annotated[str, Field(min_length=1, max_length=300, description=(
    "words separated by spaces; 'word*' a prefix, 'a|b' alternatives, '~N' a gap of at most "
    "N words (N <= 20)")), AfterValidator(_check)]


class Phrases(Strict):
    """Cue phrases in Dutch and English."""

    nl: list[Phrase] = Field(default_factory=list)
    en: list[Phrase] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.nl, *self.en]


Statement = Literal["will_execute", "will_not_execute", "gives_effect", "will_inform"]


class Implication(Strict):
    """A value the letter implies by what it declares about a motion (e.g. executing a motion
    that asks to keep encryption intact makes that a condition)."""

    motion: MotionId
    statement: Statement


class ValueCues(Phrases):
    negated: str | None = Field(default=None, description=(
        "the value a negated match means (for bool facts the other truth value is implied); "
        "absent: a negated match is no evidence"))
    implied_by: list[Implication] = Field(default_factory=list, description=(
        "declarations in the letter that imply this value"))
    implies: list[str] = Field(default_factory=list, description=(
        "other values of the fact this one implies ('against' implies 'not_for'): when both are "
        "cued the more specific one is proposed, not an ambiguity"))
    yields: bool = Field(default=False, description=(
        "the plain reading, given way to by any other value of the fact the letter cues "
        "('exact' for a level written without 'ten hoogste', 'ongeveer', ...)"))
    hypothetical: Literal["ignore", "keep"] | None = Field(default=None, description=(
        "this value's own 'hypothetical' (see the fact's): 'keep' for the reading that is itself "
        "a condition ('true' of 'restart kept open') while the others stay 'ignore'; absent: the "
        "fact's"))


class FactCues(Strict):
    """How a letter shows a fact: per value (for bool facts the keys 'true' and 'false')."""

    values: dict[str, ValueCues] = Field(default_factory=dict)
    addressed: Phrases | None = Field(default=None, description=(
        "phrases showing the letter addresses the fact without giving a value"))
    hypothetical: Literal["ignore", "keep"] = Field(default="ignore", description=(
        "ignore: a positive match in a conditional clause ('als', 'tenzij', 'totdat', 'if', ...) "
        "is no evidence; keep: it is (for facts that are themselves conditions)"))
    stance: Literal["text", "cabinet", "any"] | None = Field(default=None, description=(
        "whose fact it is: 'text' (only sentences about the text on the table now), 'cabinet' "
        "(only the cabinet's own sentences), 'any'; absent: the fact's group decides (text, "
        "cabinet; process facts: any)"))
    window: Literal["sentence", "two_sentences"] = Field(default="sentence", description=(
        "two_sentences: a cue may run on into the next sentence of the same paragraph "
        "('Het Deense voorzitterschap ... . Het voorstel ...'), the quote spanning both"))


class DeclarationCues(Strict):
    will_execute: ValueCues | None = None
    will_not_execute: ValueCues | None = None
    gives_effect: ValueCues | None = None
    will_inform: ValueCues | None = None


class DossierCues(Strict):
    """Cues that are not about one fact: the dossier's passages, steps and declarations."""

    scope: Phrases | None = Field(default=None, description=(
        "phrases marking a passage about this dossier; when the letter has numbered sections, "
        "only the sections holding one are read"))
    steps: dict[Name, Phrases] = Field(default_factory=dict, description="step kind -> cues")
    meeting: Phrases | None = Field(default=None, description=(
        "phrases announcing the meeting a letter prepares; the first full date in that sentence "
        "is the meeting's date"))
    text_subject: Phrases | None = Field(default=None, description=(
        "phrases naming the text (tekst, voorstel, verordening, detectie, ...): a fact of the text "
        "counts only in a sentence holding one or following one in its paragraph (a word for "
        "messaging services in a sentence on where abuse spreads is not the text's scope)"))
    this_meeting: Phrases | None = Field(default=None, description=(
        "phrases referring to that meeting ('tijdens deze Raad'): a step there takes its date"))
    declarations: DeclarationCues | None = None
