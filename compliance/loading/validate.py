"""Check a loaded YAML document against its published JSON Schema and its model,
turning every problem into ``file:line:col: problem — fix``."""

from __future__ import annotations

import difflib
from typing import Any, TypeVar

import jsonschema
import yaml
from jsonschema.exceptions import ValidationError, best_match
from pydantic import BaseModel
from pydantic import ValidationError as PydanticError

from compliance import schemas
from compliance.errors import InputError, Text, msg, same
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


def _type_word(name: str) -> Text:
    """A schema type's name in both languages (its English word for an unknown one)."""
    from compliance.i18n import all_keys

    return msg(f"e_type_{name}") if f"e_type_{name}" in all_keys() else same(name)


def _types(names: list[str], article: bool = False) -> Text:
    """'string or null' (with ``article``: 'a string or null') in both languages."""
    words = [_type_word(n) for n in names] or [msg("e_s_another")]
    sep = msg("e_s_or")
    en, nl = sep.join(str(w) for w in words), sep.nl.join(w.nl for w in words)
    if article and names:
        # "true of false", "null" are written as they are, without an article
        en, nl = f"{_a(names[0])} {en}", nl if names[0] in ("boolean", "null") else f"een {nl}"
    return Text(en, nl)


def _as_yaml(value: Any) -> str:
    """A value as the file has it: true, false, null, 5, [a, b] (YAML's words, not
    Python's True/None); a string quoted."""
    if isinstance(value, str):
        return repr(value)
    try:
        return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True,
                              width=2**16).removesuffix("\n...\n").strip()
    except yaml.YAMLError:  # pragma: no cover - a loaded document holds YAML's own values
        return repr(value)


def _found(value: Any) -> Text:
    """What was found: 'integer 5', 'list [a]'; a true, false or null names itself."""
    shown = excerpt(_as_yaml(value))
    if isinstance(value, bool) or value is None:
        return same(shown)
    return msg("e_s_found", type=_type_word(_JSON_TYPES.get(type(value), type(value).__name__)),
               value=shown)


def _described(description: str) -> Text:
    """A schema description as a fix: in Dutch too where compliance/i18n.py has it (the
    e_pattern_ keys, whose English is the description), else as the schema words it."""
    from compliance.i18n import all_keys, entry

    for key in all_keys():
        if key.startswith("e_pattern_") and entry(key)["en"] == description:
            return msg(key)
    return same(description)


def _errors_for(doc: Document, error: ValidationError, kind: str) -> list[InputError]:
    if error.validator in ("oneOf", "anyOf") and error.context:
        return _alternatives(doc, error, kind)
    path = tuple(error.absolute_path)
    schema = _schema_at(error)
    value = excerpt(_as_yaml(error.instance))
    named = _named(path)
    see = msg("e_s_see_schema", file=schemas.FILES[kind])
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = sorted(schema.get("properties", {}))
        out = []
        for key in sorted(set(error.instance) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1)
            fix = msg("e_did_you_mean", name=f"'{close[0]}'") if close \
                else msg("e_s_allowed_keys", keys=", ".join(allowed))
            out.append(doc.error((*path, key), msg("e_s_unknown_key", key=excerpt(repr(key), 60)), fix,
                                 key=True))
        return out
    if error.validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return [doc.error(path, msg("e_s_required", key=missing), msg("e_s_required_fix", key=missing))]
    if error.validator == "enum":
        options = [str(o) for o in error.validator_value]
        close = difflib.get_close_matches(str(error.instance), options, n=1)
        fix = msg("e_did_you_mean", name=f"'{close[0]}'") if close \
            else msg("e_use_one_of", options=", ".join(options))
        return [doc.error(path, msg("e_s_enum", value=value), fix)]
    if error.validator == "type":
        want = error.validator_value
        wants = [str(w) for w in want] if isinstance(want, list) else [str(want)]
        if wants == ["string"] and isinstance(error.instance, int | float | bool):
            fix = msg("e_s_quote_fix", value=_as_yaml(error.instance))
        else:
            fix = msg("e_s_type_fix", want=_types(wants, article=True))
        return [doc.error(path, msg("e_s_type", named=named, want=_types(wants),
                                    found=_found(error.instance)), fix)]
    if error.validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum") \
            and isinstance(error.instance, int | float) and not isinstance(error.instance, bool):
        limit = msg(f"e_s_{error.validator}", bound=error.validator_value)
        name = named.removesuffix(": ") + " " if named else ""
        return [doc.error(path, msg("e_s_range", named=name, value=error.instance, limit=limit),
                          msg("e_s_range_fix", limit=limit))]
    if error.validator == "pattern":
        hint = schema.get("description")
        return [doc.error(path, msg("e_s_pattern", value=value),
                          _described(hint) if hint else msg("e_s_pattern_fix",
                                                            pattern=error.validator_value))]
    if error.validator == "const":
        must = excerpt(_as_yaml(error.validator_value), 60)
        return [doc.error(path, msg("e_s_const", value=value, allowed=must),
                          msg("e_s_const_fix", allowed=must))]
    bound = error.validator_value
    if error.validator in ("minItems", "maxItems") and isinstance(error.instance, list):
        which = "min" if error.validator == "minItems" else "max"
        return [doc.error(path, msg(f"e_s_{which}_items", named=named, n=len(error.instance), bound=bound),
                          msg(f"e_s_{which}_items_fix", bound=bound))]
    if error.validator == "uniqueItems":
        return [doc.error(path, msg("e_s_unique", named=named), msg("e_s_unique_fix"))]
    if error.validator in ("minLength", "maxLength"):
        which = "min" if error.validator == "minLength" else "max"
        return [doc.error(path, msg(f"e_s_{which}_length", named=named, bound=bound), msg("e_s_length_fix"))]
    if error.validator in ("minProperties", "maxProperties"):
        which = "min" if error.validator == "minProperties" else "max"
        return [doc.error(path, msg(f"e_s_{which}_props", named=named, bound=bound), msg("e_s_props_fix"))]
    if error.validator == "format":
        return [doc.error(path, msg("e_s_format", value=value, format=bound), msg("e_s_format_fix",
                                                                                  format=bound))]
    if error.validator == "not":
        return [doc.error(path, msg("e_s_not", value=value), see)]
    # anything not mapped: jsonschema's own (English) words, in both languages
    return [doc.error(path, msg("e_s_other", detail=excerpt(error.message, 200)), see)]


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
        return [doc.error(tuple(error.absolute_path), msg("e_s_one_of_many",
                                                          value=excerpt(_as_yaml(error.instance))),
                          msg("e_s_see_schema", file=schemas.FILES[kind]))]
    wants = sorted({str(w) for errs in branches.values() for e in errs
                    if e.validator == "type" and not e.relative_path
                    for w in (e.validator_value if isinstance(e.validator_value, list)
                              else [e.validator_value])})
    if error.instance is not None and len(wants) > 1:
        wants = [w for w in wants if w != "null"]  # null there means "leave it out", not a value to write
    path = tuple(error.absolute_path)
    return [doc.error(path, msg("e_s_type", named=_named(path), want=_types(wants),
                                found=_found(error.instance)),
                      msg("e_s_type_fix", want=_types(wants, article=True)))]


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
            out.append(doc.error(tuple(err.get("loc", ())), _model_problem(err), msg("e_model_fix")))
        return None, out


def _model_problem(err: Any) -> Text:
    """A model check's message: the validator's own Text when it raised one (both
    languages), else pydantic's words."""
    raised = (err.get("ctx") or {}).get("error")
    said = raised.args[0] if isinstance(raised, ValueError) and raised.args else None
    if isinstance(said, Text):
        return said
    return same(str(err.get("msg", "invalid value")).removeprefix("Value error, "))


def load_checked(doc: Document, kind: str, model: type[M]) -> tuple[M | None, list[InputError]]:
    errors = check_schema(doc, kind)
    if errors:
        return None, errors
    return build_model(doc, model)
