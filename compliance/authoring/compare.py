"""``check --compare-interpretations``: the verdict of every clause under each named
formalisation of its motion (the other motions at their defaults), and where they diverge."""

from __future__ import annotations

import json
from typing import Any

from compliance.backends import Backend
from compliance.evaluate import check
from compliance.loading.workspace import LoadedPosition, Workspace
from compliance.model.motion import motion_sort_key
from compliance.text_safety import lines as safe_lines


def compare(ws: Workspace, positions: list[LoadedPosition], backend: Backend, *, lang: str = "nl",
            as_of: str | None = None) -> dict[str, Any]:
    # only the motions of the positions' own dossiers: another dossier's never apply
    dossiers = {p.model.dossier for p in positions}
    motions = {m: [i.name for i in r.model.interpretations] for m, r in ws.rules.items()
               if len(r.model.interpretations) > 1 and r.model.dossier in dossiers}
    rows: list[dict[str, Any]] = []
    for motion in sorted(motions, key=motion_sort_key):
        verdicts: dict[tuple[str, int], dict[str, str]] = {}
        for name in motions[motion]:
            report = check(ws, positions, backend, lang=lang, as_of=as_of,  # type: ignore[arg-type]
                           interpretations={motion: name})
            for f in report.findings:
                if f.motion == motion:
                    verdicts.setdefault((f.position, f.clause), {})[name] = f.verdict
        for (position, clause), by_name in sorted(verdicts.items()):
            rows.append({"position": position, "motion": motion, "clause": clause, "verdicts": by_name,
                         "differs": len(set(by_name.values())) > 1})
    defaults = {m: ws.rules[m].model.default_interpretation().name for m in motions}
    return {"interpretations": motions, "defaults": defaults, "rows": rows,
            "diverging": sum(1 for r in rows if r["differs"])}


def render_json(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_text(data: dict[str, Any], lang: str) -> str:
    from compliance.i18n import t

    lines = []
    for motion, names in data["interpretations"].items():
        shown = ", ".join(f"{n}*" if n == data["defaults"][motion] else n for n in names)
        lines.append(f"{t('motion', lang)} {motion}: {shown}")
    current = None
    for r in data["rows"]:
        if r["position"] != current:
            current = r["position"]
            lines.append(f"{t('position', lang)} {current}")
        cells = " | ".join(f"{n}: {t(v, lang).upper() if v == 'conflicts' else t(v, lang)}"
                           for n, v in r["verdicts"].items())
        mark = "  <- " + ("verschilt" if lang == "nl" else "differs") if r["differs"] else ""
        lines.append(f"  {r['motion']}#{r['clause']}: {cells}{mark}")
    word = "oordelen verschillen per interpretatie" if lang == "nl" else "verdicts differ between readings"
    lines.append(f"{data['diverging']} {word}")
    return safe_lines(lines)  # input text cannot break a line or reach the terminal raw
