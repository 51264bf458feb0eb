"""The practice profile: CVR check, a new form from the profile, load/save in the preferences."""

from __future__ import annotations

from seilocal.model.profile import PracticeProfile, check_cvr, new_form_from_profile, normal_cvr
from seilocal.store.profile import CVR_KEY, PROFILE_KEY, load_profile, save_profile


def test_cvr_must_have_eight_digits() -> None:
    assert check_cvr("12345678") is None
    assert check_cvr(" 1234 5678 ") is None and normal_cvr(" 1234 5678 ") == "12345678"
    assert check_cvr("") is None and check_cvr(None) is None
    assert check_cvr("1234567") == "Et CVR-nummer har 8 cifre."
    assert check_cvr("1234567A") == "Et CVR-nummer har 8 cifre."
    assert normal_cvr("123456789") is None


def test_a_new_form_takes_the_practice_defaults() -> None:
    profile = PracticeProfile(responsible_unit="999921000016002", payer="ALFB01", agreement="ALFA2",
                              specialisation_level="ALFC4")
    form = new_form_from_profile(profile)
    assert form.course.responsible_unit == "999921000016002"
    assert (form.payment.payer, form.payment.agreement, form.payment.specialisation_level) == (
        "ALFB01", "ALFA2", "ALFC4")
    assert form.patient.cpr is None and form.markers == []
    assert new_form_from_profile(PracticeProfile()).payment.payer is None


def test_profile_round_trip_and_cvr_key(store) -> None:
    prefs = store.prefs
    assert load_profile(prefs) == PracticeProfile()
    profile = PracticeProfile(clinic_name="Klinik Ø", cvr="12345678", own_units=["999911000016001"],
                              payer="ALFB01")
    save_profile(prefs, profile)
    assert load_profile(prefs) == profile
    assert prefs.get(CVR_KEY) == "12345678"
    profile.cvr = "1234"  # kept as typed in the profile, but no CVR for the SOR look-up
    save_profile(prefs, profile)
    assert load_profile(prefs).cvr == "1234"
    assert prefs.get(CVR_KEY) == ""


def test_an_unreadable_profile_gives_an_empty_one(store) -> None:
    store.prefs.set(PROFILE_KEY, "{not json")
    assert load_profile(store.prefs) == PracticeProfile()
    store.prefs.set(PROFILE_KEY, '{"clinic_name": "A", "from_a_newer_version": 1}')
    assert load_profile(store.prefs).clinic_name == "A"


def test_the_created_form_is_pre_filled(store) -> None:
    save_profile(store.prefs, PracticeProfile(payer="ALFB01", responsible_unit="999921000016002"))
    stored = store.forms.create(new_form_from_profile(load_profile(store.prefs)))
    loaded = store.forms.load(stored.form.form_no).form
    assert loaded.payment.payer == "ALFB01" and loaded.course.responsible_unit == "999921000016002"


def test_cvr_modulus_11_is_a_warning() -> None:
    from seilocal.model.profile import cvr_warning

    assert cvr_warning("12345674") is None and cvr_warning("1234 5674") is None
    assert "modulus 11" in (cvr_warning("12345678") or "")
    assert cvr_warning("1234") is None and cvr_warning(None) is None  # the format error says it already
    assert normal_cvr("12345678") == "12345678"  # still used for "Mit CVR": the SOR file decides
