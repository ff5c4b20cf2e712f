"""The JSON report (schema: compliance/schemas/report.schema.json)."""

from __future__ import annotations

import json

from compliance.model.output import Report
from compliance.reports import RenderOptions


def render(report: Report, options: RenderOptions | None = None) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
