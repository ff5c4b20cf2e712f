"""The lean durable host (compliance/backends/durable.py, ``_Shard``): it drives the
engine's C core itself, so what durable's Python host did for it is tested here: the
rule that fired is read off each message, an unexpected message is an internal error,
sessions are always deleted, and each shard is sent only the fields its rules test."""

from __future__ import annotations

from typing import Any

import pytest

from compliance.backends import durable
from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend, _fields, _Shard
from compliance.errors import InternalError
from compliance.loading.workspace import load_positions, load_workspace
from tests.conftest import ROOT

_names = iter(range(10**6))


def _shard(rules: list[tuple[str, Any, dict[str, Any]]]) -> _Shard:
    return _Shard(f"test-host-{next(_names)}", rules)


def test_each_firing_rule_is_reported_once_and_the_catch_all_never() -> None:
    shard = _shard([("a", ("c1", "conflicts"), {"f:x": 1}),
                    ("b", ("c2", "complies"), {"$gt": {"f:y": 3}}),
                    ("n", ("c1", 0), {"$nex": {"f:z": 1}})])
    # rules of one priority fire in the engine's order, which the backend does not rely on
    fired = shard.fire({"f:x": 1, "f:y": 5, "f:z": 1}, "s1")
    assert sorted(fired) == [("c1", "conflicts"), ("c2", "complies")]
    assert shard.fire({"f:x": 2, "f:y": 1, "f:z": 1}, "s2") == []
    assert shard.fire({"f:x": 2, "f:y": 1}, "s3") == [("c1", 0)]
    # the same session id again: the previous session was deleted, so nothing lingers
    assert shard.fire({"f:x": 2, "f:y": 1}, "s3") == [("c1", 0)]


def test_a_shard_reads_only_the_fields_its_rules_test() -> None:
    expr = {"$and": [{"f:a": True}, {"$or": [{"$lt": {"f:b:hi": 5}}, {"$nex": {"f:c": 1}}]}]}
    assert _fields(expr) == {"f:a", "f:b:hi", "f:c"}
    shard = _shard([("r", ("k", "conflicts"), expr)])
    assert shard.fields == ("f:a", "f:b:hi", "f:c")
    # fields of other shards' rules do not reach the engine (nor change what fires)
    record = {"f:a": True, "f:c": 1, "f:b:hi": 3, "f:other": "x" * 10_000}
    assert shard.fire(record, "s4") == [("k", "conflicts")]


@pytest.mark.parametrize("message", ['{"r9":{"m":{}}}', "[]", '{"":1}', ""])
def test_a_message_naming_no_rule_of_the_shard_is_an_internal_error(message: str) -> None:
    shard = _shard([("a", ("c1", "conflicts"), {"f:x": 1})])
    with pytest.raises(InternalError, match="unknown rule"):
        shard._tag(message)


def test_a_session_is_deleted_even_when_reading_a_firing_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    shard = _shard([("a", ("c1", "conflicts"), {"f:x": 1})])
    deleted: list[str] = []
    real = durable._core.delete_state
    monkeypatch.setattr(durable._core, "delete_state", lambda h, sid: (deleted.append(sid), real(h, sid)))
    monkeypatch.setattr(shard, "_tag", lambda message: (_ for _ in ()).throw(InternalError("boom")))
    with pytest.raises(InternalError, match="boom"):
        shard.fire({"f:x": 1}, "s5")
    assert deleted == ["s5"]
    monkeypatch.undo()
    assert shard.fire({"f:x": 1}, "s5") == [("c1", "conflicts")]  # the ruleset still works


def test_the_bundled_examples_give_the_direct_evaluators_outcomes() -> None:
    ws = load_workspace(ROOT)
    positions = load_positions(ws, [ROOT / "examples" / "positions"])
    for dossier in sorted({p.model.dossier for p in positions}):
        facts = [p.facts for p in positions if p.model.dossier == dossier]
        pack = ws.pack(dossier)
        assert DurableBackend().evaluate(pack, facts) == DirectBackend().evaluate(pack, facts)


def test_an_engine_refusal_is_an_internal_error_and_leaves_no_session(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # more fields than a record may hold (error 302): the assert fails after the engine
    # made the session, which is deleted all the same
    wide = _shard([("a", ("c1", "conflicts"), {"$and": [{f"f:x{i}": 1} for i in range(12)]})])
    deleted: list[str] = []
    real = durable._core.delete_state
    monkeypatch.setattr(durable._core, "delete_state", lambda h, sid: (deleted.append(sid), real(h, sid)))
    wide.fields = tuple(f"f:x{i}" for i in range(300))
    with pytest.raises(InternalError, match="refused a record"):
        wide.fire({f"f:x{i}": 1 for i in range(300)}, "s6")
    assert deleted == ["s6"]
    wide.fields = tuple(f"f:x{i}" for i in range(12))
    assert wide.fire({f"f:x{i}": 1 for i in range(12)}, "s6") == [("c1", "conflicts")]


@pytest.mark.parametrize("dossier", ["csam-regulation", "groningen-gas"])
def test_shards_are_cut_below_the_fields_a_record_may_hold(monkeypatch: pytest.MonkeyPatch,
                                                           dossier: str) -> None:
    # the bound lowered to the widest single rule: the pack is cut finer, never refused,
    # and still gives the direct evaluator's outcomes
    ws = load_workspace(ROOT)
    positions = load_positions(ws, [ROOT / "examples" / "positions"])
    pack = ws.pack(dossier)
    facts = [p.facts for p in positions if p.model.dossier == dossier]
    before = len(DurableBackend()._shards(pack)[0])
    compiler = durable._Compiler(pack, durable.number_literals(pack))
    widest = max(len(_fields(piece)) for c in pack.clauses
                 for _, _, e in DurableBackend._clause_rules(compiler, c) for piece in durable.split(e))
    monkeypatch.setattr(durable, "MAX_FIELDS_PER_SHARD", widest)
    backend = DurableBackend()
    shards, _ = backend._shards(pack)
    assert len(shards) > before and all(len(s.fields) <= widest for s in shards)
    assert backend.evaluate(pack, facts) == DirectBackend().evaluate(pack, facts)
    # one rule wider than the bound is refused, worded, as too large for durable-rules
    monkeypatch.setattr(durable, "MAX_FIELDS_PER_SHARD", widest - 1)
    with pytest.raises(durable.InputErrors, match="engine fields"):
        DurableBackend().evaluate(pack, facts)
