"""The command line and library as a user meets them: exit codes, --fail-on levels,
undetermined verdicts naming their missing facts, determinism, the library API and
the fallback when durable-rules cannot be imported."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import compliance
from compliance.model.output import Finding, MotionVerdict, Report
from tests.conftest import ROOT, SEED, read_report, run_cli

E2EE_FACTS = ("text_protects_e2ee", "cabinet_pursues_e2ee_protection")


def drop_fact(path: Path, name: str) -> None:
    """Remove a fact entry (its key line and the indented lines below it)."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"^  {name}:\n(?:    .*\n)*", "", text, flags=re.M)
    assert n == 1, name
    path.write_text(new, encoding="utf-8")


def drop_block(path: Path, start: str, indent: str) -> None:
    """Remove the line starting with ``start`` and the following lines indented by ``indent``."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"^{re.escape(start)}.*\n(?:{indent}.*\n)*", "", text, flags=re.M)
    assert n == 1, start
    path.write_text(new, encoding="utf-8")


SEED_ID = "nl-2023-09-18-geannoteerde-agenda-jbz"


def verdicts(stdout: str) -> dict[str, tuple[str, bool | None]]:
    """The seed position's verdicts, leaving out motions adopted after its date."""
    return {m["motion"]: (m["verdict"], m["declared"]) for m in json.loads(stdout)["motions"]
            if m["position"] == SEED_ID and m["verdict"] != "not_applicable"}


SEED_VERDICTS = {
    "26643-885": ("complies", None),
    "26643-1011": ("conflicts", True),
    "26643-1047": ("complies", None),
}


@pytest.mark.parametrize(("args", "code"), [
    ((), 0),  # default --fail-on undeclared: the 1011 conflict is declared
    (("--fail-on", "undeclared"), 0),
    (("--fail-on", "conflict"), 1),
    (("--fail-on", "undetermined"), 1),
    (("--fail-on", "never"), 0),
    (("--backend", "direct", "--fail-on", "conflict"), 1),
])
def test_exit_codes_on_the_seed(args: tuple[str, ...], code: int) -> None:
    r = run_cli("check", SEED, *args)
    assert r.returncode == code, r.stderr
    assert r.stderr == ""


def test_undeclared_conflict_fails_by_default(workspace_copy: Path) -> None:
    """Without the position's declaration the motion record's refusal still declares
    the conflict; without both, the conflict is undeclared and exit 1."""
    ws = workspace_copy
    drop_block(ws / SEED, "  - motion: 26643-1011", "    ")
    r = run_cli("check", SEED, "--workspace", str(ws), "--format", "json", cwd=ws)
    assert r.returncode == 0, r.stderr
    assert verdicts(r.stdout)["26643-1011"] == ("conflicts", True)
    finding = next(f for f in json.loads(r.stdout)["findings"] if f["motion"] == "26643-1011")
    assert finding["declaration"]["origin"] == "motion_record"

    drop_block(ws / "motions/26643-1011.yaml", "execution:", "  ")
    r = run_cli("check", SEED, "--workspace", str(ws), "--format", "json", cwd=ws)
    assert r.returncode == 1, r.stderr
    assert verdicts(r.stdout)["26643-1011"] == ("conflicts", False)
    assert json.loads(r.stdout)["counts"]["undeclared_conflicts"] == 2
    assert run_cli("check", SEED, "--workspace", str(ws), "--fail-on", "never", cwd=ws).returncode == 0


def test_fail_on_undetermined_alone(workspace_copy: Path) -> None:
    """A position with no conflict but an open question: only --fail-on undetermined fails."""
    ws = workspace_copy
    drop_fact(ws / SEED, "cabinet_accepts_detection_on_interpersonal")
    r = run_cli("check", SEED, "--workspace", str(ws), "--format", "json", cwd=ws)
    assert r.returncode == 0, r.stderr
    assert verdicts(r.stdout)["26643-1011"] == ("undetermined", None)
    assert run_cli("check", SEED, "--workspace", str(ws), "--fail-on", "conflict", cwd=ws).returncode == 0
    assert run_cli("check", SEED, "--workspace", str(ws), "--fail-on", "undetermined", cwd=ws).returncode == 1


def test_without_e2ee_facts_van_raan_turns_on_the_vote_and_names_the_deciding_fact(
        workspace_copy: Path) -> None:
    ws = workspace_copy
    for name in E2EE_FACTS:
        drop_fact(ws / SEED, name)
    r = run_cli("check", SEED, "--workspace", str(ws), "--format", "json", "--lang", "en", cwd=ws)
    assert r.returncode == 0, r.stderr
    # The cabinet's reading: not agreeing to the text is what the motion asks, so the
    # dropped E2EE facts are not needed and nothing is named as missing.
    assert verdicts(r.stdout)["26643-885"] == ("complies", None)
    report = json.loads(r.stdout)
    assert all(f["missing_facts"] == [] for f in report["findings"] if f["motion"] == "26643-885")
    # The other motions are unaffected.
    assert verdicts(r.stdout)["26643-1011"] == ("conflicts", True)
    assert verdicts(r.stdout)["26643-1047"] == ("complies", None)
    # Under the strict reading the vote does not settle it: the cabinet accepts
    # detection on chat services without ruling out client-side scanning.
    strict = run_cli("check", SEED, "--workspace", str(ws), "--format", "json", "--fail-on", "never",
                     "--interpretation", "26643-885=strict-reading", cwd=ws)
    assert verdicts(strict.stdout)["26643-885"][0] == "conflicts"
    # Keeping agreement open without stating the conditions leaves it undetermined, and
    # the finding names the fact that would decide it.
    text = (ws / SEED).read_text(encoding="utf-8").replace("    value: not_for\n", "    value: undecided\n")
    (ws / SEED).write_text(text, encoding="utf-8")
    drop_fact(ws / SEED, "cabinet_agreement_conditions")
    r = run_cli("check", SEED, "--workspace", str(ws), "--format", "json", "--lang", "en",
                "--fail-on", "never", cwd=ws)
    clauses = {f["clause"]: f for f in read_report(r.stdout)["findings"] if f["motion"] == "26643-885"}
    for clause in (1, 2):
        assert clauses[clause]["verdict"] == "undetermined"
        assert clauses[clause]["missing_facts"] == ["cabinet_agreement_conditions"]
        assert "cabinet_agreement_conditions" in clauses[clause]["message"]


def test_agreeing_without_the_text_fact_names_it_in_both_clauses(workspace_copy: Path) -> None:
    """If the cabinet agreed to the text, whether the text protects E2EE decides both clauses."""
    ws = workspace_copy
    for name in E2EE_FACTS:
        drop_fact(ws / SEED, name)
    text = (ws / SEED).read_text(encoding="utf-8").replace("value: not_for", "value: for")
    (ws / SEED).write_text(text, encoding="utf-8")
    r = run_cli("check", SEED, "--workspace", str(ws), "--format", "json", "--fail-on", "never", cwd=ws)
    clauses = {f["clause"]: f for f in json.loads(r.stdout)["findings"] if f["motion"] == "26643-885"}
    for clause in (1, 2):
        assert clauses[clause]["verdict"] == "undetermined"
        assert clauses[clause]["missing_facts"] == ["text_protects_e2ee"]


@pytest.mark.parametrize("args", [
    ("check", "--bogus"),
    ("check", "--format", "xml"),
    ("check", "--fail-on", "sometimes"),
    ("check", "--backend", "prolog"),
    ("check", "--lang", "de"),
    ("frobnicate",),
])
def test_usage_errors_exit_2(args: tuple[str, ...]) -> None:
    r = run_cli(*args)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert "Usage" in r.stderr or "usage" in r.stderr.lower() or "gebruiksfout" in r.stderr


def test_bad_as_of_date_exits_2_with_a_message() -> None:
    r = run_cli("check", SEED, "--as-of", "2023-02-30")
    assert r.returncode == 2
    assert r.stderr.startswith("--as-of:1:1: '2023-02-30'")
    assert " — " in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("args", [("--help",), ("check", "--help"), ("validate", "--help"),
                                  ("motions", "--help")])
def test_help_works(args: tuple[str, ...]) -> None:
    r = run_cli(*args)
    assert r.returncode == 0
    assert "Usage" in r.stdout


def test_validate_and_motions_on_the_bundled_workspace() -> None:
    r = run_cli("validate", "--lang", "en")
    assert r.returncode == 0 and r.stdout.startswith("ok: ")
    n_motions = len(list((ROOT / "motions").glob("*.yaml")))
    assert f"{n_motions} motions" in r.stdout
    r = run_cli("motions")
    assert r.returncode == 0
    ids = [line.split()[0] for line in r.stdout.splitlines()]
    assert len(ids) == n_motions
    assert ids[:3] == ["26643-885", "26643-1011", "26643-1047"]  # by number, not as text


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_output_is_byte_identical_across_runs(fmt: str, lang: str, tmp_path: Path) -> None:
    # The bundled positions hold undeclared conflicts (exit 1 by default); the exit code is
    # not what this test is about.
    args = ("check", "--format", fmt, "--lang", lang, "--fail-on", "never")
    first = run_cli(*args)
    second = run_cli(*args)
    assert first.returncode == second.returncode == 0
    assert first.stdout == second.stdout and first.stdout
    out = tmp_path / "report"
    assert run_cli(*args, "--output", str(out)).returncode == 0
    assert out.read_bytes() == first.stdout.encode("utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["report"]  # no temporary file left behind


def test_library_api_returns_typed_findings() -> None:
    report = compliance.run_check(ROOT, lang="en")
    assert isinstance(report, Report)
    assert report.findings and all(isinstance(f, Finding) for f in report.findings)
    assert all(isinstance(m, MotionVerdict) for m in report.motions)
    assert {m.motion: (m.verdict, m.declared) for m in report.motions
            if m.position == SEED_ID and m.verdict != "not_applicable"} == SEED_VERDICTS
    again = compliance.run_check(ROOT, lang="en", backend="direct")
    assert again.model_dump_json() == report.model_dump_json()
    with pytest.raises(compliance.InputErrors) as e:
        compliance.run_check(ROOT, [ROOT / "no-such-position.yaml"])
    assert e.value.errors[0].problem == "no such file or folder"


BLOCK_DURABLE = textwrap.dedent("""
    import sys

    class BlockDurable:
        # As where the extension fails to load (3.13 without the C-API shim).
        def find_spec(self, name, path=None, target=None):
            if name in ("durable", "durable_rules_engine") or name.startswith("durable."):
                raise ImportError("undefined symbol: PyEval_CallObject")
            return None

    sys.meta_path.insert(0, BlockDurable())
    sys.argv = ["compliance", *sys.argv[1:]]
    from compliance.cli import main
    main()
""")


def test_without_durable_rules_check_falls_back_to_the_direct_evaluator() -> None:
    r = subprocess.run([sys.executable, "-c", BLOCK_DURABLE, "check", SEED, "--format", "json"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    notice = r.stderr.splitlines()
    assert len(notice) == 1, r.stderr
    assert notice[0].startswith("let op: durable-rules kan op Python")  # the report's language
    assert "directe evaluator" in notice[0] and "PyEval_CallObject" in notice[0]
    assert verdicts(r.stdout) == SEED_VERDICTS
    assert r.stdout == run_cli("check", SEED, "--format", "json").stdout
    r = subprocess.run([sys.executable, "-c", BLOCK_DURABLE, "check", SEED, "--lang", "en", "--jobs", "2"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stderr.startswith("notice: durable-rules cannot be loaded") and r.stderr.count("\n") == 1
    assert "direct evaluator" in r.stderr
    # Asking for the direct evaluator explicitly needs no notice.
    r = subprocess.run([sys.executable, "-c", BLOCK_DURABLE, "check", SEED, "--backend", "direct"],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and r.stderr == ""
