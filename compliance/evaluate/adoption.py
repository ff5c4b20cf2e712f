"""Applicability before any rule: a motion about another dossier, not adopted, or adopted
only after the evaluation date (or unknowably so)."""

from __future__ import annotations

from compliance.dates import PartialDate
from compliance.evaluate.texts import MotionTexts
from compliance.i18n import t
from compliance.loading.workspace import LoadedMotion, LoadedPosition
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth
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
    if record.result == "replaced":
        return "not_applicable", "adoption", t("replaced_by", lang, by=record.replaced_by), None
    if record.result == "unknown":
        # No source shows the vote: never silently dropped (unknown is not compliant).
        proposed = record.dates.proposed
        if proposed is not None and date.before(PartialDate.parse(proposed)) is TRUE:
            return "not_applicable", "adoption", t("not_yet_proposed", lang, as_of=date.text,
                                                    proposed=proposed), FALSE
        return "undetermined", "adoption", t("result_unknown", lang, proposed=proposed or "?"), UNKNOWN
    if record.result != "adopted":
        return "not_applicable", "adoption", t("not_adopted", lang, result=record.result), None
    adopted = mt.voted.on_or_before(date) if mt.voted is not None else UNKNOWN
    voted = record.dates.voted or "?"
    if adopted is FALSE:
        return "not_applicable", "adoption", t("adopted_later", lang, voted=voted, as_of=date.text), adopted
    if adopted is UNKNOWN:
        return "undetermined", "adoption", t("adoption_unknown", lang, voted=voted, as_of=date.text), adopted
    return None


def execution_gate(motion: LoadedMotion, clause: int, duty: str, date: PartialDate,
                   lang: Lang) -> Gate | None:
    """A clause whose duty the cabinet's 'executed' statement ended by ``date``: not
    applicable from the statement's date. A clause continues unless the statement says it
    ends, or, without per-clause entries, its rule is a one-off duty (``duty: once``)."""
    for st in motion.record.execution:
        if st.statement != "executed":
            continue
        ends = st.clauses.get(clause) == "ends" if st.clauses is not None else duty == "once"
        if not ends:
            continue
        when = PartialDate.parse(st.date).on_or_before(date)
        if when is TRUE:
            return "not_applicable", "execution", t("executed_ends", lang, date=st.date), when
        if when is UNKNOWN:
            return "undetermined", "execution", t("executed_unknown", lang, date=st.date,
                                                  as_of=date.text), when
    return None
