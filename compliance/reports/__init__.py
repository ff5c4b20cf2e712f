"""Report formats behind one interface: ``render(report, fmt) -> str``.

Each format is a module with a ``render(report: Report) -> str`` function; register
it in ``FORMATS``. Output must be deterministic: same report, same bytes.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from compliance.model.output import Report
from compliance.reports import json_report, text

FORMATS: dict[str, Callable[[Report], str]] = {
    "text": text.render,
    "json": json_report.render,
}


def render(report: Report, fmt: str) -> str:
    return FORMATS[fmt](report)


def write_atomically(path: Path, content: str) -> None:
    """Write via a temporary file in the same folder and rename: never half a report."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
