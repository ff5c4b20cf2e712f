"""A Markdown summary for a pull-request comment: counts, then what needs attention.

Counts come first so the comment reads at a glance; each conflicting or undetermined
finding gets its reason in one line and the full explanation in a collapsed block.
"""

from __future__ import annotations

from compliance.i18n import t
from compliance.model.output import Finding, Report
from compliance.reports import RenderOptions
from compliance.reports.labels import fact_text, verdict_label
from compliance.text_safety import md, md_html

_md = md
_h = md_html


def _title(f: Finding, lang: str) -> str:
    cite = f" ({f.kamerstuk})" if f.kamerstuk else ""
    return f"{f.motion_name}{cite}, {t('clause', lang)} {f.clause}"


def _item(f: Finding, options: RenderOptions, lang: str) -> list[str]:
    tags = []
    status = options.status(f)
    if status:
        tags.append(t(status, lang))
    if options.failing(f):
        tags.append(t("fails", lang))
    tag = f" `{', '.join(tags)}`" if tags else ""
    lines = [f"- **{_md(f.position)}** — {_md(_title(f, lang))}: "
             f"**{_md(verdict_label(f.verdict, f.declared, lang))}**{tag}  ",
             f"  {_md(f.message)}"]
    # Inside <details> only HTML is used: GitHub and CommonMark both render it the same way.
    body = [f"<p><b>{_h(t('request', lang))}:</b> {_h(f.request)}</p>"]
    if f.reasons:
        body.append(f"<p><b>{_h(t('reasons', lang))}:</b></p><ul>")
        body += [f"<li>{_h(r.text)}</li>" for r in f.reasons]
        body.append("</ul>")
    if f.missing_facts:
        body.append(f"<p><b>{_h(t('missing', lang))}:</b> {_h(', '.join(f.missing_facts))}</p>")
    if f.notes:
        body += [f"<p><b>{_h(t('note', lang))}:</b> {_h(n)}</p>" for n in f.notes]
    if f.facts:
        body.append(f"<p><b>{_h(t('facts_used', lang))}:</b></p><ul>")
        body += [f"<li><code>{_h(fact_text(x, lang))}</code></li>" for x in f.facts]
        body.append("</ul>")
    if f.rule:
        body.append(f"<p><b>{_h(t('rule', lang))}:</b> <code>{_h(f.rule)}</code> "
                    f"(<code>{_h(f.rule_file or '')}:{f.rule_line}</code>)</p>")
    body.append(f"<p><b>{_h(t('sources', lang))}:</b> {_h('; '.join(f.sources))}</p>")
    lines += ["", "  <details>", f"  <summary>{_h(t('why', lang))}</summary>", ""]
    lines += [f"  {b}" for b in body]
    lines += ["", "  </details>", ""]
    return lines


def render(report: Report, options: RenderOptions) -> str:
    lang = report.lang
    failing = [f for f in report.findings if options.failing(f)]
    mark = "❌" if failing else "✅"
    gate = (t("gate_fail", lang, n=len(failing), level=options.fail_on) if failing
            else t("gate_pass", lang, level=options.fail_on))
    c = report.counts
    positions = len({f.position for f in report.findings})
    motions = len({f.motion for f in report.findings})
    out = [f"## {t('md_title', lang)}: {mark} {gate}", "",
           f"{t('positions', lang)}: {positions}, {t('motions', lang)}: {motions}; "
           f"{t('as_of', lang)}: {report.as_of or t('as_of_own', lang)}", "",
           f"| {t('verdict', lang)} | {t('count', lang)} |", "| --- | ---: |",
           f"| {_md(t('conflicts', lang))} | {c['conflicts']} |",
           f"| — {_md(t('of_which_undeclared', lang))} | {c['undeclared_conflicts']} |",
           f"| {_md(t('undetermined', lang))} | {c['undetermined']} |",
           f"| {_md(t('complies', lang))} | {c['complies']} |",
           f"| {_md(t('not_applicable', lang))} | {c['not_applicable']} |", ""]
    if options.baseline is not None:
        new = sum(1 for f in report.findings if f.verdict in ("conflicts", "undetermined")
                  and options.status(f) == "new")
        out += [f"{t('new', lang)}: {new}, {t('resolved', lang)}: {len(options.resolved)}", ""]
    sections = (("conflicts", "conflicts_h"), ("undetermined", "undetermined_h"))
    if not any(f.verdict in ("conflicts", "undetermined") for f in report.findings):
        out += [t("none_open", lang), ""]
    for verdict, heading in sections:
        found = [f for f in report.findings if f.verdict == verdict]
        if not found:
            continue
        out += [f"### {t(heading, lang)} ({len(found)})", ""]
        for f in found:
            out += _item(f, options, lang)
    if options.resolved:
        out += [f"### {t('resolved_h', lang)} ({len(options.resolved)})", ""]
        out += [f"- **{_md(f.position)}** — {_md(_title(f, lang))}: "
                f"{_md(verdict_label(f.verdict, f.declared, lang))}" for f in options.resolved]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
