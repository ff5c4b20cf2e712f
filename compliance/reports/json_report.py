"""The JSON report (schema: compliance/schemas/report.schema.json)."""

from __future__ import annotations

import json

from compliance.model.output import Report


def render(report: Report) -> str:
    return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
