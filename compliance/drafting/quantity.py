"""Numbers and dates in a Dutch (or English) clause, for number and date facts.

A number or date fact's cues find the passage; its value is the number or date written
there ("2,8 miljard kubieke meter", "€ 10.000", "85 procent", "elf productielocaties",
"1 oktober 2024"), kept only when its unit fits the fact's unit. The regular expressions are
fixed (never built from a cue) and run once over a bounded clause.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Dutch number words a letter writes out for small counts; "een" is left out: it is the
# article far more often than the number ("een productielocatie" states no count).
WORDS = {
    "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8,
    "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90, "honderd": 100,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12,
}
SCALES = {"duizend": 10**3, "thousand": 10**3, "miljoen": 10**6, "million": 10**6,
          "mln": 10**6, "miljard": 10**9, "billion": 10**9, "mld": 10**9, "mrd": 10**9}
MONTHS = {m: i + 1 for i, m in enumerate(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
     "oktober", "november", "december"])}
MONTHS.update({m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])})

_NUM = re.compile(
    r"(?<![\w.,])(?P<euro>€\s*)?(?:(?P<digits>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<dec>\d+))?"
    r"|(?P<word>[^\W\d_]+))(?![\w])(?P<pct>\s*%)?")
_WORD = re.compile(r"[^\W_]+|%|€")
_DATE = re.compile(r"(?<!\w)(?:(?P<day>\d{1,2})\s+)?(?P<month>[^\W\d_]+)\s+(?P<year>\d{4})(?!\w)")

VOLUME = ("kubieke", "m3", "nm3", "kuub", "bcm", "cubic")
PERCENT = ("procent", "percent", "%")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))


class Unit:
    """What a fact's unit asks of the words around a number ('miljard Nm3 (bcm)', 'euro',
    'miljard euro', 'procent', 'jaar', or a counted noun such as 'productielocaties')."""

    def __init__(self, spec: str | None) -> None:
        words = [_fold(w) for w in _WORD.findall(spec or "")]
        self.scale = next((SCALES[w] for w in words if w in SCALES), 1)
        self.kind = ("any" if not words else
                     "euro" if "euro" in words or "€" in words else
                     "percent" if any(w in PERCENT for w in words) else
                     "volume" if any(w in VOLUME for w in words) else
                     "year" if words[0] in ("jaar", "year") else "count")
        nouns = [w for w in words if w not in SCALES]
        head = nouns[0] if nouns else ""
        self.stem = head[:max(5, len(head) - 3)]  # "productielocaties" -> its singular too

    def fits(self, euro: bool, pct: bool, after: list[str], value: float,
             before: list[str] | None = None) -> float | None:
        """The value in the fact's unit, or None when the words around it do not fit."""
        scale = 1
        if after and after[0] in SCALES:
            scale, after = SCALES[after[0]], after[1:]
        elif after[:1] == ["bcm"]:
            scale = SCALES["miljard"]  # "4,5 bcm": billion cubic metres
        near = after[:3]
        if self.kind == "any":
            return value * scale
        if self.kind == "euro":
            ok = euro or (near[:1] == ["euro"]) or near[:1] == ["eur"]
        elif self.kind == "percent":
            ok = pct or near[:1] in (["procent"], ["percent"])
        elif self.kind == "volume":
            ok = any(w in VOLUME for w in near)
        elif self.kind == "year":
            ok = scale == 1 and not euro and not pct and value == int(value) and 1900 <= value <= 2199 \
                and not (near and near[0] in ("euro", "procent", "percent", "%"))
        else:
            ok = scale == 1 and not euro and not pct and any(w.startswith(self.stem) for w in near[:2])
            # the counted noun ahead ("van de productielocaties blijven er elf open"): a small
            # count that no other noun follows
            ok = ok or (scale == 1 and not euro and not pct and value < 1000 and before is not None
                        and any(w.startswith(self.stem) for w in before[-COUNT_BEFORE:])
                        and (not near or near[0] in AFTER_COUNT))
        if not ok:
            return None
        return value * scale / self.scale


COUNT_BEFORE = 8
AFTER_COUNT = frozenset({"open", "beschikbaar", "operationeel", "gesloten", "over", "in", "op", "en", "of",
                         "blijven", "blijft", "available", "remain"})


def _plain(v: float) -> int | float:
    r = round(v, 6)
    return int(r) if r == int(r) else r


CONNECT = ("of", "tot", "en", "a", "à", "or", "to", "and")


def _shared_unit(after: list[str]) -> list[str]:
    """'2 of 3 miljard kubieke meter', '80 tot 90 procent': the first number takes the unit
    of the next."""
    while len(after) >= 2 and after[0] in CONNECT and (after[1].isdigit() or after[1] in WORDS):
        after = after[2:]
        while after and after[0].isdigit():  # '2,8' is two words here
            after = after[1:]
    return after


_COMPARED = frozenset({"hoger", "lager", "groter", "kleiner", "hogere", "lagere", "grotere", "kleinere",
                       "higher", "lower", "greater", "smaller"})


def _fold_words(text: str) -> list[str]:
    return [_fold(w) for w in _WORD.findall(text)]


def numbers(text: str, unit: str | None = None) -> list[int | float]:
    """The numbers of ``text`` whose unit fits ``unit``, in order of appearance (repeats kept)."""
    u = Unit(unit)
    out: list[int | float] = []
    for m in _NUM.finditer(text):
        if m["digits"] is not None:
            whole = int(m["digits"].replace(".", ""))
            value = whole + (int(m["dec"]) / 10 ** len(m["dec"]) if m["dec"] else 0)
        else:
            w = _fold(m["word"])
            if w in ("nul", "zero") and u.kind == "volume":
                # "stel ik vast op nul": a level of zero needs no unit; "het pad naar nul" is none
                if _fold_words(text[max(0, m.start() - 12):m.start()])[-1:] == ["op"]:
                    out.append(0)
                continue
            if w not in WORDS and m["word"].casefold() not in WORDS:
                continue
            value = WORDS.get(m["word"].casefold(), WORDS.get(w, 0))
        after = _shared_unit([_fold(w) for w in _WORD.findall(text[m.end():m.end() + 80])])
        before = [_fold(w) for w in _WORD.findall(text[max(0, m.start() - 80):m.start()])]
        if before[-1:] in (["dan"], ["than"]) and _COMPARED.intersection(before[-5:-1]):
            continue  # "een hoger niveau dan 4,5 bcm": what is compared with, not the value
        got = u.fits(m["euro"] is not None, m["pct"] is not None, after, value, before)
        if got is not None:
            out.append(_plain(got))
    return out


def dates(text: str) -> list[str]:
    """The dates of ``text`` with at least month and year, as YYYY-MM-DD or YYYY-MM."""
    out = []
    for m in _DATE.finditer(text):
        month = MONTHS.get(_fold(m["month"]))
        if month is None:
            continue
        year = int(m["year"])
        if m["day"] is not None:
            try:
                out.append(date(year, month, int(m["day"])).isoformat())
            except ValueError:
                continue  # 31 juni: not a date
        else:
            out.append(f"{year:04d}-{month:02d}")
    return out


_CLAUSE = re.compile(r";|:|,\s|\s(?:maar|terwijl|omdat|waarna|nadat|zodat)\s")


def clause_at(text: str, offset: int) -> str:
    """The part of ``text`` around ``offset`` between clause marks (a comma inside a number,
    "2,8", is no mark)."""
    a = 0
    for m in _CLAUSE.finditer(text):
        if m.end() <= offset:
            a = m.end()
        elif m.start() >= offset:
            return text[a:m.start()]
    return text[a:]


def value_in(sentence: str, offset: int, kind: str, unit: str | None) -> tuple[str, int | float | str | None]:
    """('value', v) for the one value of the sentence near ``offset`` (the clause first, then
    the sentence), ('ambiguous', None) when two different values compete, ('none', None)."""
    for part in (clause_at(sentence, offset), sentence):
        found = list(dict.fromkeys(dates(part) if kind == "date" else numbers(part, unit)))
        if len(found) == 1:
            return "value", found[0]
        if len(found) > 1:
            return "ambiguous", None
    return "none", None
