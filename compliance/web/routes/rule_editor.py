"""The rule editor (issue 28): a new motion from the House's open data, its rule drafted from
the dictum, shown beside a structured form (kind, facts and values, deadline) with the rule in
words, its tests run, lint and the effect on every position's verdicts; saving writes the rule
file and its tests through the loader, atomically. The work is the library's
(compliance/authoring/draft_rule*.py); this module reads the form and renders."""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from compliance.errors import InputErrors
from compliance.i18n import t
from compliance.web.forms import Form
from compliance.web.pages import error_page, lang_of, page, posted, workbench

router = APIRouter()

INTERP_NAME = re.compile(r"[a-z][a-z0-9-]{0,62}")  # as the rule file's schema has it
OPS = ("equals", "le", "lt", "ge", "gt", "contains")
MAX_CLAUSES, MAX_FACTS = 20, 12
MOTION_REF = re.compile(r"[a-z0-9][a-z0-9-]{0,119}")  # a motion id (or its number), never a path


INTEGER = re.compile(r"-?[0-9]{1,15}")
DECIMAL = re.compile(r"-?[0-9]{1,15}\.[0-9]{1,15}")


def _typed(raw: str) -> Any:
    """A value typed in the form: true/false, a plain integer or decimal, else a word. What
    Python would read as a number but a person does not ("nan", "inf", "1_000", "1e3") is
    refused (ValueError) rather than guessed."""
    text = raw.strip()
    if text.lower() in ("true", "false"):
        return text.lower() == "true"
    if INTEGER.fullmatch(text):
        return int(text)
    if DECIMAL.fullmatch(text):
        return float(text)
    try:
        float(text)
    except ValueError:
        return text
    raise ValueError(text)


def _edits(form: Form, lang: str, errors: list[str]) -> dict[int, dict[str, Any]]:
    """The edited clauses; a value that is no plain number, word or true/false is left out
    and named in ``errors`` with its field."""
    out: dict[int, dict[str, Any]] = {}
    for n in range(1, MAX_CLAUSES + 1):
        if not form.has(f"c{n}.kind"):
            continue
        facts = []
        for k in range(MAX_FACTS):
            fact, op, value = (form.get(f"c{n}.f{k}.{x}") for x in ("fact", "op", "value"))
            if fact and op in OPS and value:
                try:
                    facts.append((fact, op, _typed(value)))
                except ValueError:
                    errors.append(t("wb_re_bad_value", lang, field=f"c{n}.f{k}.value", value=value[:40]))
        out[n] = {"kind": form.get(f"c{n}.kind"), "facts": facts, "date": form.get(f"c{n}.date")}
    return out


def _draft(request: Request, motion: str, dictum: str | None, edits: dict[int, dict[str, Any]]) -> Any:
    from compliance.authoring.draft_rule import apply_edits, draft_motion

    wb = workbench(request)
    from compliance.errors import InputError, Text
    from compliance.loading.workspace import load_workspace_partial

    root = wb.root
    if not MOTION_REF.fullmatch(motion or ""):
        # only a motion of the workspace: never a file path from the query (any YAML readable,
        # its id a path written to); a new motion comes in through /rules/new, validated
        raise InputErrors([InputError("motion", 1, 1, Text(f"no motion {motion!r} in motions/",
                                                           f"geen motie {motion!r} in motions/"),
                                      Text("give the motion's id, e.g. 26643-1047",
                                           "geef het id van de motie, bijv. 26643-1047"))])
    d = draft_motion(root, motion, None, dictum or None)
    ws, _ = load_workspace_partial(root)  # the motion's own half-made rule may not load yet
    vocab = ws.vocabularies[d.dossier].model
    if edits:
        apply_edits(d, edits, vocab)
    return root, d, vocab


def _render(request: Request, lang: str, root: Path, d: Any, vocab: Any, dictum: str,
            notice: str = "", errors: list[str] | None = None, status: int = 200) -> HTMLResponse:
    from compliance.authoring.draft_rule import KINDS, new_entries_yaml
    from compliance.authoring.draft_rule_session import check_draft

    check = check_draft(root, d, vocab, lang)
    existing = root / "rules" / d.dossier / f"{d.motion}.yaml"
    rule_sha = hashlib.sha256(existing.read_bytes()).hexdigest() if existing.is_file() else ""
    facts = sorted(n for n, f in vocab.facts.items() if not f.deprecated)
    extra = sorted({f.fact for c in d.clauses for f in c.facts} - set(facts))
    return page(request, "rule_editor.html", lang, status=status, d=d, dictum=dictum, check=check,
                kinds=KINDS, ops=OPS, facts=facts + extra, entries=new_entries_yaml(d),
                notice=notice, errors=errors or [], max_facts=MAX_FACTS,
                rule_sha=rule_sha)


@router.get("/rules/new", response_class=HTMLResponse)
def new_motion_page(request: Request) -> HTMLResponse:
    from compliance.loading.workspace import load_workspace_partial

    lang = lang_of(request)
    ws, _ = load_workspace_partial(workbench(request).root)
    return page(request, "rule_new.html", lang, dossiers=sorted(ws.vocabularies), errors=[])


@router.post("/rules/new", response_model=None)
async def new_motion(request: Request) -> Response:
    """The motion record from the House's open data (pasted JSON), then its rule drafted."""
    from compliance.scaffold import new_motion as make

    form = await posted(request)
    lang = lang_of(request, form.get("_lang"))
    wb = workbench(request)
    root = wb.root
    kamerstuk, dossier = form.get("kamerstuk"), form.get("dossier")
    with tempfile.TemporaryDirectory(prefix="opendata-") as tmp:
        src = Path(tmp) / "zaak.json"
        src.write_text(form.raw("opendata"), encoding="utf-8")
        try:
            written = make(root, kamerstuk, dossier, src, rule=False)
        except InputErrors as e:
            from compliance.loading.workspace import load_workspace_partial

            ws, _ = load_workspace_partial(root)
            return page(request, "rule_new.html", lang, status=400, dossiers=sorted(ws.vocabularies),
                        errors=[x.render(lang).replace(str(src), t("wb_opendata", lang)) for x in e.errors])
    motion = next(p.stem for p in written if p.parent.name == "motions")
    return RedirectResponse(f"/rules/draft?motion={quote(motion)}&lang={lang}", status_code=303)


@router.get("/rules/draft", response_class=HTMLResponse)
def draft_page(request: Request, motion: str = Query(..., max_length=120)) -> HTMLResponse:
    lang = lang_of(request)
    try:
        root, d, vocab = _draft(request, motion, None, {})
    except InputErrors as e:
        return error_page(request, lang, [x.render(lang) for x in e.errors], 400)
    return _render(request, lang, root, d, vocab, "\n".join(c.text for c in d.clauses))


@router.post("/rules/draft", response_class=HTMLResponse)
async def draft_update(request: Request) -> HTMLResponse:
    """Draft again from the (edited) dictum, or rebuild from the edited form; with
    ``action=save`` write the rule and its tests when they are green."""
    form = await posted(request)
    lang = lang_of(request, form.get("_lang"))
    motion, dictum = form.get("motion"), form.raw("dictum")
    redraft = form.get("action") == "redraft"
    bad: list[str] = []
    try:
        root, d, vocab = _draft(request, motion, dictum, {} if redraft else _edits(form, lang, bad))
    except InputErrors as e:
        return error_page(request, lang, [x.render(lang) for x in e.errors], 400)
    if bad:  # nothing is saved from a form with a value that is not what it looks like
        return _render(request, lang, root, d, vocab, dictum, errors=bad, status=400)
    if not redraft:
        name = form.get("interp_name")
        if name and INTERP_NAME.fullmatch(name):
            d.interpretation = name
        if form.has("c1.kind") and not form.get("keep_result_reading"):
            for c in d.clauses:
                c.alt_rule = None  # the adviser keeps one reading
    if form.get("action") == "save":
        from compliance.authoring.draft_rule_session import save_draft

        try:
            paths = save_draft(root, d, vocab, lang, replace_sha=form.get("rule_sha") or None,
                               replace=form.get("replace_rule") == "1")
        except InputErrors as e:
            return _render(request, lang, root, d, vocab, dictum, errors=[x.render(lang) for x in e.errors],
                           status=400)
        notice = t("wb_re_saved", lang, files=", ".join(p.relative_to(root).as_posix() for p in paths))
        return _render(request, lang, root, d, vocab, dictum, notice=notice)
    return _render(request, lang, root, d, vocab, dictum)
