"""The position editor's form, both ways: a position's data as the values of widgets
generated from the dossier vocabulary, and posted widget values as a position.

Field names are the position's own paths (``facts.text_stage.value``,
``planned_steps.0.date``), so an error the loader locates at a line maps back to the
field that holds the value (:func:`error_fields`). Keys the form does not show travel
along in a hidden ``_keep`` field of their object, so saving never drops them."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any, Literal

import yaml

from compliance.errors import InputError
from compliance.loading.yaml_safe import Document, load_text
from compliance.model.vocabulary import FactDef, Vocabulary

# The keys of a fact entry the form shows; a new key is added here and as a widget in
# templates/_fact.html. ``confirmed`` (drafting): absent means confirmed.
FACT_KEYS = ("value", "where", "note", "confirmed")
TOP_KEYS = ("id", "dossier", "date", "actor", "certainty", "source", "summary", "facts",
            "planned_steps", "declarations", "scenarios")
SOURCE_KEYS = ("title", "date", "where", "url", "file", "kamerstuk")
# The repeatable rows of a position (one list each): per key, in the schema's order, how
# the form holds it — a plain field, a bilingual text (``.nl``/``.en``) or, for a
# scenario, a block of fact widgets. The keys listed are those the form shows; any other
# key of a row travels along in the row's ``_keep`` field.
RowKey = tuple[str, Literal["plain", "text", "facts"]]
ROWS: dict[str, tuple[RowKey, ...]] = {
    "planned_steps": (("date", "plain"), ("kind", "plain"), ("forum", "plain"),
                      ("description", "text"), ("where", "plain")),
    "declarations": (("motion", "plain"), ("statement", "plain"), ("summary", "text"),
                     ("where", "plain")),
    "scenarios": (("name", "plain"), ("description", "text"), ("facts", "facts")),
}
STEP_KEYS = tuple(k for k, _ in ROWS["planned_steps"])
DECL_KEYS = tuple(k for k, _ in ROWS["declarations"])
SCENARIO_KEYS = tuple(k for k, _ in ROWS["scenarios"])
MAX_ROWS = 200


class Form:
    """Posted form fields: name -> list of values (several for checkboxes)."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        self.values: dict[str, list[str]] = {}
        for k, v in items:
            self.values.setdefault(k, []).append(v)

    def get(self, name: str) -> str:
        return (self.values.get(name) or [""])[-1].strip()

    def raw(self, name: str) -> str:
        return (self.values.get(name) or [""])[-1]

    def all(self, name: str) -> list[str]:
        return [v for v in self.values.get(name, []) if v != ""]

    def has(self, name: str) -> bool:
        return name in self.values

    def indices(self, prefix: str) -> list[int]:
        found = set()
        pat = re.compile(rf"^{re.escape(prefix)}\.(\d+)\.")
        for k in self.values:
            m = pat.match(k)
            if m and int(m[1]) < MAX_ROWS:
                found.add(int(m[1]))
        return sorted(found)


# --- posted form -> position data ----------------------------------------------------
def _number(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        pass
    try:
        value = float(text)
    except ValueError:
        return text  # the loader says what is wrong with it, at this field
    return int(value) if value.is_integer() and "e" not in text.lower() else value


def fact_value(fact: FactDef, form: Form, name: str) -> tuple[bool, Any]:
    """(stated, value) of one fact widget."""
    if fact.type == "set":
        chosen = [v for v in (fact.values or {}) if v in form.all(f"{name}.value")]
        if chosen:
            return True, chosen
        if form.get(f"{name}.unset") or not form.has(f"{name}.present"):
            return False, None
        return True, []
    text = form.get(f"{name}.value")
    if text == "":
        return False, None
    if fact.type == "bool":
        return True, {"true": True, "false": False}.get(text, text)
    if fact.type == "number":
        return True, _number(text)
    return True, text


def _keep(form: Form, prefix: str) -> dict[str, Any]:
    raw = form.raw(f"{prefix}._keep" if prefix else "_keep")
    if not raw:
        return {}
    try:
        kept = json.loads(raw)
    except ValueError:
        return {}
    return kept if isinstance(kept, dict) else {}


def _text(form: Form, prefix: str) -> dict[str, str] | None:
    nl, en = form.get(f"{prefix}.nl"), form.get(f"{prefix}.en")
    if not nl and not en:
        return None
    return {"nl": nl, "en": en}


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value not in (None, ""):
        out[key] = value


def facts_from_form(vocab: Vocabulary, form: Form, prefix: str) -> dict[str, Any]:
    facts: dict[str, Any] = {}
    for name, fact in vocab.facts.items():
        field = f"{prefix}.{name}"
        stated, value = fact_value(fact, form, field)
        if not stated:
            continue
        extra: dict[str, Any] = {k: form.get(f"{field}.{k}") for k in ("where", "note")
                                 if form.get(f"{field}.{k}")}
        # the checkbox is shown with a marker: "keyed" when the entry had the key (a draft
        # keeps `confirmed: true` once ticked), "1" when not (ticked: nothing written)
        marker = form.get(f"{field}.confirmed_shown")
        if marker:
            ticked = form.get(f"{field}.confirmed") == "true"
            if not ticked or marker == "keyed":
                extra["confirmed"] = ticked
            if ticked and extra.get("note"):
                extra["note"] = confirmed_note(extra["note"])
        extra.update({k: v for k, v in _keep(form, field).items() if k not in FACT_KEYS})
        facts[name] = {"value": value, **extra} if extra else value
    return facts


def _awaiting() -> list[re.Pattern[str]]:
    from compliance.i18n import entry

    out = []
    for text in entry("draft_proposed").values():
        head, _, tail = text.partition("{line}")
        # "proposed from the letter at line 12, awaits confirmation": the tail's first
        # clause is kept ("…at line 12"), the rest (the waiting) goes once confirmed
        kept, _, waiting = tail.partition(",")
        out.append(re.compile(f"^({re.escape(head)}\\d+{re.escape(kept)}){re.escape(',' + waiting)}$"))
    return out


def awaiting_words() -> str:
    """The "awaits confirmation" endings of a drafted note, ``|``-separated (for the page)."""
    from compliance.i18n import entry

    return "|".join("," + text.partition("{line}")[2].partition(",")[2]
                    for text in entry("draft_proposed").values())


def confirmed_note(note: str) -> str:
    """A drafted fact's note once the adviser confirmed it: without "awaits confirmation"."""
    for pattern in _awaiting():
        m = pattern.match(note)
        if m:
            return m[1]
    return note


def rows_from_form(vocab: Vocabulary, form: Form, section: str) -> list[dict[str, Any]]:
    """The rows of one repeatable section (``planned_steps``, ``declarations``,
    ``scenarios``) as posted: removed rows and rows left empty are dropped."""
    rows = []
    for i in form.indices(section):
        p = f"{section}.{i}"
        if form.get(f"{p}.remove"):
            continue
        row: dict[str, Any] = {}
        for key, kind in ROWS[section]:
            if kind == "text":
                _put(row, key, _text(form, f"{p}.{key}"))
            elif kind == "facts":
                _put(row, key, facts_from_form(vocab, form, f"{p}.{key}") or None)
            else:
                _put(row, key, form.get(f"{p}.{key}"))
        shown = tuple(k for k, _ in ROWS[section])
        row.update({k: v for k, v in _keep(form, p).items() if k not in shown})
        if row:
            rows.append(row)
    return rows


def position_from_form(vocab: Vocabulary, form: Form) -> dict[str, Any]:
    """The position a posted editor form describes, keys in the order of the schema."""
    out: dict[str, Any] = {}
    for key in ("id", "dossier", "date", "actor"):
        _put(out, key, form.get(key))
    source: dict[str, Any] = {}
    for key in ("title", "date", "where", "url", "file"):
        _put(source, key, form.get(f"source.{key}"))
    ks_dossier, ks_number = form.get("source.kamerstuk.dossier"), form.get("source.kamerstuk.number")
    if ks_dossier or ks_number:
        source["kamerstuk"] = {"dossier": ks_dossier, "number": _number(ks_number)}
    source.update({k: v for k, v in _keep(form, "source").items() if k not in SOURCE_KEYS})
    out["source"] = source
    _put(out, "summary", _text(form, "summary"))
    if form.get("certainty") and form.get("certainty") != "verified":
        out["certainty"] = form.get("certainty")
    out["facts"] = facts_from_form(vocab, form, "facts")
    for section in ROWS:
        rows = rows_from_form(vocab, form, section)
        if rows:
            out[section] = rows
    out.update({k: v for k, v in _keep(form, "").items() if k not in TOP_KEYS})
    return out


# --- position data -> widget values ----------------------------------------------------
def fact_entry(facts: Any, name: str) -> dict[str, Any]:
    """A fact as the widgets show it: value (None: not stated), where, note, other keys."""
    if not isinstance(facts, Mapping) or name not in facts:
        return {"stated": False, "value": None, "where": "", "note": "", "keep": {},
                "confirmed": True, "keyed": False}
    raw = facts[name]
    if isinstance(raw, Mapping):
        return {"stated": True, "value": raw.get("value"), "where": raw.get("where") or "",
                "note": raw.get("note") or "", "confirmed": raw.get("confirmed") is not False,
                "keyed": "confirmed" in raw,
                "keep": {k: v for k, v in raw.items() if k not in FACT_KEYS}}
    return {"stated": True, "value": raw, "where": "", "note": "", "keep": {}, "confirmed": True,
            "keyed": False}


def widget_text(value: Any) -> str:
    """A scalar as an input's value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def kept(data: Any, keys: tuple[str, ...]) -> str:
    """The keys of an object the form does not show, as the hidden ``_keep`` JSON."""
    if not isinstance(data, Mapping):
        return ""
    rest = {k: v for k, v in data.items() if k not in keys}
    return json.dumps(rest, ensure_ascii=False, default=str) if rest else ""


# --- YAML ------------------------------------------------------------------------------
def to_yaml(data: dict[str, Any]) -> str:
    """A new position file's text (key order as given, readable Unicode)."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def _same(old: Any, new: Any) -> bool:
    """Equal as the loader reads them (ruamel reads dates as dates, the form as text;
    its scalars are subclasses of str, int and float that keep their style)."""
    import datetime as dt

    if isinstance(old, dt.date) and isinstance(new, str):
        return not isinstance(old, dt.datetime) and old.isoformat() == new
    if isinstance(old, bool) or isinstance(new, bool):
        return type(old) is type(new) and old == new
    if isinstance(old, str) and isinstance(new, str):
        return str(old) == new
    if isinstance(old, int | float) and isinstance(new, int | float):
        return isinstance(old, float) == isinstance(new, float) and old == new
    if isinstance(old, list | tuple) and isinstance(new, list):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    if isinstance(old, Mapping) and isinstance(new, Mapping):
        return list(old) == list(new) and all(_same(old[k], new[k]) for k in old)
    return old is None and new is None


def _merge(old: Any, new: Any) -> Any:
    """``new`` written into the round-trip tree ``old``: unchanged parts (with their
    comments, quoting and flow style) stay as they were."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if _same(old, new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, Mapping):
        for k in [k for k in old if k not in new]:
            del old[k]
        for k, v in new.items():
            old[k] = _merge(old[k], v) if k in old else v
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for i, v in enumerate(new):
            if i < len(old):
                old[i] = _merge(old[i], v)
            else:
                old.append(v)
        del old[len(new):]
        return old
    if isinstance(old, (CommentedMap, CommentedSeq)) and isinstance(new, list | Mapping):
        return new
    if isinstance(old, str) and isinstance(new, str) and type(old) is not str:
        return type(old)(new)  # keep the scalar's quoting style
    return new


def merged_yaml(original: str, data: dict[str, Any]) -> str:
    """The original file's text with ``data`` written into it, comments and key order kept."""
    import io

    from ruamel.yaml import YAML

    rt = YAML(typ="rt")
    rt.preserve_quotes = True
    rt.width = 4096  # never re-wrap an author's long lines
    sequence, offset = sequence_indent(original)
    rt.indent(mapping=2, sequence=sequence, offset=offset)
    tree = rt.load(original)
    merged = _merge(tree, data)
    buf = io.StringIO()
    rt.dump(merged, buf)
    return buf.getvalue()


def sequence_indent(text: str) -> tuple[int, int]:
    """How the file indents block sequences (ruamel's sequence, offset), to keep its look."""
    for line in text.splitlines():
        m = re.match(r"^( *)- ", line)
        if m and m[1]:
            n = len(m[1])
            return n + 2, n
    return 2, 0


# --- errors at fields ---------------------------------------------------------------------
def error_fields(text: str, errors: list[InputError], lang: str | None = None) -> dict[str, list[str]]:
    """Each located error under the form field whose value (or key) sits at its line:
    the deepest path at that line and column (with ``lang``: said as the form says it)."""
    try:
        doc: Document | None = load_text(text, "draft")
    except Exception:
        doc = None
    by_line: dict[int, list[tuple[int, tuple[Any, ...]]]] = {}
    if doc is not None:
        for table in (doc.value_locs, doc.key_locs):
            for path, (line, col) in table.items():
                by_line.setdefault(line, []).append((col, path))
    out: dict[str, list[str]] = {}
    for e in errors:
        cands = [c for c in by_line.get(e.line, []) if c[0] <= e.column] or by_line.get(e.line, [])
        path = max(cands, key=lambda c: (len(c[1]), c[0]))[1] if cands else ()
        name = ".".join(str(p) for p in path)
        out.setdefault(name, []).append(plain_message(e.problem, e.fix, lang) if lang
                                        else f"{e.problem}" + (f" — {e.fix}" if e.fix else ""))
    return out


# --- the form's own checks, in the page's language ------------------------------------------
# (path, word key of its label): the fields a position cannot do without
REQUIRED = (("id", "id"), ("date", "date"), ("actor", "actor"), ("source.title", "source_title"))
TEXT_PAIRS = ("summary",)
ROW_TEXTS = {"declarations": ("summary",), "planned_steps": ("description",),
             "scenarios": ("description",)}


def _at(data: Any, path: str) -> Any:
    for part in path.split("."):
        if not isinstance(data, Mapping):
            return None
        data = data.get(part)
    return data


def form_errors(data: dict[str, Any], vocab: Vocabulary, lang: str) -> dict[str, list[str]]:
    """What is wrong with a filled-in form, each at its field and in the page's language,
    before the loader sees it: a required field empty, one language of a text filled and
    the other not, a date or number that is none. The loader's own checks follow (the
    same ones a file gets); these only say the form's mistakes in the adviser's words."""
    from compliance.dates import PartialDate
    from compliance.i18n import t

    out: dict[str, list[str]] = {}

    def add(path: str, key: str, **kw: Any) -> None:
        out.setdefault(path, []).append(t(f"wb_err_{key}", lang, **kw))

    def date_ok(text: Any) -> bool:
        try:
            PartialDate.parse(str(text))
        except ValueError:
            return False
        return True

    for path, word in REQUIRED:
        if _at(data, path) in (None, ""):
            add(path, "required", field=t(f"wb_{word}", lang))
    ident, url = _at(data, "id"), _at(data, "source.url")
    if isinstance(ident, str) and ident and not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,80}", ident):
        add("id", "id")
    if isinstance(url, str) and url and not re.match(r"https?://", url):
        add("source.url", "url")
    for path in ("date", "source.date"):
        value = _at(data, path)
        if value not in (None, "") and not date_ok(value):
            add(path, "date", value=value)
    pairs = list(TEXT_PAIRS)
    for section, keys in ROW_TEXTS.items():
        for i, row in enumerate(data.get(section) or []):
            pairs += [f"{section}.{i}.{k}" for k in keys]
            if section == "planned_steps" and row.get("date") and not date_ok(row["date"]):
                add(f"{section}.{i}.date", "date", value=row["date"])
    for path in pairs:
        text = _at(data, path)
        if isinstance(text, Mapping):
            for have, missing in (("nl", "en"), ("en", "nl")):
                if text.get(have) and not text.get(missing):
                    add(f"{path}.{missing}", f"text_{missing}")
    ks = _at(data, "source.kamerstuk")
    if isinstance(ks, Mapping):
        if not ks.get("dossier"):
            add("source.kamerstuk.dossier", "required", field=t("wb_kamerstuk_dossier", lang))
        if not isinstance(ks.get("number"), int) or isinstance(ks.get("number"), bool) or ks["number"] < 1:
            add("source.kamerstuk.number", "whole_number", value=ks.get("number") or "")
    facts = data.get("facts") if isinstance(data.get("facts"), Mapping) else {}
    for name, raw in (facts or {}).items():
        fact = vocab.facts.get(name)
        value = raw.get("value") if isinstance(raw, Mapping) else raw
        if fact is None:
            continue
        if fact.type == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
            add(f"facts.{name}.value", "number", value=value)
        elif fact.type == "date" and not date_ok(value):
            add(f"facts.{name}.value", "date", value=value)
    return out


_LOADER_PHRASES = (
    (re.compile(r"^missing required key '([^']+)'"), "loader_missing"),
    (re.compile(r"^expected [a-z ]+, found [a-z]+"), "loader_shape"),
    (re.compile(r"^'([^']*)' is not a valid value of enum fact '([^']+)'"), "loader_enum"),
    (re.compile(r"^unknown key '([^']+)'"), "loader_unknown"),
    (re.compile(r"^'([^']*)' has the wrong form"), "loader_form"),
    (re.compile(r"^'([^']*)' is not an allowed value"), "loader_allowed"),
)
# a key the loader names, as the form labels it (word keys)
_KEY_WORDS = {"statement": "wb_statement", "description": "wb_description", "kind": "wb_step_kind",
              "forum": "wb_forum", "name": "wb_name", "motion": "motion", "summary": "wb_summary",
              "date": "wb_date", "where": "wb_where", "id": "wb_id", "actor": "wb_actor",
              "title": "wb_source_title", "source": "wb_source", "url": "wb_url"}


def plain_message(problem: str, fix: str, lang: str) -> str:
    """A loader message as the form shows it: the common schema phrases in the form's own
    words (the field's label); any other message in the page's language, as the loader
    says it (it is a file's message too)."""
    from compliance.errors import localize
    from compliance.i18n import t

    for pattern, key in _LOADER_PHRASES:
        m = pattern.match(problem)
        if m:
            groups = [t(_KEY_WORDS[g], lang) if key == "loader_missing" and g in _KEY_WORDS else g
                      for g in m.groups()]
            return t(f"wb_err_{key}", lang, **{f"a{i}": g for i, g in enumerate(groups, 1)})
    problem, fix = localize(problem, lang), localize(fix, lang)
    return problem + (f" — {fix}" if fix else "")


def field_anchor(field: str) -> str:
    """The id of the element that holds a field's value (an error links and goes there)."""
    def fid(name: str) -> str:
        return "f-" + name.replace(".", "--")

    parts = field.split(".")
    if field == "_as_of":
        return "f-as-of"
    if parts[0] == "facts" and len(parts) >= 2:
        return "fact-" + fid(".".join(parts[:2]))
    if parts[0] == "scenarios" and len(parts) >= 4 and parts[2] == "facts":
        return "fact-" + fid(".".join(parts[:4]))
    if len(parts) > 1 and parts[-1] in ("nl", "en"):
        return fid(".".join(parts[:-1])) + "-" + parts[-1]
    return fid(field)


_LABELS = {"id": "id", "date": "date", "actor": "actor", "certainty": "certainty", "dossier": "dossier",
           "_as_of": "as_of", "source.title": "source_title", "source.date": "date",
           "source.where": "source_where", "source.file": "source_file",
           "source.kamerstuk.dossier": "kamerstuk_dossier", "source.kamerstuk.number": "kamerstuk_number",
           "summary": "summary", "source.url": "url"}


def field_label(field: str, vocab: Vocabulary, lang: str) -> str:
    """A field as the adviser knows it: its label in the page's language, a fact by its
    description (never the schema path)."""
    from compliance.i18n import t

    parts = field.split(".")
    suffix = ""
    if parts and parts[-1] in ("nl", "en"):
        suffix = " (Nederlands)" if parts[-1] == "nl" else " (English)"
        parts = parts[:-1]
    path = ".".join(parts)
    if path in _LABELS:
        return t(f"wb_{_LABELS[path]}", lang) + suffix
    if parts[:1] == ["facts"] and len(parts) >= 2 and parts[1] in vocab.facts:
        text = vocab.facts[parts[1]].description.get(lang).strip().rstrip(".")  # type: ignore[arg-type]
        return (text if len(text) <= 70 else text[:69].rsplit(" ", 1)[0] + "…") + suffix
    if parts[:1] in (["declarations"], ["planned_steps"], ["scenarios"]) and len(parts) >= 2 \
            and parts[1].isdigit():
        row = {"declarations": "declaration", "planned_steps": "step", "scenarios": "scenario_n"}[parts[0]]
        key = parts[2] if len(parts) > 2 else ""
        what = t(_KEY_WORDS[key], lang) if key in _KEY_WORDS else key
        return f"{t(f'wb_{row}', lang)} {int(parts[1]) + 1}" + (f": {what}" if what else "") + suffix
    return field + suffix
