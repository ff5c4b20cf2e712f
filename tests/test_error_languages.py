"""Input errors in Dutch and English (principle 7): what a user sees on bad input with
--lang nl and --lang en, that every error key has both languages with the same fields,
and that no call site hands an InputError an English-only string."""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.errors import InputError, InputErrors, did_you_mean, localize, msg, said
from compliance.i18n import all_keys, entry
from tests.conftest import ROOT, run_cli

POSITION = ROOT / "examples" / "positions" / "2018-02-schadeprotocol.yaml"
LOCATED = re.compile(r"^\S+:\d+:\d+: \S")


def _check(ws: Path, target: Path, lang: str) -> tuple[int, list[str], str]:
    r = run_cli("check", str(target), "--workspace", str(ws), "--lang", lang)
    lines = [x for x in r.stderr.splitlines() if x.strip()]
    return r.returncode, lines, r.stderr


def _one_located_line(code: int, lines: list[str], stderr: str) -> str:
    assert code == 2, stderr
    assert "Traceback" not in stderr
    assert len(lines) == 1, stderr
    assert LOCATED.match(lines[0]), lines[0]
    return lines[0]


def _position(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "bad-position.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bad_position_unknown_fact_in_both_languages(workspace_copy: Path, tmp_path: Path) -> None:
    text = POSITION.read_text(encoding="utf-8").replace("  damage_handling_body:", "  damage_handling_bodyy:")
    path = _position(tmp_path, text)
    nl = _one_located_line(*_check(workspace_copy, path, "nl"))
    en = _one_located_line(*_check(workspace_copy, path, "en"))
    assert nl.split(": ", 1)[0] == en.split(": ", 1)[0]  # the same place, first
    assert "feit 'damage_handling_bodyy' staat niet in de woordenlijst van dossier 'groningen-gas'" in nl
    assert "bedoelde u 'damage_handling_body'?" in nl
    assert "is not in the vocabulary" not in nl and "did you mean" not in nl
    assert "fact 'damage_handling_bodyy' is not in the vocabulary of dossier 'groningen-gas'" in en
    assert "did you mean 'damage_handling_body'?" in en


def test_schema_violation_in_both_languages(workspace_copy: Path, tmp_path: Path) -> None:
    text = re.sub(r"(?m)^actor: .*\n", "", POSITION.read_text(encoding="utf-8"))
    path = _position(tmp_path, text)
    nl = _one_located_line(*_check(workspace_copy, path, "nl"))
    en = _one_located_line(*_check(workspace_copy, path, "en"))
    assert nl.endswith("verplichte sleutel 'actor' ontbreekt — voeg 'actor: ...' toe"), nl
    assert en.endswith("missing required key 'actor' — add 'actor: ...'"), en


def test_yaml_syntax_error_in_both_languages(workspace_copy: Path, tmp_path: Path) -> None:
    path = _position(tmp_path, "id: x\n dossier: [\n")
    nl = _one_located_line(*_check(workspace_copy, path, "nl"))
    en = _one_located_line(*_check(workspace_copy, path, "en"))
    assert ":2:" in nl and ":2:" in en
    assert "fout in de YAML-syntaxis" in nl and "controleer hier de inspringing" in nl
    assert "YAML syntax error: mapping values are not allowed here" in en


def test_bad_rule_file_in_both_languages(workspace_copy: Path, tmp_path: Path) -> None:
    rule = workspace_copy / "rules" / "groningen-gas" / "32849-275.yaml"
    text = rule.read_text(encoding="utf-8")
    assert "{fact: new_sodm_advice_requested," in text
    rule.write_text(text.replace("{fact: new_sodm_advice_requested,", "{fact: new_sodm_advice_requestd,"),
                    encoding="utf-8")
    nl = _one_located_line(*_check(workspace_copy, POSITION, "nl"))
    en = _one_located_line(*_check(workspace_copy, POSITION, "en"))
    assert "32849-275.yaml:" in nl
    assert "onbekend feit 'new_sodm_advice_requestd' in dossier 'groningen-gas'" in nl
    assert "bedoelde u 'new_sodm_advice_requested'?" in nl
    assert "unknown fact 'new_sodm_advice_requestd' in dossier 'groningen-gas'" in en


def test_safety_limit_in_both_languages(workspace_copy: Path, tmp_path: Path) -> None:
    deep = "id: x\nfacts: " + "[" * 80 + "]" * 80 + "\n"
    path = _position(tmp_path, deep)
    nl = _one_located_line(*_check(workspace_copy, path, "nl"))
    en = _one_located_line(*_check(workspace_copy, path, "en"))
    assert "dieper genest dan 64 niveaus — maak de structuur platter" in nl
    assert "nesting deeper than 64 levels — flatten the structure" in en


def test_validate_takes_the_language_too(workspace_copy: Path, tmp_path: Path) -> None:
    path = _position(tmp_path, "id: x\ndossier: [\n")
    nl = run_cli("validate", str(path), "--workspace", str(workspace_copy))  # nl is the default
    en = run_cli("validate", str(path), "--workspace", str(workspace_copy), "--lang", "en")
    assert nl.returncode == en.returncode == 2
    assert "fout in de YAML-syntaxis" in nl.stderr and "YAML syntax error" in en.stderr


# --- the texts themselves -------------------------------------------------------------------

def test_text_is_its_english_and_carries_its_dutch() -> None:
    problem = msg("e_s_required", key="actor")
    error = InputError("p.yaml", 3, 5, problem, did_you_mean("actr", ["actor", "date"]))
    assert str(error) == "p.yaml:3:5: missing required key 'actor' — did you mean 'actor'?"
    assert error.render("nl") == "p.yaml:3:5: verplichte sleutel 'actor' ontbreekt — bedoelde u 'actor'?"
    assert InputErrors([error]).render("nl") == error.render("nl")
    assert pickle.loads(pickle.dumps(error)).render("nl") == error.render("nl")  # --jobs workers
    # a library's own words (a plain str) are shown as they are, never as nothing
    plain = InputError("p.yaml", 1, 1, "some library message", "")
    assert plain.render("nl") == "p.yaml:1:1: some library message"


def test_a_date_problem_is_said_in_both_languages() -> None:
    from compliance.dates import PartialDate

    with pytest.raises(ValueError) as e:
        PartialDate.parse("2023-13")
    assert str(e.value) == "'2023-13': month 13 does not exist"
    assert localize(said(e.value), "nl") == "'2023-13': maand 13 bestaat niet"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _used_keys() -> set[str]:
    """The keys errors use: msg("key", ...) anywhere in compliance/, and the families built
    from a prefix (msg(f"e_s_{...}")) as every key of the table that starts with it."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    for path in (ROOT / "compliance").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg" \
                    and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    keys.add(first.value)
                elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    prefixes.add(str(first.values[0].value))
    keys |= {k for k in all_keys() for p in prefixes if k.startswith(p)}
    return keys


USED = sorted(_used_keys())


def test_errors_use_keys_that_exist() -> None:
    assert len(USED) > 60  # the scan finds them (a broken scan would pass everything)
    missing = [k for k in USED if k not in all_keys()]
    assert not missing, missing


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(USED), st.data())
def test_every_error_key_formats_alike_in_both_languages(key: str, data: st.DataObject) -> None:
    texts = entry(key)
    assert set(texts) == {"nl", "en"} and all(texts.values())
    assert _fields(texts["nl"]) == _fields(texts["en"]), key
    values = {f: data.draw(st.text(alphabet="abcxyz_019", min_size=1, max_size=12))
              for f in _fields(texts["en"])}
    text = msg(key, **values)
    for value in values.values():
        assert value in str(text) and value in text.nl
    assert localize(text, "en") == str(text) and localize(text, "nl") == text.nl


# --- no English-only string at a call site --------------------------------------------------

# callee name -> the positions (and keywords) of its problem and fix arguments
_SITES = {"InputError": ((3, 4), ("problem", "fix")), "error": ((1, 2), ("problem", "fix")),
          "_err": ((1, 2), ("problem", "fix")), "_Fail": ((1, 2), ()), "bad_option": ((1, 2), ()),
          "refuse": ((0, 1), ()), "_refuse": ((1, 2), ()), "PathRefused": ((0,), ()),
          "StaleFile": ((0,), ()), "refused": ((0,), ())}
# the parser's _err takes (path, problem, fix); scaffold's _err (where, problem, fix): alike


def _english_only(node: ast.expr) -> bool:
    """A literal, an f-string, a concatenation or t(...) (one language): not bilingual."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _english_only(node.left) or _english_only(node.right)
    if isinstance(node, ast.BoolOp):
        return any(_english_only(v) for v in node.values)
    if isinstance(node, ast.IfExp):
        return _english_only(node.body) or _english_only(node.orelse)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"


def english_only_sites(source: str, name: str = "<src>") -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        callee = node.func.id if isinstance(node.func, ast.Name) else \
            node.func.attr if isinstance(node.func, ast.Attribute) else None
        if callee not in _SITES:
            continue
        positions, keywords = _SITES[callee]
        args = [node.args[i] for i in positions if i < len(node.args)]
        args += [k.value for k in node.keywords if k.arg in keywords]
        if any(_english_only(a) for a in args):
            found.append(f"{name}:{node.lineno}")
    return found


def _error_names(handler: ast.ExceptHandler) -> set[str]:
    """The names an ``except InputError(s) as e`` body binds to the error and to each of its
    errors (``for x in e.errors``, in loops and comprehensions)."""
    kinds = {n.id for n in ast.walk(handler.type) if isinstance(n, ast.Name)} if handler.type else set()
    if not handler.name or not kinds & {"InputErrors", "InputError"}:
        return set()
    names = {handler.name}
    for node in ast.walk(ast.Module(body=handler.body, type_ignores=[])):
        pairs = [(node.target, node.iter)] if isinstance(node, ast.For) else \
            [(g.target, g.iter) for g in node.generators] if isinstance(node, ast.comprehension | ast.ListComp
                                                                          | ast.SetComp | ast.GeneratorExp
                                                                          | ast.DictComp) \
            and hasattr(node, "generators") else []
        for target, it in pairs:
            inner = it.args[0] if isinstance(it, ast.Call) and it.args else it  # sorted(set(e.errors))
            while isinstance(inner, ast.Call) and inner.args:
                inner = inner.args[0]
            if isinstance(inner, ast.Attribute) and inner.attr == "errors" \
                    and isinstance(inner.value, ast.Name) and inner.value.id in names \
                    and isinstance(target, ast.Name):
                names.add(target.id)
    return names


def str_of_input_error_sites(source: str, name: str = "<src>") -> list[str]:
    """Where an input error becomes its English only: str(e) or f"{e}" of a caught InputError(s)
    or of one of its errors (their render(lang) says them in the user's language)."""
    found = []
    for handler in ast.walk(ast.parse(source)):
        if isinstance(handler, ast.ExceptHandler):
            names, body = _error_names(handler), handler.body
        elif isinstance(handler, ast.FunctionDef):  # a parameter typed InputError(s)
            names = {a.arg for a in handler.args.args if isinstance(a.annotation, ast.Name)
                     and a.annotation.id in ("InputError", "InputErrors")}
            body = handler.body
        else:
            continue
        for node in ast.walk(ast.Module(body=body, type_ignores=[])):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str" \
                    and node.args and isinstance(node.args[0], ast.Name) and node.args[0].id in names:
                found.append(f"{name}:{node.lineno}")
            if isinstance(node, ast.FormattedValue) and isinstance(node.value, ast.Name) \
                    and node.value.id in names:
                found.append(f"{name}:{node.value.lineno}")
    return found


def _plain(node: ast.expr) -> bool:
    """A page's error line that is in no language of the page: a literal, an f-string with no
    t(...)/render(...) in it, or str(...) of something."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.JoinedStr):
        return not any(isinstance(v, ast.FormattedValue) and isinstance(v.value, ast.Call)
                       for v in node.values)
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "str"


def plain_error_page_sites(source: str, name: str = "<src>") -> list[str]:
    """error_page(request, lang, [...], status) with a line of plain (English) text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "error_page" \
                and len(node.args) > 2:
            lines = node.args[2]
            items = lines.elts if isinstance(lines, ast.List) else \
                [lines.elt] if isinstance(lines, ast.ListComp) else []
            if any(_plain(x) for x in items):
                found.append(f"{name}:{node.lineno}")
    return found


def test_the_scan_finds_an_english_only_call_site() -> None:
    bad = 'raise InputErrors([InputError(f, 1, 1, f"no such {x}", "fix it")])\n' \
          'errors.append(doc.error(path, "unknown key", hint or "use one of: a"))\n' \
          'raise bad_option("--x", t("key", lang))\n'
    good = 'InputError(f, 1, 1, Text("a", "b"), msg("e_split_fix"))\ndoc.error(path, problem, NO_FIX)\n'
    assert len(english_only_sites(bad)) == 3
    assert english_only_sites(good) == []
    stringified = ('try:\n    load()\nexcept InputErrors as e:\n'
                   '    problems = [str(x) for x in e.errors]\n    one = f"{e}"\n    two = str(e)\n')
    assert len(str_of_input_error_sites(stringified)) == 3
    typed = 'def _rel(e: InputError, root: Path) -> str:\n    return str(e)\n'
    assert len(str_of_input_error_sites(typed)) == 1
    rendered = ('try:\n    load()\nexcept InputErrors as e:\n'
                '    problems = [x.render(lang) for x in e.errors]\nexcept OSError as e:\n    why = str(e)\n')
    assert str_of_input_error_sites(rendered) == []
    pages = 'error_page(request, lang, [f"no motion {m!r}"], 404)\nerror_page(request, lang, [str(e)], 400)\n'
    assert len(plain_error_page_sites(pages)) == 2
    fine = ('error_page(request, lang, [t("wb_no_motion", lang, motion=m)], 404)\n'
            'error_page(request, lang, [x.render(lang) for x in e.errors], 400)\n')
    assert plain_error_page_sites(fine) == []


def test_no_call_site_passes_an_english_only_string() -> None:
    found = []
    for path in sorted((ROOT / "compliance").rglob("*.py")):
        source, name = path.read_text(encoding="utf-8"), str(path.relative_to(ROOT))
        found += english_only_sites(source, name)
        found += str_of_input_error_sites(source, name)
        found += plain_error_page_sites(source, name)
    assert not found, found


def test_model_checks_raise_bilingual_texts() -> None:
    """A model validator's ValueError carries a Text, so the loader says it in Dutch too."""
    found = []
    for path in sorted((ROOT / "compliance" / "model").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) \
                    and isinstance(node.exc.func, ast.Name) and node.exc.func.id == "ValueError" \
                    and node.exc.args and _english_only(node.exc.args[0]) and path.name != "template.py":
                found.append(f"{path.name}:{node.lineno}")
    assert not found, found


def test_a_model_check_reaches_the_user_in_dutch(workspace_copy: Path) -> None:
    timeline = workspace_copy / "rules" / "groningen-gas" / "timeline.yaml"
    text = timeline.read_text(encoding="utf-8")
    start = text.index("  - id: ")
    first_event = text[start:text.index("\n  - id: ", start + 1)].rstrip("\n")
    timeline.write_text(text.rstrip("\n") + "\n\n" + first_event + "\n", encoding="utf-8")  # its id twice
    r = run_cli("validate", "--workspace", str(workspace_copy), "--lang", "nl")
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "id's van gebeurtenissen moeten uniek zijn" in r.stderr, r.stderr


# One sample document per parser sentence said in Dutch (loading/yaml_safe._PARSER_WORDS):
# each key fires on PyYAML's own wording, and the Dutch names what the parser named.
PARSER_SAMPLES = [
    ("id: x\n dossier: y\n", "e_yp_mapping_values", "hier mag geen 'sleutel: waarde' staan"),
    ("a: ? b\n", "e_yp_mapping_keys", "hier mag geen sleutel met '?' beginnen"),
    ("a: - b\n", "e_yp_dash", "hier mag geen lijstelement ('- ') beginnen"),
    ("- a\nb\n", "e_yp_expected_colon", "de verwachte ':' ontbreekt"),
    ("a:\n\tb: 1\n", "e_yp_tab", "een tab mag hier niet staan; spring in met spaties"),
    ("a: @x\n", "e_yp_token", "het teken '@' mag hier niet staan"),
    ("a: `x\n", "e_yp_token", "het teken '`' mag hier niet staan"),
    ("a:\n  - b\n  c: 1\n", "e_yp_block_end", "hier verwachtte de parser het einde van een blok"),
    ('a: "abc\n', "e_yp_end_of_stream", "onverwacht einde van het bestand"),
    ("id: [a, b\n", "e_yp_flow_end", "de verwachte ',' of ']' ontbreekt"),
    ("id: {a: 1\n", "e_yp_flow_end", "de verwachte ',' of '}' ontbreekt"),
    ("- a\n- [\n", "e_yp_node", "hier ontbreekt een waarde"),
    ('p: "C:\\dossiers"\n', "e_yp_escape", "onbekend escapeteken 'd' na een backslash"),
    ('p: "\\xZZ"\n', "e_yp_hex", "horen hexadecimale cijfers"),
    ("p: *nadruk*\n", "e_yp_alias_name", "na * of & hoort een naam van letters of cijfers"),
    ("p: &\n", "e_yp_alias_name", "na * of & hoort een naam van letters of cijfers"),
]


@pytest.mark.parametrize(("text", "key", "nl"), PARSER_SAMPLES)
def test_each_parser_sentence_is_said_in_dutch(text: str, key: str, nl: str) -> None:
    from compliance.loading.yaml_safe import load_text

    with pytest.raises(InputErrors) as caught:
        load_text(text, "x.yaml")
    (error,) = caught.value.errors
    said_nl, said_en = error.render("nl"), error.render("en")
    assert nl in said_nl, said_nl
    assert "fout in de YAML-syntaxis" in said_nl and "but found" not in said_nl and "expected" not in said_nl
    assert ": YAML syntax error: " in said_en
    assert said_nl.split(": ")[0] == said_en.split(": ")[0]


def test_every_parser_key_has_a_sample() -> None:
    from compliance.loading.yaml_safe import _PARSER_WORDS

    assert {key for _, key in _PARSER_WORDS} == {key for _, key, _ in PARSER_SAMPLES}


def test_parser_sentences_reach_the_cli_in_dutch(workspace_copy: Path, tmp_path: Path) -> None:
    path = _position(tmp_path, 'id: x\nsummary: "C:\\dossiers"\ntags: [a, b\n')
    nl = _one_located_line(*_check(workspace_copy, path, "nl"))
    en = _one_located_line(*_check(workspace_copy, path, "en"))
    assert "onbekend escapeteken 'd'" in nl and "unknown escape" not in nl
    assert "found unknown escape character 'd'" in en



# --- the workbench: the request's language ----------------------------------------------------

def test_the_workbench_says_input_errors_in_the_requests_language() -> None:
    from tests.web_support import client

    c = client(ROOT)
    bad = {"text": "id: [unclosed\n", "file": "examples/positions/x.yaml"}
    nl = c.post("/api/v1/check", params={"lang": "nl"}, json=bad).json()["errors"][0]
    en = c.post("/api/v1/check", params={"lang": "en"}, json=bad).json()["errors"][0]
    assert (nl["file"], nl["line"], nl["column"]) == (en["file"], en["line"], en["column"])
    assert nl["problem"].startswith("fout in de YAML-syntaxis") and nl["fix"].startswith("controleer")
    assert en["problem"].startswith("YAML syntax error") and en["fix"].startswith("check")
    # a page: a position file that does not exist, said on the error page in the page's language
    nl_page = c.get("/editor", params={"file": "examples/positions/nope.yaml", "lang": "nl"})
    en_page = c.get("/editor", params={"file": "examples/positions/nope.yaml", "lang": "en"})
    assert nl_page.status_code == en_page.status_code == 404
    assert "dit positiebestand bestaat niet" in nl_page.text and "no such position file" not in nl_page.text
    assert "no such position file" in en_page.text


def test_every_schema_form_is_described_in_dutch_too() -> None:
    """A value of the wrong form gets the schema's description as its fix: each description
    has its Dutch (an e_pattern_ key whose English is that description, word for word)."""
    import json

    described: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "pattern" in node and "description" in node:
                described.add(node["description"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for schema in (ROOT / "compliance" / "schemas").glob("*.schema.json"):
        walk(json.loads(schema.read_text(encoding="utf-8")))
    assert described
    known = {entry(k)["en"] for k in all_keys() if k.startswith("e_pattern_")}
    assert described <= known, described - known


@pytest.mark.parametrize(("old", "new", "en", "nl"), [
    ("actor: Minister", "actorr: Minister", "unknown key 'actorr'", "onbekende sleutel 'actorr'"),
    ("actor: Minister", "# no actor", "missing required key 'actor'", "verplichte sleutel 'actor' ontbreekt"),
    ("dossier: groningen-gas", "dossier: 5", "'dossier': expected string, found integer 5",
     "'dossier': tekst verwacht, gevonden: geheel getal 5"),
    # values as YAML writes them, never Python's True / None
    ("actor: Minister van Economische Zaken en Klimaat", "actor: true",
     "'actor': expected string, found true — write a string here: quote it, 'true'",
     "'actor': tekst verwacht, gevonden: true — schrijf hier tekst: zet het tussen aanhalingstekens, 'true'"),
    ("actor: Minister van Economische Zaken en Klimaat", "actor: null",
     "'actor': expected string, found null — write a string here",
     "'actor': tekst verwacht, gevonden: null — schrijf hier een tekst"),
    ("actor: Minister van Economische Zaken en Klimaat", "actor: [a, 1]",
     "'actor': expected string, found list [a, 1]", "'actor': tekst verwacht, gevonden: lijst [a, 1]"),
    ("date: 2018-02", "date: '18-02'", "'18-02' has the wrong form", "'18-02' heeft niet de juiste vorm"),
    ("actor: Minister van Economische Zaken en Klimaat", "actor: ''", "the text is too short",
     "de tekst is te kort"),
    ("subjects: [damage_handling]", "subjects: []", "the list has 0 item(s); at least 1 are needed",
     "de lijst heeft 0 element(en); er zijn er ten minste 1 nodig"),
])
def test_schema_findings_by_validator_kind_in_both_languages(old: str, new: str, en: str, nl: str) -> None:
    from compliance.loading.validate import check_schema
    from compliance.loading.yaml_safe import load_text

    text = POSITION.read_text(encoding="utf-8")
    assert old in text
    errors = check_schema(load_text(text.replace(old, new, 1), "p.yaml"), "position")
    assert errors
    shown = {e.render("en"): e.render("nl") for e in errors}
    assert any(en in e and nl in n for e, n in shown.items()), shown


def test_an_unmapped_schema_finding_falls_back_to_its_english_never_to_nothing() -> None:
    import jsonschema

    from compliance.loading.validate import _errors_for
    from compliance.loading.yaml_safe import load_text

    (finding,) = jsonschema.Draft202012Validator({"multipleOf": 2}).iter_errors(3)
    (error,) = _errors_for(load_text("3\n", "p.yaml"), finding, "position")
    assert error.render("en") == "p.yaml:1:1: 3 is not a multiple of 2 — see the schema " \
                                 "compliance/schemas/position.schema.json"
    assert "3 is not a multiple of 2" in error.render("nl") and "zie het schema" in error.render("nl")
