"""Check a loaded YAML document against its published JSON Schema and its model,
turning every problem into ``file:line:col: problem — fix``."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

import jsonschema
from jsonschema.exceptions import ValidationError, best_match
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from compliance import schemas
from compliance.errors import InputError
from compliance.loading.yaml_safe import Document
from compliance.text_safety import excerpt

# the schema's words for the types a value was found to have
_JSON_TYPES = {str: "string", int: "integer", float: "number", bool: "boolean", list: "list",
               dict: "mapping", type(None): "null"}


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"

M = TypeVar("M", bound=BaseModel)

_validators: dict[str, jsonschema.protocols.Validator] = {}


def _validator(kind: str) -> Any:
    if kind not in _validators:
        schema = schemas.load(kind)
        cls = jsonschema.validators.validator_for(schema)
        _validators[kind] = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return _validators[kind]


def _schema_at(error: ValidationError) -> dict[str, Any]:
    return error.schema if isinstance(error.schema, dict) else {}


def _errors_for(doc: Document, error: ValidationError, kind: str) -> list[InputError]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        return _alternatives(doc, error, kind)
    path = tuple(error.absolute_path)
    schema = _schema_at(error)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        out = []
        for key in sorted(set(error.instance) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1)
            fix = f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}"
            out.append(doc.error((*path, key), f"unknown key {excerpt(repr(key), 60)}", fix, key=True))
        return out
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [doc.error(path, f"missing required key '{missing}'", f"add '{missing}: ...'")]
    if error.validator == "enum":
        options = ", ".join(str(o) for o in error.validator_value)
        close = difflib.get_close_matches(str(error.instance), [str(o) for o in error.validator_value], n=1)
        fix = f"did you mean '{close[0]}'?" if close else f"use one of: {options}"
        return [doc.error(path, f"{excerpt(repr(error.instance))} is not an allowed value", fix)]
    if error.validator == "type":
        want = error.validator_value
        found = _JSON_TYPES.get(type(error.instance), type(error.instance).__name__)
        fix = f"write {_a(str(want))} {want} here"
        if want == "string" and isinstance(error.instance, int | float | bool):
            fix += f": quote it, '{error.instance}'"
        return [doc.error(path, f"{_named(path)}expected {want}, found {found} "
                          f"{excerpt(repr(error.instance))}", fix)]
    if error.validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum") \
            and isinstance(error.instance, int | float) and not isinstance(error.instance, bool):
        bound = error.validator_value
        name = _named(path).removesuffix(": ") + " " if _named(path) else ""
        limit = {"minimum": f"at least {bound}", "maximum": f"at most {bound}",
                 "exclusiveMinimum": f"more than {bound}", "exclusiveMaximum": f"less than {bound}"}
        return [doc.error(path, f"{name}{error.instance} is out of range: it must be "
                          f"{limit[str(error.validator)]}", f"write a number {limit[str(error.validator)]}")]
    if error.validator == "pattern":
        hint = schema.get("description") or f"match the pattern {error.validator_value}"
        return [doc.error(path, f"{excerpt(repr(error.instance))} has the wrong form", hint)]
    return [doc.error(path, excerpt(error.message, 200),
                      f"see the schema compliance/schemas/{schemas.FILES[kind]}")]


def _named(path: tuple[Any, ...]) -> str:
    """The key a message is about, so a child's problem is not read as its parent's."""
    return f"{excerpt(repr(path[-1]), 60)}: " if path and isinstance(path[-1], str) else ""


def _alternatives(doc: Document, error: ValidationError, kind: str) -> list[InputError]:
    """A value none of the alternatives takes: the problem inside the alternatives of its
    type (``within: {days: 0}`` is a wrong period, not a mapping where a null should be);
    only when no alternative takes its type at all, the types it could have."""
    branches: dict[Any, list[ValidationError]] = {}
    for e in error.context or ():
        branches.setdefault(e.relative_schema_path[0] if e.relative_schema_path else 0, []).append(e)
    wrong_type = {b for b, errs in branches.items()
                  if any(e.validator == "type" and not e.relative_path for e in errs)}
    fitting = [e for b, errs in branches.items() if b not in wrong_type for e in errs]
    if fitting:
        return _errors_for(doc, best_match(fitting), kind)
    if error.validator == "oneOf" and not branches:  # more than one took it
        return [doc.error(tuple(error.absolute_path), excerpt(error.message, 200),
                          f"see the schema compliance/schemas/{schemas.FILES[kind]}")]
    wants = sorted({str(w) for errs in branches.values() for e in errs
                    if e.validator == "type" and not e.relative_path
                    for w in (e.validator_value if isinstance(e.validator_value, list)
                              else [e.validator_value])})
    if error.instance is not None and len(wants) > 1:
        wants = [w for w in wants if w != "null"]  # null there means "leave it out", not a value to write
    found = _JSON_TYPES.get(type(error.instance), type(error.instance).__name__)
    want = " or ".join(wants) or "another value"
    path = tuple(error.absolute_path)
    return [doc.error(path, f"{_named(path)}expected {want}, found {found} {excerpt(repr(error.instance))}",
                      f"write {_a(wants[0] if wants else 'a')} {want} here")]


def check_schema(doc: Document, kind: str) -> list[InputError]:
    """Every schema violation of ``doc``, in document order."""
    errors: list[InputError] = []
    for error in _validator(kind).iter_errors(doc.data):
        errors.extend(_errors_for(doc, error, kind))
    return sorted(set(errors))


def build_model(doc: Document, model: type[M]) -> tuple[M | None, list[InputError]]:
    """Construct the typed model (after the schema passed); map its errors to lines."""
    try:
        return model.model_validate(doc.data), []
    except PydanticError as e:
        out = []
        for err in e.errors():
            msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
            out.append(doc.error(tuple(err.get("loc", ())), msg, "correct this value"))
        return None, out


def load_checked(doc: Document, kind: str, model: type[M]) -> tuple[M | None, list[InputError]]:
    errors = check_schema(doc, kind)
    if errors:
        return None, errors
    return build_model(doc, model)
