"""Load a workspace: motion records, dossier vocabularies, rule files, positions.

Everything is checked before anything is evaluated: schema, model, names against
the vocabulary, references between files. All problems of all files are collected
and raised together as :class:`InputErrors`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from compliance.conditions.ast import All, Any_, Clock, Cond, Flag, facts_of
from compliance.conditions.parse import ConditionParser, concept_cycle
from compliance.conditions.values import MISSING, typed_value
from compliance.dates import PartialDate
from compliance.errors import InputError, InputErrors, Text, did_you_mean, msg, one_of
from compliance.loading.files import yaml_files
from compliance.loading.timeline import LoadedTimeline, load_timeline
from compliance.loading.validate import load_checked
from compliance.loading.yaml_safe import Document, load_file
from compliance.model.motion import MotionRecord
from compliance.model.position import PlannedStep, Position
from compliance.model.rules import At, RuleFile
from compliance.model.vocabulary import Vocabulary
from compliance.pack import CompiledClause, RulePack, clock_conditions, compile_clause

RESERVED_RULE_FILES = {"dossier.yaml", "timeline.yaml"}


@dataclass
class LoadedMotion:
    record: MotionRecord
    file: str
    doc: Document


@dataclass
class LoadedVocabulary:
    model: Vocabulary
    concepts: dict[str, Cond]
    file: str

    def subjects_of_facts(self, names: Any) -> tuple[str, ...]:
        """The subjects the named facts belong to, in the order the dossier declares them."""
        found = {s for n in names if n in self.model.facts for s in self.model.facts[n].subjects}
        return tuple(s for s in self.model.subjects if s in found)

    def subjects_of(self, conds: Any) -> tuple[str, ...]:
        """The subjects of the facts some conditions read, through concepts."""
        names: set[str] = set()
        for cond in conds:
            if cond is not None:
                names |= facts_of(cond, self.concepts)
        return self.subjects_of_facts(names)


@dataclass
class LoadedRules:
    model: RuleFile
    file: str
    doc: Document
    # interpretation name -> compiled clauses
    compiled: dict[str, list[CompiledClause]]


@dataclass
class LoadedBranch:
    """One scenario of a conditional position, with its merged typed facts."""

    index: int
    name: str
    facts: dict[str, Any]


@dataclass
class LoadedPosition:
    model: Position
    file: str
    doc: Document
    facts: dict[str, Any]  # typed values of stated facts
    branches: list[LoadedBranch] = field(default_factory=list)
    # the dossier subjects it addresses: declared, else those of the facts it states (the
    # base and every scenario); empty when they cannot be told (docs/applicability.md)
    subjects: tuple[str, ...] = ()
    subjects_declared: bool = False
    # the standing position (check --standing): facts carried from earlier positions, by
    # name -> their origin (compliance.evaluate.standing.Carried); empty for a document as it stands
    carried: dict[str, Any] = field(default_factory=dict)

    def fact_loc(self, name: str, branch: int | None = None) -> tuple[int, int] | None:
        if branch is not None:
            loc = self.doc.value_locs.get(("scenarios", branch, "facts", name))
            if loc is not None:
                return loc
        return self.doc.value_locs.get(("facts", name))

    def fact_where(self, name: str, branch: int | None = None) -> str | None:
        raw = self.model.facts.get(name)
        if branch is not None and name in self.model.scenarios[branch].facts:
            raw = self.model.scenarios[branch].facts[name]
        return raw.get("where") if isinstance(raw, dict) else None


@dataclass
class Workspace:
    root: Path
    motions: dict[str, LoadedMotion] = field(default_factory=dict)
    vocabularies: dict[str, LoadedVocabulary] = field(default_factory=dict)
    rules: dict[str, LoadedRules] = field(default_factory=dict)  # by motion id
    timelines: dict[str, LoadedTimeline] = field(default_factory=dict)  # by dossier
    _packs: dict[tuple[str, tuple[tuple[str, str], ...]], RulePack] = field(default_factory=dict)

    def display(self, path: Path) -> str:
        """The path as reports show it: relative to the workspace, else to the current
        folder (an absolute path in a SARIF or GitHub annotation matches no file of the
        repository), else as given."""
        for base in (self.root, Path.cwd()):
            try:
                return path.resolve().relative_to(base.resolve()).as_posix()
            except (ValueError, OSError):
                continue
        return str(path)

    def check_interpretations(self, choice: dict[str, str] | None, where: str = "--interpretation") -> None:
        """Refuse a choice that names a motion without rules or an interpretation that does
        not exist (for "*": that no motion has), with a did-you-mean; InputErrors."""
        errors = []
        for motion, name in sorted((choice or {}).items()):
            if motion == "*":
                names = {i.name for r in self.rules.values() for i in r.model.interpretations}
                if name not in names:
                    errors.append(InputError(where, 1, 1, Text(
                        f"no interpretation {name!r} in any rule file",
                        f"geen interpretatie {name!r} in enig regelbestand"),
                        did_you_mean(name, names) or one_of(names)))
                continue
            rules = self.rules.get(motion)
            if rules is None:
                errors.append(InputError(where, 1, 1, Text(f"no rules for motion {motion!r}",
                                                           f"geen regels voor motie {motion!r}"),
                                         did_you_mean(motion, self.rules) or one_of(self.rules)))
                continue
            names = {i.name for i in rules.model.interpretations}
            if name not in names:
                errors.append(InputError(where, 1, 1, Text(f"motion {motion} has no interpretation {name!r}",
                                                           f"motie {motion} heeft geen interpretatie "
                                                           f"{name!r}"),
                                         did_you_mean(name, names) or one_of(names)))
        if errors:
            raise InputErrors(errors)

    def interpretation_for(self, motion: str, choice: dict[str, str] | None = None) -> str | None:
        rules = self.rules.get(motion)
        if rules is None:
            return None
        wanted = (choice or {}).get(motion) or (choice or {}).get("*")
        names = [i.name for i in rules.model.interpretations]
        if wanted in names:
            return wanted
        return rules.model.default_interpretation().name

    def pack(self, dossier: str, choice: dict[str, str] | None = None) -> RulePack:
        """The rule pack of a dossier for the chosen interpretations (compiled once)."""
        selected = tuple(sorted(
            (m, self.interpretation_for(m, choice) or "")
            for m, r in self.rules.items() if r.model.dossier == dossier))
        key = (dossier, selected)
        if key not in self._packs:
            clauses: list[CompiledClause] = []
            for motion, interpretation in selected:
                clauses.extend(self.rules[motion].compiled[interpretation])
            vocab = self.vocabularies[dossier]
            self._packs[key] = RulePack(dossier, vocab.model, vocab.concepts, tuple(clauses))
        return self._packs[key]


def _yaml_files(folder: Path, errors: list[InputError] | None = None) -> list[Path]:
    if not folder.is_dir():
        return []
    return yaml_files(folder, errors if errors is not None else [])


# a record's kind in Dutch, for "write a <kind> record"
_RECORD_NL = {"motion": "motierecord", "dossier": "woordenlijst van het dossier", "rules": "regelbestand",
              "position": "positie", "timeline": "tijdlijn"}


def _load(path: Path, ws: Workspace, kind: str, model: Any, errors: list[InputError]) -> Any:
    try:
        doc = load_file(path, ws.display(path), root=ws.root)
    except InputErrors as e:
        errors.extend(e.errors)
        return None, None
    if doc.data is None:
        noun = _RECORD_NL.get(kind, kind)
        errors.append(InputError(doc.file, 1, 1, msg("e_file_empty"),
                                 Text(f"write a {kind} record", f"schrijf er een {noun} in")))
        return None, None
    obj, errs = load_checked(doc, kind, model)
    errors.extend(errs)
    return obj, doc


def workspace_problem(root: Path) -> InputError | None:
    """Why ``root`` is no workspace (neither motions/ nor rules/ in it), else None: a typo in
    a CI gate's path must fail, not pass with nothing checked."""
    if (root / "motions").is_dir() or (root / "rules").is_dir():
        return None
    problem = (Text(f"no such folder {str(root)!r}", f"map {str(root)!r} bestaat niet") if not root.exists()
               else Text(f"no motions/ or rules/ in {str(root)!r}",
                         f"geen motions/ of rules/ in {str(root)!r}"))
    return InputError(str(root), 1, 1, problem, Text("give the workspace folder with --workspace (-w)",
                                                     "geef de werkruimte met --workspace (-w)"))


def load_workspace(root: Path) -> Workspace:
    """Load motions/ and rules/ below ``root``; raise InputErrors listing every problem."""
    ws, errors = load_workspace_partial(root)
    if errors:
        raise InputErrors(errors)
    return ws


def load_workspace_partial(root: Path) -> tuple[Workspace, list[InputError]]:
    """Load every file that is sound and return the problems of the others (for lint,
    which reports them and still analyses the rules that did load)."""
    ws = Workspace(root=root)
    errors: list[InputError] = []
    missing = workspace_problem(root)
    if missing is not None:
        return ws, [missing]
    _load_motions(ws, errors)
    _load_vocabularies(ws, errors)
    _load_rules(ws, errors)
    return ws, errors


def _load_motions(ws: Workspace, errors: list[InputError]) -> None:
    for path in _yaml_files(ws.root / "motions", errors):
        record, doc = _load(path, ws, "motion", MotionRecord, errors)
        if record is None:
            continue
        if record.id in ws.motions:
            other = ws.motions[record.id].file
            errors.append(doc.error(("id",), Text(f"duplicate motion id '{record.id}' (also in {other})",
                                                  f"motie-id '{record.id}' komt twee keer voor (ook in "
                                                  f"{other})"),
                                    Text("give each motion one file", "geef elke motie één bestand")))
            continue
        if path.stem != record.id:
            errors.append(doc.error(("id",), Text(f"file name '{path.name}' does not match id '{record.id}'",
                                                  f"bestandsnaam '{path.name}' past niet bij id "
                                                  f"'{record.id}'"),
                                    Text(f"rename the file to {record.id}.yaml",
                                         f"hernoem het bestand naar {record.id}.yaml")))
        ws.motions[record.id] = LoadedMotion(record, doc.file, doc)
    for m in ws.motions.values():
        by = m.record.replaced_by
        if by is not None and by not in ws.motions:
            errors.append(m.doc.error(("replaced_by",), msg("e_no_motion_record", motion=by),
                                      did_you_mean(by, ws.motions) or msg("e_add_motion_fix", motion=by)))


def _load_vocabularies(ws: Workspace, errors: list[InputError]) -> None:
    rules_dir = ws.root / "rules"
    if not rules_dir.is_dir():
        return
    try:
        entries = list(rules_dir.iterdir())
    except OSError as e:
        errors.append(InputError(ws.display(rules_dir), 1, 1, msg("e_cannot_read_folder",
                                                                  error=e.strerror or e),
                                 msg("e_check_permissions_fix")))
        return
    for folder in sorted(p for p in entries if p.is_dir() and not p.name.startswith(".")):
        path = folder / "dossier.yaml"
        if not path.is_file():
            errors.append(InputError(ws.display(folder), 1, 1, Text("dossier folder without dossier.yaml",
                                                                     "dossiermap zonder dossier.yaml"),
                                     Text("add the dossier's vocabulary as dossier.yaml",
                                          "voeg de woordenlijst van het dossier toe als dossier.yaml")))
            continue
        vocab, doc = _load(path, ws, "dossier", Vocabulary, errors)
        if vocab is None:
            continue
        if vocab.dossier != folder.name:
            errors.append(doc.error(("dossier",), Text(
                f"dossier '{vocab.dossier}' does not match its folder '{folder.name}'",
                f"dossier '{vocab.dossier}' past niet bij de map '{folder.name}'"),
                msg("e_write_dossier_fix", dossier=folder.name)))
        from compliance.loading.cues import check_cues

        errors.extend(check_cues(vocab, doc))
        errors.extend(_check_subjects(vocab, doc))
        clashes = sorted(set(vocab.facts) & set(vocab.concepts))
        for name in clashes:
            errors.append(doc.error(("concepts", name), Text(f"'{name}' is both a fact and a concept",
                                                             f"'{name}' is zowel een feit als een begrip"),
                                    Text("rename the concept", "hernoem het begrip"), key=True))
        timeline = load_timeline(folder, ws.display(folder / "timeline.yaml"), vocab.dossier, errors)
        ws.timelines[vocab.dossier] = timeline
        parser = ConditionParser(vocab, doc, errors, set(timeline.events))
        concepts: dict[str, Cond] = {}
        for name, concept in vocab.concepts.items():
            cond = parser.parse(concept.when, ("concepts", name, "when"))
            if cond is not None:
                concepts[name] = cond
        if len(concepts) < len(vocab.concepts):
            continue
        cycle = concept_cycle(concepts)
        if cycle:
            ring = " -> ".join(cycle)
            errors.append(doc.error(("concepts", cycle[0]), Text(
                f"concepts refer to each other in a cycle: {ring}",
                f"begrippen verwijzen in een kring naar elkaar: {ring}"),
                Text("break the cycle", "doorbreek de kring"), key=True, code="concept-cycle"))
            continue
        ws.vocabularies[vocab.dossier] = LoadedVocabulary(vocab, concepts, doc.file)


def _check_subjects(vocab: Vocabulary, doc: Document) -> list[InputError]:
    """Every fact of a dossier that declares subjects belongs to one or more of them."""
    out: list[InputError] = []
    for name, fact in vocab.facts.items():
        if vocab.subjects and not fact.subjects:
            subjects = ", ".join(vocab.subjects)
            out.append(doc.error(("facts", name), Text(f"fact '{name}' belongs to no subject",
                                                       f"feit '{name}' hoort bij geen enkel onderwerp"),
                                 Text(f"add 'subjects: [...]' with one or more of: {subjects}",
                                      f"voeg 'subjects: [...]' toe met een of meer van: {subjects}"),
                                 key=True))
        out.extend(subject_errors(vocab, fact.subjects, ("facts", name, "subjects"), doc))
    for i, name in enumerate(vocab.text_identity):
        if name not in vocab.facts:
            out.append(doc.error(("text_identity", i), Text(
                f"'{name}' is not a fact of dossier '{vocab.dossier}'",
                f"'{name}' is geen feit van dossier '{vocab.dossier}'"),
                did_you_mean(name, vocab.facts)
                or Text("name the facts that tell which text is on the table",
                        "noem de feiten die zeggen welke tekst voorligt"), code="unknown-name"))
    return out


def subject_errors(vocab: Vocabulary, subjects: list[str] | None, path: tuple[Any, ...],
                   doc: Document) -> list[InputError]:
    """An error, with a did-you-mean, for each subject id the dossier does not declare."""
    out: list[InputError] = []
    for i, subject in enumerate(subjects or ()):
        if subject not in vocab.subjects:
            known = ", ".join(vocab.subjects)
            out.append(doc.error((*path, i), Text(f"unknown subject '{subject}' in dossier '{vocab.dossier}'",
                                                  f"onbekend onderwerp '{subject}' in dossier "
                                                  f"'{vocab.dossier}'"),
                                 did_you_mean(subject, vocab.subjects)
                                 or (Text(f"known subjects: {known}",
                                          f"bekende onderwerpen: {known}") if known
                                     else Text("known subjects: none: add a 'subjects:' mapping to "
                                               "dossier.yaml",
                                               "bekende onderwerpen: geen; voeg een mapping 'subjects:' toe "
                                               "aan dossier.yaml")),
                                 code="unknown-name"))
    return out


def _load_rules(ws: Workspace, errors: list[InputError]) -> None:
    for dossier, vocab in sorted(ws.vocabularies.items()):
        for path in _yaml_files(ws.root / "rules" / dossier, errors):
            if path.name in RESERVED_RULE_FILES:
                continue
            rules, doc = _load(path, ws, "rules", RuleFile, errors)
            if rules is None:
                continue
            loaded = _check_rules(ws, rules, doc, vocab, dossier, errors)
            if loaded is not None:
                ws.rules[rules.motion] = loaded


def _check_rules(ws: Workspace, rules: RuleFile, doc: Document, vocab: LoadedVocabulary,
                 dossier: str, errors: list[InputError]) -> LoadedRules | None:
    before = len(errors)
    motion = ws.motions.get(rules.motion)
    if motion is None and any((ws.root / "motions" / f"{rules.motion}{ext}").is_file()
                              for ext in (".yaml", ".yml")):
        return None  # the motion file has errors of its own: do not blame the rules for them
    if motion is None:
        hint = did_you_mean(rules.motion, ws.motions)
        errors.append(doc.error(("motion",), msg("e_no_motion_record", motion=rules.motion),
                                hint or msg("e_add_motion_fix", motion=rules.motion)))
        return None
    if rules.motion in ws.rules:
        other = ws.rules[rules.motion].file
        errors.append(doc.error(("motion",), Text(f"motion '{rules.motion}' already has rules in {other}",
                                                  f"motie '{rules.motion}' heeft al regels in {other}"),
                                Text("keep one rule file per motion", "houd één regelbestand per motie")))
    if rules.dossier != dossier:
        errors.append(doc.error(("dossier",), msg("e_dossier_mismatch", what=Text("rule file",
                                                                                  "het regelbestand"),
                                                  said=rules.dossier, dossier=dossier),
                                msg("e_write_dossier_fix", dossier=dossier)))
    if dossier not in motion.record.dossiers:
        errors.append(doc.error(("dossier",), Text(f"motion {rules.motion} is not about dossier '{dossier}'",
                                                   f"motie {rules.motion} gaat niet over dossier "
                                                   f"'{dossier}'"),
                                Text("add the dossier to the motion's 'dossiers'",
                                     "voeg het dossier toe aan 'dossiers' van de motie")))
    clause_numbers = {c.number for c in motion.record.clauses}
    timeline = ws.timelines.get(dossier)
    parser = ConditionParser(vocab.model, doc, errors, set(timeline.events) if timeline else set())
    compiled: dict[str, list[CompiledClause]] = {}
    for i, interp in enumerate(rules.interpretations):
        seen: set[int] = set()
        out: list[CompiledClause] = []
        for j, clause in enumerate(interp.clauses):
            base = ("interpretations", i, "clauses", j)
            if clause.clause not in clause_numbers:
                errors.append(doc.error((*base, "clause"), Text(
                    f"motion {rules.motion} has no clause {clause.clause}",
                    f"motie {rules.motion} heeft geen verzoek {clause.clause}"),
                    Text(f"use one of {sorted(clause_numbers)}",
                         f"gebruik een van {sorted(clause_numbers)}")))
                continue
            if clause.clause in seen:
                errors.append(doc.error((*base, "clause"), Text(
                    f"clause {clause.clause} is formalised twice in this interpretation",
                    f"verzoek {clause.clause} is twee keer geformaliseerd in deze interpretatie"),
                    Text("merge the two", "voeg de twee samen")))
                continue
            seen.add(clause.clause)
            conds: dict[str, Any] = {}
            for part in ("applies_when", "conflicts_when", "complies_when", "effort_when"):
                raw = getattr(clause, part)
                if raw is not None:
                    conds[part] = parser.parse(raw, (*base, part))
            if clause.standstill is not None:
                conds["standstill"] = _standstill(parser, vocab.model, clause, (*base, "standstill"))
            if clause.deadline is not None or clause.recurring is not None:
                clock = _clock(parser, vocab.model, motion.record, clause, base, timeline)
                conds["clock"] = clock
                if clock is not None:
                    conds.update((k, v) for k, v in zip(
                        ("clock_applies", "clock_conflicts", "clock_complies"),
                        clock_conditions(clock, parser._loc(base)), strict=True) if v is not None)
            conds["notes"] = [parser.parse(n.when, (*base, "notes", k, "when"))
                              for k, n in enumerate(clause.notes)]
            errors.extend(subject_errors(vocab.model, clause.subjects, (*base, "subjects"), doc))
            line = doc.loc(base)[0]
            if all(v is not None for k, v in conds.items() if k != "notes") \
                    and None not in conds["notes"]:
                # declared, else derived from what the clause's own conditions read
                subjects = tuple(clause.subjects) if clause.subjects else vocab.subjects_of(
                    conds.get(p) for p in ("applies_when", "conflicts_when", "complies_when",
                                           "effort_when", "standstill")) \
                    + (vocab.subjects_of_facts([clause.deadline.fact])
                       if clause.deadline is not None and clause.deadline.fact else ())
                out.append(compile_clause(rules.motion, interp.name, clause, conds, doc.file, line,
                                          tuple(dict.fromkeys(subjects))))
        compiled[interp.name] = sorted(out, key=lambda c: c.clause)
    if len(errors) > before:
        return None
    return LoadedRules(rules, doc.file, doc, compiled)


def _adoption_window(record: Any) -> tuple[date, date] | None:
    """The adoption's window: the vote's date, narrowed from below by the proposal's."""
    if record.dates.voted is None:
        return None
    voted = PartialDate.parse(record.dates.voted)
    lo = voted.first
    if record.dates.proposed is not None:
        lo = max(lo, PartialDate.parse(record.dates.proposed).first)
    return lo, voted.last


def _clock(parser: ConditionParser, vocab: Any, record: Any, clause: Any, base: tuple[Any, ...],
           timeline: LoadedTimeline | None) -> Clock | None:
    """Resolve a deadline or recurring duty: check its names, read the adoption window."""
    ok = True

    def event(name: str, path: tuple[Any, ...]) -> None:
        nonlocal ok
        if parser.event_name(name, path) is None:
            ok = False

    def anchor(ref: Any, path: tuple[Any, ...]) -> dict[str, Any]:
        if isinstance(ref, str) and ref == "adoption":
            w = _adoption_window(record)
            if w is None:
                nonlocal ok
                parser._err(path, Text(f"motion {record.id} has no vote date to count from",
                                       f"motie {record.id} heeft geen stemdatum om vanaf te tellen"),
                            Text("add dates.voted to the motion record, or count from an event or a date",
                                 "voeg dates.voted toe aan het motierecord, of tel vanaf een gebeurtenis of "
                                 "een datum"))
                ok = False
            return {"anchor": "adoption", "window": w}
        if isinstance(ref, str):
            event(ref, path)
            return {"anchor": "after", "anchor_event": ref}
        d = PartialDate.parse(ref.date)
        return {"anchor": "date", "window": (d.first, d.last)}

    if clause.deadline is not None:
        spec, path = clause.deadline, (*base, "deadline")
        by = spec.by
        if by.date is not None:
            fields = anchor(At(date=by.date), (*path, "by", "date"))
        elif by.before is not None:
            event(by.before, (*path, "by", "before"))
            fields = {"anchor": "before", "anchor_event": by.before}
        else:
            fields = anchor(by.after, (*path, "by", "after"))
            fields["offset"] = by.within.unit()
        if spec.event is not None:
            event(spec.event, (*path, "event"))
        if spec.fact is not None:
            fact = vocab.facts.get(spec.fact)
            if fact is None or fact.type != "date":
                hint = did_you_mean(spec.fact, [n for n, f in vocab.facts.items() if f.type == "date"])
                parser._err((*path, "fact"),
                            Text(f"'{spec.fact}' is not a date fact of dossier '{vocab.dossier}'",
                                                  f"'{spec.fact}' is geen datumfeit van dossier "
                                                  f"'{vocab.dossier}'"),
                            hint or Text("name a fact of type date", "noem een feit van type date"))
                ok = False
        clock = Clock("deadline", record.id, clause.clause, event=spec.event, fact=spec.fact, **fields)
    else:
        spec, path = clause.recurring, (*base, "recurring")
        fields = anchor(spec.from_, (*path, "from"))
        fields["offset"] = spec.every.unit()
        until_event, until_date = None, None
        if isinstance(spec.until, str):
            event(spec.until, (*path, "until"))
            until_event = spec.until
        elif spec.until is not None:
            d = PartialDate.parse(spec.until.date)
            until_date = (d.first, d.last)
        tagged = {tag for e in (timeline.events.values() if timeline else ()) for tag in e.tags}
        if spec.events.tag not in tagged:
            tag = spec.events.tag
            parser._err((*path, "events", "tag"), Text(f"no timeline event carries tag '{tag}'",
                                                       f"geen gebeurtenis op de tijdlijn heeft tag '{tag}'"),
                        did_you_mean(tag, tagged)
                        or Text(f"add 'tags: [{tag}]' to the events in the timeline",
                                f"voeg 'tags: [{tag}]' toe aan de gebeurtenissen op de tijdlijn"))
            ok = False
        clock = Clock("recurring", record.id, clause.clause, tag=spec.events.tag,
                      until_event=until_event, until_date=until_date, **fields)
    return clock if ok else None


def _standstill(parser: ConditionParser, vocab: Any, clause: Any, path: tuple[Any, ...]) -> Cond | None:
    """Desugar a standstill into a condition over derived flags: it is broken when the
    step condition holds and some barred step is planned before some awaited event."""
    spec = clause.standstill
    ok = True
    for i, kind in enumerate(spec.steps):
        if kind not in vocab.step_kinds:
            hint = did_you_mean(kind, vocab.step_kinds)
            parser._err((*path, "steps", i), msg("e_unknown_step_kind", kind=kind),
                        hint or one_of(vocab.step_kinds))
            ok = False
    events = [parser.event_name(e, (*path, "until", "all", i)) for i, e in enumerate(spec.until.all)]
    when = parser.parse(spec.when, (*path, "when")) if spec.when is not None else None
    if not ok or None in events or (spec.when is not None and when is None):
        return None
    loc = parser._loc(path)
    open_steps = Any_(tuple(Flag(e.event, kind, loc) for e in events for kind in spec.steps), loc)  # type: ignore[union-attr]
    return All((when, open_steps), loc) if when is not None else open_steps


def position_files(paths: list[Path]) -> list[Path]:
    """The YAML files named, and those in folders named (recursively, dot-folders left
    out), sorted; raise InputErrors for what a folder holds that cannot be read."""
    out: set[Path] = set()
    errors: list[InputError] = []
    for p in paths:
        if p.is_dir():
            out.update(yaml_files(p, errors, recursive=True))
        else:
            out.add(p)
    if errors:
        raise InputErrors(errors)
    return sorted(out)


def load_positions(ws: Workspace, paths: list[Path],
                   left_out: list[InputError] | None = None) -> list[LoadedPosition]:
    """Load and check position files; raise InputErrors listing every problem. With
    ``left_out`` (the workbench), a file repeating an earlier file's id is left out and its
    error put there instead: the other positions can still be shown, and the problem with them."""
    errors: list[InputError] = []
    out: list[LoadedPosition] = []
    ids: dict[str, str] = {}
    for path in position_files(paths):
        if not path.exists():
            errors.append(InputError(ws.display(path), 1, 1, Text("no such file or folder",
                                                                  "dit bestand of deze map bestaat niet"),
                                     Text("check the path", "controleer het pad")))
            continue
        position, doc = _load(path, ws, "position", Position, errors)
        if position is None:
            continue
        if position.id in ids:
            (errors if left_out is None else left_out).append(
                doc.error(("id",), Text(f"duplicate position id '{position.id}' (also in {ids[position.id]})",
                                        f"positie-id '{position.id}' komt twee keer voor (ook in "
                                        f"{ids[position.id]})"),
                          Text("give each position a unique id", "geef elke positie een eigen id")))
            continue
        ids[position.id] = doc.file
        loaded = _check_position(ws, position, doc, errors)
        if loaded is not None:
            out.append(loaded)
    if errors:
        raise InputErrors(errors)
    return out


def _check_position(ws: Workspace, position: Position, doc: Document,
                    errors: list[InputError]) -> LoadedPosition | None:
    before = len(errors)
    vocab = ws.vocabularies.get(position.dossier)
    if vocab is None:
        hint = did_you_mean(position.dossier, ws.vocabularies)
        known = ", ".join(sorted(ws.vocabularies))
        errors.append(doc.error(("dossier",), Text(f"unknown dossier '{position.dossier}'",
                                                   f"onbekend dossier '{position.dossier}'"),
                                hint or Text(f"known dossiers: {known}", f"bekende dossiers: {known}")))
        return None
    facts = _typed_facts(vocab, position.facts, ("facts",), position.dossier, doc, errors)
    branches: list[LoadedBranch] = []
    timeline = ws.timelines.get(position.dossier)
    names: set[str] = set()
    for i, sc in enumerate(position.scenarios):
        if sc.name in names:
            errors.append(doc.error(("scenarios", i, "name"), Text(f"duplicate scenario '{sc.name}'",
                                                                   f"scenario '{sc.name}' komt twee keer "
                                                                   "voor"),
                                    Text("give each scenario a unique name",
                                         "geef elk scenario een eigen naam")))
        names.add(sc.name)
        extra = _typed_facts(vocab, sc.facts, ("scenarios", i, "facts"), position.dossier, doc, errors)
        branches.append(LoadedBranch(i, sc.name, {**facts, **extra}))
        for event in sc.assume_events:
            if timeline is None or event not in timeline.events:
                hint = did_you_mean(event, timeline.events if timeline else {})
                errors.append(doc.error(("scenarios", i, "assume_events", event),
                                        Text(f"unknown event '{event}'", f"onbekende gebeurtenis '{event}'"),
                                        hint or Text("see the dossier's timeline.yaml",
                                                     "zie timeline.yaml van het dossier"), key=True))
    for i, decl in enumerate(position.declarations):
        if decl.motion not in ws.motions:
            hint = did_you_mean(decl.motion, ws.motions)
            errors.append(doc.error(("declarations", i, "motion"),
                                    Text(f"no motion record '{decl.motion}'", f"geen motie '{decl.motion}'"),
                                    hint or Text("add it to motions/ or fix the id",
                                                 "voeg haar toe aan motions/ of verbeter het id")))
    kinds = vocab.model.step_kinds
    all_steps: list[tuple[tuple[str | int, ...], PlannedStep]] = [
        (("planned_steps", i), s) for i, s in enumerate(position.planned_steps)]
    all_steps += [(("scenarios", j, "planned_steps", i), s) for j, sc in enumerate(position.scenarios)
                  for i, s in enumerate(sc.planned_steps or [])]
    for path, step in all_steps:
        if kinds and step.kind not in kinds:
            hint = did_you_mean(step.kind, kinds)
            errors.append(doc.error((*path, "kind"), msg("e_unknown_step_kind", kind=step.kind),
                                    hint or one_of(kinds)))
    errors.extend(subject_errors(vocab.model, position.subjects, ("subjects",), doc))
    if len(errors) > before:
        return None
    if position.subjects:
        subjects, declared = tuple(position.subjects), True
    else:
        stated = set(facts).union(*(b.facts for b in branches))
        subjects, declared = vocab.subjects_of_facts(stated), False
    return LoadedPosition(position, doc.file, doc, facts, branches, subjects, declared)


def _typed_facts(vocab: LoadedVocabulary, stated: dict[str, Any], base: tuple[Any, ...], dossier: str,
                 doc: Document, errors: list[InputError]) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    for name, entry in stated.items():
        path = (*base, name)
        fact = vocab.model.facts.get(name)
        if fact is None:
            hint = did_you_mean(name, vocab.model.facts)
            errors.append(doc.error(path, msg("e_fact_not_in_vocab", fact=name, dossier=dossier),
                                    hint or Text(f"see {vocab.file}", f"zie {vocab.file}"), key=True))
            continue
        raw = entry
        if isinstance(entry, dict):
            extra = sorted(set(entry) - {"value", "where", "note", "confirmed"})
            if extra or "value" not in entry:
                errors.append(doc.error(path, Text(f"a fact entry has keys value, where, note, confirmed; "
                                                   f"found {sorted(entry)}",
                                                   "een feit heeft de sleutels value, where, note, "
                                                   "confirmed; "
                                                   f"gevonden: {sorted(entry)}"),
                                        Text("write {value: ..., where: ...}",
                                             "schrijf {value: ..., where: ...}")))
                continue
            if not isinstance(entry.get("confirmed", True), bool):
                errors.append(doc.error((*path, "confirmed"), Text("'confirmed' must be true or false",
                                                                   "'confirmed' moet true of false zijn"),
                                        Text("write confirmed: true once the value is checked",
                                             "schrijf confirmed: true zodra de waarde is nagekeken")))
                continue
            raw, path = entry["value"], (*path, "value")
        if raw is None:
            errors.append(doc.error(path, Text(f"fact '{name}' is null", f"feit '{name}' is leeg (null)"),
                                    Text("leave a fact out when the document does not state it; it then "
                                         "counts as unknown",
                                         "laat een feit weg als het document het niet vermeldt; het telt dan "
                                         "als onbekend")))
            continue
        if fact.type == "set" and isinstance(raw, list):
            twice = sorted({str(v) for v in raw if raw.count(v) > 1})
            if twice:  # a set holds each value once: a repeat is a slip, maybe for another value
                errors.append(doc.error(path, Text(f"set fact '{name}' lists {', '.join(twice)} more than "
                                                   "once",
                                                   f"verzamelingsfeit '{name}' noemt {', '.join(twice)} meer "
                                                   "dan eens"),
                                        msg("e_s_unique_fix")))
                continue
        value = typed_value(fact, raw)
        if value is MISSING:
            errors.append(doc.error(path, _type_problem(name, fact, raw), _type_fix(fact, raw),
                                    code="type-mismatch"))
            continue
        facts[name] = value
    return facts


def _type_problem(name: str, fact: Any, raw: Any) -> Text:
    if fact.type in ("enum", "set"):
        return Text(f"{raw!r} is not a valid value of {fact.type} fact '{name}'",
                    f"{raw!r} is geen geldige waarde van {fact.type}-feit '{name}'")
    return Text(f"fact '{name}' is a {fact.type}; {raw!r} is not",
                f"feit '{name}' is van type {fact.type}; {raw!r} niet")


def _type_fix(fact: Any, raw: Any) -> Text:
    if fact.type == "enum":
        return did_you_mean(str(raw), fact.values) or one_of(fact.values)
    if fact.type == "set":
        values = ", ".join(sorted(fact.values))
        return Text(f"write a list of: {values}", f"schrijf een lijst van: {values}")
    return {"bool": Text("write true or false", "schrijf true of false"),
            "number": Text("write a number", "schrijf een getal"),
            "text": Text("quote the text", "zet de tekst tussen aanhalingstekens"),
            "date": msg("e_date_fix")}[fact.type]


def load_position_text(ws: Workspace, text: str, file: str) -> LoadedPosition:
    """One position from text (e.g. an unsaved draft in the workbench), checked exactly as
    :func:`load_positions` checks a file; ``file`` is the name its errors and findings
    carry. Raises InputErrors."""
    from compliance.loading.yaml_safe import MAX_BYTES, load_text

    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:  # a lone surrogate is refused below
        raise InputErrors([InputError(file, 1, 1, Text(f"text is over the {MAX_BYTES} byte limit",
                                                       f"de tekst is groter dan de grens van {MAX_BYTES} "
                                                       "bytes"),
                                      msg("e_split_fix"))])
    if "\x00" in text:
        raise InputErrors([InputError(file, text[: text.index("\x00")].count("\n") + 1, 1,
                                      Text("text contains a NUL byte", "de tekst bevat een NUL-byte"),
                                      Text("remove it", "verwijder die"))])
    doc = load_text(text.removeprefix("\ufeff"), file)
    errors: list[InputError] = []
    if doc.data is None:
        raise InputErrors([InputError(file, 1, 1, msg("e_file_empty"),
                                      Text("write a position record", "schrijf er een positie in"))])
    position, errs = load_checked(doc, "position", Position)
    errors.extend(errs)
    loaded = _check_position(ws, position, doc, errors) if position is not None else None
    if errors or loaded is None:
        raise InputErrors(errors)
    return loaded
