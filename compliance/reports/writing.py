"""Writing an output file: atomically where a rename is safe, straight through where not.

A rename replaces whatever the name points at, so it is used only for what it is meant
for, a regular file or a missing path:

* a regular file or a missing path: a temporary file in the same folder, renamed over
  it, so a reader never sees half a report;
* a symbolic link: followed, link by link, and its final target written by these same
  rules (a regular file is replaced atomically in the target's folder; the link stays a
  link). ``/dev/stdout`` and other links to ``/proc/self/fd/N`` are written through the
  link, since the process's own descriptors are not files to replace;
* a device, a FIFO: written through (opened for appending, never created or truncated),
  as ``> /dev/null`` or a pipe would be;
* a folder or a socket: refused.

Every refusal and every error of the file system (a read-only folder, a name too long)
is an :class:`InputErrors` naming the path: the user's to fix, exit 2 in the CLI.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from compliance.errors import InputError, InputErrors, Text, msg

MAX_LINKS = 40  # as the kernel's own limit on a path's symbolic links
# the process's file descriptors: a link to one is written through, never resolved
_FD_PATH = re.compile(r"^/(proc/(self|thread-self|\d+)|dev)/fd/\d+$")


def _refuse(display: str, problem: Text, fix: Text) -> InputErrors:
    return InputErrors([InputError(display, 1, 1, problem, fix)])


def _os_error(display: str, e: OSError) -> InputErrors:
    fix = _FIXES.get(errno.errorcode.get(e.errno or 0, ""),
                     Text("check that the folder exists and is writable",
                          "controleer of de map bestaat en beschrijfbaar is"))
    why = e.strerror or e
    return _refuse(display, Text(f"cannot write the output file: {why}",
                                 f"kan het uitvoerbestand niet schrijven: {why}"), fix)


_FIXES = {"ENAMETOOLONG": Text("use a shorter file name (at most 255 bytes)",
                               "gebruik een kortere bestandsnaam (ten hoogste 255 bytes)"),
          "EISDIR": Text("give a file name, not a folder", "geef een bestandsnaam, geen map"),
          "ENOTDIR": Text("a part of the path is a file, not a folder: check the path",
                          "een deel van het pad is een bestand, geen map: controleer het pad"),
          "EROFS": Text("write to a folder on a writable file system",
                        "schrijf naar een map op een beschrijfbaar bestandssysteem")}


def _parts(content: str | Iterable[bytes]) -> Iterable[bytes]:
    return [content.encode()] if isinstance(content, str) else content


def write_atomically(path: Path, content: str | Iterable[bytes]) -> None:
    """Write ``content`` (text, or UTF-8 bytes in parts: a report streamed as it is made)
    to ``path`` by the rules of the module docstring: never half a report in a regular
    file, never a rename over anything that is not a regular file."""
    display = str(path)
    target = Path(path)
    for _ in range(MAX_LINKS):
        try:
            st: os.stat_result | None = os.lstat(target)
        except FileNotFoundError:
            st = None
        except OSError as e:
            raise _os_error(display, e) from None
        if st is None or stat.S_ISREG(st.st_mode):
            _replace(target, content, display)
            return
        if stat.S_ISLNK(st.st_mode):
            try:
                link = os.readlink(target)
            except OSError as e:
                raise _os_error(display, e) from None
            following = Path(os.path.join(os.path.dirname(target), link))
            if _FD_PATH.match(os.path.normpath(following)) or _FD_PATH.match(os.path.normpath(target)):
                _write_through(target, content, display)
                return
            target = following
            continue
        if stat.S_ISDIR(st.st_mode):
            raise _refuse(display, msg("e_output_folder"), msg("e_output_file_fix"))
        if stat.S_ISSOCK(st.st_mode):
            raise _refuse(display, Text("the output is a socket", "de uitvoer is een socket"),
                          Text("give a file name", "geef een bestandsnaam"))
        _write_through(target, content, display)  # a device or a FIFO
        return
    raise _refuse(display, Text("too many symbolic links (a loop?)",
                                "te veel symbolische koppelingen (een kring?)"),
                  Text("give the file itself", "geef het bestand zelf"))


def _write_through(target: Path, content: str | Iterable[bytes], display: str) -> None:
    """A device, pipe or descriptor: opened as it is (no create, no truncate) and written."""
    try:
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as e:
        raise _os_error(display, e) from None
    with os.fdopen(fd, "wb") as f:
        for part in _parts(content):
            f.write(part)


def _replace(path: Path, content: str | Iterable[bytes], display: str) -> None:
    """A temporary file in the same folder, renamed over ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name[:40]}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise _os_error(display, e) from None
    try:
        with os.fdopen(fd, "wb") as f:
            for part in _parts(content):
                f.write(part)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp makes the file private; a report is meant to be read like any other output
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise _os_error(display, e) from None
        raise
