"""The form's history lists its LPR3 documents, each with a download (and the removal document once cancelled)."""

from __future__ import annotations

from nicegui.testing import User

from seilocal.model.profile import PracticeProfile
from seilocal.store.profile import save_profile
from seilocal.store.versions import versions_of
from tests.support.rules_fakes import UNIT
from tests.support.submit_helpers import clean_form


def _submitted(user: User, cvr: str | None = "25469364"):
    store = user.ctx.store
    save_profile(store.prefs, PracticeProfile(cvr=cvr, responsible_unit=UNIT))
    stored = store.forms.create(clean_form())
    versions_of(store, user.ctx.clock).submit(stored, [])
    return stored


async def test_history_downloads_the_lpr3_document_of_a_version(app_user: User) -> None:
    _submitted(app_user)
    await app_user.open("/skema/1/historik")
    await app_user.should_see("seilocal-skema-1-v1-lpr3.xml", marker="lpr3-docs")
    app_user.find(marker="lpr3-download-1").click()
    response = await app_user.download.next(timeout=10)
    assert b"<ClinicalDocument" in response.content and b'<versionNumber value="1"/>' in response.content
    assert b'extension="0101801233"' in response.content


async def test_a_cancelled_form_offers_its_removal_document(app_user: User) -> None:
    stored = _submitted(app_user)
    versions_of(app_user.ctx.store, app_user.ctx.clock).cancel(stored, "fejl")
    await app_user.open("/skema/1/historik")
    await app_user.should_see("seilocal-skema-1-v2-annullering.xml", marker="lpr3-docs")
    app_user.find(marker="lpr3-download-cancel").click()
    response = await app_user.download.next(timeout=10)
    assert b'code="nullified"' in response.content


async def test_a_document_that_cannot_be_made_says_why(app_user: User) -> None:
    _submitted(app_user, cvr=None)
    await app_user.open("/skema/1/historik")
    app_user.find(marker="lpr3-download-1").click()
    await app_user.should_see("LPR3-dokumentet kan ikke dannes")


async def test_a_version_carried_over_a_restore_shows_as_submitted_before_the_restore(app_user: User) -> None:
    from seilocal.store.carry import IssuedVersion, carry_versions

    store = app_user.ctx.store
    stored = store.forms.create(clean_form())
    issued = IssuedVersion(1, stored.form.course.id, 1, "2026-11-24T10:00:00", stored.form.to_json(), "[]")
    assert carry_versions(store.db, [issued], "2026-11-25T10:30:00") == 1
    assert store.forms.load(1).form.status == "changed"  # reported before; what is here is a change since
    await app_user.open("/skema/1/historik")
    await app_user.should_see(marker="versions-table")
    (table,) = app_user.find(marker="versions-table").elements
    assert [(row["version"], row["source"]) for row in table.rows] == [(1, "Indberettet før gendannelse")]
    (events,) = app_user.find(marker="events-table").elements
    assert any("Indberettet før gendannelse" in str(row.values()) for row in events.rows)
