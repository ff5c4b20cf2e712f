"""Rule tests: YAML files next to the rules (``rules/<dossier>/tests/*.yaml``), each case a
position fragment and the verdict expected per motion clause; and their coverage.

A case is judged on the rule semantics alone (no adoption date, no declarations): the
clause verdict the engine gives for the facts. Both evaluators judge it; if they
differ that is a defect of the program, not a failed test.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compliance.backends import get_backend
from compliance.backends.direct import DirectBackend
from compliance.conditions.ast import CLOCK_FLAGS, Flag
from compliance.conditions.values import MISSING, typed_value
from compliance.errors import InputError, InputErrors, InternalError, Text, did_you_mean, msg, one_of
from compliance.loading.validate import build_model
from compliance.loading.workspace import Workspace
from compliance.loading.yaml_safe import Document, load_file
from compliance.model.ruletest import RuleTestCase, RuleTestFile
from compliance.pack import CompiledClause
from compliance.text_safety import lines as safe_lines
from compliance.verdict import Verdict

TESTS_DIR = "tests"
REQUIRED: tuple[Verdict, ...] = ("complies", "conflicts", "undetermined")


@dataclass
class Case:
    file: str
    line: int
    dossier: str
    model: RuleTestCase
    facts: dict[str, Any]  # typed

    @property
    def id(self) -> str:
        return f"{self.file}:{self.line}:{self.model.name}"


@dataclass
class Expectation:
    key: str
    rule: str
    expected: Verdict
    actual: Verdict

    @property
    def ok(self) -> bool:
        return self.expected == self.actual


@dataclass
class CaseResult:
    case: Case
    expectations: list[Expectation]

    @property
    def ok(self) -> bool:
        return all(e.ok for e in self.expectations)


@dataclass
class Coverage:
    # rule "<motion>#<clause>@<interpretation>" -> (required outcomes, outcomes exercised)
    rules: dict[str, tuple[tuple[str, ...], set[str]]] = field(default_factory=dict)

    @property
    def required(self) -> int:
        return sum(len(r) for r, _ in self.rules.values())

    @property
    def covered(self) -> int:
        return sum(len(set(r) & c) for r, c in self.rules.values())

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.required if self.required else 100.0


def test_files(ws: Workspace) -> list[Path]:
    from compliance.loading.files import yaml_files

    out: list[Path] = []
    errors: list[InputError] = []
    for dossier in sorted(ws.vocabularies):
        folder = ws.root / "rules" / dossier / TESTS_DIR
        if folder.is_dir():  # what cannot be read is an error, not a test left out
            out += yaml_files(folder, errors)
    if errors:
        raise InputErrors(errors)
    return out


def load_cases(ws: Workspace, path: Path) -> list[Case]:
    """The cases of one test file, checked against the dossier; raises InputErrors."""
    display = ws.display(path)
    doc = load_file(path, display)
    errors: list[InputError] = []
    if doc.data is None:
        raise InputErrors([InputError(display, 1, 1, msg("e_file_empty"),
                                      Text("write 'tests:' with a list of cases",
                                           "schrijf 'tests:' met een lijst van gevallen"))])
    model, errs = build_model(doc, RuleTestFile)
    if model is None:
        raise InputErrors(errs)
    dossier = path.parent.parent.name
    cases = [c for i, case in enumerate(model.tests)
             if (c := _check_case(ws, doc, dossier, i, case, errors)) is not None]
    if errors:
        raise InputErrors(errors)
    return cases


def _check_case(ws: Workspace, doc: Document, dossier: str, i: int, case: RuleTestCase,
                errors: list[InputError]) -> Case | None:
    before = len(errors)
    vocab = ws.vocabularies[dossier].model
    base = ("tests", i)
    facts: dict[str, Any] = {}
    for name, raw in case.facts.items():
        fact = vocab.facts.get(name)
        if fact is None:
            errors.append(doc.error((*base, "facts", name), msg("e_fact_not_in_vocab",
                                                                fact=name, dossier=dossier),
                                    did_you_mean(name, vocab.facts) or Text("fix the name",
                                                                            "verbeter de naam"),
                                    key=True))
            continue
        value = typed_value(fact, raw)
        if value is MISSING:
            errors.append(doc.error((*base, "facts", name),
                                    Text(f"{raw!r} is not a valid value of {fact.type} fact '{name}'",
                                         f"{raw!r} is geen geldige waarde van {fact.type}-feit '{name}'"),
                                    Text("leave a fact out to make it unknown",
                                         "laat een feit weg om het onbekend te maken")))
            continue
        facts[name] = value
    timeline = ws.timelines.get(dossier)
    known_events = set(timeline.events) if timeline is not None else set()
    for section in ("events", "open_steps"):
        for event in getattr(case, section):
            if event not in known_events:
                errors.append(doc.error((*base, section, event),
                                        Text(f"event '{event}' is not in the timeline of dossier '{dossier}'",
                                             f"gebeurtenis '{event}' staat niet op de tijdlijn van dossier "
                                             f"'{dossier}'"),
                                        did_you_mean(event, known_events)
                                        or Text("see rules/<dossier>/timeline.yaml",
                                                "zie rules/<dossier>/timeline.yaml"), key=True))
    for event, happened in case.events.items():
        facts[Flag(event, None, ("", 0, 0)).key] = happened
    for event, kinds in case.open_steps.items():
        for j, kind in enumerate(kinds):
            if kind not in vocab.step_kinds:
                errors.append(doc.error((*base, "open_steps", event, j), msg("e_unknown_step_kind",
                                                                             kind=kind),
                                        did_you_mean(kind, vocab.step_kinds) or one_of(vocab.step_kinds)))
        for kind in vocab.step_kinds:
            facts[Flag(event, kind, ("", 0, 0)).key] = kind in kinds
    for key, flags in case.clocks.items():
        motion, _, number = key.partition("#")
        rules = ws.rules.get(motion)
        clocks = [c.clock for cs in (rules.compiled.values() if rules else ()) for c in cs
                  if str(c.clause) == number and c.clock is not None]
        if not clocks:
            errors.append(doc.error((*base, "clocks", key),
                                    Text(f"'{key}' has no deadline or recurring duty",
                                         f"'{key}' heeft geen termijn of terugkerende plicht"),
                                    Text("name a clause whose rule has 'deadline' or 'recurring'",
                                         "noem een verzoek waarvan de regel 'deadline' of 'recurring' heeft"),
                                    key=True))
            continue
        for which, value in flags.items():
            if which not in CLOCK_FLAGS[clocks[0].kind]:
                allowed = ", ".join(CLOCK_FLAGS[clocks[0].kind])
                kind_ = clocks[0].kind
                errors.append(doc.error((*base, "clocks", key, which),
                                        Text(f"unknown flag '{which}' of a {kind_}",
                                             f"onbekende vlag '{which}' van een {kind_}"),
                                        msg("e_use_one_of", options=allowed), key=True))
                continue
            for clock in clocks:
                facts[clock.flag(which, ("", 0, 0)).key] = value
    for motion, chosen in case.interpretations.items():
        rules = ws.rules.get(motion)
        names = [x.name for x in rules.model.interpretations] if rules else []
        if chosen not in names:
            errors.append(doc.error((*base, "interpretations", motion),
                                    Text(f"no interpretation '{chosen}' for motion {motion}",
                                         f"geen interpretatie '{chosen}' voor motie {motion}"),
                                    did_you_mean(chosen, names)
                                    or (one_of(names) if names else Text("use one of: (no rules)",
                                                                         "gebruik een van: (geen regels)"))))
    for key in case.expect:
        motion, _, number = key.partition("#")
        rules = ws.rules.get(motion)
        interp = ws.interpretation_for(motion, case.interpretations)
        clauses = {str(c.clause) for c in rules.compiled.get(interp or "", [])} if rules else set()
        if rules is None or rules.model.dossier != dossier or number not in clauses:
            errors.append(doc.error((*base, "expect", key),
                                    Text(f"no rule for clause '{key}' in dossier '{dossier}'",
                                         f"geen regel voor verzoek '{key}' in dossier '{dossier}'"),
                                    Text("write MOTION#CLAUSE, e.g. 26643-885#1",
                                         "schrijf MOTIE#VERZOEK, bijv. 26643-885#1"), key=True))
    if len(errors) > before:
        return None
    return Case(doc.file, doc.loc(base)[0], dossier, case, facts)


def load_all(ws: Workspace, files: Iterable[Path] | None = None) -> list[Case]:
    cases: list[Case] = []
    errors: list[InputError] = []
    for path in files if files is not None else test_files(ws):
        try:
            cases += load_cases(ws, path)
        except InputErrors as e:
            errors += e.errors
    if errors:
        raise InputErrors(errors)
    return cases


def run_cases(ws: Workspace, cases: list[Case], backend: str = "durable") -> list[CaseResult]:
    """Judge every case with the engine and the direct evaluator (one batch per rule pack)."""
    engine = get_backend(backend)
    direct = DirectBackend()
    groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[Case]] = {}
    for case in cases:
        groups.setdefault((case.dossier, tuple(sorted(case.model.interpretations.items()))), []).append(case)
    results: dict[int, CaseResult] = {}
    for (dossier, choice), group in sorted(groups.items()):
        pack = ws.pack(dossier, dict(choice))
        records = [c.facts for c in group]
        got = engine.evaluate(pack, records)
        check = direct.evaluate(pack, records) if engine.name != "direct" else got
        for case, outcome, reference in zip(group, got, check, strict=True):
            if {k: o.verdict for k, o in outcome.items()} != {k: o.verdict for k, o in reference.items()}:
                raise InternalError(f"the engines disagree on rule test {case.id}")
            by_key = {c.key: c for c in pack.clauses}
            exps = [Expectation(key, _rule(by_key[key]), expected, outcome[key].verdict)
                    for key, expected in sorted(case.model.expect.items())]
            results[id(case)] = CaseResult(case, exps)
    return [results[id(c)] for c in cases]


def _rule(clause: CompiledClause) -> str:
    return f"{clause.key}@{clause.interpretation}"


def coverage(ws: Workspace, results: list[CaseResult]) -> Coverage:
    cov = Coverage()
    for motion in sorted(ws.rules):
        for clauses in ws.rules[motion].compiled.values():
            for c in clauses:
                need = (*REQUIRED, "not_applicable") if c.applies is not None else REQUIRED
                cov.rules[_rule(c)] = (need, set())
    for r in results:
        for e in r.expectations:
            if e.ok and e.rule in cov.rules:
                cov.rules[e.rule][1].add(e.actual)
    return cov


def render_text(results: list[CaseResult], cov: Coverage | None) -> str:
    lines = []
    for r in results:
        status = "ok  " if r.ok else "FAIL"
        lines.append(f"{status} {r.case.file}:{r.case.line}: {r.case.model.name}")
        for e in r.expectations:
            if not e.ok:
                lines.append(f"       {e.rule}: expected {e.expected}, got {e.actual}")
    failed = sum(1 for r in results if not r.ok)
    lines.append(f"{len(results)} tests, {len(results) - failed} passed, {failed} failed")
    if cov is not None:
        lines.append("coverage (complies, conflicts, undetermined per clause):")
        width = max((len(rule) for rule in cov.rules), default=0)
        for rule, (need, got) in sorted(cov.rules.items()):
            marks = " ".join(v if v in got else f"-{v}" for v in need)
            lines.append(f"  {rule:<{width}} {len(set(need) & got)}/{len(need)}  {marks}")
        lines.append(f"coverage: {cov.covered}/{cov.required} = {cov.percent:.1f}%")
    return safe_lines(lines)  # input text cannot break a line or reach the terminal raw


def render_json(results: list[CaseResult], cov: Coverage | None) -> str:
    data: dict[str, Any] = {
        "tests": [{"file": r.case.file, "line": r.case.line, "name": r.case.model.name, "ok": r.ok,
                   "expectations": [{"clause": e.key, "rule": e.rule, "expected": e.expected,
                                     "actual": e.actual} for e in r.expectations]} for r in results],
        "passed": sum(1 for r in results if r.ok), "failed": sum(1 for r in results if not r.ok),
    }
    if cov is not None:
        data["coverage"] = {
            "percent": round(cov.percent, 1), "covered": cov.covered, "required": cov.required,
            "rules": {rule: {"required": list(need), "covered": sorted(set(need) & got)}
                      for rule, (need, got) in sorted(cov.rules.items())}}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
