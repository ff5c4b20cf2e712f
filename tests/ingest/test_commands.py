"""The `refs` and `import-motions` commands, invoked through a typer app."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import httpx
import pytest
import typer
import yaml
from typer.testing import CliRunner

from compliance.cli import ingest as commands
from compliance.ingest.client import OpenDataClient
from compliance.loading.yaml_safe import load_text
from compliance.model.motion import MotionRecord

from .conftest import DATA, load
from .test_refs import SEED

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """A workspace with the project's motions and rules."""
    shutil.copytree(ROOT / "motions", tmp_path / "motions")
    shutil.copytree(ROOT / "rules", tmp_path / "rules")
    return tmp_path


def test_refs_text(app: typer.Typer, ws: Path) -> None:
    result = runner.invoke(app, ["refs", str(SEED), "-w", str(ws)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "14 citations of 12 papers (3 motions, 9 letters)" in out
    assert "26643-1043   letter  Kamerstuk 26 643, nr. 1043; source of 26643-1011" in out
    assert "26643-885    motion  Kamerstuk 26 643, nr. 885 (Van Raan): record and rules" in out


def test_refs_json_cross_reference(app: typer.Typer, ws: Path) -> None:
    (ws / "rules" / "csam-regulation" / "26643-1047.yaml").unlink()
    (ws / "motions" / "26643-885.yaml").unlink()
    (ws / "rules" / "csam-regulation" / "26643-885.yaml").unlink()
    result = runner.invoke(app, ["refs", str(SEED), "-w", str(ws), "--format", "json"])
    assert result.exit_code == 0, result.output
    (item,) = json.loads(result.stdout)["files"]
    status = {p["id"]: p["status"] for p in item["papers"] if p["role"] == "motion"}
    assert status == {"26643-885": "no record", "26643-1011": "record and rules",
                      "26643-1047": "record, no rules"}
    assert item["summary"]["citations"] == 14
    assert [m["ids"] for m in item["motion_mentions"][:3]] == \
        [["26643-885"], ["26643-1011"], ["26643-1047"]]


def test_refs_markdown_and_determinism(app: typer.Typer, ws: Path) -> None:
    args = ["refs", str(SEED), "-w", str(ws), "-f", "markdown"]
    first, second = runner.invoke(app, args), runner.invoke(app, args)
    assert first.exit_code == 0 and first.stdout == second.stdout
    assert "| 26643-1043 | Kamerstuk 26 643, nr. 1043 | letter |" in first.stdout


def test_refs_without_workspace(app: typer.Typer, tmp_path: Path) -> None:
    result = runner.invoke(app, ["refs", str(SEED), "-w", str(tmp_path)])
    assert result.exit_code == 0 and "no record" in result.stdout


def test_refs_bad_files(app: typer.Typer, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    binary = tmp_path / "letter.pdf"
    binary.write_bytes(b"%PDF-1.7\n\xff\xfe\x00")
    result = runner.invoke(app, ["refs", str(missing), str(binary), "--lang", "en"])
    assert result.exit_code == 2
    assert f"{missing}:1:1: cannot read file" in result.stderr
    assert f"{binary}:2:1: file is not valid UTF-8 text — " in result.stderr
    assert "Traceback" not in result.output


def test_import_bad_json(app: typer.Typer, tmp_path: Path) -> None:
    result = runner.invoke(app, ["import-motions", "--from", str(DATA / "bad.json"),
                                 "-w", str(tmp_path), "--lang", "en"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{DATA / 'bad.json'}:2:32: invalid JSON: ")
    assert " — " in result.stderr
    not_odata = tmp_path / "x.json"
    not_odata.write_text("[1, 2]")
    result = runner.invoke(app, ["import-motions", "--from", str(not_odata), "--lang", "en"])
    assert result.exit_code == 2 and f"{not_odata}:1:1: expected a Zaak object" in result.stderr


def test_import_creates_a_valid_record(app: typer.Typer, tmp_path: Path) -> None:
    result = runner.invoke(app, ["import-motions", "--from", str(DATA / "zaak-26643-1011.json"),
                                 "-w", str(tmp_path), "--dossier", "csam-regulation"])
    assert result.exit_code == 0, result.output
    path = tmp_path / "motions" / "26643-1011.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == \
        "# yaml-language-server: $schema=../compliance/schemas/motion.schema.json"
    record = MotionRecord.model_validate(yaml.safe_load(text))
    assert (record.vote.for_, record.vote.against) == (92, 56)
    assert "+++ b/motions/26643-1011.yaml" in result.stdout  # the diff is shown
    assert "clauses must still be written by hand" in result.stdout
    assert "created 1, updated 0" in result.stdout


def test_reimport_keeps_hand_edits_and_dry_run_changes_nothing(app: typer.Typer,
                                                               tmp_path: Path) -> None:
    args = ["import-motions", "--from", str(DATA / "zaak-26643-1011.json"), "-w", str(tmp_path),
            "--dossier", "csam-regulation"]
    assert runner.invoke(app, args).exit_code == 0
    path = tmp_path / "motions" / "26643-1011.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["clauses"] = [{"number": 1, "request": {"nl": "Houd E2EE heel.", "en": "Keep E2EE."}}]
    data["notes"] = {"nl": "Met de hand.", "en": "By hand."}
    data["result"] = "submitted"  # stale: the import must correct it
    edited = "# yaml-language-server: $schema=../compliance/schemas/motion.schema.json\n" + \
        yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
    path.write_text(edited, encoding="utf-8")

    dry = runner.invoke(app, [*args, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "-result: submitted\n+result: adopted\n" in dry.stdout
    assert "dry run: nothing written" in dry.stdout
    assert path.read_text(encoding="utf-8") == edited

    real = runner.invoke(app, args)
    assert real.exit_code == 0 and "updated 1" in real.stdout
    after = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert after["clauses"] == data["clauses"] and after["notes"] == data["notes"]
    assert after["result"] == "adopted"
    again = runner.invoke(app, args)
    assert "unchanged 1" in again.stdout and again.stdout.count("+++") == 0


def test_import_into_the_project_record_keeps_everything_human(app: typer.Typer,
                                                              ws: Path) -> None:
    path = ws / "motions" / "26643-1011.yaml"
    before = load_text(path.read_text(encoding="utf-8"), "before").data
    result = runner.invoke(app, ["import-motions", "--from", str(DATA / "zaak-26643-1011.json"),
                                 "-w", str(ws)])
    assert result.exit_code == 0, result.output
    after = load_text(path.read_text(encoding="utf-8"), "after").data
    for key in ("clauses", "execution", "title", "short_name", "dossiers", "vote"):
        assert after[key] == before[key], key
    assert before["sources"] == after["sources"][: len(before["sources"])]
    MotionRecord.model_validate(after)


def test_import_reports_odd_rows(app: typer.Typer, tmp_path: Path) -> None:
    result = runner.invoke(app, ["import-motions", "--from", str(DATA / "zaken-odd.json"),
                                 "-w", str(tmp_path), "--dry-run"])
    assert result.exit_code == 1, result.output  # two rows not imported: exit 1, as --help says
    out = result.stdout
    assert "2099Z00002: warning: unknown Kabinetsappreciatie" in out
    assert "2099Z00003: warning: the case is marked Verwijderd (deleted)" in out
    assert "created 1, updated 0, unchanged 0, not imported 2 (dry run" in out
    assert not (tmp_path / "motions").exists()


def test_import_from_the_api_with_a_stub_transport(app: typer.Typer, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    body = load("zaak-26643-1011.json")

    def handler(request: httpx.Request) -> httpx.Response:
        if "Volgnummer eq 1011" in request.url.params.get("$filter", ""):
            return httpx.Response(200, json=body)
        return httpx.Response(200, json={"value": []})

    monkeypatch.setattr(commands, "_client", lambda: OpenDataClient(
        "https://odata.test", transport=httpx.MockTransport(handler), sleep=lambda s: None))
    result = runner.invoke(app, ["import-motions", "--kamerstuk", "26643-1011",
                                 "--kamerstuk", "Kamerstuk 26 643, nr. 9999", "-w", str(tmp_path)])
    assert result.exit_code == 1  # 9999 is not in open data: reported, the rest imported
    assert "26643-9999: error: no motion with this number" in result.stdout
    assert (tmp_path / "motions" / "26643-1011.yaml").is_file()


def test_import_api_failure_and_bad_option(app: typer.Typer, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(commands, "_client", lambda: OpenDataClient(
        "https://odata.test", transport=httpx.MockTransport(lambda r: httpx.Response(503)),
        sleep=lambda s: None, max_retries=1))
    result = runner.invoke(app, ["import-motions", "--kamerstuk", "26643-1011", "--lang", "en"])
    assert result.exit_code == 1 and "HTTP 503 after 2 attempts" in result.stderr
    result = runner.invoke(app, ["import-motions", "--kamerstuk", "26643-1011"])  # nl, the default
    assert result.exit_code == 1 and "fout: " in result.stderr and "HTTP 503 na 2 pogingen" in result.stderr
    result = runner.invoke(app, ["import-motions", "--kamerstuk", "nonsense", "--lang", "en"])
    assert result.exit_code == 2
    assert "--kamerstuk:1:1: 'nonsense' is not one Kamerstuk — write DOSSIER-NR" in result.stderr
    result = runner.invoke(app, ["import-motions", "--lang", "en"])
    assert result.exit_code == 2 and "nothing to import" in result.stderr
    result = runner.invoke(app, ["import-motions"])  # nl, the default
    assert result.exit_code == 2 and "niets te importeren — geef --from BESTAND" in result.stderr
