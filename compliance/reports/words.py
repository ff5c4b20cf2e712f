"""Words of the report formats in Dutch and English, on top of compliance.i18n.

Kept beside the formats so that report wording changes stay out of the engine's strings;
unknown keys fall back to :func:`compliance.i18n.t`.
"""

from __future__ import annotations

from compliance.i18n import t, translator
from compliance.model.output import FactUse

_W: dict[str, dict[str, str]] = {
    "title": {"nl": "Toets van kabinetsposities aan aangenomen moties",
              "en": "Cabinet positions checked against adopted motions"},
    "md_title": {"nl": "Moties-toets", "en": "Motion compliance"},
    "gate_fail": {"nl": "{n} bevinding(en) bereiken het faalniveau `{level}`",
                  "en": "{n} finding(s) reach the fail-on level `{level}`"},
    "gate_pass": {"nl": "niets bereikt het faalniveau `{level}`",
                  "en": "nothing reaches the fail-on level `{level}`"},
    "count": {"nl": "Aantal", "en": "Count"},
    "conflicts_h": {"nl": "Strijdig", "en": "Conflicts"},
    "undetermined_h": {"nl": "Onbepaald", "en": "Undetermined"},
    "resolved_h": {"nl": "Opgelost ten opzichte van de basis", "en": "Resolved since the baseline"},
    "new": {"nl": "nieuw", "en": "new"},
    "unchanged": {"nl": "ongewijzigd", "en": "unchanged"},
    "resolved": {"nl": "opgelost", "en": "resolved"},
    "fails": {"nl": "faalt", "en": "fails"},
    "why": {"nl": "Waarom", "en": "Why"},
    "request": {"nl": "Verzoek van de motie", "en": "The motion's request"},
    "reasons": {"nl": "Redenen", "en": "Reasons"},
    "sources": {"nl": "Bronnen", "en": "Sources"},
    "rule": {"nl": "Regel", "en": "Rule"},
    "declaration": {"nl": "Melding", "en": "Declaration"},
    "none_open": {"nl": "Geen strijdige of onbepaalde bevindingen.",
                  "en": "No conflicting or undetermined findings."},
    "matrix": {"nl": "Overzicht: posities × moties", "en": "Matrix: positions × motions"},
    "matrix_caption": {"nl": "Oordeel per positie (rij) en motie (kolom); kies een cel voor de uitleg.",
                       "en": "Verdict per position (row) and motion (column); choose a cell for "
                             "the explanation."},
    "timeline": {"nl": "Tijdlijn", "en": "Timeline"},
    "timeline_none": {"nl": "Geen posities met een datum.", "en": "No positions with a date."},
    "details": {"nl": "Uitleg", "en": "Explanation"},
    "details_hint": {"nl": "Kies een cel in het overzicht om de uitleg te zien.",
                     "en": "Choose a cell in the matrix to see the explanation."},
    "filter_dossier": {"nl": "Dossier", "en": "Dossier"},
    "filter_verdict": {"nl": "Oordeel", "en": "Verdict"},
    "all": {"nl": "alle", "en": "all"},
    "date": {"nl": "Datum", "en": "Date"},
    "interpretation": {"nl": "interpretatie", "en": "interpretation"},
    "as_of_own": {"nl": "de eigen datum van elke positie", "en": "each position's own date"},
    "fact": {"nl": "Feit", "en": "Fact"},
    "value": {"nl": "Waarde", "en": "Value"},
    "file_line": {"nl": "Bestand:regel", "en": "File:line"},
    "where": {"nl": "Vindplaats in het document", "en": "Where in the document"},
    "of_which_undeclared": {"nl": "waarvan niet gemeld", "en": "of which not declared"},
    "close": {"nl": "Sluiten", "en": "Close"},
    "positions": {"nl": "posities", "en": "positions"},
    "motions": {"nl": "moties", "en": "motions"},
}


w = translator(_W)


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
