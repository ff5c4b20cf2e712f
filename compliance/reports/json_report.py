"""The JSON report (schema: compliance/schemas/report.schema.json)."""

from __future__ import annotations

import json

from compliance.model.output import Report
from compliance.reports import RenderOptions

_OPTIONAL = ("conditional", "scenario", "branches", "would_comply")


def render(report: Report, options: RenderOptions | None = None) -> str:
    data = report.model_dump(mode="json")
    # Scenario fields appear only for conditional positions and suggestions only with --suggest:
    # other reports keep their shape.
    for item in (*data["findings"], *data["motions"]):
        for key in _OPTIONAL:
            if item.get(key, 0) is None:
                del item[key]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
