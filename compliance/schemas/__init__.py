"""The published JSON Schemas of every input and output file.

The schemas are generated from the pydantic models (one source of truth) plus the
hand-written recursive schema of conditions, and committed as JSON files so that
editors (via the ``# yaml-language-server: $schema=`` line) and other tools can use
them. ``python -m compliance.schemas`` regenerates them; a test keeps them in sync.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from compliance.conditions.operators import RECORDS

BASE_URI = "https://motion-compliance.example/schemas/"

_ATOM_OPS: dict[str, Any] = {op.name: op.schema for op in RECORDS}

CONDITION_DEFS: dict[str, Any] = {
    "Condition": {
        "description": "all/any/not of conditions, a concept, or an atom {fact: NAME, OP: VALUE}; "
                       "three-valued: a condition over an absent fact is unknown",
        "oneOf": [
            {"type": "object", "required": ["all"], "additionalProperties": False,
             "properties": {"all": {"type": "array", "items": {"$ref": "#/$defs/Condition"},
                                     "minItems": 1}}},
            {"type": "object", "required": ["any"], "additionalProperties": False,
             "properties": {"any": {"type": "array", "items": {"$ref": "#/$defs/Condition"},
                                     "minItems": 1}}},
            {"type": "object", "required": ["not"], "additionalProperties": False,
             "properties": {"not": {"$ref": "#/$defs/Condition"}}},
            {"type": "object", "required": ["concept"], "additionalProperties": False,
             "properties": {"concept": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}}},
            {"type": "object", "required": ["event", "happened"], "additionalProperties": False,
             "description": "the timeline event had happened as of the evaluation date",
             "properties": {"event": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
                            "happened": {"const": True}}},
            {"type": "object", "required": ["fact"], "additionalProperties": False,
             "minProperties": 2, "maxProperties": 2,
             "properties": {"fact": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"}, **_ATOM_OPS}},
        ],
    }
}

FILES = {
    "motion": "motion.schema.json",
    "dossier": "dossier.schema.json",
    "rules": "rules.schema.json",
    "position": "position.schema.json",
    "report": "report.schema.json",
    "timeline": "timeline.schema.json",
    "rule-tests": "rule-tests.schema.json",
}


def _replace_conditions(node: Any) -> Any:
    """Point every free-form condition field of the models at the Condition schema."""
    if isinstance(node, dict):
        if node.get("type") == "object" and node.get("additionalProperties") is True \
                and "properties" not in node and node.get("title") in _CONDITION_TITLES:
            return {"$ref": "#/$defs/Condition"} | (
                {"description": node["description"]} if "description" in node else {})
        return {k: _replace_conditions(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_replace_conditions(v) for v in node]
    return node


_CONDITION_TITLES = {"When", "Applies When", "Conflicts When", "Complies When"}


def build(kind: str) -> dict[str, Any]:
    """Generate the schema of one file kind from its model."""
    from pydantic import BaseModel

    from compliance.model.motion import MotionRecord
    from compliance.model.output import ReportDocument
    from compliance.model.position import Position
    from compliance.model.rules import RuleFile
    from compliance.model.ruletest import RuleTestFile
    from compliance.model.timeline import Timeline
    from compliance.model.vocabulary import Vocabulary

    models: dict[str, type[BaseModel]] = {
        "motion": MotionRecord, "dossier": Vocabulary, "rules": RuleFile, "position": Position,
        "report": ReportDocument, "timeline": Timeline, "rule-tests": RuleTestFile}
    model = models[kind]
    schema = model.model_json_schema(by_alias=True, mode="validation" if kind != "report"
                                     else "serialization")
    schema = _replace_conditions(schema)
    if kind in ("dossier", "rules"):
        schema.setdefault("$defs", {}).update(CONDITION_DEFS)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": BASE_URI + FILES[kind], **schema}


@cache
def load(kind: str) -> dict[str, Any]:
    """The committed schema of one file kind."""
    text = resources.files(__package__).joinpath(FILES[kind]).read_text(encoding="utf-8")
    return json.loads(text)


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
