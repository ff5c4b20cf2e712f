"""Every kind of bad input, through the installed CLI on a copy of the workspace:
exit 2, ``file:line:col: problem — fix`` on stderr, no traceback, input untouched."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import SEED, run_cli

MESSAGE = re.compile(r"^(?P<file>[^:\n]+):(?P<line>\d+):(?P<col>\d+): (?P<problem>.+?) — (?P<fix>.+)$")
RULES = "rules/csam-regulation"
MARKER = "PWNED-MARKER"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, data: str | bytes) -> None:
    with path.open("ab") as f:
        f.write(data.encode() if isinstance(data, str) else data)


def billion_laughs() -> str:
    lines = ['lol0: &l0 "lol"']
    for i in range(1, 10):
        lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    return "\n".join(lines) + "\n"


@dataclass
class Case:
    name: str
    mutate: Callable[[Path], None]
    file: str  # the file the first message must point at
    expect: tuple[str, ...]  # substrings of the messages
    line: int | None = None


def _tag(tag: str) -> Callable[[Path], None]:
    return lambda ws: append(ws / SEED, f"extra: {tag}\n")


CASES = [
    Case("yaml-syntax", lambda ws: edit(ws / SEED, "actor: Minister", "actor: [Minister"), SEED,
         ("YAML syntax error",), 9),
    Case("yaml-syntax-indent",
         lambda ws: edit(ws / SEED, "  text_stage:\n", "  text_stage:\n   - x\n  y: [\n"), SEED,
         ("YAML syntax error",)),
    Case("duplicate-key", lambda ws: append(ws / SEED, "dossier: csam-regulation\n"), SEED,
         ("duplicate key 'dossier'",), 73),
    Case("unknown-key", lambda ws: edit(ws / SEED, "\nactor:", "\nactr:"), SEED,
         ("unknown key 'actr'", "did you mean 'actor'?")),
    Case("unknown-key-motion", lambda ws: edit(ws / "motions/26643-885.yaml", "short_name:", "shortname:"),
         "motions/26643-885.yaml", ("unknown key 'shortname'", "did you mean 'short_name'?")),
    Case("fact-not-in-vocabulary", lambda ws: edit(ws / SEED, "  text_stage:", "  text_stag:"), SEED,
         ("fact 'text_stag' is not in the vocabulary", "did you mean 'text_stage'?"), 19),
    Case("wrong-type", lambda ws: edit(ws / SEED, "  text_protects_e2ee:\n    value: true",
                                       "  text_protects_e2ee:\n    value: \"yes\""), SEED,
         ("fact 'text_protects_e2ee' is a bool", "write true or false"), 32),
    Case("outside-enum", lambda ws: edit(ws / SEED, "value: not_for", "value: not_fro"), SEED,
         ("'not_fro' is not a valid value", "did you mean 'not_for'?"), 35),
    Case("set-value-outside-vocabulary", lambda ws: edit(ws / SEED, "[hosting, interpersonal_communication]",
                                                         "[hosting, chat]"), SEED,
         ("is not a valid value of set fact 'text_detection_services'",)),
    Case("rule-unknown-fact", lambda ws: edit(ws / RULES / "26643-885.yaml", "fact: text_protects_e2ee,",
                                              "fact: text_protect_e2ee,"), f"{RULES}/26643-885.yaml",
         ("unknown fact 'text_protect_e2ee'", "did you mean 'text_protects_e2ee'?")),
    Case("rule-unknown-concept",
         lambda ws: edit(ws / RULES / "26643-1011.yaml", "concept: cabinet_supports_text}",
                         "concept: cabinet_support_text}"),
         f"{RULES}/26643-1011.yaml", ("unknown concept 'cabinet_support_text'",
                                      "did you mean 'cabinet_supports_text'?")),
    Case("rule-value-outside-enum",
         lambda ws: edit(ws / RULES / "dossier.yaml", "equals: for}", "equals: fro}"),
         f"{RULES}/dossier.yaml", ("'fro' is not a value of fact 'cabinet_vote_intention'",
                                   "did you mean 'for'?")),
    Case("rule-wrong-type", lambda ws: edit(ws / RULES / "26643-885.yaml",
                                            "cabinet_pursues_e2ee_protection, equals: false}",
                                            "cabinet_pursues_e2ee_protection, equals: nope}"),
         f"{RULES}/26643-885.yaml", ("is a bool; 'nope' is not", "write true or false")),
    Case("unknown-dossier",
         lambda ws: edit(ws / SEED, "dossier: csam-regulation", "dossier: csam-regulatoin"),
         SEED, ("unknown dossier 'csam-regulatoin'", "did you mean 'csam-regulation'?"), 6),
    Case("duplicate-position-id", lambda ws: (ws / "examples/positions/copy.yaml").write_bytes(
        (ws / SEED).read_bytes()), "examples/positions/copy.yaml", ("duplicate position id",)),
    Case("duplicate-motion-id", lambda ws: (ws / "motions/26643-8850.yaml").write_bytes(
        (ws / "motions/26643-885.yaml").read_bytes()), "motions/26643-8850.yaml",
         ("duplicate motion id '26643-885'",)),
    Case("tag-apply", _tag(f'!!python/object/apply:os.system ["touch {MARKER}"]'), SEED,
         ("YAML tag", "not allowed"), 73),
    Case("tag-new", _tag(f'!!python/object/new:subprocess.Popen [["touch", "{MARKER}"]]'), SEED,
         ("YAML tag", "not allowed"), 73),
    Case("tag-name", _tag("!!python/name:os.system"), SEED, ("YAML tag", "not allowed"), 73),
    Case("tag-module", _tag("!!python/module:os"), SEED, ("YAML tag", "not allowed"), 73),
    Case("tag-local", _tag("!custom {a: 1}"), SEED, ("YAML tag", "not allowed"), 73),
    Case("tag-set", _tag("!!set {a: null}"), SEED, ("YAML tag", "not allowed"), 73),
    Case("tag-binary", _tag("!!binary aGVsbG8="), SEED, ("YAML tag", "not allowed"), 73),
    Case("tag-in-rules", lambda ws: append(ws / RULES / "26643-885.yaml",
                                           f'x: !!python/object/apply:os.system ["touch {MARKER}"]\n'),
         f"{RULES}/26643-885.yaml", ("YAML tag", "not allowed")),
    Case("billion-laughs", lambda ws: append(ws / SEED, billion_laughs()), SEED,
         ("alias",)),
    Case("nesting-too-deep", lambda ws: append(ws / SEED, "deep: " + "[" * 200 + "]" * 200 + "\n"), SEED,
         ("nesting deeper than",), 73),
    Case("nesting-too-deep-maps",
         lambda ws: append(ws / SEED, "deep: " + "{a: " * 100 + "1" + "}" * 100 + "\n"),
         SEED, ("nesting deeper than",), 73),
    Case("oversized", lambda ws: append(ws / SEED, ("# " + "x" * 1000 + "\n") * 2200), SEED,
         ("over the 2097152 limit", "split it"), 1),
    Case("invalid-utf8", lambda ws: append(ws / SEED, b"note: caf\xe9\n"), SEED,
         ("not valid UTF-8",), 73),
    Case("nul-byte", lambda ws: append(ws / SEED, b"note: a\x00b\n"), SEED, ("NUL byte",), 73),
    Case("impossible-date", lambda ws: edit(ws / SEED, "\ndate: 2023-09-18", "\ndate: 2023-02-30"), SEED,
         ("2023-02-30",), 7),
    Case("impossible-month", lambda ws: edit(ws / SEED, "\ndate: 2023-09-18", "\ndate: 2023-13"), SEED,
         ("2023-13",), 7),
    Case("impossible-date-motion", lambda ws: edit(ws / "motions/26643-1011.yaml", "voted: 2023-04",
                                                   "voted: 2023-02-29"),
         "motions/26643-1011.yaml", ("2023-02-29",)),
    Case("empty-file", lambda ws: (ws / SEED).write_text("# nothing\n", encoding="utf-8"), SEED,
         ("file is empty",), 1),
    Case("not-a-mapping", lambda ws: (ws / SEED).write_text("- a\n- b\n", encoding="utf-8"), SEED,
         ("expected object",)),
]


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    return {p.relative_to(root).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", ["check", "validate"])
@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_refused_with_a_located_message(case: Case, command: str, workspace_copy: Path) -> None:
    case.mutate(workspace_copy)
    before = snapshot(workspace_copy)
    r = run_cli(command, "--workspace", str(workspace_copy), "--lang", "en", cwd=workspace_copy, timeout=60)
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "Traceback" not in r.stdout
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert lines, "no message"
    for line in lines:
        assert MESSAGE.match(line), f"not file:line:col: problem — fix: {line!r}"
    first = next((MESSAGE.match(x) for x in lines if MESSAGE.match(x)["file"] == case.file), None)
    assert first is not None, f"no message about {case.file}: {lines}"
    if case.line is not None:
        assert int(first["line"]) == case.line, lines
    text = r.stderr
    for part in case.expect:
        assert part in text, (part, text)
    assert snapshot(workspace_copy) == before, "an input file was modified"
    assert not (workspace_copy / MARKER).exists()
    assert not (Path.cwd() / MARKER).exists()


def test_all_problems_of_all_files_are_reported_together(workspace_copy: Path) -> None:
    edit(workspace_copy / SEED, "  text_stage:", "  text_stag:")
    edit(workspace_copy / SEED, "value: not_for", "value: not_fro")
    r = run_cli("validate", "--workspace", str(workspace_copy), cwd=workspace_copy)
    assert r.returncode == 2
    assert "text_stag" in r.stderr and "not_fro" in r.stderr
    assert len(r.stderr.strip().splitlines()) == 2


def test_position_given_on_the_command_line_that_does_not_exist(workspace_copy: Path) -> None:
    r = run_cli("check", "--workspace", str(workspace_copy), str(workspace_copy / "nope.yaml"),
                "--lang", "en",
                cwd=workspace_copy)
    assert r.returncode == 2
    assert MESSAGE.match(r.stderr.strip()), r.stderr
    assert "no such file" in r.stderr
