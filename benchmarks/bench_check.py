"""check() alone and the JSON report's size, per finding, on a synthetic workspace.

Run: .venv/bin/python benchmarks/bench_check.py [N]   (default N=200 positions)

Prints the CPU time of check() per finding (direct and durable; best of 5, the garbage
collector paused as in the CLI), with and without the condition reasons (what the formats
outside compliance.reports.SHOWS_CONDITIONS get), and the JSON report's bytes per finding
by section, written as a streamed check writes them (chunks of 50 positions, each table
entry once). Asserts nothing.
"""

from __future__ import annotations

import gc
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from compliance.api import check, get_backend, load_positions, load_workspace
from compliance.parallel import CHUNK
from compliance.reports import json_report

ROOT = Path(__file__).resolve().parent.parent


def main(n: int) -> None:
    tmp = tempfile.mkdtemp()
    try:
        run(Path(tmp), n)
    finally:
        shutil.rmtree(tmp)


def run(tmp: Path, n: int) -> None:
    generate = ROOT / "benchmarks" / "generate.py"
    subprocess.run([sys.executable, str(generate), str(tmp), "--positions", str(n)], check=True,
                   capture_output=True)
    ws = load_workspace(tmp)
    positions = load_positions(ws, [tmp / "positions"])
    for name in ("direct", "durable"):
        backend = get_backend(name)
        for conditions in (True, False):
            check(ws, positions[:5], backend, conditions=conditions)
            best = float("inf")
            for _ in range(5):
                gc.disable()
                t0 = time.process_time()
                report = check(ws, positions, backend, conditions=conditions)
                best = min(best, time.process_time() - t0)
                gc.enable()
                gc.collect()
            count = len(report.findings)
            print(f"check, {name:<7} conditions={conditions!s:<5}: "
                  f"{best * 1e6 / count:6.2f} us per finding ({count} findings)")
    sizes = [0] * len(json_report.SECTIONS)
    seen: dict[bytes, bytes] = {}
    findings = 0
    for i in range(0, len(positions), CHUNK):
        report = check(ws, positions[i:i + CHUNK], get_backend("direct"))
        findings += len(report.findings)
        for k, section in enumerate(json_report.sections(report)):
            sizes[k] += len(json_report.merge_section(k, section, seen))
    parts = zip(json_report.SECTIONS, sizes, strict=True)
    print(f"JSON report, entries: {sum(sizes) / findings:.1f} bytes per finding: "
          + ", ".join(f"{key} {size / findings:.1f}" for key, size in parts))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
