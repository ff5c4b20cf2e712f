"""Report formats behind one interface: ``render(report, fmt, options) -> str``.

Each format is a module that is a :class:`Renderer` (a ``render(report, options) -> str``
function), registered in ``FORMATS``; a format that can also be written in parts while
positions are still being checked is a :class:`StreamedRenderer`, registered in
``STREAMED``. Output must be deterministic: same report and options, same bytes (no
clocks, no absolute paths, stable order).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol, cast, runtime_checkable

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


@runtime_checkable
class Renderer(Protocol):
    """A report format: a module whose ``render`` gives the whole report as text."""

    def render(self, report: Report, options: RenderOptions | None = None) -> str: ...


@runtime_checkable
class StreamedRenderer(Renderer, Protocol):
    """A format written while positions are still being checked, never holding the whole
    report (compliance.parallel.run_streamed). Joined as ``assemble`` says, the parts are
    byte for byte ``render()`` of the whole report."""

    # joins the same section of consecutive chunks
    SEPARATOR: bytes

    def sections(self, report: Report) -> tuple[bytes, ...]:
        """A chunk's parts of the output, in UTF-8 (all empty when it has nothing to show)."""
        ...

    def assemble(self, header: Report, parts: list[Iterable[bytes]]) -> Iterator[bytes]:
        """The whole output, given a report holding the final counts but no motions or
        findings, and per section an iterable of its joined bytes."""
        ...


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


# the formats that show a clause's condition reasons (the conditions with each part's
# result); the others show the verdicts, messages, facts and the other reasons only, so a
# check for them need not render the conditions (compliance.evaluate.check's ``conditions``)
SHOWS_CONDITIONS = frozenset({"json", "markdown", "html", "junit"})


def renderer(fmt: str) -> Renderer:
    """The module of a format of FORMATS."""
    return cast(Renderer, importlib.import_module(f"compliance.reports.{FORMATS[fmt]}"))


def render(report: Report, fmt: str, options: RenderOptions | None = None) -> str:
    return renderer(fmt).render(report, options or RenderOptions())


# the formats that are also StreamedRenderers
STREAMED: dict[str, str] = {"json": "json_report", "text": "text"}


def streamed(fmt: str) -> StreamedRenderer:
    """The module of a streamed format (see STREAMED)."""
    return cast(StreamedRenderer, importlib.import_module(f"compliance.reports.{STREAMED[fmt]}"))
