"""Issue 13, item 5: a new form opens at the first contact, says neutrally what is missing, marks what the rules
require with *, and "Opret skema" leaves no empty draft behind."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from nicegui import ui
from nicegui.testing import User

from seilocal.model import Form
from seilocal.pages.form_page import FIRST_CONTACT, SECTIONS
from seilocal.pages.open_forms import created, discard_untouched
from seilocal.rules import validate

# Every field widget of the first contact, by its field path (the rules' paths) and its mark. A rule that starts
# to require a field not listed here fails the mark test below: the table cannot fall behind the rules unseen.
FIELD_MARKS = {
    "patient.cpr": "patient-cpr",
    "patient.name": "patient-name",
    "course.start": "course-start",
    "course.responsible_unit": "course-unit",
    "course.label": "course-label",
    "course.start_marker": "course-start-marker",
    "course.end": "course-end",
    "course.completion": "course-completion",
    "referral.referring_unit": "referral-unit",
    "referral.time": "referral-time",
    "referral.method": "referral-method",
    "referral.free_choice": "referral-free-choice",
    "referral.reason": "referral-reason",
    "referral.reference_id": "referral-reference-id",
    "referral.reference_type": "referral-reference-type",
    "payment.payer": "payment-payer",
    "payment.agreement": "payment-agreement",
    "payment.specialisation_level": "payment-level",
}


def one(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


async def until(condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Wait for a condition (never a fixed sleep)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        assert loop.time() < deadline, "condition not met in time"
        await asyncio.sleep(0.02)


async def open_form(user: User, form: Form | None = None) -> int:
    stored = user.ctx.store.forms.create(form)
    await user.open(f"/skema/{stored.form.form_no}")
    await user.should_see(marker="validation-summary")
    return stored.form.form_no


async def test_a_new_form_opens_the_first_contact_sections_only(app_user: User) -> None:
    await open_form(app_user)
    opened = {key for key, _title in SECTIONS if one(app_user, f"section-{key}").value}
    assert opened == set(FIRST_CONTACT) == {"patient", "course", "referral", "payment"}


async def test_a_later_section_opens_when_tab_reaches_it_or_it_gets_its_first_row(app_user: User) -> None:
    await open_form(app_user)
    markers, contacts = one(app_user, "section-markers"), one(app_user, "section-contacts")
    assert markers.value is False and contacts.value is False

    app_user.find(marker="section-contacts").trigger("focusin")  # Tab past the last field of payment
    await until(lambda: contacts.value is True)

    with app_user.client:
        contacts.close()  # closed by the user: Tab passing by again leaves it closed
    app_user.find(marker="section-contacts").trigger("focusin")
    await asyncio.sleep(0)
    assert contacts.value is False

    app_user.find(marker="markers-new").click()  # the first marker row opens its section
    await until(lambda: markers.value is True)
    assert len(app_user.ctx.store.forms.load(1).form.markers) == 1


async def test_a_blank_form_says_what_is_missing_neutrally_until_typing(app_user: User) -> None:
    await open_form(app_user)
    box, summary = one(app_user, "validation-box"), one(app_user, "validation-summary")
    assert summary.text == "Mangler: 11 felter"
    assert "bg-grey-2" in box.classes and "bg-red-1" not in box.classes
    assert not one(app_user, "course-start").props.get("error")  # no red field before the user did anything

    app_user.find(marker="patient-cpr").type("0101801235")
    await until(lambda: "fejl" in summary.text)
    assert summary.text.startswith("Validering: 10 fejl")
    assert "bg-red-1" in box.classes and "bg-grey-2" not in box.classes
    assert app_user.ctx.store.forms.load(1).form.patient.cpr == "0101801235"


async def test_the_validate_button_turns_the_missing_list_into_errors(app_user: User) -> None:
    await open_form(app_user)
    summary = one(app_user, "validation-summary")
    assert summary.text == "Mangler: 11 felter"

    app_user.find(marker="validation-run").click()
    await app_user.should_see(marker="validation-errors")
    await app_user.should_not_see(marker="validation-missing")
    assert summary.text.startswith("Validering: 11 fejl")
    assert "bg-red-1" in one(app_user, "validation-box").classes
    await until(lambda: one(app_user, "course-start").props.get("error") is True)


async def test_a_form_that_was_edited_before_shows_errors_at_once(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    stored = forms.create()
    forms.save_edit(stored, "patient.cpr", "0101801235")
    await app_user.open("/skema/1")
    assert one(app_user, "validation-summary").text.startswith("Validering: 10 fejl")


def _starred(user: User) -> set[str]:
    """The field paths whose widget's label carries the mandatory mark (*) and is shown."""
    starred = set()
    for path, mark in FIELD_MARKS.items():
        try:
            (element,) = user.find(marker=mark).elements
        except AssertionError:  # not shown (the closing fields before an end time)
            continue
        if str(element.props.get("label", "")).rstrip().endswith("*"):
            starred.add(path)
    return starred


def _required(user: User, form: Form) -> set[str]:
    """The fields whose emptiness the rules report as an error on this form."""
    ctx = user.ctx
    return {f.path for f in validate(form, ctx.store.catalog, ctx.clock()) if f.severity == "error"}


async def test_mandatory_marks_are_the_fields_the_rules_require(app_user: User) -> None:
    blank = Form()
    await open_form(app_user, blank)
    required = _required(app_user, blank)
    assert required, "a blank form must miss something"
    assert required <= set(FIELD_MARKS), f"no widget known for {required - set(FIELD_MARKS)}"
    assert _starred(app_user) == required  # the closing fields are not shown before an end time

    # With an end time, the closing method becomes required, and its field carries the mark.
    ended = Form()
    ended.course.end = "2026-11-03T09:30:00"
    await open_form(app_user, ended)
    assert "course.completion" in _required(app_user, ended)
    assert "course.completion" in _starred(app_user)
    for path in _starred(app_user):
        emptied = Form()
        emptied.course.end = ended.course.end
        assert path in _required(app_user, emptied), f"{path} is marked * but no rule requires it"


async def test_opret_skema_left_untouched_leaves_no_draft(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    await app_user.open("/")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="patient-cpr")
    form_tab = app_user.client
    assert forms.revision(1) == 1

    await app_user.open("/")  # the list while the new form is still shown in a tab: it stays
    assert [summary.form_no for summary in forms.search()] == [1]
    form_tab.delete()  # the tab is gone (NiceGUI deletes its client a moment after the browser left it)
    assert forms.search() == []
    actions = [row["action"] for row in forms.audit_rows(1)]
    assert actions[0] == "create" and actions[-1] == "delete" and set(actions) <= {"create", "view", "delete"}
    assert actions.count("delete") == 1

    forms.create()  # a draft no tab shows (its tab died with the app, say): the next list load removes it
    await app_user.open("/")
    await app_user.should_see(marker="forms-empty")
    assert forms.search() == []


async def test_a_draft_with_a_typed_value_is_never_cleaned_up(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    await app_user.open("/")
    app_user.find(marker="create-form").click()
    await app_user.should_see(marker="patient-cpr")
    app_user.find(marker="patient-cpr").type("0101801235")
    await until(lambda: forms.load(1).form.patient.cpr == "0101801235")
    app_user.find(marker="patient-cpr").clear()  # emptied again: still a form somebody wrote in
    await until(lambda: forms.load(1).form.patient.cpr is None)

    await app_user.open("/")
    assert [summary.form_no for summary in forms.search()] == [1]
    assert discard_untouched(app_user.ctx) == []
    assert forms.load(1).form.patient.cpr is None


async def test_only_blank_untouched_drafts_no_tab_shows_are_removed(store) -> None:
    forms = store.forms

    def is_blank(form: Form) -> bool:
        return form.patient.cpr is None

    shown, left = forms.create(), forms.create()
    assert forms.discard_untouched_drafts(is_blank, keep={shown.form.form_no}) == [left.form.form_no]
    assert [summary.form_no for summary in forms.search()] == [shown.form.form_no]
    filled = Form()
    filled.patient.cpr = "0101801235"
    forms.import_form(filled)  # an imported form is never "untouched"
    made = forms.create(filled)  # made with values (a test, a future copy function): not blank, kept
    assert forms.discard_untouched_drafts(is_blank) == [shown.form.form_no]
    assert [summary.form_no for summary in forms.search()] == [made.form.form_no, made.form.form_no - 1]


async def test_a_draft_made_with_values_is_kept_by_the_list(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    filled = Form()
    filled.patient.cpr = "0101801235"
    forms.create(filled)
    forms.create()  # blank: goes
    await app_user.open("/")
    assert [summary.form_no for summary in forms.search()] == [1]


async def test_a_draft_just_made_is_kept_while_its_page_is_on_the_way(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    stored = forms.create()
    created(app_user.ctx, stored.form.form_no)  # as "Opret skema" does before the browser asks for the page
    assert discard_untouched(app_user.ctx) == []  # e.g. a list in another tab loading right now
    await app_user.open(f"/skema/{stored.form.form_no}")
    await app_user.should_see(marker="patient-cpr")
    assert discard_untouched(app_user.ctx) == []  # now its tab shows it
