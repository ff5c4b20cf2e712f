"""How fast the workbench answers: the live re-check of one edited position, and the
overview page (matrix and timeline chart), on the bundled workspace and on a synthetic
one of 1,000 positions (benchmarks/generate.py). Prints figures; targets from issue 13:
re-check <= 50 ms server time, overview <= 300 ms bundled and <= 2 s for 1,000 positions.

Run: .venv/bin/python benchmarks/workbench.py [N]   (default N=1000 synthetic positions)
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from compliance.web.app import create_app
from compliance.web.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
SEED = "examples/positions/2023-09-18-geannoteerde-agenda-jbz.yaml"
ORIGIN = "http://testserver"


def timed(fn: Callable[[], object], n: int) -> tuple[float, float]:
    """(median, max) in milliseconds of ``n`` calls."""
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def client(ws: Path) -> TestClient:
    return TestClient(create_app(Settings(workspace=ws, allowed_hosts=("testserver",))), base_url=ORIGIN)


def live_recheck() -> None:
    import re
    from urllib.parse import urlencode

    from tests.web_support import form_of, replace

    c = client(ROOT)
    fields = form_of(c.get("/editor", params={"file": SEED}).text)
    text = (ROOT / SEED).read_text(encoding="utf-8")
    wb = c.app.state.wb  # type: ignore[attr-defined]
    flips = iter(range(10**6))

    def check_only() -> None:
        value = "true" if next(flips) % 2 else "false"
        wb.check_draft(text.replace("value: true\n    where: \"punt I: technologische",
                                    f"value: {value}\n    where: \"punt I: technologische"), SEED, "nl")

    def panel() -> None:
        value = "true" if next(flips) % 2 else "false"
        body = urlencode(replace(fields, "facts.cabinet_accepts_detection_on_interpersonal.value", value))
        r = c.post("/editor/verdicts", content=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Origin": ORIGIN})
        assert r.status_code == 200 and re.search("data-motion", r.text)

    check_only(), panel()  # warm up
    med, worst = timed(check_only, 50)
    print(f"re-check of the edited seed against every motion (loader + check):  median {med:6.1f} ms  "
          f"max {worst:6.1f} ms   (target <= 50 ms)")
    med, worst = timed(panel, 50)
    print(f"live verdict panel request (form -> YAML -> check -> suggestions -> HTML): median {med:6.1f} ms  "
          f"max {worst:6.1f} ms")


def overview(ws: Path, label: str, target: str) -> None:
    t0 = time.perf_counter()
    c = client(ws)
    start = (time.perf_counter() - t0) * 1000
    t0 = time.perf_counter()
    r = c.get("/")
    cold = (time.perf_counter() - t0) * 1000
    assert r.status_code == 200, r.text[:500]
    med, _ = timed(lambda: c.get("/"), 5)
    print(f"overview, {label}: server start (workspace loaded) {start:6.0f} ms; first page (loads and "
          f"checks every position, timeline) {cold:7.0f} ms; again (files unchanged) median {med:6.1f} ms "
          f"(target {target})  [{len(r.text) // 1024} KiB]")
    # an edited position file makes the overview re-load and re-check
    files = sorted((ws / "examples" / "positions").rglob("*.yaml"))
    files[0].write_text(files[0].read_text(encoding="utf-8") + "\n", encoding="utf-8")
    t0 = time.perf_counter()
    c.get("/")
    print(f"overview, {label}: after one file changed {(time.perf_counter() - t0) * 1000:7.0f} ms")


def main(n: int) -> None:
    sys.path.insert(0, str(ROOT))
    live_recheck()
    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp) / "bundled"
        for name in ("motions", "rules", "examples"):
            shutil.copytree(ROOT / name, ws / name)
        overview(ws, "bundled workspace", "<= 300 ms")
        from benchmarks.generate import generate

        big = Path(tmp) / "synthetic"
        size = generate(big, positions=n, dossiers=2, motions=20, clauses=2)
        (big / "examples").mkdir()
        (big / "positions").rename(big / "examples" / "positions")
        overview(big, f"{n} synthetic positions x {size['motions']} motions", "<= 2 s")
        import subprocess

        t0 = time.perf_counter()
        subprocess.run([str(Path(sys.executable).parent / "compliance"), "check", "-w", str(big),
                        str(big / "examples" / "positions"), "--format", "json", "-o", str(big / "r.json")],
                       check=False, capture_output=True)
        print(f"for scale: `compliance check` of the same {n} positions: "
              f"{(time.perf_counter() - t0) * 1000:7.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
