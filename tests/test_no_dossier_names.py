"""No code names a dossier (issue 15): dossiers are data, so the engine must work the same
on any workspace. Greps every source file of compliance/ for the bundled dossiers' names."""

from __future__ import annotations

from tests.conftest import ROOT

DOSSIERS = ("csam-regulation", "groningen-gas")


def test_no_code_names_a_dossier() -> None:
    dossiers = sorted(p.name for p in (ROOT / "rules").iterdir() if (p / "dossier.yaml").is_file())
    assert set(DOSSIERS) <= set(dossiers)  # the names grepped for are the real ones
    found = []
    for path in sorted((ROOT / "compliance").rglob("*")):
        if not path.is_file() or path.suffix not in (".py", ".html", ".js", ".css", ".j2", ".jinja"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for name in dossiers:
            for n, line in enumerate(text.splitlines(), 1):
                if name in line:
                    found.append(f"{path.relative_to(ROOT)}:{n}: {name}")
    assert found == []
