"""What the pages show, worked out in Python so the templates only lay it out: a rule's
conditions as nested readable text, the timeline chart's geometry, verdict labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, cast

from compliance.conditions.ast import All, Atom, ConceptRef, Cond, Flag, Not
from compliance.conditions.values import to_json
from compliance.dates import PartialDate
from compliance.i18n import t
from compliance.loading.workspace import Workspace
from compliance.model.common import Lang
from compliance.reports.labels import show, verdict_label

VERDICT_CLASS = ("conflicts-undeclared", "conflicts-declared", "undetermined", "complies",
                 "not_applicable")


def kind(verdict: str, declared: bool | None) -> str:
    """The verdict as pages colour it: a conflict splits by whether it was declared."""
    if verdict != "conflicts":
        return verdict
    return "conflicts-declared" if declared is True else "conflicts-undeclared"


def label(verdict: str, declared: bool | None, lang: str) -> str:
    return verdict_label(verdict, declared, lang)


@dataclass
class Node:
    text: str
    children: list[Node] = field(default_factory=list)


OPS = {"equals": "=", "one_of": "∈", "contains": "∋", "contains_any": "∩≠∅", "contains_all": "⊇",
       "subset_of": "⊆", "lt": "<", "le": "≤", "gt": ">", "ge": "≥"}


def cond_tree(cond: Cond, ws: Workspace, dossier: str, lang: str, depth: int = 0) -> Node:
    """A condition as readable nested text: 'all of', 'any of', 'not', each fact with its
    meaning, concepts opened to their definition."""
    vocab = ws.vocabularies[dossier]
    if isinstance(cond, Atom):
        fact = vocab.model.facts.get(cond.fact)
        meaning = fact.description.get(cast(Lang, lang)) if fact else ""
        if cond.op == "known":
            return Node(t("wb_cond_known", lang, fact=cond.fact, meaning=meaning))
        value = to_json(cond.value)
        words = t(f"wb_op_{cond.op}", lang)
        return Node(f"{cond.fact} {words} {show(value)} — {meaning}")
    if isinstance(cond, Flag):
        if cond.kind is None:
            return Node(t("event_happened", lang, event=cond.event))
        return Node(t("step_open", lang, kind=cond.kind, event=cond.event))
    if isinstance(cond, ConceptRef):
        concept = vocab.model.concepts[cond.name]
        meaning = concept.description.get(cast(Lang, lang))
        node = Node(t("wb_cond_concept", lang, name=cond.name, meaning=meaning))
        if depth < 12:
            node.children = [cond_tree(vocab.concepts[cond.name], ws, dossier, lang, depth + 1)]
        return node
    if isinstance(cond, Not):
        return Node(t("wb_cond_not", lang), [cond_tree(cond.item, ws, dossier, lang, depth + 1)])
    word = "wb_cond_all" if isinstance(cond, All) else "wb_cond_any"
    if isinstance(cond, All) and not cond.items:
        return Node(t("wb_cond_always", lang))
    return Node(t(word, lang), [cond_tree(c, ws, dossier, lang, depth + 1) for c in cond.items])


# --- the timeline chart ---------------------------------------------------------------------
@dataclass
class Band:
    x: float
    width: float
    kind: str
    title: str


@dataclass
class Mark:
    x: float
    title: str
    label: str = ""
    y: float = 10  # events close together get their numbers staggered


@dataclass
class Row:
    motion: str
    name: str
    y: float
    bands: list[Band]
    adopted: Mark | None
    title: str = ""


@dataclass
class Chart:
    dossier: str
    width: int
    height: int
    left: int
    rows: list[Row]
    events: list[Mark]
    positions: list[Mark]
    ticks: list[Mark]
    row_height: int


def kamerstuk_url(ks: Any) -> str:
    """The paper's page on the official publications site, built from its number (nothing
    is fetched): ``kst-<first dossier>-<number>``."""
    first = str(ks.dossier).split("/")[0]
    return f"https://zoek.officielebekendmakingen.nl/kst-{first}-{ks.number}.html"


def row_label(record: Any) -> str:
    """A chart row: the Kamerstuk number and the first submitter (five motions are all
    called "Motie Beckerman c.s.")."""
    first = next((s for s in record.submitters if getattr(s, "first", False)), record.submitters[0])
    who = first.name + (" c.s." if len(record.submitters) > 1 else "")
    number = f"{record.kamerstuk.dossier.split('/')[0]}-{record.kamerstuk.number}" if record.kamerstuk \
        else "-".join(record.id.removeprefix("provisional-").split("-")[:2])
    return f"{number} {who}"


def chart(data: dict[str, Any], ws: Workspace, lang: str, *, width: int = 960,
          declared: dict[tuple[str, str], bool | None] | None = None) -> Chart:
    """Geometry of the timeline chart: one row per motion of the dossier, time along x,
    a band per period coloured by the verdict of the position then in force."""
    rows_in = data["rows"]
    left, right, row_h, top = 250, 16, 26, 46
    dates = [PartialDate.parse(r["date"]).first for r in rows_in]
    if not dates:
        return Chart(data["dossier"], width, top + 20, left, [], [], [], [], row_h)
    start = date(min(dates).year, 1, 1)
    end = date(max(dates).year + 1, 1, 1)
    span = (end - start).days or 1
    plot = width - left - right

    def x(d: date) -> float:
        return round(left + plot * (d - start).days / span, 1)

    rows: list[Row] = []
    for i, m in enumerate(data["motions"]):
        record = ws.motions[m].record
        y = top + i * row_h
        bands = []
        for j, r in enumerate(rows_in):
            x0 = x(dates[j])
            x1 = x(dates[j + 1]) if j + 1 < len(rows_in) else x(end)
            if x1 <= x0:
                continue
            verdict = r["verdicts"].get(m)
            k = verdict if verdict in (None, "complies", "undetermined", "not_applicable") else \
                kind("conflicts", (declared or {}).get((r["position"], m)))
            k = k or "none"
            until = rows_in[j + 1]["date"] if j + 1 < len(rows_in) else "…"
            what = (t(f"wb_kind_{k}", lang) if verdict else t("wb_no_position", lang))
            bands.append(Band(x0, round(x1 - x0, 1), k,
                              f"{row_label(record)}: {r['date']} – {until}: {what}"
                              + (f" ({r['position']})" if r["position"] else "")))
        voted = record.dates.voted
        adopted = Mark(x(PartialDate.parse(voted).first), t("wb_adopted_on", lang, date=voted)) \
            if voted and record.result == "adopted" else None
        rows.append(Row(m, row_label(record), y, bands, adopted,
                        f"{record.short_name} ({record.cite(lang)})"))
    events: list[Any] = []
    positions: list[Any] = []
    timeline = ws.timelines.get(data["dossier"])
    n = 0
    for e in timeline.sorted_events() if timeline else []:
        if e.date:
            n += 1
            ex = x(PartialDate.parse(e.date).first)
            close = bool(events) and ex - events[-1].x < 16 and events[-1].y == 10
            name = f"{e.title.get(cast(Lang, lang))} ({e.date})"
            events.append(Mark(ex, name, str(n), 24 if close else 10))
    for r in rows_in:
        if r["position"] and any(h.startswith("position:") for h in r["happened"]):
            positions.append(Mark(x(PartialDate.parse(r["date"]).first), f"{r['position']}: {r['date']}"))
    ticks = [Mark(x(date(y, 1, 1)), str(y), str(y)) for y in range(start.year, end.year)]
    height = top + len(rows) * row_h + 24
    return Chart(data["dossier"], width, height, left, rows, events, positions, ticks, row_h)


class Words:
    """Facts and values by their descriptions from the vocabulary, in the page's language
    (the templates show the id on hover): ``vf.fact(dossier, name)``, ``vf.value(...)``."""

    def __init__(self, ws: Workspace | None, lang: str) -> None:
        self.ws = ws
        self.lang = cast(Lang, lang)

    def _fact(self, dossier: str | None, name: str) -> Any:
        if self.ws is None:
            return None
        vocabs = [self.ws.vocabularies[dossier]] if dossier in self.ws.vocabularies else \
            list(self.ws.vocabularies.values())
        for v in vocabs:
            if name in v.model.facts:
                return v.model.facts[name]
        return None

    def fact(self, dossier: str | None, name: str, limit: int = 90) -> str:
        fact = self._fact(dossier, name)
        if fact is None:
            return name
        text = fact.description.get(self.lang).strip().rstrip(".")
        return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"

    def value(self, dossier: str | None, name: str, value: Any) -> str:
        fact = self._fact(dossier, name)
        if isinstance(value, bool):
            return t("wb_yes" if value else "wb_no", self.lang)
        if fact is not None and fact.values:
            if isinstance(value, list):
                return ", ".join(self.value(dossier, name, v) for v in value) or "∅"
            if isinstance(value, str) and value in fact.values:
                return fact.values[value].get(self.lang)
        return show(value)


def standing_changes(ws: Workspace, pos: Any, others: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """What ``pos`` changes against the standing position before it, and what it leaves
    standing, each with its origin (compliance.evaluate.standing; nothing decided here):
    the position before it is the standing one of a letter that states only its text's
    identity, so text facts are compared only within the same text."""
    from dataclasses import replace

    from compliance.evaluate.standing import standing

    others = [q for q in others if q.file != pos.file]
    ids = ws.vocabularies[pos.model.dossier].model.text_identity
    bare = replace(pos, facts={i: pos.facts[i] for i in ids if i in pos.facts}, branches=[])
    before = standing(ws, bare, others)
    now = standing(ws, pos, others)
    changed = [{"name": n, "old": before.facts[n], "new": pos.facts[n], "origin": before.carried[n]}
               for n in sorted(pos.facts) if n in before.carried and before.facts[n] != pos.facts[n]]
    carried = [{"name": n, "value": now.facts[n], "origin": now.carried[n]} for n in sorted(now.carried)]
    return {"changed": changed, "carried": carried}
