"""Evaluators of a rule pack: durable-rules (default) and a direct one (cross-check)."""

from __future__ import annotations

import sys
from typing import Any, Protocol

from compliance.pack import Outcome, RulePack

BACKENDS = ("durable", "direct")


class Backend(Protocol):
    name: str

    def evaluate(self, pack: RulePack, records: list[dict[str, Any]]) -> list[dict[str, Outcome]]:
        """For each record of typed facts: clause key -> outcome."""
        ...


def get_backend(name: str, notice: Any = None, lang: str = "en") -> Backend:
    """The named backend; durable falls back to direct (with one notice, in ``lang``) if it
    cannot load."""
    from compliance.backends.direct import DirectBackend

    if name == "direct":
        return DirectBackend()
    if name != "durable":
        raise ValueError(f"unknown backend {name!r}; use one of {', '.join(BACKENDS)}")
    try:
        from compliance.backends.durable import DurableBackend
    except ImportError as e:
        from compliance.i18n import t

        message = t("backend_fallback", lang, version=f"{sys.version_info.major}.{sys.version_info.minor}",
                    error=str(e))
        (notice or (lambda m: print(m, file=sys.stderr)))(message)
        return DirectBackend()
    return DurableBackend()
