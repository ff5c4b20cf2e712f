"""pytest collects the YAML rule tests (``rules/<dossier>/tests/*.yaml``) as test items,
one per case, as OpenFisca does with its YAML tests. Registered as a ``pytest11``
entry point, so ``pytest rules/`` (or plain ``pytest``) runs them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from compliance.errors import InputErrors

_workspaces: dict[Path, Any] = {}


def _is_rule_test(path: Path) -> bool:
    return (path.suffix in (".yaml", ".yml") and path.parent.name == "tests"
            and path.parent.parent.parent.name == "rules")


def _workspace(root: Path) -> Any:
    from compliance.loading.workspace import load_workspace

    if root not in _workspaces:
        _workspaces[root] = load_workspace(root)
    return _workspaces[root]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if _is_rule_test(file_path):
        return RuleTestYaml.from_parent(parent, path=file_path)
    return None


class RuleTestYaml(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        from compliance.authoring.ruletests import load_cases

        ws = _workspace(self.path.parents[3].resolve())
        try:
            cases = load_cases(ws, self.path)
        except InputErrors as e:
            raise self.CollectError(e.render()) from None
        for case in cases:
            yield RuleTestItem.from_parent(self, name=case.model.name, case=case, ws=ws)


class RuleTestItem(pytest.Item):
    def __init__(self, *, case: Any, ws: Any, **kw: Any) -> None:
        super().__init__(**kw)
        self.case, self.ws = case, ws

    def runtest(self) -> None:
        from compliance.authoring.ruletests import run_cases

        (result,) = run_cases(self.ws, [self.case])
        wrong = [e for e in result.expectations if not e.ok]
        if wrong:
            raise RuleTestFailure(wrong)

    def repr_failure(self, excinfo: Any, style: Any = None) -> str:
        if isinstance(excinfo.value, RuleTestFailure):
            return "\n".join(f"{self.case.file}:{self.case.line}: {e.rule}: expected {e.expected}, "
                             f"got {e.actual}" for e in excinfo.value.wrong)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.case.line - 1, f"rule test: {self.name}"


class RuleTestFailure(Exception):
    def __init__(self, wrong: list[Any]) -> None:
        super().__init__(f"{len(wrong)} expectation(s) not met")
        self.wrong = wrong
