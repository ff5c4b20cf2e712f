"""Time in a dictum for the rule drafter (draft_rule.py): deadlines, periods, moments, vague timing."""

from __future__ import annotations

import re

from compliance.authoring.draft_rule_model import TimePart
from compliance.authoring.draft_rule_words import MONTHS, NUMBER_WORDS

_PERIOD = re.compile(r"\b(halfjaarlijks\w*|jaarlijks\w*|(?:elk|ieder)(?:e)?\s+(?:jaar|half\s+jaar|"
                     r"kwartaal|maand)|per\s+kwartaal|driemaandelijks\w*|maandelijks\w*|met\s+regelmaat|"
                     r"regelmatig|periodiek\w*|every\s+(?:six\s+months|year|quarter)|annually|"
                     r"regularly|every\s+half\s+year|half-yearly|each\s+year|twee\s*maal\s+per\s+jaar|"
                     r"twee\s+keer\s+per\s+jaar|(?:elk|ieder)(?:e)?\s+half\s*jaar|"
                     # before or after every meeting: a report that follows the meetings
                     r"(?:voor|vóór|voorafgaand\s+aan|na|voorafgaande\s+aan)\s+(?:elke|iedere|ieder|elk)\s+"
                     r"[\w-]+)\b", re.I)
_UNTIL = re.compile(r"\b(totdat|tot\s+(?:het\s+moment\s+)?(?:dat|waarop)|zolang|voordat|niet\s+eerder\s+dan|"
                    r"until|before)\b", re.I)
_DATE = re.compile(r"\b(?P<pre>vóór|voor|uiterlijk|before|by)\s+(?P<d>\d{1,2})\s+(?P<m>[a-z]+)\s+"
                   r"(?P<y>\d{4})\b", re.I)
_WITHIN = re.compile(r"\b(?:binnen|within)\s+(?P<n>\d+|[a-zé]+)\s+(?P<u>dagen|dag|weken|week|maanden|maand|"
                     r"jaar|jaren|days?|weeks?|months?|years?)\b", re.I)
_YEAR_END = re.compile(r"\b(nog\s+dit\s+(?:kalender)?jaar|"
                       r"(?:vóór|voor)\s+het\s+eind(?:e)?\s+van\s+(?:dit|het)\s+(?:kalender)?jaar|(?:vóór|voor)\s+(?:het\s+)?jaareinde|(?:uiterlijk\s+)?eind\s+dit\s+jaar|"
                       r"(?:vóór|voor)\s+het\s+eind(?:e)?\s+van\s+(?P<y1>\d{4})|eind\s+(?P<y2>\d{4})|"
                       # "uiterlijk in 2026" is by the end of 2026; "vóór 2027" (with its accent: "voor
                       # 2027" may mean "for 2027") by the end of 2026
                       r"uiterlijk\s+(?:in\s+)?(?P<y3>\d{4})(?!\s*[-/]?\d)|vóór\s+(?P<y4>\d{4})(?!\s*[-/]?\d)|"
                       r"this\s+(?:calendar\s+)?year)\b", re.I)
_SEASON = re.compile(r"\b(in\s+het\s+najaar|in\s+het\s+voorjaar|(?:vóór|voor)\s+de\s+zomer(?:reces)?|"
                     r"(?:vóór|voor)\s+het\s+(?:zomer|kerst)reces|(?:vóór|voor)\s+de\s+begrotings\w+|"
                     r"in\s+the\s+(?:autumn|spring)|before\s+the\s+summer)\b", re.I)
# a deadline that is a moment of the budget cycle, not a date: "uiterlijk bij de Voorjaarsnota 2025"
_MOMENT = re.compile(r"\b(?:uiterlijk\s+)?(?:bij|vóór|voor|met)\s+(?:de\s+|het\s+)?"
                     r"(?:eerstvolgende\s+|komende\s+)?"
                     r"(?P<doc>voorjaarsnota|miljoenennota|najaarsnota|begroting|ontwerpbegroting|"
                     r"suppletoire\s+begroting|prinsjesdag|verantwoordingsdag|kaderbrief|voortgangsrapportage|"
                     r"jaarverslag)(?:\s+(?:van\s+|voor\s+)?(?P<y>\d{4}))?\b", re.I)
_VAGUE = re.compile(r"\b(met\s+(?:zeer\s+)?(?:grote\s+)?spoed|"
                    r"op\s+zo\s+kort\s+mogelijke\s+termijn|zo\s+snel\s+mogelijk|op\s+korte\s+termijn|"
                    r"spoedig|zo\s+spoedig\s+mogelijk|per\s+direct|direct|nu|as\s+soon\s+as\s+possible|"
                    # outside a report, "met regelmaat" times nothing the rule can test
                    r"met\s+regelmaat|regelmatig|"
                    r"at\s+once|now)\b", re.I)


def _year(motion_date: str | None) -> int | None:
    return int(motion_date[:4]) if motion_date and motion_date[:4].isdigit() else None


def find_time(text: str, kind: str, motion_date: str | None) -> tuple[TimePart | None, list[str]]:
    todos: list[str] = []
    if kind == "recurring":
        m = _PERIOD.search(text)
        if m is None:
            return None, todos
        w = m.group(0).lower()
        every: dict[str, int] | None = None
        if w.startswith("halfjaar") or "half jaar" in w or "six months" in w:
            every = {"months": 6}
        elif "kwartaal" in w or "driemaand" in w or "quarter" in w:
            every = {"months": 3}
        elif w.startswith("maand") or w.endswith("maand"):
            every = {"months": 1}
        elif "jaar" in w or "annual" in w or "year" in w:
            every = {"years": 1}
        if every is None and re.search(r"\b(?:elke|iedere|ieder|elk)\s+[\w-]+$", w) and not re.search(
                r"jaar|kwartaal|maand|week", w):
            todos.append(f"'{m.group(0)}': the report follows the meetings, not a period — write the "
                         "recurring duty on their dates by hand")
            return TimePart("vague", None, m.group(0), confirmed=False, note="each meeting"), todos
        if w.startswith(("twee maal", "tweemaal", "twee keer")):
            every = {"months": 6}
        if every is None:
            todos.append(f"'{m.group(0)}' gives no period: six months proposed as an interpretation — "
                         "confirm it")
            return TimePart("period", {"months": 6}, m.group(0), confirmed=False,
                            note="no period in the dictum; six months proposed"), todos
        return TimePart("period", every, m.group(0)), todos
    if kind == "standstill":
        m = _UNTIL.search(text)
        if m:
            return TimePart("until", text[m.end():].strip(" ,;."), m.group(0) + text[m.end():]), todos
        todos.append("the standstill names no event that ends it: write until: by hand")
        return None, todos
    m = _DATE.search(text)
    if m and m.group("m").lower() in MONTHS:
        from datetime import date, timedelta

        d = date(int(m.group("y")), MONTHS[m.group("m").lower()], int(m.group("d")))
        if m.group("pre").lower() in ("vóór", "voor", "before"):
            d -= timedelta(days=1)  # 'vóór 1 januari' is by 31 December; the rule's date is inclusive
        return TimePart("date", {"date": d.isoformat()}, m.group(0)), todos
    m = _WITHIN.search(text)
    if m:
        n_raw = m.group("n").lower()
        n = int(n_raw) if n_raw.isdigit() else NUMBER_WORDS.get(n_raw)
        unit = m.group("u").lower()
        key = ("days" if unit.startswith("dag") or unit.startswith("day") else
               "weeks" if unit.startswith("we") else "months" if unit.startswith("maand")
               or unit.startswith("month") else "years")
        if n:
            return TimePart("within", {"after": "adoption", "within": {key: n}}, m.group(0)), todos
    m = _YEAR_END.search(text)
    if m:
        y = m.group("y1") or m.group("y2") or m.group("y3") or (
            str(int(m.group("y4")) - 1) if m.group("y4") else None) or _year(motion_date)
        if y:
            return TimePart("date", {"date": f"{y}-12-31"}, m.group(0)), todos
        todos.append(f"'{m.group(0)}': the motion's year is not known — write the date by hand")
        return TimePart("vague", None, m.group(0), confirmed=False), todos
    m = _MOMENT.search(text)
    if m:
        doc = re.sub(r"\s+", "_", m.group("doc").lower())
        y = m.group("y") or (str(_year(motion_date)) if _year(motion_date) else "")
        todos.append(f"'{m.group(0)}' is a moment, not a date: the rule waits for the timeline event "
                     "proposed for it — date it there")
        return TimePart("moment", {"event": f"{doc}_{y}".strip("_") + "_presented"}, m.group(0),
                        confirmed=False, note="a moment of the budget cycle"), todos
    m = _SEASON.search(text)
    if m:
        y = _year(motion_date)
        w = m.group(0).lower()
        ends = {"najaar": "12-21", "autumn": "12-21", "voorjaar": "06-20", "spring": "06-20",
                "zomer": "06-30", "summer": "06-30", "kerst": "12-20"}
        md = next((v for k, v in ends.items() if k in w), None)
        if y and md and motion_date and motion_date[5:10] > md:
            y += 1  # "voor de zomer" in a motion of September is next year's summer
        if y and md:
            todos.append(f"'{m.group(0)}' is a window, not a date: {y}-{md} (its last day) proposed — "
                         "confirm")
            return TimePart("date", {"date": f"{y}-{md}"}, m.group(0), confirmed=False,
                            note="the last day of the period named"), todos
        todos.append(f"'{m.group(0)}' names no date the rule can test: write the deadline by hand")
        return TimePart("vague", None, m.group(0), confirmed=False), todos
    m = _VAGUE.search(text)
    if m:
        todos.append(f"'{m.group(0)}' gives no testable deadline: left to the rationale, not made a conflict")
        return TimePart("vague", None, m.group(0), confirmed=False), todos
    return None, todos
