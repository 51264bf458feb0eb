"""What an import may and may not do: an imported form is always a draft, the practice profile is never changed
behind the user's back (the document's author is offered, validated, for the user to accept), and every piece
of a document that is not kept is named, per language by template.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stdnum.dk import cvr as stdnum_cvr

from seilocal.model import Form
from seilocal.model.profile import normal_cvr
from seilocal.store.forms import StoredForm
from seilocal.store.profile import load_profile, save_profile

from .cda.read import Note

if TYPE_CHECKING:
    from seilocal.store import Store

_SOR = re.compile(r"^\d{6,20}$")

# The Danish sentence of each kind of note ({value}, {report}: what the note names).
_DANISH = {
    "not_code": "Værdien »{value}« er ikke en kode.",
    "bad_time": "Tidspunktet »{value}« kunne ikke læses.",
    "address": "Patientens adresse (skemaet har ingen adresse).",
    "unknown_entry": "En oplysning af en type, skemaet ikke kender.",
    "second_course": "Et forløb mere (et skema rummer ét forløb).",
    "referral_supplementary": "En tillægskode på henvisningsårsagen.",
    "payment_period": "Betalingsoplysningernes egen periode (kontaktens tider bruges).",
    "contact_payment": "En kontakts egne betalingsoplysninger (skemaet har én betaling for alle kontakter).",
    "stay": "Et ophold eller fravær på en kontakt (opholdsadresse).",
    "contact_referral": "En henvisning på en kontakt.",
    "indication": "En procedures indikation (ikke en del af skemaet).",
    "procedure_payment": "Betalingsoplysninger på en procedure på en kontakt.",
    "procedure_link": "En procedures kobling til en kontakt, der ikke er i dokumentet (proceduren er overført "
                      "uden kontakt).",
    "diagnosis_link": "Diagnosen {value} på en kontakt, der ikke er i dokumentet.",
    "report_organizer": "En resultatindberetning uden sine resultater.",
    "second_result": "Resultatet {value} en gang til i {report}.",
    "report_trigger": "Det, der udløste {report} (det er ikke i dokumentet).",
    "nullify": "Dokumentet fjerner forløbet: det er importeret som et annulleret skema.",
    "status_draft": "Filen angav status »{value}«; et importeret skema er altid en kladde.",
    "other": "En oplysning i dokumentet.",
}
_ENGLISH_STATUS = "note: the file said status {value!r}; an imported form is always a draft"


def note_da(note: Note) -> str:
    """A note of an import in Danish."""
    return _DANISH.get(note.kind, _DANISH["other"]).format(**{"value": "", "report": "", **note.values})


def import_form_file(store: Store, form: Form) -> tuple[StoredForm, list[Note]]:
    """A form file of ours into a new form, always as a draft whatever its JSON says; (stored, notes).

    ValueError when the course is here already (nothing stored)."""
    notes = []
    form = form.model_copy(deep=True)
    if form.status != "draft":
        notes.append(Note("status_draft", {"value": str(form.status)}))
        form.status = "draft"
    return store.forms.import_form(form), notes


def english_status_note(note: Note) -> str:
    """The command line's line for a status note."""
    return _ENGLISH_STATUS.format(value=note.values.get("value", ""))


@dataclass(frozen=True)
class ProfileOffer:
    """The author of an imported document, offered as the practice's reporting unit and CVR (each validated)."""

    unit: str | None
    cvr: str | None

    @property
    def english(self) -> str:
        parts = [f"SOR unit {self.unit}" if self.unit else "", f"CVR {self.cvr}" if self.cvr else ""]
        return " and ".join(p for p in parts if p)


def profile_offer(store: Store, author_unit: str | None, custodian_cvr: str | None) -> ProfileOffer | None:
    """What the document's author may give an empty practice profile: the unit when the profile has none (SOR in
    the catalog, or shaped right when the catalog does not know it), the CVR when it has none (modulus 11).
    None when nothing is to be offered."""
    profile = load_profile(store.prefs)
    unit = (author_unit or "").strip()
    if profile.responsible_unit or profile.own_units or not _SOR.match(unit) or _sor_invalid(store, unit):
        unit = ""
    cvr = normal_cvr(custodian_cvr) or ""
    if profile.cvr or not cvr or not stdnum_cvr.is_valid(cvr):
        cvr = ""
    if not unit and not cvr:
        return None
    return ProfileOffer(unit or None, cvr or None)


def _sor_invalid(store: Store, unit: str) -> bool:
    try:
        return store.catalog.sor_valid(unit) is False
    except Exception:  # noqa: BLE001 - a catalog that cannot answer does not know the unit: the shape decides
        return False


def accept_offer(store: Store, offer: ProfileOffer) -> None:
    """The user accepted: the unit becomes the reporting unit (and an own unit), the CVR the practice's CVR;
    only what is still empty in the profile is filled."""
    profile = load_profile(store.prefs)
    if offer.unit and not profile.responsible_unit:
        profile.responsible_unit = offer.unit
        if offer.unit not in profile.own_units:
            profile.own_units = [*profile.own_units, offer.unit]
    if offer.cvr and not profile.cvr:
        profile.cvr = offer.cvr
    save_profile(store.prefs, profile)
