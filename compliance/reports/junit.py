"""JUnit XML for CI dashboards: one test suite per position, one test case per motion.

A motion's test case fails when one of its clauses reaches the fail-on level (with a
baseline: is also new); motions that do not apply are skipped. No timestamps or
durations that vary, so reruns give the same bytes.
"""

from __future__ import annotations

from compliance.i18n import t
from compliance.model.output import Finding, Report
from compliance.reports import RenderOptions, findings_by_motion
from compliance.reports.labels import fact_text, verdict_label
from compliance.text_safety import xml as escape
from compliance.text_safety import xml_attr as quoteattr


def _explain(findings: list[Finding], options: RenderOptions, lang: str) -> str:
    lines = []
    for f in findings:
        status = options.status(f)
        tag = f" [{t(status, lang)}]" if status else ""
        lines.append(f"{t('clause', lang)} {f.clause}: {verdict_label(f.verdict, f.declared, lang)}{tag}")
        lines.append(f"  {t('request', lang)}: {f.request}")
        lines.append(f"  {f.message}")
        lines += [f"  {r.text}" for r in f.reasons]
        lines += [f"  {t('note', lang)}: {n}" for n in f.notes]
        if f.missing_facts:
            lines.append(f"  {t('missing', lang)}: {', '.join(f.missing_facts)}")
        lines += [f"  - {fact_text(x, lang)}" for x in f.facts]
        if f.rule:
            lines.append(f"  {t('rule', lang)}: {f.rule} ({f.rule_file}:{f.rule_line})")
    # each line escaped on its own: only the tool breaks lines, input text cannot
    return "\n".join(escape(x) for x in lines)


def render(report: Report, options: RenderOptions) -> str:
    lang = report.lang
    by_case = findings_by_motion(report)
    suites: list[str] = []
    totals = [0, 0, 0]
    current: list[str] = []
    counts = [0, 0, 0]
    positions = list(dict.fromkeys(m.position for m in report.motions))
    for position in positions:
        current, counts = [], [0, 0, 0]
        file = ""
        for m in (m for m in report.motions if m.position == position):
            file = m.position_file
            findings = by_case[(m.position, m.motion)]
            name = f"{m.motion_name} ({m.kamerstuk or m.motion})"
            attrs = (f"classname={quoteattr(m.position)} name={quoteattr(name)} "
                     f"file={quoteattr(m.position_file)} time=\"0\"")
            failing = [f for f in findings if options.failing(f)]
            body = _explain(findings, options, lang)
            counts[0] += 1
            if failing:
                counts[1] += 1
                first = failing[0]
                line = first.location.line if first.location else 1
                msg = (f"{verdict_label(first.verdict, first.declared, lang)}: {first.message} "
                       f"({m.position_file}:{line})")
                current.append(f"    <testcase {attrs}>\n"
                               f"      <failure message={quoteattr(msg)} type={quoteattr(first.verdict)}>"
                               f"{body}</failure>\n    </testcase>")
            elif m.verdict == "not_applicable":
                counts[2] += 1
                current.append(f"    <testcase {attrs}>\n"
                               f"      <skipped message={quoteattr(m.message)}/>\n    </testcase>")
            else:
                current.append(f"    <testcase {attrs}>\n      <system-out>{body}</system-out>\n"
                               f"    </testcase>")
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        suites.append(f"  <testsuite name={quoteattr(position)} file={quoteattr(file)} "
                      f"tests=\"{counts[0]}\" failures=\"{counts[1]}\" errors=\"0\" "
                      f"skipped=\"{counts[2]}\" time=\"0\">\n" + "\n".join(current) + "\n  </testsuite>")
    head = (f"<testsuites name={quoteattr('motion-compliance (fail-on ' + options.fail_on + ')')} "
            f"tests=\"{totals[0]}\" failures=\"{totals[1]}\" errors=\"0\" skipped=\"{totals[2]}\" "
            f"time=\"0\">")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + head + "\n" + "\n".join(suites)
            + ("\n" if suites else "") + "</testsuites>\n")
