"""The date-time field widget: typing, committing on blur/Enter, errors, calendar picks."""

from __future__ import annotations

from datetime import date

from nicegui import ui
from nicegui.testing import User

from seilocal.pages.datetime_field import DateTimeField, datetime_field

TODAY = date(2026, 2, 15)


async def open_field(user: User, value: str | None = None) -> tuple[list[str | None], list[DateTimeField]]:
    """Open a page with one field; return the on_change calls and the widget."""
    calls: list[str | None] = []
    fields: list[DateTimeField] = []

    @ui.page("/")
    def page() -> None:
        fields.append(
            datetime_field("Starttidspunkt", value, calls.append, mark="start", today=lambda: TODAY)
        )

    await user.open("/")
    return calls, fields


def field_input(user: User) -> ui.input:
    (element,) = user.find(marker="start").elements
    assert isinstance(element, ui.input)
    return element


async def test_today_shortcut_on_blur_reports_todays_iso(user: User) -> None:
    calls, _ = await open_field(user)
    user.find(marker="start").type("d 10:15").trigger("blur")
    assert calls == ["2026-02-15T10:15:00"]
    # The field shows the normalised Danish form.
    assert field_input(user).value == "15-02-2026 10:15:00"
    assert not field_input(user).props.get("error")


async def test_enter_commits_too(user: User) -> None:
    calls, _ = await open_field(user)
    user.find(marker="start").type("12.01 8:00").trigger("keydown.enter")
    assert calls == ["2026-01-12T08:00:00"]


async def test_impossible_date_keeps_the_text_and_shows_the_error(user: User) -> None:
    calls, fields = await open_field(user)
    user.find(marker="start").type("31-02-2026 10:00").trigger("blur")
    assert calls == ["31-02-2026 10:00"]
    element = field_input(user)
    assert element.value == "31-02-2026 10:00"
    assert element.props["error"] is True
    assert element.props["error-message"] == "Datoen findes ikke: 31-02-2026"
    assert fields[0].value == "31-02-2026 10:00"


async def test_same_value_twice_reports_once(user: User) -> None:
    calls, _ = await open_field(user)
    field = user.find(marker="start")
    field.type("d 10:15").trigger("keydown.enter").trigger("blur")
    field.clear().type("15-02-2026 10:15").trigger("blur")
    assert calls == ["2026-02-15T10:15:00"]


async def test_clearing_reports_none_and_removes_the_error(user: User) -> None:
    calls, _ = await open_field(user, "2026-11-03T09:30:00")
    assert field_input(user).value == "03-11-2026 09:30:00"
    user.find(marker="start").clear().trigger("blur")
    assert calls == [None]
    user.find(marker="start").type("   ").trigger("blur")
    assert calls == [None]
    assert not field_input(user).props.get("error")


async def test_a_date_without_time_is_an_error(user: User) -> None:
    calls, _ = await open_field(user)
    user.find(marker="start").type("d").trigger("blur")
    assert calls == ["15-02-2026"]  # the date written out, not a shortcut whose meaning moves with the day
    assert field_input(user).value == "15-02-2026"
    assert field_input(user).props["error-message"] == "Et tidspunkt skal have et klokkeslæt (tt:mm)"


async def test_a_valid_entry_after_an_error_clears_it(user: User) -> None:
    calls, _ = await open_field(user)
    field = user.find(marker="start")
    field.type("31-02-2026 10:00").trigger("blur")
    field.clear().type("28-02-2026 10:00").trigger("blur")
    assert calls == ["31-02-2026 10:00", "2026-02-28T10:00:00"]
    assert not field_input(user).props.get("error")


async def test_set_value_updates_without_on_change(user: User) -> None:
    calls, fields = await open_field(user)
    with user:
        fields[0].set_value("2026-03-01T07:00:00")
    assert field_input(user).value == "01-03-2026 07:00:00"
    # Committing the unchanged text is not a change.
    user.find(marker="start").trigger("blur")
    assert calls == []


async def test_a_stored_invalid_value_is_shown_verbatim_and_red(user: User) -> None:
    await open_field(user, "31-02-2026 10:00")
    element = field_input(user)
    assert element.value == "31-02-2026 10:00"
    assert element.props["error-message"] == "Datoen findes ikke: 31-02-2026"


async def test_external_error_marks_the_field_red_until_cleared(user: User) -> None:
    _, fields = await open_field(user, "2026-11-03T09:30:00")
    with user:
        fields[0].set_external_error("Slut skal være efter start (05.11)")
    assert field_input(user).props["error-message"] == "Slut skal være efter start (05.11)"
    assert field_input(user).props["error"] is True
    with user:
        fields[0].set_external_error(None)
    assert not field_input(user).props.get("error")


async def test_calendar_pick_keeps_the_typed_time(user: User) -> None:
    calls, fields = await open_field(user)
    user.find(marker="start").type("d 14:30")
    user.find(marker="start-calendar").click()
    assert fields[0].menu.value is True
    (picker,) = user.find(marker="start-date").elements
    assert picker.value == "2026-02-15"  # opens at the typed date
    with user:
        picker.value = "2026-03-05"
    assert field_input(user).value == "05-03-2026 14:30:00"
    assert calls == ["2026-03-05T14:30:00"]
    assert fields[0].menu.value is False


async def test_calendar_pick_without_time_leaves_the_date_and_the_error(user: User) -> None:
    calls, _ = await open_field(user)
    user.find(marker="start-calendar").click()
    (picker,) = user.find(marker="start-date").elements
    with user:
        picker.value = "2026-03-05"
    assert field_input(user).value == "05-03-2026"
    assert field_input(user).props["error-message"] == "Et tidspunkt skal have et klokkeslæt (tt:mm)"
    assert calls == ["05-03-2026"]


async def test_enter_on_a_date_alone_writes_it_out_and_waits_for_the_time(user: User) -> None:
    calls, fields = await open_field(user)
    field = user.find(marker="start")
    for shortcut, shown in (("d", "15-02-2026 "), ("12", "12-02-2026 "), ("12.01", "12-01-2026 ")):
        field.clear().type(shortcut).trigger("keydown.enter")
        assert field_input(user).value == shown
        assert not field_input(user).props.get("error")
        assert calls == [] and fields[0].value is None  # nothing committed while the time is missing
    field.type("09:30").trigger("keydown.enter")
    assert calls == ["2026-01-12T09:30:00"]
    assert field_input(user).value == "12-01-2026 09:30:00"
