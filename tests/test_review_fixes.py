"""Defects a review of the new commands found, each shown through the installed CLI (or the
workbench's own app): exit 2 with one located line, never a traceback, nothing written
outside the workspace, no redirect off the server."""

from __future__ import annotations

import os
import shutil
import socket
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from tests.web_support import client


def _located(r, where: str) -> None:
    assert r.returncode == 2, r.stdout + r.stderr
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(where), r.stderr


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    for name in ("motions", "rules", "examples"):
        shutil.copytree(ROOT / name, tmp_path / name)
    return tmp_path


def test_new_position_never_writes_through_a_planted_temporary_link(ws: Path, tmp_path_factory) -> None:
    victim = tmp_path_factory.mktemp("outside") / "victim.txt"
    victim.write_text("keep me\n", encoding="utf-8")
    os.symlink(victim, ws / "examples/positions/nl-todo-groningen-gas.yaml.tmp")
    r = run_cli("new", "position", "--lang", "en", "--dossier", "groningen-gas", "-w", str(ws))
    assert r.returncode == 0, r.stderr
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    made = ws / "examples/positions/nl-todo-groningen-gas.yaml"
    assert made.is_file() and not made.is_symlink()


def test_new_position_refuses_a_dangling_link_in_its_place(ws: Path, tmp_path_factory) -> None:
    target = tmp_path_factory.mktemp("outside") / "created.yaml"
    os.symlink(target, ws / "examples/positions/nl-todo-groningen-gas.yaml")
    r = run_cli("new", "position", "--lang", "en", "--dossier", "groningen-gas", "-w", str(ws))
    _located(r, str(ws / "examples/positions/nl-todo-groningen-gas.yaml"))
    assert not target.exists()


@pytest.mark.parametrize("bad", ["../../../../../../tmp/escaped", "a b: c", "Yes", ""])
def test_new_position_refuses_an_id_that_is_not_one(ws: Path, bad: str) -> None:
    r = run_cli("new", "position", "--lang", "en", "--dossier", "groningen-gas", "--id", bad, "-w", str(ws))
    _located(r, "--id:1:1:")
    assert sorted(p.name for p in (ws / "examples/positions").iterdir()) == sorted(
        p.name for p in (ROOT / "examples/positions").iterdir())


def test_init_on_a_file_is_exit_2(tmp_path: Path) -> None:
    f = tmp_path / "a-file.txt"
    f.write_text("x", encoding="utf-8")
    _located(run_cli("init", "--lang", "en", str(f)), str(f))
    assert f.read_text(encoding="utf-8") == "x"


def test_draft_of_a_folder_is_exit_2(tmp_path: Path) -> None:
    _located(run_cli("draft", "--lang", "en", str(tmp_path), "--dossier", "csam-regulation"),
             f"{tmp_path}:1:1: a folder")
    _located(run_cli("refs", "--lang", "en", str(tmp_path)), f"{tmp_path}:1:1: a folder")


def test_draft_of_a_fifo_named_pdf_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "letter.pdf"
    os.mkfifo(fifo)
    r = run_cli("draft", "--lang", "en", str(fifo), "--dossier", "csam-regulation")  # run_cli has a timeout
    _located(r, f"{fifo}:1:1: not a regular file")


def test_serve_on_a_port_in_use_is_exit_2() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        r = run_cli("serve", "--lang", "en", "--port", str(port))
    _located(r, "--port:1:1:")
    assert "workbench:" not in r.stderr  # no URL is shown for a server that cannot start


@pytest.mark.parametrize("path", ["//evil.example/x", "/\\evil.example/x", "///evil.example"])
def test_the_token_link_redirects_only_within_the_server(path: str) -> None:
    token = "s3cret-token-0123456789"
    c = client(ROOT, host="192.0.2.1", token=token)
    r = c.get(f"{path}?token={token}", follow_redirects=False)
    assert r.status_code == 303
    location = r.headers["location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location
