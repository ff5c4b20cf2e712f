"""The published JSON Schemas are what the models generate, and every bundled file
(and a report) validates against them with jsonschema alone."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from compliance import schemas
from compliance.api import run_check
from compliance.loading.yaml_safe import load_file
from compliance.reports import render
from tests.conftest import ROOT

SCHEMA_DIR = ROOT / "compliance" / "schemas"
PREFIX = "# yaml-language-server: $schema="


def kind_of(path: Path) -> str:
    rel = path.relative_to(ROOT).parts
    if rel[0] == "motions":
        return "motion"
    if rel[0] == "rules" and rel[2:3] == ("tests",):
        return "rule-tests"
    if rel[0] == "rules":
        return {"dossier.yaml": "dossier", "timeline.yaml": "timeline"}.get(path.name, "rules")
    if rel[0] == "examples" and rel[1] in ("positions", "scenarios"):
        return "position"
    raise AssertionError(f"no schema kind for {path}")


def data_files() -> list[Path]:
    files = [p for folder in ("motions", "rules", "examples") for p in (ROOT / folder).rglob("*")
             if p.suffix in (".yaml", ".yml")]
    return sorted(files)


def validator(kind: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / schemas.FILES[kind]).read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.mark.parametrize("kind", sorted(schemas.FILES))
def test_published_schema_equals_generated(kind: str) -> None:
    published = (SCHEMA_DIR / schemas.FILES[kind]).read_text(encoding="utf-8")
    assert published == schemas.dump(schemas.build(kind)), (
        f"{schemas.FILES[kind]} is stale: run python -m compliance.schemas and commit")
    assert schemas.load(kind) == schemas.build(kind)


def test_there_are_files_of_every_input_kind() -> None:
    assert {kind_of(p) for p in data_files()} == set(schemas.FILES) - {"report"}


@pytest.mark.parametrize("path", data_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_bundled_file_validates_and_names_its_schema(path: Path) -> None:
    kind = kind_of(path)
    doc = load_file(path)
    errors = sorted(validator(kind).iter_errors(doc.data), key=lambda e: list(e.absolute_path))
    assert errors == [], [f"{list(e.absolute_path)}: {e.message}" for e in errors]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(PREFIX), f"{path} lacks a '{PREFIX}...' first line"
    target = (path.parent / first.removeprefix(PREFIX)).resolve()
    assert target.is_file(), target
    assert target == (SCHEMA_DIR / schemas.FILES[kind]).resolve()


def test_a_report_validates_against_the_report_schema() -> None:
    report = run_check(ROOT, lang="en")
    data = json.loads(render(report, "json"))
    assert data["schema_version"] == "2.0"
    errors = list(validator("report").iter_errors(data))
    assert errors == [], [e.message for e in errors]
    # and not vacuously: a finding with a v1 field, or a verdict that is none, is refused
    finding = data["findings"][0]
    assert list(validator("report").iter_errors({**data, "findings": [{**finding, "verdict": "maybe"}]}))
    assert list(validator("report").iter_errors({**data, "findings": [{**finding, "reasons": [{}]}]}))
    assert list(validator("report").iter_errors({**data, "positions": {"p": {"file": "x"}}}))


def test_schema_rejects_what_the_loader_rejects() -> None:
    """The schemas are not vacuous: an unknown key and a malformed date are refused."""
    doc = load_file(ROOT / "examples/positions/2023-09-18-geannoteerde-agenda-jbz.yaml")
    v = validator("position")
    assert not list(v.iter_errors(doc.data))
    assert list(v.iter_errors({**doc.data, "actr": "x"}))
    assert list(v.iter_errors({**doc.data, "date": "18-09-2023"}))
    assert list(v.iter_errors({k: x for k, x in doc.data.items() if k != "dossier"}))
