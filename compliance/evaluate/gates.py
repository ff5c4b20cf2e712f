"""Whether a clause applies: every gate, in order, in this one file.

A clause of a motion is judged against a position only when it passes, in this order:

1. dossier: the motion concerns the position's dossier (first, because a motion of another
   dossier never bears on a position, whatever became of it: an unknown vote would
   otherwise make it undetermined);
2. adoption and the motion's life: adopted by the evaluation date (not held, rejected,
   withdrawn, replaced; an unknown result is undetermined), and the clause's duty not ended
   by an 'executed' statement;
3. subject: the position addresses one of the subjects the clause concerns;
4. duty: a duty of conduct (a deadline, a recurring report) is judged only against a
   position that bears on it: the letter that fulfils it, one declaring something about the
   motion's execution, or one stating a fact the clause reads;
5. applies_when: the rule's own condition, evaluated three-valued by the backends with the
   other conditions (compliance.verdict.decide), so it is not a function here.

Each gate is a small function returning None (passes) or its Gate: the verdict, the part
of the finding's reasons it names, the reason's text and its three-valued result. Together
they are a three-valued conjunction (first_gate): the first gate that surely shuts the
clause out decides, even after one that cannot tell; otherwise the first that cannot tell
gives 'undetermined' (unknown is not compliant), never 'not applicable'.
docs/applicability.md describes the gates with examples from both dossiers.
"""

from __future__ import annotations

from collections.abc import Callable

from compliance.conditions.ast import Clock, facts_of
from compliance.dates import PartialDate
from compliance.evaluate.duties import status_marker
from compliance.evaluate.texts import MotionTexts
from compliance.i18n import t
from compliance.loading.timeline import LoadedTimeline
from compliance.loading.workspace import LoadedMotion, LoadedPosition, LoadedVocabulary
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth
from compliance.model.common import Lang
from compliance.pack import CompiledClause
from compliance.verdict import Verdict

Gate = tuple[Verdict, str, str, Truth | None]


def first_gate(*gates: Callable[[], Gate | None]) -> Gate | None:
    """The gates as a three-valued conjunction, in order: the first that surely shuts the clause
    out (not applicable) decides, even after one that cannot tell (false and unknown is false:
    a motion whose vote is unknown still does not bear on a position about something else);
    otherwise the first that cannot tell (undetermined); None when every gate passes."""
    unknown: Gate | None = None
    for gate in gates:
        found = gate()
        if found is None:
            continue
        if found[0] == "not_applicable":
            return found
        unknown = unknown or found
    return unknown


def motion_gate(pos: LoadedPosition, motion: LoadedMotion, mt: MotionTexts, date: PartialDate,
                lang: Lang) -> Gate | None:
    """Gates 1 and 2 for a whole motion (the same for every clause and scenario)."""
    return first_gate(lambda: dossier_gate(pos, motion, lang),
                      lambda: adoption_gate(motion, date, lang, mt.voted))


def clause_gate(pos: LoadedPosition, motion: LoadedMotion, number: int, clause: CompiledClause | None,
                vocab: LoadedVocabulary | None, timeline: LoadedTimeline, date: PartialDate,
                lang: Lang) -> Gate | None:
    """The clause's own gates, after the motion's: its duty ended, its subjects, a duty of
    conduct the position does not bear on."""
    return first_gate(
        lambda: execution_gate(motion, number, clause.rule.duty if clause is not None else "standing",
                               date, lang),
        lambda: subject_gate(pos, motion, clause, vocab, lang),
        lambda: duty_gate(pos, motion, clause, vocab, timeline, date, lang))


def gate_of(motion_level: Gate | None, clause_level: Callable[[], Gate | None]) -> Gate | None:
    """A clause's gate: the motion's gates, then its own, as one conjunction (:func:`first_gate`)."""
    if motion_level is not None and motion_level[0] == "not_applicable":
        return motion_level  # the clause's own gates need not be worked out
    return first_gate(lambda: motion_level, clause_level)


def dossier_gate(pos: LoadedPosition, motion: LoadedMotion, lang: Lang) -> Gate | None:
    """A motion about another dossier never applies."""
    if pos.model.dossier not in motion.record.dossiers:
        return "not_applicable", "dossier", t("other_dossier", lang, dossier=pos.model.dossier), None
    return None


def subject_gate(pos: LoadedPosition, motion: LoadedMotion, clause: CompiledClause | None,
                 vocab: LoadedVocabulary | None, lang: Lang) -> Gate | None:
    """A clause concerns subjects of its dossier; it applies only to a position that addresses
    one of them. A clause without subjects (a dossier that declares none) concerns every
    position, and a position that declares something about the motion addresses it. A
    position whose subjects cannot be told (none declared, no fact stated) is undetermined:
    unknown is not compliant."""
    if clause is None or not clause.subjects or vocab is None:
        return None
    if any(d.motion == motion.record.id for d in pos.model.declarations):
        return None
    if not pos.subjects:
        return "undetermined", "subject", t("subjects_unknown", lang, subjects=subject_names(
            vocab, clause.subjects, lang)), UNKNOWN
    if set(pos.subjects) & set(clause.subjects):
        return None
    # derived subjects are the engine's reading, not the letter's word: say so
    key = "not_about_subject" if pos.subjects_declared else "not_about_subject_derived"
    return "not_applicable", "subject", t(key, lang, subjects=subject_names(
        vocab, clause.subjects, lang), addressed=subject_names(vocab, pos.subjects, lang, "and")), FALSE


def duty_gate(pos: LoadedPosition, motion: LoadedMotion, clause: CompiledClause | None,
              vocab: LoadedVocabulary | None, timeline: LoadedTimeline, date: PartialDate,
              lang: Lang) -> Gate | None:
    """A duty of conduct (a deadline or a recurring duty) is the dossier's, not a position's:
    a position is judged on it only when it bears on it, i.e. it is the letter that fulfils it
    (it declares it gives effect to the motion, or it is the source of the event the duty
    awaits), it declares anything else about the motion's execution (will or will not execute
    it), or it states a fact the clause reads. Otherwise the duty's state is in
    `compliance duties`, and a letter about something else is not charged with it."""
    if clause is None or clause.clock is None:
        return None
    if any(d.motion == motion.record.id for d in pos.model.declarations) \
            or _is_the_letter(pos, clause.clock, timeline):
        return None  # it speaks of the motion's execution, or it is the awaited letter
    concepts = vocab.concepts if vocab is not None else {}
    read = {clause.clock.fact} if clause.clock.fact else set()
    for cond in (clause.applies, clause.conflicts, clause.complies):
        if cond is not None:
            read |= facts_of(cond, concepts)
    # its own statements only: a fact carried into the standing position is another letter's
    stated = set(pos.model.facts).union(*(sc.facts for sc in pos.model.scenarios))
    if read & stated:
        return None
    state = status_marker(clause, timeline, date)
    return "not_applicable", "duty", t("duty_elsewhere", lang, state=t(f"duty_word_{state}", lang),
                                        as_of=date.text), FALSE


def _is_the_letter(pos: LoadedPosition, clock: Clock, timeline: LoadedTimeline) -> bool:
    """Is the position's document the source of an event the duty awaits (the same Kamerstuk
    or address)?"""
    src = pos.model.source
    names = [clock.event] if clock.event else \
        [n for n, e in timeline.events.items() if clock.tag and clock.tag in e.tags]
    for event_id in names:
        event = timeline.events.get(event_id or "")
        if event is None:
            continue
        for s in [*event.sources, *([] if event.kamerstuk is None else [None])]:
            if s is None:
                if src.kamerstuk is not None and event.kamerstuk == src.kamerstuk:
                    return True
                continue
            if (src.url and s.url == src.url) or (src.kamerstuk and s.kamerstuk == src.kamerstuk):
                return True
    return False


def subject_names(vocab: LoadedVocabulary, ids: tuple[str, ...] | list[str], lang: Lang,
                  joiner: str = "or") -> str:
    """Subjects by their names in ``lang``: 'a, b or c' (or 'and')."""
    names = [getattr(vocab.model.subjects[s], lang) if s in vocab.model.subjects else s for s in ids]
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {t('word_' + joiner, lang)} {names[-1]}"


def adoption_gate(motion: LoadedMotion, date: PartialDate, lang: Lang,
                  voted: PartialDate | None = None) -> Gate | None:
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
    if voted is None and record.dates.voted is not None:
        voted = PartialDate.parse(record.dates.voted)
    adopted = voted.on_or_before(date) if voted is not None else UNKNOWN
    on = record.dates.voted or "?"
    if adopted is FALSE:
        return "not_applicable", "adoption", t("adopted_later", lang, voted=on, as_of=date.text), adopted
    if adopted is UNKNOWN:
        return "undetermined", "adoption", t("adoption_unknown", lang, voted=on, as_of=date.text), adopted
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
