"""Must show 2 of issue 28: draft every bundled motion's rule with its hand-written rule set
aside, confirm the draft as proposed, and compare the verdicts on the bundled positions.

    .venv/bin/python scripts/compare_drafted_rules.py

Prints per motion the request kinds drafted, how many verdicts agree and every difference
(position, clause, hand-written verdict, drafted verdict). docs/authoring.md argues them.
"""

from __future__ import annotations

from pathlib import Path

from compliance.authoring.draft_rule_compare import compare, render

ROOT = Path(__file__).resolve().parent.parent

if __name__ == "__main__":
    print(render(compare(ROOT)), end="")
