"""With the trigger lists imported, the result-report section proposes and creates all ten reports."""

from __future__ import annotations

from pathlib import Path

from nicegui.testing import User

from seilocal.store.catalog.list_import import import_lists
from tests.support.all_reports import LIST_FILE, every_trigger


async def test_with_the_lists_imported_all_ten_reports_are_proposed_and_created(
    app_user: User, tmp_path: Path
) -> None:
    path = tmp_path / "lister.tsv"
    path.write_text(LIST_FILE, encoding="utf-8")
    import_lists(app_user.ctx.store.db, path)
    forms = app_user.ctx.store.forms
    stored = forms.create(every_trigger())
    await app_user.open(f"/skema/{stored.form.form_no}")
    app_user.find(marker="ri-show-pending").click()
    for i in range(1, 11):
        await app_user.should_see(marker=f"ri-pending-RAA{i:02d}")
    app_user.find(marker="ri-process-all").click()
    reports = forms.load(stored.form.form_no).form.result_reports
    assert sorted(r.name for r in reports) == [f"RAA{i:02d}" for i in range(1, 11)]
