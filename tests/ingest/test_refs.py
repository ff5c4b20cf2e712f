"""Reference extraction: the seed letter pinned by hand, the printed forms, properties."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.ingest.refs import extract

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed" / "geannoteerde-agenda-jbz-raad-2023-09-28.txt"

# Counted by hand in the seed letter: one in the running text (line 32), the rest in
# footnotes 1-4, 6-12, 15 and 16 (footnotes 5, 13 and 14 cite nothing). Footnote 16
# cites two papers in one citation, so 14 citations name 15 papers, 12 distinct.
SEED_CITATIONS = [
    (32, 14, "Kamerstuk 35 788, nr. 77", ("35788",), (77,), None),
    (35, 3, "Kamerstuk 32 317, nr. 772", ("32317",), (772,), 1),
    (36, 3, "Kamerstuk 19 637, nr. 2992", ("19637",), (2992,), 2),
    (94, 3, "Kamerstuk 19 637, nr. 2992", ("19637",), (2992,), 3),
    (95, 3, "Kamerstuk 19 637, nr. 2992", ("19637",), (2992,), 4),
    (166, 3, "Kamerstuk 22 112, nr. 3455", ("22112",), (3455,), 6),
    (167, 3, "Kamerstuk 26 643, nr. 885", ("26643",), (885,), 7),
    (168, 3, "Kamerstuk 26 643, nr. 1011", ("26643",), (1011,), 8),
    (169, 3, "Kamerstuk 26 643, nr. 1047", ("26643",), (1047,), 9),
    (170, 4, "Kamerstuk 26 643, nr. 1043", ("26643",), (1043,), 10),
    (226, 4, "Kamerstuk 32 317, nr. 847", ("32317",), (847,), 11),
    (227, 4, "Kamerstuk 32 317, nr. 848", ("32317",), (848,), 12),
    (290, 1, "Kamerstuk 29 911, nr. 355", ("29911",), (355,), 15),
    (329, 4, "Kamerstuk 32 317, nrs. 845 en 848", ("32317",), (845, 848), 16),
]


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_seed_citations_pinned() -> None:
    found = [(c.line, c.column, c.text, c.dossiers, c.numbers, c.footnote)
             for c in extract(seed_text()).citations]
    assert found == SEED_CITATIONS
    assert len(found) == 14


def test_seed_motions_resolved_through_footnotes() -> None:
    refs = extract(seed_text())
    first = {m.name: (m.kamerstukken, m.resolved_by) for m in refs.motions if m.marker}
    assert first == {
        "Van Raan": ((("26643", 885),), "footnote 7"),
        "Van Ginneken": ((("26643", 1011),), "footnote 8"),
        "Van Weerdenburg": ((("26643", 1047),), "footnote 9"),
    }
    # the later mentions, across line breaks and with "van" in lower case, resolve by name
    assert len(refs.motions) == 7
    assert all(m.kamerstukken for m in refs.motions)
    later = [(m.line, m.name, m.kamerstukken[0][1]) for m in refs.motions if not m.marker]
    assert later == [(152, "Van Raan", 885), (155, "Van Ginneken", 1011),
                     (159, "van Weerdenburg", 1047), (162, "Van Ginneken", 1011)]


def test_seed_1043_is_a_letter_not_a_motion() -> None:
    papers = {p.id: p.role for p in extract(seed_text()).papers()}
    assert papers["26643-1043"] == "letter"
    assert {i for i, role in papers.items() if role == "motion"} == \
        {"26643-885", "26643-1011", "26643-1047"}
    assert len(papers) == 12


def test_seed_footnote_markers() -> None:
    notes = {f.number: (f.marker_line, f.marker_column) for f in extract(seed_text()).footnotes}
    assert sorted(notes) == list(range(1, 17))
    assert notes[7] == (150, 57)  # "c.s.7"
    assert notes[10] == (159, 55)  # "geïnformeerd.10": the letter 1043


def test_seed_dates() -> None:
    dates = [(d.line, d.iso) for d in extract(seed_text()).dates]
    assert dates[:3] == [(5, "2023-09-18"), (8, "2023-09-28"), (23, "2023-09-15")]
    assert (324, "2023-11-15") in dates and (37, "2022-08") in dates
    assert (210, "--07-26") in dates  # "26 juli": the letter leaves the year implicit
    ranged = next(d for d in extract(seed_text()).dates if d.line == 324)
    assert (ranged.day, ranged.last_day) == (15, 16)


def kamerstukken(text: str) -> list[tuple[str, int]]:
    return [k for c in extract(text).citations for k in c.kamerstukken]


def test_printed_forms() -> None:
    assert kamerstukken("zie Kamerstuk 26 643, nr. 885.") == [("26643", 885)]
    assert kamerstukken("Kamerstukken 26 643 en 34 843, nr. 1022") == [("26643/34843", 1022)]
    assert kamerstukken("Kamerstuk 32 317, nrs. 845 en 848") == [("32317", 845), ("32317", 848)]
    assert kamerstukken("motie 26643-1011 werd") == [("26643", 1011)]
    assert kamerstukken("Kamerstuk 26643-1011") == [("26643", 1011)]
    assert kamerstukken("in het kamerstuk 26 643, nr. 885") == [("26643", 885)]
    assert kamerstukken("Kamerstukken II 2022/23, 26 643, nr. 1011") == [("26643", 1011)]
    assert kamerstukken("Kamerstuk 36 200 VI, nr. 5") == [("36200-VI", 5)]
    assert kamerstukken("https://zoek.officielebekendmakingen.nl/kst-22112-3455.html") == \
        [("22112", 3455)]
    assert kamerstukken("Kamerstuk 32 317, nrs. 845-847") == \
        [("32317", 845), ("32317", 846), ("32317", 847)]


def test_line_breaks_and_hyphenation() -> None:
    text = ("zoals in Kamer-\nstuk 26\n643, nr.\n885 staat, en Kamer\u00adstukken 26 643\n"
            "en 34 843,\nnr. 1022.")
    refs = extract(text)
    assert [k for c in refs.citations for k in c.kamerstukken] == \
        [("26643", 885), ("26643/34843", 1022)]
    assert (refs.citations[0].line, refs.citations[0].column) == (1, 10)
    assert refs.citations[0].text == "Kamerstuk 26 643, nr. 885"


def test_not_citations() -> None:
    # year ranges, thousands and plain numbers are not papers
    assert kamerstukken("de periode 2024-2025 en 2024–2025, 1.000 aankomsten, 3,6 miljoen") == []


def test_inline_motion_and_ambiguous_footnote() -> None:
    text = "De motie-Van Haga (Kamerstuk 32 317, nr. 860) en de motie Omtzigt c.s.1 gaan voor.\n\n" \
           "1 Kamerstuk 32 317, nrs. 861 en 862.\n"
    refs = extract(text)
    haga, omtzigt = refs.motions
    assert (haga.name, haga.kamerstukken, haga.resolved_by) == \
        ("Van Haga", (("32317", 860),), "inline citation")
    assert omtzigt.kamerstukken == () and omtzigt.candidates == (("32317", 861), ("32317", 862))


def test_motion_mention_in_a_footnote() -> None:
    text = "Zie de motie.1\n\n1 Motie van het lid Kathmann c.s., Kamerstuk 32 317, nr. 891.\n"
    (m,) = extract(text).motions
    assert (m.name, m.kamerstukken) == ("Kathmann", (("32317", 891),))


# -- properties ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_crashes(text: str) -> None:
    refs = extract(text)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for c in refs.citations:
        assert 1 <= c.line <= len(lines) and c.column >= 1
        assert c.numbers and c.dossiers


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "Cc"))))
def test_never_crashes_on_letter_like_text(text: str) -> None:
    extract(text + "\n1 Kamerstuk 26 643, nr. 1.\n" + text)


def _citation() -> st.SearchStrategy[tuple[str, str, int]]:
    dossier = st.integers(10_000, 99_999).map(str)
    number = st.integers(1, 99_999)

    def render(args: tuple[str, int, str, str]) -> tuple[str, str, int]:
        d, n, form, brk = args
        spaced = f"{d[:2]}{brk}{d[2:]}"
        text = {
            "full": f"Kamerstuk{brk}{spaced},{brk}nr.{brk}{n}",
            "plural": f"Kamerstukken{brk}{spaced}{brk}en{brk}34 843,{brk}nr. {n}",
            "nrs": f"Kamerstuk {spaced}, nrs. {n} en {n}",
            "hyphen": f"Kamer-\nstuk {spaced}, nr. {n}",
            "compact": f"{d}-{n}",
        }[form]
        return text, (f"{d}/34843" if form == "plural" else d), n

    return st.tuples(dossier, number, st.sampled_from(["full", "plural", "nrs", "hyphen",
                                                       "compact"]),
                     st.sampled_from([" ", "\n", "  ", " \n"])).map(render)


@settings(max_examples=300, deadline=None)
@given(st.text(), _citation(), st.text(), st.sampled_from([" ", "\n", ". ", ".\n"]))
def test_finds_inserted_citation(before: str, cited: tuple[str, str, int], after: str,
                                 sep: str) -> None:
    text, dossier, number = cited
    found = kamerstukken(f"{before}{sep}{text}{sep}{after}")
    assert (dossier, number) in found
