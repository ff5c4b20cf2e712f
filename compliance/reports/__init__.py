"""Report formats behind one interface: ``render(report, fmt, options) -> str``.

Each format is a module with a ``render(report: Report, options: RenderOptions) -> str``
function; register it in ``FORMATS``. Output must be deterministic: same report and
options, same bytes (no clocks, no absolute paths, stable order).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from compliance.model.output import Finding, Report
from compliance.reports.writing import write_atomically as write_atomically


@dataclass(frozen=True)
class RenderOptions:
    """What a format needs beyond the report: the CI gate and, optionally, a baseline.

    ``baseline`` maps a finding's fingerprint to "new" or "unchanged"; ``resolved`` holds the
    baseline's open findings that are gone. Without a baseline both are empty/None.
    """

    fail_on: str = "undeclared"
    baseline: dict[str, str] | None = None
    resolved: tuple[Finding, ...] = ()

    def status(self, finding: Finding) -> str | None:
        """'new' or 'unchanged' against the baseline; None without one, or for a finding that
        is not open (a baseline tracks only conflicts and undetermined findings)."""
        from compliance.gate import fingerprint, is_open

        if self.baseline is None or not is_open(finding):
            return None
        return self.baseline.get(fingerprint(finding), "new")

    def failing(self, finding: Finding) -> bool:
        """Reaches the fail-on level and, with a baseline, is new."""
        from compliance.gate import reaches

        return reaches(finding, self.fail_on) and self.status(finding) != "unchanged"


Renderer = Callable[[Report, RenderOptions], str]


def findings_by_motion(report: Report) -> dict[tuple[str, str], list[Finding]]:
    """(position, motion) -> its clause findings, in report order: what the formats that
    show one block per motion verdict iterate over."""
    out: dict[tuple[str, str], list[Finding]] = {}
    for f in report.findings:
        out.setdefault((f.position, f.motion), []).append(f)
    return out

# format -> module; a module is imported when its format is first used, which keeps
# the start of every `compliance` command free of the formats it does not write
FORMATS: dict[str, str] = {"text": "text", "json": "json_report", "markdown": "markdown", "html": "html",
                           "junit": "junit", "sarif": "sarif", "github": "github"}


def renderer(fmt: str) -> Renderer:
    module = importlib.import_module(f"compliance.reports.{FORMATS[fmt]}")
    return module.render  # type: ignore[no-any-return]


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    return renderer(fmt)(report, options or RenderOptions())


# Formats that can be written while positions are still being checked, never holding
# the whole report (compliance.parallel.run_streamed). Their module also has:
#   sections(report) -> tuple[bytes, ...]: a chunk's parts of the output, in UTF-8 (all
#       empty when the chunk has nothing to show);
#   SEPARATOR: bytes joining the same section of consecutive chunks;
#   assemble(header, parts) -> Iterator[bytes]: the whole output, given a report that
#       holds the final counts but no motions or findings, and per section an iterable
#       of its joined bytes.
# Joined this way the output is byte for byte render() of the whole report.
STREAMED: dict[str, str] = {"json": "json_report", "text": "text"}


def streamed(fmt: str) -> Any:
    """The module of a streamed format (see STREAMED)."""
    return importlib.import_module(f"compliance.reports.{STREAMED[fmt]}")
