"""Issue 20, bad input: a code SKS retired gets a warning with its last known text, never silence.

The evidence the app has: an imported SKScomplete.txt whose periods of the code all ended; for the bundled
SKS 2026-06 catalog (no dates) the dated SKS extract behind a derived list (AZCA3, end of 2022); for a code SKS
2026-06 does not know, the text our former starter catalog gave it. Without evidence nothing is said.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from seilocal.cli import main
from seilocal.rules import validate
from seilocal.rules.catalog import RetiredCode
from seilocal.store import memory_store
from seilocal.store.catalog import CatalogStore, apply_catalog_schema, import_sks
from tests.support.rules_fakes import base_form

DATA = Path(__file__).parent / "data" / "catalog"
TODAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 12, 0, 0)


@pytest.fixture(scope="module")
def bundled() -> CatalogStore:
    return memory_store().catalog


@pytest.fixture
def imported() -> CatalogStore:
    db = Database(memory=True)
    apply_catalog_schema(db)
    import_sks(db, DATA / "sks_small.txt")  # ALDA11 "Akutordning" valid 2019-01-01 .. 2022-12-31
    return CatalogStore(db)


def test_an_imported_sks_file_dates_a_retired_code(imported: CatalogStore) -> None:
    assert imported.retired("ALDA11", TODAY) == RetiredCode("ALDA11", "Akutordning", date(2022, 12, 31), "sks")
    assert imported.retired("ALDA11", date(2022, 6, 1)) is None  # still valid then
    assert imported.retired("DZ001", TODAY) is None  # an older text ended, the code did not


def test_the_bundled_catalog_knows_only_what_its_evidence_says(bundled: CatalogStore) -> None:
    azca3 = bundled.retired("AZCA3", TODAY)
    assert azca3 is not None and (azca3.until, azca3.evidence) == (date(2022, 12, 31), "sks_extract")
    assert azca3.text == bundled.text("AZCA3")
    assert bundled.retired("AZCA3", date(2022, 6, 1)) is None
    former = bundled.retired("ALDA01", TODAY)
    assert former == RetiredCode("ALDA01", "Henvist fra alment praktiserende læge", None, "former_starter")
    assert bundled.retired("DJ069", TODAY) is None  # current
    assert bundled.retired("QQQ999", TODAY) is None  # nobody ever had it: no text to give, no invention


def test_validation_warns_with_the_last_known_text(bundled: CatalogStore, imported: CatalogStore) -> None:
    form = base_form()
    form.referral.method = "ALDA01"
    (finding,) = [f for f in validate(form, bundled, NOW) if f.rule == "SEI-C03"]
    assert (finding.severity, finding.path) == ("warning", "referral.method")
    assert "findes ikke i SKS 2026-06" in finding.message
    assert "»Henvist fra alment praktiserende læge«" in finding.message

    form.referral.method = "ALDA11"
    (finding,) = [f for f in validate(form, imported, NOW) if f.rule == "SEI-C03"]
    assert finding.message == "Koden ALDA11 er udgået af SKS (gyldig til 31-12-2022). Sidst kendte tekst: »Akutordning«"
    form.referral.method = "ALDA11"
    assert not [f for f in validate(form, imported, datetime(2022, 6, 1)) if f.rule == "SEI-C03"]


def test_cli_validate_shows_the_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    form = base_form()
    form.contacts[0].diagnoses[0].supplementary = ["ALDA02"]
    path = tmp_path / "form.json"
    path.write_text(form.to_json(), encoding="utf-8")
    capsys.readouterr()
    main(["--data-dir", str(tmp_path / "data"), "validate", str(path), "--json"])
    findings = json.loads(capsys.readouterr().out)
    (finding,) = [f for f in findings if f["rule"] == "SEI-C03"]
    assert finding["severity"] == "warning"
    assert finding["path"] == "contacts[0].diagnoses[0].supplementary[0]"
    assert "»Henvist fra praktiserende speciallæge«" in finding["message"]
