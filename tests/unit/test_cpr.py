"""CPR and replacement-CPR checks (F4.3, lpr3-reference.md §4)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seilocal.model.cpr import (
    MSG_ECPR_CENTURY,
    MSG_LENGTH,
    MSG_LETTERS,
    MSG_MOD11,
    CprCheck,
    check_cpr,
)

TODAY = date(2026, 2, 15)


def check(text: str | None) -> CprCheck:
    return check_cpr(text, today=TODAY)


@pytest.mark.parametrize("text", ["010180-1233", "0101801233", " 010180 1233 "])
def test_a_valid_cpr_in_every_accepted_shape(text: str) -> None:
    assert check(text) == CprCheck(
        normalized="0101801233", kind="cpr", birth_date=date(1980, 1, 1), sex="M", errors=[], warnings=[]
    )


def test_formatted_puts_the_hyphen_back() -> None:
    assert check("0101801233").formatted == "010180-1233"
    assert check("hej").formatted is None


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("311299-4008", date(1999, 12, 31)),  # 4 with yy >= 37: 1900s
        ("010137-4009", date(1937, 1, 1)),
        ("290200-5008", date(2000, 2, 29)),  # 5-8 with yy <= 57: 2000s
        ("010160-5000", date(1860, 1, 1)),  # 5-8 with yy >= 58: 1800s
        ("010100-3000", date(1900, 1, 1)),
    ],
)
def test_the_century_comes_from_the_seventh_digit(text: str, born: date) -> None:
    assert check(text).birth_date == born


def test_sex_from_the_last_digit() -> None:
    assert check("010180-1233").sex == "M"
    assert check("010180-1234").sex == "F"


def test_a_failing_modulus_11_is_only_a_warning() -> None:
    result = check("010180-1234")
    assert result.kind == "cpr" and result.ok
    assert result.errors == []
    assert result.warnings == [MSG_MOD11]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("310280-1233", "Fødselsdatoen i CPR-nummeret findes ikke: 31-02-80"),
        ("290201-5000", "Fødselsdatoen i CPR-nummeret findes ikke: 29-02-01"),
        ("011380-1233", "Fødselsdatoen i CPR-nummeret findes ikke: 01-13-80"),
        ("150650-6006", "Fødselsdatoen i CPR-nummeret ligger i fremtiden: 15-06-2050"),
        ("010136-4000", "Fødselsdatoen i CPR-nummeret ligger i fremtiden: 01-01-2036"),
    ],
)
def test_an_impossible_birth_date_is_invalid(text: str, message: str) -> None:
    assert check(text) == CprCheck(normalized=None, kind="invalid", errors=[message])


@pytest.mark.parametrize("text", ["01018O1233", "ABCDEFGHIJ", "A101801233", "0101801WQA"])
def test_letters_outside_the_ecpr_places_are_invalid(text: str) -> None:
    assert check(text) == CprCheck(normalized=None, kind="invalid", errors=[MSG_LETTERS])


@pytest.mark.parametrize("text", ["01018012", "010180-12334", "0101-801233", "010180--1233"])
def test_wrong_length_or_shape_is_invalid(text: str) -> None:
    assert check(text) == CprCheck(normalized=None, kind="invalid", errors=[MSG_LENGTH])


def test_unicode_digits_are_invalid() -> None:
    assert check("٠١٠١٨٠١٢٣٣").kind == "invalid"


@pytest.mark.parametrize("text", [None, "", "   "])
def test_blank_is_empty(text: str | None) -> None:
    assert check(text) == CprCheck(normalized=None, kind="empty")


def test_cpr_office_ecpr_raises_the_first_day_digit_by_six() -> None:
    result = check("670180-1234")
    assert result.kind == "ecpr"
    assert result.normalized == "6701801234"
    assert result.birth_date == date(1980, 1, 7)
    assert result.sex == "F"
    assert result.errors == []
    # The note says it is a replacement number; mod 11 is not held against it.
    assert len(result.warnings) == 1 and "Erstatnings-CPR" in result.warnings[0]


def test_cpr_office_ecpr_still_needs_a_real_date() -> None:
    assert check("920180-1234").kind == "invalid"  # day 32


@pytest.mark.parametrize(
    ("text", "born", "sex"),
    [
        ("0203291WQ3", date(1929, 3, 2), "M"),  # X-eCPR, 1 = 1900s
        ("3101057JC9", date(2005, 1, 31), "M"),  # X-eCPR, 7 = 2000s
        ("1308781OS6", date(1978, 8, 13), "F"),
        ("020329-1wq3", date(1929, 3, 2), "M"),
        ("0101905AB2", date(1890, 1, 1), "F"),  # older local eCPR, 5 = before 1900
    ],
)
def test_health_sector_ecpr(text: str, born: date, sex: str) -> None:
    result = check(text)
    assert result.kind == "ecpr"
    assert result.normalized == text.replace("-", "").upper()
    assert result.birth_date == born
    assert result.sex == sex
    assert result.errors == []
    assert any("Erstatnings-CPR" in w for w in result.warnings)


def test_health_sector_ecpr_with_an_unknown_century_digit_has_no_birth_date() -> None:
    result = check("0203293WQ3")
    assert result.kind == "ecpr"
    assert result.birth_date is None
    assert MSG_ECPR_CENTURY in result.warnings


def test_health_sector_ecpr_needs_a_real_date() -> None:
    assert check("3102291WQ3").kind == "invalid"
    assert check("2902013WQ3").kind == "invalid"  # no 29 February in any century for yy=01


@given(
    st.dates(min_value=date(1900, 1, 1), max_value=date(1999, 12, 31)),
    st.sampled_from("0123"),
    st.integers(0, 999),
)
def test_birth_date_round_trip_1900s(born: date, century: str, serial: int) -> None:
    number = f"{born:%d%m}{born.year % 100:02d}{century}{serial:03d}"
    result = check(number)
    assert result.kind == "cpr"
    assert result.birth_date == born
    assert result.sex == ("M" if serial % 2 else "F")


@given(st.dates(min_value=date(2000, 1, 1), max_value=TODAY), st.sampled_from("45678"), st.integers(0, 999))
def test_birth_date_round_trip_2000s(born: date, century: str, serial: int) -> None:
    number = f"{born:%d%m}{born.year % 100:02d}-{century}{serial:03d}"
    assert check(number).birth_date == born


_CPRISH = st.text(alphabet="0123456789-AZaqWQ ٣\u00a0", max_size=14)


@given(st.one_of(st.text(), _CPRISH))
def test_any_text_gives_a_consistent_result_and_never_raises(text: str) -> None:
    result = check(text)
    if result.ok:
        assert result.normalized is not None and len(result.normalized) == 10
        assert result.sex in ("M", "F")
        assert not result.errors
    elif result.kind == "invalid":
        assert result.normalized is None and result.errors
    else:
        assert not text.strip()
