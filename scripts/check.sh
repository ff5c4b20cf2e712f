#!/usr/bin/env bash
# Install the project into .venv and check the bundled example positions.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e . >/dev/null
exec .venv/bin/compliance check "$@"
