"""How long `compliance draft` takes on a 1 MB letter (target: <= 1 s).

Run: .venv/bin/python benchmarks/draft.py [MB]   (default 1)
Three letters of that size: the seed letter repeated (an annotated agenda with many
items, one of them on the dossier), its CSAM item repeated (a letter about the dossier
from start to end, so every cue is tried everywhere), and the constructed test letters
repeated. Each is drafted five times; the best wall time and its CPU time are printed
(on a loaded machine wall time grows, CPU time much less). Reading the file is not timed.

Then the same words with every punctuation mark and line break taken out, at 1, 5 and 10 MB,
drafted once each: one run of words without a full stop is where reading was quadratic
(issue 23); the time per MB must stay flat as the size grows (linear).
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

from compliance.drafting import draft_letter, render_position
from compliance.loading.workspace import load_workspace

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed" / "geannoteerde-agenda-jbz-raad-2023-09-28.txt"
LETTERS = ROOT / "tests" / "data" / "letters"
RUNS = 5


def _sized(text: str, size: int) -> str:
    return (text * (size // max(1, len(text)) + 1))[:size]


def main(mb: float) -> int:
    size = int(mb * 1_000_000)
    ws = load_workspace(ROOT)
    seed = SEED.read_text(encoding="utf-8")
    item = seed[seed.index("I. Verordening"):seed.index("II. Asiel")]
    constructed = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(LETTERS.glob("*.txt")))
    worst = 0.0
    for name, text in (("seed letter repeated", _sized(seed, size)),
                       ("its CSAM item repeated", _sized(item, size)),
                       ("constructed letters repeated", _sized(constructed, size))):
        best = (float("inf"), 0.0)
        for _ in range(RUNS):
            t0, c0 = time.perf_counter(), time.process_time()
            draft = draft_letter(text, ws, "csam-regulation", letter_name="bench.txt")
            render_position(draft, "yaml", "nl")
            best = min(best, (time.perf_counter() - t0, time.process_time() - c0))
        worst = max(worst, best[0])
        print(f"{name:<30} {len(text) / 1e6:.2f} MB  {best[0]:.3f} s wall (best of {RUNS}), "
              f"{best[1]:.3f} s CPU; {len(draft.proposals)} proposals, "
              f"{len(draft.declarations)} declarations, {len(draft.planned_steps)} steps")
    print(f"slowest: {worst:.3f} s per {mb:g} MB letter (target <= 1 s)")
    words = re.sub(r"[^\w\s]+", " ", seed).split()
    flat = " ".join(words)
    per_mb = []
    for n in (1, 5, 10):
        text = _sized(flat + " ", n * 1_000_000)
        t0, c0 = time.perf_counter(), time.process_time()
        draft_letter(text, ws, "csam-regulation", letter_name="bench.txt")
        took, cpu = time.perf_counter() - t0, time.process_time() - c0
        per_mb.append(cpu / n)
        print(f"no punctuation {n:>2} MB: {took:.3f} s wall, {cpu:.3f} s CPU; "
              f"{took / n:.3f} s wall, {cpu / n:.3f} s CPU per MB")
    print(f"CPU time per MB, 10 MB against 1 MB: x{per_mb[-1] / per_mb[0]:.2f} (linear: about x1)")
    return 0


if __name__ == "__main__":
    sys.exit(main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0))
