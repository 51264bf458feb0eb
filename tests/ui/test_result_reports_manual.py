""""Opret resultatindberetning" (RAA11-RAA13, no official trigger): an RAA12 made from a contact, filled, printed."""

from __future__ import annotations

from nicegui import ui
from nicegui.testing import User

from tests.support.pdf import needs_pdftotext, text_of
from tests.support.rules_fakes import base_form


def _element(user: User, mark: str) -> ui.element:
    (element,) = user.find(marker=mark).elements
    return element


@needs_pdftotext
async def test_an_alcohol_report_is_made_from_a_contact_filled_and_printed(app_user: User) -> None:
    forms = app_user.ctx.store.forms
    stored = forms.create(base_form())
    no, contact = stored.form.form_no, stored.form.contacts[0]
    await app_user.open(f"/skema/{no}")
    await app_user.should_not_see(marker="ri-pending-RAA12")  # nothing proposes it: no official trigger here

    # Without a choice nothing is made, and the user is told what to choose.
    app_user.find(marker="ri-new-create").click()
    await app_user.should_see("Vælg en resultatindberetning")
    assert forms.load(no).form.result_reports == []

    names = _element(app_user, "ri-new-name")
    assert names.options == {"RAA11": "RAA11 Udlevering af høreapparat", "RAA12": "RAA12 Alkoholbehandling (NAB)",
                             "RAA13": "RAA13 Stofmisbrugsbehandling (SIB)"}
    names.value = "RAA12"
    targets = _element(app_user, "ri-new-target")
    assert targets.options[contact.id] == "Kontakt 1 (03-11-2026 10:00:00)"
    targets.value = contact.id
    app_user.find(marker="ri-new-create").click()
    (report,) = forms.load(no).form.result_reports
    assert (report.name, report.trigger.ref, report.status) == ("RAA12", contact.id, "incomplete")
    assert report.time == contact.start and "RDC40" in report.results

    # The new report is selected: its fields, and the sentence that its official rules are not public here.
    await app_user.should_see(marker="ri-manual-note")
    await app_user.should_see("De officielle regler for udløsning og obligatoriske resultater er ikke offentlige")
    assert _element(app_user, "ri-table").rows[0]["name"] == "RAA12 Alkoholbehandling (NAB)"
    # A result type SKS gives no list and no kind for is free text, and says so.
    hint = _element(app_user, "ri-field-RDC37").props.get("hint")
    assert hint == "SKS angiver ikke værditypen; værdien kontrolleres ikke"

    # The drinking-pattern field searches its own list: a drug (res.stof) is not offered, the pattern is.
    field = app_user.find(marker="ri-field-RDC40")
    field.trigger("inputValue", "RGCC02")
    assert "RGCC02" not in _element(app_user, "ri-field-RDC40").options
    # Typed in anyway (typed + Enter), a code of another list is refused in Danish and not stored.
    field.trigger("update:modelValue", "RGCC02")
    refused = _element(app_user, "ri-field-RDC40")
    assert "res.drikmoenster" in (refused.error or ""), refused.error
    assert forms.load(no).form.result_reports[0].results["RDC40"] is None
    field.trigger("inputValue", "RGCK02")
    select = _element(app_user, "ri-field-RDC40")
    assert "RGCK02" in select.options, list(select.options)
    select.value = "RGCK02"
    assert forms.load(no).form.result_reports[0].results["RDC40"] == "RGCK02"

    app_user.find(marker="action-print").click()
    response = await app_user.download.next(timeout=10)
    text = text_of(response.content)
    assert "RAA12 – Alkoholbehandling (NAB)" in text
    assert "[res.drikmoenster]: RGCK02" in text
