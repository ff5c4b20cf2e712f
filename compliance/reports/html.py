"""One self-contained HTML page for a person: a matrix, a timeline and the explanations.

Everything is inline (CSS, script, data); a Content-Security-Policy forbids the page any
network access, so it opens the same from a mail attachment as from a web server. The
matrix is a real table with row and column headers and a text label in every cell, so
it reads without colour and without script; the script only adds the details panel,
the filters and the view switch.
"""

from __future__ import annotations

from importlib import resources

from compliance.i18n import t
from compliance.model.output import Finding, MotionVerdict, Report
from compliance.reports import RenderOptions, findings_by_motion
from compliance.reports.labels import show, verdict_label
from compliance.text_safety import html as _safe_html

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; base-uri 'none'; form-action 'none'")


def _asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")


def _e(text: object) -> str:
    return _safe_html(text)


def _kind(verdict: str, declared: bool | None) -> str:
    """The verdict as the page colours and filters it: a conflict splits by declaration."""
    if verdict != "conflicts":
        return verdict
    return "conflicts-declared" if declared is True else "conflicts-undeclared"


def _kind_label(kind: str, lang: str) -> str:
    if kind.startswith("conflicts"):
        return verdict_label("conflicts", kind == "conflicts-declared", lang)
    return t(kind, lang)


NL = "\n"
KINDS = ("conflicts-undeclared", "conflicts-declared", "undetermined", "complies", "not_applicable")


def _detail(did: str, m: MotionVerdict, findings: list[Finding], options: RenderOptions,
            lang: str) -> str:
    kind = _kind(m.verdict, m.declared)
    out = [f'<section class="finding-detail" id="{did}" hidden tabindex="-1" '
           f'aria-label="{_e(m.position)} — {_e(m.motion_name)}">',
           f"<h3>{_e(m.motion_name)}{' (' + _e(m.kamerstuk) + ')' if m.kamerstuk else ''}</h3>",
           f'<p>{_e(t("position", lang))}: <b>{_e(m.position)}</b> '
           f"(<code>{_e(m.position_file)}</code>)</p>",
           f'<p><span class="badge v-{kind}">{_e(verdict_label(m.verdict, m.declared, lang))}</span> '
           f"{_e(m.message)}</p>"]
    for f in findings:
        fk = _kind(f.verdict, f.declared)
        status = options.status(f)
        tags = "".join(f" <small>[{_e(x)}]</small>" for x in
                       ([t(status, lang)] if status else []) + ([t("fails", lang)] if options.failing(f)
                                                                else []))
        out.append('<div class="clause">')
        out.append(f'<h4>{_e(t("clause", lang))} {f.clause}: <span class="badge v-{fk}">'
                   f"{_e(verdict_label(f.verdict, f.declared, lang))}</span>{tags}</h4>")
        out.append(f'<p><b>{_e(t("request", lang))}:</b> {_e(f.request)}</p>')
        out.append(f"<p>{_e(f.message)}</p>")
        if f.reasons:
            out.append(f'<p><b>{_e(t("reasons", lang))}:</b></p><ul>'
                       + "".join(f"<li>{_e(r.text)}</li>" for r in f.reasons) + "</ul>")
        for n in f.notes:
            out.append(f'<p><b>{_e(t("note", lang))}:</b> {_e(n)}</p>')
        if f.missing_facts:
            out.append(f'<p><b>{_e(t("missing", lang))}:</b> {_e(", ".join(f.missing_facts))}</p>')
        if f.facts:
            rows = "".join(
                f"<tr><th scope=\"row\"><code>{_e(x.name)}</code></th>"
                f"<td>{_e(show(x.value)) if x.present else '<i>' + _e(t('absent', lang)) + '</i>'}</td>"
                f"<td><code>{_e(x.file)}{':' + str(x.line) if x.line else ''}</code></td>"
                f"<td>{_e(x.where or '')}</td></tr>" for x in f.facts)
            out.append(f'<table class="facts"><caption>{_e(t("facts_used", lang))}</caption>'
                       f'<thead><tr><th scope="col">{_e(t("fact", lang))}</th>'
                       f'<th scope="col">{_e(t("value", lang))}</th>'
                       f'<th scope="col">{_e(t("file_line", lang))}</th>'
                       f'<th scope="col">{_e(t("where", lang))}</th></tr>'
                       f"</thead><tbody>{rows}</tbody></table>")
        if f.declaration:
            d = f.declaration
            out.append(f'<p><b>{_e(t("declaration", lang))}:</b> {_e(t(d.statement, lang))} — '
                       f"{_e(d.source)}, {_e(d.date)} (<code>{_e(d.file)}:{d.line}</code>)</p>")
        if f.rule:
            out.append(f'<p><b>{_e(t("rule", lang))}:</b> <code>{_e(f.rule)}</code> '
                       f"(<code>{_e(f.rule_file or '')}:{f.rule_line}</code>)</p>")
        out.append(f'<p><b>{_e(t("sources", lang))}:</b></p><ul>'
                   + "".join(f"<li>{_e(s)}</li>" for s in f.sources) + "</ul>")
        out.append("</div>")
    out.append("</section>")
    return "\n".join(out)


def render(report: Report, options: RenderOptions) -> str:
    lang = report.lang
    by_case = findings_by_motion(report)
    positions = list(dict.fromkeys(m.position for m in report.motions))
    motions = list(dict.fromkeys(m.motion for m in report.motions))
    cells = {(m.position, m.motion): m for m in report.motions}
    first_of = {p: next(f for f in report.findings if f.position == p) for p in positions}
    motion_head = {m.motion: m for m in report.motions}
    dossiers = sorted({f.dossier for f in report.findings})
    ids = {key: f"d-{i}" for i, key in enumerate(cells)}
    kinds = {key: _kind(m.verdict, m.declared) for key, m in cells.items()}

    head_cells = "".join(
        f'<th scope="col">{_e(motion_head[mo].motion_name)}<small>{_e(motion_head[mo].kamerstuk or mo)}'
        f"</small></th>" for mo in motions)
    rows = []
    for p in positions:
        f0 = first_of[p]
        tds = []
        for mo in motions:
            m = cells[(p, mo)]
            kind = _kind(m.verdict, m.declared)
            label = verdict_label(m.verdict, m.declared, lang)
            tds.append(f'<td class="cell" data-verdict="{kind}"><button type="button" class="v-{kind}" '
                       f'data-target="{ids[(p, mo)]}" aria-controls="{ids[(p, mo)]}" '
                       f'aria-expanded="false">{_e(label)}</button></td>')
        rows.append(f'<tr data-dossier="{_e(f0.dossier)}"><th scope="row">{_e(p)}'
                    f"<small>{_e(f0.position_file)}</small></th><td>{_e(f0.position_date or '')}</td>"
                    + "".join(tds) + "</tr>")

    dated = sorted((first_of[p].position_date or "", p) for p in positions if first_of[p].position_date)
    timeline = []
    for date, p in dated:
        chips = "".join(
            f'<button type="button" class="chip v-{kinds[(p, mo)]}" data-verdict="{kinds[(p, mo)]}" '
            f'data-target="{ids[(p, mo)]}">{_e(motion_head[mo].motion_name)}: '
            f"{_e(verdict_label(cells[(p, mo)].verdict, cells[(p, mo)].declared, lang))}</button>"
            for mo in motions)
        timeline.append(f'<li data-dossier="{_e(first_of[p].dossier)}"><time datetime="{_e(date)}">'
                        f"{_e(date)}</time> — <b>{_e(p)}</b><br>{chips}</li>")
    undated = [p for p in positions if not first_of[p].position_date]

    c = report.counts
    failing = sum(1 for f in report.findings if options.failing(f))
    counts = "".join(f'<span><span class="badge v-{_kind(k, False) if k == "conflicts" else k}">'
                     f"{_e(t(k, lang))}</span> {c[k]}</span>"
                     for k in ("conflicts", "undetermined", "complies", "not_applicable"))
    interp = ", ".join(f"{m}: {i}" for m, i in sorted(report.interpretations.items()))
    gate = (t("gate_fail", lang, n=failing, level=options.fail_on) if failing
            else t("gate_pass", lang, level=options.fail_on)).replace("`", "")
    verdict_opts = "".join(f'<option value="{k}">{_e(_kind_label(k, lang))}</option>' for k in KINDS)
    dossier_opts = "".join(f'<option value="{_e(d)}">{_e(d)}</option>' for d in dossiers)
    details = "\n".join(_detail(ids[key], cells[key], by_case[key], options, lang) for key in cells)
    title = t("title", lang)
    tabs = (f'<button type="button" role="tab" data-view="matrix" aria-selected="true">'
            f'{_e(t("matrix", lang))}</button><button type="button" role="tab" data-view="timeline" '
            f'aria-selected="false">{_e(t("timeline", lang))}</button>')
    all_opt = f'<option value="">{_e(t("all", lang))}</option>'
    timeline_html = (f'<ol class="timeline">{NL.join(timeline)}</ol>' if timeline
                     else f'<p>{_e(t("timeline_none", lang))}</p>')
    if undated:
        timeline_html += f"<p>{_e(', '.join(undated))}</p>"
    page = [
        "<!DOCTYPE html>", f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>", f"<style>{_asset('report.css')}</style>", "</head>", "<body>",
        "<header>", f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(t("as_of", lang))}: {_e(report.as_of or t("as_of_own", lang))}; '
        f'{_e(t("interpretation", lang))}: {_e(interp)}</p>',
        f'<p class="meta counts">{counts} <span>— {_e(gate)}</span></p>',
        '<div class="controls" hidden>', f'<div class="tabs" role="tablist">{tabs}</div>',
        f'<label>{_e(t("filter_dossier", lang))} <select id="f-dossier">{all_opt}{dossier_opts}'
        "</select></label>",
        f'<label>{_e(t("filter_verdict", lang))} <select id="f-verdict">{all_opt}{verdict_opts}'
        "</select></label>",
        "</div>", "</header>", "<main>", "<div>",
        '<section class="view" id="view-matrix">', f'<h2>{_e(t("matrix", lang))}</h2>',
        '<table id="matrix">', f'<caption>{_e(t("matrix_caption", lang))}</caption>',
        f'<thead><tr><th scope="col">{_e(t("position", lang))}</th>'
        f'<th scope="col">{_e(t("date", lang))}</th>{head_cells}</tr></thead>',
        "<tbody>", *rows, "</tbody>", "</table>", "</section>",
        '<section class="view" id="view-timeline" hidden>', f'<h2>{_e(t("timeline", lang))}</h2>',
        timeline_html, "</section>", "</div>",
        '<aside id="panel" aria-live="polite">', f'<h2>{_e(t("details", lang))}</h2>',
        f'<p id="hint">{_e(t("details_hint", lang))}</p>', details, "</aside>", "</main>",
        f"<script>{_asset('report.js')}</script>", "</body>", "</html>",
    ]
    return NL.join(page) + NL
