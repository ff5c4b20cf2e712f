"""Reading an input file as text: size limit, UTF-8 (BOM allowed), no binary data.

Every input (YAML records, letters for ``refs``) goes through this one function, so
each refusal says the same thing with the same file:line:col."""

from __future__ import annotations

from pathlib import Path

from compliance.errors import InputError, InputErrors


def read_text_file(path: Path, display: str | None = None, *, max_bytes: int,
                   what: str = "text") -> str:
    """The file's text, or InputErrors saying where and why it cannot be read."""
    name = display or str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputErrors([InputError(name, 1, 1, f"file is {size} bytes, over the {max_bytes} "
                                          "limit", "split it into smaller files")])
        raw = path.read_bytes()
    except OSError as e:
        raise InputErrors([InputError(name, 1, 1, f"cannot read file: {e.strerror}",
                                      "check the path and its permissions")]) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        raise InputErrors([InputError(name, line, col, "file is not valid UTF-8 text",
                                      f"save it as UTF-8 {what}")]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputErrors([InputError(name, line, 1, "file contains a NUL byte (binary data?)",
                                      f"give a {what} file")])
    return text
