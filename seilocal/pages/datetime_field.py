"""A date-time input: typed Danish formats or a calendar, stored as canonical ISO (product.md F4.1.1)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from nicegui import ui

from seilocal.model.datetime_input import (
    expand_date_only,
    format_for_display,
    parse_datetime_input,
    parse_stored,
    replace_date,
    typed_date,
)

# Quasar's QDate locale object: Danish names, weeks starting on Monday.
DANISH_DATE_LOCALE = {
    "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"],
    "daysShort": ["søn", "man", "tir", "ons", "tor", "fre", "lør"],
    "months": [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "monthsShort": ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
    "firstDayOfWeek": 1,
    "format24h": True,
    "pluralDay": "dage",
}

PLACEHOLDER = "dd-mm-åååå tt:mm"


class DateTimeField:
    """A `ui.input` with a calendar menu that reports canonical ISO times (or the verbatim text) on commit."""

    def __init__(
        self,
        label: str,
        value: str | None,
        on_change: Callable[[str | None], None],
        *,
        mark: str,
        today: Callable[[], date] = date.today,
    ) -> None:
        self._on_change = on_change
        self._today = today
        self._value: str | None = None
        self._parse_error: str | None = None
        self._external_error: str | None = None
        # Set while the picker is moved programmatically, so that move is not taken for a user's pick.
        self._syncing_picker = False

        self.input = ui.input(label, placeholder=PLACEHOLDER).mark(mark)
        self.input.on("blur", self._commit)
        self.input.on("keydown.enter", self._commit_or_wait)
        with self.input.add_slot("append"):
            self.calendar_button = (
                ui.button(icon="edit_calendar", on_click=self._open_calendar)
                # tabindex=-1: Quasar does not emit blur while focus stays inside the field, so Tab must
                # leave the field rather than land on this button, or a typed value is never committed.
                .props('flat round dense tabindex=-1 aria-label="Vælg dato i kalender"')
                .mark(f"{mark}-calendar")
            )
        with self.input:
            # no-parent-event: clicking into the input must not pop up the calendar, only the button does.
            with ui.menu().props("no-parent-event") as self.menu:
                self.picker = ui.date(on_change=self._on_pick).mark(f"{mark}-date")
                self.picker.props["locale"] = DANISH_DATE_LOCALE
                self.picker.props("today-btn")
        self.set_value(value)

    @property
    def value(self) -> str | None:
        """The value last committed or set: canonical ISO, the verbatim invalid text, or None."""
        return self._value

    @property
    def error(self) -> str | None:
        """The error shown under the field: a parse error first, else the one set from outside."""
        return self._parse_error or self._external_error

    def set_value(self, value: str | None) -> None:
        """Show a value given by the page without calling on_change."""
        self._value = value
        self.input.value = format_for_display(value)
        # A stored text that is not canonical is a kept draft entry; show why it is not accepted.
        self._parse_error = None
        if value is not None and parse_stored(value) is None:
            self._parse_error = parse_datetime_input(value, self._today()).error
        self._show_error()

    def set_external_error(self, message: str | None) -> None:
        """Mark the field red with a validation message (None clears it)."""
        self._external_error = message
        self._show_error()

    def _show_error(self) -> None:
        # ui.input's own error setter drives Quasar's `error` / `error-message` props.
        self.input.error = self.error

    def _commit_or_wait(self) -> None:
        # Enter on a date without a time (`d`, `12`, `12.01`): write the date out and wait for the time there.
        expanded = expand_date_only(self.input.value or "", self._today())
        if expanded is None:
            self._commit()
            return
        self.input.value = expanded
        self._parse_error = None
        self._show_error()

    def _commit(self) -> None:
        typed = (self.input.value or "").strip()
        parsed = parse_datetime_input(typed, self._today())
        if parsed.date_only:  # left without a time: keep the date written out, not a shortcut that moves with today
            typed = (expand_date_only(typed, self._today()) or typed).strip()
            self.input.value = typed
        if parsed.value is not None:
            new_value: str | None = parsed.value
            self.input.value = format_for_display(parsed.value)
        elif parsed.error is None:
            new_value = None
            self.input.value = ""
        else:
            # A draft keeps what was typed (form-format.md); surrounding blanks carry no meaning.
            new_value = typed
        self._parse_error = parsed.error
        self._show_error()
        if new_value != self._value:
            self._value = new_value
            self._on_change(new_value)

    def _open_calendar(self) -> None:
        # Open at the typed date, even one still without a time.
        shown = typed_date(self.input.value or "", self._today())
        self._syncing_picker = True
        try:
            self.picker.value = shown.isoformat() if shown else None
        finally:
            self._syncing_picker = False
        self.menu.open()

    def _on_pick(self) -> None:
        if self._syncing_picker or not self.picker.value:
            return
        try:
            picked = date.fromisoformat(self.picker.value)
        except (TypeError, ValueError):
            return
        self.input.value = replace_date(self.input.value or "", picked)
        self.menu.close()
        # Commit at once: with a typed time the value is complete; without one the "needs a time" error shows.
        self._commit()


def datetime_field(
    label: str,
    value: str | None,
    on_change: Callable[[str | None], None],
    *,
    mark: str,
    today: Callable[[], date] = date.today,
) -> DateTimeField:
    """Create a date-time field in the current NiceGUI context."""
    return DateTimeField(label, value, on_change, mark=mark, today=today)
