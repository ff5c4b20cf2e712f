"""Compare findings across two revisions: new, unchanged, resolved.

A finding's identity is (position id, motion, clause, verdict state) — see
:mod:`compliance.gate` — so rewording a message or moving a fact to another line
changes nothing, while a declared conflict that loses its declaration is new.
Only open findings (conflicts, undetermined) are tracked: they are what a reviewer
acts on; a clause that complies is the absence of a finding.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from compliance.errors import InputError, InputErrors
from compliance.gate import fingerprint, is_open, reaches
from compliance.i18n import t
from compliance.model.common import Lang
from compliance.model.output import Finding, Report
from compliance.reports import RenderOptions
from compliance.reports.labels import verdict_label


@dataclass(frozen=True)
class Diff:
    new: tuple[Finding, ...]
    unchanged: tuple[Finding, ...]
    resolved: tuple[Finding, ...]
    lang: str

    def options(self, fail_on: str) -> RenderOptions:
        status = {fingerprint(f): "new" for f in self.new}
        status |= {fingerprint(f): "unchanged" for f in self.unchanged}
        return RenderOptions(fail_on=fail_on, baseline=status, resolved=self.resolved)

    def failing(self, fail_on: str) -> list[Finding]:
        """New findings that reach the fail-on level: what fails a CI run with a baseline."""
        return [f for f in self.new if reaches(f, fail_on)]


def load_report(path: Path) -> Report:
    """Read a JSON report (``compliance check --format json``) with located errors."""
    from compliance.loading.validate import load_checked
    from compliance.loading.yaml_safe import load_file

    if not path.is_file():
        raise InputErrors([InputError(str(path), 1, 1, "no such report file",
                                      "write it with `compliance check --format json -o FILE`")])
    doc = load_file(path)  # JSON is YAML: the safe loader gives lines and columns for free
    report, errors = load_checked(doc, "report", Report)
    if errors or report is None:
        raise InputErrors(errors)
    return report


def classify(old: Report, new: Report) -> Diff:
    """Split the open findings of ``new`` into new and unchanged; those only in ``old`` are resolved."""
    before = {fingerprint(f) for f in old.findings if is_open(f)}
    after = {fingerprint(f) for f in new.findings if is_open(f)}
    opened = [f for f in new.findings if is_open(f)]
    return Diff(
        new=tuple(f for f in opened if fingerprint(f) not in before),
        unchanged=tuple(f for f in opened if fingerprint(f) in before),
        resolved=tuple(f for f in old.findings if is_open(f) and fingerprint(f) not in after),
        lang=new.lang,
    )


def _entry(f: Finding, fail_on: str) -> dict[str, Any]:
    return {"fingerprint": fingerprint(f), "position": f.position, "position_file": f.position_file,
            "motion": f.motion, "motion_name": f.motion_name, "clause": f.clause,
            "verdict": f.verdict, "declared": f.declared, "message": f.message,
            "location": f.location.model_dump(mode="json") if f.location else None,
            "reaches_fail_on": reaches(f, fail_on)}


DIFF_FORMATS = ("text", "markdown", "json")


def render_diff(diff: Diff, fmt: str, fail_on: str) -> str:
    """The diff as text, Markdown or JSON; deterministic like every report."""
    lang = diff.lang
    groups = (("new", diff.new), ("unchanged", diff.unchanged), ("resolved", diff.resolved))
    failing = diff.failing(fail_on)
    if fmt == "json":
        doc = {"schema_version": "1.0", "fail_on": fail_on,
               "counts": {name: len(items) for name, items in groups} | {"new_failing": len(failing)},
               **{name: [_entry(f, fail_on) for f in items] for name, items in groups}}
        return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
    md = fmt == "markdown"
    out: list[str | None] = []
    counts = ", ".join(f"{t(name, lang)}: {len(items)}" for name, items in groups)
    gate = (t("gate_fail", lang, n=len(failing), level=fail_on) if failing
            else t("gate_pass", lang, level=fail_on))
    out.append(f"## {t('md_title', lang)} — diff: {'❌' if failing else '✅'} {gate}" if md
               else f"{counts}; {gate.replace('`', '')}")
    if md:
        out += ["", counts]
    for name, items in groups:
        if not items or (name == "unchanged" and not md):
            continue
        out += ["", f"### {t(name, lang)} ({len(items)})" if md else f"{t(name, lang)}:", ""
                if md else None]
        for f in items:
            where = f"{f.location.file}:{f.location.line}" if f.location else f.position_file
            mark = " ✗" if name == "new" and reaches(f, fail_on) else ""
            text = (f"{f.position} — {f.motion_name} ({f.kamerstuk or f.motion}), {t('clause', lang)} "
                    f"{f.clause}: {verdict_label(f.verdict, f.declared, lang)}{mark} ({where})")
            out.append(f"- {text}" if md else f"  {text}")
            out.append(f"  {f.message}" if md else f"      {f.message}")
    return "\n".join(x for x in out if x is not None) + "\n"


def report_of(path: Path, workspace: Path, backend: str = "durable", lang: Lang = "nl",
              as_of: str | None = None) -> Report:
    """One side of a diff: a report file is read; a folder is checked (a whole workspace, or
    positions in ``workspace``)."""
    from compliance.api import run_check

    if path.is_dir():
        if (path / "motions").is_dir() and (path / "rules").is_dir():
            return run_check(path, backend=backend, lang=lang, as_of=as_of)
        return run_check(workspace, [path], backend=backend, lang=lang, as_of=as_of)
    return load_report(path)
