"""Coverage-guided fuzzing of the safe YAML loader and the condition parser with atheris.

    python tests/fuzz/fuzz_yaml.py -runs=20000        # bounded, as CI runs it
    python tests/fuzz/fuzz_yaml.py tests/fuzz/corpus  # open-ended, keeps a corpus

Anything but a Document or InputErrors (a crash, any other exception) is a finding.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from compliance.conditions.parse import ConditionParser
    from compliance.errors import InputError, InputErrors
    from compliance.loading.workspace import load_workspace
    from compliance.loading.yaml_safe import load_text

ROOT = Path(__file__).resolve().parents[2]
VOCAB = load_workspace(ROOT).vocabularies["csam-regulation"].model


def one_input(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # load_file refuses these before parsing; tested elsewhere
    try:
        doc = load_text(text, "fuzz.yaml")
    except InputErrors:
        return
    errors: list[InputError] = []
    if isinstance(doc.data, dict):
        ConditionParser(VOCAB, doc, errors).parse(doc.data, ())


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
