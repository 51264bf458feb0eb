"""Imports are drafts and ask: a form file's status is not taken over, the practice profile is never changed by an
import, the document's author is offered (validated) for the user to accept."""

from __future__ import annotations

import pytest

from seilocal.cli import main
from seilocal.export.imports import ProfileOffer, accept_offer, import_form_file, profile_offer
from seilocal.model.profile import PracticeProfile
from seilocal.store import open_store
from seilocal.store.profile import load_profile, save_profile
from tests.support import cda_corpus as corpus
from tests.support.submit_helpers import clean_form


def run(data, *argv: str) -> int:
    return main(["--data-dir", str(data), *argv])


def _document(tmp_path, unit: str = corpus.UNIT, cvr: str = corpus.CVR):
    from seilocal.export.cda import Header, build_document, to_bytes

    path = tmp_path / "doc.xml"
    path.write_bytes(to_bytes(build_document(corpus.full_form(), Header(1, "2026-11-05T12:00:00", unit, cvr))))
    return path


def test_a_form_file_that_says_submitted_imports_as_a_draft_and_says_so(tmp_path, capsys):
    form = clean_form()
    form.status = "submitted"
    path = tmp_path / "form.json"
    path.write_text(form.to_json(), encoding="utf-8")
    data = tmp_path / "data"
    assert run(data, "import", str(path)) == 0
    assert "always a draft" in capsys.readouterr().err
    store = open_store(data)
    try:
        assert store.forms.load(1).form.status == "draft"
    finally:
        store.close()


def test_import_form_file_keeps_a_draft_without_a_note(store):
    stored, notes = import_form_file(store, clean_form())
    assert stored.form.status == "draft" and notes == []


def test_a_cda_import_changes_no_profile_and_offers_the_author(tmp_path, capsys):
    data = tmp_path / "data"
    assert run(data, "import", str(_document(tmp_path))) == 0
    err = capsys.readouterr().err
    assert f"SOR unit {corpus.UNIT} and CVR {corpus.CVR}" in err and "was not taken over" in err
    store = open_store(data)
    try:
        assert load_profile(store.prefs) == PracticeProfile()
        assert store.forms.load(1).form.status == "draft"
    finally:
        store.close()


def test_use_author_takes_the_offer(tmp_path, capsys):
    data = tmp_path / "data"
    assert run(data, "import", "--use-author", str(_document(tmp_path))) == 0
    assert "now has the document's author" in capsys.readouterr().err
    store = open_store(data)
    try:
        profile = load_profile(store.prefs)
    finally:
        store.close()
    assert (profile.responsible_unit, profile.own_units, profile.cvr) == (corpus.UNIT, [corpus.UNIT], corpus.CVR)


@pytest.mark.parametrize("unit, cvr, expected", [
    (corpus.UNIT, corpus.CVR, ProfileOffer(corpus.UNIT, corpus.CVR)),
    (corpus.UNIT, "25469365", ProfileOffer(corpus.UNIT, None)),  # modulus 11 fails: not offered
    ("12ab", corpus.CVR, ProfileOffer(None, corpus.CVR)),  # not shaped as a SOR id
    ("12ab", "1234", None),
    (None, None, None),
])
def test_the_offer_is_validated(store, unit, cvr, expected):
    assert profile_offer(store, unit, cvr) == expected


def test_nothing_is_offered_into_a_filled_profile_and_accept_fills_only_what_is_empty(store):
    save_profile(store.prefs, PracticeProfile(responsible_unit=corpus.OTHER_UNIT))
    assert profile_offer(store, corpus.UNIT, corpus.CVR) == ProfileOffer(None, corpus.CVR)
    accept_offer(store, ProfileOffer(corpus.UNIT, corpus.CVR))
    profile = load_profile(store.prefs)
    assert (profile.responsible_unit, profile.cvr) == (corpus.OTHER_UNIT, corpus.CVR)
    assert profile_offer(store, corpus.UNIT, corpus.CVR) is None


def test_a_unit_the_catalog_knows_to_be_invalid_is_not_offered(store, monkeypatch):
    monkeypatch.setattr(type(store.catalog), "sor_valid", lambda self, unit, at=None: False)
    assert profile_offer(store, corpus.UNIT, corpus.CVR) == ProfileOffer(None, corpus.CVR)
