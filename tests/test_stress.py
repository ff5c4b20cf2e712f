"""200,000 evaluations through durable-rules in one process: no crash, flat memory.

The engine's known failure modes under load (too many live sessions, states deleted
before any action ran, per-ruleset leaks) all show up as a crash or as growing memory
long before this many records.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend
from compliance.loading.workspace import load_workspace
from tests.conftest import ROOT
from tests.gen import records

TOTAL = 200_000
CHUNK = 1_000
WARM_UP = 10_000
MAX_GROWTH_KB = 20 * 1024


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS in /proc/self/status")


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_200k_evaluations_with_flat_memory() -> None:
    ws = load_workspace(ROOT)
    packs = [ws.pack("csam-regulation"), ws.pack("csam-regulation", {"*": "strict-reading"})]
    flags = sorted(packs[0].flag_keys | packs[1].flag_keys)
    pool = records(random.Random(2023), packs[0].vocab, 5_000, flags)  # reused: no growth from inputs
    backend = DurableBackend()
    direct = DirectBackend()
    verdicts: dict[str, int] = {}

    def run(n: int, start: int) -> None:
        for i in range(start, start + n, CHUNK):
            pack = packs[(i // CHUNK) % 2]
            offset = i % len(pool)
            batch = (pool[offset:] + pool[:offset])[:CHUNK]
            out = backend.evaluate(pack, batch)
            if i % 20_000 == 0:  # spot-check against the direct evaluator as we go
                assert out == direct.evaluate(pack, batch)
            for outcome in out:
                for o in outcome.values():
                    verdicts[o.verdict] = verdicts.get(o.verdict, 0) + 1

    run(WARM_UP, 0)
    before = rss_kb()
    started = time.perf_counter()
    run(TOTAL, WARM_UP)
    seconds = time.perf_counter() - started
    after = rss_kb()
    growth = after - before
    print(f"\n{TOTAL} durable evaluations in {seconds:.1f} s ({seconds / TOTAL * 1e6:.0f} µs each); "
          f"RSS {before / 1024:.1f} MB -> {after / 1024:.1f} MB (growth {growth / 1024:.2f} MB); "
          f"verdicts {dict(sorted(verdicts.items()))}")
    assert growth < MAX_GROWTH_KB, f"RSS grew by {growth} kB"
    assert len(packs[0].clauses) == len(packs[1].clauses)
    assert sum(verdicts.values()) == (TOTAL + WARM_UP) * len(packs[0].clauses)
    assert set(verdicts) >= {"conflicts", "complies", "undetermined"}
