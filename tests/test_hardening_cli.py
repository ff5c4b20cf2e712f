"""Issue 12, part B, through the installed CLI: a CI gate with a typo in a path fails (no
vacuous pass), --output never lands on an input or a folder, a closed pipe and SIGTERM end
quietly, faults of the input or the environment are exit 2 with one located line (never
exit 3), a partial vote tally never replaces a complete one, and --compare-interpretations
gates like check."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, compliance_exe, run_cli

FIXTURE = ROOT / "tests" / "ingest" / "data" / "zaak-26643-1011.json"


def one_line(r: subprocess.CompletedProcess[str], code: int = 2) -> str:
    """The run exited ``code`` with exactly one message line and no traceback."""
    assert r.returncode == code, (r.returncode, r.stdout[-2000:], r.stderr[-2000:])
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    return lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# -- 1. vacuous passes ---------------------------------------------------------------------


@pytest.mark.parametrize("args", [
    ("lint", "-w", "/nonexistent"),
    ("motions", "-w", "/nonexistent"),
    ("test", "-w", "/nonexistent", "--min-coverage", "100"),
    ("check", "-w", "/nonexistent"),
    ("timeline", "-w", "/nonexistent"),
])
def test_a_missing_workspace_is_exit_2(args: tuple[str, ...]) -> None:
    line = one_line(run_cli(*args, "--lang", "en"))
    assert line.startswith("/nonexistent:1:1: no such folder '/nonexistent'"), line
    assert "--workspace" in line


def test_check_in_a_folder_without_motions_or_rules_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text("id: x\n", encoding="utf-8")
    before = snapshot(tmp_path)
    line = one_line(run_cli("check", "--lang", "en", ".", cwd=tmp_path))
    assert line.startswith(".:1:1: no motions/ or rules/ in '.'"), line
    assert snapshot(tmp_path) == before
    line = one_line(run_cli("lint", "--lang", "en", cwd=tmp_path))
    assert "no motions/ or rules/ in '.'" in line


def test_timeline_of_an_unknown_dossier_is_exit_2() -> None:
    line = one_line(run_cli("timeline", "--lang", "en", "--dossier", "nope"))
    assert line.startswith("--dossier:1:1: no dossier 'nope' in rules/"), line


def test_min_coverage_with_nothing_to_cover_fails(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "motions", tmp_path / "motions")
    r = run_cli("test", "-w", str(tmp_path), "--coverage", "--min-coverage", "100")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "no rule clauses to cover" in r.stderr and "Traceback" not in r.stderr
    # without the gate it is only a report
    assert run_cli("test", "-w", str(tmp_path), "--coverage").returncode == 0


# -- 2. --output onto an input, a folder, nothing -------------------------------------------


@pytest.mark.parametrize("target", [
    "examples/positions/2022-09-26-waakvlam.yaml",
    "motions/26643-885.yaml",
    "rules/csam-regulation/26643-885.yaml",
    "rules/csam-regulation/report.yaml",  # a new file in a folder that is read: read next time
])
def test_output_onto_an_input_is_refused(workspace_copy: Path, target: str) -> None:
    before = snapshot(workspace_copy)
    line = one_line(run_cli("check", "--lang", "en", "--fail-on", "never", "-f", "json", "-o", target,
                            cwd=workspace_copy))
    assert line.startswith(f"{target}:1:1: this is an input file of this run"), line
    assert snapshot(workspace_copy) == before


def test_output_onto_the_baseline_is_refused(workspace_copy: Path) -> None:
    base = workspace_copy / "base.json"
    assert run_cli("check", "--lang", "en", "-f", "json", "--fail-on", "never", "-o", str(base),
                   cwd=workspace_copy).returncode == 0
    kept = base.read_bytes()
    line = one_line(run_cli("check", "--lang", "en", "--baseline", "base.json", "-f", "json",
                            "-o", "base.json",
                            cwd=workspace_copy))
    assert "is an input file of this run" in line
    assert base.read_bytes() == kept


@pytest.mark.parametrize("target, at, says", [
    ("adir/", "adir", "the output names a folder that does not exist"),
    ("", "--output", "the file name is empty"),
    ("examples", "examples", "the output is a folder"),
    ("nofolder/r.json", "nofolder/r.json", "no folder 'nofolder' to write the report in"),
])
def test_output_that_is_no_file_name_is_exit_2(workspace_copy: Path, target: str, at: str,
                                               says: str) -> None:
    before = snapshot(workspace_copy)
    line = one_line(run_cli("check", "--lang", "en", "-o", target, cwd=workspace_copy))
    assert line.startswith(f"{at}:1:1: {says} — "), line
    assert snapshot(workspace_copy) == before
    assert not (workspace_copy / "adir").exists()


def test_diff_output_onto_its_input_is_refused(workspace_copy: Path) -> None:
    base = workspace_copy / "base.json"
    run_cli("check", "--lang", "en", "-f", "json", "--fail-on", "never", "-o", str(base), cwd=workspace_copy)
    kept = base.read_bytes()
    line = one_line(run_cli("diff", "--lang", "en", "base.json", "examples/positions", "-o", "base.json",
                            cwd=workspace_copy))
    assert "is an input file of this run" in line
    assert base.read_bytes() == kept


# -- 3. a closed pipe, SIGTERM --------------------------------------------------------------


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic workspace large enough to be mid-run when a signal comes: about 10 s of
    `check --jobs 2` on an idle 2-core machine (1,200 positions of 20 rules ended before the
    signal once the durable host drove the engine's C core directly)."""
    out = tmp_path_factory.mktemp("big")
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(out), "--dossiers", "1",
                    "--motions", "20", "--clauses", "2", "--positions", "4000"],
                   check=True, capture_output=True)
    return out


def test_a_closed_pipe_ends_quietly(big: Path) -> None:
    p = subprocess.Popen([*compliance_exe(), "check", "positions", "--fail-on", "never"], cwd=big,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert p.stdout is not None and p.stderr is not None
    first = p.stdout.readline()
    p.stdout.close()  # as `| head -1` does
    err = p.stderr.read().decode()
    p.stderr.close()
    p.wait(timeout=300)
    assert first
    assert err == ""
    assert p.returncode == 128 + signal.SIGPIPE  # as a shell reports a writer whose reader left


@pytest.mark.parametrize("group", [False, True], ids=["parent", "process-group"])
def test_sigterm_during_jobs_2_ends_quietly(big: Path, group: bool) -> None:
    p = subprocess.Popen([*compliance_exe(), "check", "positions", "--jobs", "2", "-f", "json"],
                         cwd=big, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL, start_new_session=True, text=True)
    time.sleep(2.5)  # workers started and busy
    assert p.poll() is None, "the run ended before the signal: make the workspace bigger"
    if group:
        os.killpg(p.pid, signal.SIGTERM)
    else:
        p.send_signal(signal.SIGTERM)
    _, err = p.communicate(timeout=120)
    assert p.returncode == 128 + signal.SIGTERM, err
    assert "Traceback" not in err and "leaked semaphore" not in err and "Error" not in err, err
    assert err == ""


# -- 4. faults of the input or the environment ----------------------------------------------

# As root permission bits do not bind: the folder is made unlistable in the CLI's own
# process (the console script's main, run in a fresh interpreter with os.scandir and
# os.listdir refusing that folder), so the run is still the CLI as a user starts it.
LOCKED = """
import os, sys
locked = os.path.realpath(sys.argv[1])
for name in ("scandir", "listdir"):
    real = getattr(os, name)
    def refuse(path=".", real=real):
        if os.path.realpath(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)
    setattr(os, name, refuse)
from compliance.cli.app import main
main(sys.argv[2:])
"""


@pytest.mark.parametrize("folder, command", [
    ("motions", "check"),
    ("rules", "check"),
    ("rules/csam-regulation/tests", "test"),
])
def test_an_unreadable_folder_is_exit_2(workspace_copy: Path, folder: str, command: str) -> None:
    before = snapshot(workspace_copy)
    r = subprocess.run([sys.executable, "-c", LOCKED, folder, command, "--lang", "en"], cwd=workspace_copy,
                       capture_output=True, text=True, timeout=300)
    line = one_line(r)
    assert line == f"{folder}:1:1: cannot read folder: Permission denied — check its permissions"
    assert snapshot(workspace_copy) == before


@pytest.mark.parametrize("text, says", [
    ('{"value": ' + "[" * 1000 + "]" * 1000 + "}", "nesting too deep"),
    ("[" * 100_000 + "]" * 100_000, "nesting too deep"),
    ('{"value": [{"Nummer": ' + "9" * 5000 + "}]}", "Exceeds the limit (4300 digits)"),
])
def test_hostile_json_to_import_is_exit_2(workspace_copy: Path, text: str, says: str) -> None:
    src = workspace_copy / "answer.json"
    src.write_text(text, encoding="utf-8")
    before = snapshot(workspace_copy)
    line = one_line(run_cli("import-motions", "--lang", "en", "--from", str(src), "-w", str(workspace_copy)))
    assert line.startswith(f"{src}:1:1: not an OData answer: ") and says in line, line
    assert snapshot(workspace_copy) == before


def test_import_into_a_read_only_motions_folder_is_exit_2(workspace_copy: Path) -> None:
    motions = workspace_copy / "motions"
    (motions / "26643-1011.yaml").unlink()  # the import creates it
    if os.geteuid() == 0:  # root ignores permission bits: an immutable folder binds root too
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(motions)]).returncode:
            pytest.skip("running as root on a file system without chattr +i")
        undo = ["chattr", "-i", str(motions)]
    else:
        motions.chmod(0o555)
        undo = ["chmod", "755", str(motions)]
    try:
        before = snapshot(motions)
        r = run_cli("import-motions", "--lang", "en", "--from", str(FIXTURE), "--dossier", "csam-regulation",
                    "-w", str(workspace_copy))
        assert snapshot(motions) == before
    finally:
        subprocess.run(undo, check=True)
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith(f"{motions / '26643-1011.yaml'}:1:1: cannot write the output file: "), last


@pytest.mark.parametrize("bad", ['"34"', "NaN"])
def test_a_partial_tally_never_replaces_a_complete_one(workspace_copy: Path, bad: str) -> None:
    record = workspace_copy / "motions" / "26643-1011.yaml"
    vote = yaml.safe_load(record.read_text(encoding="utf-8"))["vote"]
    assert vote["for"] + vote["against"] > 0
    text = FIXTURE.read_text(encoding="utf-8").replace('"FractieGrootte": 34', f'"FractieGrootte": {bad}', 1)
    assert text != FIXTURE.read_text(encoding="utf-8")
    src = workspace_copy / "answer.json"
    src.write_text(text, encoding="utf-8")
    r = run_cli("import-motions", "--from", str(src), "-w", str(workspace_copy), "--force")
    assert "Traceback" not in r.stderr and r.returncode in (0, 1), r.stderr
    assert "the tally is partial; vote left out" in r.stderr + r.stdout
    assert yaml.safe_load(record.read_text(encoding="utf-8"))["vote"] == vote
    json.loads(text.replace("NaN", "0"))  # the fixture stayed an OData answer apart from the row


# -- 5. --compare-interpretations gates like check ------------------------------------------


def test_compare_interpretations_honours_fail_on() -> None:
    assert run_cli("check").returncode == 1  # the bundled undeclared conflicts
    r = run_cli("check", "--compare-interpretations")
    assert r.returncode == 1 and r.stdout and "Traceback" not in r.stderr, r.stderr
    assert run_cli("check", "--compare-interpretations", "--fail-on", "never").returncode == 0
    r = run_cli("check", "--compare-interpretations", "-f", "json", "--fail-on", "never")
    assert r.returncode == 0 and json.loads(r.stdout)


@pytest.mark.parametrize("extra, says", [
    (("--suggest",), "--suggest:1:1: --suggest does not combine with --compare-interpretations"),
    (("--baseline", "base.json"), "--baseline:1:1: --baseline does not combine with"),
    (("--format", "html"), "--format:1:1: --compare-interpretations writes text or json, not html"),
])
def test_compare_interpretations_refuses_what_it_cannot_honour(extra: tuple[str, ...], says: str) -> None:
    r = run_cli("check", "--lang", "en", "--compare-interpretations", *extra)
    assert one_line(r).startswith(says), r.stderr
    assert r.stdout == ""


# -- 7. --help -------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["check", "import-motions", "test", "explain"])
def test_help_shows_no_type_after_a_plain_flag(command: str) -> None:
    r = run_cli(command, "--help", env={"COLUMNS": "200"})
    assert r.returncode == 0
    assert "<bool>" not in r.stdout, r.stdout
    assert "--help" in r.stdout
