"""Reading an input file as text: size limit, UTF-8 (BOM allowed), no binary data.

Every input (YAML records, letters for ``refs``) goes through this one function, so
each refusal says the same thing with the same file:line:col."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from compliance.errors import InputError, InputErrors, Text, msg, same

_TEXT = Text("text", "tekst")


def read_file_bytes(path: Path, display: str | None = None, *, max_bytes: int,
                    what: str = _TEXT, root: Path | None = None) -> bytes:
    """The file's bytes, or InputErrors saying where and why it cannot be read.

    Only a regular file is read (a FIFO would block for ever, /dev/zero never end), and
    the read itself stops at ``max_bytes``, whatever the size stat reported. With
    ``root``, a symbolic link out of that folder is refused before anything is read, so
    no part of the file it points at reaches an error message."""
    name = display or str(path)
    if root is not None:
        _inside(path, root, name)
    try:
        # O_NONBLOCK: opening a FIFO without a writer returns at once (and is refused below)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise InputErrors([InputError(name, 1, 1, msg("e_cannot_read_file", error=e.strerror),
                                      msg("e_check_path_fix"))]) from None
    # the type is checked on the descriptor before Python wraps it: fdopen refuses a folder
    # with an error that names the descriptor, not the file
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        os.close(fd)
        kind = Text("a folder", "een map") if stat.S_ISDIR(st.st_mode) else \
            Text("not a regular file (a device, pipe or socket)",
                 "geen gewoon bestand (een apparaat, pipe of socket)")
        raise InputErrors([InputError(name, 1, 1, Text(f"{kind}: not read", f"{kind.nl}: niet gelezen"),
                                      _give(what))])
    with os.fdopen(fd, "rb") as f:
        try:
            raw = f.read(max_bytes + 1)
        except OSError as e:
            raise InputErrors([InputError(name, 1, 1, msg("e_cannot_read_file", error=e.strerror),
                                          msg("e_check_path_fix"))]) from None
    if len(raw) > max_bytes:
        size = max(st.st_size, len(raw))
        raise InputErrors([InputError(name, 1, 1, Text(f"file is {size} bytes, over the {max_bytes} limit",
                                                       f"het bestand is {size} bytes, meer dan de grens van "
                                                       f"{max_bytes}"), msg("e_split_fix"))])
    return raw


def _give(what: str) -> Text:
    """'give a <what> file' in both languages (``what`` a Text, or the same in both)."""
    what_ = same(what)
    return Text(f"give a {what_} file", f"geef een bestand met {what_.nl}")


def read_text_file(path: Path, display: str | None = None, *, max_bytes: int,
                   what: str = _TEXT, root: Path | None = None) -> str:
    """The file's UTF-8 text (a BOM allowed, no NUL byte), read as read_file_bytes reads."""
    name = display or str(path)
    raw = read_file_bytes(path, name, max_bytes=max_bytes, what=what, root=root)
    return decode_text(raw, name, what)


def decode_text(raw: bytes, name: str, what: str = _TEXT) -> str:
    """Bytes as UTF-8 text (a BOM allowed, no NUL byte), or InputErrors located at the first
    bad byte: the rule for a file on disk and for an upload alike."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        what_ = same(what)
        raise InputErrors([InputError(name, line, col, Text("file is not valid UTF-8 text",
                                                            "het bestand is geen geldige UTF-8-tekst"),
                                      Text(f"save it as UTF-8 {what_}", "sla het bestand op in UTF-8"))
                           ]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InputErrors([InputError(name, line, 1, Text("file contains a NUL byte (binary data?)",
                                                          "het bestand bevat een NUL-byte (binaire "
                                                          "gegevens?)"),
                                      _give(what))])
    return text


def _inside(path: Path, root: Path, name: str) -> None:
    """Refuse ``path`` when it is a symbolic link to a file outside ``root``. (A file the
    user names outside the workspace is read: that is the user's choice; folders linked
    out of the workspace are refused by the walk, compliance.loading.files.)"""
    if not os.path.islink(path):
        return
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a loop, or a dangling link: the open says which
        return
    if not real.is_relative_to(root.resolve()):
        raise InputErrors([InputError(name, 1, 1, Text("a symbolic link to a file outside the workspace: "
                                                       "not read", "een symbolische koppeling naar een "
                                                                   "bestand "
                                                       "buiten de werkruimte: niet gelezen"),
                                      Text("copy the file into the workspace, or link within it",
                                           "kopieer het bestand naar de werkruimte, of koppel binnen de "
                                           "werkruimte"))])
