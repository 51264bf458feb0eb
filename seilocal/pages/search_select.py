"""The type-ahead select both code fields and SOR fields are made of: server-side search, never a long list.

A `ui.select` with `with_input=True`. A field over a short list (`all_options`, e.g. frit valg, prioritet) starts
with every option, so a click or ↓ opens them all, as SEI2 does; any other field starts with only its current value.
Either searches as the user types ('input-value', throttled) and always keeps the current value among the
options, after the hits (NiceGUI resets a value that is not among them to None).
"""

from __future__ import annotations

from collections.abc import Callable

from nicegui import events, ui

# The input's text when the focus leaves the field for somewhere outside it (not for its own ✕ or menu).
_LEFT_JS = ("(e) => { const root = e.currentTarget; const to = e.relatedTarget;"
            " if (to && root && root.contains && root.contains(to)) return;"
            " emit(e.target && e.target.value || ''); }")


class SearchSelect:
    """Base of CodeField and SorField; subclasses say how to search and how to label one value."""

    def __init__(self, *, label: str, value: str | None, on_change: Callable[[str | None], None], mark: str) -> None:
        self._on_change = on_change
        self._silent = False
        # The value last shown or taken: what a refused entry goes back to (NiceGUI may hand an option's
        # {value, label} as the previous value after set_options, not the code).
        self._accepted: str | None = value
        self.typed = ""  # the text of the last search typed in the field ("" after a pick or when left)
        self.select = (
            ui.select(
                self._with_current(self.all_options() or {}, value),
                value=value,
                label=label,
                with_input=True,
                clearable=True,
                on_change=self._value_changed,
                # Enter on typed text that matches no option keeps that text as the value: the bundled
                # catalog is incomplete, and a practitioner must never be unable to record a real code.
                new_value_mode="add-unique",
                key_generator=self.normalise,
            )
            # disable-tab-selection: Tab leaves the field as it is. Quasar would otherwise take the input's text
            # (the chosen option's label, filled in) as a new value on Tab, erase the choice and lose the focus.
            .props("input-debounce=0 behavior=menu disable-tab-selection")
            .classes("grow")
            .mark(mark)
        )
        self.select.on("input-value", self._typed, throttle=0.12)
        # Tab takes nothing by itself (disable-tab-selection); a typed code that is exactly one of the hits is
        # taken when the field is left, as a practitioner who types "ALAL01" and Tab expects.
        # The native focusout, not Quasar's "blur": Quasar sends no blur when the field is left while its menu is
        # open (typing over a value at full speed, then Tab), and the typed code would be lost.
        self.select.on("focusout", self._left, js_handler=_LEFT_JS)
        # Enter on typed text the arrow keys did not touch: the text decides, not a highlight left from before
        # (focus.py sends it here instead of to Quasar).
        self.select.classes("seil-typed-enter")
        self.select.on("seil-typed-enter", self._typed_enter, js_handler="(e) => emit(e.detail || '')")
        # A short list may depend on the form's time (validity): brought up to date when the field is entered.
        self.select.on("focus", self._entered)

    # -- what a subclass provides ----------------------------------------------------------------------

    def options_for(self, text: str) -> dict[str, str]:
        """The options (value -> label) for typed text, best first."""
        raise NotImplementedError

    def all_options(self) -> dict[str, str] | None:
        """Every option (value -> label) when the field's list is short enough to show whole, else None."""
        return None

    def label_of(self, value: str) -> str:
        """The label of one value that is not among the search hits (e.g. the stored value)."""
        raise NotImplementedError

    def normalise(self, typed: str) -> str:
        """The value a typed new entry becomes (codes are upper case, without spaces)."""
        return typed.strip()

    # -- shared behaviour ----------------------------------------------------------------------------------

    @property
    def value(self) -> str | None:
        """The selected value, or None."""
        value: str | None = self.select.value  # the options' keys are texts
        return value

    @property
    def _shown(self) -> dict[str, str]:
        """The options the select shows, value -> label (this class always gives it a dict; a list would be
        NiceGUI's shorthand for values that are their own labels)."""
        options = self.select.options
        return options if isinstance(options, dict) else {option: option for option in options}

    def set_value(self, value: str | None) -> None:
        """Show `value` (from outside, e.g. a loaded form) without calling on_change."""
        self._silent = True
        self._accepted = value
        try:
            self.select.set_options(self._with_current(self.all_options() or {}, value), value=value)
        finally:
            self._silent = False

    def focus(self) -> None:
        """Put the keyboard focus in the field (used when a validation finding is clicked)."""
        self.select.run_method("focus")

    def set_error(self, message: str | None) -> None:
        """Mark the field red with a message, or clear the mark."""
        self.select.error = message

    def search(self, text: str) -> None:
        """Replace the options by the hits for `text`, keeping the current value among them."""
        self.select.set_options(self._with_current(self.options_for(text or ""), self.select.value))

    def _with_current(self, options: dict[str, str], value: str | None) -> dict[str, str]:
        # Last, not first: the top hit must be the search's best, or ↓ Enter would take the old value again.
        if value and value not in options:
            options = {**options, value: self.label_of(value)}
        return options

    def _typed(self, e: events.GenericEventArguments) -> None:
        text = e.args if isinstance(e.args, str) else ""
        # Choosing an option (arrows + Enter) echoes its label into the input: that is not a search, and
        # searching for it would replace the options under the selection Quasar is about to send.
        if text and text in self._shown.values():
            return
        self.typed = text
        self.search(text)

    def refusal(self, value: str) -> str | None:
        """Why a typed new value cannot be taken (Danish), or None; only values the search did not offer."""
        return None

    def _left(self, e: events.GenericEventArguments) -> None:
        text = e.args if isinstance(e.args, str) else ""
        self.typed = ""
        code = self.normalise(text) if text else ""
        if code and code != self.select.value and text not in self._shown.values() \
                and self.is_hit(text, code):
            self.select.value = code  # through _value_changed, as a pick

    def _typed_enter(self, e: events.GenericEventArguments) -> None:
        text = e.args if isinstance(e.args, str) else ""
        self.typed = ""
        self.select.run_method("hidePopup")
        if not text:
            return
        labelled = [value for value, label in self._shown.items() if label == text]
        code = labelled[0] if labelled else self.normalise(text)
        if not code or code == self.select.value:
            self.set_value(self.select.value)  # the input shows the value's label again
            return
        options = self.options_for(text)
        if code not in options and code not in self.select.options and len(options) == 1:
            code = next(iter(options))  # a partial code or name with one hit (a SOR number's start): that one
        # A code no search offers is a new value (the catalog is incomplete): refused or taken by _value_changed.
        self.select.set_options(self._with_current({**options, code: self.label_of(code)}, self.select.value),
                                value=code)

    def is_hit(self, text: str, code: str) -> bool:
        """Whether `code` (typed as `text`) is one of the search's hits. Asked of the search itself, not of the
        options shown: typing over a value at full speed leaves the field before the last search arrived."""
        return code in self.select.options or code in self.options_for(text)

    def _entered(self) -> None:
        options = self.all_options()
        if options is None:
            return
        fresh = self._with_current(options, self.select.value)
        if fresh != self.select.options:
            self.select.set_options(fresh)

    def _value_changed(self, e: events.ValueChangeEventArguments[str | None]) -> None:
        if self._silent:
            return
        reason = self.refusal(e.value) if e.value else None
        if reason:
            # Free text never becomes a value: put the field back as it was and say why.
            self.set_value(self._accepted)
            self.select.error = reason
            ui.notify(reason, type="warning")
            return
        self._accepted = e.value
        self._on_change(e.value)
