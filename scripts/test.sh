#!/usr/bin/env bash
# Install the project with its test dependencies into .venv, then lint and test.
set -euo pipefail
cd "$(dirname "$0")/.."
# The HTML report test drives Debian's chromium (Playwright never downloads a browser here).
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
        || echo "chromium could not be installed: the browser test will be skipped" >&2
fi
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip >/dev/null
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/ruff check compliance tests benchmarks
# the types of the whole package ([tool.mypy] in pyproject.toml)
.venv/bin/mypy
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
