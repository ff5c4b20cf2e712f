"""Microseconds per record for the durable and direct evaluators on the real rules.

Run: .venv/bin/python benchmarks/bench_backends.py [N]   (default N=20000 records)
The records come from the differential tests' generator: absent, null, wrongly typed
and valid values mixed, so every verdict occurs. Median of 5 runs after a warm-up.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend
from compliance.loading.workspace import load_workspace
from tests.gen import records

ROOT = Path(__file__).resolve().parent.parent


def main(n: int) -> None:
    ws = load_workspace(ROOT)
    for label, choice in (("default", None), ("strict-reading", {"*": "strict-reading"})):
        pack = ws.pack("csam-regulation", choice)
        batch = records(random.Random(1), pack.vocab, n, sorted(pack.flag_keys))
        for backend in (DurableBackend(), DirectBackend()):
            backend.evaluate(pack, batch[:500])
            runs = []
            for _ in range(5):
                started = time.perf_counter()
                backend.evaluate(pack, batch)
                runs.append((time.perf_counter() - started) / n * 1e6)
            print(f"{label:<15} {backend.name:<8} {len(pack.clauses)} clauses  "
                  f"{statistics.median(runs):7.1f} µs/record")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20_000)
