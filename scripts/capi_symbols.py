"""The symbol check: which Python C-API symbols durable-rules' compiled extension asks
the dynamic loader for, and whether each one resolves on this Python, with the project's
C-API shim loaded where that Python removed one (docs/pycompat.md).

    python scripts/capi_symbols.py                   # the running interpreter
    python scripts/capi_symbols.py --python A --python B   # each of those (venvs with the project)
    python scripts/capi_symbols.py --all             # every 3.11-3.14 found; venvs .venv-X.Y made as needed

Exit 0 when every symbol resolves on every interpreter checked, 1 otherwise. Where no 3.14
interpreter is checked, the last build checked is set against the Stable ABI, which no
later Python removes (PEP 652): a symbol in it, or one the shim provides, resolves on 3.14.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VERSIONS = ("3.11", "3.12", "3.13", "3.14")
EXTENSION = "durable_rules_engine"


def undefined_symbols(library: str) -> list[str]:
    """The Python C-API names (Py*, _Py*) the library leaves for the loader to resolve."""
    nm = shutil.which("nm")
    if nm is None:
        raise SystemExit("capi_symbols: nm (binutils, which the C compiler needs too) is not installed")
    out = subprocess.run([nm, "-D", "--undefined-only", library], capture_output=True, text=True,
                         check=True).stdout
    names = {line.split()[-1].split("@")[0] for line in out.splitlines() if line.strip()}
    return sorted(n for n in names if n.startswith(("Py", "_Py")))


def stable_abi() -> set[str] | None:
    """The Stable ABI's symbol names as this Python's own test suite lists them (None where
    the test package is not installed, as in some distributions' builds)."""
    try:
        from test import test_stable_abi_ctypes  # type: ignore[import-not-found]
    except ImportError:
        return None
    return set(test_stable_abi_ctypes.SYMBOL_NAMES)


def probe() -> dict[str, Any]:
    """Run in the interpreter under test, before anything has imported the engine."""
    from compliance.backends import pycompat

    spec = importlib.util.find_spec(EXTENSION)  # finds the file without loading it
    if spec is None or spec.origin is None:
        raise SystemExit(f"capi_symbols: durable-rules is not installed for {sys.executable}")
    symbols = undefined_symbols(spec.origin)
    exported = {s: pycompat.resolves(s) for s in symbols}
    error = None
    try:
        shimmed = pycompat.prepare_durable()
        importlib.import_module(EXTENSION)  # the proof: the loader resolved every symbol
    except ImportError as e:
        shimmed, error = (), str(e)
    abi = stable_abi()
    return {
        "python": ".".join(map(str, sys.version_info[:3])),
        "executable": sys.executable,
        "extension": spec.origin,
        "symbols": [{"name": s, "exported": exported[s], "shim": s in shimmed,
                     "resolves": pycompat.resolves(s), "stable_abi": None if abi is None else s in abi}
                    for s in symbols],
        "shim_provides": sorted(pycompat.REMOVED),
        "removed": {n: ".".join(map(str, v)) for n, v in pycompat.REMOVED.items()},
        "engine_loads": error is None,
        "error": error,
    }


def interpreter(version: str) -> str | None:
    """A python of that version: on PATH or under pyenv."""
    candidates = [shutil.which(f"python{version}")]
    pyenv = Path("/root/.pyenv/versions").glob(f"{version}.*/bin/python{version}")
    candidates += [str(p) for p in sorted(pyenv)]
    for exe in filter(None, candidates):
        got = subprocess.run([exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True)
        if got.returncode == 0 and got.stdout.strip() == version:
            return exe
    return None


def venv_for(version: str, exe: str) -> str:
    """ROOT/.venv-X.Y with the project installed (made once, then reused)."""
    where = ROOT / f".venv-{version}"
    python = where / "bin" / "python"
    probe = [str(python), "-c", "import compliance.backends.pycompat, durable"]
    ready = python.exists() and subprocess.run(probe, capture_output=True).returncode == 0
    if not ready:
        subprocess.run([exe, "-m", "venv", str(where)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "-e", str(ROOT)], check=True)
    return str(python)


def run(python: str) -> dict[str, Any]:
    got = subprocess.run([python, str(Path(__file__).resolve()), "--probe-json"], capture_output=True,
                         text=True, cwd=ROOT)
    if got.returncode != 0:
        raise SystemExit(f"capi_symbols: probing {python} failed:\n{got.stderr[-2000:]}")
    result: dict[str, Any] = json.loads(got.stdout)
    return result


def table(results: list[dict[str, Any]]) -> tuple[str, bool]:
    names = sorted({s["name"] for r in results for s in r["symbols"]})
    head = ["symbol", *(f"Python {r['python']}" for r in results)]
    rows = []
    ok = all(r["engine_loads"] for r in results)
    for n in names:
        cells = [n]
        for r in results:
            s = next((s for s in r["symbols"] if s["name"] == n), None)
            if s is None:
                cells.append("-")  # this build does not ask for it
            else:
                ok &= s["resolves"]
                cells.append("MISSING" if not s["resolves"] else "shim" if s["shim"] else "exported")
        rows.append(cells)
    widths = [max(len(c) for c in col) for col in zip(head, *rows, strict=True)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in [head, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for r in results:
        if not r["engine_loads"]:
            lines.append(f"Python {r['python']}: the engine does not load: {r['error']}")
    return "\n".join(lines), ok


def prediction_314(results: list[dict[str, Any]]) -> tuple[str, bool]:
    """For 3.14 without an interpreter: the newest build's symbols against the Stable ABI."""
    newest = max(results, key=lambda r: tuple(map(int, r["python"].split("."))))
    if tuple(map(int, newest["python"].split(".")[:2])) < (3, 13):
        return ("Python 3.14: not checked; a 3.13 build's symbols predict it "
                "(add --python for a 3.13 venv)", True)
    if any(s["stable_abi"] is None for s in newest["symbols"]):
        return (f"Python 3.14: not installed here, and Python {newest['python']} has no "
                "test.test_stable_abi_ctypes to predict from", False)
    lines = [f"Python 3.14: not installed here. Predicted from the Python {newest['python']} build, "
             "assuming 3.14's headers turn the engine's calls into the same names (no 3.14 headers "
             "here to rebuild against):"]
    ok = True
    for s in newest["symbols"]:
        if s["name"] in newest["shim_provides"]:
            why = f"provided by the shim (removed in {newest['removed'][s['name']]})"
        elif s["stable_abi"]:
            why = "in the Stable ABI, which no later Python removes"
        else:
            why, ok = "NOT in the Stable ABI: may be missing on 3.14", False
        lines.append(f"  {s['name']}: {why}")
    return "\n".join(lines), ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--python", action="append", default=[], help="an interpreter to check (repeatable)")
    ap.add_argument("--all", action="store_true", help="every Python 3.11-3.14 found on this machine")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--probe-json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.probe_json:
        print(json.dumps(probe()))
        return 0
    pythons = list(args.python)
    if args.all:
        for v in VERSIONS:
            exe = interpreter(v)
            if exe is not None:
                pythons.append(venv_for(v, exe))
    results = [run(p) for p in pythons] if pythons else [probe()]
    text, ok = table(results)
    if not any(r["python"].startswith("3.14.") for r in results):
        more, ok_314 = prediction_314(results)
        text, ok = f"{text}\n\n{more}", ok and ok_314
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(f"Python {r['python']}: {r['extension']}")
        print(f"\n{text}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
