"""The import graph of compliance/: no circles, and no module imports a layer above its own.

Read from the source with ast, imports inside functions included (a lazy import is still
a dependency), so the test cannot be fooled by import order. The layers are the ones
README.md ("Layout") and CONTRIBUTING.md draw, bottom up.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "compliance"

# bottom up; a module belongs to the layer of its longest matching prefix
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("leaves", ("compliance.errors", "compliance.logic", "compliance.verdict", "compliance.version",
                "compliance.i18n", "compliance.dates", "compliance.source", "compliance.progress",
                "compliance.text_safety",
                "compliance.model")),
    ("language", ("compliance.conditions", "compliance.pack")),
    ("loading", ("compliance.loading", "compliance.schemas")),
    ("backends", ("compliance.backends",)),
    ("evaluation", ("compliance.evaluate", "compliance.standstill", "compliance.deadlines",
                    "compliance.gate")),
    ("reports", ("compliance.reports",)),
    ("services", ("compliance", "compliance.api", "compliance.parallel", "compliance.baseline",
                  "compliance.timeline", "compliance.authoring", "compliance.ingest",
                  "compliance.scaffold")),
    ("interfaces", ("compliance.cli", "compliance.web", "compliance.__main__",
                    "compliance.schemas.__main__")),
)
# interfaces stand side by side: none imports another
INTERFACES = ("compliance.cli", "compliance.web")


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _imported(tree: ast.AST, module: str, is_package: bool) -> Iterator[str]:
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            # a name is a submodule or something defined in ``base``: resolve() decides
            yield from (f"{base}.{a.name}" for a in node.names)


def graph() -> dict[str, set[str]]:
    mods = modules()

    def resolve(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    edges: dict[str, set[str]] = {}
    for name, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        targets = {resolve(n) for n in _imported(tree, name, path.name == "__init__.py")
                   if n == "compliance" or n.startswith("compliance.")}
        edges[name] = {t for t in targets if t is not None and t != name}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = 0
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    on.add(w)
                    work.append((w, iter(sorted(edges.get(w, ())))))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    x = stack.pop()
                    on.discard(x)
                    comp.append(x)
                    if x == v:
                        break
                if len(comp) > 1:
                    found.append(sorted(comp))
    return found


def layer(module: str) -> int:
    best, best_len = -1, -1
    for i, (_, prefixes) in enumerate(LAYERS):
        for p in prefixes:
            if (module == p or module.startswith(p + ".")) and len(p) > best_len:
                best, best_len = i, len(p)
    return best


def subpackage(module: str) -> str:
    parts = module.split(".")
    return ".".join(parts[:2])


EDGES = graph()


def test_the_graph_is_read() -> None:
    assert "compliance.verdict" in EDGES["compliance.evaluate.findings"]
    assert "compliance.cli.app" in EDGES["compliance.cli.check"]


def test_every_module_has_a_layer() -> None:
    assert [m for m in EDGES if layer(m) < 0] == []


def test_no_import_circle_between_modules() -> None:
    assert cycles(EDGES) == []


def test_no_circle_between_subpackages() -> None:
    packs: dict[str, set[str]] = {}
    for m, targets in EDGES.items():
        packs.setdefault(subpackage(m), set()).update(
            subpackage(t) for t in targets if subpackage(t) != subpackage(m))
    assert cycles(packs) == []


def test_no_upward_import() -> None:
    upward = sorted(f"{m} ({LAYERS[layer(m)][0]}) imports {t} ({LAYERS[layer(t)][0]})"
                    for m, targets in EDGES.items() for t in targets if layer(t) > layer(m))
    assert upward == []


def test_interfaces_never_import_each_other() -> None:
    def interface(m: str) -> str | None:
        return next((i for i in INTERFACES if m == i or m.startswith(i + ".")), None)

    crossing = sorted(f"{m} -> {t}" for m, targets in EDGES.items() for t in targets
                      if interface(m) and interface(t) and interface(m) != interface(t))
    assert crossing == []


@pytest.mark.parametrize("edges, expected", [
    ({"a": {"b"}, "b": {"a"}, "c": set()}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
])
def test_the_cycle_finder_finds_cycles(edges: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert cycles(edges) == expected
