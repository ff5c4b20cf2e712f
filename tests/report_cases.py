"""Workspaces for the report tests: the seed position plus variants made from it by editing
its text, so each verdict kind the formats must show really comes out of the engine."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import ROOT, SEED

SEED_ID = "nl-2023-09-18-geannoteerde-agenda-jbz"
UNDECLARED_ID = "nl-2023-11-20-variant-supports-text"
UNDETERMINED_ID = "nl-2023-10-02-variant-vote-unstated"


def seed_text() -> str:
    return (ROOT / SEED).read_text(encoding="utf-8")


def supports_text(text: str) -> str:
    """The cabinet would vote for the text: an irreversible step before the substantiation
    letter, a conflict with motion 1047 that no one has declared."""
    assert "    value: not_for\n" in text and "  - date: 2023-09-28\n" in text
    # The step is moved to the letter's own date: the timeline only knows the substantiation
    # letter had not been sent by 18 Sept 2023, so a later step would be undetermined.
    return (text.replace("    value: not_for\n", "    value: for\n")
            .replace("  - date: 2023-09-28\n", "  - date: 2023-09-18\n"))


def vote_unstated(text: str) -> str:
    """The position says nothing about the vote: motion 1047 becomes undetermined."""
    out = re.sub(r"  cabinet_vote_intention:\n(    .*\n)+", "", text)
    assert out != text
    return out


def variant(text: str, new_id: str, date: str) -> str:
    return (text.replace(f"id: {SEED_ID}", f"id: {new_id}")
            .replace("date: 2023-09-18\nactor", f"date: {date}\nactor"))


def make_workspace(root: Path, *, variants: bool = True) -> Path:
    """motions/, rules/ and examples/positions/ with the seed and (optionally) two variants."""
    for name in ("motions", "rules"):
        shutil.copytree(ROOT / name, root / name)
    # Only the seed position: the report tests count findings of known positions.
    positions = root / "examples" / "positions"
    positions.mkdir(parents=True)
    shutil.copy(ROOT / SEED, positions / Path(SEED).name)
    if variants:
        (positions / "2023-11-20-variant-supports-text.yaml").write_text(
            variant(supports_text(seed_text()), UNDECLARED_ID, "2023-09-18"), encoding="utf-8")
        (positions / "2023-10-02-variant-vote-unstated.yaml").write_text(
            variant(vote_unstated(seed_text()), UNDETERMINED_ID, "2023-10-02"), encoding="utf-8")
    return root
