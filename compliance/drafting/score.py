"""Scoring a draft against a hand-encoded position of the same letter.

Facts: precision (proposed facts with the reference's value / all proposed facts) and
recall (reference facts proposed with its value / all facts the reference states). A
wrong proposal is *partial* when it is a non-empty proper subset of the reference's set
(incomplete, nothing in it contradicted) and a *flip* otherwise (another scalar, or a set
holding a member the reference lacks); neither counts as right. A
proposal with the right value has the right line when one of its passages lies on a line
where the reference's ``where`` (its quoted words, or runs of five of them) is found in
the letter. Declarations: (motion, statement) pairs, and their source letters. Planned
steps: (date, kind) pairs.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict

from compliance.dates import PartialDate
from compliance.drafting.draft import Draft
from compliance.drafting.letter import Letter, read
from compliance.drafting.render import position_data

_WINDOW = 5


class FactScore(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fact: str
    reference: Any = None
    proposed: Any = None
    outcome: str  # right, partial, wrong (a flip), missed, extra
    right_line: bool | None = None  # None: the reference's where is not found in the letter


class Score(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    facts: list[FactScore]
    proposed: int
    stated: int
    right: int
    precision: float
    recall: float
    right_line: int
    line_checkable: int
    declarations_expected: list[str]
    declarations_found: list[str]
    declaration_sources_right: int
    steps_expected: list[str]
    steps_found: list[str]
    date_expected: str | None = None
    date_found: str | None = None

    @property
    def flips(self) -> list[FactScore]:
        """Facts proposed with a value the reference contradicts."""
        return [f for f in self.facts if f.outcome == "wrong"]

    @property
    def partials(self) -> list[FactScore]:
        """Sets proposed in part: incomplete, not contradicted."""
        return [f for f in self.facts if f.outcome == "partial"]

    def text(self) -> str:
        lines = [f"facts: {self.proposed} proposed, {self.stated} stated in the reference, "
                 f"{self.right} with the right value",
                 f"  precision {self.precision:.1%}  recall {self.recall:.1%}  "
                 f"right line {self.right_line}/{self.line_checkable} (where the reference's "
                 "passage is found)"]
        for f in self.facts:
            mark = {"right": "ok", "partial": "partial", "wrong": "WRONG", "missed": "missed",
                    "extra": "EXTRA"}[f.outcome]
            line = "" if f.right_line is None else " (right line)" if f.right_line else " (other line)"
            lines.append(f"  {mark:<7} {f.fact}: reference {_show(f.reference)}, draft "
                         f"{_show(f.proposed)}{line}")
        found, want = set(self.declarations_found), set(self.declarations_expected)
        lines.append(f"declarations: {len(found & want)}/{len(want)} found, {len(found - want)} "
                     f"extra; sources right: {self.declaration_sources_right}")
        lines += _marks(self.declarations_expected, found)
        sfound = set(self.steps_found)
        lines.append(f"planned steps: {len(sfound & set(self.steps_expected))}/{len(self.steps_expected)} "
                     f"found, {len(sfound - set(self.steps_expected))} extra")
        lines += _marks(self.steps_expected, sfound)
        if self.date_expected is not None:
            mark = "ok" if self.date_found == self.date_expected else "WRONG"
            lines.append(f"date: {mark} reference {self.date_expected}, draft {self.date_found or '-'}")
        return "\n".join(lines) + "\n"


def _show(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(map(str, v)) + "]"
    return str(v)


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, list | set | frozenset) and isinstance(b, list | set | frozenset):
        return set(a) == set(b)
    if isinstance(a, int | float) and isinstance(b, int | float) and not isinstance(a, bool) \
            and not isinstance(b, bool):
        return a == b  # 3 and 3.0 are the same amount
    if isinstance(a, str) and isinstance(b, PartialDate):
        return a == str(b)  # a drafted date (YYYY-MM-DD) against the position's
    return type(a) is type(b) and a == b


def _partial(proposed: Any, reference: Any) -> bool:
    """A non-empty proper subset of the reference's set: incomplete, not contradicted."""
    if not (isinstance(proposed, list | set | frozenset) and isinstance(reference, list | set | frozenset)):
        return False
    return bool(proposed) and set(proposed) < set(reference)


def _plain(v: Any) -> Any:
    return sorted(v) if isinstance(v, set | frozenset) else v


def _reference_lines(letter: Letter, where: str | None) -> set[int]:
    if not where:
        return set()
    text = where.split(":", 1)[1] if ":" in where[:20] else where
    quoted = re.findall(r"'([^']+)'|\"([^\"]+)\"", text)
    pieces = [a or b for a, b in quoted] or re.split(r"[;(]", text)
    out: set[int] = set()
    norm = letter.norm
    for piece in pieces:
        words = read(piece).norm
        if not words:
            continue
        runs = [words] if len(words) <= _WINDOW else [words[i:i + _WINDOW]
                                                    for i in range(len(words) - _WINDOW + 1)]
        for run in runs:
            for k in letter.index.get(run[0], []):
                if norm[k:k + len(run)] == run:
                    out.add(letter.line_col(letter.start[k])[0])
                    out.add(letter.line_col(letter.end[k + len(run) - 1])[0])
    return out


def score(draft: Draft, text: str, reference: Any) -> Score:
    """``reference``: the LoadedPosition of the hand-encoded position of the same letter."""
    letter = read(text)
    ref_facts: dict[str, Any] = reference.facts
    proposed = {p.fact: p for p in draft.proposals}
    facts: list[FactScore] = []
    right = right_line = checkable = 0
    for name in sorted(set(ref_facts) | set(proposed)):
        ref = _plain(ref_facts.get(name))
        p = proposed.get(name)
        if p is None:
            facts.append(FactScore(fact=name, reference=ref, outcome="missed"))
            continue
        if name not in ref_facts:
            facts.append(FactScore(fact=name, proposed=p.value, outcome="extra"))
            continue
        ok = _same(p.value, ref)
        line_ok: bool | None = None
        if ok:
            right += 1
            lines = _reference_lines(letter, reference.fact_where(name))
            if lines:
                checkable += 1
                line_ok = any(e.line in lines or e.end_line in lines for e in p.evidence)
                right_line += line_ok
        facts.append(FactScore(fact=name, reference=ref, proposed=p.value,
                               outcome="right" if ok else "partial" if _partial(p.value, ref) else "wrong",
                               right_line=line_ok))
    data = position_data(draft)
    expected = [f"{d.motion} {d.statement}" for d in reference.model.declarations]
    found = [f"{d['motion']} {d['statement']}" for d in data.get("declarations", [])]
    ref_sources = {f"{d.motion} {d.statement}": d.source.kamerstuk for d in reference.model.declarations
                   if d.source is not None and d.source.kamerstuk is not None}
    sources_right = 0
    for d in data.get("declarations", []):
        want = ref_sources.get(f"{d['motion']} {d['statement']}")
        got = d.get("source", {}).get("kamerstuk")
        if want is not None and got and (got["dossier"], got["number"]) == (want.dossier, want.number):
            sources_right += 1
    steps_expected = [f"{s.date} {s.kind}" for s in reference.model.planned_steps]
    steps_found = [f"{s.date} {s.kind}" for s in draft.planned_steps]
    n = len(draft.proposals)
    ref_date = getattr(reference.model, "date", None)
    return Score(date_expected=str(ref_date) if ref_date is not None else None, date_found=draft.letter_date,
                 facts=facts, proposed=n, stated=len(ref_facts), right=right,
                 precision=right / n if n else 1.0, recall=right / len(ref_facts) if ref_facts else 1.0,
                 right_line=right_line, line_checkable=checkable,
                 declarations_expected=expected, declarations_found=found,
                 declaration_sources_right=sources_right, steps_expected=steps_expected,
                 steps_found=steps_found)


def _marks(expected: Any, found: set[Any]) -> list[str]:
    """Each expected item found or missed, in order, then what was found beyond them."""
    return [f"  {'ok' if x in found else 'missed':<7} {x}" for x in expected] + \
        [f"  {'EXTRA':<7} {x}" for x in sorted(found - set(expected))]


class Tally(BaseModel):
    """Counts over several letters (or one)."""

    model_config = ConfigDict(extra="forbid")

    letters: int = 0
    stated: int = 0
    right: int = 0
    proposed: int = 0
    flips: int = 0
    partial: int = 0
    decl_expected: int = 0
    decl_found: int = 0
    decl_extra: int = 0
    steps_expected: int = 0
    steps_found: int = 0
    steps_extra: int = 0

    def add(self, s: Score) -> None:
        want, got = set(s.declarations_expected), set(s.declarations_found)
        swant, sgot = set(s.steps_expected), set(s.steps_found)
        self.letters += 1
        self.stated += s.stated
        self.right += s.right
        self.proposed += s.proposed
        self.flips += len(s.flips)
        self.partial += len(s.partials)
        self.decl_expected += len(want)
        self.decl_found += len(want & got)
        self.decl_extra += len(got - want)
        self.steps_expected += len(swant)
        self.steps_found += len(swant & sgot)
        self.steps_extra += len(sgot - swant)

    @property
    def precision(self) -> float:
        return self.right / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.stated if self.stated else 1.0

    def row(self, name: str) -> str:
        return (f"{name:<58} {self.stated:>6} {self.right:>5} {self.proposed:>8} {self.flips:>5} "
                f"{self.partial:>7} {self.precision:>9.1%} {self.recall:>7.1%}  "
                f"{self.decl_expected}/{self.decl_found}/{self.decl_extra:<8} "
                f"{self.steps_expected}/{self.steps_found}/{self.steps_extra}")


HEADER = (f"{'letter':<58} {'stated':>6} {'right':>5} {'proposed':>8} {'flips':>5} {'partial':>7} "
          f"{'precision':>9} "
          f"{'recall':>7}  decl e/f/x  steps e/f/x")


def folder_table(scores: list[tuple[str, Score]]) -> str:
    """Per letter and in total: recall, precision, flips, partial sets, declarations and steps
    (expected/found/extra); then the flips and misses named."""
    lines = [HEADER]
    total = Tally()
    for name, sc in scores:
        one = Tally()
        one.add(sc)
        total.add(sc)
        lines.append(one.row(name))
    lines.append(total.row(f"TOTAL ({total.letters} letters)"))
    for name, sc in scores:
        for f in sc.facts:
            if f.outcome != "right":
                mark = {"wrong": "FLIP", "partial": "PART", "missed": "missed", "extra": "EXTRA"}[f.outcome]
                lines.append(f"  {mark:<6} {name}: {f.fact} reference {_show(f.reference)}, draft "
                             f"{_show(f.proposed)}")
        for x in sorted(set(sc.declarations_expected) - set(sc.declarations_found)):
            lines.append(f"  missed {name}: declaration {x}")
        for x in sorted(set(sc.declarations_found) - set(sc.declarations_expected)):
            lines.append(f"  EXTRA  {name}: declaration {x}")
        for x in sorted(set(sc.steps_expected) - set(sc.steps_found)):
            lines.append(f"  missed {name}: step {x}")
        for x in sorted(set(sc.steps_found) - set(sc.steps_expected)):
            lines.append(f"  EXTRA  {name}: step {x}")
        if sc.date_expected is not None and sc.date_found != sc.date_expected:
            lines.append(f"  WRONG  {name}: date reference {sc.date_expected}, draft {sc.date_found or '-'}")
    return "\n".join(lines) + "\n"
