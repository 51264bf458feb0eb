"""Why a submission was refused because its LPR3 document cannot be written, in words a practitioner reads.

`SubmissionRefused` carries the integrity checks' `Problem`s (kind, field, value); each language renders them
by its own template: English on the command line (`Problem.english`), Danish in the UI (`danish` here). Nothing
is ever translated by matching text.
"""

from __future__ import annotations

from seilocal.store.history import field_label

from .cda.integrity import IntegrityError, Problem

# What to do, per kind ({field} is the Danish label of the field, {value} the value at fault).
_DANISH = {
    "no_code": "{field}: der mangler en kode. Udfyld feltet.",
    "not_code": "{field}: »{value}« er ikke en SKS-kode. Ret feltet.",
    "no_time": "{field}: der mangler et tidspunkt. Udfyld feltet.",
    "not_time": "{field}: »{value}« er ikke et gyldigt tidspunkt. Ret feltet.",
    "no_unit": "{field}: der mangler en SOR-enhed. Udfyld feltet.",
    "not_sor": "{field}: »{value}« er ikke et SOR-ID. Ret feltet.",
    "missing": "{field}: mangler. Udfyld feltet.",
    "no_cvr": "Praksisprofilen har intet CVR-nummer (8 cifre). Udfyld det under Indstillinger › Praksisprofil.",
    "no_patient": "Patienten har intet CPR-nummer eller erstatnings-CPR. Udfyld CPR-nummer.",
    "course_not_uuid": "ForløbsID er ikke et gyldigt ID.",
    "reference_half": "Henvisning: en reference til et andet forløb skal have både reference-ID og referencetype.",
    "reference_not_uuid": "Henvisning: reference-ID er ikke et gyldigt forløbsID.",
    "no_results": "{field}: ingen resultater er udfyldt. Udfyld mindst ét resultat, eller slet indberetningen.",
    "trigger_missing": "{field}: det, der udløste indberetningen, findes ikke længere i skemaet.",
    "catalog_unit": "{field}: SOR-enheden {value} er ikke gyldig. Vælg en gyldig enhed.",
    "catalog_code": "{field}: koden {value} er ikke gyldig. Vælg en gyldig kode.",
    "build_failed": "LPR3-dokumentet kunne ikke dannes (intern fejl: {value}). Intet er indberettet; kontakt "
                    "support.",
    "bad_text": "{field}: indeholder et usynligt kontroltegn (fx kopieret fra et andet program). "
                "Skriv teksten igen.",
}
_PROFILE_LABELS = {
    "profile.responsible_unit": "Praksisprofil › Indberettende SOR-enhed",
    "profile.cvr": "Praksisprofil › CVR-nummer",
}
_PROFILE_KINDS = {"no_unit", "not_sor"}


class SubmissionRefused(RuntimeError):
    """The form's LPR3 document cannot be written (or fails our checks): nothing was submitted or stored."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("the LPR3 document cannot be written: " + "; ".join(p.english for p in problems))
        self.problems = problems

    @classmethod
    def of(cls, error: IntegrityError) -> SubmissionRefused:
        return cls(list(error.items))

    def english(self) -> list[str]:
        """One line per reason, English (the command line)."""
        return [p.english for p in self.problems]

    def danish(self) -> list[str]:
        """One line per reason, Danish (the UI)."""
        return [danish(p) for p in self.problems]


def danish(problem: Problem) -> str:
    """The Danish sentence of one reason: which field, what is wrong, what to do."""
    if problem.path in _PROFILE_LABELS:
        field = _PROFILE_LABELS[problem.path]
        if problem.kind in _PROFILE_KINDS and problem.path == "profile.responsible_unit":
            return (f"{field}: praksisprofilen har ingen indberettende SOR-enhed. "
                    "Udfyld den under Indstillinger › Praksisprofil.")
    elif problem.kind == "text":
        return problem.where
    else:
        field = field_label(problem.path) if problem.path else "Skemaet"
    return _DANISH.get(problem.kind, "{field}").format(field=field, value=problem.value or "")
