"""Input files that are not what they seem (issue 12, medium): links out of the workspace,
pipes and devices, files larger than stat says, .YAML, unreadable folders, link loops,
dot-folders. Each is refused in one located line, never hangs, never echoes the content
of a file it should not read, and no position vanishes from a check in silence."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from compliance.errors import InputError, InputErrors
from compliance.loading.files import yaml_files
from compliance.loading.textfile import read_text_file
from tests.conftest import SEED, read_report, run_cli
from tests.report_cases import UNDECLARED_ID, make_workspace

SECRET = "root:x:0:0:the-secret-first-line:/root:/bin/bash"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    return make_workspace(tmp_path / "ws")


def positions(ws: Path) -> Path:
    return ws / "examples" / "positions"


def check(ws: Path, *paths: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_cli("check", "-w", str(ws), *(str(p) for p in paths or [positions(ws)]),
                   "--format", "json", "--lang", "en", timeout=timeout)


def refused(r: subprocess.CompletedProcess[str], name: str, words: str) -> str:
    assert r.returncode == 2, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr and r.stdout == ""
    lines = [x for x in r.stderr.splitlines() if name in x]
    assert len(lines) == 1, r.stderr
    assert re.search(r":\d+:\d+: ", lines[0]) and words in lines[0], lines[0]
    return lines[0]


def test_a_position_linked_to_a_file_outside_the_workspace_is_not_read(ws: Path, tmp_path: Path) -> None:
    secret = tmp_path / "passwd"
    secret.write_text(SECRET + "\n", encoding="utf-8")
    (positions(ws) / "evil.yaml").symlink_to(secret)
    r = check(ws)
    refused(r, "evil.yaml", "outside the workspace")
    assert "secret" not in r.stderr and "root:x" not in r.stderr
    # a link that stays inside the workspace is followed
    (positions(ws) / "evil.yaml").unlink()
    (ws / "elsewhere").mkdir()
    (ws / "elsewhere" / "p.yaml").write_bytes((ws / SEED).read_bytes())
    (positions(ws) / "inside.yaml").symlink_to(ws / "elsewhere" / "p.yaml")
    inside = check(ws)
    assert inside.returncode == 2 and "duplicate position id" in inside.stderr  # read, so a duplicate


def test_a_fifo_is_refused_without_hanging(ws: Path) -> None:
    os.mkfifo(positions(ws) / "pipe.yaml")
    refused(check(ws, timeout=30), "pipe.yaml", "not a regular file")
    refused(check(ws, positions(ws) / "pipe.yaml", timeout=30), "pipe.yaml", "not a regular file")


def test_a_device_is_refused_without_reading_it(ws: Path) -> None:
    # /dev/zero is only opened for reading here: it would never end, and is never read
    refused(check(ws, Path("/dev/zero"), timeout=30), "/dev/zero", "not a regular file")


def test_the_read_is_bounded_not_only_the_size_stat_reports() -> None:
    maps = Path("/proc/self/maps")  # a regular file whose stat size is 0
    if not maps.exists() or maps.stat().st_size != 0:
        pytest.skip("no /proc with zero-sized files")
    with pytest.raises(InputErrors) as e:
        read_text_file(maps, max_bytes=16)
    assert "over the 16 limit" in e.value.render()


def test_error_excerpts_are_short_and_escaped(ws: Path) -> None:
    seed = ws / SEED
    text = seed.read_text(encoding="utf-8")
    hostile = '"\\e[2J\\e]8;;http://x\\a' + "A" * 5000 + '"'
    seed.write_text(text.replace("dossier: csam-regulation", f"dossier: [{hostile}]"), encoding="utf-8")
    r = check(ws, seed)
    line = refused(r, Path(SEED).name, "expected string")
    assert ":6:10: " in line  # at the value
    assert "\x1b" not in r.stderr and "\x07" not in r.stderr
    assert len(line) < 400


def test_upper_case_suffixes_are_read_like_lower_case(ws: Path) -> None:
    upper = positions(ws) / "2023-11-20-variant-supports-text.YAML"
    (positions(ws) / "2023-11-20-variant-supports-text.yaml").rename(upper)
    r = check(ws)
    assert r.returncode == 1, r.stderr  # the undeclared conflict in the .YAML file still fails
    files = {f["position_file"] for f in read_report(r.stdout)["findings"] if f["position"] == UNDECLARED_ID}
    assert files == {"examples/positions/2023-11-20-variant-supports-text.YAML"}


def test_link_loops_are_reported_not_skipped(ws: Path) -> None:
    (positions(ws) / "loop.yaml").symlink_to(positions(ws) / "loop.yaml")
    refused(check(ws), "loop.yaml", "link loop")
    (positions(ws) / "loop.yaml").unlink()
    (positions(ws) / "again").symlink_to(positions(ws))
    refused(check(ws), "again", "symbolic link loop")


def test_dot_folders_are_not_walked(ws: Path) -> None:
    for name in (".git", ".venv"):
        (positions(ws) / name).mkdir()
        (positions(ws) / name / "broken.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    r = check(ws)
    assert r.returncode == 1 and "broken.yaml" not in r.stderr, r.stderr


def test_an_unreadable_folder_is_an_error(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sub = positions(ws) / "locked"
    sub.mkdir()
    if os.geteuid() != 0:  # through the CLI where permissions bind
        sub.chmod(0)
        try:
            refused(check(ws), "locked", "cannot read folder")
        finally:
            sub.chmod(0o755)
    # and in the walk itself, as root too: the folder that cannot be listed is an error
    real = os.scandir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == sub:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list[InputError] = []
    found = yaml_files(positions(ws), errors, recursive=True)
    assert len(found) == 3
    assert [(e.file, e.problem) for e in errors] == [(str(sub), "cannot read folder: Permission denied")]
