"""Regenerate the committed JSON Schemas: ``python -m compliance.schemas``."""

from pathlib import Path

from compliance.schemas import FILES, build, dump

here = Path(__file__).parent
for kind, name in FILES.items():
    (here / name).write_text(dump(build(kind)), encoding="utf-8")
    print(f"wrote {here / name}")
