"""The JSON report (schema: compliance/schemas/report.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from compliance.model.output import Report
from compliance.reports import RenderOptions

_OPTIONAL = ("conditional", "scenario", "branches", "would_comply", "unconfirmed_facts")


def render(report: Report, options: RenderOptions | None = None) -> str:
    items = (*report.findings, *report.motions)
    # Scenario fields appear only for conditional positions: other reports keep their shape.
    if not any(getattr(item, key, None) is not None for item in items for key in _OPTIONAL) \
            and not any(_small_float(f.value) for finding in report.findings for f in finding.facts):
        # pydantic's serialiser writes the same bytes as json.dumps(indent=2) several
        # times faster; only small floats (1e-05 vs 0.00001) are written differently,
        # so a report holding one takes the general path below.
        every = {"__all__": set(_OPTIONAL)}
        try:
            return report.model_dump_json(indent=2, exclude={"findings": every, "motions": every}) + "\n"
        except ValueError:  # pragma: no cover - e.g. a lone surrogate: let json say it
            pass
    data = report.model_dump(mode="json")
    for item in (*data["findings"], *data["motions"]):
        for key in _OPTIONAL:
            if item.get(key, 0) is None:
                del item[key]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _small_float(value: Any) -> bool:
    if isinstance(value, float):
        return value != 0 and abs(value) < 1e-4
    if isinstance(value, list):
        return any(_small_float(v) for v in value)
    return False


# A report's JSON can be written in sections (see compliance.reports.STREAMED): each
# chunk of positions renders its own motion verdicts and findings (in worker processes,
# with --jobs), and the sections are joined under a header rendered last, when the
# counts are known. The result is the same bytes as render() of the whole report: items
# are rendered alike whichever path a chunk takes (see render), and JSON strings hold no
# raw newline, so the list brackets below are found unambiguously.
_LISTS_HEAD = '  "motions": [\n'
_LISTS_MID = '\n  ],\n  "findings": [\n'
_LISTS_END = '\n  ]\n}\n'
_EMPTY_LISTS = '  "motions": [],\n  "findings": []\n}\n'
SEPARATOR = b",\n"


def sections(report: Report) -> tuple[bytes, bytes]:
    """The rendered items of ``report``'s two lists (motion verdicts, findings), in UTF-8,
    joined by SEPARATOR; empty when the report has none."""
    if not report.motions and not report.findings:
        return b"", b""
    if not report.findings or not report.motions:  # pragma: no cover - every finding has a motion verdict
        raise ValueError("a report with findings but no motion verdicts (or the reverse)")
    text = render(report)
    start = text.index(_LISTS_HEAD) + len(_LISTS_HEAD)
    mid = text.index(_LISTS_MID, start)
    if not text.endswith(_LISTS_END):  # pragma: no cover - the report's last key is "findings"
        raise ValueError("unexpected JSON report layout")
    return text[start:mid].encode(), text[mid + len(_LISTS_MID):-len(_LISTS_END)].encode()


def assemble(header: Report, parts: list[Iterable[bytes]]) -> Iterator[bytes]:
    """The whole report, in UTF-8, from its header (a report without motions and findings,
    but with the final counts) and the chunks' sections in order (``parts[0]`` the motion
    verdicts, ``parts[1]`` the findings, each joined by SEPARATOR; both empty when no
    chunk had any)."""
    text = render(header.model_copy(update={"motions": [], "findings": []}))
    if not text.endswith(_EMPTY_LISTS):  # pragma: no cover - the report's last keys are the lists
        raise ValueError("unexpected JSON report layout")
    motions, findings = (iter(p) for p in parts)
    first = next(motions, b"")
    if not first:
        yield text.encode()
        return
    yield (text[:-len(_EMPTY_LISTS)] + _LISTS_HEAD).encode()
    yield first
    yield from motions
    yield _LISTS_MID.encode()
    yield from findings
    yield _LISTS_END.encode()
