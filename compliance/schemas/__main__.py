"""Regenerate the committed JSON Schemas: ``python -m compliance.schemas``."""

import sys
from pathlib import Path

from compliance.schemas import FILES, build, dump

if sys.argv[1:]:  # --help or anything else: say what this does, and write nothing
    print(__doc__.strip() + "\nIt takes no arguments; run it without any to rewrite the schemas.")
    sys.exit(0 if sys.argv[1:] in (["--help"], ["-h"]) else 2)
here = Path(__file__).parent
for kind, name in FILES.items():
    (here / name).write_text(dump(build(kind)), encoding="utf-8")
    print(f"wrote {here / name}")
