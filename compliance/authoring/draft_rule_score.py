"""Score the rule drafter on a corpus of dicta with expected rules (``draft-rule --score``).

A corpus file is markdown: a ``## Dictum`` section whose quoted lines (``> ...``) hold the
dictum, and an ``EXPECTED RULE`` section with a table (``| clause | kind | ...``), a line
``Vocabulary read: `fact`, ...``, a list ``Missing:`` of ``- `name` — type; ...`` bullets and
YAML blocks of clause rules. Per motion: kinds right (by clause number), facts right
(existing facts named by the draft; missing ones matched by a proposed new entry of the same
sort sharing a content lemma), and inversions (a literal the draft's complies_when asserts
that the expected conflicts_when asserts, or the reverse). The parser reads what it finds
and says what it could not: a file without a dictum or a table is reported, not guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from compliance.authoring.draft_rule import RuleDraft, draft_dictum, lemmas
from compliance.model.vocabulary import Vocabulary


@dataclass
class Expected:
    motion: str
    dictum: str
    year: str | None
    kinds: dict[int, str]
    kind_texts: dict[int, str]
    existing: list[str]
    missing: list[tuple[str, str, str]]  # (name, sort, words)
    rules: dict[int, list[dict[str, Any]]]
    problems: list[str] = field(default_factory=list)


def map_kind(text: str) -> str:
    """The request kind an adviser's free-text kind cell names."""
    low = text.lower()
    if "presidium" in low or "not addressed" in low:
        return "not_addressed"
    if "spreekt uit" in low or "statement" in low or "house's own" in low:
        return "statement"
    if "recurring" in low:
        return "recurring"
    if "standstill" in low:
        return "standstill"
    if "vote" in low or "te stemmen" in low:
        return "vote"
    if "inform the house" in low:
        return "inform"
    found = [(low.find(w), k) for w, k in (("effort", "effort"), ("result", "result"), ("content", "result"))
             if w in low]
    return min(found)[1] if found else "unknown"


def _section(text: str, title: str) -> str:
    m = re.search(rf"^##\s+{title}[^\n]*\n(.*?)(?=^##\s|\Z)", text, re.S | re.M | re.I)
    return m.group(1) if m else ""


def parse(text: str, motion: str) -> Expected:
    problems: list[str] = []
    dictum_sec = _section(text, "Dictum")
    quoted = [ln.lstrip() for ln in dictum_sec.splitlines() if ln.lstrip().startswith(">")]
    dictum = "\n".join(ln[1:].strip() for ln in quoted)
    if not dictum.strip():
        problems.append("no quoted dictum under '## Dictum'")
    dm = re.search(r"^\s*-\s*Date:(.*)$", text, re.M)
    year = re.search(r"\b(19|20)\d\d\b", dm.group(1)) if dm else None
    exp = _section(text, "EXPECTED RULE")
    kinds: dict[int, str] = {}
    texts: dict[int, str] = {}
    header: list[str] | None = None
    for ln in exp.splitlines():
        if not ln.strip().startswith("|"):
            if header and kinds:
                break
            continue
        cells = [c.strip() for c in ln.strip().strip("|").split("|")]
        if header is None:
            if any(c.lower() == "clause" for c in cells) and any(c.lower() == "kind" for c in cells):
                header = [c.lower() for c in cells]
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        num = re.search(r"\d+", cells[header.index("clause")])
        if num:
            k = cells[header.index("kind")]
            kinds[int(num.group(0))] = map_kind(k)
            texts[int(num.group(0))] = k
    if not kinds:
        problems.append("no table with the columns 'clause' and 'kind' under EXPECTED RULE")
    existing: list[str] = []
    vm = re.search(r"^Vocabulary(?: read)?[^\n]*$", exp, re.M)
    if vm:
        existing = list(dict.fromkeys(re.findall(r"`([a-z][a-z0-9_]*)`", vm.group(0))))
    missing: list[tuple[str, str, str]] = []
    mm = re.search(r"^Missing[^\n]*\n(.*?)(?=\n\s*\n(?!\s*-)|\Z)", exp, re.S | re.M)
    if mm and re.match(r"^Missing:?\s*\**\s*none\b", mm.group(0), re.I):
        mm = None  # "Missing: none (...)": the list that follows is something else
    elif mm:
        # the list ends at the first line that is neither a bullet nor its continuation
        body = re.split(r"\n(?=[^\s-])", "\n" + mm.group(1))[0] if not mm.group(1).startswith("\n") else ""
        mm = re.match(r"(?s)(.*)", body)
    if mm:
        for bullet in re.split(r"\n(?=\s*-\s)", mm.group(0)):
            b = bullet.strip()
            if not b.startswith("-"):
                continue
            typed = re.search(r"`([a-z][a-z0-9_]*)`\s*(?:\([^)]*\))?\s*[—-]+\s*(?:type\s+)?[a-z]", b)
            names = re.findall(r"`([a-z][a-z0-9_]*)`", b)
            if not names:
                continue
            name = typed.group(1) if typed else names[0]
            low = b.lower()
            lead = low.split("`")[0]
            sort = ("field" if "field" in lead else
                    "event" if re.search(r"timeline event|events tagged|\btag\b", lead) else "fact")
            missing.append((name, sort, b))
    rules: dict[int, list[dict[str, Any]]] = {}
    for block in re.findall(r"```yaml\n(.*?)```", exp, re.S):
        try:
            data = yaml.safe_load(block)
        except yaml.YAMLError:
            problems.append("an expected YAML block does not parse")
            continue
        for item in data if isinstance(data, list) else []:
            if isinstance(item, dict) and isinstance(item.get("clause"), int):
                rules.setdefault(item["clause"], []).append(item)
    return Expected(motion, dictum, year.group(0) if year else None, kinds, texts, existing, missing,
                    rules, problems)


# --- comparing --------------------------------------------------------------------------

_FLIP = {"le": "gt", "lt": "ge", "gt": "le", "ge": "lt"}


def literals(cond: Any, sign: bool = True) -> set[tuple[Any, ...]]:
    """The atoms a condition asserts, with their sign (normalised: 'not le 30' is 'gt 30')."""
    if not isinstance(cond, dict):
        return set()
    out: set[tuple[Any, ...]] = set()
    for key in ("all", "any"):
        for c in cond.get(key) or []:
            out |= literals(c, sign)
    if "not" in cond:
        out |= literals(cond["not"], not sign)
    if "concept" in cond:
        out.add(("concept", cond["concept"], sign))
    if "fact" in cond:
        op = next((k for k in cond if k != "fact"), None)
        if op is None:
            return out
        v = cond[op]
        if not sign and op in _FLIP:
            out.add((cond["fact"], _FLIP[op], v, True))
        elif op == "equals" and isinstance(v, bool):
            out.add((cond["fact"], "equals", v if sign else not v, True))
        else:
            out.add((cond["fact"], op, _hashable(v), sign))
    return out


def _hashable(v: Any) -> Any:
    return tuple(v) if isinstance(v, list) else v


def inversions(drafted: dict[str, Any] | None, expected: list[dict[str, Any]]) -> list[str]:
    if not drafted:
        return []
    dc, dx = literals(drafted.get("complies_when")), literals(drafted.get("conflicts_when"))
    out = []
    for e in expected:
        ec, ex = literals(e.get("complies_when")), literals(e.get("conflicts_when"))
        out += [f"drafted complies on {lit} where the adviser conflicts" for lit in sorted(dc & ex, key=str)]
        out += [f"drafted conflicts on {lit} where the adviser complies" for lit in sorted(dx & ec, key=str)]
    return out


def named(d: RuleDraft, vocab: Vocabulary | None) -> set[str]:
    out: set[str] = set()

    def walk(c: Any) -> None:
        if isinstance(c, dict):
            if "fact" in c:
                out.add(c["fact"])
            if "concept" in c:
                out.add(c["concept"])
                cd = vocab.concepts.get(c["concept"]) if vocab else None
                if cd is not None:
                    walk(cd.when)
            for v in c.values():
                walk(v)
        elif isinstance(c, list):
            for v in c:
                walk(v)

    for c in d.clauses:
        walk(c.rule)
        walk(c.alt_rule)
        out.update(f.fact for f in c.facts)
    return out


def _bag(text: str) -> set[str]:
    return {w for w in lemmas(text.replace("_", " ")) if len(w) >= 4}


@dataclass
class MotionScore:
    motion: str
    kinds_right: int
    kinds_total: int
    facts_right: int
    facts_total: int
    inversions: list[str]
    details: list[str]


def score_one(exp: Expected, vocab: Vocabulary | None, dossier: str) -> tuple[MotionScore, RuleDraft]:
    d = draft_dictum(exp.dictum, vocab, "provisional-scored", dossier, motion_date=exp.year)
    details: list[str] = [f"problem: {p}" for p in exp.problems]
    by_num = {c.number: c for c in d.clauses}
    right = 0
    for n, k in sorted(exp.kinds.items()):
        got = by_num[n].kind if n in by_num else "missing"
        right += got == k
        if got != k:
            details.append(f"clause {n}: kind {got}, expected {k} ({exp.kind_texts[n][:60]})")
    if len(d.clauses) != len(exp.kinds):
        details.append(f"{len(d.clauses)} clauses drafted, {len(exp.kinds)} expected")
    have = named(d, vocab)
    f_right = 0
    # "existing" means in the vocabulary: a value or an event named in the same line is no fact
    existing = [n for n in exp.existing if vocab is None or n in vocab.facts or n in vocab.concepts]
    for name in existing:
        if name in have:
            f_right += 1
        else:
            details.append(f"fact {name} not named")
    proposals = [(e.name, "event" if e.kind in ("event", "tag", "step") else "fact", _bag(f"{e.name} {e.nl}"))
                 for e in d.new_entries]
    used: set[int] = set()
    for name, sort, words in exp.missing:
        if sort == "field":
            ok = name == "addressee" and any(c.kind == "not_addressed" for c in d.clauses)
        else:
            bag = _bag(f"{name} {words.split('—')[-1] if '—' in words else words}") | _bag(name)
            best = next((i for i, (_, s, b) in enumerate(proposals)
                         if i not in used and s == sort and b & bag), None)
            if best is None:  # same sort, no shared word: the adviser's name is a paraphrase
                best = next((i for i, (_, s, _b) in enumerate(proposals) if i not in used and s == sort
                             and sort == "event"), None)
            ok = best is not None
            if best is not None:
                used.add(best)
        f_right += ok
        if not ok:
            details.append(f"missing {sort} {name} not proposed")
    inv: list[str] = []
    for n, rules in exp.rules.items():
        if n in by_num:
            inv += [f"clause {n}: {x}" for x in inversions(by_num[n].rule, rules)]
    return MotionScore(exp.motion, right, len(exp.kinds), f_right, len(existing) + len(exp.missing),
                       inv, details), d


def halves(folder: Path) -> dict[str, str]:
    """motion id -> tune|measure, from a README.md table (in the folder or its parent)."""
    for readme in (folder / "README.md", folder.parent / "README.md"):
        if readme.is_file():
            out: dict[str, str] = {}
            for ln in readme.read_text(encoding="utf-8").splitlines():
                m = re.match(r"^\|\s*\[([^\]]+)\]\([^)]*\)\s*\|.*\|\s*(tune|measure)\s*\|\s*$", ln)
                if m:
                    out[m.group(1)] = m.group(2)
            if out:
                return out
    return {}


def corpus_files(folder: Path) -> list[tuple[str, Path]]:
    """(dossier, file) for every motion file in the folder or its dossier subfolders."""
    files = sorted(p for p in folder.glob("*.md") if p.name.lower() != "readme.md")
    if files:
        return [(folder.name, p) for p in files]
    return [(sub.name, p) for sub in sorted(folder.iterdir()) if sub.is_dir()
            for p in sorted(sub.glob("*.md")) if p.name.lower() != "readme.md"]


def score_folder(folder: Path, vocabularies: dict[str, Vocabulary], half: str | None = None
                 ) -> list[MotionScore]:
    which = halves(folder)
    out = []
    for dossier, path in corpus_files(folder):
        motion = path.stem
        if half is not None and which.get(motion) != half:
            continue
        exp = parse(path.read_text(encoding="utf-8"), motion)
        s, _ = score_one(exp, vocabularies.get(dossier), dossier)
        out.append(s)
    return out


def render(scores: list[MotionScore], lang: str = "en") -> str:
    nl = lang == "nl"
    lines = []
    for s in scores:
        lines.append(f"{s.motion}: {'soort' if nl else 'kinds'} {s.kinds_right}/{s.kinds_total}, "
                     f"{'feiten' if nl else 'facts'} {s.facts_right}/{s.facts_total}, "
                     f"{'omkeringen' if nl else 'inversions'} {len(s.inversions)}")
        lines += [f"    {x}" for x in s.details + s.inversions]
    k = sum(s.kinds_right for s in scores), sum(s.kinds_total for s in scores)
    f = sum(s.facts_right for s in scores), sum(s.facts_total for s in scores)
    inv = sum(len(s.inversions) for s in scores)

    def pct(a: int, b: int) -> str:
        return f"{100.0 * a / b:.1f}%" if b else "-"

    lines.append(f"{'totaal' if nl else 'total'} ({len(scores)} {'moties' if nl else 'motions'}): "
                 f"{'soort goed' if nl else 'kinds right'} {k[0]}/{k[1]} = {pct(*k)}, "
                 f"{'feiten goed' if nl else 'facts right'} {f[0]}/{f[1]} = {pct(*f)}, "
                 f"{'omkeringen' if nl else 'inversions'} {inv}")
    return "\n".join(lines) + "\n"
