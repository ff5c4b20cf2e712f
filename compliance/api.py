"""The library's front door: load a workspace, load positions, check them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compliance.backends import Backend, get_backend
from compliance.evaluate import check
from compliance.loading.workspace import LoadedPosition, Workspace, load_positions, load_workspace
from compliance.model.common import Lang
from compliance.model.output import Report

DEFAULT_POSITIONS = Path("examples/positions")


def run_check(workspace: Path, paths: list[Path] | None = None, *, backend: str | Backend = "durable",
              lang: Lang = "nl", as_of: str | None = None,
              interpretations: dict[str, str] | None = None, notice: Any = None, jobs: int = 1,
              progress: Any = None, conditions: bool = True, standing: bool = False) -> Report:
    """Load everything and evaluate; raises InputErrors on bad input. With ``jobs`` > 1
    positions are checked in that many processes; ``progress(done, total)`` is told
    as chunks finish. The report is the same either way. ``conditions=False``: see
    :func:`compliance.evaluate.check`. ``standing=True`` judges each position as it stands
    among the others (the standing position): one process, as each needs the earlier ones."""
    if (jobs > 1 or progress is not None) and isinstance(backend, str) and not standing:
        from compliance import parallel

        return parallel.run(workspace, paths or [workspace / DEFAULT_POSITIONS], jobs=jobs,
                            backend=backend, lang=lang, as_of=as_of, interpretations=interpretations,
                            notice=notice, progress=progress, conditions=conditions)
    ws = load_workspace(workspace)
    positions = load_positions(ws, paths or [workspace / DEFAULT_POSITIONS])
    engine = get_backend(backend, notice, lang) if isinstance(backend, str) else backend
    from compliance.evaluate.duty_list import with_duties

    report = check(ws, positions, engine, lang=lang, as_of=as_of, interpretations=interpretations,
                   conditions=conditions, standing=standing)
    return with_duties(report, ws, positions, as_of, lang, interpretations)


__all__ = ["LoadedPosition", "Report", "Workspace", "check", "get_backend", "load_positions",
           "load_workspace", "run_check"]
