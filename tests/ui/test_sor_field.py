"""The SOR field and its look-up dialog: tabs, per-column filters, picking a row."""

from __future__ import annotations

from pathlib import Path

import pytest
from nicegui import ui
from nicegui.testing import User
from sqlite_utils import Database

from seilocal.pages.sor_field import SorField, dialog_units, sor_field
from seilocal.store.catalog import CatalogStore, apply_catalog_schema
from seilocal.store.catalog.sor_import import import_sor

DATA = Path(__file__).parent.parent / "unit" / "data" / "catalog"
MY_CVR = "12345678"
pytestmark = pytest.mark.catalog(starter=DATA / "starter", sor=DATA / "sor_small.csv")


@pytest.fixture
def catalog(catalog_db: Database) -> CatalogStore:
    return CatalogStore(catalog_db)


def ids(units: list) -> list[str]:
    return [u.sor_id for u in units]


def test_tabs_select_by_cvr_level_and_owner(catalog: CatalogStore) -> None:
    assert ids(dialog_units(catalog, "cvr_si", {}, MY_CVR)) == ["486811000016002"]
    assert ids(dialog_units(catalog, "cvr_all", {}, MY_CVR)) == ["486811000016002", "486821000016009"]
    assert ids(dialog_units(catalog, "cvr_all", {}, None)) == []
    assert ids(dialog_units(catalog, "statslig", {}, MY_CVR)) == ["276231000016004"]
    assert ids(dialog_units(catalog, "regional", {}, MY_CVR)) == ["6071000016008"]


def test_column_filters_narrow_the_rows(catalog: CatalogStore) -> None:
    assert ids(dialog_units(catalog, "cvr_all", {"name": "øjen"}, MY_CVR)) == ["486821000016009"]
    assert ids(dialog_units(catalog, "cvr_all", {"unit_type": "speciallæge"}, MY_CVR)) == ["486811000016002"]
    assert ids(dialog_units(catalog, "cvr_all", {"sor_id": "48682"}, MY_CVR)) == ["486821000016009"]
    assert ids(dialog_units(catalog, "privat", {"ydernummer": "999"}, MY_CVR)) == []


async def test_dialog_picks_a_row_into_the_field(user: User, catalog: CatalogStore) -> None:
    changes: list = []
    fields: list[SorField] = []

    @ui.page("/sor")
    def page() -> None:
        fields.append(
            sor_field(
                catalog,
                label="Ansvarlig enhed",
                value=None,
                on_change=changes.append,
                mark="unit",
                my_cvr=lambda: MY_CVR,
            )
        )

    await user.open("/sor")
    user.find(marker="unit-lookup").click()
    field = fields[0]
    assert [r["sor_id"] for r in field.table.rows] == ["486811000016002"]
    assert "level" not in [c["name"] for c in field.table.columns]
    with user.client:
        field.tabs.value = "cvr_all"
    assert [r["sor_id"] for r in field.table.rows] == ["486811000016002", "486821000016009"]
    assert "Niveau" in [c["label"] for c in field.table.columns]
    user.find(marker="unit-filter-name").type("øjen")
    assert [r["sor_id"] for r in field.table.rows] == ["486821000016009"]
    user.find(marker="unit-table").trigger("rowClick", [{}, field.table.rows[0], 0])
    assert changes == ["486821000016009"]
    assert field.value == "486821000016009"
    await user.should_see("486821000016009 – Klinik Øresund, øjenafdeling")


async def test_typing_a_code_or_name_offers_units(user: User, catalog: CatalogStore) -> None:
    fields: list[SorField] = []

    @ui.page("/sor2")
    def page() -> None:
        fields.append(
            sor_field(
                catalog,
                label="Henvisende enhed",
                value="999",
                on_change=lambda v: None,
                mark="ref",
                my_cvr=lambda: None,
            )
        )

    await user.open("/sor2")
    assert fields[0].value == "999"  # unknown to the catalog, kept as the raw code
    user.find(marker="ref").trigger("inputValue", "serum")
    assert fields[0].select.options == {
        "999": "999",
        "276231000016004": "276231000016004 – Statens Serum Institut",
    }
    user.find(marker="ref").trigger("inputValue", "6071")
    assert "6071000016008" in fields[0].select.options


SOR2_DAILY = DATA / "sor2" / "SorEntity_daily.csv"
SOR2_CVR = "31313131"


async def test_the_dialog_shows_si_speciality_and_validity_of_sor2_units(user: User) -> None:
    db = Database(memory=True)
    apply_catalog_schema(db)
    import_sor(db, SOR2_DAILY)
    catalog = CatalogStore(db)
    changes: list = []
    fields: list[SorField] = []

    @ui.page("/sor3")
    def page() -> None:
        fields.append(sor_field(catalog, label="Ansvarlig enhed", value=None, on_change=changes.append,
                                mark="unit", my_cvr=lambda: SOR2_CVR))

    await user.open("/sor3")
    user.find(marker="unit-lookup").click()
    field = fields[0]
    assert [r["sor_id"] for r in field.table.rows] == ["911111000016004"]  # "Mit CVR – SI"
    with user.client:
        field.tabs.value = "cvr_all"
    rows = {r["sor_id"]: r for r in field.table.rows}
    assert list(rows) == ["911111000016004", "911113000016000", "911112000016002", "911114000016009"]
    assert rows["911113000016000"] == {
        "sor_id": "911113000016000", "name": "Speciallægepraksis Nørrebro ApS, Dermatologi", "level": "OE",
        "si": "Speciallægepraksis Nørrebro ApS (911111000016004)", "speciality": "Dermato-venerologi",
        "validity": "01-01-2015 – 30-06-2027", "ydernummer": "", "unit_type": "Speciallægepraksis",
    }
    assert rows["911111000016004"]["validity"] == "fra 01-03-2012" and rows["911111000016004"]["si"] == ""
    labels = [c["label"] for c in field.table.columns]
    assert {"Sundhedsinstitution (SI)", "Speciale", "Gyldig", "Niveau"} <= set(labels)
    with user.client:
        field.tabs.value = "alle"
    assert len(field.table.rows) == 8
    user.find(marker="unit-filter-name").type("ambulatorium")
    assert [r["si"] for r in field.table.rows] == ["Regionshospital Vestkysten (922221000016008)"]
    user.find(marker="unit-table").trigger("rowClick", [{}, field.table.rows[0], 0])
    assert changes == ["922223000016001"]


def test_an_oe_of_our_csv_shows_its_parent_as_si(catalog: CatalogStore) -> None:
    from seilocal.pages.sor_field import table_row, with_si

    row = table_row(with_si(catalog, catalog.sor_get("486811000016002")))
    assert row["si"] == ""  # an SI of sor_small.csv: no parent
    oe = next(u for u in catalog.sor_filter(level="OE") if u.parent)
    parent = catalog.sor_get(oe.parent)
    assert table_row(with_si(catalog, oe))["si"] == f"{parent.name} ({parent.sor_id})"
