"""Cross-checks of a vocabulary's cues against its facts and step kinds (the phrases'
own syntax is checked by the model, compliance.model.cues)."""

from __future__ import annotations

from compliance.conditions.parse import did_you_mean
from compliance.errors import InputError, Text, msg, one_of
from compliance.loading.yaml_safe import Document
from compliance.model.cues import ValueCues
from compliance.model.vocabulary import Vocabulary

BOOL_KEYS = ("true", "false")


def value_key(key: str) -> str:
    """A bool cue key as written: YAML reads an unquoted true as a boolean, stored as 'True'."""
    return key.lower() if key in ("True", "False") else key


def check_cues(vocab: Vocabulary, doc: Document) -> list[InputError]:
    errors: list[InputError] = []
    for name, fact in vocab.facts.items():
        if fact.cues is None:
            continue
        base = ("facts", name, "cues")
        allowed = list(BOOL_KEYS) if fact.type == "bool" else sorted(fact.values or {})
        if fact.type not in ("bool", "enum", "set") and fact.cues.values:
            errors.append(doc.error((*base, "values"),
                                    Text(f"{fact.type} fact '{name}' cannot have value cues",
                                                            f"{fact.type}-feit '{name}' kan geen cues per "
                                                            "waarde "
                                                            "hebben"),
                                    Text("give only 'addressed' cues for it",
                                         "geef er alleen 'addressed'-cues voor")))
            continue
        for key, cues in fact.cues.values.items():
            k = value_key(key)
            if k not in allowed:
                errors.append(doc.error((*base, "values", key), msg("e_not_a_value", value=k, fact=name),
                                        did_you_mean(k, allowed) or one_of(allowed), key=True))
            if cues.negated is not None and cues.negated not in allowed:
                errors.append(doc.error((*base, "values", key, "negated"),
                                        msg("e_not_a_value", value=cues.negated, fact=name),
                                        did_you_mean(cues.negated, allowed) or one_of(allowed)))
            if fact.type == "set" and cues.negated is not None:
                errors.append(doc.error((*base, "values", key, "negated"),
                                        Text("a negated match cannot name a value of a set fact",
                                             "een ontkende match kan geen waarde van een "
                                             "verzamelingsfeit noemen"),
                                        Text("remove 'negated'", "verwijder 'negated'")))
    if vocab.cues is not None:
        for kind in vocab.cues.steps:
            if kind not in vocab.step_kinds:
                errors.append(doc.error(("cues", "steps", kind), msg("e_unknown_step_kind", kind=kind),
                                        did_you_mean(kind, vocab.step_kinds) or one_of(vocab.step_kinds),
                                        key=True))
        decl = vocab.cues.declarations
        statements = ("will_execute", "will_not_execute", "gives_effect", "will_inform")
        for st in statements:
            said: ValueCues | None = getattr(decl, st) if decl is not None else None
            if said is not None and said.negated is not None and said.negated not in statements:
                errors.append(doc.error(("cues", "declarations", st, "negated"),
                                        Text(f"'{said.negated}' is not a statement",
                                             f"'{said.negated}' is geen verklaring"),
                                        msg("e_use_one_of", options=", ".join(statements))))
    return errors
