"""The command line: one module per command (or group), each registering itself on ``app``.

To add a command, write ``compliance/cli/<name>.py`` with ``@app.command()`` and import it
below (the order of these imports is the order of ``compliance --help``). The library
never imports this package.
"""

# isort: off
from compliance.cli import check, validate, motions  # noqa: F401  (imported for their commands)
from compliance.cli import ingest, timeline, duties, diff  # noqa: F401
from compliance.cli import lint, rule_tests, explain, analyze  # noqa: F401
from compliance.cli import scaffold  # noqa: F401  (init, new)
from compliance.cli import draft, draft_rule, serve  # noqa: F401

# isort: on
from compliance.cli.app import app, main

__all__ = ["app", "main"]
