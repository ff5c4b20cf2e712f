"""Lets durable-rules' compiled extension load on Pythons that removed C-API functions
it still calls (docs/pycompat.md).

durable-rules 2.0.28 is unmaintained; built on 3.13 its extension asks the dynamic
loader for ``PyEval_CallObject``, which 3.13 no longer exports, so ``import durable``
fails. The project's own C library ``_capi_shim`` defines the missing functions; it is
loaded into the process's global symbol scope before the engine, and only where a
function it provides does not resolve already (3.13 and later), never on 3.11 or 3.12.
"""

from __future__ import annotations

import ctypes
import importlib
import sys

SHIM = "compliance.backends._capi_shim"

# The functions the shim defines, each with the first Python that no longer exports it.
# Below that version the headers turned the name into a macro for another function, so
# an extension built there never asks for it: nothing is loaded (tests check this table
# against the shim's own list, and the symbol check against the engine's extension).
REMOVED: dict[str, tuple[int, int]] = {"PyEval_CallObject": (3, 13)}

_loaded: tuple[str, ...] | None = None


def resolves(symbol: str) -> bool:
    """Whether the dynamic loader finds ``symbol`` in the process's global scope, where
    the engine's extension looks for its undefined symbols."""
    try:
        getattr(ctypes.pythonapi, symbol)
    except AttributeError:
        return False
    return True


def provided() -> tuple[str, ...]:
    """The functions the built shim defines. Importing it does not expose them: an
    extension module is loaded with RTLD_LOCAL."""
    return tuple(importlib.import_module(SHIM).PROVIDED)


def prepare_durable() -> tuple[str, ...]:
    """Make every function removed from this Python that the engine calls resolvable
    before the engine is imported.

    Returns the names the shim now stands in for (empty on 3.11 and 3.12, where the shim
    is not even opened). Raises ImportError, which the backend choice turns into the
    fallback notice, when a function is missing and the shim cannot supply it."""
    global _loaded
    if _loaded is not None:
        return _loaded
    missing = [n for n, since in REMOVED.items() if sys.version_info >= since and not resolves(n)]
    if missing:
        try:
            shim = importlib.import_module(SHIM)
        except ImportError as e:  # not built: no C compiler when the project was installed
            raise ImportError(f"{', '.join(missing)} missing and the C-API shim not installed ({e}); "
                              "reinstall motion-compliance with a C compiler") from e
        try:
            ctypes.CDLL(shim.__file__, mode=ctypes.RTLD_GLOBAL)  # the same handle, now global
        except OSError as e:
            raise ImportError(f"the C-API shim for {', '.join(missing)} cannot be loaded: {e}") from e
        still = [n for n in missing if not resolves(n)]
        if still:
            raise ImportError(f"the C-API shim did not provide {', '.join(still)}")
    _loaded = tuple(missing)
    return _loaded


def standing_in() -> tuple[str, ...]:
    """The functions the shim stands in for in this process (after ``prepare_durable``)."""
    return _loaded or ()
