"""libyaml reads files for speed, PyYAML's Python parser stays the reference.

``load_text`` takes a document from libyaml only when it reads it; anything else goes
to the Python parser. These tests guard that the result (data with its types, every
location, or the exact errors) is always the one the Python parser alone gives.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.errors import InputErrors
from compliance.loading import yaml_safe
from compliance.loading.yaml_safe import load_text
from tests.conftest import ROOT
from tests.corpus.nasty import NASTY
from tests.test_yaml_safe import YAMLISH, nested, plain_data

pytestmark = pytest.mark.skipif(yaml_safe._Parser is yaml_safe.PythonParser,
                                reason="PyYAML built without libyaml")


def outcome(text: str, parser: object = None) -> tuple[str, ...]:
    """Everything a caller can observe; repr keeps True apart from 1 and 1.0 from 1."""
    try:
        doc = load_text(text, "f.yaml", parser=parser)
    except InputErrors as e:
        return ("errors", *(str(err) for err in e.errors))
    return ("doc", doc.file, repr(doc.data), repr(sorted(doc.value_locs.items(), key=repr)),
            repr(sorted(doc.key_locs.items(), key=repr)))


def assert_same_as_python_parser(text: str) -> None:
    assert outcome(text) == outcome(text, yaml_safe.PythonParser)


@pytest.mark.parametrize("path", ["examples/positions/2023-09-18-geannoteerde-agenda-jbz.yaml",
                                  "motions/32317-891.yaml"])  # the latter links with a query (?nummer=)
def test_libyaml_is_used_for_ordinary_files(path: str) -> None:
    text = (ROOT / path).read_text()
    assert yaml_safe._fast(text, "f.yaml") is not None


@pytest.mark.parametrize("text", ["a: [x?y]\n", "a: x # why?\n", "? a\n: b\n", "a: {k: v?w}\n"])
def test_a_question_mark_outside_a_block_scalar_of_text_goes_to_the_python_parser(text: str) -> None:
    assert yaml_safe._fast(text, "f.yaml") is None


@pytest.mark.parametrize("path", sorted(p.relative_to(ROOT).as_posix() for folder in
                                        ("motions", "rules", "examples", "tests")
                                        for p in (ROOT / folder).rglob("*.y*ml")))
def test_every_yaml_file_of_the_repository_reads_the_same(path: str) -> None:
    assert_same_as_python_parser((ROOT / path).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(NASTY))
def test_nasty_inputs_give_the_same_errors(name: str) -> None:
    raw = NASTY[name]
    if len(raw) > yaml_safe.MAX_BYTES:
        raw = raw[:yaml_safe.MAX_BYTES]
    assert_same_as_python_parser(raw.decode("utf-8", "replace"))


@pytest.mark.parametrize("text", [
    "a: 1\na: 2", "a: !!python/name:os.system", "? [a]\n: 1", "--- 1\n--- 2", "a: .nan",
    "a: 1\nb: x\x08y\n", "a:\n  - \x1b", "a: caf\u00e9 \ufeff x\n", "k: \u2028v\n", "- a\n\t- b\n",
    "a: 'it''s'\nb: \"\\u00e9\\x41\"\nc: |\n  two\n  lines\nd: >-\n  folded\n  text\n",
    "x: vóór\ny: [é, ü, 1]\nz: {ä: ö}\n", "%YAML 1.2\n---\na: 1\n", "a: @b\n", "a: `b\n",
    "a: |#x\n  b\n", "a: >-#\n  b\n", "a: |2#\n  b\n", "a: | #x\n  b\n",
    "a: https://x.nl/d?id=1&n=2\n", "a: [x?y]\n", "a: {k: v?w}\n", "a: 'x?y'\n", "a: [\"x?y\"]\n",
    "a: x # why?\n", "? a\n: b\n", "a: b\n  c?d\n", "a: b\n  ?d\n", "a?b: c\n", "a: ?b\n", "a: |\n  ? x\n",
])
def test_edge_cases_give_the_same_result(text: str) -> None:
    assert_same_as_python_parser(text)


@settings(max_examples=1500, deadline=None)
@given(YAMLISH)
def test_yaml_like_text_gives_the_same_result(text: str) -> None:
    assert_same_as_python_parser(text)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_the_same_result(text: str) -> None:
    assert_same_as_python_parser(text)


@settings(max_examples=300, deadline=None)
@given(plain_data() | nested(), st.booleans(), st.booleans())
def test_dumped_data_gives_the_same_result(data: object, flow: bool, unicode: bool) -> None:
    assert_same_as_python_parser(yaml.safe_dump(data, default_flow_style=flow, allow_unicode=unicode))


REPO_TEXTS = [(ROOT / folder / name).read_text(encoding="utf-8") for folder, name in (
    ("examples/positions", "2023-09-18-geannoteerde-agenda-jbz.yaml"),
    ("examples/scenarios", "2023-09-18-geannoteerde-agenda-jbz-voorwaardelijk.yaml"),
    ("motions", "26643-885.yaml"), ("rules/csam-regulation", "26643-885.yaml"))]


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(REPO_TEXTS), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3), YAMLISH),
                                             min_size=1, max_size=4))
def test_edited_real_files_give_the_same_result(text: str, edits: list[tuple[float, int, str]]) -> None:
    # an author's slip: a few characters deleted or typed somewhere in a real file
    for where, cut, typed in edits:
        i = int(where * len(text))
        text = text[:i] + typed + text[i + cut:]
    assert_same_as_python_parser(text)


def test_libyaml_alone_would_differ_where_the_python_parser_decides() -> None:
    # what the guards are for: libyaml on its own accepts a trailing tab PyYAML refuses
    assert outcome("a\t", yaml_safe._Parser)[0] == "doc"
    assert outcome("a\t")[0] == outcome("a\t", yaml_safe.PythonParser)[0] == "errors"
