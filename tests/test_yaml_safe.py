"""The safe YAML loader: only InputErrors on any input, plain data round-trips, and
the recorded locations point at the right place."""

from __future__ import annotations

import string
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compliance.errors import InputErrors
from compliance.loading import yaml_safe
from compliance.loading.yaml_safe import load_file, load_text
from tests.conftest import ROOT

YAMLISH = st.lists(st.sampled_from([
    "a", "b", "1", "-1.5", "2023-01-01", "true", "null", "~", ":", ": ", " ", "  ", "\n", "\t", "- ", "[",
    "]", "{", "}", ",", "&x ", "*x", "*y", "&y ", "!!python/object/apply:os.system ", "!!str ", "!x ",
    "'", '"', "#", "|", ">", "---\n", "...\n", "%YAML 1.1\n", "? ", "<<: ", "\\", "é", "\x00", "\x85",
    "\ufeff", "0x1F", ".inf", ".nan", "99999999999999999999999",
]), max_size=60).map("".join)


def only_input_errors(text: str) -> None:
    try:
        load_text(text, "f.yaml")
    except InputErrors as e:
        assert e.errors
        for err in e.errors:
            assert err.file == "f.yaml" and err.line >= 1 and err.column >= 1
            assert err.problem and err.fix
            assert "\n" not in str(err)


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_arbitrary_text_gives_data_or_input_errors(text: str) -> None:
    only_input_errors(text)


@settings(max_examples=1000, deadline=None)
@given(YAMLISH)
def test_yaml_like_text_gives_data_or_input_errors(text: str) -> None:
    only_input_errors(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400) | YAMLISH.map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_in_a_file_give_data_or_input_errors(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yaml"
        path.write_bytes(raw)
        try:
            load_file(path, "f.yaml")
        except InputErrors as e:
            assert all(err.file == "f.yaml" and err.line >= 1 for err in e.errors)
        assert path.read_bytes() == raw


def plain_data() -> st.SearchStrategy[Any]:
    scalars = (st.none() | st.booleans() | st.integers(-(2**63) + 1, 2**63 - 1)
               | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20))
    return st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)


@settings(max_examples=500, deadline=None)
@given(plain_data(), st.booleans())
def test_plain_data_round_trips(data: Any, flow: bool) -> None:
    # (allow_unicode=True would hit a PyYAML dumper bug: it writes U+0085 raw in a
    # single-quoted scalar, where YAML 1.1 folds it as a line break.)
    text = yaml.safe_dump(data, default_flow_style=flow)
    assert load_text(text, "f.yaml").data == data


RESERVED = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}  # would be quoted
KEYS = st.text(string.ascii_lowercase + "_", min_size=1, max_size=8).filter(lambda s: s not in RESERVED)
LEAVES = st.integers(0, 10**6) | st.text(string.ascii_lowercase, min_size=1, max_size=8).filter(
    lambda s: s not in RESERVED)


def nested() -> st.SearchStrategy[Any]:
    return st.recursive(LEAVES, lambda inner: st.lists(inner, min_size=1, max_size=3)
                        | st.dictionaries(KEYS, inner, min_size=1, max_size=3), max_leaves=15)


def leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], Any]]:
    if isinstance(data, dict):
        return [x for k, v in data.items() for x in leaves(v, (*path, k))]
    if isinstance(data, list):
        return [x for i, v in enumerate(data) for x in leaves(v, (*path, i))]
    return [(path, data)]


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, nested(), min_size=1, max_size=4), st.booleans())
def test_locations_point_at_the_value_and_key(data: dict[str, Any], flow: bool) -> None:
    text = yaml.safe_dump(data, default_flow_style=flow)
    lines = text.splitlines()
    doc = load_text(text, "f.yaml")
    for path, value in leaves(data):
        line, col = doc.value_locs[path]
        assert lines[line - 1][col - 1:].startswith(str(value)), (path, value, text)
    for path in doc.key_locs:
        line, col = doc.key_locs[path]
        assert lines[line - 1][col - 1:].startswith(f"{path[-1]}:"), (path, text)
    # error() names the file and the value's place
    path, _ = leaves(data)[0]
    err = doc.error(path, "problem", "fix")
    assert (err.file, err.line, err.column) == ("f.yaml", *doc.value_locs[path])


@pytest.mark.parametrize("text", [
    "a: !!python/object/apply:os.system ['true']",
    "a: !!python/name:os.system",
    "!!python/object/new:dict {}",
    "a: !!binary aGk=",
    "a: !!set {x: null}",
    "a: !!omap [{x: 1}]",
    "a: !custom x",
    "a: &a [1]\nb: *b",
    "a: 1\na: 2",
    "--- 1\n--- 2",
    "[" * (yaml_safe.MAX_DEPTH + 1) + "]" * (yaml_safe.MAX_DEPTH + 1),
    "a: .nan",
    "a: .inf",
    f"a: {2**64}",
    "? [a]\n: 1",
])
def test_unsafe_or_ambiguous_documents_are_refused(text: str) -> None:
    with pytest.raises(InputErrors) as e:
        load_text(text, "f.yaml")
    assert all(str(err).startswith("f.yaml:") and " — " in str(err) for err in e.value.errors)


@pytest.mark.parametrize(("text", "line", "col"), [("a: 1\nb: x\x08y\n", 2, 5), ("\x00", 1, 1),
                                                   ("a:\n  - \x1b", 2, 5)])
def test_control_characters_are_located(text: str, line: int, col: int) -> None:
    with pytest.raises(InputErrors) as e:
        load_text(text, "f.yaml")
    err = e.value.errors[0]
    assert (err.line, err.column) == (line, col)
    assert "control character U+" in err.problem


def test_dates_stay_strings() -> None:
    assert load_text("d: 2023-04\ne: 2023-04-01\nf: 2023-04-01 10:00:00", "f.yaml").data == {
        "d": "2023-04", "e": "2023-04-01", "f": "2023-04-01 10:00:00"}


def _read_both(text: str) -> tuple[Any, Any]:
    """What the libyaml and the pure-Python parser make of ``text``: the document's data
    and locations, or the fact that it was refused."""
    out = []
    for parser in (None, yaml_safe.PythonParser):
        try:
            doc = load_text(text, "f.yaml", parser=parser)
            out.append((doc.data, doc.value_locs, doc.key_locs))
        except InputErrors:
            out.append("refused")
    return out[0], out[1]


def test_the_c_parser_is_used_where_pyyaml_has_it() -> None:
    # a silent fallback to the pure-Python parser once made every load several times slower
    assert yaml.__with_libyaml__ and yaml_safe._Parser is not yaml_safe.PythonParser


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(KEYS, nested(), min_size=1, max_size=4) | plain_data(), st.booleans())
def test_c_and_python_parsers_read_documents_alike(data: Any, flow: bool) -> None:
    # On junk the two may differ (libyaml reads "a\t" and a BOM after "---" where PyYAML
    # refuses or keeps them; PyYAML keeps a lone surrogate escape that libyaml refuses);
    # either way only located errors come out, as tested above.
    c, py = _read_both(yaml.safe_dump(data, default_flow_style=flow))
    assert c == py


def test_c_and_python_parsers_read_the_bundled_files_alike() -> None:
    files = sorted(f for d in ("motions", "rules", "examples") for f in (ROOT / d).rglob("*.yaml"))
    assert len(files) > 20
    for f in files:
        c, py = _read_both(f.read_text(encoding="utf-8"))
        assert c == py and c != "refused", f



@given(st.lists(st.tuples(st.one_of(st.text(max_size=12), st.sampled_from(
    ["yes", "no", "on", "1_000", "0x1f", "0755", "1:2:3", "2023-04-01", "~", "null", ".inf", "1e3",
     "true", "False", "12", "-0.5"])), st.tuples(st.booleans(), st.booleans())), max_size=40))
def test_memoised_tag_resolution_is_the_resolvers_own(scalars: list[tuple[str, tuple[bool, bool]]]) -> None:
    # asked twice, so the second answer comes from the memo
    resolver = yaml.resolver.Resolver()
    for value, implicit in scalars + scalars:
        expected = resolver.resolve(yaml.nodes.ScalarNode, value, implicit)
        assert yaml_safe._implicit_tag(value, implicit) == expected
