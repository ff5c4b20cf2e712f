"""Checking many positions in chunks: in worker processes (``--jobs N``) or in this
one, with progress reported per chunk.

durable-rules never releases the GIL, so parallelism means processes. Workers are
started with ``forkserver`` (``spawn`` where that is missing), never plain ``fork``:
the engine's C core holds state that does not survive a fork after use. Each worker
loads the workspace itself and the position files of its chunks; only file names go
out, and either chunk reports come back (``run``) or, for a streamed format, the
chunk's rendered bytes (``run_streamed``: the whole report is never held).

The output is the same, byte for byte, as one ``check`` over all positions:
``check`` orders positions by file, so the files are cut into contiguous chunks in
that order and the chunks' reports (or output sections) are concatenated in it. Anything wrong with the
input (which a chunk cannot fully judge: a position id may repeat across chunks) is
re-checked over all files at once, so the errors reported are exactly those of a
serial run.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import tempfile
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from compliance.backends import Backend, get_backend
from compliance.errors import InputErrors, InternalError
from compliance.evaluate import check
from compliance.evaluate.duties import Letter, letters_of
from compliance.evaluate.duty_list import dates_of, report_duties
from compliance.gate import FAIL_LEVELS, reaches
from compliance.loading.workspace import Workspace, load_positions, load_workspace, position_files
from compliance.model.common import Lang
from compliance.model.output import Report
from compliance.reports import SHOWS_CONDITIONS, streamed

# Positions per chunk: small enough for a smooth progress bar, an even spread over
# workers and a small working set (a streamed check holds one chunk's report per
# process: 50 positions of 100 findings is about 80 MB), large enough that a chunk's
# fixed cost stays small.
CHUNK = 50

Progress = Callable[[int, int], None]  # (positions done, positions in all)


@dataclass(frozen=True)
class Job:
    workspace: Path
    files: tuple[Path, ...]
    backend: str
    lang: Lang
    as_of: str | None
    interpretations: dict[str, str] | None
    stream: str | None = None  # a streamed format: send back the chunk's sections, not its report
    conditions: bool = True  # False: the report's format shows no condition reasons (check's flag)


@dataclass
class Done:
    # from a worker, the chunk's report as JSON: pydantic writes and reads it several
    # times faster than pickle moves the same objects between processes
    report: Report | str | None
    ids: list[tuple[str, str]]  # (position id, file) of every position loaded
    failed: bool  # the chunk's input had errors
    sections: tuple[bytes, ...] = ()
    counts: dict[str, int] | None = None
    reached: frozenset[str] = frozenset()  # the fail-on levels its findings reach
    # what the report's duties read: the letters giving effect to motions, and the positions'
    # (dossier, date) pairs (compliance.evaluate.duty_list.report_duties)
    letters: tuple[Letter, ...] = ()
    dated: tuple[tuple[str, str], ...] = ()


_workspaces: dict[Path, Workspace] = {}
_backends: dict[str, Backend] = {}


def _workspace(root: Path) -> Workspace:
    # a worker serves many chunks: load the workspace once per process
    if root not in _workspaces:
        _workspaces[root] = load_workspace(root)
    return _workspaces[root]


def _backend(name: str) -> Backend:
    # and compile the rule packs into the engine once per process, not per chunk
    if name not in _backends:
        _backends[name] = get_backend(name)
    return _backends[name]


def without_gc() -> None:
    """Turn the cyclic garbage collector off for the rest of a worker process.

    A check allocates millions of small acyclic objects (findings, reasons); the
    collector's passes over them took half the run time (8.6 s against 4.6 s for
    50,000 findings). Only for short-lived worker processes; see gc_paused for the CLI."""
    gc.disable()


@contextmanager
def gc_paused() -> Iterator[None]:
    """The collector off for one check, and back on after: the CLI may run inside a
    longer-lived process (a test runner, a notebook) that must not be left without it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_job(job: Job, as_json: bool = True, ws: Workspace | None = None,
            backend: Backend | None = None) -> Done:
    """Check one chunk: in a worker, or with ``as_json=False`` in this process, which passes
    its own workspace and backend (a long-lived process must not reuse a workspace it
    loaded earlier: the files may have changed since)."""
    ws = ws or _workspace(job.workspace)
    try:
        positions = load_positions(ws, list(job.files))
    except InputErrors:
        return Done(None, [], True)
    report = check(ws, positions, backend or _backend(job.backend), lang=job.lang, as_of=job.as_of,
                   interpretations=job.interpretations, conditions=job.conditions)
    ids = [(p.model.id, p.file) for p in positions]
    letters, dated = tuple(letters_of(positions, job.lang)), tuple(dates_of(positions))
    if job.stream is not None:
        reached = frozenset(level for level in FAIL_LEVELS if any(reaches(f, level) for f in report.findings))
        done = Done(None, ids, False, streamed(job.stream).sections(report), report.counts, reached,
                    letters, dated)
        # No collection pass here: a check makes next to no reference cycles since the
        # durable backend drives the engine's C core directly (durable's own Python host
        # left about a thousand cyclic objects per position; a pass to collect them cost
        # about 1 ms per position). tests/test_parallel.py keeps the memory of a long
        # streamed check flat with the collector off.
        del report
        return done
    return Done(report.model_dump_json() if as_json else report, ids, False, letters=letters, dated=dated)


def chunks(ws: Workspace, files: list[Path], size: int = CHUNK) -> list[tuple[Path, ...]]:
    """Files in the order ``check`` reports them, cut into contiguous chunks."""
    ordered = sorted(files, key=lambda f: (ws.display(f), str(f)))
    return [tuple(ordered[i:i + size]) for i in range(0, len(ordered), size)]


def merge(reports: list[Report]) -> Report:
    """One report from the reports of consecutive chunks."""
    first = reports[0]
    counts = {k: sum(r.counts[k] for r in reports) for k in first.counts}
    return first.model_copy(update={
        "counts": counts,
        "motions": [m for r in reports for m in r.motions],
        "findings": [f for r in reports for f in r.findings],
    })


def _context() -> Any:
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if ctx.get_start_method() == "forkserver":
        ctx.set_forkserver_preload(["compliance.parallel"])
    return ctx


def _results(ws: Workspace, jobs: list[Job], workers: int) -> Iterator[Done]:
    if workers <= 1 or len(jobs) <= 1:
        engine = get_backend(jobs[0].backend) if jobs else None
        for job in jobs:
            yield run_job(job, as_json=False, ws=ws, backend=engine)
        return
    ctx = _context()
    with _pool_thread_errors() as failed:
        pool = ctx.Pool(min(workers, len(jobs)), initializer=without_gc)
        try:
            yield from pool.imap(run_job, jobs)
        except BaseException:
            _abandon(pool)
            raise
        pool.terminate()
    if failed:
        raise InternalError(f"the worker pool failed: {failed[0]!r}") from failed[0]


def _abandon(pool: Any) -> None:
    """End a pool whose run is ending on an error or a signal, without waiting for ever.

    A SIGTERM to the process group may kill a worker while it holds the lock of the queue
    its results go to (a semaphore, which a dead process never releases); the pool's own
    terminate() then blocks on that lock for ever (seen: one run in about 40). The workers
    are killed, and terminate() is given a few seconds in a daemon thread, which the
    interpreter does not wait for at exit."""
    for worker in list(getattr(pool, "_pool", ())):
        if worker.is_alive():
            worker.kill()
    ender = threading.Thread(target=pool.terminate, name="pool-terminate", daemon=True)
    ender.start()
    ender.join(timeout=3)


@contextmanager
def _pool_thread_errors() -> Iterator[list[BaseException]]:
    """The exceptions of the pool's own helper threads, kept instead of printed.

    A SIGTERM to the process group ends the workers and the fork server at once; the
    pool's thread that replaces dead workers may then fail (EOFError from the fork server)
    before the parent's handler ends the run, and print a traceback. Kept here, such an
    error is silent when the run ends on the signal (the pool is terminated, and its
    threads joined, inside this context) and an internal error when it does not."""
    failed: list[BaseException] = []
    previous = threading.excepthook

    def keep(args: Any) -> None:
        if args.thread is not None and "_handle_" in args.thread.name and args.exc_value is not None:
            failed.append(args.exc_value)
        else:
            previous(args)

    threading.excepthook = keep
    try:
        yield failed
    finally:
        threading.excepthook = previous


def _chunk_results(workspace: Path, paths: list[Path], *, jobs: int, backend: str, lang: Lang,
                   as_of: str | None, interpretations: dict[str, str] | None, notice: Any,
                   progress: Progress | None, chunk: int, stream: str | None,
                   conditions: bool = True) -> tuple[Workspace, str, Iterator[Done]]:
    """The workspace, the backend's name and the chunks' results in report order; the
    iterator raises the input errors of a serial run, after the last chunk, if any
    chunk failed to load."""
    ws = load_workspace(workspace)
    files = position_files(paths)
    # resolve the backend here, so a fallback notice is given once, not per worker
    engine = get_backend(backend, notice, lang).name
    parts = chunks(ws, files, chunk)
    work = [Job(workspace, part, engine, lang, as_of, interpretations, stream, conditions) for part in parts]

    def results() -> Iterator[Done]:
        total, done = len(files), 0
        seen: dict[str, str] = {}
        failed = False
        for part, result in zip(parts, _results(ws, work, jobs), strict=True):
            done += len(part)
            if progress is not None:
                progress(done, total)
            failed = failed or result.failed
            for pid, file in result.ids:
                failed = failed or seen.setdefault(pid, file) != file
            if not failed:
                yield result
        if failed:
            load_positions(ws, files)  # raises exactly the errors a serial run reports
            raise InternalError("a chunk of positions failed to load, but all of them load together")

    return ws, engine, results()


def run(workspace: Path, paths: list[Path], *, jobs: int = 1, backend: str = "durable",
        lang: Lang = "nl", as_of: str | None = None, interpretations: dict[str, str] | None = None,
        notice: Any = None, progress: Progress | None = None, chunk: int = CHUNK,
        conditions: bool = True) -> Report:
    """Check the positions in ``paths`` in chunks over ``jobs`` processes (``conditions``:
    see compliance.evaluate.check)."""
    ws, engine, results = _chunk_results(
        workspace, paths, jobs=jobs, backend=backend, lang=lang, as_of=as_of,
        interpretations=interpretations, notice=notice, progress=progress, chunk=chunk, stream=None,
        conditions=conditions)
    done = list(results)
    reports = [Report.model_validate_json(r.report) if isinstance(r.report, str) else r.report
               for r in done if r.report is not None]
    if not reports:
        return check(ws, [], get_backend(engine), lang=lang, as_of=as_of, interpretations=interpretations,
                     conditions=conditions)
    found = report_duties(ws, [x for r in done for x in r.letters], [x for r in done for x in r.dated],
                          as_of, lang, interpretations)
    return merge(reports).model_copy(update={"duties": found})


def run_streamed(fmt: str, workspace: Path, paths: list[Path], write: Callable[[Iterable[bytes]], None], *,
                 jobs: int = 1, backend: str = "durable", lang: Lang = "nl", as_of: str | None = None,
                 interpretations: dict[str, str] | None = None, notice: Any = None,
                 progress: Progress | None = None, chunk: int = CHUNK) -> frozenset[str]:
    """``run`` rendered in a streamed format (compliance.reports.STREAMED) and handed to
    ``write`` as UTF-8 bytes, without ever holding the whole report: each chunk (in a
    worker with ``jobs`` > 1) renders its own sections, which wait in temporary files
    until the counts the output needs are known. Same bytes as rendering ``run``'s
    report. Returns the fail-on levels the findings reach; nothing is written if the
    input is bad."""
    module = streamed(fmt)
    ws, engine, results = _chunk_results(
        workspace, paths, jobs=jobs, backend=backend, lang=lang, as_of=as_of,
        interpretations=interpretations, notice=notice, progress=progress, chunk=chunk, stream=fmt,
        conditions=fmt in SHOWS_CONDITIONS)
    with ExitStack() as stack:
        spools: list[IO[bytes]] = []
        counts: Counter[str] = Counter()
        reached: set[str] = set()
        # a format's tables that recur across chunks are written once (see json_report.UNIQUE)
        merge_section = getattr(module, "merge_section", None)
        seen: dict[bytes, bytes] = {}
        letters: list[Letter] = []
        dated: list[tuple[str, str]] = []
        for result in results:
            letters += result.letters
            dated += result.dated
            if not any(result.sections):
                continue
            later = bool(spools)
            if not spools:
                spools = [stack.enter_context(tempfile.TemporaryFile()) for _ in result.sections]
            for index, (spool, section) in enumerate(zip(spools, result.sections, strict=True)):
                if merge_section is None:  # every chunk writes every section
                    if later:
                        spool.write(module.SEPARATOR)
                    spool.write(section)
                    continue
                section = merge_section(index, section, seen)
                if section:  # what an earlier chunk wrote is left out, empty sections too
                    if spool.tell():
                        spool.write(module.SEPARATOR)
                    spool.write(section)
            counts.update(result.counts or {})
            reached |= result.reached
        header = check(ws, [], get_backend(engine), lang=lang, as_of=as_of, interpretations=interpretations,
                       conditions=fmt in SHOWS_CONDITIONS)
        header = header.model_copy(update={"counts": {k: counts.get(k, 0) for k in header.counts},
                                           "duties": report_duties(ws, letters, dated, as_of, lang,
                                                                   interpretations)})
        sections = len(module.sections(header))
        write(module.assemble(header, [_blocks(s) for s in spools] if spools else [()] * sections))
    return frozenset(reached)


def _blocks(spool: IO[bytes]) -> Iterator[bytes]:
    spool.seek(0)
    while block := spool.read(1 << 20):
        yield block


def cpu_count() -> int:
    """Processors this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
