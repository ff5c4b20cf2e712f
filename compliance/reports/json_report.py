"""The JSON report (schema: compliance/schemas/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from compliance.model.output import Report
from compliance.reports import RenderOptions

_OPTIONAL = ("conditional", "scenario", "branches", "would_comply")


def render(report: Report, options: RenderOptions | None = None) -> str:
    items = (*report.findings, *report.motions)
    # Scenario fields appear only for conditional positions: other reports keep their shape.
    if not any(getattr(item, key, None) is not None for item in items for key in _OPTIONAL) \
            and not any(_small_float(f.value) for finding in report.findings for f in finding.facts):
        # pydantic's serialiser writes the same bytes as json.dumps(indent=2) several
        # times faster; only small floats (1e-05 vs 0.00001) are written differently,
        # so a report holding one takes the general path below.
        every = {"__all__": set(_OPTIONAL)}
        try:
            return report.model_dump_json(indent=2, exclude={"findings": every, "motions": every}) + "\n"
        except ValueError:  # pragma: no cover - e.g. a lone surrogate: let json say it
            pass
    data = report.model_dump(mode="json")
    for item in (*data["findings"], *data["motions"]):
        for key in _OPTIONAL:
            if item.get(key, 0) is None:
                del item[key]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _small_float(value: Any) -> bool:
    if isinstance(value, float):
        return value != 0 and abs(value) < 1e-4
    if isinstance(value, list):
        return any(_small_float(v) for v in value)
    return False
