"""The JSON report, schema_version 2 (schema: compliance/schemas/report.schema.json).

A normalised document, in the way SARIF keeps its rules in one table: what a million
findings would otherwise repeat is written once, in tables, and findings refer to it.

- ``motion_records``: motion id -> name, Kamerstuk, source, the request of each clause;
- ``rules``: rule id (``<motion>#<clause>@<interpretation>``) -> file, line, interpretation;
- ``messages``: message id -> text (messages, reasons, notes and reason templates); the
  id is derived from the text, so it is the same in every chunk of a streamed check;
- ``positions``: position id -> file, dossier, date, source and the facts its findings
  read, each with its value and location;
- ``motions`` (per position and motion, as in v1) and ``findings``, holding only what is
  theirs. A finding keeps ``position``, ``motion``, ``clause``, ``verdict``, ``declared``
  and ``missing_facts`` as in v1.

A condition's reason is written as its template (one per rule, part and language) and the
letters of the results it shows; its values are the finding's facts
(compliance.model.template), so what differs per position is written once per position.

Whatever a finding would have to say differently from its tables (never, for findings
``check`` produces) is written in the finding itself, so the report reads back to the
very findings it was written from (:func:`decode`). Scenario fields (``conditional``,
``branches``...) and any other optional field appear in a finding as in v1, only when set.

Each table entry and list item is one line of compact JSON; orjson writes it where it
gives the bytes json.dumps gives, json.dumps elsewhere (small floats, lone surrogates).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from compliance.errors import InternalError
from compliance.model import template
from compliance.model.output import SCHEMA_VERSION, Finding, MotionVerdict, Report
from compliance.reports import RenderOptions

try:  # pragma: no branch - a dependency; json.dumps gives the same bytes, slower
    import orjson as _orjson
except ImportError:  # pragma: no cover
    _orjson = None  # type: ignore[assignment]

# the sections of a report, in document order: (key, is a table, its brackets)
SECTIONS = ("motion_records", "rules", "messages", "positions", "motions", "findings")
_TABLES = frozenset(SECTIONS[:4])
# tables whose entries recur across chunks: a streamed check writes each entry once
UNIQUE = (0, 1, 2)
SEPARATOR = b",\n"
_INDENT = ""  # one entry a line, unindented: 4 bytes a line are 1.5% of a report

# fields of a finding written through the tables (or always): the others pass through
_NORMALISED = frozenset({
    "position", "position_file", "dossier", "motion", "motion_name", "kamerstuk", "clause",
    "request", "rule", "rule_file", "rule_line", "interpretation", "verdict", "declared",
    "declaration", "message", "missing_facts", "reasons", "facts", "notes", "sources",
    "position_date", "location"})
_MV_NORMALISED = frozenset({"position", "position_file", "motion", "motion_name", "kamerstuk",
                            "verdict", "declared", "clauses", "message"})


def message_id(text: str) -> str:
    """A message's id: 64 bits of its BLAKE2b digest, URL-safe base64 (11 characters)."""
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return base64.urlsafe_b64encode(digest)[:11].decode()


def _has_float(value: Any) -> bool:
    if isinstance(value, float):
        return True
    if isinstance(value, dict):
        return any(_has_float(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_float(v) for v in value)
    return False


def dumps(value: Any, floats: bool = True) -> str:
    """Compact JSON, as ``json.dumps(separators=(",", ":"), ensure_ascii=False)`` writes it.

    orjson writes floats in the shortest form (1e-05 as 1e-5) and refuses lone surrogates
    and integers over 64 bits: values that may hold one (``floats``) take json.dumps."""
    if _orjson is not None and not (floats and _has_float(value)):
        try:
            return _orjson.dumps(value).decode()
        except (TypeError, _orjson.JSONEncodeError):
            pass
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


class _Tables:
    """One chunk's tables, filled as its findings are encoded (first occurrence first)."""

    def __init__(self) -> None:
        self.motions: dict[str, dict[str, Any]] = {}
        self.rules: dict[str, dict[str, Any]] = {}
        self.messages: dict[str, str] = {}
        self.positions: dict[str, dict[str, Any]] = {}
        self._ids: dict[str, str] = {}

    def msg(self, text: str) -> str:
        mid = self._ids.get(text)
        if mid is None:
            mid = self._ids[text] = message_id(text)
            if self.messages.setdefault(mid, text) != text:  # pragma: no cover - 2**-64
                raise InternalError(f"two messages share the id {mid}")
        return mid


def _encode_finding(f: Finding, tb: _Tables, lang: str) -> tuple[dict[str, Any], bool]:
    """The finding's entry, and whether it holds values of facts (which may be floats)."""
    pos = tb.positions.get(f.position)
    if pos is None:
        pos = tb.positions[f.position] = {
            "file": f.position_file, "dossier": f.dossier, "date": f.position_date,
            "source": f.sources[0] if f.sources else "", "facts": {}}
    mot = tb.motions.get(f.motion)
    if mot is None:
        extra = 1 + (f.declaration is not None)
        mot = tb.motions[f.motion] = {
            "name": f.motion_name, "kamerstuk": f.kamerstuk,
            "source": f.sources[1] if len(f.sources) > extra else None, "requests": {}}
    requests = mot["requests"]
    clause = str(f.clause)
    if clause not in requests:
        requests[clause] = f.request
    out: dict[str, Any] = {
        "position": f.position, "motion": f.motion, "clause": f.clause, "verdict": f.verdict,
        "declared": f.declared, "missing_facts": f.missing_facts, "rule": f.rule,
        "message": tb.msg(f.message),
        "reasons": _encode_reasons(f, tb, lang),
    }
    facts = pos["facts"]
    used: list[Any] = []
    values = False
    for use in f.facts:
        entry = {"present": use.present, "value": use.value, "line": use.line,
                 "column": use.column, "where": use.where}
        known = facts.get(use.name)
        if known is None and use.file == pos["file"]:
            facts[use.name] = known = entry
        if known == entry and use.file == pos["file"]:
            used.append(use.name)
        else:
            used.append(use.model_dump(mode="json"))
            values = True
    # empty lists are left out: most findings (not applicable ones) have neither
    if used:
        out["facts"] = used
    if f.notes:
        out["notes"] = [tb.msg(n) for n in f.notes]
    # the location: a fact's name where it is that fact's line and column in the
    # position's facts, [line, column] for the position as a whole, else in full
    loc = f.location
    if loc is None:
        out["location"] = None
    elif loc.file != pos["file"]:
        out["location"] = {"file": loc.file, "line": loc.line, "column": loc.column, "fact": loc.fact}
    elif loc.fact is None:
        out["location"] = [loc.line, loc.column]
    else:
        known = facts.get(loc.fact)
        out["location"] = loc.fact if known is not None and known["line"] == loc.line \
            and known["column"] == loc.column else {"line": loc.line, "column": loc.column, "fact": loc.fact}
    if f.declaration is not None:
        out["declaration"] = f.declaration.model_dump(mode="json")
    if f.sources != _default_sources(pos, mot, f.declaration is not None and f.declaration.source):
        out["sources"] = f.sources
    # what the tables say otherwise (never for findings `check` produces): said here
    if f.rule is not None:
        rule = tb.rules.setdefault(f.rule, {"file": f.rule_file, "line": f.rule_line,
                                            "interpretation": f.interpretation})
    else:
        rule = {"file": None, "line": None, "interpretation": None}
    for key, value, table in (("position_file", f.position_file, pos["file"]),
                              ("dossier", f.dossier, pos["dossier"]),
                              ("position_date", f.position_date, pos["date"]),
                              ("motion_name", f.motion_name, mot["name"]),
                              ("kamerstuk", f.kamerstuk, mot["kamerstuk"]),
                              ("request", f.request, requests[clause]),
                              ("rule_file", f.rule_file, rule["file"]),
                              ("rule_line", f.rule_line, rule["line"]),
                              ("interpretation", f.interpretation, rule["interpretation"])):
        if value != table:
            out[key] = value
    extras = [k for k in _EXTRA if getattr(f, k) is not None]
    if extras:
        out.update(f.model_dump(mode="json", include=set(extras)))
        values = True
    return out, values


def _encode_reasons(f: Finding, tb: _Tables, lang: str) -> list[list[Any]]:
    """``[part, result, message id]``; a condition's reason as ``[part, result, template id,
    params]`` when its template filled with the finding's facts gives its text (always, for
    findings `check` produces), else with both ``[part, result, message id, template id,
    params]``, so that it reads back as it was."""
    out: list[list[Any]] = []
    facts: dict[str, tuple[bool, Any]] | None = None
    for r in f.reasons:
        if r.template is None or r.params is None:
            out.append([r.part, r.result, tb.msg(r.text)])
            continue
        if facts is None:
            facts = {u.name: (u.present, u.value) for u in f.facts}
        try:
            same = template.fill(r.template, r.params, template.reader(facts), lang) == r.text
        except (KeyError, ValueError):
            same = False
        out.append([r.part, r.result, tb.msg(r.template), r.params] if same
                   else [r.part, r.result, tb.msg(r.text), tb.msg(r.template), r.params])
    return out


def _decode_reason(entry: list[Any], messages: dict[str, str], facts: list[dict[str, Any]] | Any,
                   lang: str, left: list[int]) -> dict[str, Any]:
    """``left``: the characters the filled texts may still take ([-1]: no bound)."""
    part, result, mid, *rest = entry
    if not rest:
        return {"part": part, "result": result, "text": messages[mid]}
    if len(rest) == 1:
        params = rest[0]
        text = messages[mid]
        read = {u["name"]: (u["present"], u.get("value")) for u in facts}
        bound = template.MAX_FILLED if left[0] < 0 else min(template.MAX_FILLED, left[0])
        filled = template.fill(text, params, template.reader(read), lang, limit=bound)
        if left[0] >= 0:
            left[0] -= len(filled)
        return {"part": part, "result": result, "template": text, "params": params, "text": filled}
    tid, params = rest
    return {"part": part, "result": result, "text": messages[mid], "template": messages[tid],
            "params": params}


def _default_sources(pos: dict[str, Any], mot: dict[str, Any], declaration: str | bool) -> list[str]:
    return [pos["source"], *([mot["source"]] if mot["source"] else []),
            *([declaration] if isinstance(declaration, str) else [])]


def _encode_verdict(m: MotionVerdict, tb: _Tables, clauses: dict[str, str] | None) -> dict[str, Any]:
    """``clauses``: the clause verdicts of the position's findings of this motion; the
    verdict's own are written only when they differ (never, for reports `check` makes)."""
    out: dict[str, Any] = {"position": m.position, "motion": m.motion, "verdict": m.verdict,
                           "declared": m.declared, "message": tb.msg(m.message)}
    if m.clauses != clauses:
        out["clauses"] = m.clauses
    pos, mot = tb.positions.get(m.position), tb.motions.get(m.motion)
    if pos is None or pos["file"] != m.position_file:
        out["position_file"] = m.position_file
    if mot is None or mot["name"] != m.motion_name:
        out["motion_name"] = m.motion_name
    if mot is None or mot["kamerstuk"] != m.kamerstuk:
        out["kamerstuk"] = m.kamerstuk
    extras = [k for k in _MV_EXTRA if getattr(m, k) is not None]
    if extras:
        out.update(m.model_dump(mode="json", include=set(extras)))
    return out


_EXTRA = tuple(k for k in Finding.model_fields if k not in _NORMALISED)
_MV_EXTRA = tuple(k for k in MotionVerdict.model_fields if k not in _MV_NORMALISED)


def sections(report: Report) -> tuple[bytes, ...]:
    """The report's sections (see SECTIONS), each its entries, one a line, joined by
    SEPARATOR, in UTF-8; empty when it has none.

    Position by position, its findings and then its motion verdicts are encoded, so the
    tables list their entries in the same order whether the report is rendered whole or
    chunk by chunk."""
    tb = _Tables()
    findings: list[str] = []
    verdicts: list[str] = []
    fi, mi = 0, 0
    fs, ms = report.findings, report.motions
    while fi < len(fs) or mi < len(ms):
        current = fs[fi].position if fi < len(fs) else ms[mi].position
        clauses: dict[str, dict[str, str]] = {}
        while fi < len(fs) and fs[fi].position == current:
            clauses.setdefault(fs[fi].motion, {})[str(fs[fi].clause)] = fs[fi].verdict
            entry, values = _encode_finding(fs[fi], tb, report.lang)
            findings.append(dumps(entry, floats=values))
            fi += 1
        while mi < len(ms) and ms[mi].position == current:
            # verdicts, clause numbers and ids: never a float
            verdicts.append(dumps(_encode_verdict(ms[mi], tb, clauses.get(ms[mi].motion)), floats=False))
            mi += 1
    tables = (tb.motions, tb.rules, tb.messages, tb.positions)
    out = [_join(f"{_INDENT}{dumps(k)}: {dumps(v)}" for k, v in table.items()) for table in tables]
    out += [_join(_INDENT + x for x in verdicts), _join(_INDENT + x for x in findings)]
    return tuple(out)


def _join(lines: Iterable[str]) -> bytes:
    return ",\n".join(lines).encode("utf-8", "surrogatepass")


def merge_section(index: int, section: bytes, seen: dict[bytes, bytes]) -> bytes:
    """A chunk's section without the table entries an earlier chunk wrote (for the tables
    of UNIQUE); ``seen`` holds what was written, per key. Entries under one key are the
    same in every chunk; a difference is an internal error, never a silent choice."""
    if index not in UNIQUE or not section:
        return section
    kept = []
    for entry in section.split(SEPARATOR):
        key, _, _ = entry.partition(b'": ')
        key = bytes([index]) + key
        before = seen.get(key)
        if before is None:
            # a message's key is its digest: its text need not be kept to compare
            seen[key] = entry if index != 2 else b""
            kept.append(entry)
        elif before and before != entry:
            raise InternalError(f"chunks disagree on a {SECTIONS[index]} entry: {key!r}")
    return SEPARATOR.join(kept)


def _header(report: Report) -> str:
    head: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "lang": report.lang, "as_of": report.as_of,
                            "interpretations": report.interpretations, "counts": report.counts}
    if report.duties:  # the duties of conduct of the checked dossiers (compliance duties)
        head["duties"] = [d.model_dump(mode="json") for d in report.duties]
    return json.dumps(head, indent=2, ensure_ascii=False)[:-2]


def assemble(header: Report, parts: list[Iterable[bytes]]) -> Iterator[bytes]:
    """The whole report, in UTF-8, from its header (a report with the final counts; its
    motions and findings are ignored) and per section (see SECTIONS) an iterable of its
    joined entries."""
    yield _header(header).encode()
    for key, part in zip(SECTIONS, parts, strict=True):
        opening, closing = ("{", "}") if key in _TABLES else ("[", "]")
        yield f',\n  "{key}": {opening}'.encode()
        first = True
        for block in part:
            if not block:
                continue
            if first:
                yield b"\n"
                first = False
            yield block
        yield (closing if first else f"\n  {closing}").encode()
    yield b"\n}\n"


def render(report: Report, options: RenderOptions | None = None) -> str:
    return b"".join(assemble(report, [[s] for s in sections(report)])).decode("utf-8", "surrogatepass")


def decode(doc: dict[str, Any], budget: int | None = None) -> dict[str, Any]:
    """A v2 report's document as the v1 document of the same findings (what
    :class:`Report` validates). Raises KeyError or TypeError on a dangling reference, and
    ValueError when the reasons' filled texts would exceed ``budget`` characters in all
    (the reader passes a multiple of the file's size: a report that check wrote fills to
    less than its own size)."""
    left = [budget if budget is not None else -1]
    motions, rules = doc.get("motion_records") or {}, doc.get("rules") or {}
    messages, positions = doc.get("messages") or {}, doc.get("positions") or {}
    lang = doc.get("lang")
    if lang not in template.WORDS:
        raise ValueError(f"unknown report language {lang!r}")
    findings = []
    for f in doc["findings"]:
        f = dict(f)
        pos, mot = positions[f["position"]], motions[f["motion"]]
        rule = rules[f["rule"]] if f.get("rule") is not None else {}
        decl = f.get("declaration")
        for key, value in (("position_file", pos["file"]), ("dossier", pos["dossier"]),
                           ("position_date", pos["date"]), ("motion_name", mot["name"]),
                           ("kamerstuk", mot["kamerstuk"]),
                           ("request", mot["requests"][str(f["clause"])]),
                           ("rule_file", rule.get("file")), ("rule_line", rule.get("line")),
                           ("interpretation", rule.get("interpretation")),
                           ("sources", _default_sources(pos, mot, decl["source"] if decl else False))):
            f.setdefault(key, value)
        f["message"] = messages[f["message"]]
        f["notes"] = [messages[n] for n in f.get("notes", ())]
        f["facts"] = [{"name": u, **pos["facts"][u], "file": pos["file"]} if isinstance(u, str) else u
                      for u in f.get("facts", ())]
        f["reasons"] = [_decode_reason(r, messages, f["facts"], lang, left) for r in f["reasons"]]
        loc = f.get("location")
        if isinstance(loc, str):
            fact = pos["facts"][loc]
            f["location"] = {"file": pos["file"], "line": fact["line"], "column": fact["column"], "fact": loc}
        elif isinstance(loc, list):
            if len(loc) != 2:
                raise ValueError(f"the finding of {f['position']} on {f['motion']} clause {f['clause']}: "
                                 "a location list is [line, column], "
                                 f"not {len(loc)} value(s)")
            f["location"] = {"file": pos["file"], "line": loc[0], "column": loc[1], "fact": None}
        elif loc is not None and "file" not in loc:
            f["location"] = {"file": pos["file"], **loc}
        findings.append(f)
    derived: dict[tuple[str, str], dict[str, str]] = {}
    for f in findings:
        derived.setdefault((f["position"], f["motion"]), {})[str(f["clause"])] = f["verdict"]
    verdicts = []
    for m in doc.get("motions") or []:
        m = dict(m)
        m.setdefault("clauses", derived.get((m["position"], m["motion"]), {}))
        mot = motions.get(m["motion"]) or {}
        m.setdefault("position_file", (positions.get(m["position"]) or {}).get("file"))
        m.setdefault("motion_name", mot.get("name"))
        m.setdefault("kamerstuk", mot.get("kamerstuk"))
        m["message"] = messages[m["message"]]
        verdicts.append(m)
    out = {"schema_version": doc["schema_version"], "lang": doc.get("lang"), "as_of": doc.get("as_of"),
           "interpretations": doc.get("interpretations"), "counts": doc.get("counts"),
           "motions": verdicts, "findings": findings}
    if doc.get("duties"):
        out["duties"] = doc["duties"]
    return out
