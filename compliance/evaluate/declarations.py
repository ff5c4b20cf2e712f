"""Declared or not: whether the cabinet said it will not execute a motion, in the
position itself or in the motion record's execution statements as of the date."""

from __future__ import annotations

from compliance.dates import PartialDate
from compliance.i18n import t
from compliance.loading.workspace import LoadedMotion, LoadedPosition
from compliance.logic import TRUE, UNKNOWN
from compliance.model.common import Lang
from compliance.model.output import (
    DeclarationRef,
)


def cabinet_declaration(motion: LoadedMotion, pos: LoadedPosition, date: PartialDate,
                        lang: Lang) -> tuple[bool | None, DeclarationRef | None, str]:
    own = [(i, d) for i, d in enumerate(pos.model.declarations) if d.motion == motion.record.id]
    if own:
        i, decl = own[-1]
        source = decl.source.cite(lang) if decl.source else pos.model.source.title
        ref = DeclarationRef(statement=decl.statement, date=pos.model.date, origin="position",
                             source=source, file=pos.file,
                             line=pos.doc.loc(("declarations", i))[0])
        text = t("declaration_position", lang, statement=t(decl.statement, lang), source=source)
        return decl.statement == "will_not_execute", ref, text
    known, uncertain = [], []
    for i, s in enumerate(motion.record.execution):
        when = PartialDate.parse(s.date).on_or_before(date)
        if when is TRUE:
            known.append((PartialDate.parse(s.date), i, s))
        elif when is UNKNOWN:
            uncertain.append(s)
    latest = max(known, key=lambda k: (k[0].last, k[0].first, k[1]))[1:] if known else None
    refusal = latest is not None and latest[1].statement == "will_not_execute"
    if any((s.statement == "will_not_execute") != refusal for s in uncertain):
        s = uncertain[0]
        return None, None, t("declaration_uncertain", lang, date=s.date, as_of=date.text)
    if latest is None:
        return False, None, t("declaration_none", lang)
    i, s = latest
    ref = DeclarationRef(statement=s.statement, date=s.date, origin="motion_record",
                         source=s.source.cite(lang), file=motion.file,
                         line=motion.doc.loc(("execution", i))[0])
    # the statement's date follows the source: a source of the same date leaves its own out
    cited = s.source.model_copy(update={"date": None}) if s.source.date == s.date else s.source
    text = t("declaration_motion", lang, statement=t(s.statement, lang),
             source=cited.cite(lang), date=s.date)
    return refusal, ref, text
