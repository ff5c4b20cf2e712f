"""`compliance draft-rule MOTION`: propose a motion's rule from its own words; `--score FOLDER`
measures the drafter on dicta with expected rules."""

from __future__ import annotations

import json
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from compliance.cli.app import (
    Lang,
    LangOpt,
    OutputOpt,
    WorkspaceOpt,
    app,
    bad_option,
    check_output,
    emit,
    guarded,
)
from compliance.errors import Text, msg


class DraftRuleFormat(StrEnum):
    text = "text"
    yaml = "yaml"
    json = "json"


class Half(StrEnum):
    tune = "tune"
    measure = "measure"


@app.command("draft-rule")
def draft_rule(
    motion: Annotated[str | None, typer.Argument(help="a motion id of the workspace (e.g. 26643-1047) "
                                                  "or a motion record file")] = None,
    dossier: Annotated[str | None, typer.Option("--dossier", "-d", help="the dossier whose vocabulary "
                                                "is used (default: the record's first)")] = None,
    dictum: Annotated[Path | None, typer.Option("--dictum", help="a text file with the dictum as "
                                                "published (default: the record's clause requests)")] = None,
    workspace: WorkspaceOpt = Path("."),
    output: OutputOpt = None,
    tests_output: Annotated[Path | None, typer.Option("--tests-output", help="write the drafted rule "
                                                      "tests to this file (atomically)")] = None,
    fmt: Annotated[DraftRuleFormat, typer.Option("--format", "-f", help="text: every part with its "
                                                 "words; yaml: the rule file; json: everything")]
    = DraftRuleFormat.text,
    lang: LangOpt = Lang.en,
    score: Annotated[Path | None, typer.Option("--score", help="a folder of dicta with expected rules "
                                               "(.md): print kinds right, facts right, inversions")] = None,
    half: Annotated[Half | None, typer.Option("--half", help="with --score: only the tune or the "
                                              "measure half (from the folder's README table)")] = None,
) -> None:
    """Draft a motion's rule from its dictum: kind, time, facts, conditions, tests, the rule in
    words; every part names its words. Exit 0: a valid rule; 1: something blocks it (listed);
    2: bad input. With --score: exit 1 when a drafted condition inverts an expected one."""

    def body() -> int:
        from compliance.authoring import draft_rule as dr

        if score is not None:
            if motion is not None:
                raise bad_option("--score", Text("give either MOTION or --score FOLDER, not both",
                                                 "geef MOTIE of --score MAP, niet beide"))
            if not score.is_dir():
                raise bad_option("--score", Text(f"{score} is not a folder", f"{score} is geen map"),
                                 Text("give a folder of .md files (or of dossier folders holding them)",
                                      "geef een map met .md-bestanden (of met dossiermappen die ze "
                                      "bevatten)"))
            from compliance.authoring.draft_rule_score import render, score_folder
            from compliance.loading.workspace import load_workspace_partial

            ws, _ = load_workspace_partial(workspace)
            scores = score_folder(score, {k: v.model for k, v in ws.vocabularies.items()},
                                  half.value if half else None)
            if not scores:
                part = (f" for half {half.value}", f" voor helft {half.value}") if half else ("", "")
                raise bad_option("--score", Text(f"no motion files in {score}{part[0]}",
                                                 f"geen motiebestanden in {score}{part[1]}"),
                                 Text("give a folder with <motion>.md files",
                                      "geef een map met <motie>.md-bestanden"))
            emit(render(scores, lang.value), output)
            return 1 if any(s.inversions for s in scores) else 0
        if motion is None:
            raise bad_option("MOTION", Text("no motion given", "geen motie gegeven"),
                             Text("give a motion id or record file, or --score FOLDER",
                                  "geef een motie-id of motierecord, of --score MAP"))
        # a drafted rule is meant to go into rules/; no existing file is ever replaced (below)
        inputs = [workspace / "motions", *([dictum] if dictum else []),
                  *([Path(motion)] if motion.endswith((".yaml", ".yml")) else [])]
        check_output(output, inputs)
        check_output(tests_output, inputs)
        for target in (output, tests_output):
            if target is not None and os.path.lexists(target):
                raise bad_option("--output" if target is output else "--tests-output",
                                 Text(f"{target} already exists", f"{target} bestaat al"),
                                 msg("e_exists_fix"))
        text = None
        if dictum is not None:
            from compliance.loading.textfile import read_text_file

            text = read_text_file(dictum, max_bytes=1_000_000)
        d = dr.draft_motion(workspace, motion, dossier, text, lang.value)
        if fmt is DraftRuleFormat.json:
            content = json.dumps(dr.as_data(d), ensure_ascii=False, indent=2) + "\n"
        elif fmt is DraftRuleFormat.yaml:
            content = d.rule_text or ""
        else:
            content = dr.render_report(d, lang.value)
        if output is not None and fmt is DraftRuleFormat.text and d.rule_text is not None:
            emit(d.rule_text, output)  # the file is the rule; the report goes to the screen
            typer.echo(content, nl=False)
        else:
            emit(content, output)
        if tests_output is not None and d.tests_text is not None:
            emit(d.tests_text, tests_output)
        return 1 if d.blockers or d.rule_text is None else 0

    guarded(body, lang=lang)
