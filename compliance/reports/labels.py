"""How the report formats show a verdict, a fact value and a fact use (their words are in
:mod:`compliance.i18n`)."""

from __future__ import annotations

from compliance.i18n import t
from compliance.model.output import FactUse


def verdict_label(verdict: str, declared: bool | None, lang: str) -> str:
    """'conflicts (NOT declared)' etc.: a conflict always says whether it was declared."""
    word = t(verdict, lang)
    if verdict != "conflicts":
        return word
    key = "declared" if declared is True else "undeclared" if declared is False else "declared_unknown"
    return f"{word} ({t(key, lang)})"


def show(value: object) -> str:
    """A fact value as written in YAML terms: true/false, lists comma-separated."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return str(value)


def fact_text(fact: FactUse, lang: str) -> str:
    """'name = value (file:line:col — where)' or 'name: not stated'."""
    if not fact.present:
        return f"{fact.name}: {t('absent', lang)}"
    where = f" — {fact.where}" if fact.where else ""
    return f"{fact.name} = {show(fact.value)} ({fact.file}:{fact.line}:{fact.column}{where})"
