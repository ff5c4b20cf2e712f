"""The C-API shim that lets durable-rules' engine load on 3.13 and later (docs/pycompat.md):
what it defines, that it behaves as the removed function did, that it is loaded exactly
where a removed function is missing, and that without it the tool still falls back.
These run on every Python the suite runs on (scripts/test.sh: 3.11, and 3.13 where present)."""

from __future__ import annotations

import ctypes
import importlib
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from compliance.backends import pycompat
from tests.conftest import ROOT, run_cli

NEEDS_SHIM = sys.version_info >= (3, 13)


def test_the_shim_defines_exactly_the_functions_the_loader_knows_were_removed() -> None:
    assert set(pycompat.provided()) == set(pycompat.REMOVED) == {"PyEval_CallObject"}
    assert pycompat.REMOVED["PyEval_CallObject"] == (3, 13)


def _shim_function(args: type = ctypes.py_object) -> Callable[..., Any]:
    """The shim's own definition, through a private handle (whatever the process loaded)."""
    lib = ctypes.PyDLL(importlib.import_module(pycompat.SHIM).__file__)
    f = lib["PyEval_CallObject"]  # a new function pointer: its types are this caller's
    f.restype, f.argtypes = ctypes.py_object, [ctypes.py_object, args]
    return f


def test_the_shims_call_passes_the_tuple_as_positional_arguments_like_the_removed_function() -> None:
    call = _shim_function()
    assert call(lambda *a, **k: (a, k), (1, "x", None)) == ((1, "x", None), {})
    assert call(divmod, (17, 5)) == (3, 2)
    with pytest.raises(ZeroDivisionError):  # an exception raised by the callee comes back out
        call(divmod, (1, 0))


def test_the_shims_call_without_arguments_and_with_a_non_tuple_like_the_removed_function() -> None:
    assert _shim_function(ctypes.c_void_p)(lambda *a: a, None) == ()  # NULL: called with none
    with pytest.raises(TypeError):  # the arguments must be a tuple, as they had to be
        _shim_function()(print, [1, 2])


def _fresh(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def test_the_shim_is_loaded_where_the_engine_needs_it_and_nowhere_else() -> None:
    got = _fresh(
        "import json, sys\n"
        "from compliance.backends import durable, pycompat\n"
        "maps = open('/proc/self/maps').read()\n"
        "print(json.dumps({'standing_in': pycompat.standing_in(), 'mapped': '_capi_shim' in maps,\n"
        "                  'engine': 'durable_rules_engine' in sys.modules,\n"
        "                  'resolves': pycompat.resolves('PyEval_CallObject')}))")
    assert got.returncode == 0, got.stderr
    state = json.loads(got.stdout)
    assert state["engine"]
    if NEEDS_SHIM:
        assert state == {"standing_in": ["PyEval_CallObject"], "mapped": True, "engine": True,
                         "resolves": True}
    else:  # 3.11, 3.12: the engine asks for PyEval_CallObjectWithKeywords; the shim is never opened
        assert state == {"standing_in": [], "mapped": False, "engine": True, "resolves": False}


def test_the_symbol_check_finds_every_symbol_resolved_on_this_python() -> None:
    got = subprocess.run([sys.executable, str(ROOT / "scripts" / "capi_symbols.py"), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert got.returncode == 0, got.stdout + got.stderr
    [result] = json.loads(got.stdout)
    symbols = {s["name"]: s for s in result["symbols"]}
    assert result["engine_loads"] and all(s["resolves"] for s in symbols.values())
    # read from the extension itself: the calls its source makes show up under their ABI names
    assert {"PyArg_ParseTuple", "Py_BuildValue", "PyErr_SetString", "_Py_Dealloc"} <= set(symbols)
    if NEEDS_SHIM:
        assert symbols["PyEval_CallObject"]["shim"] and not symbols["PyEval_CallObject"]["exported"]
        assert "PyEval_CallObjectWithKeywords" not in symbols
    else:
        assert symbols["PyEval_CallObjectWithKeywords"]["exported"] and "PyEval_CallObject" not in symbols
    assert [n for n, s in symbols.items() if s["shim"]] == (["PyEval_CallObject"] if NEEDS_SHIM else [])


def test_where_even_the_shim_cannot_help_check_falls_back_with_one_notice() -> None:
    # a Python that removed a function and has no shim built (installed without a C compiler)
    code = ("import sys; sys.modules['compliance.backends._capi_shim'] = None\n"
            "from compliance.backends import pycompat\n"
            "pycompat.REMOVED['PyEval_CallObject'] = (3, 0)\n"
            "sys.argv = ['compliance', 'check', '--backend', 'durable', '--format', 'json']\n"
            "from compliance.cli import main; main()")
    blocked = _fresh(code)
    ours = run_cli("check", "--backend", "direct", "--format", "json")
    assert blocked.returncode == ours.returncode
    assert blocked.stdout == ours.stdout
    lines = blocked.stderr.strip().splitlines()
    assert len(lines) == 1 and "directe evaluator" in lines[0]
    assert "PyEval_CallObject" in lines[0] and "shim" in lines[0]


def test_the_backend_never_installs_the_engines_store_callbacks() -> None:
    # The store callbacks are the engine's only calls of PyEval_CallObject; built without
    # its declaration (3.13+) it truncates their result pointer to 32 bits, so they must
    # never be installed. The backend drives the C core itself and names none of them,
    # nor durable's Python host, which could install them.
    import ast

    import compliance.backends.durable as backend

    tree = ast.parse(Path(backend.__file__).read_text(encoding="utf-8"))
    names = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
    imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import | ast.ImportFrom)
                for a in n.names} | {n.module for n in ast.walk(tree)
                                     if isinstance(n, ast.ImportFrom) and n.module}
    assert not {n for n in names if n.startswith("set_") and n.endswith("_callback")}
    assert "Host" not in names and "durable" not in imported and "durable.engine" not in imported
    assert "durable_rules_engine" in imported
