"""A readable text table: one line per position and motion, with the reasons."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from compliance.i18n import t
from compliance.model.output import FactChange, Finding, Report
from compliance.reports import RenderOptions, findings_by_motion
from compliance.reports.labels import show
from compliance.text_safety import lines as safe_lines
from compliance.verdict import SEVERITY


def _fact_line(f: Finding, lang: str) -> list[str]:
    out = []
    for fact in f.facts:
        if fact.present:
            where = f" — {fact.where}" if fact.where else ""
            carried = f"; {fact.carried_from}" if fact.carried_from else ""
            out.append(f"{fact.name} = {show(fact.value)} "
                       f"({fact.file}:{fact.line}:{fact.column}{where}{carried})")
        else:
            out.append(f"{fact.name}: {t('absent', lang)}")
    return out


def _badge(verdict: str, declared: bool | None, lang: str) -> str:
    word = t(verdict, lang).upper() if verdict == "conflicts" else t(verdict, lang)
    if verdict != "conflicts":
        return word
    key = "declared" if declared is True else "undeclared" if declared is False else "declared_unknown"
    return f"{word} ({t(key, lang)})"


def _change(c: FactChange, lang: str) -> str:
    """'fact: was → new'; a set as the values it gains (+) and loses (-)."""
    if isinstance(c.value, list) and isinstance(c.was, list):
        parts = [f"+{v}" for v in c.value if v not in c.was] + [f"-{v}" for v in c.was if v not in c.value]
        return f"{c.fact}: {' '.join(parts)}"
    was = t("absent", lang) if c.was is None else show(c.was)
    return f"{c.fact}: {was} → {show(c.value)}"


def render(report: Report, options: RenderOptions | None = None) -> str:
    lang = report.lang
    lines: list[str] = []
    by_key = findings_by_motion(report)
    current = None
    # Motions of other dossiers say nothing about a position, and a workspace of several
    # dossiers has many: one line per position names them instead of a block each.
    elsewhere: list[str] = []
    dossier = ""
    for m in report.motions:
        if m.position != current:
            _elsewhere(lines, elsewhere, dossier, lang)
            current = m.position
            if lines:
                lines.append("")
            first = by_key[(m.position, m.motion)][0]
            dossier = first.dossier
            lines.append(f"{t('position', lang)} {m.position} ({m.position_file}) — {first.sources[0]}")
        name = f"{m.motion_name} ({m.kamerstuk or m.motion})"
        if m.verdict == "not_applicable" and _other_dossier(by_key[(m.position, m.motion)]):
            elsewhere.append(m.kamerstuk or m.motion)
            continue
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
                if reason.part in ("declaration", "standstill", "deadline", "recurring", "execution",
                                   "standing", "effort"):
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
            if f.would_comply is not None:
                lines.append(f"      {t('would_comply', lang)}:")
                lines.extend(f"        {k}. " + "; ".join(_change(c, lang) for c in changes)
                             for k, changes in enumerate(f.would_comply, 1))
                if not f.would_comply:
                    lines.append(f"        {t('no_change_found', lang)}")
    _elsewhere(lines, elsewhere, dossier, lang)
    lines.append("")
    lines.append(_summary(report))
    return safe_lines(lines)


def _other_dossier(findings: list[Finding]) -> bool:
    return all(f.reasons and f.reasons[0].part == "dossier" for f in findings)


def _elsewhere(lines: list[str], motions: list[str], dossier: str, lang: str) -> None:
    """The line naming the motions of other dossiers than the position's, if any."""
    if motions:
        lines.append(f"  {t('other_dossiers', lang, dossier=dossier, motions='; '.join(motions))}")
        motions.clear()


def _summary(report: Report) -> str:
    c = report.counts
    return t("summary", report.lang, n=sum(c[v] for v in SEVERITY), conflicts=c["conflicts"],
             undeclared=c["undeclared_conflicts"], undetermined=c["undetermined"],
             complies=c["complies"], na=c["not_applicable"])


# Streamed (see compliance.reports.STREAMED): positions' blocks are separated by a blank
# line and the summary follows the last, so a chunk's section is its text up to the
# summary, and the whole is the sections joined as the blocks are, then the summary.
SEPARATOR = b"\n\n"


def sections(report: Report) -> tuple[bytes]:
    """The position blocks of ``report`` in UTF-8 (empty when it has none)."""
    if not report.motions:
        return (b"",)
    text = render(report)
    end = "\n\n" + _summary(report) + "\n"
    if not text.endswith(end):  # pragma: no cover - render ends with the summary
        raise ValueError("unexpected text report layout")
    return (text[:-len(end)].encode(),)


def assemble(header: Report, parts: list[Iterable[bytes]]) -> Iterator[bytes]:
    """The whole report from the chunks' sections and a report with the final counts."""
    blocks = iter(parts[0])
    first = next(blocks, b"")
    if first:
        yield first
        yield from blocks
    # after the last block a blank line, as between blocks; with none, an empty first line
    yield (("\n\n" if first else "\n") + _summary(header) + "\n").encode()
