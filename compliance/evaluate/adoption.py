"""Applicability before any rule: a motion about another dossier, not adopted, or adopted
only after the evaluation date (or unknowably so)."""

from __future__ import annotations

from compliance.dates import PartialDate
from compliance.evaluate.texts import MotionTexts
from compliance.i18n import t
from compliance.loading.workspace import LoadedMotion, LoadedPosition
from compliance.logic import FALSE, UNKNOWN, Truth
from compliance.model.common import Lang
from compliance.verdict import Verdict

Gate = tuple[Verdict, str, str, Truth | None]


def adoption_gate(pos: LoadedPosition, motion: LoadedMotion, mt: MotionTexts, date: PartialDate,
                  lang: Lang) -> Gate | None:
    """Why none of a motion's clauses applies to the position (same for every clause and
    scenario): verdict, reason part, text and result; None when the clauses are evaluated."""
    record = motion.record
    if pos.model.dossier not in record.dossiers:
        return "not_applicable", "dossier", t("other_dossier", lang, dossier=pos.model.dossier), None
    if record.result != "adopted":
        return "not_applicable", "adoption", t("not_adopted", lang, result=record.result), None
    adopted = mt.voted.on_or_before(date) if mt.voted is not None else UNKNOWN
    voted = record.dates.voted or "?"
    if adopted is FALSE:
        return "not_applicable", "adoption", t("adopted_later", lang, voted=voted, as_of=date.text), adopted
    if adopted is UNKNOWN:
        return "undetermined", "adoption", t("adoption_unknown", lang, voted=voted, as_of=date.text), adopted
    return None
