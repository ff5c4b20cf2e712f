"""Numbers and dates read from constructed Dutch clauses for number and date facts."""

from __future__ import annotations

import datetime
from functools import cache

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.drafting import Draft, draft_letter
from compliance.drafting.quantity import WORDS, dates, numbers, value_in
from compliance.loading.workspace import Workspace, load_workspace
from tests.conftest import ROOT


def _thousands(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@given(st.integers(min_value=1, max_value=99), st.integers(min_value=0, max_value=9))
def test_a_volume_in_any_format_is_read_back(whole: int, tenth: int) -> None:
    written = f"{whole},{tenth}" if tenth else str(whole)
    want = whole + tenth / 10
    for text in (f"een winningsniveau van {written} miljard kubieke meter",
                 f"het kabinet verwacht {written} miljard m3 te winnen"):
        assert numbers(text, "miljard Nm3 (bcm)") == [int(want) if want == int(want) else want]


@given(st.integers(min_value=1, max_value=10_000_000))
def test_an_amount_in_euro_is_read_back(n: int) -> None:
    for text in (f"een vaste vergoeding van € {_thousands(n)}", f"een vergoeding van {n} euro",
                 f"een vergoeding van €{_thousands(n)} per woning"):
        assert numbers(text, "euro") == [n]


@given(st.integers(min_value=1, max_value=999))
def test_a_scale_word_counts(n: int) -> None:
    assert numbers(f"het kabinet trekt {n} miljard euro uit", "miljard euro") == [n]
    assert numbers(f"het kabinet trekt {n} miljoen euro uit", "euro") == [n * 1_000_000]


@given(st.integers(min_value=0, max_value=100))
def test_a_percentage_is_read_back(n: int) -> None:
    assert numbers(f"{n} procent van de maatregelen", "procent") == [n]
    assert numbers(f"{n}% van de maatregelen", "procent") == [n]


@given(st.sampled_from(sorted(w for w, v in WORDS.items() if (v <= 20 and not w.isascii()) or w in (
    "twee", "drie", "elf", "twaalf", "negentien", "twintig"))))
def test_a_count_in_words_or_digits(word: str) -> None:
    n = WORDS[word]
    assert numbers(f"er blijven {word} productielocaties open", "productielocaties") == [n]
    assert numbers(f"er blijven {n} productielocaties open", "productielocaties") == [n]


def test_the_unit_must_fit() -> None:
    assert numbers("in 2024 blijven elf productielocaties beschikbaar", "productielocaties") == [11]
    assert numbers("een vergoeding van 85 procent", "euro") == []
    assert numbers("85 procent", "miljard Nm3 (bcm)") == []
    assert numbers("een productielocatie", "productielocaties") == []  # the article, no count
    assert numbers("de winning bij Warffum tot en met 2025", "jaar") == [2025]
    assert numbers("€ 2025 per woning", "jaar") == []


@given(st.dates(min_value=datetime.date(1950, 1, 1),
                max_value=datetime.date(2099, 12, 31)))
def test_a_date_is_read_back(d: datetime.date) -> None:
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
              "oktober", "november", "december"]
    assert dates(f"de gaswinning stopt per {d.day} {months[d.month - 1]} {d.year}") == [d.isoformat()]
    assert dates(f"uiterlijk in {months[d.month - 1]} {d.year}") == [f"{d.year:04d}-{d.month:02d}"]


@given(st.integers(min_value=1, max_value=50), st.integers(min_value=1, max_value=50))
def test_two_competing_numbers_give_no_value(a: int, b: int) -> None:
    text = f"het winningsniveau wordt {a} of {b} miljard kubieke meter"
    what, v = value_in(text, 4, "number", "miljard Nm3 (bcm)")
    if a == b:
        assert (what, v) == ("value", a)
    else:
        assert (what, v) == ("ambiguous", None)


def test_the_clause_of_the_cue_decides_first() -> None:
    text = "Het winningsniveau is 2,8 miljard kubieke meter, vorig jaar was het 4,5 miljard kubieke meter"
    assert value_in(text, 4, "number", "miljard Nm3 (bcm)") == ("value", 2.8)
    assert value_in("de sluiting volgt op 1 oktober 2024 of op 1 januari 2025", 3, "date", None) \
        == ("ambiguous", None)
    assert value_in("de sluiting volgt later", 3, "date", None) == ("none", None)


# -- through the drafter, on constructed letters (not government documents) --------------------

HEAD = ("CONSTRUCTED LETTER - written for this test.\n\nDen Haag, 30 september 2022\n\n"
        "Betreft: gaswinning Groningenveld\n\n")


@cache
def _ws() -> Workspace:
    return load_workspace(ROOT)


def _draft(body: str) -> Draft:
    return draft_letter(HEAD + body, _ws(), "groningen-gas", letter_name="constructed.txt")


@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=9))
@settings(max_examples=15, deadline=None)
def test_a_level_is_proposed_with_its_value(whole: int, tenth: int) -> None:
    written = f"{whole},{tenth}" if tenth else str(whole)
    d = _draft(f"Het kabinet stelt voor het gasjaar 2022-2023 een winningsniveau van {written} miljard "
               "kubieke meter vast.\n")
    got = {p.fact: p.value for p in d.proposals}
    assert got["production_level_bcm"] == whole + tenth / 10
    assert got["gas_year"] == "gy_2022_2023"


def test_competing_levels_and_dates_are_no_value() -> None:
    d = _draft("Het kabinet stelt een winningsniveau van 2,8 of 4,5 miljard kubieke meter vast. "
               "De gaswinning stopt op 1 oktober 2024 of op 1 oktober 2025.\n")
    got = {p.fact for p in d.proposals}
    assert "production_level_bcm" not in got and "closure_date" not in got
    assert {"production_level_bcm", "closure_date"} <= set(d.unstated)


def test_a_closure_date_and_a_count_in_words() -> None:
    d = _draft("Het kabinet besluit: de gaswinning stopt per 1 oktober 2024. Er blijven elf "
               "productielocaties beschikbaar.\n")
    got = {p.fact: p.value for p in d.proposals}
    assert got["closure_date"] == "2024-10-01"
    assert got["production_sites_open"] == 11
