#!/usr/bin/env bash
# Install the project with its test dependencies into .venv, then lint and test.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check compliance tests benchmarks
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
