"""The catalog says what it is: a notice on the forms list and the settings while the starter catalog is in use."""

from __future__ import annotations

import csv

from nicegui.testing import User

from seilocal.resources import asset_path
from seilocal.store.catalog.schema import CODES, SOR

FORBIDDEN = ("tekst ikke fundet", "pladsholder", "placeholder")


async def test_the_forms_list_and_the_settings_say_the_codes_are_a_starter_set(app_user: User) -> None:
    await app_user.open("/")
    await app_user.should_see("uden gyldighedsdatoer", marker="forms-starter-notice")
    await app_user.should_see("afledt af SKS 2026-06", marker="forms-starter-notice")
    await app_user.should_see("Startsæt i brug: SKS-koderne og SOR-enhederne", marker="forms-starter-notice")
    app_user.find(marker="forms-starter-notice-import").click()
    await app_user.should_see(marker="settings-starter-notice")
    await app_user.should_see(marker="catalog-import-upload")


async def test_the_notice_goes_once_both_official_files_are_imported(app_user: User) -> None:
    db = app_user.ctx.store.db
    with db.atomic():  # as the importers leave it: rows whose source is the official file
        db.execute(f"UPDATE {CODES} SET source = 'sks' WHERE code = 'ALFA2'")
    await app_user.open("/")
    await app_user.should_see("Startsæt i brug: SOR-enhederne", marker="forms-starter-notice")
    with db.atomic():
        db.execute(f"UPDATE {SOR} SET source = 'sor' WHERE sor_id = '999911000016001'")
    await app_user.open("/")
    await app_user.should_see(marker="forms-table")
    await app_user.should_not_see(marker="forms-starter-notice")
    await app_user.open("/indstillinger")
    await app_user.should_see(marker="settings-profile")
    await app_user.should_not_see(marker="settings-starter-notice")


def test_no_placeholder_texts_and_demo_units_say_so() -> None:
    for name in ("sor_units.tsv", "lists.tsv"):
        text = asset_path("catalog", name).read_text(encoding="utf-8").lower()
        assert not [word for word in FORBIDDEN if word in text], name
    with asset_path("catalog", "sor_units.tsv").open(encoding="utf-8") as handle:
        names = [row["name"] for row in csv.DictReader(handle, delimiter="\t")]
    assert names and all(name.startswith("Demo ") for name in names)


def test_the_payment_agreements_read_as_texts(store) -> None:
    assert store.catalog.text("ALFA2") == "højt specialiseret"  # the SKS 2026-06 text
    assert store.catalog.text("ALFA3") == "DRG"
