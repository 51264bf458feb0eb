"""The result box (F5, B3): live findings with rule numbers, red marks on fields, a click that jumps."""

from __future__ import annotations

import asyncio
import importlib.util

import pytest
from nicegui import ui
from nicegui.testing import User

from seilocal.model.form import Contact, Form
from seilocal.pages.validation_panel import field_messages, summary_text, where_of
from seilocal.rules import Finding
from tests.support.rules_fakes import base_form

HAS_CONTACTS = importlib.util.find_spec("seilocal.pages.sections.contacts") is not None


def _element(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


async def _until(condition, timeout: float = 2.0) -> None:
    """Wait for a UI timer to have done its work."""
    for _ in range(int(timeout / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    assert condition()


def test_where_names_section_and_rows_in_danish() -> None:
    finding = Finding("12.c-1", "error", "x", "contacts[2].diagnoses[0].side", "contacts")
    assert where_of(finding) == "Patientkontakter, kontakt 3, diagnose 1"
    assert where_of(Finding("SEI-P01", "error", "x", "patient.cpr", "patient")) == "Patient"
    # A contact's procedure is under the contacts, though its rule's section is "procedures" (issue 21).
    assert where_of(Finding("11101", "error", "x", "contacts[0].procedures[1].code", "procedures")) == \
        "Patientkontakter, kontakt 1, procedure 2"
    assert where_of(Finding("11101", "error", "x", "procedures[0].code", "procedures")) == \
        "Procedurer uden patientkontakt, procedure 1"


def test_fields_turn_red_for_errors_only_and_summary_counts() -> None:
    findings = [
        Finding("A", "warning", "advarsel", "course.start", "course"),
        Finding("B", "error", "fejl", "course.start", "course"),
        Finding("C", "warning", "kun advarsel", "patient.cpr", "patient"),
    ]
    assert field_messages(findings) == {"course.start": "B: fejl"}
    assert summary_text(findings) == "Validering: 1 fejl og 2 advarsler"
    assert summary_text([]) == "Valideret uden fejl"


async def test_a_clean_form_shows_the_blue_box(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    form = base_form()
    form.contacts[0].procedures[0].side = "TUL1"
    stored = forms.create(form)
    forms.save_edit(stored, "status", "submitted")  # a draft always carries the reporting-deadline warning
    await app_user.open(f"/skema/{stored.form.form_no}")
    await app_user.should_see("Valideret uden fejl", marker="validation-summary")
    await app_user.should_not_see(marker="validation-ok")  # the list is drawn when the box is opened
    app_user.find(marker="validation-run").click()
    await app_user.should_see(marker="validation-ok")
    await app_user.should_not_see(marker="validation-errors")


async def test_a_course_ending_before_it_starts_is_red_marked_and_fixed_live(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    form = Form()
    form.course.start = "2026-11-03T09:30:00"
    form.course.end = "2026-11-02T09:30:00"  # before the start: 02.01
    stored = forms.create(form)
    await app_user.open(f"/skema/{stored.form.form_no}")
    app_user.find(marker="validation-run").click()  # open the box
    await app_user.should_see(marker="validation-errors")
    await app_user.should_see(marker="finding-02.01")
    assert "fejl" in _element(app_user, "validation-summary").text

    # Move the start before the end: the finding goes away at once, no reload, no button.
    app_user.find(marker="course-start").clear().type("01-11-2026 09:30").trigger("blur")
    await app_user.should_not_see(marker="finding-02.01")
    assert forms.load(stored.form.form_no).form.course.start == "2026-11-01T09:30:00"


async def test_the_cpr_field_is_marked_with_its_rule_and_cleared_when_fixed(app_user: User) -> None:
    stored = app_user.ctx.store.forms.create()
    await app_user.open(f"/skema/{stored.form.form_no}")
    app_user.find(marker="validation-run").click()  # open the box
    await app_user.should_see(marker="finding-SEI-P01")  # CPR missing
    app_user.find(marker="finding-SEI-P01").click()  # a jump to a field in an open section does no harm
    app_user.find(marker="patient-cpr").type("0101801235")
    await app_user.should_not_see(marker="finding-SEI-P01")
    app_user.find(marker="validation-run").click()
    assert _element(app_user, "validation-box") is not None


@pytest.mark.skipif(not HAS_CONTACTS, reason="the contacts section is not there yet")
async def test_contact_end_before_start_is_05_11_marked_and_clicking_opens_contacts(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    form = Form()
    form.course.start = "2026-11-03T09:30:00"
    form.contacts.append(Contact(start="2026-11-03T10:00:00", end="2026-11-03T09:00:00"))
    stored = forms.create(form)
    await app_user.open(f"/skema/{stored.form.form_no}")
    app_user.find(marker="validation-run").click()  # open the box
    await app_user.should_see(marker="validation-errors")
    await app_user.should_see(marker="finding-05.11")
    contacts = _element(app_user, "section-contacts")
    assert contacts.value is False

    app_user.find(marker="finding-05.11").click()
    assert contacts.value is True
    await app_user.should_see(marker="contact-end")
    end = _element(app_user, "contact-end")
    await _until(lambda: end.props.get("error") is True)  # marked once the row's details are built
    assert "05.11" in str(end.props.get("error-message"))

    # Correct the end: the finding and the red mark go away without a reload.
    app_user.find(marker="contact-end").clear().type("03-11-2026 11:00").trigger("blur")
    await app_user.should_not_see(marker="finding-05.11")
    await _until(lambda: not end.props.get("error"))


async def test_rules_that_cannot_run_are_named_apart_and_a_starter_list_warning_says_why(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    # admin.konttype is derived from SKS (it blocks); made a starter list again here, as a list SKS cannot evidence.
    from seilocal.store.catalog.common import bump_generation
    from seilocal.store.catalog.schema import LISTS

    app_user.ctx.store.db.execute(
        f"UPDATE {LISTS} SET source = 'starter', verified = 0 WHERE list_name = 'admin.konttype'")
    bump_generation()
    form = base_form()
    form.contacts[0].type = "ALCA99"  # not in the starter admin.konttype list: 05.a, shown as a warning
    stored = forms.create(form)
    forms.save_edit(stored, "status", "submitted")
    await app_user.open(f"/skema/{stored.form.form_no}")
    summary = _element(app_user, "validation-summary").text
    assert "kan ikke kontrolleres" in summary and "fejl" not in summary.split("(")[0]
    app_user.find(marker="validation-run").click()
    await app_user.should_see(marker="validation-notes")
    await app_user.should_see(marker="validation-warnings")
    await app_user.should_see("kodelisten er ikke bekræftet (admin.konttype)", marker="finding-05.a-unconfirmed")


def test_summary_counts_notes_apart_from_faults() -> None:
    note = Finding("11.21", "info", "Kan ikke kontrolleres: listen proc.sluttid mangler", "contacts[0]", "contacts")
    warning = Finding("05.a", "warning", "x", "contacts[0].type", "contacts", unconfirmed="admin.konttype")
    assert summary_text([note]) == "Valideret uden fejl (1 regel kan ikke kontrolleres)"
    assert summary_text([note, note, warning]) == "Validering: 1 advarsel (2 regler kan ikke kontrolleres)"
