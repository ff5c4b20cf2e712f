"""durable-rules under load: a million evaluations in one process (test_stress.py runs
200,000 over two packs), no crash, flat memory, and the engine still agreeing with the
direct evaluator at the end."""

from __future__ import annotations

import os
import random
from pathlib import Path
from typing import Any

import pytest

from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend
from compliance.conditions.values import typed_value
from compliance.loading.workspace import load_workspace
from tests.conftest import ROOT

EVALUATIONS = int(os.environ.get("COMPLIANCE_STRESS_EVALUATIONS", "1000000"))
BATCH = 10_000
WARM_UP = min(100_000, EVALUATIONS // 2 // BATCH * BATCH)


def rss_bytes() -> int:
    """Resident memory now (not the peak, which never goes down)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def random_facts(rng: random.Random, facts: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, fact in facts.items():
        if rng.random() < 0.3:
            continue  # absent: unknown
        if fact.type == "bool":
            raw: Any = rng.random() < 0.5
        elif fact.type == "enum":
            raw = rng.choice(sorted(fact.values))
        elif fact.type == "set":
            raw = rng.sample(sorted(fact.values), rng.randint(0, len(fact.values)))
        else:
            continue
        out[name] = typed_value(fact, raw)
    return out


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads memory from /proc")
def test_a_million_evaluations_without_crash_and_with_flat_memory() -> None:
    ws = load_workspace(ROOT)
    pack = ws.pack("csam-regulation")
    vocab = ws.vocabularies["csam-regulation"].model.facts
    rng = random.Random(1)
    pool = [random_facts(rng, vocab) for _ in range(BATCH)]
    durable, direct = DurableBackend(), DirectBackend()
    expected = direct.evaluate(pack, pool)
    assert durable.evaluate(pack, pool) == expected
    done, baseline = BATCH, rss_bytes()
    while done < EVALUATIONS:
        if done == WARM_UP:
            # measured from here: the allocators' pools have settled by now
            baseline = rss_bytes()
        got = durable.evaluate(pack, pool)
        done += BATCH
        assert len(got) == BATCH
    growth = rss_bytes() - baseline
    assert durable.evaluate(pack, pool) == expected
    assert growth < 10 * 1024 * 1024, f"resident memory grew {growth / 1e6:.1f} MB over {done} evaluations"
