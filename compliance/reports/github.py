"""GitHub Actions workflow commands: an annotation on the line of the deciding fact.

Failing findings are errors (they fail the job); other conflicts and undetermined
findings are warnings/notices so a reviewer still sees them on the diff.
"""

from __future__ import annotations

from compliance.i18n import t
from compliance.model.output import Finding, Report
from compliance.reports import RenderOptions
from compliance.reports.labels import verdict_label
from compliance.text_safety import line

NL = "\n"


def _data(text: str) -> str:
    # the escaping the runner undoes (actions/toolkit, command.ts)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(line(text)).replace(":", "%3A").replace(",", "%2C")


def _annotation(kind: str, f: Finding, options: RenderOptions, lang: str) -> str:
    loc = f.location
    props = [f"file={_prop(loc.file if loc else f.position_file)}"]
    if loc:
        props += [f"line={loc.line}", f"col={loc.column}"]
    cite = f.kamerstuk or f.motion
    clause = t("clause", lang)
    title = f"{f.motion_name} ({cite}) {clause} {f.clause}: {verdict_label(f.verdict, f.declared, lang)}"
    props.append(f"title={_prop(title)}")
    status = options.status(f)
    lines = [f.message, f"{t('request', lang)}: {f.request}"]
    lines += [r.text for r in f.reasons if r.part == "declaration"]
    if f.missing_facts:
        lines.append(f"{t('missing', lang)}: {', '.join(f.missing_facts)}")
    if f.rule:
        lines.append(f"{t('rule', lang)}: {f.rule} ({f.rule_file}:{f.rule_line})")
    if status:
        lines.append(f"[{t(status, lang)}]")
    return f"::{kind} {','.join(props)}::{_data(NL.join(line(x) for x in lines))}"


def render(report: Report, options: RenderOptions) -> str:
    lang = report.lang
    out = []
    for f in report.findings:
        if options.failing(f):
            out.append(_annotation("error", f, options, lang))
        elif f.verdict == "conflicts":
            out.append(_annotation("warning", f, options, lang))
        elif f.verdict == "undetermined":
            out.append(_annotation("notice", f, options, lang))
    c = report.counts
    out.append(t("summary", lang, n=len(report.findings), conflicts=c["conflicts"],
                 undeclared=c["undeclared_conflicts"], undetermined=c["undetermined"],
                 complies=c["complies"], na=c["not_applicable"]))
    return "\n".join(out) + "\n"
