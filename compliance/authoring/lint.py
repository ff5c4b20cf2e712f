"""``compliance lint``: what is wrong or suspect in motions/ and rules/.

Load problems (unknown names with a did-you-mean, type mismatches, concept cycles,
schema errors) come from the loader itself, so lint and check can never disagree on
what is valid; lint reports them with the others instead of stopping. Then, for every
rule that did load, the semantic checks over fully known positions: overlaps, gaps,
rules that can never conflict or never comply, each with a concrete example position,
and adopted motions or clauses without a rule.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from compliance.authoring.search import scan
from compliance.authoring.space import Method, Space, position_json, render_facts
from compliance.errors import InputError, localize
from compliance.i18n import t
from compliance.loading.workspace import Workspace, load_workspace_partial
from compliance.model.motion import motion_sort_key
from compliance.text_safety import lines as safe_lines

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class LintIssue:
    file: str
    line: int
    column: int
    code: str
    severity: Severity
    message: str
    fix: str = ""
    rule: str | None = None
    example: dict[str, Any] | None = field(default=None, compare=False)


def _from_load(e: InputError, lang: str) -> LintIssue:
    return LintIssue(e.file, e.line, e.column, e.code, "error", localize(e.problem, lang),
                     localize(e.fix, lang))


def lint(root: Path, *, lang: str = "en", method: Method = "auto") -> list[LintIssue]:
    ws, errors = load_workspace_partial(root)
    issues = [_from_load(e, lang) for e in errors]
    broken = {Path(e.file).stem for e in errors}
    issues += _coverage_of_motions(ws, broken, lang)
    issues += _semantics(ws, lang, method)
    issues += _subjects(ws, lang)
    issues += _deprecated_in_positions(ws, lang)
    issues += _facts_without_cues(ws, lang)
    return sorted(set(issues))


def _facts_without_cues(ws: Workspace, lang: str) -> list[LintIssue]:
    """A fact without cues: `compliance draft` can never propose it (no cue, no fact)."""
    from compliance.loading.yaml_safe import load_file

    out: list[LintIssue] = []
    for name in sorted(ws.vocabularies):
        loaded = ws.vocabularies[name]
        vocab = loaded.model
        doc = None
        for fact_name, fact in vocab.facts.items():
            if fact.deprecated:
                continue
            values = fact.cues.values if fact.cues is not None else {}
            if fact.cues is not None and (values or fact.cues.addressed is not None):
                continue
            if doc is None:
                doc = load_file(ws.root / loaded.file if not Path(loaded.file).is_absolute()
                                else Path(loaded.file))
            line, col = doc.loc(("facts", fact_name), key=True)
            out.append(LintIssue(loaded.file, line, col, "fact-without-cues", "warning",
                                 t("no_cues_fact", lang, fact=fact_name), t("no_cues_fix", lang)))
    return out


def _deprecated_in_positions(ws: Workspace, lang: str) -> list[LintIssue]:
    """A position (under examples/positions/) stating a deprecated fact or value."""
    from compliance.api import DEFAULT_POSITIONS
    from compliance.errors import InputErrors
    from compliance.loading.workspace import load_positions

    folder = ws.root / DEFAULT_POSITIONS
    if not folder.is_dir():
        return []
    try:
        positions = load_positions(ws, [folder])
    except InputErrors:
        return []  # check and validate report those
    out: list[LintIssue] = []
    for pos in positions:
        vocab = ws.vocabularies[pos.model.dossier].model
        for name, value in sorted(pos.facts.items()):
            fact = vocab.facts.get(name)
            if fact is None:
                continue
            line, col = pos.fact_loc(name) or (1, 1)
            if fact.deprecated:
                out.append(LintIssue(pos.file, line, col, "deprecated-fact", "warning",
                                     t("deprecated_fact", lang, fact=name), t("deprecated_fix", lang)))
            used = sorted(value) if isinstance(value, frozenset) else [value]
            for v in used:
                meaning = (fact.values or {}).get(v) if isinstance(v, str) else None
                if meaning is not None and meaning.deprecated:
                    fix = t("deprecated_use", lang, value=meaning.use_instead) if meaning.use_instead \
                        else t("deprecated_fix", lang)
                    out.append(LintIssue(pos.file, line, col, "deprecated-value", "warning",
                                         t("deprecated_value", lang, fact=name, value=v), fix))
    return out


def _coverage_of_motions(ws: Workspace, broken: set[str], lang: str) -> list[LintIssue]:
    out: list[LintIssue] = []
    for motion_id in sorted(ws.motions, key=motion_sort_key):
        m = ws.motions[motion_id]
        rules = ws.rules.get(motion_id)
        if m.record.result != "adopted":
            # A motion whose vote no source shows may yet prove adopted: its rules stay.
            if rules is not None and m.record.result != "unknown":
                line, col = rules.doc.loc(("motion",))
                out.append(LintIssue(rules.file, line, col, "rule-for-unadopted", "warning",
                                     t("unadopted", lang, motion=motion_id, result=m.record.result),
                                     t("unadopted_fix", lang)))
            continue
        if rules is None:
            if motion_id not in broken and all(d in ws.vocabularies for d in m.record.dossiers):
                line, col = m.doc.loc(("id",))
                out.append(LintIssue(m.file, line, col, "motion-without-rule", "warning",
                                     t("no_rule_motion", lang, motion=motion_id),
                                     t("no_rule_motion_fix", lang, motion=motion_id)))
            continue
        numbers = [c.number for c in m.record.clauses]
        for i, interp in enumerate(rules.model.interpretations):
            done = {c.clause for c in interp.clauses}
            line, col = rules.doc.loc(("interpretations", i, "name"))
            for n in numbers:
                if n not in done:
                    out.append(LintIssue(
                        rules.file, line, col, "clause-without-rule", "warning",
                        t("no_rule_clause", lang, interpretation=interp.name, clause=n, motion=motion_id),
                        t("no_rule_clause_fix", lang, clause=n)))
    return out


def _semantics(ws: Workspace, lang: str, method: Method) -> list[LintIssue]:
    out: list[LintIssue] = []
    for motion_id in sorted(ws.rules, key=motion_sort_key):
        rules = ws.rules[motion_id]
        vocab = ws.vocabularies[rules.model.dossier]
        for interp in rules.model.interpretations:
            for clause in rules.compiled[interp.name]:
                rule = f"{clause.key}@{clause.interpretation}"
                space = Space.for_clauses(vocab.model, vocab.concepts, [clause])
                found = scan(space, clause, ["overlap", "undetermined", "conflicts", "complies"],
                             method=method)
                explicit = clause.rule.complies_when is not None
                where = clause.complies.loc if explicit else clause.conflicts.loc
                checks = [("overlap", "overlap", "error", found["overlap"] is not None, found["overlap"]),
                          ("gap", "gap", "error", found["undetermined"] is not None, found["undetermined"]),
                          ("never-conflicts", "never_conflicts", "warning", found["conflicts"] is None, None),
                          ("never-complies", "never_complies", "warning", found["complies"] is None, None)]
                for code, key, severity, hit, example in checks:
                    if not hit:
                        continue
                    fix = {"overlap": "overlap_fix", "gap": "gap_fix"}.get(code, "dead_fix")
                    out.append(LintIssue(where[0], where[1], where[2], code, severity,  # type: ignore[arg-type]
                                         t(key, lang, rule=rule), t(fix, lang), rule,
                                         position_json(example) if example is not None else None))
    return out


def _subjects(ws: Workspace, lang: str) -> list[LintIssue]:
    """What the subject gate makes of each clause (docs/applicability.md): a clause of a dossier
    with subjects that concerns none applies to every position of the dossier; a clause that
    declares subjects none of the facts it reads belongs to would be not applicable to the very
    positions that state those facts."""
    out: list[LintIssue] = []
    for motion_id in sorted(ws.rules, key=motion_sort_key):
        rules = ws.rules[motion_id]
        vocab = ws.vocabularies[rules.model.dossier]
        if not vocab.model.subjects:
            continue
        for i, interp in enumerate(rules.model.interpretations):
            for j, clause in enumerate(rules.compiled[interp.name]):
                rule = f"{clause.key}@{clause.interpretation}"
                base = ("interpretations", i, "clauses", j)
                if not clause.subjects:
                    line, col = rules.doc.loc(base)
                    out.append(LintIssue(rules.file, line, col, "clause-without-subject", "warning",
                                         t("lint_no_subject", lang, rule=rule),
                                         t("lint_no_subject_fix", lang,
                                           subjects=", ".join(vocab.model.subjects)), rule))
                    continue
                read = vocab.subjects_of([c for c in (clause.applies, clause.conflicts, clause.complies)])
                if clause.rule.subjects and read and not set(read) & set(clause.subjects):
                    line, col = rules.doc.loc((*base, "subjects"))
                    out.append(LintIssue(rules.file, line, col, "subject-not-read", "warning",
                                         t("lint_subject_not_read", lang, rule=rule,
                                           declared=", ".join(clause.subjects), read=", ".join(read)),
                                         t("lint_subject_not_read_fix", lang), rule))
    return out


def counts(issues: list[LintIssue]) -> tuple[int, int]:
    errors = sum(1 for i in issues if i.severity == "error")
    return errors, len(issues) - errors


def render_text(issues: list[LintIssue], lang: str) -> str:
    lines = []
    for i in issues:
        text = f"{i.file}:{i.line}:{i.column}: {t(i.severity, lang)}[{i.code}] {i.message}"
        lines.append(f"{text} — {i.fix}" if i.fix else text)
        if i.example is not None:
            lines.append(f"    {t('example', lang)}: {render_facts(i.example)}")
    errors, warnings = counts(issues)
    lines.append(t("lint_summary", lang, errors=errors, warnings=warnings))
    return safe_lines(lines)  # input text cannot break a line or reach the terminal raw


def render_json(issues: list[LintIssue]) -> str:
    errors, warnings = counts(issues)
    data = {"errors": errors, "warnings": warnings, "issues": [asdict(i) for i in issues]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
