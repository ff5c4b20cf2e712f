"""`compliance timeline`: per date of the dossier's history, the position in force
and its verdict on every motion as of that date (text table or JSON)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from compliance.dates import PartialDate
from compliance.logic import TRUE
from compliance.model.motion import motion_sort_key
from compliance.text_safety import lines as safe_lines


def timeline_rows(workspace: Path, dossier: str, backend: str = "durable", lang: str = "nl",
                  paths: list[Path] | None = None) -> dict[str, Any]:
    """Dates (adoptions, events, positions) x motions: the in-force position's verdicts."""
    from compliance.api import DEFAULT_POSITIONS, load_positions, load_workspace
    from compliance.backends import get_backend
    from compliance.evaluate import check

    ws = load_workspace(workspace)
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
    engine = get_backend(backend, lang=lang)
    rows = []
    for text in sorted(dates, key=lambda d: (PartialDate.parse(d).first, PartialDate.parse(d).last)):
        when = PartialDate.parse(text)
        in_force = [p for p in positions if PartialDate.parse(p.model.date).on_or_before(when) is TRUE]
        row: dict[str, Any] = {"date": text, "happened": sorted(dates[text]), "position": None,
                               "verdicts": {}}
        if in_force:
            pos = max(in_force, key=lambda p: (PartialDate.parse(p.model.date).first, p.model.id))
            report = check(ws, [pos], engine, lang=lang, as_of=text)  # type: ignore[arg-type]
            row["position"] = pos.model.id
            row["verdicts"] = {m.motion: m.verdict for m in report.motions}
        rows.append(row)
    return {"dossier": dossier, "motions": motions, "rows": rows}


def render_text(data: dict[str, Any]) -> str:
    short = {m: m.replace("provisional-", "prov-") for m in data["motions"]}
    head = f"{'date':<11} {'position in force':<40} " + " ".join(
        f"{short[m]:<16}"[:16] for m in data["motions"])
    lines = [head]
    abbrev = {"conflicts": "CONFLICTS", "undetermined": "undetermined", "complies": "complies",
              "not_applicable": "n/a"}
    for r in data["rows"]:
        cells = " ".join(f"{abbrev.get(r['verdicts'].get(m, ''), '-'):<16}" for m in data["motions"])
        lines.append(f"{r['date']:<11} {(r['position'] or '-'):<40} {cells}".rstrip())
        lines.append(f"{'':<11}   {', '.join(r['happened'])}")
    return safe_lines(lines)  # input text cannot break a line or reach the terminal raw


def register(app: typer.Typer) -> None:
    @app.command()
    def timeline(
        dossier: Annotated[str, typer.Option("--dossier", help="dossier folder name under rules/")]
        = "csam-regulation",
        workspace: Annotated[Path, typer.Option("--workspace", "-w")] = Path("."),
        fmt: Annotated[str, typer.Option("--format", "-f", help="text or json")] = "text",
        lang: Annotated[str, typer.Option("--lang", help="nl or en")] = "nl",
        backend: Annotated[str, typer.Option(help="durable or direct")] = "durable",
    ) -> None:
        """Motions x dates: the verdict of the position in force at each date."""
        from compliance.cli import emit, guarded

        def body() -> int:
            data = timeline_rows(workspace, dossier, backend, lang)
            emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n" if fmt == "json"
                 else render_text(data), None)
            return 0

        guarded(body)
