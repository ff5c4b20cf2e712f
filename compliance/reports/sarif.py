"""SARIF 2.1.0 for code scanning: one rule per motion clause, one result per failing finding.

Each result sits on the line of the position fact that decided it, so a code-scanning
view shows it next to that fact; ``partialFingerprints`` carry the baseline identity
so alerts survive rewording and moved lines.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from compliance.gate import fingerprint, reaches
from compliance.i18n import t
from compliance.model.motion import motion_sort_key
from compliance.model.output import Finding, Report
from compliance.reports import RenderOptions
from compliance.reports.labels import verdict_label
from compliance.text_safety import line, md
from compliance.version import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "motionComplianceFinding/v1"


def _rule_id(f: Finding) -> str:
    return f"{f.motion}/{f.clause}"


def _rule(f: Finding, lang: str) -> dict[str, Any]:
    cite = f.kamerstuk or f.motion
    title = f"{f.motion_name} ({cite}), {t('clause', lang)} {f.clause}"
    how = (f"{t('rule', lang)}: {f.rule} ({f.rule_file}:{f.rule_line}), "
           f"{t('interpretation', lang)} {f.interpretation}") if f.rule else t("no_rule", lang)
    return {
        "id": _rule_id(f),
        "name": f"Motion{f.motion.replace('-', '_')}Clause{f.clause}",
        "shortDescription": {"text": line(title)},
        "fullDescription": {"text": line(f.request)},
        "help": {"text": f"{line(title)}\n{t('request', lang)}: {line(f.request)}\n{line(how)}",
                 "markdown": f"**{md(title)}**\n\n{md(t('request', lang))}: {md(f.request)}\n\n{md(how)}"},
        "defaultConfiguration": {"level": "error"},
        "properties": {"tags": [f.dossier, f.motion]},
    }


def _uri(path: str) -> str:
    if path.startswith("/"):  # outside the workspace and the current folder: an absolute URI
        return "file://" + quote(path, safe="/-._~")
    return quote(path, safe="/-._~")


def _result(f: Finding, rule_index: int, options: RenderOptions, lang: str) -> dict[str, Any]:
    loc = f.location
    region = {"startLine": loc.line, "startColumn": loc.column} if loc else {"startLine": 1}
    text = [f"{verdict_label(f.verdict, f.declared, lang)}: {f.message}"]
    text += [r.text for r in f.reasons if r.part == "declaration"]
    if f.missing_facts:
        text.append(f"{t('missing', lang)}: {', '.join(f.missing_facts)}")
    result: dict[str, Any] = {
        "ruleId": _rule_id(f),
        "ruleIndex": rule_index,
        "level": "error",
        "message": {"text": line(" ".join(text))},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(loc.file if loc else f.position_file)},
            "region": region}}],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
    }
    related = [x for x in f.facts if x.present and x.line is not None and
               (loc is None or x.name != loc.fact)]
    if related:
        result["relatedLocations"] = [
            {"id": i, "message": {"text": line(x.name)},
             "physicalLocation": {"artifactLocation": {"uri": _uri(x.file)},
                                  "region": {"startLine": x.line, "startColumn": x.column or 1}}}
            for i, x in enumerate(related, start=1)]
    status = options.status(f)
    if status:
        result["baselineState"] = status
    result["properties"] = {"position": f.position, "verdict": f.verdict, "declared": f.declared,
                            "rule": f.rule, "missingFacts": f.missing_facts}
    return result


def render(report: Report, options: RenderOptions) -> str:
    lang = report.lang
    first: dict[str, Finding] = {}
    for f in report.findings:
        first.setdefault(_rule_id(f), f)
    ordered = sorted(first.values(), key=lambda f: (motion_sort_key(f.motion), f.clause))
    index = {_rule_id(f): i for i, f in enumerate(ordered)}
    # with a baseline, the findings it already held are results too (baselineState
    # "unchanged"): left out, code scanning would close their open alerts as fixed
    results = [_result(f, index[_rule_id(f)], options, lang)
               for f in report.findings if options.failing(f)
               or (options.status(f) == "unchanged" and reaches(f, options.fail_on))]
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "motion-compliance", "semanticVersion": __version__,
                            "rules": [_rule(f, lang) for f in ordered]}},
        "language": lang,
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"failOn": options.fail_on, "asOf": report.as_of,
                       "interpretations": report.interpretations, "counts": report.counts},
    }
    doc = {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
