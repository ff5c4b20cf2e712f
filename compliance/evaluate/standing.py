"""The standing position: the cabinet's position on a dossier as of a date, each fact taken
from the latest position that states it (docs/applicability.md, "The standing position").

A letter that is silent on a point does not revoke what the cabinet said on it before: with
``check --standing`` a position is judged on its own facts plus the facts it does not state,
each carried from the latest earlier position (dated surely on or before it) that states it,
with that origin. Facts of group ``text`` describe a text or proposal: they carry over only
while it is the same text, i.e. the dossier's ``text_identity`` facts (e.g. presidency and
stage) have the same values in the origin as in the standing position; a dossier without
``text_identity`` never carries them. The identity itself is carried only as a whole, and
only when the position names no part of it. The position's subjects are its own: carried
facts never make a letter about more than it addresses.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from compliance.dates import PartialDate
from compliance.i18n import t
from compliance.loading.workspace import LoadedBranch, LoadedPosition, Workspace
from compliance.logic import TRUE
from compliance.model.common import Lang


@dataclass(frozen=True)
class Carried:
    """Where a carried fact comes from."""

    position: str
    file: str
    date: str
    line: int | None
    column: int | None
    where: str | None

    def text(self, lang: Lang) -> str:
        return t("carried_from", lang, position=self.position, date=self.date, line=self.line or "?")


def _order(p: LoadedPosition) -> tuple[Any, Any, str]:
    d = PartialDate.parse(p.model.date)
    return d.first, d.last, p.model.id


def standing(ws: Workspace, pos: LoadedPosition, others: Sequence[LoadedPosition]) -> LoadedPosition:
    """``pos`` with the facts it does not state carried from earlier positions of its dossier."""
    vocab = ws.vocabularies[pos.model.dossier].model
    when = PartialDate.parse(pos.model.date)
    earlier = sorted((q for q in others if q.model.dossier == pos.model.dossier
                      and q.model.id != pos.model.id
                      and PartialDate.parse(q.model.date).on_or_before(when) is TRUE), key=_order)
    stating: dict[str, list[LoadedPosition]] = {}
    for q in earlier:  # oldest first: a later statement of a fact replaces an earlier one
        for name in q.facts:
            stating.setdefault(name, []).append(q)
    # carried only from a statement surely later than every earlier one that says otherwise:
    # "2018" and "2018-03-05" saying different things cannot be ordered, so neither is carried
    origin = {name: qs[-1] for name, qs in stating.items()
              if all(o.facts[name] == qs[-1].facts[name]
                     or PartialDate.parse(o.model.date).before(PartialDate.parse(qs[-1].model.date)) is TRUE
                     for o in qs[:-1])}
    ids = list(vocab.text_identity)
    own_identity = {i: pos.facts[i] for i in ids if i in pos.facts}
    identity_from: LoadedPosition | None = None
    if ids and not own_identity:
        named = [q for q in earlier if any(i in q.facts for i in ids)]
        identity_from = named[-1] if named else None
    identity = own_identity if own_identity or identity_from is None else \
        {i: identity_from.facts[i] for i in ids if i in identity_from.facts}
    facts = dict(pos.facts)
    carried: dict[str, Carried] = {}
    for name in sorted(origin):
        if name in pos.facts:
            continue
        q = origin[name]
        if name in ids:
            q = identity_from  # type: ignore[assignment]
            if q is None or name not in q.facts:
                continue
        elif vocab.facts[name].about_a_text() and not (
                ids and len(identity) == len(ids)
                and all(i in q.facts and q.facts[i] == identity[i] for i in ids)):
            continue  # about another text (or one that cannot be told): never carried
        facts[name] = q.facts[name]
        loc = q.fact_loc(name)
        carried[name] = Carried(q.model.id, q.file, q.model.date, loc[0] if loc else None,
                                loc[1] if loc else None, q.fact_where(name))
    if not carried:
        return pos
    branches = [LoadedBranch(b.index, b.name, {**facts, **{k: v for k, v in b.facts.items()
                                                           if k in pos.model.scenarios[b.index].facts}})
                for b in pos.branches]
    return replace(pos, facts=facts, branches=branches, carried=carried)


def standing_positions(ws: Workspace, positions: Sequence[LoadedPosition]) -> list[LoadedPosition]:
    """Each position as it stands among the others (the same list, in the same order)."""
    return [standing(ws, p, positions) for p in positions]


__all__ = ["Carried", "standing", "standing_positions"]
