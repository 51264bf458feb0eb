"""Stories of "Indberet", "Annuller", "Slet kladde", "Print", the history page and the deadline view."""

from __future__ import annotations

import csv
import io

from nicegui import ui
from nicegui.testing import User

from seilocal.store.versions import versions_of
from tests.support.dbfile import bundle_names
from tests.support.submit_helpers import clean_form, set_practice


def _element(user: User, mark: str):
    (element,) = user.find(marker=mark).elements
    return element


async def test_indberet_is_refused_while_errors_remain(app_user: User) -> None:
    form = clean_form()
    form.referral.method = None
    app_user.ctx.store.forms.create(form)
    await app_user.open("/skema/1")
    app_user.find(marker="action-submit").click()
    await app_user.should_see(marker="submit-errors")
    await app_user.should_see("Henvisningsmåde", marker="submit-error")
    assert app_user.ctx.store.forms.load(1).form.status == "draft"
    assert versions_of(app_user.ctx.store).versions(1) == []


async def test_indberet_a_clean_form_after_confirming_warnings_then_edit_and_resubmit(app_user: User) -> None:
    store = app_user.ctx.store
    set_practice(store)
    store.forms.create(clean_form())
    await app_user.open("/skema/1")
    app_user.find(marker="action-submit").click()
    await app_user.should_see(marker="submit-warnings")
    await app_user.should_see("SEI-DL01", marker="submit-warning")
    assert store.forms.load(1).form.status == "draft"  # nothing happens before the confirmation
    app_user.find(marker="submit-confirm").click()
    await app_user.should_see("Indberettet", marker="header-status", retries=50)  # the bundle's PDF takes a while
    assert store.forms.load(1).form.status == "submitted"
    (version,) = versions_of(store).versions(1)
    assert version.submitted_at == "2026-11-25T10:30:00"
    assert bundle_names(store.path.parent) == ["seilocal-skema-1-v1.zip"]  # kept in the database, no plain file
    assert not (store.path.parent / "bundles").exists()
    assert _element(app_user, "action-submit").enabled is False  # nothing new to submit
    await app_user.should_not_see(marker="action-delete")  # a submitted form is never deleted

    app_user.find(marker="patient-name").clear().type("Ny Navn")
    await app_user.should_see("Ændret efter indberetning", marker="header-status")
    assert _element(app_user, "action-submit").enabled is True
    app_user.find(marker="action-submit").click()  # no warnings left (the deadline rule is for drafts): at once
    await app_user.should_see("Indberettet", marker="header-status", retries=50)
    assert [v.version for v in versions_of(store).versions(1)] == [1, 2]


async def test_indberet_is_refused_in_danish_when_the_lpr3_document_cannot_be_written(app_user: User) -> None:
    store = app_user.ctx.store  # no practice profile: no reporting SOR unit and no CVR for the document
    store.forms.create(clean_form())
    await app_user.open("/skema/1")
    app_user.find(marker="action-submit").click()
    await app_user.should_see(marker="submit-warnings")
    app_user.find(marker="submit-confirm").click()
    await app_user.should_see(marker="submit-refused")
    # The reasons themselves (should_see with a text matched any element holding it, e.g. the SOR field's note).
    reasons = [label.text for label in app_user.find(marker="submit-refused-reason").elements]
    assert any("indberettende SOR-enhed" in r for r in reasons), reasons
    assert any("intet CVR-nummer" in r for r in reasons), reasons
    assert all("Indstillinger › Praksisprofil" in r for r in reasons), reasons
    assert store.forms.load(1).form.status == "draft"  # nothing stored
    assert versions_of(store).versions(1) == []
    assert bundle_names(store.path.parent) == []
    await app_user.should_not_see("Skemaet er indberettet")


def _submitted(user: User, edits: dict[str, str] | None = None) -> None:
    """Form 1: a clean form submitted through the store (version 1), then edited with `edits`."""
    store = user.ctx.store
    stored = store.forms.create(clean_form())
    versions_of(store, user.ctx.clock).submit(stored, [])
    for path, value in (edits or {}).items():
        store.forms.save_edit(stored, path, value)


async def test_annuller_needs_a_reason_and_cancels(app_user: User) -> None:
    _submitted(app_user)
    await app_user.open("/skema/1")
    app_user.find(marker="action-cancel").click()
    await app_user.should_see(marker="cancel-dialog")
    app_user.find(marker="cancel-confirm").click()
    assert _element(app_user, "cancel-reason").error  # no reason: refused, still open
    assert app_user.ctx.store.forms.load(1).form.status == "submitted"
    app_user.find(marker="cancel-reason").type("Forkert patient")
    app_user.find(marker="cancel-confirm").click()
    await app_user.should_see("Annulleret", marker="header-status")
    assert app_user.ctx.store.forms.load(1).form.status == "cancelled"
    await app_user.should_not_see(marker="action-cancel")
    assert _element(app_user, "action-submit").enabled is False


async def test_slet_kladde_after_confirmation(app_user: User) -> None:
    app_user.ctx.store.forms.create(clean_form())
    await app_user.open("/skema/1")
    app_user.find(marker="action-delete").click()
    app_user.find(marker="delete-abort").click()
    assert app_user.ctx.store.forms.load(1)
    app_user.find(marker="action-delete").click()
    app_user.find(marker="delete-confirm").click()
    await app_user.should_see(marker="create-form")  # back on the list
    assert app_user.ctx.store.forms.search() == []
    assert app_user.ctx.store.forms.audit_rows(1)[-1]["action"] == "delete"


async def test_print_downloads_a_pdf(app_user: User) -> None:
    app_user.ctx.store.forms.create(clean_form())
    await app_user.open("/skema/1")
    app_user.find(marker="action-print").click()
    response = await app_user.download.next(timeout=10)
    assert response.content.startswith(b"%PDF")


async def test_history_lists_versions_diffs_and_exports_the_audit_log(app_user: User) -> None:
    _submitted(app_user, {"patient.name": "Ny Navn"})
    await app_user.open("/skema/1")
    app_user.find(marker="action-history").click()
    await app_user.should_see(marker="versions-table")
    assert [r["version"] for r in _element(app_user, "versions-table").rows] == [1]
    diff = _element(app_user, "diff-table")  # version 1 against the form now
    assert {(r["label"], r["old"], r["new"]) for r in diff.rows} >= {("Patient › Navn", "Test Testesen", "Ny Navn")}
    events = [r["event"] for r in _element(app_user, "events-table").rows]
    assert events == ["Oprettet", "Indberettet"]

    app_user.find(marker="audit-export").click()
    response = await app_user.download.next(timeout=5)
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert table[0][0] == "Tidspunkt" and any(row[3] == "Patient › Navn" for row in table[1:])


async def test_deadline_view_lists_what_is_due(app_user: User) -> None:
    store = app_user.ctx.store
    store.forms.create(clean_form())  # treated 3 Nov 2026: due 10 Dec, 15 days left on 25 Nov
    late = clean_form()
    late.contacts[0].start = "2026-10-05T10:00:00"  # due 10 Nov: overdue
    store.forms.create(late)
    await app_user.open("/")
    await app_user.should_see(marker="deadline-view")
    await app_user.should_see("15 dage tilbage", marker="deadline-days")
    await app_user.should_see("15 dage overskredet", marker="deadline-days")
    await app_user.should_see("10-11-2026")
    colours = {e.text: e.classes for e in app_user.find(marker="deadline-days").elements}
    assert "text-negative" in colours["15 dage overskredet"] and "text-negative" not in colours["15 dage tilbage"]


async def test_deadline_chart_counts_submissions_per_month(app_user: User) -> None:
    _submitted(app_user)
    await app_user.open("/")
    chart = _element(app_user, "submissions-chart")
    assert isinstance(chart, ui.echart)
    assert chart.options["xAxis"]["data"] == ["2026-11"] and chart.options["series"][0]["data"] == [1]
    await app_user.should_see(marker="deadline-empty")
