"""Benchmark of `compliance check` on a SYNTHETIC workspace; prints figures, asserts nothing.

    python benchmarks/run.py                      # 10,000 positions x 100 clause rules
    python benchmarks/run.py --positions 1000     # a quicker look

In one run on the same data: end-to-end `check --format json` with the durable backend
and with the direct evaluator and their ratio; per-stage times (parse + validate,
engine, explain, JSON); peak RSS; `--jobs 1` against `--jobs 2` (and whether their
outputs are identical); resident-memory growth over 100,000 durable evaluations; and
the cold start of `compliance check` on the bundled examples next to the time of merely
importing its dependencies. Every end-to-end run is a fresh process, as in CI.
With ``--peers``, also benchmarks/peers.py's evaluation-only figures on the same workspace
(closures, direct, durable, cedarpy, rule-engine) and the target "end to end per finding
<= 2x cedarpy's evaluation-only cost", the end to end being the durable ``--jobs 1`` run.
"""

from __future__ import annotations

import argparse
import datetime
import filecmp
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = Path(sys.executable).parent
EXE = str(BIN / "compliance") if (BIN / "compliance").exists() else "compliance"
# what a check imports of others' code (the durable backend loads the engine's C core, not
# its Python host)
DEPS = "import durable_rules_engine, pydantic, yaml, typer, jsonschema, rich"


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB (largest process of the run) and exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode() if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed with {code}:\n{err}")
    return wall, usage.ru_maxrss / 1024, code


def median_times(cmds: list[list[str]], cwd: Path, n: int = 7) -> list[float]:
    """The median wall time of each command over ``n`` rounds, the commands interleaved in
    each round, so that a change in the machine's load falls on all of them alike."""
    runs: list[list[float]] = [[] for _ in cmds]
    for _ in range(n):
        for i, cmd in enumerate(cmds):
            runs[i].append(timed(cmd, cwd)[0])
    return [statistics.median(r) for r in runs]


STAGES = r"""
import gc, json, sys, time
gc.disable()  # as the CLI does
from pathlib import Path
t0 = time.perf_counter()
from compliance.backends import get_backend
from compliance.evaluate import check
from compliance.loading.workspace import load_positions, load_workspace, position_files
from compliance.parallel import CHUNK, chunks
from compliance.reports.json_report import sections
out = {"import": time.perf_counter() - t0}
t = time.perf_counter(); ws = load_workspace(Path(".")); out["load_workspace"] = time.perf_counter() - t
backend = get_backend(sys.argv[1])
stages = ("parse_validate_positions", "engine_only", "check_engine_and_explain", "render_json")
out.update({k: 0.0 for k in stages}); out["findings"] = 0; out["json_mb"] = 0.0
# chunk by chunk, as `compliance check --format json` streams (the whole report is never held)
for part in chunks(ws, position_files([Path("positions")]), CHUNK):
    t = time.perf_counter(); pos = load_positions(ws, list(part))
    out["parse_validate_positions"] += time.perf_counter() - t
    t = time.perf_counter()
    for d in sorted({p.model.dossier for p in pos}):
        backend.evaluate(ws.pack(d), [p.facts for p in pos if p.model.dossier == d])
    out["engine_only"] += time.perf_counter() - t
    t = time.perf_counter(); report = check(ws, pos, backend, lang="en")
    out["check_engine_and_explain"] += time.perf_counter() - t
    t = time.perf_counter(); p = sections(report); out["render_json"] += time.perf_counter() - t
    out["findings"] += len(report.findings); out["json_mb"] += sum(len(s) for s in p) / 1e6
    del report, pos, p  # no collection pass: the CLI makes none between chunks either
print(json.dumps(out))
"""

GROWTH = r"""
import json, os, random, sys
from pathlib import Path
from compliance.backends.durable import DurableBackend
from compliance.loading.workspace import load_positions, load_workspace
ws = load_workspace(Path("."))
pos = load_positions(ws, sorted(Path("positions").rglob("*.yaml"))[:2000])
d = pos[0].model.dossier
records = [p.facts for p in pos if p.model.dossier == d][:1000]
pack = ws.pack(d)
b = DurableBackend()
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
b.evaluate(pack, records)
before, n = rss(), 0
while n < int(sys.argv[1]):
    b.evaluate(pack, records); n += len(records)
print(json.dumps({"evaluations": n, "rss_growth_mb": (rss() - before) / 1e6,
                  "clauses_per_evaluation": len(pack.clauses)}))
"""


def machine() -> dict[str, str]:
    lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines()
    model = next((line.split(":", 1)[1].strip() for line in lscpu if line.startswith("Model name")), "?")
    return {"date": datetime.date.today().isoformat(), "cpu": model, "nproc": str(os.cpu_count()),
            "usable_cpus": str(len(os.sched_getaffinity(0))),
            "python": platform.python_version(), "platform": platform.platform()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--positions", type=int, default=10_000)
    ap.add_argument("--motions", type=int, default=50)
    ap.add_argument("--clauses", type=int, default=2, help="clauses (rules) per motion")
    ap.add_argument("--dossiers", type=int, default=2)
    ap.add_argument("--growth", type=int, default=100_000, help="evaluations for the RSS growth figure")
    ap.add_argument("--workdir", type=Path, help="keep the workspace and reports here")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON")
    ap.add_argument("--peers", action="store_true", help="also run benchmarks/peers.py on the same workspace "
                    "(evaluation only; cedarpy and rule-engine from the `bench` extra)")
    a = ap.parse_args()

    work = a.workdir or Path(tempfile.mkdtemp(prefix="compliance-bench-"))
    sys.path.insert(0, str(HERE))
    from generate import generate

    ws = work / "workspace"
    if not (ws / "positions").exists():
        generate(ws, dossiers=a.dossiers, motions=a.motions, clauses=a.clauses, positions=a.positions)
    fig: dict[str, Any] = {"machine": machine(), "size": {
        "positions": a.positions, "dossiers": a.dossiers, "motions": a.motions,
        "clause_rules": a.motions * a.clauses, "findings": a.positions * a.motions * a.clauses}}
    print(f"# SYNTHETIC workspace: {fig['size']}\n# machine: {fig['machine']}", flush=True)

    runs: dict[str, Any] = {}
    for backend, jobs in (("durable", 1), ("direct", 1), ("durable", 2)):
        out = work / f"report-{backend}-j{jobs}.json"
        wall, rss, _ = timed([EXE, "check", "positions", "--format", "json", "--fail-on", "never",
                              "--lang", "en", "--backend", backend, "--jobs", str(jobs), "-o", str(out)], ws)
        runs[f"{backend}_jobs{jobs}"] = {"seconds": round(wall, 2), "peak_rss_mb": round(rss)}
        print(f"end to end, {backend:7} --jobs {jobs}: {wall:7.2f} s   peak RSS {rss:7.0f} MB", flush=True)
    fig["end_to_end"] = runs
    fig["durable_over_direct"] = round(runs["durable_jobs1"]["seconds"] / runs["direct_jobs1"]["seconds"], 2)
    fig["jobs2_speedup"] = round(runs["durable_jobs1"]["seconds"] / runs["durable_jobs2"]["seconds"], 2)
    fig["jobs2_identical"] = filecmp.cmp(work / "report-durable-j1.json", work / "report-durable-j2.json",
                                         shallow=False)
    fig["durable_equals_direct"] = filecmp.cmp(work / "report-durable-j1.json",
                                               work / "report-direct-j1.json", shallow=False)
    print(f"durable / direct: {fig['durable_over_direct']}x   --jobs 2 speed-up: {fig['jobs2_speedup']}x   "
          f"jobs 2 output identical: {fig['jobs2_identical']}   durable == direct: "
          f"{fig['durable_equals_direct']}", flush=True)
    size = (work / "report-durable-j1.json").stat().st_size
    fig["report"] = {"bytes": size, "bytes_per_finding": round(size / max(1, fig["size"]["findings"]), 1)}
    print(f"report: {size / 1e6:.1f} MB, {fig['report']['bytes_per_finding']} bytes per finding", flush=True)
    for f in work.glob("report-*.json"):
        f.unlink()

    fig["stages"] = {}
    for backend in ("durable", "direct"):
        res = subprocess.run([sys.executable, "-c", STAGES, backend], cwd=ws, capture_output=True,
                             text=True, check=True)
        stages = {k: round(v, 2) for k, v in json.loads(res.stdout).items()}
        fig["stages"][backend] = stages
        print(f"stages ({backend}): " + ", ".join(f"{k} {v}" for k, v in stages.items()), flush=True)

    res = subprocess.run([sys.executable, "-c", GROWTH, str(a.growth)], cwd=ws, capture_output=True,
                         text=True, check=True)
    fig["rss_growth"] = json.loads(res.stdout)
    print(f"RSS growth over {fig['rss_growth']['evaluations']} durable evaluations: "
          f"{fig['rss_growth']['rss_growth_mb']:.1f} MB", flush=True)

    cold, deps, bare = median_times([[EXE, "check", "--fail-on", "never"], [sys.executable, "-c", DEPS],
                                     [sys.executable, "-c", "pass"]], ROOT)
    fig["cold_start"] = {"check_examples_s": round(cold, 3), "import_deps_s": round(deps, 3),
                         "python_bare_s": round(bare, 3), "ratio": round(cold / deps, 2)}
    print(f"cold start: check on examples {cold:.3f} s, importing the dependencies {deps:.3f} s "
          f"(bare python {bare:.3f} s): {cold / deps:.2f}x", flush=True)
    cedar = None
    if a.peers:
        from peers import measure

        fig["peers"] = measure(ws, end_to_end=False)
        cedar = fig["peers"]["peers"].get("cedarpy", {}).get("us_per_position_rule")
    engine = {b: fig["stages"][b]["engine_only"] for b in ("durable", "direct")}
    targets = {
        "end to end --jobs 2 <= 10 s": (runs["durable_jobs2"]["seconds"], 10.0),
        "peak RSS per process <= 150 MB": (max(r["peak_rss_mb"] for r in runs.values()), 150.0),
        "report <= 400 bytes per finding": (fig["report"]["bytes_per_finding"], 400.0),
        "durable engine stage <= 3x direct": (round(engine["durable"] / max(1e-9, engine["direct"]), 2), 3.0),
        "cold start <= 2x dependency import": (fig["cold_start"]["ratio"], 2.0),
    }
    if cedar:  # the end-to-end run above, per finding, against Cedar's evaluation alone
        per_finding = runs["durable_jobs1"]["seconds"] / max(1, fig["size"]["findings"]) * 1e6
        targets["end to end per finding <= 2x cedarpy's evaluation-only cost"] = (
            round(per_finding / cedar, 2), 2.0)
    fig["targets"] = {}
    for name, (got, limit) in targets.items():
        met = got <= limit
        fig["targets"][name] = {"value": got, "limit": limit, "met": met, "ratio": round(got / limit, 2)}
        print(f"target {name}: {got} -> {'met' if met else f'missed ({got / limit:.2f}x)'}", flush=True)
    if a.json:
        a.json.write_text(json.dumps(fig, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
