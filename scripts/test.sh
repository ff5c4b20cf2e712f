#!/usr/bin/env bash
# Install the project with its test dependencies into .venv (and .venv-3.13 where a 3.13
# interpreter is present), then lint and test.
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
# The real engine on 3.13 too, with the project's C-API shim (docs/pycompat.md): where a
# 3.13 interpreter is present, a second venv runs the engine's differential and seed tests
# there, and the suite below compares its report with this venv's (tests/test_pythons.py).
py313=""
for exe in "$(command -v python3.13 || true)" /root/.pyenv/versions/3.13.*/bin/python3.13; do
    if [ -x "$exe" ] && "$exe" -c 'import sys, venv, ensurepip; sys.exit(sys.version_info[:2] != (3, 13))' 2>/dev/null
    then py313=$exe; break; fi
done
if [ -n "$py313" ]; then
    "$py313" -m venv .venv-3.13
    .venv-3.13/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
    .venv-3.13/bin/python -m pytest -q -p no:cacheprovider \
        tests/test_differential.py tests/test_seed.py tests/test_pycompat.py
    export COMPLIANCE_VENV_3_13="$PWD/.venv-3.13"
else
    echo "no Python 3.13 here: the engine is tested on $(.venv/bin/python -V) only" >&2
fi
.venv/bin/ruff check compliance tests benchmarks scripts
# the types of the whole package ([tool.mypy] in pyproject.toml)
.venv/bin/mypy
.venv/bin/python -m pytest -q -p no:cacheprovider "$@"
