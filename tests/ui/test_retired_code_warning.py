"""Issue 20: the validation box shows a retired code's warning with its last known text."""

from __future__ import annotations

from nicegui.testing import User

from tests.support.rules_fakes import base_form


async def test_a_code_of_the_former_starter_catalog_is_a_warning_with_its_old_text(app_user: User) -> None:
    form = base_form()
    form.referral.method = "ALDA01"  # in our former starter catalog, not in SKS 2026-06
    stored = app_user.ctx.store.forms.create(form)
    await app_user.open(f"/skema/{stored.form.form_no}")
    app_user.find(marker="validation-run").click()  # open the box
    await app_user.should_see(marker="validation-warnings")
    await app_user.should_see(marker="finding-SEI-C03")
    await app_user.should_see("Henvist fra alment praktiserende læge")
