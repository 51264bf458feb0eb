"""A form page's parts die with the page: nothing at module level keeps an editor (its elements, store and findings)
alive after its tab is gone. The RI state was once kept in a module-level table keyed weakly by the editor, whose
values referred back to it, so every form page ever opened lived as long as the app."""

from __future__ import annotations

import gc
import weakref

from seilocal.pages.context import AppContext
from seilocal.pages.form_editor import FormEditor
from seilocal.pages.ri_actions import ri_state
from tests.support.env import FIXED_NOW
from tests.support.submit_helpers import clean_form


class _Section:
    """Stands in for the RI section, which holds its editor and registers itself with the state."""

    def __init__(self, editor: FormEditor) -> None:
        self.editor = editor
        ri_state(editor).section = self  # type: ignore[assignment]


def test_an_editor_with_its_ri_state_and_section_is_freed_when_the_page_lets_go(store):
    ctx = AppContext(store=store, clock=lambda: FIXED_NOW)
    editor = FormEditor(ctx, store.forms.create(clean_form()))
    section = _Section(editor)
    assert ri_state(editor) is ri_state(editor)  # one state per page
    gone = weakref.ref(editor)

    del editor, section
    gc.collect()

    assert gone() is None
