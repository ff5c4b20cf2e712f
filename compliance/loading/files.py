"""Finding the YAML files in a folder, so that none vanishes without a word.

A file skipped in silence is a position not checked: a conflict that never shows. So
the walk reports, as located input errors, what it cannot read (a folder without read
permission, a broken link, a link loop, a folder linked from outside the tree), and
reads ``.YAML``/``.Yml`` like ``.yaml``. Dot-folders (``.git/``, ``.venv/``) are not
positions and are not entered.
"""

from __future__ import annotations

import os
from pathlib import Path

from compliance.errors import InputError, Text, msg

SUFFIXES = (".yaml", ".yml")


def is_yaml(name: str) -> bool:
    return name.lower().endswith(SUFFIXES)


def yaml_files(folder: Path, errors: list[InputError], *, recursive: bool = False,
               root: Path | None = None) -> list[Path]:
    """The YAML files in ``folder`` (and, ``recursive``, below it), sorted; what cannot be
    read is added to ``errors``. A folder reached through a symbolic link is entered only
    when it lies inside ``root`` (default: ``folder``) and was not entered before."""
    top = (root or folder).resolve()
    out: list[Path] = []
    seen: set[Path] = set()
    todo = [folder]
    while todo:
        current = todo.pop()
        try:
            real = current.resolve(strict=True)
            if real in seen:
                errors.append(InputError(str(current), 1, 1, Text(
                    "a symbolic link loop: this folder is already read",
                    "een kring van symbolische koppelingen: deze map is al gelezen"),
                    Text("remove the link", "verwijder de koppeling")))
                continue
            seen.add(real)
            with os.scandir(current) as it:
                entries = sorted(it, key=lambda e: e.name)
        except (OSError, RuntimeError) as e:
            errors.append(InputError(str(current), 1, 1, msg("e_cannot_read_folder",
                                                             error=getattr(e, "strerror", None) or e),
                                     msg("e_check_permissions_fix")))
            continue
        below: list[Path] = []
        for entry in entries:
            path = Path(entry.path)
            try:
                is_dir = entry.is_dir()
                if entry.is_symlink():
                    target = path.resolve(strict=True)  # a loop or a dangling link raises
                    if is_dir and recursive and not target.is_relative_to(top):
                        errors.append(InputError(str(path), 1, 1, Text(
                            "a symbolic link to a folder outside the workspace: not read",
                            "een symbolische koppeling naar een map buiten de werkruimte: niet gelezen"),
                            Text("copy the files into the workspace",
                                 "kopieer de bestanden naar de werkruimte")))
                        continue
            except (OSError, RuntimeError) as e:
                if is_yaml(entry.name) or recursive:
                    why = getattr(e, "strerror", None) or e
                    errors.append(InputError(str(path), 1, 1, Text(
                        f"a broken symbolic link or a link loop: {why}",
                        f"een kapotte symbolische koppeling of een kring van koppelingen: {why}"),
                        Text("fix or remove the link", "herstel of verwijder de koppeling")))
                continue
            if is_dir:
                if recursive and not entry.name.startswith("."):
                    below.append(path)
            elif is_yaml(entry.name):
                # a FIFO or device named *.yaml is kept: reading it refuses it, in words
                out.append(path)
        todo.extend(reversed(below))
    return sorted(out)
