"""The one policy of a long course's page (pages/long_course.py): what counts, and the order of its two steps."""

from __future__ import annotations

from seilocal.model.form import Contact, Procedure, ResultReport
from seilocal.pages.long_course import (
    DEFERRED_ROWS,
    LAZY_ROWS,
    builds_sections_when_opened,
    course_rows,
    validates_after_open,
)
from tests.support.rules_fakes import base_form


def test_contacts_procedures_and_result_reports_are_the_rows_that_count() -> None:
    form = base_form()
    form.contacts = [Contact() for _ in range(3)]
    form.procedures = [Procedure() for _ in range(2)]
    form.result_reports = [ResultReport() for _ in range(4)]
    assert course_rows(form) == 9


def test_sections_are_built_lazily_before_validation_is_deferred() -> None:
    assert LAZY_ROWS < DEFERRED_ROWS
    form = base_form()
    form.contacts = [Contact() for _ in range(LAZY_ROWS)]
    assert not builds_sections_when_opened(form)
    form.result_reports = [ResultReport()]
    assert builds_sections_when_opened(form) and not validates_after_open(form)
    form.result_reports = [ResultReport() for _ in range(DEFERRED_ROWS - LAZY_ROWS + 1)]
    assert validates_after_open(form)
