"""The position editor: the form generated from the dossier vocabulary, the live verdicts
of the unsaved draft, its explanation, saving into the workspace."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from compliance.errors import InputErrors, localize, said
from compliance.i18n import t
from compliance.model.motion import motion_sort_key
from compliance.model.output import FactChange
from compliance.model.vocabulary import Vocabulary
from compliance.web import forms, letter, views
from compliance.web.pages import (
    FILE_PATTERN,
    error_page,
    fragment,
    lang_of,
    page,
    posted,
    view_state,
    workbench,
)
from compliance.web.service import NEW_DIR, PathRefused, StaleFile, Workbench, check_date, sha256

router = APIRouter()


def vocab_for(wb: Workbench, dossier: str | None) -> tuple[str, Vocabulary]:
    ws = wb.workspace()
    if not dossier or dossier not in ws.vocabularies:
        dossier = sorted(ws.vocabularies)[0]
    return dossier, ws.vocabularies[dossier].model


def interp_choices(wb: Workbench, dossier: str) -> list[dict[str, Any]]:
    ws = wb.workspace()
    out = []
    for m in sorted(ws.rules, key=motion_sort_key):
        r = ws.rules[m]
        if r.model.dossier == dossier and len(r.model.interpretations) > 1:
            out.append({"motion": m, "name": ws.motions[m].record.short_name,
                        "options": r.model.interpretations,
                        "default": r.model.default_interpretation().name})
    return out


def chosen_interps(form: forms.Form) -> dict[str, str]:
    return {k.removeprefix("_interp."): v[-1] for k, v in form.values.items()
            if k.startswith("_interp.") and v and v[-1]}


def render(request: Request, lang: str, data: dict[str, Any], *, file: str, sha: str,
           as_of: str = "", interps: dict[str, str] | None = None,
           errors: dict[str, list[str]] | None = None, error_list: list[str] | None = None,
           notice: str = "", status: int = 200, paste: str = "", paste_errors: list[str] | None = None,
           filename: str = "", letter_text: str = "", letter_name: str = "",
           letter_errors: list[str] | None = None, draft: Any = None, draft_id: str = "",
           fresh: bool = False) -> HTMLResponse:
    wb = workbench(request)
    ws = wb.workspace()
    dossier, vocab = vocab_for(wb, data.get("dossier") if isinstance(data.get("dossier"), str) else None)
    data.setdefault("dossier", dossier)
    # an empty new form has nothing to check yet: no greeting with "missing 'actor'"
    panel = {"errors": [], "report": None, "fresh": True} if fresh else \
        verdict_panel(wb, lang, data, file, as_of, interps or {})
    held = None if fresh else standing_of(wb, data, file)
    pane = None
    if letter_text.strip():
        # re-rendered (a language switch, a row added): the letter is drafted again
        # for its passages; the facts shown are those of the form, as edited
        if draft is None:
            draft, errs = letter.draft_or_errors(letter_text, ws, dossier, letter_name or "brief.txt", lang)
            letter_errors = [*(letter_errors or []), *errs]
        if draft is not None:
            pane = letter.pane(letter_text, letter_name or "brief.txt", draft)
    return page(request, "editor.html", lang, status=status, data=data, vocab=vocab, dossier=dossier,
                file=file, sha=sha, as_of=as_of, interps=interps or {}, choices=interp_choices(wb, dossier),
                errors=errors or {}, error_list=error_list or [], notice=notice, panel=panel,
                motions=sorted(ws.motions, key=motion_sort_key), ws=ws, paste=paste,
                paste_errors=paste_errors or [], filename=filename, letter=pane,
                letter_text=letter_text, letter_name=letter_name, letter_errors=letter_errors or [],
                letter_open=bool(letter_errors) or (not file and not pane and not data.get("id")),
                statements=("will_execute", "will_not_execute", "executed", "partially_executed"),
                positions=wb.position_files(), new_dir=NEW_DIR, draft_id=draft_id,
                base_url=str(request.base_url), awaiting=forms.awaiting_words(), held=held,
                groups=[(g, [n for n, f in vocab.facts.items() if f.group == g])
                        for g in ("text", "cabinet", "process")
                        if any(f.group == g for f in vocab.facts.values())])


def standing_of(wb: Workbench, data: dict[str, Any], file: str) -> dict[str, Any] | None:
    """The form against the dossier's earlier positions (views.standing_changes); none for
    a form that does not load yet (its errors are shown with the verdicts)."""
    try:
        pos = wb.load_draft(forms.to_yaml(data), file or f"{NEW_DIR}/draft.yaml")
        return views.standing_changes(wb.workspace(), pos, wb.positions())
    except InputErrors:
        return None


def verdict_panel(wb: Workbench, lang: str, data: dict[str, Any], file: str, as_of: str,
                  interps: dict[str, str]) -> dict[str, Any]:
    """The live verdicts of a draft: per motion, its clauses with reasons and suggestions."""
    text = forms.to_yaml(data)
    name = file or f"{NEW_DIR}/draft.yaml"
    if as_of:
        try:
            check_date(as_of)
        except InputErrors as e:
            return {"errors": [("_as_of", t("wb_as_of", lang), t("wb_err_date", lang, value=as_of))
                               for _ in e.errors[:1]], "report": None}
    _, vocab = vocab_for(wb, data.get("dossier") if isinstance(data.get("dossier"), str) else None)
    problems = forms.form_errors(data, vocab, lang)
    if problems:
        return {"errors": [(k, forms.field_label(k, vocab, lang), m) for k, ms in problems.items()
                           for m in ms], "report": None}
    try:
        pos, report = wb.check_draft(text, name, lang, as_of or None, interps or None)
    except InputErrors as e:
        fields = forms.error_fields(text, e.errors, lang)
        return {"errors": [(k, forms.field_label(k, vocab, lang), m) for k, ms in fields.items()
                           for m in ms], "report": None}
    suggestions: dict[tuple[str, int], list[list[FactChange]]] = {}
    for s in wb.suggestions(pos, report, as_of or None, interps or None):
        suggestions.setdefault((s.motion, s.clause), []).append(s.changes)
    by_motion: dict[str, list[Any]] = {}
    for f in report.findings:
        by_motion.setdefault(f.motion, []).append(f)
    return {"errors": [], "report": report, "by_motion": by_motion, "suggestions": suggestions,
            "as_of": as_of or pos.model.date}


@router.get("/editor", response_class=HTMLResponse)
def editor_get(request: Request, file: str = Query("", pattern=r"^$|" + FILE_PATTERN[1:]),
               dossier: str = "", saved: str = "", draft: str = Query("", max_length=40)) -> HTMLResponse:
    """The editor at an address: a file, a kept unsaved draft (``draft=<id>``) or an empty
    form; ``as_of=`` and ``interp.<motion>=`` choose how the verdicts are taken."""
    lang = lang_of(request)
    wb = workbench(request)
    as_of, interps = view_state(request, wb)
    if draft:
        state = wb.draft_state(draft)
        return render(request, lang, state["data"], file=str(state.get("file") or ""),
                      sha=str(state.get("sha") or ""), as_of=as_of or str(state.get("as_of") or ""),
                      interps=interps or dict(state.get("interps") or {}),
                      filename=str(state.get("filename") or ""),
                      letter_text=letter.clean_letter(str(state.get("letter_text") or "")),
                      letter_name=letter.clean_name(str(state["letter_name"])) if state.get("letter_name")
                      else "", draft_id=draft,
                      notice=t("wb_draft_kept", lang))
    if not file:
        return render(request, lang, {"dossier": dossier} if dossier else {}, file="", sha="",
                      as_of=as_of, interps=interps, fresh=True)
    text = wb.read(file)
    try:
        from compliance.loading.yaml_safe import load_text

        data = load_text(text, file).data
    except InputErrors as e:
        return error_page(request, lang, [x.render(lang) for x in e.errors], 400)
    if not isinstance(data, dict):
        return error_page(request, lang, [t("wb_not_position", lang, file=file)], 400)
    error_list: list[str] = []
    try:
        wb.load_draft(text, file)
    except InputErrors as e:
        error_list = [x.render(lang) for x in sorted(set(e.errors))]
    source: dict[str, Any] = data["source"] if isinstance(data.get("source"), dict) else {}
    kept = wb.read_letter(str(source.get("file") or ""))
    return render(request, lang, data, file=file, sha=sha256(text), error_list=error_list,
                  as_of=as_of, interps=interps,
                  letter_text=letter.clean_letter(kept) if kept else "",
                  letter_name=str(source.get("file")).rpartition("/")[2] if kept else "",
                  notice=t("wb_saved", lang, file=file) if saved else "")


@router.post("/editor/share")
async def editor_share(request: Request) -> Response:
    """Keep the unsaved form under an id in the workspace's drafts folder and go to its
    address: a link a colleague can open, and the language switch (which keeps the state)."""
    form = await posted(request)
    lang = lang_of(request, form.get("_switch_lang") or form.get("_lang"))
    wb = workbench(request)
    data, file, sha, as_of, interps = form_state(wb, form)
    state = {"data": data, "file": file, "sha": sha, "as_of": as_of, "interps": interps,
             "filename": form.get("_filename"), **letter_of(form)}
    try:
        key = wb.keep_draft(state)
    except OSError:
        # a workspace that cannot be written: the state is kept in the page, without an address
        return render(request, lang, data, file=file, sha=sha, as_of=as_of, interps=interps,
                      filename=form.get("_filename"), notice=t("wb_draft_not_kept", lang),
                      **letter_of(form))
    return RedirectResponse("/editor?" + urlencode({"draft": key, "lang": lang}), status_code=303)


def letter_of(form: forms.Form) -> dict[str, Any]:
    """The letter a re-rendered editor carries along (hidden in its form)."""
    name = form.get("_letter_name")
    return {"letter_text": letter.clean_letter(form.raw("_letter")),
            "letter_name": letter.clean_name(name) if name else ""}


def form_state(wb: Workbench, form: forms.Form) -> tuple[dict[str, Any], str, str, str, dict[str, str]]:
    _, vocab = vocab_for(wb, form.get("dossier"))
    data = forms.position_from_form(vocab, form)
    file = form.get("_file")
    if file:
        wb.resolve(file)
    return data, file, form.get("_sha"), form.get("_as_of"), chosen_interps(form)


@router.post("/editor", response_class=HTMLResponse)
async def editor_post(request: Request) -> HTMLResponse:
    """Re-render the editor from its posted fields: a language switch, a row added,
    or a position pasted as YAML text. Nothing is saved."""
    form = await posted(request)
    lang = lang_of(request, form.get("_switch_lang") or form.get("_lang"))
    wb = workbench(request)
    paste = form.raw("_paste")
    if form.get("_action") == "paste":
        try:
            pos = wb.load_draft(paste, f"{NEW_DIR}/pasted.yaml")
        except InputErrors as e:
            data, file, sha, as_of, interps = form_state(wb, form)
            return render(request, lang, data, file=file, sha=sha, as_of=as_of, interps=interps,
                          paste=paste, paste_errors=[x.render(lang) for x in sorted(set(e.errors))],
                          status=400, filename=form.get("_filename"))
        from compliance.loading.yaml_safe import load_text

        data = load_text(paste, "pasted").data
        return render(request, lang, data, file="", sha="", filename=f"{pos.model.id}.yaml",
                      notice=t("wb_pasted", lang))
    data, file, sha, as_of, interps = form_state(wb, form)
    add = form.get("_add")
    if add in ("planned_steps", "declarations", "scenarios"):
        rows = data.setdefault(add, [])
        rows.append({"name": f"scenario_{len(rows) + 1}"} if add == "scenarios" else {})
    return render(request, lang, data, file=file, sha=sha, as_of=as_of, interps=interps,
                  filename=form.get("_filename"), **letter_of(form))


@router.post("/editor/verdicts", response_class=HTMLResponse)
async def editor_verdicts(request: Request) -> HTMLResponse:
    """The verdict panel for the posted (unsaved) form: what the page swaps in while editing."""
    form = await posted(request)
    lang = lang_of(request, form.get("_lang"))
    wb = workbench(request)
    data, file, _sha, as_of, interps = form_state(wb, form)
    panel = verdict_panel(wb, lang, data, file, as_of, interps)
    return fragment(request, "_verdicts.html", lang, panel=panel, file=file)


@router.post("/editor/explain")
async def editor_explain(request: Request, motion: str = Query(..., max_length=80)) -> Response:
    """The explanation of the unsaved form: kept as a draft, then shown at its address."""
    form = await posted(request)
    lang = lang_of(request, form.get("_lang"))
    wb = workbench(request)
    data, file, sha, as_of, interps = form_state(wb, form)
    key = wb.keep_draft({"data": data, "file": file, "sha": sha, "as_of": as_of, "interps": interps,
                         "filename": form.get("_filename"), **letter_of(form)})
    return RedirectResponse("/finding?" + urlencode({"draft": key, "motion": motion, "lang": lang}),
                            status_code=303)


@router.post("/editor/save", response_class=HTMLResponse)
async def editor_save(request: Request) -> Response:
    """Validate with the loader, refuse a file changed on disk since it was opened, write
    atomically (an opened file keeps its comments and key order)."""
    form = await posted(request)
    lang = lang_of(request, form.get("_lang"))
    wb = workbench(request)
    data, file, sha, as_of, interps = form_state(wb, form)
    filename = form.get("_filename")
    again: dict[str, Any] = dict(file=file, sha=sha, as_of=as_of, interps=interps, filename=filename,
                                 **letter_of(form))
    letter_rel = ""
    try:
        if file:
            path = wb.resolve(file)
            original = wb.read(file)
            text = forms.merged_yaml(original, data)
            rel = file
        else:
            name = filename or f"{data.get('id') or 'position'}.yaml"
            path = wb.new_path(name, lang)
            rel = wb.display(path)
            kept = letter_of(form)
            if kept["letter_text"].strip():
                # the letter a draft came from stays in the workspace, and the position
                # names it (the editor shows it again beside the saved file)
                letter_rel = wb.letter_target(kept["letter_name"] or "brief.txt", kept["letter_text"])
                data.setdefault("source", {})["file"] = letter_rel
            text = forms.to_yaml(data)
    except PathRefused as e:
        return render(request, lang, data, error_list=[localize(said(e), lang)], status=400, **again)
    _, vocab = vocab_for(wb, form.get("dossier"))
    problems = forms.form_errors(data, vocab, lang)
    if problems:
        return render(request, lang, data, errors=problems,
                      error_list=[m for ms in problems.values() for m in ms], status=400, **again)
    try:
        wb.load_for_save(text, rel, lang)
    except InputErrors as e:
        fields = forms.error_fields(text, e.errors, lang)
        return render(request, lang, data, errors=fields,
                      error_list=[x.render(lang) for x in sorted(set(e.errors))], status=400, **again)
    try:
        if letter_rel:
            wb.keep_letter(letter_rel, letter_of(form)["letter_text"])
        wb.save(path, text, sha if file else None)
    except StaleFile as e:
        return render(request, lang, data, error_list=[localize(said(e), lang)], status=409, **again)
    target = "/editor?" + urlencode({"file": rel, "saved": "1", "lang": lang})
    return RedirectResponse(target, status_code=303)
