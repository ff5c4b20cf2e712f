"""How long each report format takes to render for many positions.

Run: .venv/bin/python benchmarks/bench_reports.py [N]   (default N=200 positions)
The positions are copies of the seed with their own ids and dates, alternating the vote
intention so that conflicts, undeclared conflicts and compliance all occur.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from compliance.api import run_check
from compliance.reports import FORMATS, RenderOptions, render

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples/positions/2023-09-18-geannoteerde-agenda-jbz.yaml"


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        for name in ("motions", "rules"):
            shutil.copytree(ROOT / name, ws / name)
        positions = ws / "positions"
        positions.mkdir()
        seed = SEED.read_text(encoding="utf-8")
        for i in range(n):
            text = seed.replace("id: nl-2023-09-18-geannoteerde-agenda-jbz", f"id: bench-{i:05d}")
            if i % 2:
                text = text.replace("    value: not_for\n", "    value: for\n")
            (positions / f"p{i:05d}.yaml").write_text(text, encoding="utf-8")
        t0 = time.perf_counter()
        report = run_check(ws, [positions], backend="direct", lang="en")
        print(f"check of {n} positions (direct backend): {time.perf_counter() - t0:.2f} s, "
              f"{len(report.findings)} findings")
        options = RenderOptions(fail_on="undeclared")
        for fmt in FORMATS:
            t0 = time.perf_counter()
            out = render(report, fmt, options)
            print(f"{fmt:<9} {time.perf_counter() - t0:7.3f} s  {len(out.encode()) / 1024:9.1f} kB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
