"""A result report's coded field: it searches only its own list and refuses a code of another list (F4.10).

A subclass of the shared `CodeField`: the search is restricted to the field's list (`res.*`), a value outside that
list (or, while the list is missing, a code of another field's list such as a course marker) is refused with a
Danish message and not stored, and a field whose list the catalog lacks says so under the field.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from seilocal.model.datetime_input import parse_stored
from seilocal.rules.result_types import ResultField
from seilocal.rules.ri_values import Member, list_problem, missing_list_note
from seilocal.store.catalog import CatalogStore

from .code_field import CodeField
from .form_editor import FormEditor

_ROW = re.compile(r"\[\d+\]")  # one remembered search mode per kind of field, as the other code fields


class ResultCodeField(CodeField):
    """A CodeField bound to one result field's list."""

    def __init__(self, catalog: CatalogStore, *, spec: ResultField, member: Member, **kwargs: Any) -> None:
        self.spec = spec
        self._member = member
        on_change: Callable[[str | None], None] = kwargs.pop("on_change")

        def taken(value: str | None) -> None:
            self.select.error = None  # a refusal's message goes once a value is taken
            on_change(value)

        super().__init__(catalog, list_name=spec.code_list, on_change=taken, **kwargs)
        # NiceGUI's auto-validation (no validation function) would clear the refusal's message right after it
        # is set; the validation panel sets and clears this field's marks itself.
        self.select.without_auto_validation()
        self.note = missing_list_note(spec, catalog.knows_list)
        if self.note:
            # Shown under the field (an error, once there is one, takes its place).
            self.select.props["hint"] = self.note

    def refusal(self, value: str) -> str | None:
        """The shape check of every code field, then the field's own list (Danish; None when it can be taken)."""
        shape = super().refusal(value)
        if shape:
            return shape
        problem = list_problem(self.spec, value, self._member, self._at(),
                               judged=lambda code: judged(self.catalog, self.spec.code_list or "", code))
        return f"{problem}. Værdien er ikke gemt." if problem else None


def judged(catalog: CatalogStore, list_name: str, code: str) -> bool:
    """Whether a code outside `list_name` is refused: the list is trusted, or the catalog knows the code.

    An unknown code outside our unverified starter list is kept: the catalog is incomplete, and a practitioner
    must never be unable to record a real code (the rules still report it, as a warning).
    """
    return catalog.is_authoritative(list_name) or catalog.get(code) is not None


def ri_code_select(editor: FormEditor, spec: ResultField, label: str, path: str, *, mark: str, at_path: str,
                   member: Member, on_saved: Callable[[str | None], None] | None = None) -> ResultCodeField:
    """A result field's code select bound to `path`, dated by the report's time at `at_path`."""
    ctx = editor.ctx

    def changed(value: str | None) -> None:
        if editor.save(path, value) and on_saved:
            on_saved(value)

    def at() -> date | None:
        moment = parse_stored(editor.get(at_path))
        return moment.date() if moment else None

    widget = ResultCodeField(
        ctx.store.catalog, spec=spec, member=member, label=label, value=editor.get(path), on_change=changed,
        mark=mark, at=at, get_pref=ctx.store.prefs.get, set_pref=ctx.store.prefs.set,
        pref_key=f"code-mode.{_ROW.sub('', path)}",
    )
    editor.register_field(path, widget.set_error, widget.focus)
    return widget
