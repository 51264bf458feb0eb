"""Section "Procedurer uden patientkontakt" (F4.9): a table of its own, the same details plus a payment set."""

from __future__ import annotations

from seilocal.model.prefill import new_procedure

from ..contact_details import procedure_columns
from ..form_editor import FormEditor
from ..procedure_editor import procedure_details
from ..row_table import row_table


def build(editor: FormEditor) -> None:
    """Build the section of procedures without contact."""
    row_table(
        editor, "procedures", mark="procedures", noun="procedure",
        columns=procedure_columns(),
        new_row=lambda: new_procedure(editor.form, editor.ctx.clock()),
        details=lambda path, _index: procedure_details(editor, path, mark="procedure", with_payment=True),
        sort_key=lambda p: p.start or "",
    )
