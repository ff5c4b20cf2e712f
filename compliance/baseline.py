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

from compliance.errors import InputError, InputErrors, Text, msg, same
from compliance.gate import fingerprint, is_open, reaches
from compliance.i18n import t
from compliance.model.common import Lang
from compliance.model.output import Finding, Report
from compliance.reports import RenderOptions
from compliance.reports.labels import verdict_label
from compliance.text_safety import line
from compliance.text_safety import md as md_escape


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


# A report of a large repository runs to hundreds of megabytes (1,000 positions x 3 rules
# give 7 MB): the limit is there to refuse a wrong file (a disk image), not real reports,
# and the read itself stops at it, whatever stat says. Parsed whole, a report takes some
# times its size in memory; over 1 GiB a streamed reader would be needed.
MAX_REPORT_BYTES = 1024 * 1024 * 1024
# The reasons of a v2 report are templates filled with the position's facts: what check
# writes fills to about its own size (a long fact read by many clauses, a few times it).
# A hostile template repeating a long value's placeholder could ask for far more: the
# filled texts may take this many characters per byte of the file, at most.
READ_BACK_FACTOR = 64


def load_report(path: Path) -> Report:
    """Read a JSON report (``compliance check --format json``) with located errors.

    A report is read as JSON, not YAML: reports are far larger than the records the YAML
    loader is bounded for, and JSON allows what YAML does not (tabs, a raw DEL)."""
    from pydantic import ValidationError

    from compliance.loading.textfile import read_text_file
    from compliance.model.output import READABLE_VERSIONS
    from compliance.text_safety import excerpt

    name = str(path)
    if not path.exists():
        raise InputErrors([InputError(name, 1, 1, Text("no such report file",
                                                       "dit rapportbestand bestaat niet"),
                                      Text("write it with `compliance check --format json -o FILE`",
                                           "schrijf het met `compliance check --format json -o BESTAND`"))])
    text = read_text_file(path, name, max_bytes=MAX_REPORT_BYTES, what=Text("JSON report",
                                                                            "een JSON-rapport"))
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as e:
        raise InputErrors([InputError(name, e.lineno, e.colno, msg("e_not_json_report", problem=e.msg),
                                      msg("e_json_report_fix"))]) from None
    except (RecursionError, ValueError) as e:  # nesting too deep, a 5,000-digit integer, NaN
        problem = msg("e_nesting_too_deep") if isinstance(e, RecursionError) else excerpt(e, 120)
        raise InputErrors([InputError(name, 1, 1, msg("e_not_json_report", problem=problem),
                                      msg("e_json_report_fix"))]) from None
    if not isinstance(doc, dict) or "findings" not in doc:
        raise InputErrors([InputError(name, 1, 1, Text("not a JSON report (no findings)",
                                                       "geen JSON-rapport (geen bevindingen)"),
                                      msg("e_json_report_fix"))])
    version = doc.get("schema_version")
    if version not in READABLE_VERSIONS:
        shown = excerpt(repr(version), 40)
        raise InputErrors([InputError(name, 1, 1, Text(
            f"unknown report schema_version {shown}; this version of compliance reads "
            f"{' and '.join(READABLE_VERSIONS)}",
            f"onbekende schema_version {shown} van het rapport; deze versie van compliance leest "
            f"{' en '.join(READABLE_VERSIONS)}"),
            Text("write the report again with this version of compliance",
                 "schrijf het rapport opnieuw met deze versie van compliance"))])
    if version != "1.0":
        # v2 is normalised: its findings refer to tables; read back as the v1 document
        from compliance.reports.json_report import decode

        try:
            doc = decode(doc, budget=min(READ_BACK_FACTOR * len(text) + (1 << 20), 1 << 32))
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
            missing = excerpt(str(e), 60)
            problem = Text(f"a reference to a missing entry {missing}", f"een verwijzing naar een ontbrekend "
                           f"item {missing}") if isinstance(e, KeyError) else same(excerpt(e, 120))
            raise InputErrors([InputError(name, 1, 1, msg("e_not_json_report", problem=problem),
                                          msg("e_json_report_fix"))]) from None
    try:
        return Report.model_validate(doc)
    except ValidationError as e:
        errors = [InputError(name, 1, 1, same(f"{'.'.join(str(x) for x in err['loc']) or 'report'}: "
                                              f"{excerpt(err['msg'], 120)}"),
                             msg("e_json_report_fix"))
                  for err in e.errors()[:10]]
        raise InputErrors(errors) from None


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed in a report")


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
            # every text from the reports escaped for its format: the same function as check's
            esc = md_escape if md else line
            text = (f"{esc(f.position)} — {esc(f.motion_name)} ({esc(f.kamerstuk or f.motion)}), "
                    f"{t('clause', lang)} {f.clause}: {verdict_label(f.verdict, f.declared, lang)}{mark} "
                    f"({esc(where)})")
            out.append(f"- {text}" if md else f"  {text}")
            out.append(f"  {esc(f.message)}" if md else f"      {esc(f.message)}")
    return "\n".join(line(x) for x in out if x is not None) + "\n"


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
