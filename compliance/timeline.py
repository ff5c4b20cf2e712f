"""A dossier's history: per date (adoptions, timeline events, positions) the position in
force and its verdict on every motion as of that date, and the state of every duty of
conduct then (a letter counts as evidence from its own date; '?' marks a motion whose vote
is unknown). Rendered as a text table or JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from compliance.api import DEFAULT_POSITIONS, load_positions, load_workspace
from compliance.backends import get_backend
from compliance.dates import PartialDate
from compliance.errors import InputError, InputErrors, Text, did_you_mean, msg, one_of
from compliance.evaluate import check
from compliance.evaluate.duties import letters_of
from compliance.evaluate.duty_list import duties
from compliance.i18n import t
from compliance.logic import TRUE
from compliance.model.common import Lang
from compliance.model.motion import motion_sort_key
from compliance.text_safety import lines as safe_lines
from compliance.verdict import VERDICTS

FORMATS = ("text", "json")


def timeline_rows(workspace: Path, dossier: str | None, backend: str = "durable", lang: Lang = "nl",
                  paths: list[Path] | None = None) -> dict[str, Any]:
    """Dates (adoptions, events, positions, deadlines and the day after each, ends of
    recurring periods) x motions: the in-force position's verdicts. Without a dossier,
    the workspace's only one. Raises InputErrors for a dossier the workspace does not have."""
    ws = load_workspace(workspace)
    if dossier is None:
        if len(ws.vocabularies) != 1:
            n = len(ws.vocabularies)
            raise InputErrors([InputError("--dossier", 1, 1, Text(f"name the dossier (the workspace has {n})",
                                                                  "noem het dossier (de werkruimte heeft er "
                                                                  f"{n})"),
                                          one_of(ws.vocabularies))])
        dossier = next(iter(ws.vocabularies))
    if dossier not in ws.vocabularies:
        raise InputErrors([InputError("--dossier", 1, 1, msg("e_no_dossier", dossier=dossier),
                                      did_you_mean(dossier, ws.vocabularies) or one_of(ws.vocabularies))])
    positions = [p for p in load_positions(ws, paths or [workspace / DEFAULT_POSITIONS])
                 if p.model.dossier == dossier]
    motions = sorted((m for m, lm in ws.motions.items() if dossier in lm.record.dossiers),
                     key=motion_sort_key)
    dates: dict[str, list[str]] = {}
    for m in motions:
        voted = ws.motions[m].record.dates.voted
        if voted:
            dates.setdefault(voted, []).append(f"adopted:{m}")
    timeline = ws.timelines.get(dossier)
    for e in timeline.sorted_events() if timeline else []:
        if e.date:
            dates.setdefault(e.date, []).append(f"event:{e.id}")
    for p in positions:
        dates.setdefault(p.model.date, []).append(f"position:{p.model.id}")
    last = max((PartialDate.parse(d).last for d in dates), default=None)
    for m in motions:
        for key, day in _clock_days(ws, m, timeline, last):
            dates.setdefault(day, []).append(key)
    engine = get_backend(backend, lang=lang)
    letters = letters_of(positions, lang)
    rows = []
    for text in sorted(dates, key=lambda d: (PartialDate.parse(d).first, PartialDate.parse(d).last)):
        when = PartialDate.parse(text)
        in_force = [p for p in positions if PartialDate.parse(p.model.date).on_or_before(when) is TRUE]
        row: dict[str, Any] = {"date": text, "happened": sorted(dates[text]), "position": None,
                               "verdicts": {}}
        # the duties of conduct as of this date (compliance duties): the dossier's, not the
        # position's, with every letter so far that declares it gives effect to a motion
        row["duties"] = {f"{d.motion}#{d.clause}": d.state if d.adoption == "adopted" else f"{d.state}?"
                         for d in duties(ws, [dossier], {dossier: when}, letters, lang)}
        if in_force:
            pos = max(in_force, key=lambda p: (PartialDate.parse(p.model.date).first, p.model.id))
            report = check(ws, [pos], engine, lang=lang, as_of=text)
            row["position"] = pos.model.id
            row["verdicts"] = {m.motion: m.verdict for m in report.motions}
        rows.append(row)
    return {"dossier": dossier, "motions": motions, "rows": rows}


def _clock_days(ws: Any, motion: str, timeline: Any, last: Any) -> list[tuple[str, str]]:
    """A deadline's last day and the day after it (when it passes); a recurring duty's
    period ends up to the last date shown (or the duty's end)."""
    from datetime import date, timedelta

    from compliance.deadlines import anchor_window, deadline_window

    rules = ws.rules.get(motion)
    interp = ws.interpretation_for(motion, None)
    if rules is None or interp is None or timeline is None:
        return []
    out = []
    for c in rules.compiled[interp]:
        if c.clock is None:
            continue
        if c.clock.kind == "deadline":
            w = deadline_window(c.clock, timeline)
            if w is not None:
                out.append((f"deadline:{c.key}", w[1].isoformat()))
                if w[1] < date.max:  # no day after the calendar's last for it to have passed on
                    out.append((f"deadline-passed:{c.key}", (w[1] + timedelta(days=1)).isoformat()))
            continue
        start = anchor_window(c.clock, timeline)
        if start is None or c.clock.offset is None or last is None:
            continue
        end = last
        if c.clock.until_event is not None:
            ev = timeline.events.get(c.clock.until_event)
            if ev is not None and ev.date is not None:
                end = min(end, PartialDate.parse(ev.date).last)
        from compliance.dates import add_period
        unit, n = c.clock.offset
        k = 1
        while (day := add_period(start[1], unit, n * k)) <= end and k < 1000:
            out.append((f"period-end:{c.key}", day.isoformat()))
            k += 1
    return out


def render_text(data: dict[str, Any], lang: Lang = "en") -> str:
    short = {m: m.replace("provisional-", "prov-") for m in data["motions"]}
    head = f"{t('tl_date', lang):<11} {t('tl_in_force', lang):<40} " + " ".join(
        f"{short[m]:<16}"[:16] for m in data["motions"])
    lines = [head]
    abbrev = {v: t(f"tl_{v}", lang) for v in VERDICTS}
    for r in data["rows"]:
        cells = " ".join(f"{abbrev.get(r['verdicts'].get(m, ''), '-'):<16}" for m in data["motions"])
        lines.append(f"{r['date']:<11} {(r['position'] or '-'):<40} {cells}".rstrip())
        lines.append(f"{'':<11}   {', '.join(r['happened'])}")
        if r.get("duties"):
            lines.append(f"{'':<11}   {t('tl_duties', lang)}: "
                         + ", ".join(f"{k} {v}" for k, v in r["duties"].items()))
    return safe_lines(lines)  # input text cannot break a line or reach the terminal raw


def render(data: dict[str, Any], fmt: str, lang: Lang = "en") -> str:
    """The timeline in a format of FORMATS (JSON is the same in both languages)."""
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return render_text(data, lang)
