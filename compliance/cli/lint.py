"""`compliance lint`: errors and suspect spots in motions/ and rules/."""

from __future__ import annotations

from pathlib import Path

from compliance.cli.app import (
    Lang,
    LangOpt,
    MethodName,
    MethodOpt,
    TextJson,
    TextJsonOpt,
    WorkspaceOpt,
    app,
    emit,
    guarded,
)


@app.command()
def lint(workspace: WorkspaceOpt = Path("."), fmt: TextJsonOpt = TextJson.text,
         lang: LangOpt = Lang.nl, method: MethodOpt = MethodName.auto) -> None:
    """Find errors and suspect spots in motions/ and rules/: unknown names, type
    mismatches, concept cycles, overlaps, gaps, motions without rules. Exit 1 on
    errors, 0 with warnings only."""

    def body() -> int:
        from compliance.authoring import lint as lint_mod
        from compliance.errors import InputErrors
        from compliance.gate import exit_code
        from compliance.loading.workspace import workspace_problem

        missing = workspace_problem(workspace)
        if missing is not None:
            raise InputErrors([missing])
        issues = lint_mod.lint(workspace, lang=lang.value, method=method.value)
        emit(lint_mod.render_json(issues) if fmt is TextJson.json
             else lint_mod.render_text(issues, lang.value), None)
        return exit_code(lint_mod.counts(issues)[0] > 0)

    guarded(body, lang=lang)
