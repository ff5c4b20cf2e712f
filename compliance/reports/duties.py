"""The duties overview (`compliance duties`) in text, JSON, Markdown and HTML.

Deterministic (no clock, no absolute path) and escaped by compliance.text_safety like every
report: a motion's name or an event's source is input text."""

from __future__ import annotations

import json
from collections.abc import Sequence

from compliance.i18n import t
from compliance.model.output import Duty
from compliance.text_safety import html, lines, md

FORMATS = ("text", "json", "markdown", "html")


def _evidence(d: Duty, sources: bool = True, lang: str = "en") -> str:
    parts = []
    for e in d.evidence:
        where = f" [{e.file}:{e.line}]" if e.file and e.line else f" [{e.file}]" if e.file else ""
        source = f", {e.source}" if e.source and sources else ""
        parts.append(f"{t('duty_ev_' + e.kind, lang)} {e.ref}, {e.date or '?'}{source}{where}")
    return "; ".join(parts)


def _name(d: Duty) -> str:
    cited = f"{d.kamerstuk}; {d.motion}" if d.kamerstuk else d.motion
    return f"{d.motion_name} ({cited}) #{d.clause}"


def _state(d: Duty, lang: str) -> str:
    word = t(f"duty_word_{d.state}", lang)
    return word if d.adoption == "adopted" else f"{word} ({t('duty_vote_unknown', lang)})"


def render_text(duties: Sequence[Duty], lang: str) -> str:
    if not duties:
        return t("duty_none", lang) + "\n"
    out: list[str] = []
    for d in duties:
        out.append(f"{_name(d)}: {_state(d, lang)} — {t('as_of', lang)} {d.as_of}")
        out.append(f"    {d.request}")
        out.append(f"    {d.reason}")
        if d.evidence:  # the reason cites the sources; here: where each is recorded
            out.append(f"    {t('duty_evidence', lang)}: {_evidence(d, sources=False, lang=lang)}")
        out.append(f"    {t('duty_rule', lang)}: {d.rule} ({d.rule_file}:{d.rule_line}), "
                   f"{t('duty_kind_' + d.kind, lang)}, {t('duty_obl_' + d.obligation, lang)}")
    counts = {s: sum(1 for d in duties if d.state == s) for s in
              ("overdue", "unknown", "not_yet_due", "met", "ended")}
    out.append(t("duty_counts", lang, n=len(duties), **counts))
    return lines(out)


def render_json(duties: Sequence[Duty]) -> str:
    doc = {"schema_version": "1.0", "duties": [d.model_dump(mode="json") for d in duties]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def render_markdown(duties: Sequence[Duty], lang: str) -> str:
    out = [f"# {md(t('duty_title', lang))}", "",
           f"| {t('motion', lang)} | {t('duty_state', lang)} | {t('duty_due', lang)} | "
           f"{t('duty_evidence', lang)} | {t('duty_reason', lang)} |", "|---|---|---|---|---|"]
    for d in duties:
        out.append(f"| {md(_name(d))} | {md(_state(d, lang))} | {md(d.due or '?')} | "
                   f"{md(_evidence(d, lang=lang) or ', '.join(d.decides) or '-')} | {md(d.reason)} |")
    return "\n".join(out) + "\n"


def render_html(duties: Sequence[Duty], lang: str) -> str:
    rows = "".join(
        f'<tr data-state="{html(d.state)}"><th scope="row">{html(_name(d))}<br><small>{html(d.request)}'
        f"</small></th><td>{html(_state(d, lang))}</td><td>{html(d.due or '?')}</td>"
        f"<td>{html(_evidence(d, lang=lang) or ', '.join(d.decides) or '-')}</td>"
        f"<td>{html(d.reason)}</td></tr>"
        for d in duties)
    title = html(t("duty_title", lang))
    return (f'<!DOCTYPE html>\n<html lang="{html(lang)}"><head><meta charset="utf-8">'
            f"<title>{title}</title></head><body><main><h1>{title}</h1>"
            f"<table><thead><tr><th scope=\"col\">{html(t('motion', lang))}</th>"
            f"<th scope=\"col\">{html(t('duty_state', lang))}</th><th scope=\"col\">"
            f"{html(t('duty_due', lang))}</th><th scope=\"col\">{html(t('duty_evidence', lang))}</th>"
            f"<th scope=\"col\">{html(t('duty_reason', lang))}</th></tr></thead><tbody>{rows}"
            "</tbody></table></main></body></html>\n")


def render(duties: Sequence[Duty], fmt: str, lang: str) -> str:
    if fmt == "json":
        return render_json(duties)
    if fmt == "markdown":
        return render_markdown(duties, lang)
    if fmt == "html":
        return render_html(duties, lang)
    return render_text(duties, lang)


__all__ = ["FORMATS", "render"]
