"""What the workbench asks of the library: the workspace (reloaded when its files
change), positions, checks of unsaved drafts, explanations, suggestions, the timeline.

Drafts go through :func:`load_position_text`, the loader files go through, so a draft
and the same text saved to a file give the same errors and the same findings."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from compliance.backends import Backend, get_backend
from compliance.dates import PartialDate
from compliance.errors import InputError, InputErrors, Text, msg, said
from compliance.evaluate import check
from compliance.loading.workspace import (
    LoadedPosition,
    Workspace,
    load_position_text,
    load_positions,
    load_workspace,
    position_files,
)
from compliance.model.common import Lang
from compliance.model.output import FactChange, Report
from compliance.text_safety import excerpt
from compliance.verdict import SEVERITY

# a new file's name: ASCII letters, digits, '_', '-', '.' (what FILE_PATTERN lets the editor
# open again), within the file system's limit of 255 bytes per name
NEW_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*\.ya?ml", re.ASCII)
MAX_NAME_BYTES = 255
POSITION_DIRS = ("examples/positions", "examples/scenarios")
NEW_DIR = "examples/positions"
DRAFTS_DIR = "drafts"  # unsaved editor states kept for a link (never a positions folder)
MAX_DRAFTS = 500  # the drafts folder keeps this many states, the most recently kept
DRAFT_ID = re.compile(r"^[0-9a-f]{20}$")
LETTERS_DIR = "letters"  # the letters drafted positions came from, kept when one is saved
LETTER_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,79}$")


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class PathRefused(ValueError):
    """A path outside the workspace, through a symlink out, or not a position file."""


@dataclass
class Suggestion:
    motion: str
    clause: int
    changes: list[FactChange]


def _stamp(paths: list[Path]) -> tuple[tuple[str, int, int], ...]:
    out = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            continue
        out.append((str(p), st.st_mtime_ns, st.st_size))
    return tuple(out)


class Workbench:
    """One workspace served; thread-safe for uvicorn's worker threads."""

    def __init__(self, root: Path, backend: str = "durable") -> None:
        self.root = root.resolve()
        self.backend_name = backend
        self._lock = threading.RLock()
        self._ws: Workspace | None = None
        self._ws_stamp: Any = None
        self._engines: dict[str, Backend] = {}
        self._positions: tuple[Any, list[LoadedPosition]] | None = None
        self._reports: dict[Any, dict[Any, tuple[list[Any], list[Any]]]] = {}
        self._position_stamps: dict[str, tuple[int, int]] = {}
        self._interps: dict[str, str] = {}
        self._timelines: dict[Any, dict[str, Any]] = {}
        self._left_out: list[InputError] = []

    # --- the workspace -------------------------------------------------------------
    def _ws_files(self) -> list[Path]:
        files: list[Path] = []
        for sub in ("motions", "rules"):
            d = self.root / sub
            if d.is_dir():
                files.extend(sorted(p for p in d.rglob("*.y*ml")))
        return files

    def workspace(self) -> Workspace:
        """The loaded workspace; reloaded when a motion or rule file changed. Raises InputErrors."""
        stamp = _stamp(self._ws_files())
        with self._lock:
            if self._ws is None or stamp != self._ws_stamp:
                self._ws = load_workspace(self.root)
                self._ws_stamp = stamp
                self._positions = None
                self._reports.clear()
                self._timelines.clear()
            return self._ws

    def engine(self, lang: str) -> Backend:
        with self._lock:
            if lang not in self._engines:
                self._engines[lang] = get_backend(self.backend_name, lambda _m: None, lang)
            return self._engines[lang]

    # --- paths ---------------------------------------------------------------------
    def display(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def resolve(self, rel: str, *, must_exist: bool = True) -> Path:
        """A workspace-relative position path as an absolute one, refusing anything that
        leaves the workspace (``..``, absolute paths, symlinks pointing out)."""
        if not rel or "\x00" in rel or rel.startswith(("/", "\\")) or ":" in rel:
            raise PathRefused(Text(f"{rel!r} is not a path inside the workspace",
                                   f"{rel!r} is geen pad binnen de werkruimte"))
        parts = Path(rel).parts
        if ".." in parts or any(p.startswith(".") for p in parts):
            raise PathRefused(Text(f"{rel!r} leaves the workspace or names a hidden file",
                                   f"{rel!r} gaat buiten de werkruimte of noemt een verborgen bestand"))
        if Path(rel).suffix not in (".yaml", ".yml"):
            raise PathRefused(Text(f"{rel!r} is not a YAML file", f"{rel!r} is geen YAML-bestand"))
        path = self.root / rel
        real = path.resolve()
        if not real.is_relative_to(self.root):
            raise PathRefused(Text(f"{rel!r} leads outside the workspace",
                                   f"{rel!r} leidt buiten de werkruimte"))
        if not any(real.is_relative_to((self.root / d).resolve()) for d in POSITION_DIRS):
            folders = ", ".join(POSITION_DIRS)
            raise PathRefused(Text(f"{rel!r} is not in a positions folder ({folders})",
                                   f"{rel!r} staat niet in een map met posities ({folders})"))
        if must_exist and not real.is_file():
            raise PathRefused(Text(f"{rel!r}: no such position file",
                                   f"{rel!r}: dit positiebestand bestaat niet"))
        return path

    def new_path(self, name: str, lang: str = "en") -> Path:
        """Where a new position file named ``name`` goes (the positions folder)."""
        if not name or "/" in name or "\\" in name:
            raise PathRefused(Text(f"{name!r}: give a file name without folders",
                                   f"{name!r}: geef een bestandsnaam zonder mappen"))
        shown = excerpt(repr(name), 80)
        size = len(name.encode("utf-8", "surrogatepass"))
        if size > MAX_NAME_BYTES:
            raise PathRefused(msg("wb_name_too_long", name=shown, n=size, most=MAX_NAME_BYTES))
        # the names the editor's own links can open again: no line breaks, '%', bidi controls
        if not NEW_NAME.fullmatch(name):
            raise PathRefused(msg("wb_name_refused", name=shown))
        return self.resolve(f"{NEW_DIR}/{name}", must_exist=False)

    def read(self, rel: str) -> str:
        path = self.resolve(rel)
        from compliance.loading.textfile import read_text_file
        from compliance.loading.yaml_safe import MAX_BYTES

        return read_text_file(path, rel, max_bytes=MAX_BYTES, what=Text("YAML text", "YAML-tekst"))

    # --- positions -------------------------------------------------------------------
    def position_dirs(self) -> list[Path]:
        return [self.root / d for d in POSITION_DIRS if (self.root / d).is_dir()]

    def positions(self) -> list[LoadedPosition]:
        """Every position file of the workspace (cached until one changes). Raises InputErrors."""
        ws = self.workspace()
        stamp = _stamp(position_files(self.position_dirs()))
        with self._lock:
            if self._positions is None or self._positions[0] != stamp:
                left_out: list[InputError] = []
                self._positions = (stamp, load_positions(ws, self.position_dirs(), left_out))
                self._left_out = sorted(set(left_out))
                self._position_stamps = {ws.display(Path(p)): (m, n) for p, m, n in stamp}
            return self._positions[1]

    def problems(self, lang: str = "en") -> list[str]:
        """The workspace's problems that leave a position file out of the pages (a repeated
        id), located: shown on every page until the file is put right."""
        # cached: loads only when a file changed; a file that cannot be read at all is said
        # by the page that needs it
        with contextlib.suppress(InputErrors):
            self.positions()
        with self._lock:
            return [e.render(lang) for e in self._left_out]

    def require_valid(self) -> None:
        """What the command line would refuse the workspace for (a repeated position id):
        InputErrors, for the API calls that answer as ``compliance check``/``validate`` do."""
        self.positions()
        with self._lock:
            if self._left_out:
                raise InputErrors(list(self._left_out))

    def position_files(self) -> list[str]:
        """The position files, workspace-relative (without loading them: one bad file
        must not keep the others from being opened)."""
        return [self.display(p) for p in position_files(self.position_dirs())
                if p.resolve().is_relative_to(self.root)]

    def position_list(self) -> list[dict[str, Any]]:
        return [{"file": p.file, "id": p.model.id, "dossier": p.model.dossier, "date": p.model.date,
                 "actor": p.model.actor, "title": p.model.source.title}
                for p in sorted(self.positions(), key=lambda p: (p.model.date, p.file))]

    def overview(self, lang: str, as_of: str | None = None,
                 interpretations: dict[str, str] | None = None) -> Report:
        """Every position checked; a position's part is kept until its file (or the
        workspace) changes, so an edit re-checks that position only."""
        positions = self.positions()
        key = (lang, as_of, tuple(sorted((interpretations or {}).items())))
        with self._lock:
            stamps = self._position_stamps
            parts = self._reports.setdefault(key, {})
            todo = [p for p in positions if (p.file, p.model.id, stamps.get(p.file)) not in parts]
        if todo:
            fresh = check(self.workspace(), todo, self.engine(lang), lang=lang,  # type: ignore[arg-type]
                          as_of=as_of, interpretations=interpretations)
            by_pos: dict[str, tuple[list[Any], list[Any]]] = {p.model.id: ([], []) for p in todo}
            for m in fresh.motions:
                by_pos[m.position][0].append(m)
            for f in fresh.findings:
                by_pos[f.position][1].append(f)
            with self._lock:
                for p in todo:
                    parts[(p.file, p.model.id, stamps.get(p.file))] = by_pos[p.model.id]
                self._interps = fresh.interpretations
        ordered = sorted(positions, key=lambda p: (p.file, p.model.id))  # as check orders them
        motions: list[Any] = []
        findings: list[Any] = []
        with self._lock:
            for p in ordered:
                ms, fs = parts[(p.file, p.model.id, stamps.get(p.file))]
                motions.extend(ms)
                findings.extend(fs)
            interps = self._interps
        counts = dict.fromkeys(SEVERITY, 0)
        for f in findings:
            counts[f.verdict] += 1
        counts["undeclared_conflicts"] = sum(1 for f in findings
                                             if f.verdict == "conflicts" and f.declared is not True)
        report = Report(lang=lang, as_of=as_of, interpretations=interps, counts=counts,  # type: ignore[arg-type]
                        motions=motions, findings=findings)
        # the duties of conduct of the positions' dossiers, as `compliance check` reports them
        from compliance.evaluate.duty_list import with_duties

        return with_duties(report, self.workspace(), ordered, as_of, lang, interpretations)  # type: ignore[arg-type]

    # --- drafts ------------------------------------------------------------------------
    def load_draft(self, text: str, file: str) -> LoadedPosition:
        return load_position_text(self.workspace(), text, file)

    def load_for_save(self, text: str, file: str, lang: str) -> LoadedPosition:
        """The draft as :meth:`load_draft` loads it, refused (at its id) when another position
        file already has its id: saved, it would stop ``compliance check`` for the workspace."""
        pos = self.load_draft(text, file)
        others = [p.file for p in self.positions() if p.model.id == pos.model.id and p.file != file]
        if others:
            from compliance.loading.yaml_safe import load_text

            doc = load_text(text.removeprefix("\ufeff"), file)
            raise InputErrors([doc.error(("id",), msg("wb_duplicate_id", id=pos.model.id, file=others[0]),
                                         msg("wb_duplicate_id_fix"))])
        return pos

    def check_draft(self, text: str, file: str, lang: str, as_of: str | None = None,
                    interpretations: dict[str, str] | None = None) -> tuple[LoadedPosition, Report]:
        if as_of:
            check_date(as_of)
        self.workspace().check_interpretations(interpretations, "interpretations")
        pos = self.load_draft(text, file)
        report = check(self.workspace(), [pos], self.engine(lang), lang=lang,  # type: ignore[arg-type]
                       as_of=as_of or None, interpretations=interpretations)
        return pos, report

    def suggestions(self, pos: LoadedPosition, report: Report, as_of: str | None = None,
                    interpretations: dict[str, str] | None = None) -> list[Suggestion]:
        """For each conflicting or undetermined clause decided by its rule: the smallest
        fact changes after which it complies (as of the same date as the verdicts)."""
        from compliance.authoring.suggest import would_comply
        from compliance.standstill import derive

        ws = self.workspace()
        pack = ws.pack(pos.model.dossier, interpretations)
        timeline = ws.timelines.get(pos.model.dossier)
        facts = dict(pos.facts)
        if timeline is not None:
            date = PartialDate.parse(as_of or pos.model.date)
            facts.update(derive(pack.flags, timeline, date, list(pos.model.planned_steps)))
        vocab = ws.vocabularies[pos.model.dossier]
        by_key = {c.key: c for c in pack.clauses}
        out: list[Suggestion] = []
        for f in report.findings:
            if f.verdict not in ("conflicts", "undetermined") or f.rule is None \
                    or f.reasons[0].part == "adoption":
                continue
            clause = by_key.get(f"{f.motion}#{f.clause}")
            if clause is None:
                continue
            for changes in would_comply(clause, facts, vocab.model, vocab.concepts):
                out.append(Suggestion(f.motion, f.clause, [FactChange(**c.as_json()) for c in changes]))
        return out

    def explain(self, pos: LoadedPosition, motion: str, lang: str,
                interpretations: dict[str, str] | None = None, clause: int | None = None) -> dict[str, Any]:
        from compliance.authoring.explain import explain, resolve_motion

        ws = self.workspace()
        ws.check_interpretations(interpretations, "interpretations")
        motion = resolve_motion(ws, motion)
        return explain(ws, pos, motion, self.engine(lang), clause=clause, lang=cast(Lang, lang),
                       interpretations=interpretations)

    def position_by_file(self, rel: str) -> LoadedPosition:
        self.resolve(rel)
        for p in self.positions():
            if p.file == rel:
                return p
        raise PathRefused(Text(f"{rel!r}: no such position file",
                               f"{rel!r}: dit positiebestand bestaat niet"))

    # --- timeline ----------------------------------------------------------------------
    def timeline(self, dossier: str, lang: str) -> dict[str, Any]:
        """The dossier's timeline rows; recomputed only when a position of that dossier
        (or the workspace) changed."""
        # timeline_rows loads the workspace and the positions itself, so it is given the
        # dossier's own position files only.
        from compliance.timeline import timeline_rows

        positions = [p for p in self.positions() if p.model.dossier == dossier]
        with self._lock:
            key = (dossier, lang, self._ws_stamp,
                   tuple((p.file, self._position_stamps.get(p.file)) for p in positions))
            found = self._timelines.get(key)
        if found is None:
            files = [self.root / p.file for p in positions]
            found = timeline_rows(self.root, dossier, self.backend_name, cast(Lang, lang),
                                  files or self.position_dirs())
            with self._lock:
                if len(self._timelines) > 64:
                    self._timelines.clear()
                self._timelines[key] = found
        return found

    # --- saving ------------------------------------------------------------------------
    def save(self, path: Path, text: str, expected_sha: str | None) -> None:
        """Write ``text`` atomically, refusing when the file changed since ``expected_sha``
        was read (None: the file must not exist yet)."""
        from compliance.reports import write_atomically

        with self._lock:
            if expected_sha is None:
                if path.exists():
                    shown = self.display(path)
                    raise StaleFile(Text(f"{shown} already exists; open it to edit it",
                                         f"{shown} bestaat al; open het om het te bewerken"))
            else:
                try:
                    current = path.read_bytes().decode("utf-8-sig")
                except OSError:
                    raise StaleFile(Text(f"{path.name} has gone since it was opened",
                                         f"{path.name} is verdwenen sinds het werd geopend")) from None
                if sha256(current) != expected_sha:
                    shown = self.display(path)
                    raise StaleFile(Text(f"{shown} changed on disk since it was opened; reload it and apply "
                                         "your changes again",
                                         f"{shown} is op schijf gewijzigd sinds het werd geopend; laad het "
                                         "opnieuw en breng uw wijzigingen opnieuw aan"))
            if path.is_symlink():
                raise PathRefused(Text("refusing to write through a symbolic link",
                                       "er wordt niet via een symbolische koppeling geschreven"))
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_atomically(path, text)
            except OSError as e:  # a full disk, a read-only folder: a located refusal, not a 500
                why = e.strerror or e
                raise PathRefused(Text(f"{self.display(path)}: cannot write it ({why})",
                                       f"{self.display(path)}: kan het niet schrijven ({why})")) from None


    # --- diff ---------------------------------------------------------------------------------
    def compare(self, before: LoadedPosition, after: LoadedPosition, lang: str, as_of: str | None = None,
                interpretations: dict[str, str] | None = None) -> dict[str, Any]:
        """Two positions side by side: the facts that differ, each motion's verdict before and
        after, and the open findings classified by the library behind ``compliance diff``
        (the older side named as the newer, so that a finding keeps its identity)."""
        from compliance.baseline import classify
        from compliance.conditions.values import to_json

        ws = self.workspace()
        engine = self.engine(lang)
        old = check(ws, [before], engine, lang=lang, as_of=as_of, interpretations=interpretations)  # type: ignore[arg-type]
        new = check(ws, [after], engine, lang=lang, as_of=as_of, interpretations=interpretations)  # type: ignore[arg-type]
        renamed = old.model_copy(update={"findings": [
            f.model_copy(update={"position": after.model.id, "position_file": after.file})
            for f in old.findings]})
        diff = classify(renamed, new)
        facts = []
        for name in sorted(set(before.facts) | set(after.facts)):
            a = to_json(before.facts[name]) if name in before.facts else None
            b = to_json(after.facts[name]) if name in after.facts else None
            if (name in before.facts, a) != (name in after.facts, b):
                facts.append({"fact": name, "before": a, "after": b, "had": name in before.facts,
                              "has": name in after.facts})
        was = {m.motion: m for m in old.motions}
        motions = []
        for m in new.motions:
            o = was.get(m.motion)
            motions.append({"motion": m.motion, "name": m.motion_name, "kamerstuk": m.kamerstuk,
                            "before": o, "after": m,
                            "changed": o is None or (o.verdict, o.declared) != (m.verdict, m.declared)})
        return {"diff": diff, "facts": facts, "motions": motions, "before": before, "after": after,
                "dossier": after.model.dossier}

    # --- unsaved drafts kept for a link ---------------------------------------------------
    def keep_draft(self, state: dict[str, Any]) -> str:
        """Keep an editor state (the form's data, the file it edits, the as-of date, the
        interpretations, the letter) under an id made from its content, in the drafts
        folder: the same state gives the same id, and a position is never written."""
        from compliance.reports import write_atomically

        text = json.dumps(state, sort_keys=True, ensure_ascii=False, default=str)
        key = sha256(text)[:20]
        folder = self.root / DRAFTS_DIR
        path = folder / f"{key}.json"
        with self._lock:
            if folder.is_symlink() or path.is_symlink():
                raise PathRefused(Text("refusing to write through a symbolic link",
                                       "er wordt niet via een symbolische koppeling geschreven"))
            if not path.exists():
                folder.mkdir(exist_ok=True)
                write_atomically(path, text)
            else:
                os.utime(path)  # kept again: among the most recent
            self._prune_drafts(folder, path)
        return key

    def _prune_drafts(self, folder: Path, keep: Path) -> None:
        """Ids are made from content, yet every edited form is new content: keep at most
        MAX_DRAFTS states, the most recently kept (a link to an older one then says so)."""
        kept = sorted((p for p in folder.glob("*.json") if DRAFT_ID.match(p.stem) and not p.is_symlink()),
                      key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)
        for old in kept[MAX_DRAFTS:]:
            if old != keep:
                old.unlink(missing_ok=True)

    def draft_position(self, key: str) -> tuple[LoadedPosition, dict[str, Any]]:
        """A kept draft loaded as the text a save would write (an opened file's lines stay
        its lines), with its state. InputErrors when the draft is not valid."""
        from compliance.web import forms

        state = self.draft_state(key)
        file = str(state.get("file") or "")
        text = forms.merged_yaml(self.read(file), state["data"]) if file else forms.to_yaml(state["data"])
        return self.load_draft(text, file or f"{NEW_DIR}/draft.yaml"), state

    def draft_state(self, key: str) -> dict[str, Any]:
        """A kept editor state by its id (PathRefused when there is none)."""
        if not DRAFT_ID.match(key):
            raise PathRefused(Text(f"{key!r} is not a draft id", f"{key!r} is geen id van een concept"))
        path = self.root / DRAFTS_DIR / f"{key}.json"
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 4 * 1024 * 1024:
            raise PathRefused(Text(f"no draft {key!r} in this workspace",
                                   f"geen concept {key!r} in deze werkruimte"))
        state = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(state, dict) or not isinstance(state.get("data"), dict):
            raise PathRefused(Text(f"draft {key!r} is not an editor state",
                                   f"concept {key!r} is geen toestand van de editor"))
        return state


    # --- letters ------------------------------------------------------------------------
    def letter_target(self, name: str, text: str) -> str:
        """Where a drafted position's letter is kept in the letters folder (a name already
        taken by another text gets a number; the same text, the same file)."""
        if not LETTER_NAME.match(name):
            raise PathRefused(Text(f"{name!r} is not a letter's file name",
                                   f"{name!r} is geen bestandsnaam van een brief"))
        folder = self.root / LETTERS_DIR
        if folder.is_symlink():
            raise PathRefused(Text("refusing to write through a symbolic link",
                                   "er wordt niet via een symbolische koppeling geschreven"))
        stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
        for n in range(1, 1000):
            candidate = name if n == 1 else f"{stem}-{n}{dot}{ext}"
            path = folder / candidate
            if path.is_symlink():
                continue
            if path.exists() and path.read_text(encoding="utf-8", errors="replace") != text:
                continue
            return f"{LETTERS_DIR}/{candidate}"
        raise PathRefused(Text(f"too many letters named {name!r}", f"te veel brieven met de naam {name!r}"))

    def keep_letter(self, rel: str, text: str) -> None:
        """Write the letter at ``rel`` (from :meth:`letter_target`) unless it is there."""
        from compliance.reports import write_atomically

        path = self.root / rel
        with self._lock:
            if path.is_symlink() or path.parent.is_symlink():
                raise PathRefused(Text("refusing to write through a symbolic link",
                                       "er wordt niet via een symbolische koppeling geschreven"))
            if not path.exists():
                path.parent.mkdir(exist_ok=True)
                write_atomically(path, text)

    def read_letter(self, rel: str) -> str | None:
        """A kept letter's text by its workspace-relative path; None when it is not one."""
        folder, _, name = rel.partition("/")
        if folder != LETTERS_DIR or not LETTER_NAME.match(name):
            return None
        path = self.root / LETTERS_DIR / name
        if path.is_symlink() or not path.is_file() or path.stat().st_size > 4 * 1024 * 1024:
            return None
        if not path.resolve().is_relative_to(self.root.resolve()):
            return None  # letters/ itself a symlink out of the workspace
        return path.read_text(encoding="utf-8", errors="replace")


    # --- read-only views of the workspace's files ---------------------------------------------
    def source_text(self, rel: str) -> str:
        """A workspace file shown read-only (a position, rule, motion or kept letter);
        PathRefused for anything else (hidden, outside, through a symlink out, too large)."""
        if not rel or "\x00" in rel or rel.startswith(("/", "\\")) or ":" in rel or "\\" in rel:
            raise PathRefused(Text(f"{rel!r} is not a path inside the workspace",
                                   f"{rel!r} is geen pad binnen de werkruimte"))
        parts = Path(rel).parts
        if ".." in parts or any(p.startswith(".") for p in parts):
            raise PathRefused(Text(f"{rel!r} leaves the workspace or names a hidden file",
                                   f"{rel!r} gaat buiten de werkruimte of noemt een verborgen bestand"))
        real = (self.root / rel).resolve()
        top = self.root.resolve()
        allowed = (*POSITION_DIRS, "rules", "motions", LETTERS_DIR)
        # an allowed folder that is (or passes through) a symlink out of the workspace allows nothing
        folders = [f for f in ((self.root / d).resolve() for d in allowed) if f.is_relative_to(top)]
        if not real.is_relative_to(top) or not any(real.is_relative_to(f) for f in folders):
            raise PathRefused(Text(f"{rel!r} is not a position, rule, motion or letter file",
                                   f"{rel!r} is geen bestand van een positie, regel, motie of brief"))
        if not real.is_file() or real.stat().st_size > 4 * 1024 * 1024:
            raise PathRefused(Text(f"{rel!r}: no such file", f"{rel!r}: dit bestand bestaat niet"))
        return real.read_text(encoding="utf-8", errors="replace")

    def letter_line(self, letter_rel: str, quote: str) -> int | None:
        """The line of a kept letter where a `where` quote starts (whitespace-insensitive)."""
        text = self.read_letter(letter_rel)
        words = quote.split()
        if text is None or not words:
            return None
        want = " ".join(words)
        lines = text.split("\n")
        flat, starts = "", []
        for i, ln in enumerate(lines, 1):
            starts.append((len(flat), i))
            flat += " ".join(ln.split()) + " "
        at = flat.find(want)
        if at < 0:
            return None
        return max(n for pos, n in starts if pos <= at)


class StaleFile(Exception):
    """The file on disk is not the one the editor opened."""


def check_date(text: str) -> None:
    try:
        PartialDate.parse(text)
    except ValueError as e:
        raise InputErrors([InputError("as_of", 1, 1, said(e), msg("e_as_of_fix"))]) from None
