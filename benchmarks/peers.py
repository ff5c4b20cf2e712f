"""Peer benchmark: the project's rules evaluated by plain Python closures, the direct
evaluator, durable-rules as the project drives it, Cedar (cedarpy) and rule-engine, in one
process, on the same positions and rules; then the project's own end-to-end cost per finding.

    .venv/bin/pip install -e '.[bench]'     # cedarpy and rule-engine (each skipped, with a note, when absent)
    .venv/bin/python benchmarks/peers.py --positions 1000    # 1,000 positions x 100 clause rules

The workspace is the SYNTHETIC one of benchmarks/generate.py (same arguments, same files).
The rule packs are translated mechanically (benchmarks/translate.py), keeping the
three-valued semantics, and every peer's verdicts and notes are compared with the direct
evaluator's on every position x rule: the script prints the agreement and exits 1 on any
disagreement. Times are evaluation only, the median of ``--repeat`` runs after a warm-up,
divided by the position x rule pairs evaluated (a position is evaluated against its own
dossier's rules, as a check does). Translating the rules is never timed; converting the
records into Cedar's and rule-engine's input is done before their clock starts, while the
direct and durable evaluators are timed as a check calls them, their own reading of each
record (typed values, the engine's projection) included. The end-to-end figure is given
per finding of the report (which holds one per clause of every motion, the other
dossiers' included) and per position x rule pair as the peers count them. Nothing about
time is asserted.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from translate import (  # noqa: E402  (benchmarks/ is not a package on the path)
    Untranslatable,
    cedar_context,
    cedar_outcomes,
    cedar_policies,
    clause_closures,
    rule_engine_sources,
    rule_engine_thing,
)

from compliance.pack import Outcome, RulePack  # noqa: E402

TARGET = 2.0  # issue 16: end to end per finding <= 2x cedarpy's evaluation-only cost
Outcomes = list[dict[str, Outcome]]


class Peer:
    """One evaluator on one dossier's records: ``run`` is what is timed, ``decode`` turns its
    result into outcomes for the agreement check (untimed)."""

    def __init__(self, run: Callable[[], Any], decode: Callable[[Any], Outcomes] = lambda r: r) -> None:
        self.run, self.decode = run, decode


def _closures(pack: RulePack, records: list[dict[str, Any]]) -> Peer:
    fns = clause_closures(pack)
    return Peer(lambda: [{key: fn(r) for key, fn in fns} for r in records])


def _direct(pack: RulePack, records: list[dict[str, Any]]) -> Peer:
    from compliance.backends.direct import DirectBackend

    backend = DirectBackend()
    return Peer(lambda: backend.evaluate(pack, records))


_DURABLE: list[Any] = []  # one host per process, as a check has: compiled packs are kept


def _durable(pack: RulePack, records: list[dict[str, Any]]) -> Peer:
    from compliance.backends.durable import DurableBackend

    if not _DURABLE:
        _DURABLE.append(DurableBackend())
    backend = _DURABLE[0]
    return Peer(lambda: backend.evaluate(pack, records))


def _cedarpy(pack: RulePack, records: list[dict[str, Any]]) -> Peer:
    import cedarpy

    text, meaning = cedar_policies(pack)
    policies = cedarpy.PolicySet.from_str(text)
    entities = cedarpy.Entities.from_json_str("[]")
    # one request per position; Cedar evaluates every policy of the set for each
    requests = [{"principal": 'Cabinet::"position"', "action": 'Action::"check"',
                 "resource": 'Rules::"pack"', "context": cedar_context(r)} for r in records]

    def decode(results: list[Any]) -> Outcomes:
        errors = [e for r in results for e in r.diagnostics.errors]
        if errors:
            raise Untranslatable(f"Cedar reported {len(errors)} evaluation errors, e.g. {errors[0]}")
        return [cedar_outcomes(pack, meaning, list(r.diagnostics.reasons)) for r in results]

    return Peer(lambda: cedarpy.is_authorized_batch(requests, policies, entities), decode)


def _rule_engine(pack: RulePack, records: list[dict[str, Any]]) -> Peer:
    import rule_engine

    context = rule_engine.Context(default_value=None)
    rules = [(key, rule_engine.Rule(expr, context=context),
              tuple(rule_engine.Rule(n, context=context) for n in notes))
             for key, expr, notes in rule_engine_sources(pack)]
    things = [rule_engine_thing(r, pack.facts | pack.flag_keys) for r in records]

    def run() -> list[dict[str, tuple[str, tuple[int, ...]]]]:
        return [{key: (verdict.evaluate(t), tuple(i for i, n in enumerate(notes) if n.matches(t)))
                 for key, verdict, notes in rules} for t in things]

    def decode(raw: list[dict[str, tuple[str, tuple[int, ...]]]]) -> Outcomes:
        return [{k: Outcome(v, notes) for k, (v, notes) in r.items()} for r in raw]  # type: ignore[arg-type]

    return Peer(run, decode)


# name, builder, the module it needs (None: always there), what is compared
PEERS: tuple[tuple[str, Callable[[RulePack, list[dict[str, Any]]], Peer], str | None, str], ...] = (
    ("python closures", _closures, None, "three-valued closures"),
    ("direct", _direct, None, "the reference"),
    ("durable", _durable, "durable", "as the project drives it"),
    ("cedarpy", _cedarpy, "cedarpy", "dual-rail policies, three-valued"),
    ("rule-engine", _rule_engine, "rule_engine", "dual-rail expressions, three-valued"),
)


def _timed(run: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    gc.disable()  # as a check runs; the engine's cycles are collected between runs
    try:
        start = time.perf_counter()
        out = run()
        return time.perf_counter() - start, out
    finally:
        gc.enable()


def measure(workspace: Path, repeat: int = 3, end_to_end: bool = True) -> dict[str, Any]:
    """Print and return the figures for the workspace at ``workspace``."""
    from compliance.backends.direct import DirectBackend
    from compliance.loading.workspace import load_positions, load_workspace, position_files

    ws = load_workspace(workspace)
    positions = load_positions(ws, position_files([workspace / "positions"]))
    dossiers = sorted({p.model.dossier for p in positions})
    packs = {d: ws.pack(d) for d in dossiers}
    records = {d: [p.facts for p in positions if p.model.dossier == d] for d in dossiers}
    pairs = sum(len(records[d]) * len(packs[d].clauses) for d in dossiers)
    rules = sum(len(p.clauses) for p in packs.values())
    reference = {d: DirectBackend().evaluate(packs[d], records[d]) for d in dossiers}
    fig: dict[str, Any] = {"positions": len(positions), "clause_rules": rules, "pairs": pairs, "peers": {}}
    print(f"peers: {len(positions)} positions x {rules} clause rules; {pairs} position x rule pairs "
          f"evaluated (each position against its own dossier's rules)", flush=True)
    counts = Counter(o.verdict for d in dossiers for r in reference[d] for o in r.values())
    notes = sum(len(o.notes) for d in dossiers for r in reference[d] for o in r.values())
    print("reference verdicts (direct): " + ", ".join(f"{v} {n}" for v, n in sorted(counts.items()))
          + f"; notes {notes}", flush=True)

    disagree = False
    for name, build, module, what in PEERS:
        if module is not None and importlib.util.find_spec(module) is None:
            print(f"{name}: skipped ({module} is not installed: pip install -e '.[bench]')", flush=True)
            fig["peers"][name] = {"skipped": f"{module} not installed"}
            continue
        try:
            built = {d: build(packs[d], records[d]) for d in dossiers}
            for d in dossiers:  # warm-up: first calls compile, cache and allocate
                _timed(built[d].run)
            runs = []
            for _ in range(repeat):
                total, results = 0.0, {}
                for d in dossiers:
                    took, results[d] = _timed(built[d].run)
                    total += took
                runs.append(total)
            decoded = {d: built[d].decode(results[d]) for d in dossiers}
        except Untranslatable as e:
            print(f"{name}: skipped (cannot be translated with the same meaning: {e})", flush=True)
            fig["peers"][name] = {"skipped": str(e)}
            continue
        agree = sum(decoded[d][i][c.key] == reference[d][i][c.key]
                    for d in dossiers for i in range(len(records[d])) for c in packs[d].clauses)
        us = statistics.median(runs) / max(1, pairs) * 1e6
        fig["peers"][name] = {"us_per_position_rule": round(us, 3), "agree": agree, "pairs": pairs}
        disagree |= agree != pairs
        print(f"{name}: {us:.2f} us per position x rule; agrees with the direct evaluator on {agree} / "
              f"{pairs} position x rule outcomes (verdict and notes; {what})", flush=True)

    cedar = fig["peers"].get("cedarpy", {}).get("us_per_position_rule")
    if cedar:
        print("ratio to cedarpy: " + ", ".join(
            f"{n} {f['us_per_position_rule'] / cedar:.2f}x" for n, f in fig["peers"].items()
            if "us_per_position_rule" in f), flush=True)
    if end_to_end:
        fig["end_to_end"] = _end_to_end(workspace, cedar, pairs)
    if disagree:
        print("DISAGREEMENT: a peer's verdicts differ from the direct evaluator's (a translation bug)",
              flush=True)
    fig["all_agree"] = not disagree
    return fig


def _end_to_end(workspace: Path, cedar: float | None, pairs: int) -> dict[str, Any]:
    """`compliance check --format json` in a subprocess: wall time per finding of the report."""
    with tempfile.TemporaryDirectory(prefix="compliance-peers-") as tmp:
        out = Path(tmp) / "report.json"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "compliance", "check", "positions", "--format", "json",
                        "--fail-on", "never", "--lang", "en", "-o", str(out)], cwd=workspace, check=True)
        wall = time.perf_counter() - start
        findings = len(json.loads(out.read_bytes())["findings"])
    us = wall / max(1, findings) * 1e6
    per_pair = wall / max(1, pairs) * 1e6
    fig: dict[str, Any] = {"seconds": round(wall, 2), "findings": findings, "us_per_finding": round(us, 2),
                           "us_per_position_rule": round(per_pair, 2)}
    line = f"end to end (compliance check --format json, durable): {wall:.2f} s, {findings} findings, " \
           f"{us:.2f} us per finding ({per_pair:.2f} us per position x rule pair of its own dossier)"
    if cedar:
        ratio = us / cedar
        fig.update(over_cedarpy=round(ratio, 2), target=TARGET, met=ratio <= TARGET)
        print(f"{line}, {ratio:.2f}x cedarpy's evaluation-only cost per position x rule", flush=True)
        print(f"target end to end per finding <= {TARGET:g}x cedarpy's evaluation-only cost: {ratio:.2f} -> "
              + ("met" if ratio <= TARGET else f"missed ({ratio / TARGET:.2f}x)"), flush=True)
    else:
        print(line, flush=True)
        print(f"target end to end per finding <= {TARGET:g}x cedarpy's evaluation-only cost: not measured "
              "(cedarpy is not installed)", flush=True)
    return fig


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--positions", type=int, default=1_000)
    ap.add_argument("--motions", type=int, default=50)
    ap.add_argument("--clauses", type=int, default=2, help="clauses (rules) per motion")
    ap.add_argument("--dossiers", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per peer (the median is printed)")
    ap.add_argument("--workdir", type=Path, help="keep the workspace here (reused when present)")
    ap.add_argument("--no-end-to-end", action="store_true", help="skip the `compliance check` run")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    a = ap.parse_args()
    from generate import generate

    work = a.workdir or Path(tempfile.mkdtemp(prefix="compliance-peers-"))
    ws = work / "workspace"
    if not (ws / "positions").exists():
        generate(ws, dossiers=a.dossiers, motions=a.motions, clauses=a.clauses, positions=a.positions)
    print(f"# SYNTHETIC workspace (benchmarks/generate.py) at {ws}", flush=True)
    fig = measure(ws, a.repeat, not a.no_end_to_end)
    if a.json:
        a.json.write_text(json.dumps(fig, indent=2) + "\n", encoding="utf-8")
    raise SystemExit(0 if fig["all_agree"] else 1)


if __name__ == "__main__":
    main()
