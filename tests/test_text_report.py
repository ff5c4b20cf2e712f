"""The text report (the default of `compliance check`): a position's motions of other
dossiers are named on one line, not given a block each, in both languages; every other
motion keeps its block."""

from __future__ import annotations

import pytest

from compliance.api import run_check
from compliance.reports import render
from tests.conftest import ROOT

LINE = {"nl": "Niet van toepassing, gaan niet over dossier", "en": "Not applicable, not about dossier"}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_other_dossiers_motions_are_one_line_per_position(lang: str) -> None:
    report = run_check(ROOT, backend="direct", lang=lang)
    text = render(report, "text")
    blocks = text.split("\n\n")[:-1]  # the last is the summary
    assert len(blocks) == len({m.position for m in report.motions})
    by_position = {f.position: f.dossier for f in report.findings}
    for block in blocks:
        position = block.split()[1]
        dossier = by_position[position]
        elsewhere = [f for f in report.findings if f.position == position and f.dossier == dossier
                     and f.reasons and f.reasons[0].part == "dossier"]
        lines = [line for line in block.splitlines() if LINE[lang] in line]
        assert len(lines) == (1 if elsewhere else 0), block
        if not elsewhere:
            continue
        named = lines[0].split(": ", 1)[1].split("; ")
        motions = {m.motion: m for m in report.motions if m.position == position}
        assert sorted(named) == sorted({motions[f.motion].kamerstuk or f.motion for f in elsewhere})
        assert f"'{dossier}'" in lines[0]
        # no block of its own for a motion of another dossier; every other motion has one
        for m in motions.values():
            label = f"{m.motion_name} ({m.kamerstuk or m.motion})"
            assert (f"\n  {label}" in block) == ((m.kamerstuk or m.motion) not in named), label
    # the counts are those of every finding, the collapsed ones included
    assert report.counts["not_applicable"] == sum(f.verdict == "not_applicable" for f in report.findings)
