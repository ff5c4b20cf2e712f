"""An undetermined verdict names the facts that would decide it in words an adviser reads.

The fact id alone ("earlier_reinforcement_advice_honoured") is a rule author's word; the
message gives the vocabulary's description of the fact, in the report's language, quoted,
then the id: "the position says nothing on: “…” (id); “…” (id2)".
"""

from __future__ import annotations

import pytest
import yaml

from tests.conftest import ROOT, run_cli

POSITION = "examples/positions/2021-04-nam-betaalt-rekeningen.yaml"
FACT = "earlier_reinforcement_advice_honoured"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_undetermined_message_gives_the_fact_description(lang: str) -> None:
    vocab = yaml.safe_load((ROOT / "rules/groningen-gas/dossier.yaml").read_text(encoding="utf-8"))
    description = vocab["facts"][FACT]["description"][lang].rstrip(". ")
    other = vocab["facts"][FACT]["description"]["en" if lang == "nl" else "nl"].rstrip(". ")
    res = run_cli("check", POSITION, "--lang", lang, "--fail-on", "never")
    assert res.returncode == 0, res.stderr
    line = next(ln for ln in res.stdout.splitlines() if FACT in ln and "33529" not in ln)
    # what the position leaves open, quoted, then the id: never read as a denial of the fact
    opening = {"nl": "Niet te bepalen: de positie zegt niets over: ",
               "en": "Cannot be determined: the position says nothing on: "}[lang]
    assert f"{opening}\u201c{description}\u201d ({FACT})" in line, line
    assert other not in res.stdout
