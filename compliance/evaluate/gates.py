"""Whether a clause applies: every gate, in order, in this one file.

A clause of a motion is judged against a position only when it passes, in this order:

1. dossier: the motion concerns the position's dossier (first, because a motion of another
   dossier never bears on a position, whatever became of it: an unknown vote would
   otherwise make it undetermined);
2. adoption and the motion's life: adopted by the evaluation date (not held, rejected,
   withdrawn, replaced; an unknown result is undetermined), and the clause's duty not ended
   by an 'executed' statement;
3. subject: the position addresses one of the subjects the clause concerns;
4. duty: (issue 24, step 2) a duty of conduct is judged only against a position that bears
   on it;
5. applies_when: the rule's own condition, evaluated three-valued by the backends with the
   other conditions (compliance.verdict.decide), so it is not a function here.

Each gate is a small function returning None (passes) or its Gate: the verdict, the part
of the finding's reasons it names, the reason's text and its three-valued result. Unknown
is not compliant: a gate that cannot tell gives 'undetermined', never 'not applicable'.
docs/applicability.md describes the gates with examples from both dossiers.
"""

from __future__ import annotations

from compliance.dates import PartialDate
from compliance.evaluate.texts import MotionTexts
from compliance.i18n import t
from compliance.loading.workspace import LoadedMotion, LoadedPosition, LoadedVocabulary
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth
from compliance.model.common import Lang
from compliance.pack import CompiledClause
from compliance.verdict import Verdict

Gate = tuple[Verdict, str, str, Truth | None]


def motion_gate(pos: LoadedPosition, motion: LoadedMotion, mt: MotionTexts, date: PartialDate,
                lang: Lang) -> Gate | None:
    """Gates 1 and 2 for a whole motion (the same for every clause and scenario)."""
    return dossier_gate(pos, motion, lang) or adoption_gate(pos, motion, mt, date, lang)


def clause_gate(pos: LoadedPosition, motion: LoadedMotion, number: int, clause: CompiledClause | None,
                vocab: LoadedVocabulary | None, date: PartialDate, lang: Lang) -> Gate | None:
    """The clause's own gates, after the motion's: its duty ended, its subjects."""
    return execution_gate(motion, number, clause.rule.duty if clause is not None else "standing",
                          date, lang) \
        or subject_gate(pos, clause, vocab, lang)


def combined(motion: Gate | None, clause: Gate | None) -> Gate | None:
    """The motion's gate, unless it cannot tell (an unknown vote or vote date) while a clause
    gate surely excludes the position: a clause about a subject the position does not address,
    or whose duty surely ended, bears on it whatever became of the vote (as with the dossier
    gate), so not applicable outranks undetermined there; otherwise the order above holds."""
    if motion is None:
        return clause
    if motion[0] == "undetermined" and clause is not None and clause[0] == "not_applicable":
        return clause
    return motion


def dossier_gate(pos: LoadedPosition, motion: LoadedMotion, lang: Lang) -> Gate | None:
    """A motion about another dossier never applies."""
    if pos.model.dossier not in motion.record.dossiers:
        return "not_applicable", "dossier", t("other_dossier", lang, dossier=pos.model.dossier), None
    return None


def subject_gate(pos: LoadedPosition, clause: CompiledClause | None, vocab: LoadedVocabulary | None,
                 lang: Lang) -> Gate | None:
    """A clause concerns subjects of its dossier; it applies only to a position that addresses
    one of them. A clause without subjects (a dossier that declares none) concerns every
    position. A position whose subjects cannot be told (none declared, no fact stated) is
    undetermined: unknown is not compliant."""
    if clause is None or not clause.subjects or vocab is None:
        return None
    if not pos.subjects:
        return "undetermined", "subject", t("subjects_unknown", lang, subjects=subject_names(
            vocab, clause.subjects, lang)), UNKNOWN
    if set(pos.subjects) & set(clause.subjects):
        return None
    return "not_applicable", "subject", t("not_about_subject", lang, subjects=subject_names(
        vocab, clause.subjects, lang), addressed=subject_names(vocab, pos.subjects, lang, "and")), FALSE


def subject_names(vocab: LoadedVocabulary, ids: tuple[str, ...] | list[str], lang: Lang,
                  joiner: str = "or") -> str:
    """Subjects by their names in ``lang``, joined by 'or' (or 'and')."""
    names = [getattr(vocab.model.subjects[s], lang) if s in vocab.model.subjects else s for s in ids]
    if len(names) <= 1:
        return "".join(names)
    return f"{'; '.join(names[:-1])} {t('word_' + joiner, lang)} {names[-1]}"


def adoption_gate(pos: LoadedPosition, motion: LoadedMotion, mt: MotionTexts, date: PartialDate,
                  lang: Lang) -> Gate | None:
    """A motion applies only once adopted: not held, rejected, withdrawn or replaced, and
    voted on or before the evaluation date (an unknown result or order is undetermined)."""
    record = motion.record
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
