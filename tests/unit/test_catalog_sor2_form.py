"""Issue 25, done when: a SorEntity_daily-shaped file imported on the command line gives units a form can use;
the form validates and exports (LPR3 CDA in the submitted bundle) with them."""

from __future__ import annotations

import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

import seilocal.cli.forms as cli_forms
from seilocal.cli import main
from seilocal.model.profile import PracticeProfile
from seilocal.store import open_store
from seilocal.store.profile import save_profile
from tests.support.dbfile import bundle_file
from tests.support.submit_helpers import clean_form

DAILY = Path(__file__).parent / "data" / "catalog" / "sor2" / "SorEntity_daily.csv"
DERMA = "911113000016000"  # an OE of the file, closing 2027-06-30 (in the future)
FUTURE = "911114000016009"  # an OE that opens 2027-02-01
NOW = datetime(2026, 11, 25, 10, 30)


def form_with_unit(unit: str):
    form = clean_form()
    form.course.responsible_unit = unit
    form.contacts[0].responsible_unit = unit
    form.contacts[0].procedures[0].producer = unit
    return form


@pytest.fixture
def data(tmp_path, monkeypatch):
    monkeypatch.setattr(cli_forms, "_clock", lambda: NOW)
    folder = tmp_path / "data"
    open_store(folder).close()
    assert main(["--data-dir", str(folder), "codes", "import-sor", str(DAILY)]) == 0
    store = open_store(folder)
    save_profile(store.prefs, PracticeProfile(clinic_name="Nørrebro", cvr="31313131", responsible_unit=DERMA))
    store.close()
    return folder


def validate(data: Path, tmp_path: Path, unit: str, capsys) -> tuple[int, set[str]]:
    path = tmp_path / f"form-{unit}.json"
    path.write_text(form_with_unit(unit).to_json(), encoding="utf-8")
    capsys.readouterr()
    code = main(["--data-dir", str(data), "validate", str(path), "--json"])
    findings = json.loads(capsys.readouterr().out)
    return code, {f["rule"] for f in findings if f["severity"] == "error"}


def test_a_form_with_a_sor2_unit_validates_and_exports(data, tmp_path, capsys) -> None:
    code, errors = validate(data, tmp_path, DERMA, capsys)
    assert (code, errors) == (0, set())
    # the control: a unit of the same file that is not open yet on the course's day is an error
    code, errors = validate(data, tmp_path, FUTURE, capsys)
    assert code == 1 and {"02.41", "05.41"} & errors

    store = open_store(data)
    store.forms.create(form_with_unit(DERMA))
    store.close()
    assert main(["--data-dir", str(data), "submit", "1"]) == 0
    bundle = bundle_file(data, "seilocal-skema-1-v1.zip", tmp_path / "exported")
    with zipfile.ZipFile(bundle) as archive:
        xml = archive.read("lpr3/seilocal-skema-1-v1-lpr3.xml").decode("utf-8")
    assert f'extension="{DERMA}"' in xml
