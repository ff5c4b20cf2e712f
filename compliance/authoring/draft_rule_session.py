"""The rule editor's work (issue 28, the workbench): a drafted rule checked as the adviser
edits it — its tests run, lint on it, and the effect on every position's verdicts — and
saved through the same loader, atomically. The web layer only calls these."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from compliance.authoring.draft_rule import RuleDraft, _accept, _stub_record, finish
from compliance.errors import InputError, InputErrors, msg, same
from compliance.model.vocabulary import Vocabulary

POSITIONS = Path("examples") / "positions"
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,119}")


@dataclass
class DraftCheck:
    tests: list[tuple[str, bool, str]] = field(default_factory=list)  # name, passed, what differs
    lint: list[str] = field(default_factory=list)
    effect: list[tuple[str, int, str, str]] = field(default_factory=list)  # position, clause, now, draft
    problems: list[str] = field(default_factory=list)

    @property
    def green(self) -> bool:
        return not self.problems and all(ok for _, ok, _ in self.tests) and bool(self.tests)


def _verdicts(root: Path, motion: str) -> dict[tuple[str, int], str]:
    from compliance.api import run_check

    if not (root / POSITIONS).is_dir():
        return {}
    report = run_check(root, [root / POSITIONS], backend="direct", lang="en", conditions=False)
    return {(f.position, f.clause): f.verdict for f in report.findings if f.motion == motion}


def check_draft(ws_root: Path, d: RuleDraft, vocab: Vocabulary | None, lang: str = "en") -> DraftCheck:
    """Render the draft, then in a copy of the workspace (its proposed entries accepted, the
    motion's current rule replaced): load it, run its tests, lint it, and check every position
    with it; 'now' is the workspace as it is."""
    from compliance.authoring.lint import lint
    from compliance.authoring.ruletests import load_cases, run_cases
    from compliance.i18n import t
    from compliance.loading.workspace import load_workspace

    finish(d, None, vocab, lang)
    # entries to accept are shown as such; the copy below accepts them to test the rest
    out = DraftCheck(problems=[b for b, k in zip(d.blockers, d.blocker_codes, strict=True)
                               if k != "entries"])
    if d.rule_text is None:
        return out
    with tempfile.TemporaryDirectory(prefix="rule-editor-") as tmp:
        root = Path(tmp)
        for name in ("motions", "rules", "examples"):
            if (ws_root / name).is_dir():
                shutil.copytree(ws_root / name, root / name)
        if not (root / "motions" / f"{d.motion}.yaml").exists():
            import yaml

            (root / "motions" / f"{d.motion}.yaml").write_text(yaml.safe_dump(_stub_record(d)),
                                                              encoding="utf-8")
        folder = root / "rules" / d.dossier
        _accept(folder, d)
        rule = folder / f"{d.motion}.yaml"
        rule.write_text(d.rule_text, encoding="utf-8")
        tests = folder / "tests" / f"{d.motion}.yaml"
        tests.parent.mkdir(exist_ok=True)
        tests.write_text(d.tests_text or "tests: []\n", encoding="utf-8")
        try:
            ws = load_workspace(root)
            results = run_cases(ws, load_cases(ws, tests), backend="direct")
        except InputErrors as e:
            out.problems += [x.render(lang).replace(str(root) + "/", "") for x in e.errors]
            return out
        out.tests = [(r.case.model.name, r.ok, "; ".join(
            t("dr_expected_got", lang, fact=x.key, expected=x.expected, actual=x.actual)
            for x in r.expectations if not x.ok))
                     for r in results]
        mine = f"rules/{d.dossier}/{d.motion}.yaml"
        out.lint = [(f"{i.file}:{i.line}:{i.column}: {i.message}" + (f" — {i.fix}" if i.fix else ""))
                    .replace(str(root) + "/", "") for i in lint(root, lang=lang) if i.file.endswith(mine)]
        after = _verdicts(root, d.motion)
    before = _verdicts(ws_root, d.motion) if (ws_root / "rules" / d.dossier / f"{d.motion}.yaml").exists() \
        else {}
    out.effect = [(p, c, before.get((p, c), "-"), after.get((p, c), "-"))
                  for p, c in sorted(set(before) | set(after))]
    return out


def save_draft(ws_root: Path, d: RuleDraft, vocab: Vocabulary | None, lang: str = "en",
               replace_sha: str | None = None, replace: bool = False) -> list[Path]:
    """Write the rule file and its tests when they load and pass as they are (no entry left to
    accept); each file replaced atomically. Raises InputErrors saying what blocks it, in ``lang``.

    Only for a motion whose record is in the workspace's motions/ (a rule without its record
    breaks the workspace: a new motion is written by /rules/new or `compliance new-motion`
    first). An existing rule file is replaced only when ``replace`` is set and ``replace_sha``
    is the sha256 of the file as the adviser saw it (a hand-written rule is never lost
    silently, nor one changed since the page was drawn)."""
    import hashlib

    from compliance.i18n import t
    from compliance.reports.writing import write_atomically

    if not SAFE_ID.fullmatch(d.motion) or not SAFE_ID.fullmatch(d.dossier):
        # both become file names below: never a path out of rules/
        raise InputErrors([InputError("motion", 1, 1, msg("dr_block_bad_id", motion=d.motion),
                                      msg("dr_fix_bad_id"))])
    rule_file = f"rules/{d.dossier}/{d.motion}.yaml"
    if not (ws_root / "motions" / f"{d.motion}.yaml").is_file():
        raise InputErrors([InputError(rule_file, 1, 1, msg("dr_block_no_record", motion=d.motion),
                                      msg("dr_fix_no_record"))])
    folder = ws_root / "rules" / d.dossier
    paths = [folder / f"{d.motion}.yaml", folder / "tests" / f"{d.motion}.yaml"]
    if paths[0].exists():
        current = hashlib.sha256(paths[0].read_bytes()).hexdigest()
        if not replace or replace_sha != current:
            raise InputErrors([InputError(rule_file, 1, 1, msg(
                "dr_block_exists" if replace_sha in (None, "", current) else "dr_block_stale"),
                msg("dr_fix_exists"))])
    check = check_draft(ws_root, d, vocab, lang)
    blocked = list(check.problems)
    if d.new_entries:
        blocked.append(t("dr_block_entries", lang, names=", ".join(e.name for e in d.new_entries)))
    blocked += [t("dr_block_test_fails", lang, name=n, why=why) for n, ok, why in check.tests if not ok]
    if not check.tests:
        blocked.append(t("dr_block_no_tests", lang))
    if blocked:
        # the blocks are said in ``lang`` already (check_draft's words)
        raise InputErrors([InputError(rule_file, 1, 1, same(b), msg("dr_fix_green")) for b in blocked])
    paths[1].parent.mkdir(parents=True, exist_ok=True)
    write_atomically(paths[0], d.rule_text or "")
    write_atomically(paths[1], d.tests_text or "")
    return paths
