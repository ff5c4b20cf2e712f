"""Regenerate the table of examples/verdict-matrix.md from the engine's own output.

    .venv/bin/python scripts/verdict_matrix.py > /tmp/table.md

Prints one row per position x motion (as of the position's date, default readings): the
verdict and, per clause, the rule's message or the facts left unstated, followed by the
facts the clause read with the source each rests on (the part of the fact's 'where'
before the colon). The hand-written parts of the matrix file (introduction, the
undetermined cells, the sources) are kept by hand; paste the table between them.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _label(where: str | None) -> str:
    if not where:
        return "?"
    head = where.split(":", 1)[0].strip().strip('"')
    return head if len(head) <= 70 else head[:67] + "..."


def _value(v: object) -> str:
    return ",".join(v) if isinstance(v, list) else json.dumps(v) if isinstance(v, bool) else str(v)


def main() -> int:
    exe = ROOT / ".venv/bin/compliance"
    out = subprocess.run([str(exe), "check", "--format", "json", "--lang", "en"], cwd=ROOT,
                         capture_output=True, text=True, check=False)
    if out.returncode not in (0, 1):
        sys.stderr.write(out.stderr)
        return 2
    from compliance.reports.json_report import decode

    data = decode(json.loads(out.stdout))  # findings in full, with their texts
    findings: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for f in data["findings"]:
        findings[(f["position"], f["motion"])].append(f)
    print("| position | motion | verdict | justification (per clause; facts read, with their source) |")
    print("|---|---|---|---|")
    for m in data["motions"]:
        key = (m["position"], m["motion"])
        parts, facts = [], {}
        for f in sorted(findings[key], key=lambda f: f["clause"] or 0):
            parts.append(f"cl.{f['clause']} {f['verdict']}: {f['message']}")
            if f["verdict"] == "not_applicable":
                continue
            for fact in f["facts"]:
                if fact["present"]:
                    facts[fact["name"]] = f"{fact['name']}={_value(fact['value'])} [{_label(fact['where'])}]"
            if f.get("declaration") and f["verdict"] == "conflicts":
                d = f["declaration"]
                parts[-1] += f" (declared: {d['statement']}, {d['date']})" if f["declared"] else \
                    f" (undeclared; latest statement: {d['statement']}, {d['date']})"
        text = " / ".join(parts)
        if facts:
            text += " — " + "; ".join(facts.values())
        print(f"| {m['position']} | {m['motion']} | {m['verdict']} | {text.replace('|', '/')} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
