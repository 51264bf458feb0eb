"""Date shortcuts as the quick guide describes them (4.1.1): a date alone is written out and waits for a time,
and the forms list's date filters take the same dates."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from seilocal.model.datetime_input import (
    date_filter_prefix,
    expand_date_only,
    format_date,
    parse_datetime_input,
    to_canonical,
)

TODAY = date(2026, 11, 25)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("d", "25-11-2026 "), ("D", "25-11-2026 "), ("12", "12-11-2026 "), ("12.01", "12-01-2026 "),
     ("3-2", "03-02-2026 "), (" 03-11-2026 ", "03-11-2026 "), ("2026-11-03", "03-11-2026 ")],
)
def test_a_date_alone_is_written_out_with_room_for_the_time(text: str, expected: str) -> None:
    assert expand_date_only(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "d 09:30", "31", "30.02", "x", "14:30", "12-01-26"])
def test_no_expansion_for_a_full_time_or_a_bad_date(text: str) -> None:
    assert expand_date_only(text, TODAY) is None


def test_today_with_a_time_is_taken_at_once() -> None:
    assert parse_datetime_input("d 09:30", TODAY).value == "2026-11-25T09:30:00"


@given(days, days)
def test_the_day_shortcut_is_that_day_of_the_current_month(today: date, other: date) -> None:
    day = min(other.day, 28)
    assert expand_date_only(str(day), today) == format_date(today.replace(day=day)) + " "


@given(days, days)
def test_the_day_month_shortcut_is_that_day_this_year(today: date, wanted: date) -> None:
    wanted = wanted.replace(year=today.year) if not (wanted.month == 2 and wanted.day == 29) else today
    assert expand_date_only(f"{wanted.day}.{wanted.month:02d}", today) == format_date(wanted) + " "


@given(days, days, st.times().map(lambda t: t.replace(microsecond=0)))
def test_an_expanded_date_plus_a_time_is_that_moment(today: date, day: date, clock: time) -> None:
    expanded = expand_date_only(format_date(day), today)
    assert expanded is not None
    parsed = parse_datetime_input(f"{expanded}{clock:%H:%M:%S}", today)
    assert parsed.value == to_canonical(datetime.combine(day, clock))


@given(days, st.text(max_size=12))
def test_expansion_never_raises_and_always_reparses(today: date, text: str) -> None:
    expanded = expand_date_only(text, today)
    if expanded is not None:
        assert parse_datetime_input(expanded, today).date_only


@pytest.mark.parametrize(
    ("text", "prefix"),
    [("d", "2026-11-25"), ("12", "2026-11-12"), ("12.01", "2026-01-12"), ("03-11-2026", "2026-11-03"),
     ("11-2026", "2026-11"), ("3.2026", "2026-03"), ("2026", "2026"), (" 2025 ", "2025")],
)
def test_date_filters_take_the_same_dates(text: str, prefix: str) -> None:
    assert date_filter_prefix(text, TODAY) == prefix


@pytest.mark.parametrize("text", ["", "x", "13-2026", "31.02", "d 10:00", "12-01-26"])
def test_bad_date_filters_are_none(text: str) -> None:
    assert date_filter_prefix(text, TODAY) is None


@given(days, st.text(max_size=12))
def test_date_filter_never_raises(today: date, text: str) -> None:
    prefix = date_filter_prefix(text, today)
    assert prefix is None or prefix[:4].isdigit()
