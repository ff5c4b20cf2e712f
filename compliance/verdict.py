"""Where a clause verdict is decided: the verdicts, their order and the one table from the
three conditions' results to a verdict. Every evaluator (the direct one, durable-rules'
rule compiler, the explanation in evaluate.py) and the SMT encoding read it from here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from compliance.logic import FALSE, TRUE, Truth

Verdict = Literal["conflicts", "undetermined", "complies", "not_applicable"]
# worst first: a motion's verdict is the worst of its clauses'
VERDICTS: tuple[Verdict, ...] = ("conflicts", "undetermined", "complies", "not_applicable")
SEVERITY: dict[str, int] = {v: i for i, v in enumerate(VERDICTS)}

Part = Literal["applies", "conflicts", "complies"]
PARTS: tuple[Part, ...] = ("applies", "conflicts", "complies")

# The first row whose demands hold decides; a part a row does not name may be anything.
# What no row decides is undetermined: unknown is not compliant, and a conflict that is
# unknown never turns into compliance (complies needs the conflict ruled out).
TABLE: tuple[tuple[Verdict, tuple[tuple[Part, Truth], ...]], ...] = (
    ("not_applicable", (("applies", FALSE),)),
    ("conflicts", (("applies", TRUE), ("conflicts", TRUE))),
    ("complies", (("applies", TRUE), ("conflicts", FALSE), ("complies", TRUE))),
)
UNDECIDED: Verdict = "undetermined"

_INDEX = {p: i for i, p in enumerate(PARTS)}
_ROWS = tuple((v, tuple((_INDEX[p], t) for p, t in needs)) for v, needs in TABLE)


def decide(applies: Truth, conflicts: Truth, complies: Truth) -> Verdict:
    """The clause verdict from the three-valued results of its conditions (``applies`` is
    TRUE for a clause without applies_when; ``complies`` defaults to not conflicts)."""
    got = (applies, conflicts, complies)
    for verdict, needs in _ROWS:
        if all(got[i] is t for i, t in needs):
            return verdict
    return UNDECIDED


def worst(verdicts: Iterable[str]) -> Verdict:
    """The worst of some verdicts (conflicts > undetermined > complies > not applicable)."""
    return VERDICTS[min(SEVERITY[v] for v in verdicts)]
