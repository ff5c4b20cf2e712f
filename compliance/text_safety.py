"""The one place where text from input files is made safe to print in a format.

Every free-text field (a position's ``where``, a motion's name, a rule's message, a file
name, a text read back from a JSON report) is hostile until it passes here. Each output
format has one function:

* :func:`line`: one line of terminal or CI-log text (text, github, the command outputs).
  Line breaks, C0 and C1 controls, DEL, bidi controls, lone surrogates and the characters
  XML forbids are written as visible escapes (``\\n``, ``\\x1b``, ``\\u202e``), so input
  text can neither start a line of its own (a GitHub workflow command ``::error``), nor
  move the cursor, clear the screen or open a link (ANSI/OSC 8), nor reorder what a
  reader sees (Trojan Source bidi overrides).
* :func:`xml`: XML character data or an attribute value (JUnit): :func:`line`, then
  markup escaped, so the document is well formed whatever the text.
* :func:`html`: HTML text or attribute (the HTML report, and HTML inside Markdown).
* :func:`md`: Markdown inline text (every Markdown producer): literal, also at a line start.

Bidi controls are escaped when writing, not refused when loading: reports are also read
back from JSON (baselines, ``diff``) without the YAML loader, and an escaped ``\\u202e``
shows the reader that the source holds one. The JSON report keeps every text exactly
(it is data, and JSON escapes control characters itself).
"""

from __future__ import annotations

import html as _html
import re

# Bidi embedding/override/isolate controls and marks (Unicode's Bidi_Control property).
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# What may not reach a reader raw: C0 controls (line breaks and tab included), DEL, C1
# controls, the Unicode line and paragraph separators, bidi controls, surrogates (which
# UTF-8 cannot encode) and the noncharacters XML forbids.
UNSAFE = re.compile(f"[\x00-\x1f\x7f-\x9f\u2028\u2029{BIDI}\ud800-\udfff\ufffe\uffff]")

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(m: re.Match[str]) -> str:
    c = m[0]
    if c in _NAMED:
        return _NAMED[c]
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def line(text: object) -> str:
    """``text`` as one printable line: every unsafe character as a visible escape."""
    s = text if isinstance(text, str) else str(text)
    # a backslash is left alone: it cannot act on a terminal, and doubling it would
    # make every Windows path and regex in a message harder to read
    return UNSAFE.sub(_escape, s)


def lines(items: list[str]) -> str:
    """Lines of text output joined: each made one safe line, so only the tool breaks lines."""
    return "".join(line(x) + "\n" for x in items)


def xml(text: object) -> str:
    """XML character data (and, quoted, attribute values): well formed whatever the text."""
    return line(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def xml_attr(text: object) -> str:
    """A quoted XML attribute value."""
    return '"' + xml(text).replace('"', "&quot;") + '"'


def html(text: object) -> str:
    """HTML text or (quoted) attribute value: markup and unsafe characters escaped."""
    return _html.escape(line(text), quote=True)


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#&!~"})
_BLOCK_START = re.compile(r"^(\d+)([.)])|^([-+=])")


def md(text: object) -> str:
    """Markdown inline text that stays literal, also at a line start: white space runs
    become one space, unsafe characters are escaped, then Markdown's punctuation."""
    s = text if isinstance(text, str) else str(text)
    out = line(" ".join(s.split())).translate(_MD_SPECIAL)
    return _BLOCK_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", out)


def md_html(text: object) -> str:
    """HTML inside Markdown (a <details> block): white space runs as one space, escaped."""
    s = text if isinstance(text, str) else str(text)
    return _html.escape(line(" ".join(s.split())), quote=False)


def excerpt(text: object, limit: int = 80) -> str:
    """A short, escaped quotation of input text for an error message."""
    s = line(text)
    return s if len(s) <= limit else s[: limit - 1] + "…"
