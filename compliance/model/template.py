"""Reason templates: a reason's text as a text with placeholders and small parameters.

A condition's reason (``conflicts_when: [f015_date before 2024-01-01: true (2023-05-01)]``)
shows every part's result and every value read, so its text differs per position while
its shape is the rule's. The JSON report writes the shape once (the template) and per
finding only the results; the values are the finding's facts, written once per position.

Placeholders:

- ``{0}``, ``{1}``, ...: the result of a part of the condition, the letter at that index
  of the parameters (``t``, ``f``, ``u``), shown as the report language's word for it;
- ``{name}`` (a fact's name, ``[a-z][a-z0-9_]*``): the value of that fact as the finding
  read it (the ``value`` of its facts entry as Python's ``str`` shows it), or the word for
  a fact that is not stated;
- ``{{`` and ``}}``: a literal brace.

Filling is done by this module only (no ``str.format``: a template read from a report
is text from a file, and format specs could read attributes or allocate without bound).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from compliance.i18n import t

LETTERS = {"true": "t", "false": "f", "unknown": "u"}
RESULTS = {letter: value for value, letter in LETTERS.items()}
# the words a filled template shows, per language: a result's, and a fact not stated
WORDS: dict[str, dict[str, str]] = {
    lang: {letter: t(f"condition_{value}", lang) for letter, value in RESULTS.items()}
    | {"absent": t("absent", lang)} for lang in ("nl", "en")}
_TOKEN = re.compile(r"\{\{|\}\}|\{([0-9]{1,4}|[a-z][a-z0-9_]{0,62})\}|[{}]")


def escape(text: str) -> str:
    """Literal text as it is written in a template."""
    return text.replace("{", "{{").replace("}", "}}")


def shown(value: Any) -> str:
    """A fact's value (plain JSON, as FactUse holds it) as a reason shows it."""
    return f"{value}"


# One filled reason at most: far above any rule's (a reason lists each part of one
# condition once), far below what a hostile template could ask for.
MAX_FILLED = 1 << 20
_LITERAL, _RESULT, _FACT = 0, 1, 2
_compiled: dict[str, tuple[tuple[int, Any], ...]] = {}


def _pieces(template: str) -> tuple[tuple[int, Any], ...]:
    """A template cut once into literal text, result indexes and fact names: a report
    fills the same few templates for every finding. Raises ValueError on a brace that is
    not a placeholder."""
    found = _compiled.get(template)
    if found is not None:
        return found
    pieces: list[tuple[int, Any]] = []
    at = 0
    for m in _TOKEN.finditer(template):
        if m.start() > at:
            pieces.append((_LITERAL, template[at:m.start()]))
        at = m.end()
        token = m.group(0)
        if token in ("{{", "}}"):
            pieces.append((_LITERAL, token[0]))
        elif m.group(1) is None:
            raise ValueError(f"a lone brace in a reason template at {m.start()}")
        elif m.group(1).isdigit():
            pieces.append((_RESULT, int(m.group(1))))
        else:
            pieces.append((_FACT, m.group(1)))
    if at < len(template):
        pieces.append((_LITERAL, template[at:]))
    if len(_compiled) >= 4096:  # a report read back may hold any number of templates
        _compiled.clear()
    found = _compiled[template] = tuple(pieces)
    return found


def fill(template: str, params: str, value: Callable[[str], str | None], lang: str,
         limit: int = MAX_FILLED) -> str:
    """The text of ``template`` with its parameters' results and ``value(name)`` for each
    fact (None: not stated). Raises ValueError on a placeholder that has no parameter, a
    brace that is not a placeholder, or a text longer than ``limit`` characters (a
    template repeating a long value's placeholder would otherwise multiply it)."""
    words = WORDS[lang]
    out: list[str] = []
    size = 0
    for kind, what in _pieces(template):
        if kind == _LITERAL:
            piece = what
        elif kind == _RESULT:
            if what >= len(params) or params[what] not in RESULTS:
                raise ValueError(f"a reason template's result {{{what}}} has no parameter")
            piece = words[params[what]]
        else:
            read = value(what)
            piece = words["absent"] if read is None else read
        size += len(piece)
        if size > limit:
            raise ValueError(f"a reason's text is longer than {limit} characters")
        out.append(piece)
    return "".join(out)


def reader(facts: Mapping[str, Any]) -> Callable[[str], str | None]:
    """``value`` for :func:`fill` from a finding's facts (name -> (present, value)).
    A fact a template names that the finding did not read is an error, not a guess."""

    def value(name: str) -> str | None:
        present, read = facts[name]
        return shown(read) if present else None

    return value
