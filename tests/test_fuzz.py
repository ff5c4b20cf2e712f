"""Fuzzing the loaders, the condition compiler and the CLI: whatever the input, the
answer is a value or typed, located errors with exit 2, never a traceback or a hang.

The corpus of nasty inputs (tests/corpus/nasty.py) is run through the real CLI in a
subprocess with a timeout; hypothesis generates the rest in-process.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import re
import string
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from compliance.backends.durable import _Compiler, _TooComplex, number_literals, split
from compliance.cli import app
from compliance.conditions.parse import ConditionParser
from compliance.errors import InputError, InputErrors
from compliance.loading.workspace import load_workspace
from compliance.loading.yaml_safe import MAX_INT, Document, load_file, load_text
from tests.conftest import ROOT, SEED, run_cli
from tests.corpus.nasty import BENIGN, NASTY

LOCATED = re.compile(r"^[^\n:]+:\d+:\d+: \S.*$")


def assert_located(stderr: str) -> None:
    assert "Traceback" not in stderr
    lines = stderr.strip().splitlines()
    assert lines, "an error exit must say what is wrong"
    for line in lines:
        assert LOCATED.match(line), line


@pytest.mark.parametrize("folder", ["examples/positions", "motions", "rules/csam-regulation"])
def test_every_nasty_file_is_refused_with_a_located_error(workspace_copy: Path, folder: str) -> None:
    target = workspace_copy / folder
    for name, data in NASTY.items():
        (target / f"nasty-{name}.yaml").write_bytes(data)
    result = run_cli("check", "--workspace", str(workspace_copy), str(workspace_copy / "examples/positions"),
                     cwd=workspace_copy, timeout=120)
    assert result.returncode == 2, result.stderr[-2000:]
    assert_located(result.stderr)
    for name in NASTY:
        assert f"nasty-{name}.yaml:" in result.stderr, name


@pytest.mark.parametrize("name", sorted(NASTY))
def test_loader_refuses_each_nasty_input(tmp_path: Path, name: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(NASTY[name])
    try:
        doc = load_file(path, "x.yaml")
    except InputErrors as e:
        assert all(isinstance(err, InputError) and err.file == "x.yaml" for err in e.errors)
        return
    # some are well-formed YAML (dates, duplicate keys deeper in the file are schema
    # matters): those load as plain data for the schema to judge
    assert isinstance(doc, Document)


@pytest.mark.parametrize("name", sorted(BENIGN))
def test_benign_oddities_read_like_the_plain_file(workspace_copy: Path, name: str) -> None:
    plain = run_cli("check", "--format", "json", cwd=workspace_copy)
    (workspace_copy / SEED).write_bytes(BENIGN[name])
    odd = run_cli("check", "--format", "json", cwd=workspace_copy)
    assert odd.returncode == plain.returncode, odd.stderr
    assert odd.stdout == plain.stdout


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_load_text_returns_a_document_or_input_errors(text: str) -> None:
    try:
        load_text(text, "f.yaml")
    except InputErrors as e:
        assert e.errors and all(err.file == "f.yaml" and err.line >= 1 for err in e.errors)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=600))
def test_load_file_on_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "b.yaml"
    path.write_bytes(data)
    try:
        load_file(path, "b.yaml")
    except InputErrors as e:
        assert e.errors


KEYS = st.text(alphabet=string.ascii_letters + string.digits + "_-", min_size=1, max_size=12)
SCALARS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-MAX_INT, max_value=MAX_INT),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
)
# PyYAML's own dumper folds line separators such as U+0085 inside quoted strings,
# so the round trip is over text without control characters and line separators.
PLAIN_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30)
PLAIN = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-MAX_INT, max_value=MAX_INT),
    st.floats(allow_nan=False, allow_infinity=False), PLAIN_TEXT,
)
DATA = st.recursive(PLAIN, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                     st.dictionaries(KEYS, inner, max_size=5)),
                    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(DATA)
def test_yaml_round_trip_of_plain_data(data: Any) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    doc = load_text(text, "r.yaml")
    assert _same(doc.data, data)


def _same(a: Any, b: Any) -> bool:
    if isinstance(b, float) and isinstance(a, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(b, dict):
        return isinstance(a, dict) and a.keys() == b.keys() and all(_same(a[k], b[k]) for k in b)
    if isinstance(b, list):
        return isinstance(a, list) and len(a) == len(b) and all(map(_same, a, b))
    return a == b and type(a) is type(b)


_WS = load_workspace(ROOT)
_VOCAB = _WS.vocabularies["csam-regulation"]
_FACTS = sorted(_VOCAB.model.facts)
_OPS = ["equals", "one_of", "contains", "contains_any", "contains_all", "subset_of", "lt", "le", "gt",
        "ge", "known", "bogus"]
_VALUES = st.one_of(SCALARS, st.lists(st.one_of(st.sampled_from(["for", "hosting", "none", "x"]), SCALARS),
                                      max_size=4),
                    st.sampled_from(["for", "against", "hosting", "interpersonal_communication",
                                     "partial_general_approach", "2023-09", "2023-02-30"]))
ATOMS = st.builds(lambda f, op, v: {"fact": f, op: v},
                  st.one_of(st.sampled_from(_FACTS), KEYS), st.sampled_from(_OPS), _VALUES)
CONCEPTS = st.builds(lambda c: {"concept": c}, st.one_of(st.sampled_from(sorted(_VOCAB.concepts)), KEYS))
CONDITIONS = st.recursive(
    st.one_of(ATOMS, CONCEPTS, SCALARS, st.dictionaries(KEYS, SCALARS, max_size=2)),
    lambda inner: st.one_of(
        st.builds(lambda xs: {"all": xs}, st.lists(inner, max_size=4)),
        st.builds(lambda xs: {"any": xs}, st.lists(inner, max_size=4)),
        st.builds(lambda x: {"not": x}, inner),
        st.builds(lambda xs, k: {"all": xs, k: 1}, st.lists(inner, max_size=2), KEYS),
    ),
    max_leaves=12,
)


@settings(max_examples=400, deadline=None)
@given(CONDITIONS)
def test_condition_compiler_gives_a_tree_or_located_errors(data: Any) -> None:
    errors: list[InputError] = []
    doc = Document("r.yaml", {"c": data}, value_locs={(): (1, 1), ("c",): (1, 4)})
    cond = ConditionParser(_VOCAB.model, doc, errors).parse(data, ("c",))
    assert (cond is None) == bool(errors)
    assert all(e.file == "r.yaml" and e.line >= 1 for e in errors)
    if cond is not None:
        pack = _WS.pack("csam-regulation")
        clause = SimpleNamespace(applies=None, conflicts=cond, complies=cond, notes=())
        numbers = number_literals(dataclasses.replace(pack, clauses=(clause,)))
        holds, fails = _Compiler(pack, numbers).pair(cond)
        for expr in (holds, fails):
            with contextlib.suppress(_TooComplex):
                split(expr)


POSITION_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.just("p-1"), SCALARS),
        "dossier": st.one_of(st.just("csam-regulation"), SCALARS),
        "date": st.one_of(st.sampled_from(["2023-09-18", "2023-02-30", "2023", "x"]), SCALARS),
        "actor": SCALARS,
        "source": st.one_of(st.just({"title": "t"}), DATA),
        "facts": st.dictionaries(st.one_of(st.sampled_from(_FACTS), KEYS), _VALUES, max_size=6),
        "declarations": st.lists(st.dictionaries(KEYS, SCALARS, max_size=3), max_size=2),
        "extra": DATA,
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(POSITION_FIELDS)
def test_cli_on_generated_positions_exits_0_1_or_2_with_located_errors(workspace_copy: Path,
                                                                      position: dict[str, Any]) -> None:
    (workspace_copy / SEED).write_text(yaml.safe_dump(position, allow_unicode=True), encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "--workspace", str(workspace_copy), "--backend", "direct",
                                      str(workspace_copy / "examples/positions")])
    assert result.exit_code in (0, 1, 2), result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    if result.exit_code == 2:
        assert_located(result.stderr if hasattr(result, "stderr") else result.output)


def test_atheris_harness_runs_clean_for_a_bounded_number_of_inputs(tmp_path: Path) -> None:
    pytest.importorskip("atheris")
    harness = ROOT / "tests" / "fuzz" / "fuzz_yaml.py"
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "seed.yaml").write_bytes((ROOT / SEED).read_bytes())
    (seeds / "rule.yaml").write_bytes(b"all: [{fact: cabinet_vote_intention, equals: for}, {concept: x}]\n")
    result = subprocess.run([sys.executable, str(harness), "-runs=5000", "-max_len=4096",
                             "-rss_limit_mb=2048", str(seeds)], capture_output=True, text=True,
                            timeout=600, cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Done 5000 runs" in result.stderr
