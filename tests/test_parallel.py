"""--jobs N checks positions in N processes and must not change a byte of the output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from compliance import parallel
from compliance.api import load_workspace, run_check
from compliance.errors import InputErrors
from compliance.gate import FAIL_LEVELS, reaches
from compliance.reports import STREAMED, render
from tests.conftest import ROOT, compliance_exe, run_cli

GENERATE = ROOT / "benchmarks" / "generate.py"


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small synthetic workspace: 2 dossiers, 12 motions, 120 positions."""
    root = tmp_path_factory.mktemp("synthetic")
    subprocess.run([sys.executable, str(GENERATE), str(root), "--dossiers", "2", "--motions", "12",
                    "--positions", "120", "--seed", "3"], check=True, capture_output=True)
    return root


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_jobs_2_output_is_identical_to_jobs_1(synthetic: Path, fmt: str) -> None:
    args = ["check", "positions", "--format", fmt, "--fail-on", "never", "--lang", "en"]
    one = run_cli(*args, "--jobs", "1", cwd=synthetic, timeout=300)
    two = run_cli(*args, "--jobs", "2", cwd=synthetic, timeout=300)
    assert one.returncode == 0, one.stderr
    assert two.returncode == 0, two.stderr
    assert two.stdout == one.stdout
    if fmt == "json":
        findings = json.loads(one.stdout)["findings"]
        assert any(f["verdict"] == "undetermined" for f in findings)
    else:
        assert one.stdout.count("undetermined") > 0
    assert two.stderr == ""  # no progress bar when stderr is not a terminal


def test_chunks_merge_to_the_single_run_report(synthetic: Path) -> None:
    whole = run_check(synthetic, [synthetic / "positions"], backend="direct", lang="nl")
    chunked = run_check(synthetic, [synthetic / "positions"], backend="direct", lang="nl",
                        progress=lambda done, total: None)
    assert render(chunked, "json") == render(whole, "json")
    assert len(whole.findings) == 120 * 24


def test_bad_input_gives_the_same_errors_with_jobs(synthetic: Path, tmp_path: Path) -> None:
    # a position id repeated in two files that land in different chunks, and a broken file
    folder = tmp_path / "positions"
    folder.mkdir()
    files = sorted((synthetic / "positions").rglob("*.yaml"))
    for f in files[:3] + files[-3:]:
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz-duplicate.yaml").write_text(files[0].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "mm-broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    args = ["check", str(folder), "--workspace", str(synthetic)]
    # the Dutch of each error crosses from the workers too
    assert run_cli(*args, "--jobs", "2").stderr == run_cli(*args, "--jobs", "1").stderr
    args += ["--lang", "en"]
    one = run_cli(*args, "--jobs", "1")
    two = run_cli(*args, "--jobs", "2")
    assert one.returncode == two.returncode == 2
    assert two.stderr == one.stderr
    assert "duplicate position id" in one.stderr and "mm-broken.yaml:2:1: YAML syntax" in one.stderr
    # with chunks of two files, the duplicate ids fall into different chunks and workers
    with pytest.raises(InputErrors) as serial:
        run_check(synthetic, [folder], backend="direct")
    with pytest.raises(InputErrors) as chunked:
        parallel.run(synthetic, [folder], jobs=2, backend="direct", chunk=2)
    assert chunked.value.render() == serial.value.render()


def test_chunks_follow_the_report_order_not_the_path_order(synthetic: Path) -> None:
    # Path order puts "a/x" before "a-b/x"; the report orders by the displayed name
    ws = load_workspace(synthetic)
    files = [synthetic / "a" / "x.yaml", synthetic / "a-b" / "x.yaml", synthetic / "a.yaml"]
    order = [f for part in parallel.chunks(ws, files, 1) for f in part]
    assert [ws.display(f) for f in order] == sorted(ws.display(f) for f in files)


def _streamed(workspace: Path, paths: list[Path], fmt: str = "json",
              **kwargs: Any) -> tuple[str, frozenset[str]]:
    parts: list[bytes] = []
    reached = parallel.run_streamed(fmt, workspace, paths, parts.extend, **kwargs)
    return b"".join(parts).decode(), reached


@pytest.mark.parametrize("fmt", sorted(STREAMED))
@pytest.mark.parametrize("chunk", [1, 7, 1000])
def test_streamed_report_is_the_whole_report_rendered(synthetic: Path, chunk: int, fmt: str) -> None:
    whole = run_check(synthetic, [synthetic / "positions"], backend="direct", lang="en")
    text, reached = _streamed(synthetic, [synthetic / "positions"], fmt, backend="direct", lang="en",
                              chunk=chunk)
    assert text == render(whole, fmt)
    assert reached == {level for level in FAIL_LEVELS if any(reaches(f, level) for f in whole.findings)}
    assert reached >= {"undetermined"}


@pytest.mark.parametrize("fmt", sorted(STREAMED))
@pytest.mark.parametrize("folder", ["examples/positions", "examples/scenarios"])
def test_streamed_report_of_the_bundled_positions(folder: str, fmt: str) -> None:
    # the scenarios add per-branch fields to some findings only; a position's own
    # date and every declaration path appear across the bundled files
    for kwargs in ({}, {"as_of": "2025-12-01"}):
        whole = run_check(ROOT, [ROOT / folder], **kwargs)
        text, reached = _streamed(ROOT, [ROOT / folder], fmt, chunk=1, **kwargs)  # type: ignore[arg-type]
        assert text == render(whole, fmt)
        assert reached == {level for level in FAIL_LEVELS if any(reaches(f, level) for f in whole.findings)}


@pytest.mark.parametrize("fmt", sorted(STREAMED))
def test_streamed_report_without_positions(tmp_path: Path, fmt: str) -> None:
    whole = run_check(ROOT, [tmp_path])
    text, reached = _streamed(ROOT, [tmp_path], fmt)
    assert text == render(whole, fmt) and text.strip()
    assert reached == frozenset()


def test_streamed_json_writes_nothing_on_bad_input(synthetic: Path, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    written: list[bytes] = []
    with pytest.raises(InputErrors):
        parallel.run_streamed("json", synthetic, [synthetic / "positions", tmp_path], written.extend,
                              chunk=10)
    assert written == []


def test_json_report_file_equals_stdout(synthetic: Path, tmp_path: Path) -> None:
    args = ["check", "positions", "--format", "json", "--fail-on", "undetermined", "--jobs", "2"]
    shown = run_cli(*args, cwd=synthetic, timeout=300)
    written = run_cli(*args, "--output", str(tmp_path / "r.json"), cwd=synthetic, timeout=300)
    assert shown.returncode == written.returncode == 1  # synthetic positions leave facts unknown
    assert (tmp_path / "r.json").read_text(encoding="utf-8") == shown.stdout
    assert written.stdout == ""


def test_a_second_run_in_one_process_reads_the_changed_workspace(workspace_copy: Path) -> None:
    # in-process chunks must not reuse a workspace loaded by an earlier run
    positions = [workspace_copy / "examples" / "positions"]
    before, _ = _streamed(workspace_copy, positions, jobs=1, chunk=2)
    motion = workspace_copy / "motions" / "26643-885.yaml"
    motion.write_text(motion.read_text(encoding="utf-8").replace(
        "short_name: Motie Van Raan c.s.", "short_name: Motie Van Raan (renamed)"), encoding="utf-8")
    after, _ = _streamed(workspace_copy, positions, jobs=1, chunk=2)
    assert "Motie Van Raan c.s." in before and "Motie Van Raan (renamed)" not in before
    assert "Motie Van Raan (renamed)" in after and "Motie Van Raan c.s." not in after
    assert len(after.splitlines()) == len(before.splitlines())


def _peak_rss_mb(args: list[str], cwd: Path) -> float:
    proc = subprocess.Popen([*compliance_exe(), *args], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert proc.stderr is not None
    with proc.stderr:
        err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, for its resource usage
    assert proc.returncode == 0, err
    return usage.ru_maxrss / 1024


@pytest.mark.parametrize("fmt", sorted(STREAMED))
def test_a_streamed_check_holds_memory_flat(tmp_path: Path, fmt: str) -> None:
    # Ten times the positions may not take ten times the memory: the report is streamed
    # chunk by chunk. Held whole, 540 more positions of 24 findings each add about 150 MB
    # (some 12 KB per finding while a report is built; measured with a format that is not
    # streamed).
    subprocess.run([sys.executable, str(GENERATE), str(tmp_path), "--dossiers", "2", "--motions", "12",
                    "--positions", "600", "--seed", "5"], check=True, capture_output=True)
    files = sorted(str(f.relative_to(tmp_path)) for f in (tmp_path / "positions").rglob("*.yaml"))
    args = ["check", "--format", fmt, "--fail-on", "never", "--jobs", "1", "-o", "out"]
    small = _peak_rss_mb([*args, *files[:60]], tmp_path)
    large = _peak_rss_mb([*args, *files], tmp_path)
    assert (tmp_path / "out").stat().st_size > 3_000_000  # the large report was written
    assert large - small < 50, (small, large)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_streamed_chunks_render_conditions_only_for_a_format_that_shows_them(
        synthetic: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from compliance.reports import SHOWS_CONDITIONS

    asked: list[bool] = []
    real = parallel.check

    def spy(*args: Any, **kwargs: Any) -> Any:
        asked.append(kwargs["conditions"])
        return real(*args, **kwargs)

    monkeypatch.setattr(parallel, "check", spy)
    out: list[bytes] = []
    parallel.run_streamed(fmt, synthetic, [synthetic / "positions"], out.extend, chunk=7)
    assert len(asked) > 2 and set(asked) == {fmt in SHOWS_CONDITIONS}
    assert (b"conflicts_when" in b"".join(out)) == (fmt == "json")


def test_a_pool_helper_threads_error_is_kept_not_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    # as when a SIGTERM to the process group ends the fork server under the pool's thread
    # that replaces workers: kept (an internal error if the run goes on), never printed;
    # any other thread's error still goes to the hook that was there before
    import threading

    passed_on: list[str] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: passed_on.append(args.thread.name))

    def boom() -> None:
        raise EOFError("unexpected EOF")

    with parallel._pool_thread_errors() as failed:
        for name in ("Thread-9 (_handle_workers)", "progress"):
            thread = threading.Thread(target=boom, name=name)
            thread.start()
            thread.join()
    assert [type(e) for e in failed] == [EOFError]
    assert passed_on == ["progress"]


def test_a_pool_whose_result_lock_a_dead_worker_holds_is_abandoned_not_waited_for() -> None:
    # a worker killed by a SIGTERM while it writes a result leaves the result queue's lock
    # taken for good; the pool's terminate() then waits on it for ever. Held here by this
    # process instead, the lock blocks terminate() all the same.
    import time

    pool = parallel._context().Pool(2)
    workers = list(pool._pool)
    assert pool._outqueue._wlock.acquire(timeout=5)
    start = time.monotonic()
    parallel._abandon(pool)
    assert time.monotonic() - start < 10
    for w in workers:
        w.join(timeout=5)
        assert not w.is_alive()
