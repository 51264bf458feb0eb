"""Typed date-time input (F4.1.1): Danish formats, shortcuts, errors, canonical ISO."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seilocal.model.datetime_input import (
    MSG_NEEDS_DATE,
    MSG_NEEDS_TIME,
    MSG_YEAR_DIGITS,
    ParsedTime,
    format_for_display,
    parse_datetime_input,
    parse_stored,
    replace_date,
    to_canonical,
    typed_date,
)

TODAY = date(2026, 2, 15)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03-11-2026 09:30:15", "2026-11-03T09:30:15"),
        ("03-11-2026 09:30", "2026-11-03T09:30:00"),
        ("03.11.2026 09:30", "2026-11-03T09:30:00"),
        ("03/11/2026 09:30", "2026-11-03T09:30:00"),
        ("03112026 09:30", "2026-11-03T09:30:00"),
        ("3-1-2026 9:05", "2026-01-03T09:05:00"),
        ("03-11-2026 0930", "2026-11-03T09:30:00"),
        ("03-11-2026 093015", "2026-11-03T09:30:15"),
        ("03-11-2026 14.30", "2026-11-03T14:30:00"),
        ("  03-11-2026    14:30  ", "2026-11-03T14:30:00"),
        ("2026-11-03T09:30:00", "2026-11-03T09:30:00"),
        ("2026-11-03 09:30", "2026-11-03T09:30:00"),
        ("d 10:15", "2026-02-15T10:15:00"),
        ("D 10:15", "2026-02-15T10:15:00"),
        ("12 14:30", "2026-02-12T14:30:00"),
        ("12.01 08:00", "2026-01-12T08:00:00"),
        ("12-01 08:00", "2026-01-12T08:00:00"),
        ("29-02-2028 00:00", "2028-02-29T00:00:00"),
        ("31-12-2026 23:59:59", "2026-12-31T23:59:59"),
    ],
)
def test_accepted_formats_give_canonical_iso(text: str, expected: str) -> None:
    assert parse_datetime_input(text, TODAY) == ParsedTime(value=expected)


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("31-02-2026 10:00", "Datoen findes ikke: 31-02-2026"),
        ("29.02 10:00", "Datoen findes ikke: 29-02-2026"),
        ("30 10:00", "Datoen findes ikke: 30-02-2026"),
        ("12-13-2026 10:00", "Datoen findes ikke: 12-13-2026"),
        ("d 24:00", "Klokkeslættet findes ikke: 24:00"),
        ("d 10:60", "Klokkeslættet findes ikke: 10:60"),
        ("d 10:00:61", "Klokkeslættet findes ikke: 10:00:61"),
        ("12-01-26 10:00", MSG_YEAR_DIGITS),
        ("14:30", MSG_NEEDS_DATE),
    ],
)
def test_impossible_values_give_a_danish_message(text: str, error: str) -> None:
    parsed = parse_datetime_input(text, TODAY)
    assert parsed.value is None
    assert parsed.error == error


@pytest.mark.parametrize(
    "text", ["i går 10:00", "x", "d 14", "d 1:2", "12-01-2026 10:00 ekstra", "d+1 10:00", "d-1 10:00"]
)
def test_unknown_formats_are_errors(text: str) -> None:
    parsed = parse_datetime_input(text, TODAY)
    assert parsed.value is None
    assert parsed.error


@pytest.mark.parametrize("text", ["03-11-2026", "d", "12", "12.01", "2026-11-03", "2026-11-03T"])
def test_a_date_without_a_time_is_an_error(text: str) -> None:
    assert parse_datetime_input(text, TODAY) == ParsedTime(error=MSG_NEEDS_TIME, date_only=True)


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_blank_is_empty_not_an_error(text: str) -> None:
    assert parse_datetime_input(text, TODAY) == ParsedTime()


def test_unicode_digits_are_not_digits() -> None:
    # Arabic-Indic digits pass str.isdigit() and int(); they must not become a date.
    assert parse_datetime_input("٠٣-١١-٢٠٢٦ ١٠:٠٠", TODAY).value is None


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(2026, 1, 31), "d 00:00", "2026-01-31T00:00:00"),
        (date(2026, 1, 31), "31 12:00", "2026-01-31T12:00:00"),
        (date(2026, 12, 31), "01.01 12:00", "2026-01-01T12:00:00"),
        (date(2026, 1, 1), "31-12 12:00", "2026-12-31T12:00:00"),
        (date(2028, 2, 1), "29 12:00", "2028-02-29T12:00:00"),
    ],
)
def test_shortcuts_at_month_and_year_ends(today: date, text: str, expected: str) -> None:
    assert parse_datetime_input(text, today).value == expected


def test_day_shortcut_past_the_month_end_names_the_resolved_date() -> None:
    assert parse_datetime_input("31 12:00", date(2026, 4, 10)).error == "Datoen findes ikke: 31-04-2026"


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31)), st.integers(1, 31))
def test_day_shortcut_is_that_day_of_todays_month(today: date, day: int) -> None:
    parsed = parse_datetime_input(f"{day} 12:00", today)
    try:
        expected = date(today.year, today.month, day)
    except ValueError:
        assert parsed.value is None and parsed.error
    else:
        assert parsed.value == f"{expected.isoformat()}T12:00:00"


@given(st.dates(), st.integers(0, 23), st.integers(0, 59))
def test_today_shortcut_is_today(today: date, hour: int, minute: int) -> None:
    parsed = parse_datetime_input(f"d {hour}:{minute:02d}", today)
    assert parsed.value == to_canonical(datetime(today.year, today.month, today.day, hour, minute))


# Plain text rarely looks like a date; the second strategy hits the parser's own paths.
_DATEISH = st.text(alphabet="0123456789-./: dDtT٣\u00a0", max_size=25)


@given(st.one_of(st.text(), _DATEISH))
def test_any_text_gives_a_result_and_never_raises(text: str) -> None:
    parsed = parse_datetime_input(text, TODAY)
    assert isinstance(parsed, ParsedTime)
    # Exactly one of value / error, unless the input was blank.
    assert (parsed.value is None) != (parsed.error is None) or not text.strip()
    if parsed.value is not None:
        assert parse_stored(parsed.value) is not None


@given(st.datetimes().map(lambda moment: moment.replace(microsecond=0)))
def test_display_form_parses_back_to_the_same_value(moment: datetime) -> None:
    iso = to_canonical(moment)
    assert parse_datetime_input(format_for_display(iso), TODAY).value == iso
    assert parse_stored(iso) == moment


def test_display_form() -> None:
    assert format_for_display("2026-11-03T09:30:00") == "03-11-2026 09:30:00"
    assert format_for_display(None) == ""


@pytest.mark.parametrize("raw", ["31-02-2026 10:00", "2026-02-31T10:00:00", "hej", ""])
def test_an_invalid_stored_value_is_shown_verbatim(raw: str) -> None:
    assert format_for_display(raw) == raw


@pytest.mark.parametrize(
    "raw",
    [
        None,
        "",
        "2026-11-03",
        "2026-11-03T09:30",
        "2026-11-03 09:30:00",
        "2026-02-30T10:00:00",
        "03-11-2026 09:30:00",
        "2026-11-03T09:30:00Z",
        "٢٠٢٦-11-03T09:30:00",
    ],
)
def test_parse_stored_is_strict(raw: str | None) -> None:
    assert parse_stored(raw) is None


def test_parse_stored_reads_the_canonical_form() -> None:
    assert parse_stored("2026-11-03T09:30:15") == datetime(2026, 11, 3, 9, 30, 15)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("", "05-03-2026"),
        ("d", "05-03-2026"),
        ("12 14:30", "05-03-2026 14:30"),
        ("01-01-2020 08:00:00", "05-03-2026 08:00:00"),
        ("2020-01-01T08:00:00", "05-03-2026 08:00:00"),
    ],
)
def test_a_picked_date_keeps_the_typed_time(typed: str, expected: str) -> None:
    assert replace_date(typed, date(2026, 3, 5)) == expected


def test_typed_date_reads_the_date_part_only() -> None:
    assert typed_date("12.01", TODAY) == date(2026, 1, 12)
    assert typed_date("d 25:00", TODAY) == TODAY
    assert typed_date("31-02-2026 10:00", TODAY) is None
    assert typed_date("", TODAY) is None


@given(st.one_of(st.text(), _DATEISH))
def test_typed_date_and_replace_date_never_raise(text: str) -> None:
    typed_date(text, TODAY)
    assert replace_date(text, TODAY).startswith("15-02-2026")
