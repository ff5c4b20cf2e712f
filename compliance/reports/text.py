"""A readable text table: one line per position and motion, with the reasons."""

from __future__ import annotations

from compliance.i18n import t
from compliance.model.output import Finding, Report
from compliance.reports import RenderOptions


def show(value: object) -> str:
    """A fact value as an author would write it in YAML."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(show(v) for v in value) + "]"
    return str(value)


def _fact_line(f: Finding, lang: str) -> list[str]:
    out = []
    for fact in f.facts:
        if fact.present:
            where = f" — {fact.where}" if fact.where else ""
            out.append(f"{fact.name} = {show(fact.value)} ({fact.file}:{fact.line}:{fact.column}{where})")
        else:
            out.append(f"{fact.name}: {t('absent', lang)}")
    return out


def _badge(verdict: str, declared: bool | None, lang: str) -> str:
    word = t(verdict, lang).upper() if verdict == "conflicts" else t(verdict, lang)
    if verdict != "conflicts":
        return word
    key = "declared" if declared is True else "undeclared" if declared is False else "declared_unknown"
    return f"{word} ({t(key, lang)})"


def render(report: Report, options: RenderOptions | None = None) -> str:
    lang = report.lang
    lines: list[str] = []
    by_key = {(f.position, f.motion): [] for f in report.findings}  # type: dict[tuple[str, str], list[Finding]]
    for f in report.findings:
        by_key[(f.position, f.motion)].append(f)
    current = None
    for m in report.motions:
        if m.position != current:
            current = m.position
            if lines:
                lines.append("")
            first = by_key[(m.position, m.motion)][0]
            lines.append(f"{t('position', lang)} {m.position} ({m.position_file}) — {first.sources[0]}")
        name = f"{m.motion_name} ({m.kamerstuk or m.motion})"
        badge = _badge(m.verdict, m.declared, lang)
        if m.conditional:
            badge += f" ({t('conditional', lang)})"
        lines.append(f"  {name:<58} {badge}")
        if m.verdict == "not_applicable":
            lines.append(f"      {m.message}")
            continue
        for f in by_key[(m.position, m.motion)]:
            lines.append(f"    {t('clause', lang)} {f.clause}: {_badge(f.verdict, f.declared, lang)}"
                         + (f" [{f.interpretation}]" if f.interpretation else ""))
            lines.append(f"      {f.message}")
            for reason in f.reasons:
                if reason.part in ("declaration", "standstill"):
                    lines.append(f"      {reason.text}")
            for b in f.branches or []:
                lines.append(f"      {t('scenario', lang)} {b.name}: {_badge(b.verdict, b.declared, lang)}"
                             f" — {b.description}")
                lines.append(f"        {b.message}")
                for a in b.assumptions:
                    lines.append(f"        {t('assumes', lang)}: {a}")
            for note in f.notes:
                lines.append(f"      {t('note', lang)}: {note}")
            if f.missing_facts:
                lines.append(f"      {t('missing', lang)}: {', '.join(f.missing_facts)}")
            facts = _fact_line(f, lang)
            if facts:
                lines.append(f"      {t('facts_used', lang)}:")
                lines.extend(f"        - {x}" for x in facts)
            if f.rule:
                lines.append(f"      rule: {f.rule} ({f.rule_file}:{f.rule_line})")
    c = report.counts
    lines.append("")
    lines.append(t("summary", lang, n=len(report.findings), conflicts=c["conflicts"],
                   undeclared=c["undeclared_conflicts"], undetermined=c["undetermined"],
                   complies=c["complies"], na=c["not_applicable"]))
    return "\n".join(lines) + "\n"
