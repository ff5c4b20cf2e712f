"""Where --output may point (issue 12, critical): a rename only over a regular file or a
missing path; pipes and devices written through; a symbolic link's target written; every
refusal exit 2 with one located line. Tested without touching /dev: a FIFO, links, and a
writer that must never rename over anything that is not a regular file."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from compliance.errors import InputErrors
from compliance.reports import write_atomically
from tests.conftest import SEED, run_cli
from tests.report_cases import make_workspace


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_workspace(tmp_path_factory.mktemp("out"), variants=False)


def check_to(ws: Path, output: str | Path) -> subprocess.CompletedProcess[str]:
    return run_cli("check", "-w", str(ws), str(ws / SEED), "--format", "json", "--lang", "en",
                   "--output", str(output))


def inputs(ws: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(ws.rglob("*.yaml"))}


def one_located_error(r: subprocess.CompletedProcess[str], path: str) -> str:
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and r.stdout == ""
    (line,) = r.stderr.splitlines()
    assert line.startswith(f"{path}:1:1: "), line
    return line


def _reader(fifo: Path, got: list[bytes]) -> threading.Thread:
    def read() -> None:
        with open(fifo, "rb") as f:
            got.append(f.read())

    t = threading.Thread(target=read, daemon=True)
    t.start()
    return t


def test_a_fifo_is_written_through_and_stays_a_fifo(ws: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = _reader(fifo, got)
    before = inputs(ws)
    r = check_to(ws, fifo)
    reader.join(timeout=60)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(got[0])["findings"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]  # no temporary file left
    assert inputs(ws) == before


def test_a_symlink_stays_a_link_and_its_target_is_replaced_in_its_folder(ws: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "report.json"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(Path("real") / "report.json")  # relative: resolved from the link's folder
    chain = tmp_path / "chain.json"
    chain.symlink_to(link)
    r = check_to(ws, chain)
    assert r.returncode == 0, r.stderr
    assert chain.is_symlink() and link.is_symlink() and not target.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["findings"]
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["report.json"]
    # a dangling link: its target is created
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "real" / "new.json")
    assert check_to(ws, dangling).returncode == 0
    assert dangling.is_symlink() and json.loads((tmp_path / "real" / "new.json").read_bytes())


def test_a_link_to_a_descriptor_is_written_through_like_dev_stdout(ws: Path, tmp_path: Path) -> None:
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")  # what /dev/stdout is, made here to leave /dev alone
    r = check_to(ws, link)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["findings"]
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


@pytest.mark.parametrize("kind", ["fifo", "socket", "folder", "link-to-fifo", "link-loop"])
def test_the_writer_never_renames_over_a_file_that_is_not_regular(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    renamed: list[str] = []
    real_replace = os.replace

    def replace(src: str, dst: str | Path) -> None:
        renamed.append(str(dst))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    path = tmp_path / "out"
    got: list[bytes] = []
    reader = None
    sock = None
    if kind in ("fifo", "link-to-fifo"):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        if kind == "link-to-fifo":
            path.symlink_to(fifo)
        else:
            path = fifo
        reader = _reader(fifo, got)
    elif kind == "socket":
        sock = socket.socket(socket.AF_UNIX)
        sock.bind(str(path))
    elif kind == "folder":
        path.mkdir()
    else:
        path.symlink_to(tmp_path / "other")
        (tmp_path / "other").symlink_to(path)
    kinds_before = {p.name: stat.S_IFMT(os.lstat(p).st_mode) for p in tmp_path.iterdir()}
    try:
        if kind in ("fifo", "link-to-fifo"):
            write_atomically(path, iter([b"part one, ", b"part two\n"]))
            assert reader is not None
            reader.join(timeout=10)
            assert got == [b"part one, part two\n"]
        else:
            with pytest.raises(InputErrors) as e:
                write_atomically(path, "report\n")
            assert str(path) in e.value.render()
    finally:
        if sock is not None:
            sock.close()
    assert renamed == []
    assert {p.name: stat.S_IFMT(os.lstat(p).st_mode) for p in tmp_path.iterdir()} == kinds_before


def test_a_regular_file_and_a_missing_path_are_still_replaced_atomically(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    write_atomically(target, "one\n")
    ino = target.stat().st_ino
    write_atomically(target, "two\n")
    assert target.read_text(encoding="utf-8") == "two\n" and target.stat().st_ino != ino


def test_output_onto_a_folder_or_an_empty_name_is_exit_2(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "adir"
    folder.mkdir()
    line = one_located_error(check_to(ws, f"{folder}/"), str(folder))
    assert "folder" in line
    # `-o ""` is the current folder to the argument parser: the raw argument is read
    r = run_cli("check", "--lang", "en", "-w", str(ws), str(ws / SEED), "--output", "", cwd=tmp_path)
    assert "the file name is empty" in one_located_error(r, "--output")
    assert list(folder.iterdir()) == []


def test_a_file_name_over_the_limit_is_exit_2(ws: Path, tmp_path: Path) -> None:
    long = tmp_path / ("r" * 300 + ".json")
    line = one_located_error(check_to(ws, long), str(long))
    assert "File name too long" in line and "shorter file name" in line
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_output_folder_is_exit_2(ws: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    # root ignores permission bits: an immutable folder is read-only for root too
    if os.geteuid() == 0:
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode:
            pytest.skip("running as root on a file system without chattr +i")
        undo = ["chattr", "-i", str(folder)]
    else:
        folder.chmod(0o555)
        undo = ["chmod", "755", str(folder)]
    try:
        line = one_located_error(check_to(ws, folder / "r.json"), str(folder / "r.json"))
        assert "cannot write the output file" in line
    finally:
        subprocess.run(undo, check=True)
    assert list(folder.iterdir()) == []
