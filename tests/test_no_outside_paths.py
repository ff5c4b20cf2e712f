"""Nothing in the repository reads outside it (issue 23): a clean clone in an empty folder passes.

The code, tests, scripts and benchmarks are scanned for paths that leave the repository's root.
What counts (each a finding, with file:line):

* Python: a path built from ``__file__`` (``Path(__file__)``, ``os.path.abspath(__file__)`` ...),
  from a module-level name bound to one (``ROOT``, also when imported from another scanned
  module), or from a relative literal (``Path("..")``, ``open("../x")``: taken from the root,
  where the tests run) that climbs above the root through ``.parent``, ``.parents[n]``,
  ``os.path.dirname``, ``/ ".."`` or ``os.path.join(..., "..")``. The depth is counted, so
  ``Path(__file__).parent.parent`` in ``tests/conftest.py`` is the root (allowed) and the same in
  ``tests/ingest/x.py`` is not.
* Any string, also one glued from constants (``".." + "/shared"``) or an f-string's constant
  parts: a ``..`` step followed by ``shared`` (the folder CI keeps beside the clone), or an
  absolute path into ``/work/``.
* Shell scripts: ``$(dirname "$0")`` followed by more ``/..`` than the script is deep, ``../shared``
  or ``/work/``.

Not counted: ``..`` in strings that are data, not a path this code opens (hostile file names
the tests feed the workbench, ``$schema=../compliance/...`` headers relative to a written file).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT

_PATH_CALLS = ("Path", "PurePath", "abspath", "realpath", "normpath", "fspath", "str")
FOLDERS = ("tests", "compliance", "scripts", "benchmarks")
_OUTSIDE_TEXT = re.compile(r"(?:^|[/\\\s\"'=:])\.\.[/\\]+shared\b|(?:^|[\s\"'=:])/work/")
_SH_DIRNAME = re.compile(r"dirname\s+\"?\$(?:0|\{BASH_SOURCE\[0\]\}|BASH_SOURCE)\"?\s*\)\"?((?:/\.\.)+)")


def _files(suffix: str) -> list[Path]:
    # this file is left out: its examples below are what it looks for
    return sorted(p for f in FOLDERS for p in (ROOT / f).rglob(f"*{suffix}")
                  if "__pycache__" not in p.parts and ".venv" not in p.parts
                  and p.resolve() != Path(__file__).resolve())


def _module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _const_str(node: ast.AST) -> str | None:
    """The text of a string constant, of constants glued with +, or an f-string's constant parts."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        a, b = _const_str(node.left), _const_str(node.right)
        if a is not None and b is not None:
            return a + b
    if isinstance(node, ast.JoinedStr):
        return "\x00".join(v.value for v in node.values
                           if isinstance(v, ast.Constant) and isinstance(v.value, str))
    return None


def _steps(text: str) -> int:
    """How far a relative path string moves: +1 per name, -1 per ``..``."""
    depth = 0
    for part in re.split(r"[/\\]+", text):
        if part == "..":
            depth -= 1
        elif part not in ("", "."):
            depth += 1
    return depth


class _Depth(ast.NodeVisitor):
    """Folder depth below the root of path expressions; None where not a path we can follow.
    A file counts as its folder's depth plus one (``.parent`` of it is its folder)."""

    def __init__(self, path: Path, names: dict[str, int]) -> None:
        self.file_depth = len(path.relative_to(ROOT).parts)
        self.names = names
        self.found: list[tuple[int, str]] = []

    def depth(self, node: ast.AST) -> int | None:
        if isinstance(node, ast.Name):
            if node.id == "__file__":
                return self.file_depth
            return self.names.get(node.id)
        if isinstance(node, ast.Call):
            f = node.func
            fname = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            if fname in _PATH_CALLS and node.args:
                first = node.args[0]
                text = _const_str(first)
                if text is not None:
                    return None if text.startswith("/") else _steps(text)
                d = self.depth(first)
                for extra in node.args[1:]:
                    t = _const_str(extra)
                    d = None if d is None or t is None else d + _steps(t)
                return d
            if fname == "dirname" and node.args:
                d = self.depth(node.args[0])
                return None if d is None else d - 1
            if fname == "join" and node.args and isinstance(f, ast.Attribute) \
                    and isinstance(f.value, ast.Attribute) and f.value.attr == "path":
                d = self.depth(node.args[0])
                for extra in node.args[1:]:
                    t = _const_str(extra)
                    d = None if d is None or t is None else d + _steps(t)
                return d
            if isinstance(f, ast.Attribute) and f.attr in ("resolve", "absolute", "expanduser"):
                return self.depth(f.value)
            if isinstance(f, ast.Attribute) and f.attr == "joinpath":
                d = self.depth(f.value)
                for extra in node.args:
                    t = _const_str(extra)
                    d = None if d is None or t is None else d + _steps(t)
                return d
            return None
        if isinstance(node, ast.Attribute) and node.attr == "parent":
            d = self.depth(node.value)
            return None if d is None else d - 1
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                and node.value.attr == "parents" and isinstance(node.slice, ast.Constant) \
                and isinstance(node.slice.value, int):
            d = self.depth(node.value.value)
            return None if d is None else d - 1 - node.slice.value
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            d = self.depth(node.left)
            t = _const_str(node.right)
            if d is None:
                return None
            if t is not None:
                return None if t.startswith("/") else d + _steps(t)
            return d + 1  # a name we cannot read: at least one step down, never up
        return None

    def generic_visit(self, node: ast.AST) -> None:
        if isinstance(node, ast.Attribute | ast.Subscript | ast.BinOp | ast.Call):
            d = self.depth(node)
            if d is not None and d < 0:
                self.found.append((node.lineno, ast.unparse(node)))
                return  # one finding per expression, not one per enclosing expression
        super().generic_visit(node)


def _module_levels(tree: ast.Module, visitor: _Depth) -> dict[str, int]:
    out: dict[str, int] = {}
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            d = visitor.depth(stmt.value)
            if d is not None:
                out[stmt.targets[0].id] = d
                visitor.names[stmt.targets[0].id] = d
    return out


def _scan_python() -> list[str]:
    files = _files(".py")
    trees = {p: ast.parse(p.read_text(encoding="utf-8"), str(p)) for p in files}
    exported: dict[str, dict[str, int]] = {}
    for p, tree in trees.items():
        exported[_module_name(p)] = _module_levels(tree, _Depth(p, {}))
    problems = []
    for p, tree in trees.items():
        names: dict[str, int] = {}
        for stmt in ast.walk(tree):
            if isinstance(stmt, ast.ImportFrom) and stmt.module in exported:
                for alias in stmt.names:
                    if alias.name in exported[stmt.module]:
                        names[alias.asname or alias.name] = exported[stmt.module][alias.name]
        v = _Depth(p, names)
        _module_levels(tree, v)
        v.visit(tree)
        rel = p.relative_to(ROOT)
        problems += [f"{rel}:{line}: {code} leaves the repository" for line, code in v.found]
        for node in ast.walk(tree):
            text = _const_str(node)
            if text is not None and _OUTSIDE_TEXT.search(text):
                problems.append(f"{rel}:{node.lineno}: {text!r} names a place outside the repository")
    return problems


def _scan_shell() -> list[str]:
    problems = []
    for p in _files(".sh"):
        depth = len(p.relative_to(ROOT).parts) - 1
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
            m = _SH_DIRNAME.search(line)
            if (m and m.group(1).count("..") > depth) or _OUTSIDE_TEXT.search(line):
                problems.append(f"{p.relative_to(ROOT)}:{n}: {line.strip()}")
    return problems


def test_nothing_in_the_repository_reaches_outside_it() -> None:
    assert _scan_python() + _scan_shell() == []


# The scanner itself: each idiom it is documented to catch is caught, each allowed one is not.
@pytest.mark.parametrize(("where", "code", "caught"), [
    ("tests/x.py", "ROOT = Path(__file__).resolve().parent.parent\nS = ROOT.parent / 'shared'", True),
    ("tests/x.py", "ROOT = Path(__file__).resolve().parent.parent\nS = ROOT / 'tests' / 'data'", False),
    ("tests/x.py", "S = Path(__file__).parent.parent.parent / 'seed'", True),
    ("tests/x.py", "S = Path(__file__).parents[2] / 'seed'", True),
    ("tests/x.py", "S = Path(__file__).parents[1] / 'seed'", False),
    ("tests/x.py", "S = Path(__file__).parents[0] / 'seed'", False),
    ("tests/ingest/x.py", "S = Path(__file__).parent.parent.parent", False),
    ("tests/ingest/x.py", "S = Path(__file__).parent.parent.parent.parent", True),
    ("tests/x.py", "S = Path(__file__).parent.parent / '..' / 'seed'", True),
    ("tests/x.py", "S = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), '..')",
     True),
    ("tests/x.py", "S = open('../shared/seed/a.txt')", True),
    ("tests/x.py", "S = Path('..') / 'seed'", True),
    ("tests/x.py", "S = '..' + '/shared'", True),
    ("tests/x.py", "S = f'{x}/../shared/{y}'", True),
    ("tests/x.py", "S = '/work/shared/seed'", True),
    ("tests/x.py", "S = _post(c, name='../../etc/passwd')", False),
    ("tests/x.py", "HEADER = '# $schema=../compliance/schemas/motion.schema.json'", False),
])
def test_the_scanner_catches_what_it_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str,
                                          code: str, caught: bool) -> None:
    path = tmp_path / where
    path.parent.mkdir(parents=True)
    path.write_text(code, encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    monkeypatch.setattr(f"{__name__}.FOLDERS", ("tests",))
    assert bool(_scan_python()) == caught, _scan_python()


@pytest.mark.parametrize(("where", "line", "caught"), [
    ("scripts/t.sh", 'cd "$(dirname "$0")/.."', False),
    ("scripts/t.sh", 'cd "$(dirname "$0")/../.."', True),
    ("scripts/t.sh", "cat ../shared/seed/x.txt", True),
])
def test_the_shell_scanner_catches_what_it_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str,
                                                line: str, caught: bool) -> None:
    path = tmp_path / where
    path.parent.mkdir(parents=True)
    path.write_text(line + "\n", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    monkeypatch.setattr(f"{__name__}.FOLDERS", ("scripts",))
    assert bool(_scan_shell()) == caught
