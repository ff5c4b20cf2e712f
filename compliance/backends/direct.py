"""The direct evaluator: the rule semantics in plain Python, used to cross-check
durable-rules and as the fallback where durable-rules cannot be imported."""

from __future__ import annotations

from typing import Any

from compliance.conditions.kleene import truth
from compliance.conditions.values import typed_facts
from compliance.logic import TRUE
from compliance.pack import CompiledClause, Outcome, RulePack
from compliance.verdict import decide


def clause_outcome(clause: CompiledClause, facts: dict[str, Any], concepts: Any) -> Outcome:
    notes = tuple(i for i, n in enumerate(clause.notes) if truth(n, facts, concepts) is TRUE)
    applies = TRUE if clause.applies is None else truth(clause.applies, facts, concepts)
    return Outcome(decide(applies, truth(clause.conflicts, facts, concepts),
                          truth(clause.complies, facts, concepts)), notes)


class DirectBackend:
    name = "direct"
    # the reference semantics (kleene.truth, as kleene.evaluate's traces): a check, which
    # traces every clause to explain it, takes the outcomes from its traces instead of
    # evaluating twice (compliance.evaluate.check)
    reference = True

    def evaluate(self, pack: RulePack, records: list[dict[str, Any]]) -> list[dict[str, Outcome]]:
        # Read through typed_value as the durable projection does: a record with null or
        # wrongly typed values then means the same to both evaluators.
        typed = ({**typed_facts(facts, pack.vocab.facts, pack.facts),
                  **{k: facts[k] for k in pack.flag_keys if k in facts}} for facts in records)
        return [{c.key: clause_outcome(c, facts, pack.concepts) for c in pack.clauses}
                for facts in typed]
