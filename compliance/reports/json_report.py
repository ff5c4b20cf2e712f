"""The JSON report (schema: compliance/schemas/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from compliance.model.output import Report


def render(report: Report) -> str:
    # pydantic's serialiser writes the same bytes as json.dumps(indent=2) several
    # times faster; only small floats (1e-05 vs 0.00001) are written differently,
    # so a report holding one takes the slow path.
    if not any(_small_float(f.value) for finding in report.findings for f in finding.facts):
        try:
            return report.model_dump_json(indent=2) + "\n"
        except ValueError:  # pragma: no cover - e.g. a lone surrogate: let json say it
            pass
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def _small_float(value: Any) -> bool:
    if isinstance(value, float):
        return value != 0 and abs(value) < 1e-4
    if isinstance(value, list):
        return any(_small_float(v) for v in value)
    return False
