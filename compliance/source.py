"""Where things are in an input file: a loaded document with the 1-based line and column of
every key and value, addressed by paths of keys and indexes. A leaf, so that the
condition language and the loaders can both point at source positions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from compliance.errors import InputError

Path_ = tuple[str | int, ...]


@dataclass
class Document:
    """Loaded YAML: plain data plus 1-based (line, column) of each value and key."""

    file: str
    data: Any
    value_locs: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_locs: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def loc(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Nearest known position for ``path`` (walks up to the parent if needed)."""
        table = self.key_locs if key else self.value_locs
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.value_locs:
                return self.value_locs[p]
            p = p[:-1]
        return self.value_locs.get((), (1, 1))

    def error(self, path: Path_, problem: str, fix: str = "", *, key: bool = False,
              code: str = "invalid") -> InputError:
        line, col = self.loc(path, key=key)
        return InputError(self.file, line, col, problem, fix, code)


__all__ = ["Document", "Path_"]
