"""Nasty inputs every loader must turn into a located error (or read correctly),
never a traceback, a hang or a blown-up memory. Large ones are built here rather
than stored, so the repository stays small; each is deterministic."""

from __future__ import annotations

import random

from tests.conftest import ROOT, SEED

_SEED_TEXT = (ROOT / SEED).read_bytes()


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    return ("\n".join(lines) + "\n").encode()


def _wide_alias_bomb() -> bytes:
    # few aliases, each to a large anchor: bounded by the node count, not the alias count
    body = "big: &big [" + ", ".join(str(i) for i in range(20_000)) + "]\n"
    return (body + "".join(f"k{i}: *big\n" for i in range(50))).encode()


NASTY: dict[str, bytes] = {
    "alias-bomb": _alias_bomb(),
    "wide-alias-bomb": _wide_alias_bomb(),
    "unknown-alias": b"a: *nowhere\n",
    "string-10mb": b"id: '" + b"x" * (10 * 1024 * 1024) + b"'\n",
    "string-just-under-limit": b"id: '" + b"x" * (2 * 1024 * 1024 - 64) + b"'\n",
    "flow-depth-10000": b"[" * 10_000 + b"]" * 10_000 + b"\n",
    "block-depth-10000": "".join(f"{' ' * i}k:\n" for i in range(10_000)).encode(),
    "mapping-depth-10000": b"{a: " * 10_000 + b"1" + b"}" * 10_000 + b"\n",
    "binary-junk": random.Random(7).randbytes(4096),
    "nul-bytes": b"id: a\x00b\n",
    "invalid-utf8": b"id: caf\xe9\n",
    "utf16-with-bom": "id: x\n".encode("utf-16"),
    "duplicate-keys": b"id: a\nid: b\n",
    "duplicate-keys-nested": _SEED_TEXT.replace(b"facts:\n", b"facts:\n  text_stage: council_position\n", 1),
    "huge-integer": b"id: 1" + b"0" * 5000 + b"\n",
    "huge-integer-fact": _SEED_TEXT.replace(b"value: true\n", b"value: 123456789012345678901234567890\n", 1),
    "huge-float": b"id: 1e999999\n",
    "nan": b"id: .nan\n",
    "date-2023-02-30": _SEED_TEXT.replace(b"date: 2023-09-18\n", b"date: 2023-02-30\n", 1),
    "date-month-13": _SEED_TEXT.replace(b"date: 2023-09-18\n", b"date: 2023-13\n", 1),
    "python-tag": b"id: !!python/object/apply:os.system ['true']\n",
    "custom-tag": b"id: !secret x\n",
    "set-tag": b"id: !!set {a, b}\n",
    "binary-tag": b"id: !!binary aGVsbG8=\n",
    "multiple-documents": b"id: a\n---\nid: b\n",
    "empty": b"",
    "only-comments": b"# nothing here\n",
    "scalar-root": b"just a string\n",
    "list-root": b"- a\n- b\n",
    "null-root": b"~\n",
    "complex-key": b"? [a, b]\n: c\n",
    "mapping-as-key": b"{a: 1}: x\n",
    "tab-indent": b"id:\n\t- a\n",
    "unclosed-quote": b"id: 'abc\n",
    "control-chars": b"id: a\x07b\x1b[31m\n",
    "lone-surrogate-escape": b'id: "\\ud800"\n',
    "many-nodes": b"[" + b"1," * 250_000 + b"1]\n",
    "long-key": b"k" * 100_000 + b": 1\n",
}

# Inputs that are odd but valid: they must load exactly like the plain file.
BENIGN: dict[str, bytes] = {
    "utf8-bom": b"\xef\xbb\xbf" + _SEED_TEXT,
    "crlf-line-ends": _SEED_TEXT.replace(b"\n", b"\r\n"),
}
