"""The references of a letter set against the workspace: which cited motions have a
record, which have rules, which have neither; and rendering that as text, JSON or
Markdown. Pure: the caller passes in what the workspace holds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

from compliance.ingest.refs import CitedPaper, KamerstukRef, Refs
from compliance.model.motion import MotionRecord
from compliance.text_safety import line, md

Status = Literal["record and rules", "record, no rules", "no record"]


@dataclass(frozen=True)
class Known:
    """What the workspace knows, reduced to what a cross-reference needs."""

    records: dict[KamerstukRef, str] = field(default_factory=dict)  # kamerstuk -> motion id
    with_rules: frozenset[str] = frozenset()
    cited_by: dict[KamerstukRef, tuple[str, ...]] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: list[MotionRecord], with_rules: set[str]) -> Known:
        by_ref: dict[KamerstukRef, str] = {}
        cited: dict[KamerstukRef, set[str]] = {}
        for r in records:
            if r.kamerstuk:
                by_ref[(r.kamerstuk.dossier, r.kamerstuk.number)] = r.id
            sources = [*r.sources, *(e.source for e in r.execution)]
            if r.vote and r.vote.source:
                sources.append(r.vote.source)
            for s in sources:
                if s.kamerstuk:
                    cited.setdefault((s.kamerstuk.dossier, s.kamerstuk.number), set()).add(r.id)
        return cls(by_ref, frozenset(with_rules),
                   {k: tuple(sorted(v)) for k, v in cited.items()})


@dataclass(frozen=True)
class PaperStatus:
    paper: CitedPaper
    role: Literal["motion", "letter"]
    record: str | None
    rules: bool
    cited_by: tuple[str, ...]  # motion records that cite this paper as a source

    @property
    def status(self) -> Status | None:
        if self.role != "motion":
            return None
        if self.record is None:
            return "no record"
        return "record and rules" if self.rules else "record, no rules"


def cross_reference(refs: Refs, known: Known) -> list[PaperStatus]:
    out = []
    for p in refs.papers():
        record = known.records.get((p.dossier, p.number))
        # a paper the workspace holds as a motion record is a motion even if the
        # letter never names it as one
        role: Literal["motion", "letter"] = "motion" if p.role == "motion" or record else "letter"
        out.append(PaperStatus(p, role, record, record in known.with_rules if record else False,
                               () if role == "motion" else known.cited_by.get((p.dossier, p.number),
                                                                              ())))
    return out


# -- rendering -----------------------------------------------------------------------------


def as_data(file: str, refs: Refs, papers: list[PaperStatus]) -> dict[str, Any]:
    motions = [s for s in papers if s.role == "motion"]
    return {
        "file": file,
        "summary": {
            "citations": len(refs.citations),
            "papers": len(papers),
            "motions": len(motions),
            "motions_with_rules": sum(s.status == "record and rules" for s in motions),
            "motions_with_record_only": sum(s.status == "record, no rules" for s in motions),
            "motions_without_record": sum(s.status == "no record" for s in motions),
            "letters": len(papers) - len(motions),
            "motion_mentions": len(refs.motions),
            "unresolved_motion_mentions": sum(not m.kamerstukken for m in refs.motions),
            "dates": len(refs.dates),
        },
        "citations": [
            {"line": c.line, "column": c.column, "text": c.text,
             "dossiers": list(c.dossiers), "numbers": list(c.numbers),
             "ids": [f"{d.split('/')[0]}-{n}" for d, n in c.kamerstukken],
             "footnote": c.footnote}
            for c in refs.citations
        ],
        "motion_mentions": [
            {"line": m.line, "column": m.column, "text": m.text, "name": m.name,
             "footnote": m.marker, "ids": [f"{d.split('/')[0]}-{n}" for d, n in m.kamerstukken],
             "resolved_by": m.resolved_by,
             "candidates": [f"{d.split('/')[0]}-{n}" for d, n in m.candidates]}
            for m in refs.motions
        ],
        "papers": [
            {"id": s.paper.id, "cite": s.paper.cite(), "dossier": s.paper.dossier,
             "number": s.paper.number, "role": s.role, "lines": list(s.paper.lines),
             "named": list(s.paper.mentioned_as), "record": s.record, "rules": s.rules,
             "status": s.status, "cited_by": list(s.cited_by)}
            for s in papers
        ],
        "dates": [
            {"line": d.line, "column": d.column, "text": " ".join(d.raw.split()), "date": d.iso,
             "last_day": d.last_day}
            for d in refs.dates
        ],
    }


def render_json(items: list[dict[str, Any]]) -> str:
    return json.dumps({"files": items}, ensure_ascii=False, indent=2) + "\n"


def _paper_line(p: dict[str, Any]) -> str:
    if p["role"] == "motion":
        named = f" ({', '.join(p['named'])})" if p["named"] else ""
        record = f" {p['record']}" if p["record"] else ""
        return f"motion  {p['cite']}{named}: {p['status']}{record}"
    cited = f"; source of {', '.join(p['cited_by'])}" if p["cited_by"] else ""
    return f"letter  {p['cite']}{cited}"


def render_text(items: list[dict[str, Any]]) -> str:
    out: list[str] = []
    for it in items:
        f, s = it["file"], it["summary"]
        out.append(f"{f}: {s['citations']} citations of {s['papers']} papers "
                   f"({s['motions']} motions, {s['letters']} letters), "
                   f"{s['motion_mentions']} motion mentions, {s['dates']} dates")
        out.append("citations:")
        out += [f"  {f}:{c['line']}:{c['column']}: {c['text']}"
                + (f"  [footnote {c['footnote']}]" if c["footnote"] else "")
                for c in it["citations"]]
        out.append("motion mentions:")
        for m in it["motion_mentions"]:
            target = ", ".join(m["ids"]) or "unresolved"
            how = f" ({m['resolved_by']})" if m["resolved_by"] else ""
            cands = f" candidates: {', '.join(m['candidates'])}" if m["candidates"] else ""
            out.append(f"  {f}:{m['line']}:{m['column']}: {m['text']} -> {target}{how}{cands}")
        out.append("papers:")
        out += [f"  {p['id']:<12} {_paper_line(p)}" for p in it["papers"]]
        out.append("dates:")
        out += [f"  {f}:{d['line']}:{d['column']}: {d['text']} = {d['date']}"
                + (f"..{d['last_day']:02d}" if d["last_day"] else "") for d in it["dates"]]
        out.append("")
    return "\n".join(line(x) for x in out)  # a letter's text cannot break a line or reach the terminal


_md = md  # the one Markdown escaping of every producer (compliance.text_safety)


def render_markdown(items: list[dict[str, Any]]) -> str:
    out: list[str] = []
    for it in items:
        f, s = it["file"], it["summary"]
        out += [f"# References in {_md(f)}", "",
                f"{s['citations']} citations of {s['papers']} papers: {s['motions']} motions "
                f"({s['motions_with_rules']} with rules, {s['motions_with_record_only']} with a "
                f"record only, {s['motions_without_record']} without a record) and "
                f"{s['letters']} letters.", "",
                "## Papers", "", "| id | citation | role | named | record | rules | lines |",
                "|---|---|---|---|---|---|---|"]
        for p in it["papers"]:
            out.append(f"| {p['id']} | {_md(p['cite'])} | {p['role']} | "
                       f"{_md(', '.join(p['named']))} | {p['record'] or '—'} | "
                       f"{'yes' if p['rules'] else '—'} | {', '.join(map(str, p['lines']))} |")
        out += ["", "## Citations", "", "| line:col | text | footnote |", "|---|---|---|"]
        out += [f"| {c['line']}:{c['column']} | {_md(c['text'])} | {c['footnote'] or ''} |"
                for c in it["citations"]]
        out += ["", "## Motion mentions", "", "| line:col | text | resolves to | how |",
                "|---|---|---|---|"]
        out += [f"| {m['line']}:{m['column']} | {_md(m['text'])} | "
                f"{', '.join(m['ids']) or 'unresolved'} | {m['resolved_by'] or ''} |"
                for m in it["motion_mentions"]]
        out += ["", "## Dates", "", "| line:col | text | date |", "|---|---|---|"]
        out += [f"| {d['line']}:{d['column']} | {_md(d['text'])} | {d['date']} |"
                for d in it["dates"]]
        out.append("")
    return "\n".join(line(x) for x in out)
