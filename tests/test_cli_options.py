"""Every command checks its options before doing any work: a bad value is exit 2 with one
line that says what is wrong (with a did-you-mean where one is close), never a traceback,
an "internal error" or a silently different output."""

from __future__ import annotations

import pytest

from compliance import i18n
from tests.conftest import SEED, run_cli


@pytest.mark.parametrize("args, says", [
    (("timeline", "--lang", "xx"), "'xx' is niet een van 'nl', 'en'"),  # an unknown --lang: Dutch
    (("timeline", "--format", "xml"), "'xml' is not one of 'text', 'json'"),
    (("timeline", "--dossier", "nope"), "no dossier 'nope'"),
    (("explain", "examples/positions", "1011"), "examples/positions is not a position file"),
    (("test", "--backend", "bogus"), "'bogus' is not one of 'durable', 'direct'"),
    (("lint", "--format", "sarif"), "'sarif' is not one of 'text', 'json'"),
    (("check", "--interpretation", "strikt"), "did you mean 'strict-reading'?"),
    (("check", "--interpretation", "26643-885=nope"), "motion 26643-885 has no interpretation 'nope'"),
    (("check", "--interpretation", "26643-8850=strict-reading"), "did you mean '26643-885'?"),
    (("test", "--min-coverage", "101"), "--min-coverage"),
    (("check", "--format", "jsn"), "did you mean 'json'?"),
    (("check", "--compare-interpretations", "--format", "sarif"), "writes text or json"),
    (("diff", "a.json", "b.json", "--as-of", "2023-13-01"), "--as-of"),
    (("analyze", "--dossier", "csam", "--method", "smt"), "'smt' is not one of"),
    (("explain", SEED, "1011", "--interpretation", "26643-1011=nope"), "has no interpretation 'nope'"),
    (("check", "--interpretation", "nomotion=strict-reading"), "no rules for motion 'nomotion'"),
    (("explain", SEED, "1011", "--interpretation", "bogus"), "no interpretation 'bogus' in any rule file"),
    (("explain", SEED, "1011", "--interpretation", "strikt"), "did you mean 'strict-reading'?"),
])
def test_bad_options_exit_2_with_one_line(args: tuple[str, ...], says: str) -> None:
    r = run_cli(*args, *(() if "--lang" in args else ("--lang", "en")))
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert says in lines[0], lines[0]
    assert r.stdout == ""


def test_a_good_interpretation_still_works() -> None:
    r = run_cli("check", SEED, "--interpretation", "26643-885=strict-reading", "--format", "json",
                "--fail-on", "never")
    assert r.returncode == 0, r.stderr


def test_every_word_has_dutch_and_english() -> None:
    for key in i18n.all_keys():
        entry = i18n.entry(key)
        assert set(entry) == set(i18n.LANGS), key
        assert all(text.strip() for text in entry.values()), key
        # the same placeholders in both languages
        import string

        fields = [sorted(f for _, f, _, _ in string.Formatter().parse(text) if f) for text in entry.values()]
        assert fields[0] == fields[1], key


def test_timeline_follows_lang() -> None:
    nl = run_cli("timeline", "--dossier", "csam-regulation", "--lang", "nl").stdout
    en = run_cli("timeline", "--dossier", "csam-regulation", "--lang", "en").stdout
    assert nl.startswith("datum ") and "positie van kracht" in nl and "STRIJDIG" in nl
    assert en.startswith("date ") and "position in force" in en and "CONFLICTS" in en
    assert run_cli("timeline", "--dossier", "csam-regulation").stdout == nl  # Dutch by default


def test_timeline_without_dossier_needs_one_when_there_are_several() -> None:
    r = run_cli("timeline", "--lang", "en")  # the bundled workspace has two dossiers: no dossier is assumed
    assert r.returncode == 2 and "name the dossier" in r.stderr and "groningen-gas" in r.stderr


def test_timeline_shows_a_deadline_passing() -> None:
    out = run_cli("timeline", "--dossier", "groningen-gas", "--lang", "en").stdout
    # each date: its row, what happened, then the duties' states (issue 24)
    rows = [r for r in out.splitlines() if not r.lstrip().startswith("duties:")]
    at = next(i for i, r in enumerate(rows) if "deadline:35561-37#1" in r)
    assert rows[at - 1].startswith("2023-10-01 ")
    assert rows[at + 1].startswith("2023-10-02 ") and "deadline-passed:35561-37#1" in rows[at + 2]
    duties = [r for r in out.splitlines() if r.lstrip().startswith("duties:")]
    assert any("35561-37#1 not_yet_due?" in r for r in duties) and any("35561-37#1 met?" in r for r in duties)
    assert any("deadline-passed:provisional-2022-01-paternotte#2" in r for r in rows)


def test_motions_follows_lang() -> None:
    nl = run_cli("motions", "--lang", "nl").stdout
    en = run_cli("motions", "--lang", "en").stdout
    assert "Kamerstuk 26 643, nr. 885" in en and " rules" in en
    assert " regels" in nl and " rules" not in nl
    assert run_cli("motions").stdout == nl


def test_lint_default_language_is_dutch_like_every_command() -> None:
    assert run_cli("lint").stdout == run_cli("lint", "--lang", "nl").stdout == "0 fouten, 0 waarschuwingen\n"
