"""Issue 19, the practitioner's path in a real browser: a cancer diagnosis with "ingen metastaser" and "ingen
lokalrecidiv", the RAA01 report with Anmeldelsesstatus and Makroskopisk diagnosegrundlag only, "Markér som
komplet", "Indberet". The stored bundle's LPR3 document passes the official XSD and schematron: the results left
empty are not written (they were `nullFlavor="NI"`, 6 failed asserts)."""

from __future__ import annotations

import io
import zipfile
from datetime import timedelta

import pytest
from lxml import etree
from selenium.webdriver.common.keys import Keys

from tests.support.app import start_app, stop_app
from tests.support.browser import (
    by_mark,
    click,
    click_input,
    press,
    type_keys,
    wait,
    wait_focus_in,
    wait_stored,
)
from tests.support.cda_support import assert_valid, need_shared
from tests.support.dbfile import bundle_names, stored_bundle
from tests.support.env import FIXED_NOW
from tests.support.keyboard import choose_here, open_section, pick, select_row
from tests.support.submit_helpers import clean_form, set_practice

pytestmark = pytest.mark.browser
HL7 = {"h": "urn:hl7-org:v3"}


@pytest.fixture
def practice_app(data_dir):
    """The app over a data dir with a practice profile (SOR unit, CVR) and one clean draft treated yesterday."""
    from seilocal.store import open_store

    need_shared()
    data = data_dir
    store = open_store(data)
    set_practice(store)
    store.forms.create(clean_form(day=FIXED_NOW.date() - timedelta(days=1)))
    store.close()
    app = start_app(data)
    yield app
    stop_app(app)


def test_cancer_with_none_stated_and_a_report_with_empty_results_submits_a_valid_document(browser, practice_app):
    app = practice_app
    browser.get(app.url)
    browser.get(f"{app.base}/skema/1")
    by_mark(browser, "form-actions")

    open_section(browser, "contacts")
    select_row(browser, "contacts")  # clicked again if a click on the still-opening section is lost
    pick(browser, "diagnosis-action-code", "DC509", "DC509")
    wait_stored(app.data_dir, lambda doc: doc["contacts"][0]["diagnoses"][0]["code"] == "DC509")
    click(browser, "diagnosis-action-metastases-none")
    wait_stored(app.data_dir, lambda doc: doc["contacts"][0]["diagnoses"][0]["no_metastases"] is True)
    click(browser, "diagnosis-action-recurrences-none")
    wait_stored(app.data_dir, lambda doc: doc["contacts"][0]["diagnoses"][0]["no_local_recurrences"] is True)

    # The RAA01 report: Anmeldelsesstatus from its list, Makroskopisk diagnosegrundlag typed with Enter (AZCK4
    # "klinisk undersøgelse", of the list derived from SKS), the rest left empty.
    wait(browser, lambda d: "Vis ubehandlede RI (1)" in by_mark(d, "top-ri-show").text,
         message="the top bar offers no untreated report")
    press(browser, "top-ri-process")  # "Behandl alle": the report is made, the focus in its first field
    wait_stored(app.data_dir, lambda d: len(d["result_reports"]) == 1)
    wait_focus_in(browser, "ri-field-RDA01")
    choose_here(browser, "ri-field-RDA01", "AZCA1", "AZCA1")
    wait_stored(app.data_dir, lambda d: d["result_reports"][0]["results"].get("RDA01") == "AZCA1")
    click_input(browser, "ri-field-RDA02")
    type_keys(browser, "AZCK4", Keys.ENTER)
    wait_stored(app.data_dir, lambda d: d["result_reports"][0]["results"].get("RDA02") == "AZCK4")
    click(browser, "ri-complete")
    wait_stored(app.data_dir, lambda d: d["result_reports"][0]["status"] == "complete")

    click(browser, "action-submit")
    by_mark(browser, "submit-warnings")  # the deadline reminder: confirm it
    click(browser, "submit-confirm")
    stored = wait_stored(app.data_dir, lambda d: d["status"] == "submitted")
    assert {k: v for k, v in stored["result_reports"][0]["results"].items() if v} == {"RDA01": "AZCA1",
                                                                                   "RDA02": "AZCK4"}
    assert bundle_names(app.data_dir) == ["seilocal-skema-1-v1.zip"]
    with zipfile.ZipFile(io.BytesIO(stored_bundle(app.data_dir, "seilocal-skema-1-v1.zip"))) as archive:
        xml = archive.read("lpr3/seilocal-skema-1-v1-lpr3.xml")
    assert_valid(xml)  # the official XSD and the 2019 schematron: 0 failed asserts
    organizer = etree.fromstring(xml).xpath("//h:organizer[h:code/@code='RAA01']", namespaces=HL7)[0]
    codes = organizer.xpath("h:component/h:observation/h:code/@code", namespaces=HL7)
    assert codes == ["RDA01", "RDA02"]  # the empty results are not in the document
    assert b'nullFlavor="NI"/>' not in etree.tostring(organizer)
