"""A workspace whose every free-text field is hostile: the bundled motions, rules and
the seed position (with its two variants), with each text of a position, a motion and a
rule replaced by strings that try to break out of each output format."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from tests.report_cases import UNDECLARED_ID, make_workspace

# What an attacker (or an unlucky paste) puts in a text: a GitHub workflow command after a
# line break, ANSI clear-screen, an OSC 8 link, C0 and C1 controls, characters XML forbids,
# a bidi override, HTML and script, Markdown links and emphasis.
HOSTILE = ("x\n::error file=README.md,line=1::pwned\r\n::warning::pwned2 \x01\x0b\x0c\x7f "
           "\x1b[2J\x1b]8;;https://evil.example/\x07click\x1b]8;;\x07 \x85\x9b\x9d "
           "\u202egnp.exe\u202c \u2028\u2029 <img src=x onerror=alert(1)><script>alert(2)</script> "
           "&amp; \"' `md` *b* _i_ [l](javascript:alert(3)) # h | t |")
MARK = "pwned"  # appears in every text output when the hostile text reaches it
# a file name holding a line break and markup (Linux allows both)
HOSTILE_FILE = "pos\n::error file=x::pwnedfile <img src=x onerror=alert(4)> \u202e.yaml"

POSITION_TEXTS = {"where", "note", "actor", "title", "nl", "en", "forum"}
MOTION_TEXTS = {"short_name", "nl", "en", "title", "name"}
RULE_TEXTS = {"nl", "en"}


def _poison(data: Any, keys: set[str], key: str | None = None) -> Any:
    """Every string under one of ``keys`` (at any depth) replaced by the hostile text."""
    if isinstance(data, dict):
        return {k: _poison(v, keys, k) for k, v in data.items()}
    if isinstance(data, list):
        return [_poison(v, keys, key) for v in data]
    if isinstance(data, str) and key in keys:
        return f"{key}: {HOSTILE}"
    return data


def _rewrite(path: Path, keys: set[str], target: Path | None = None) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    text = yaml.safe_dump(_poison(data, keys), allow_unicode=False, sort_keys=False, width=10_000)
    (target or path).write_text(text, encoding="utf-8")
    if target is not None and target != path:
        path.unlink()


def make_hostile_workspace(root: Path) -> Path:
    ws = make_workspace(root)
    positions = ws / "examples" / "positions"
    for p in sorted(positions.glob("*.yaml")):
        poisoned = positions / HOSTILE_FILE if UNDECLARED_ID in p.read_text(encoding="utf-8") else None
        _rewrite(p, POSITION_TEXTS, poisoned)
    for p in sorted((ws / "motions").glob("*.yaml")):
        _rewrite(p, MOTION_TEXTS)
    for p in sorted((ws / "rules" / "csam-regulation").glob("*.yaml")):
        if p.name not in ("dossier.yaml", "timeline.yaml"):
            _rewrite(p, RULE_TEXTS)
    return ws
