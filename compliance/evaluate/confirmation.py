"""Confirmed and unconfirmed facts: a drafted position marks each proposed fact
``confirmed: false`` until an adviser has checked it against the letter.

A fact entry without ``confirmed`` counts as confirmed. Every finding that rests on an
unconfirmed fact (a stated fact the clause's rule reads) says so; ``check
--require-confirmed`` refuses such a position as bad input, for CI.
"""

from __future__ import annotations

from typing import Any

from compliance.errors import InputError, InputErrors, msg
from compliance.i18n import t
from compliance.model.common import Lang


def unconfirmed(pos: Any, branch: int | None = None) -> set[str]:
    """The names of the position's (or its scenario's) facts marked ``confirmed: false``."""
    def marked(facts: dict[str, Any]) -> set[str]:
        return {n for n, e in facts.items() if isinstance(e, dict) and e.get("confirmed") is False}

    names = marked(pos.model.facts)
    if branch is not None:
        sc = pos.model.scenarios[branch].facts
        names = (names - set(sc)) | marked(sc)
    return names


def annotate(findings: list[Any], positions: list[Any], lang: Lang) -> list[Any]:
    """Each finding whose rule read an unconfirmed fact, with a note and the field
    ``unconfirmed_facts`` naming them; the others unchanged."""
    by_id = {p.model.id: p for p in positions if unconfirmed(p) or p.model.scenarios}
    if not by_id:
        return findings
    out = []
    for f in findings:
        pos = by_id.get(f.position)
        names = unconfirmed(pos) if pos is not None else set()
        if pos is not None and f.scenario is not None:
            index = next((b.index for b in pos.branches if b.name == f.scenario), None)
            names = unconfirmed(pos, index)
        used = sorted(n for n in names if any(u.name == n and u.present for u in f.facts))
        if used:
            note = t("draft_unconfirmed_note", lang, facts=", ".join(used))
            f = f.model_copy(update={"notes": [*f.notes, note], "unconfirmed_facts": used})
        out.append(f)
    return out


def require_confirmed(positions: list[Any], lang: Lang) -> None:
    """Raise InputErrors (file:line:col) for every unconfirmed fact of the positions."""
    errors: list[InputError] = []
    for pos in positions:
        groups: list[tuple[tuple[str | int, ...], dict[str, Any]]] = [(("facts",), pos.model.facts)]
        groups += [(("scenarios", i, "facts"), sc.facts) for i, sc in enumerate(pos.model.scenarios)]
        for base, facts in groups:
            for name, entry in facts.items():
                if isinstance(entry, dict) and entry.get("confirmed") is False:
                    errors.append(pos.doc.error((*base, name, "confirmed"),
                                                msg("draft_unconfirmed_error", fact=name),
                                                msg("draft_unconfirmed_fix")))
    if errors:
        raise InputErrors(errors)
