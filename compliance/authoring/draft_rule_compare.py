"""Must show 2 of issue 28: for every bundled motion, set its hand-written rule aside, draft
the rule from the record's own words, accept the proposed entries (in a copy), and compare
the verdicts the drafted rule and the hand-written one give on the bundled positions.
``scripts/compare_drafted_rules.py`` prints the table; docs/authoring.md argues the
differences."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from compliance.authoring.draft_rule import _accept, draft_motion

DEFAULT_POSITIONS = Path("examples") / "positions"


@dataclass
class MotionComparison:
    motion: str
    dossier: str
    kinds: list[str]
    drafted: bool
    blockers: list[str]
    same: int = 0
    differ: list[tuple[str, int, str, str]] = field(default_factory=list)  # position, clause, hand, draft
    todos: dict[int, list[str]] = field(default_factory=dict)  # clause -> what the draft leaves to confirm


def _verdicts(root: Path, motion: str) -> dict[tuple[str, int], str]:
    from compliance.api import run_check

    report = run_check(root, [root / DEFAULT_POSITIONS], backend="direct", lang="en", conditions=False)
    return {(f.position, f.clause): f.verdict for f in report.findings if f.motion == motion}


def compare(ws_root: Path) -> list[MotionComparison]:
    out: list[MotionComparison] = []
    rule_files = sorted(p for p in (ws_root / "rules").glob("*/*.yaml")
                        if p.name not in ("dossier.yaml", "timeline.yaml"))
    for rule_file in rule_files:
        motion, dossier = rule_file.stem, rule_file.parent.name
        with tempfile.TemporaryDirectory(prefix="draft-compare-") as tmp:
            root = Path(tmp)
            for name in ("motions", "rules", "examples"):
                shutil.copytree(ws_root / name, root / name)
            (root / "rules" / dossier / rule_file.name).unlink()  # set the hand-written rule aside
            for t in (root / "rules" / dossier / "tests").glob("*.yaml"):
                if t.stem == motion:
                    t.unlink()
            d = draft_motion(root, motion, dossier)
            row = MotionComparison(motion, dossier, [c.kind for c in d.clauses], False,
                                   [b for b, k in zip(d.blockers, d.blocker_codes, strict=True)
                                    if k != "entries"],
                                   todos={c.number: c.todos for c in d.clauses if c.todos})
            if d.rule_text is not None and not row.blockers:
                _accept(root / "rules" / dossier, d)  # the adviser confirms the draft as proposed
                (root / "rules" / dossier / rule_file.name).write_text(d.rule_text, encoding="utf-8")
                row.drafted = True
                drafted = _verdicts(root, motion)
                hand = _verdicts(ws_root, motion)
                for key in sorted(set(hand) | set(drafted)):
                    h, g = hand.get(key, "-"), drafted.get(key, "-")
                    if h == g:
                        row.same += 1
                    else:
                        row.differ.append((key[0], key[1], h, g))
            out.append(row)
    return out


def render(rows: list[MotionComparison]) -> str:
    lines = []
    for r in rows:
        head = f"{r.motion} ({r.dossier}): kinds {', '.join(r.kinds)}"
        if not r.drafted:
            lines.append(f"{head}: NOT DRAFTED — " + "; ".join(r.blockers))
            continue
        lines.append(f"{head}: {r.same} verdicts the same, {len(r.differ)} differ")
        lines += [f"    {p} #{c}: hand-written {h}, drafted {g}" for p, c, h, g in r.differ]
        lines += [f"    TODO #{n}: {t}" for n, ts in sorted(r.todos.items()) for t in ts]
    same = sum(r.same for r in rows)
    differ = sum(len(r.differ) for r in rows)
    drafted = sum(r.drafted for r in rows)
    lines.append(f"total: {drafted}/{len(rows)} motions drafted; {same} verdicts the same, {differ} differ")
    return "\n".join(lines) + "\n"
